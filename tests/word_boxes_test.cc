// A page's word boxes as one BLOB (index/word_boxes.h, schema version 5):
// the codec, its refusal of damaged BLOBs, the `words` view, and the
// conversion of a version-4 index's `words` table, on real SQLite files.
#include "index/word_boxes.h"

#include <catch2/catch.hpp>

#include <random>

#include "index/format.h"
#include "index/reader.h"
#include "pipeline/index.h"
#include "pipeline/merge.h"
#include "tests/test_support.h"

using namespace foiamine;

namespace {

WordBox Word(std::string text, int64_t start, int64_t end, std::optional<WordBox::Rect> box,
             std::optional<double> confidence = std::nullopt) {
  WordBox w;
  w.text = std::move(text);
  w.char_start = start;
  w.char_end = end;
  w.box = box;
  w.confidence = confidence;
  return w;
}

void CheckSame(const std::vector<WordBox>& got, const std::vector<WordBox>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("word " << i);
    CHECK(got[i].text == want[i].text);
    CHECK(got[i].char_start == want[i].char_start);
    CHECK(got[i].char_end == want[i].char_end);
    REQUIRE(got[i].box.has_value() == want[i].box.has_value());
    if (want[i].box) {
      CHECK(got[i].box->x0 == QuantizeWordValue(want[i].box->x0));
      CHECK(got[i].box->y0 == QuantizeWordValue(want[i].box->y0));
      CHECK(got[i].box->x1 == QuantizeWordValue(want[i].box->x1));
      CHECK(got[i].box->y1 == QuantizeWordValue(want[i].box->y1));
    }
    REQUIRE(got[i].confidence.has_value() == want[i].confidence.has_value());
    if (want[i].confidence) CHECK(*got[i].confidence == QuantizeWordValue(*want[i].confidence));
  }
}

// "Détention, notifi-cation: ICE" as a text layer gives it: the normalized
// text joins the hyphenated word, whose two source words keep their own
// text; one word (an OCR reading) lies outside the text.
const std::string kPageText = "Détention\nnotification: ICE";
std::vector<WordBox> SampleWords() {
  return {Word("Détention", 0, 9, WordBox::Rect{72.004, 90.5, 130.25, 102.5}),
          Word("notifi-", 10, 22, WordBox::Rect{72, 104.75, 101.3333, 116.75}),
          Word("cation:", 10, 23, WordBox::Rect{72, 118.0, 104.9, 130.0}),
          Word("ICE", 24, 27, WordBox::Rect{107.5, 118.0, 121.0, 130.0}, 96.4321),
          Word("(stamp)", 40, 47, std::nullopt, 12.5),
          Word("neg", 24, 27, WordBox::Rect{-5.5, -3.25, -1e9, 1e15})};
}

// What a version-4 file's words table was (schemas/index.sql at version 4).
constexpr const char* kVersion4Words =
    "CREATE TABLE words (page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE, seq INTEGER NOT NULL, "
    "text TEXT NOT NULL, x0 REAL, y0 REAL, x1 REAL, y1 REAL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, "
    "confidence REAL, PRIMARY KEY (page_id, seq)) WITHOUT ROWID;";

// A one-page PDF's record under /drops/one, with these words.
DocumentRecord OnePagePdf(const std::string& sha, const std::string& name, PageMethod method,
                          const std::vector<SourceWord>& words) {
  DocumentRecord r;
  r.sha256 = sha;
  r.file_type = "pdf";
  r.size_bytes = 10;
  r.text_version = "test";
  r.paths.push_back(DocumentPath{"/drops/one", name, name, false});
  SourcePage page;
  page.page_no = 1;
  page.method = method;
  page.words = words;
  r.normalized.push_back(NormalizePage(page.words));
  r.pages.push_back(std::move(page));
  return r;
}

// An index written now, turned back into what version 4 wrote: a row per
// word (with more digits than version 5 keeps), no page_words.
void MakeVersion4(const std::string& path, const std::string& sha) {
  auto index = Index::Open(path, Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  std::vector<SourceWord> words;
  for (const char* w : {"The", "Department", "shall", "notify", "ICE."}) {
    words.push_back(SourceWord{w, Box{1, 2, 3, 4}, Break::kSpace, {}});
  }
  REQUIRE(index->WriteDocument(OnePagePdf(sha, sha.substr(0, 4) + ".pdf", PageMethod::kText, words), *run).ok());
  REQUIRE(index->db().Exec(std::string("DROP VIEW words; DROP TABLE page_words; ") + kVersion4Words +
                           "INSERT INTO words SELECT p.id, 0, 'The', 72.123456, 90.0, 90.004, 102.0, 0, 3, NULL "
                           "FROM pages p; "
                           "INSERT INTO words SELECT p.id, 1, 'Department', 93.5, 90.0, 150.25, 102.0, 4, 14, 87.654 "
                           "FROM pages p; PRAGMA user_version = 4;")
              .ok());
}

}  // namespace

