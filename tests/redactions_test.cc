// Redactions: exemption codes read from text, the redacted share, the index
// table and its upgrade, and the real binary on real PDFs: Free Law
// Project's x-ray samples (../shared/eval; skipped when absent).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <tuple>
#include <sstream>

#include "extractors/exemptions.h"
#include "index/format.h"
#include "index/reader.h"
#include "pipeline/extract_stage.h"
#include "pipeline/index.h"
#include "pipeline/normalize.h"
#include "pipeline/redactions.h"
#include "search/index_status.h"
#include "search/redactions.h"
#include "tests/test_support.h"

using namespace foiamine;
namespace fs = std::filesystem;

namespace {

const extractors::ExemptionSchemes& Schemes() {
  static const extractors::ExemptionSchemes schemes = [] {
    std::ifstream in(testing::SourceDir() / "schemas" / "exemptions.yaml");
    std::ostringstream text;
    text << in.rdbuf();
    auto loaded = extractors::LoadExemptionSchemes(text.str());
    if (!loaded.ok()) throw std::runtime_error(loaded.status().message());
    return std::move(loaded.value());
  }();
  return schemes;
}

std::vector<std::string> Codes(const std::string& page, const std::string& document = "FOIA release") {
  std::vector<std::string> out;
  for (const auto& c : extractors::FindExemptionCodes(Schemes(), page, document + "\n" + page)) out.push_back(c.code);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("exemption codes are read OCR-tolerantly from a FOIA release's text", "[redactions][exemptions]") {
  CHECK(Codes("Name: (b)(6)") == Strings{"(b)(6)"});
  CHECK(Codes("Officer (b)(7)(c) withheld") == Strings{"(b)(7)(C)"});
  CHECK(Codes("b7C b6") == Strings{"(b)(7)(C)", "(b)(6)"});
  CHECK(Codes("(b)(6);(b)(7)(C)") == Strings{"(b)(6)", "(b)(7)(C)"});
  CHECK(Codes("(b) (6), [b](7)(E)") == Strings{"(b)(6)", "(b)(7)(E)"});
  // A code followed by the next one: its letter is no subpart of the first.
  CHECK(Codes("(b) (6) (b) (6) (b)(7)(C)") == Strings{"(b)(6)", "(b)(6)", "(b)(7)(C)"});
  CHECK(Codes("(b)(6) (b)(7)(C)") == Strings{"(b)(6)", "(b)(7)(C)"});
  CHECK(Codes("withheld under 5 U.S.C. § 552(b)(5)") == Strings{"(b)(5)"});
  // (b)(6) has no subparts: the "(C)" is not part of the code.
  CHECK(Codes("(b)(6)(C)") == Strings{"(b)(6)"});
  // D.C. FOIA codes count where the document speaks of § 2-534.
  CHECK(Codes("Withheld: (a)(2)", "D.C. Code § 2-534") == Strings{"§ 2-534(a)(2)"});
  CHECK(Codes("exempt under D.C. Code § 2-534(a)(3)(C)", "") == Strings{"§ 2-534(a)(3)(C)"});
}

TEST_CASE("section references and documents that do not speak of FOIA carry no exemption codes",
          "[redactions][exemptions]") {
  CHECK(Codes("as required by D.C. Code § 24-211.07(b)(1) and subsection (b)(2)").empty());
  CHECK(Codes("paragraph (b)(3) applies") .empty());
  CHECK(Codes("(b)(10) is no FOIA exemption").empty());
  CHECK(extractors::FindExemptionCodes(Schemes(), "(b)(6) and b7C", "a jail policy").empty());
  CHECK(Codes("Withheld: (a)(2)").empty());  // no § 2-534 in the document
}

TEST_CASE("on a page with redaction boxes, codes count without FOIA words and as OCR misreads the letter",
          "[redactions][exemptions]") {
  auto redacted = [](const std::string& page) {
    Strings out;
    for (const auto& c : extractors::FindExemptionCodes(Schemes(), page, "a hearing transcript", true)) out.push_back(c.code);
    return out;
  };
  CHECK(redacted("Reported by: (b) (6)") == Strings{"(b)(6)"});
  CHECK(redacted("NAME: (b (6)  DOB: (6)(6)  (h)(7)(C)") == Strings{"(b)(6)", "(b)(6)", "(b)(7)(C)"});
  CHECK(redacted("D.C. Code § 24-211.07(b)(1)").empty());
  // Not on a page without boxes in a document that does not speak of FOIA.
  CHECK(extractors::FindExemptionCodes(Schemes(), "Reported by: (b) (6)", "a hearing transcript").empty());
  CHECK(extractors::FindExemptionCodes(Schemes(), "NAME: (6)(6)", "FOIA release").empty());
}

TEST_CASE("a label on a redaction box is codes and redaction words only", "[redactions][exemptions]") {
  CHECK(extractors::IsRedactionLabel("(b)(6)"));
  CHECK(extractors::IsRedactionLabel("(b)(6), (b)(7)(C)"));
  CHECK(extractors::IsRedactionLabel("REDACTED"));
  CHECK(extractors::IsRedactionLabel("Ex. 6"));
  CHECK_FALSE(extractors::IsRedactionLabel("NAME / DCDC NO."));
  CHECK_FALSE(extractors::IsRedactionLabel("Release Date"));
}

TEST_CASE("the redacted share is the union of the boxes over the page", "[redactions]") {
  CHECK(RedactedShare({}, 612, 792) == 0);
  CHECK(RedactedShare({{0, 0, 306, 792}}, 612, 792) == Approx(0.5));
  // Overlapping boxes count once; parts off the page not at all.
  CHECK(RedactedShare({{0, 0, 306, 792}, {0, 0, 306, 792}, {153, 0, 459, 396}}, 612, 792) == Approx(0.625));
  CHECK(RedactedShare({{-100, -100, 1000, 1000}}, 612, 792) == Approx(1.0));
}

TEST_CASE("words under a dark box are a bad redaction only when essentially inside it and more than a placeholder",
          "[redactions]") {
  auto word = [](std::string text, double x0, double x1) { return SourceWord{std::move(text), Box{x0, 100, x1, 110}, Break::kSpace, {}}; };
  const std::vector<SourceWord> words = {word("Name:", 10, 40), word("John", 50, 70), word("Smith", 72, 100),
                                         word("XXXXX", 200, 240), word("partly", 300, 330)};
  std::vector<DarkRectangle> rects = {
      DarkRectangle{48, 98, 102, 112, {}, {}},   // John Smith: hidden, still in the text layer
      DarkRectangle{198, 98, 242, 112, {}, {}},  // a placeholder under the box
      DarkRectangle{320, 98, 360, 112, {}, {}},  // a third of a word: a partial overlap
      DarkRectangle{10, 300, 200, 320, "Release Date", {}},  // a dark header cell with visible words
  };
  auto boxes = RedactionsFromRectangles(rects, words);
  REQUIRE(boxes.size() == 3);
  CHECK(boxes[0].leaked_words == std::vector<size_t>{1, 2});
  CHECK(boxes[1].leaked_words.empty());
  CHECK(boxes[2].leaked_words.empty());
  // Text drawn visibly on top of the box is a label, not a leak.
  rects = {DarkRectangle{48, 98, 102, 112, "John Smith", {60, 105, 85, 105}}};
  CHECK(RedactionsFromRectangles(rects, words).empty());  // visible words: a filled cell, not a redaction
  rects = {DarkRectangle{48, 98, 102, 112, "(b)(6)", {}}};
  auto labelled = RedactionsFromRectangles(rects, words);
  REQUIRE(labelled.size() == 1);
  CHECK(labelled[0].label == "(b)(6)");
}

TEST_CASE("redactions are stored with the page and read back, and a version-4 index upgrades", "[redactions][index]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "v4.db").string();
  {
    auto index = Index::Open(path, Index::Access::kWrite);
    REQUIRE(index.ok());
    auto run = index->BeginRun("/drops/one", "test");
    REQUIRE(run.ok());
    DocumentRecord r;
    r.sha256 = std::string(64, 'b');
    r.file_type = "pdf";
    r.text_version = "test";
    r.paths.push_back(DocumentPath{"/drops/one", "log.pdf", "log.pdf", false});
    SourcePage page;
    page.page_no = 1;
    page.width_pt = 612;
    page.height_pt = 792;
    page.method = PageMethod::kText;
    for (auto [text, x0, x1] : {std::tuple{"Released:", 10.0, 60.0}, {"Jane", 70.0, 90.0}, {"Roe", 92.0, 110.0},
                                {"(b)(6)", 115.0, 150.0}}) {
      page.words.push_back(SourceWord{text, Box{x0, 100, x1, 110}, Break::kSpace, {}});
    }
    page.redactions.push_back(RedactionBox{Box{68, 98, 112, 112}, "vector", "", {1, 2}});
    r.normalized.push_back(NormalizePage(page.words));
    r.pages.push_back(std::move(page));
    ExtractedDocument x;
    x.rulebook_hash = "test";
    PageExemption e;
    e.page_no = 1;
    e.code = extractors::ExemptionCode{"(b)(6)", "5 U.S.C. § 552(b)", "(b)(6)", 19, 25};
    e.char_start = 19;
    e.char_end = 25;
    e.box = Box{115, 100, 150, 110};
    x.exemptions.push_back(e);
    r.extracted = x;
    REQUIRE(index->WriteDocument(r, *run).ok());
  }
  {
    auto reader = IndexReader::Open(path);
    REQUIRE(reader.ok());
    auto pages = ReadRedactions(*reader, 0);
    REQUIRE(pages.ok());
    REQUIRE(pages->size() == 1);
    const RedactionPageRecord& p = pages->front();
    CHECK(p.doc_path == "log.pdf");
    REQUIRE(p.boxes.size() == 1);
    CHECK(p.boxes[0].code == "(b)(6)");
    CHECK(p.codes == Strings{"(b)(6)"});
    REQUIRE(p.bad.size() == 1);
    CHECK(p.bad[0].text == "Jane Roe");
    CHECK(p.area_share == Approx(44.0 * 14 / (612 * 792)));
    auto json = nlohmann::json::parse(RedactionJson(p));
    for (const char* key : {"doc_sha256", "doc_path", "page", "bates", "boxes", "area_share", "codes", "bad", "near_clauses"}) {
      CHECK(json.contains(key));
    }
    CHECK(json.size() == 9);
    auto status = ReadIndexStatus(*reader);
    REQUIRE(status.ok());
    CHECK(status->redaction_boxes == 1);
    CHECK(status->bad_redactions == 1);
    CHECK(status->exemption_codes == 1);
  }
  // The leaked words' span in the page text is recorded (they stay searchable, flagged).
  CHECK(testing::QueryText(dir / "v4.db", "SELECT substr(p.text, r.leak_start + 1, r.leak_end - r.leak_start) "
                                          "FROM redactions r JOIN pages p ON p.id=r.page_id") == "Jane Roe");
  {
    auto index = Index::Open(path, Index::Access::kWrite);
    REQUIRE(index.ok());
    REQUIRE(index->db().Exec("DROP TABLE redactions; DROP TABLE exemption_codes; PRAGMA user_version = 5;").ok());
  }
  {
    auto reader = IndexReader::Open(path);  // read as it is: nothing redacted
    REQUIRE(reader.ok());
    auto pages = ReadRedactions(*reader, 0);
    REQUIRE(pages.ok());
    CHECK(pages->empty());
  }
  CHECK(testing::QueryInt(dir / "v4.db", "PRAGMA user_version") == 5);
  {
    auto writer = Index::Open(path, Index::Access::kWrite);
    REQUIRE(writer.ok());
  }
  CHECK(testing::QueryInt(dir / "v4.db", "PRAGMA user_version") == kSchemaVersion);
  CHECK(testing::QueryInt(dir / "v4.db", "SELECT count(*) FROM sqlite_master WHERE name IN "
                                         "('redactions','exemption_codes')") == 2);
}

TEST_CASE("x-ray's samples: the bad redaction of rectangles_yes is found, none on the clean samples",
          "[redactions][e2e]") {
  const fs::path samples = testing::SharedEval() / "redaction-xray-freelawproject";
  if (testing::SharedEval().empty() || !fs::is_directory(samples)) {
    SKIP_TEST("../shared/eval/redaction-xray-freelawproject is absent: skipping x-ray's samples");
  }
  testing::ScratchDir dir;
  const std::string db = (dir / "x.db").string();
  // The samples are read where they are (a drop is any folder); the index is ours.
  auto run = testing::RunFoiamine("run " + testing::Quote(samples.string()) + " --db " + testing::Quote(db) + " --quiet");
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto listed = testing::RunFoiamine("redactions --json --db " + testing::Quote(db));
  REQUIRE(listed.exit_code == 0);
  std::map<std::string, size_t> bad;
  std::map<std::string, std::string> text;
  for (const auto& r : testing::JsonLines(listed.out)) {
    const std::string name = fs::path(r["doc_path"].get<std::string>()).stem().string();
    bad[name] += r["bad"].size();
    for (const auto& b : r["bad"]) text[name] += b["text"].get<std::string>() + " ";
  }
  INFO(listed.out);
  CHECK(bad["rectangles_yes"] > 0);
  CHECK(text["rectangles_yes"].size() >= 20);  // x-ray counts 64 characters under its boxes
  for (const char* clean : {"rectangles_no", "partial_intersections_ok", "whitespace_redactions", "unfilled_rect",
                            "ok_words", "multi_line_redaction_ok", "no_bad_redactions.2.1"}) {
    INFO(clean);
    CHECK(bad[clean] == 0);
  }
  // Text, CSV and status say the same.
  auto human = testing::RunFoiamine("redactions --db " + testing::Quote(db));
  REQUIRE(human.exit_code == 0);
  CHECK(human.out.find("BAD REDACTION") != std::string::npos);
  auto csv = testing::RunFoiamine("redactions --csv --db " + testing::Quote(db));
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("doc_sha256,doc_path,page,bates,boxes,area_share,codes", 0) == 0);
  auto status = testing::RunFoiamine("status --json --db " + testing::Quote(db));
  REQUIRE(status.exit_code == 0);
  size_t all_bad = 0;
  for (const auto& [name, n] : bad) all_bad += n;
  CHECK(nlohmann::json::parse(status.out)["redactions"]["bad"].get<size_t>() == all_bad);
}