TEST_CASE("a page's words survive the BLOB: text, boxes to 1/100 pt, spans and confidences", "[index][word_boxes]") {
  const std::vector<WordBox> words = SampleWords();
  const std::string blob = EncodeWordBoxes(words, kPageText);
  CHECK(static_cast<uint8_t>(blob[0]) == kWordBoxFormat);
  auto back = DecodeWordBoxes(blob, kPageText);
  REQUIRE(back.ok());
  CheckSame(*back, words);
  // A word equal to its span is stored without its text: the BLOB names
  // "Détention" and "ICE" nowhere, but keeps "notifi-" and "(stamp)".
  CHECK(blob.find("Détention") == std::string::npos);
  CHECK(blob.find("ICE") == std::string::npos);
  CHECK(blob.find("notifi-") != std::string::npos);
  CHECK(blob.find("(stamp)") != std::string::npos);
  CHECK(EncodeWordBoxes({}, "") == std::string("\x01\x00", 2));
}

TEST_CASE("a text layer's line of words costs a few bytes a word", "[index][word_boxes]") {
  // 60 words on 6 printed lines, as Poppler measures 11 pt Times.
  std::string text;
  std::vector<WordBox> words;
  double x = 72;
  int line = 0;
  for (int i = 0; i < 60; ++i) {
    if (i % 10 == 0 && i) {
      ++line;
      x = 72;
      text += "\n";
    } else if (i) {
      text += " ";
    }
    const std::string w = "word" + std::to_string(i);
    const int64_t start = static_cast<int64_t>(text.size());
    text += w;
    const double width = 5.5 * static_cast<double>(w.size()) + 0.137 * i;
    words.push_back(Word(w, start, start + static_cast<int64_t>(w.size()),
                         WordBox::Rect{x, 90 + 13.2 * line, x + width, 90 + 13.2 * line + 11.04}));
    x += width + 2.75;
  }
  const std::string blob = EncodeWordBoxes(words, text);
  INFO(blob.size() << " bytes for 60 words");
  CHECK(blob.size() < 60 * 10);  // the `words` table took ~60 bytes a word
  auto back = DecodeWordBoxes(blob, text);
  REQUIRE(back.ok());
  CheckSame(*back, words);
}

TEST_CASE("a damaged or foreign BLOB is refused, never read past its end", "[index][word_boxes][hostile]") {
  const std::string blob = EncodeWordBoxes(SampleWords(), kPageText);
  for (size_t n = 0; n < blob.size(); ++n) {
    auto cut = DecodeWordBoxes(blob.substr(0, n), kPageText);
    INFO("cut to " << n << " bytes");
    CHECK(cut.status().code() == Status::Code::kCorrupt);
  }
  CHECK(DecodeWordBoxes(blob + "x", kPageText).status().code() == Status::Code::kCorrupt);
  std::string future = blob;
  future[0] = 2;
  auto newer = DecodeWordBoxes(future, kPageText);
  CHECK(newer.status().code() == Status::Code::kCorrupt);
  CHECK(newer.status().message().find("upgrade foiamine") != std::string::npos);
  // Another page's shorter text: a span past its end is damage, not a read past it.
  CHECK(DecodeWordBoxes(blob, "short").status().code() == Status::Code::kCorrupt);
  std::mt19937 random(20);
  for (int i = 0; i < 2000; ++i) {
    std::string noise(1 + random() % 64, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    noise[0] = static_cast<char>(kWordBoxFormat);
    (void)DecodeWordBoxes(noise, kPageText);  // any answer but a crash
  }
}

TEST_CASE("the words view shows the boxes as rows in foiamine's connections, and says what it needs elsewhere",
          "[index][word_boxes]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "i.db").string();
  const std::string sha(64, 'c');
  int64_t page_id = 0;
  {
    auto index = Index::Open(path, Index::Access::kWrite);
    REQUIRE(index.ok());
    auto run = index->BeginRun("/drops/one", "test");
    REQUIRE(run.ok());
    const std::vector<SourceWord> words = {SourceWord{"shall", Box{72.25, 90, 96.5, 102}, Break::kSpace, 91.5},
                                           SourceWord{"notify", Box{99, 90, 130.75, 102}, Break::kSpace, 88.0}};
    REQUIRE(index->WriteDocument(OnePagePdf(sha, "c.pdf", PageMethod::kOcr, words), *run).ok());
    auto id = index->db().Prepare("SELECT id FROM pages");
    REQUIRE(id.ok());
    REQUIRE(id->Step());
    page_id = id->Int(0);
  }
  auto reader = IndexReader::Open(path);
  REQUIRE(reader.ok());
  auto words = ReadPageWords(reader->db(), page_id);
  REQUIRE(words.ok());
  REQUIRE(words->size() == 2);
  CHECK(words->at(1).text == "notify");
  CHECK(words->at(1).box->x1 == 130.75);
  CHECK(*words->at(0).confidence == 91.5);
  CHECK(ReadPageWords(reader->db(), page_id + 1000)->empty());
  CHECK(testing::QueryText(dir / "i.db", "SELECT group_concat(seq || ' ' || text || ' ' || x0 || ' ' || y1 || ' ' || "
                                         "char_start || '-' || char_end || ' ' || confidence, '|') FROM words") ==
        "0 shall 72.25 102.0 0-5 91.5|1 notify 99.0 102.0 6-12 88.0");
  // A plain SQLite connection (the sqlite3 shell) has page_words, not the view's function.
  auto plain = Database::Open(path, Database::Mode::kReadOnly);
  REQUIRE(plain.ok());
  CHECK(plain->Prepare("SELECT count(*) FROM page_words").ok());
  auto view = plain->Prepare("SELECT * FROM words");
  REQUIRE_FALSE(view.ok());
  CHECK(view.status().message().find("foiamine_words") != std::string::npos);
}

TEST_CASE("a version-4 index's words table is read as it is, and packed into page_words when written",
          "[index][word_boxes][schema]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "v4.db").string();
  MakeVersion4(path, std::string(64, 'd'));
  const int64_t page_id = testing::QueryInt(dir / "v4.db", "SELECT id FROM pages");
  {
    auto reader = IndexReader::Open(path);
    REQUIRE(reader.ok());
    auto words = ReadPageWords(reader->db(), page_id);
    REQUIRE(words.ok());
    REQUIRE(words->size() == 2);
    CHECK(words->at(0).box->x0 == 72.123456);  // as version 4 stored it
    CHECK(*words->at(1).confidence == 87.654);
  }
  CHECK(testing::QueryInt(dir / "v4.db", "PRAGMA user_version") == 4);  // reading changed nothing
  REQUIRE(Index::Open(path, Index::Access::kWrite).ok());
  CHECK(testing::QueryInt(dir / "v4.db", "PRAGMA user_version") == kSchemaVersion);
  CHECK(testing::QueryText(dir / "v4.db", "SELECT type FROM sqlite_master WHERE name='words'") == "view");
  CHECK(testing::QueryInt(dir / "v4.db", "SELECT count(*) FROM page_words") == 1);
  auto reader = IndexReader::Open(path);
  REQUIRE(reader.ok());
  auto words = ReadPageWords(reader->db(), page_id);
  REQUIRE(words.ok());
  CheckSame(*words, {Word("The", 0, 3, WordBox::Rect{72.123456, 90.0, 90.004, 102.0}),
                     Word("Department", 4, 14, WordBox::Rect{93.5, 90.0, 150.25, 102.0}, 87.654)});
  CHECK(words->at(0).box->x0 == 72.12);
}

TEST_CASE("merging a version-4 shard packs its words on the way", "[index][word_boxes][merge]") {
  testing::ScratchDir dir;
  MakeVersion4((dir / "old.db").string(), std::string(64, 'e'));
  MergeOptions options;
  options.sources = {(dir / "old.db").string()};
  options.into = (dir / "merged.db").string();
  options.command_line = "merge test";
  auto merged = MergeIndexes(options);
  REQUIRE(merged.ok());
  CHECK(merged->documents_new == 1);
  CHECK(testing::QueryInt(dir / "old.db", "PRAGMA user_version") == 4);  // the shard is only read
  CHECK(testing::QueryText(dir / "merged.db", "SELECT group_concat(text || ' ' || x0, '|') FROM words") ==
        "The 72.12|Department 93.5");
}
