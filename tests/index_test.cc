// The index schema and search, on a real SQLite file.
#include "pipeline/index.h"

#include <catch2/catch.hpp>

#include "base/sha256.h"
#include "index/citation_string.h"
#include "index/format.h"
#include "index/reader.h"
#include "search/index_status.h"
#include "search/search.h"
#include "tests/test_support.h"

using namespace foiamine;

namespace {

DocumentRecord MakeRecord(const std::string& sha, const std::string& path, std::vector<std::string> page_texts) {
  DocumentRecord r;
  r.sha256 = sha;
  r.file_type = "pdf";
  r.size_bytes = 100;
  r.text_version = "test";
  r.metadata.title = "Release of Inmates";
  r.metadata.number = "PS 4020.1F";
  r.metadata.agency = "DOC";
  r.metadata.authority = "policy";
  r.metadata.doc_kind = "jail_policy";
  r.metadata.from_manifest = true;
  r.paths.push_back(DocumentPath{"/drops/one", path, path, true});
  int page_no = 1;
  for (const auto& text : page_texts) {
    SourcePage page;
    page.page_no = page_no++;
    page.method = PageMethod::kText;
    std::string word;
    for (char c : text + " ") {
      if (c == ' ') {
        if (!word.empty()) page.words.push_back(SourceWord{word, Box{1, 2, 3, 4}, Break::kSpace, {}});
        word.clear();
      } else {
        word += c;
      }
    }
    r.normalized.push_back(NormalizePage(page.words));
    r.pages.push_back(std::move(page));
  }
  return r;
}

}  // namespace

TEST_CASE("a new index carries the schema version and every documented table", "[index]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto version = index->db().Prepare("PRAGMA user_version");
  REQUIRE(version.ok());
  REQUIRE(version->Step());
  CHECK(version->Int(0) == kSchemaVersion);
  for (const char* table : {"runs", "documents", "files", "pages", "page_words", "words", "pages_fts", "stage_versions",
                            "failures", "events", "sections", "clauses", "citations", "document_relations",
                            "document_dates", "page_bates"}) {
    auto stmt = index->db().Prepare("SELECT count(*) FROM sqlite_master WHERE name=?");
    REQUIRE(stmt.ok());
    stmt->Bind(1, std::string_view(table));
    REQUIRE(stmt->Step());
    INFO(table);
    CHECK(stmt->Int(0) == 1);
  }
  auto mode = index->db().Prepare("PRAGMA journal_mode");
  REQUIRE(mode.ok());
  REQUIRE(mode->Step());
  CHECK(mode->Text(0) == "wal");
}

TEST_CASE("an index refuses files that are not foiamine indexes, or newer ones", "[index]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "notes.txt", "this is not sqlite at all, just some text that is long enough to matter");
  CHECK_FALSE(Index::Open((dir / "notes.txt").string(), Index::Access::kWrite).ok());
  {
    auto other = Database::Open((dir / "other.db").string(), Database::Mode::kReadWriteCreate);
    REQUIRE(other.ok());
    REQUIRE(other->Exec("CREATE TABLE recipes(name TEXT)").ok());
  }
  auto refused = Index::Open((dir / "other.db").string(), Index::Access::kWrite);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("not a foiamine index") != std::string::npos);
  {
    auto future = Database::Open((dir / "future.db").string(), Database::Mode::kReadWriteCreate);
    REQUIRE(future.ok());
    REQUIRE(future->Exec("PRAGMA user_version = 99").ok());
  }
  auto newer = Index::Open((dir / "future.db").string(), Index::Access::kWrite);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().message().find("newer than this foiamine") != std::string::npos);
}

TEST_CASE("a version-1 index reads as having no relations, dates or Bates, and is upgraded when written",
          "[index][schema]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "v1.db").string();
  {
    auto index = Index::Open(path, Index::Access::kWrite);
    REQUIRE(index.ok());
    auto run = index->BeginRun("/drops/one", "test");
    REQUIRE(run.ok());
    REQUIRE(index->WriteDocument(MakeRecord(std::string(64, 'a'), "a.pdf", {"The Department shall notify ICE."}), *run)
                .ok());
    // What a version-1 file is: the same tables without the version-2 ones.
    REQUIRE(index->db().Exec("DROP TABLE document_relations; DROP TABLE document_dates; DROP TABLE page_bates; "
                             "PRAGMA user_version = 1;").ok());
  }
  {
    auto reader = IndexReader::Open(path);
    REQUIRE(reader.ok());
    SearchOptions options;
    options.query = "notify";
    auto hits = Search(*reader, options);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 1);
    CHECK(hits->front().bates.empty());
    auto status = ReadIndexStatus(*reader);
    REQUIRE(status.ok());
    CHECK(status->bates.empty());
  }
  CHECK(testing::QueryInt(dir / "v1.db", "PRAGMA user_version") == 1);  // reading changed nothing
  {
    auto writer = Index::Open(path, Index::Access::kWrite);
    REQUIRE(writer.ok());
  }
  CHECK(testing::QueryInt(dir / "v1.db", "PRAGMA user_version") == kSchemaVersion);
  CHECK(testing::QueryInt(dir / "v1.db", "SELECT count(*) FROM sqlite_master WHERE name IN "
                                         "('document_relations','document_dates','page_bates')") == 3);
}

TEST_CASE("documents are written whole and found by FTS5 with bm25, snippets and citations", "[index][search]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  auto id = index->WriteDocument(
      MakeRecord("aa11", "ps-4020.pdf",
                 {"Property is returned at discharge.",
                  "Records office staff shall notify Immigration and Customs Enforcement prior to release.",
                  "Médical records are confidential."}),
      *run);
  REQUIRE(id.ok());
  CHECK(index->FindDocument("aa11").value() == *id);
  auto absent = index->FindDocument("bb22");
  REQUIRE(absent.ok());  // absent, not failed
  CHECK_FALSE(absent->has_value());

  SearchOptions phrase;
  phrase.query = "\"notify Immigration\"";
  auto reader = IndexReader::Open((dir / "i.db").string());  // the query side reads what was written
  REQUIRE(reader.ok());
  auto hits = Search(*reader, phrase);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].page == 2);
  CHECK((*hits)[0].doc_path == "ps-4020.pdf");
  CHECK((*hits)[0].citation == "DOC PS 4020.1F, p. 2");
  CHECK((*hits)[0].snippet.find("[notify Immigration]") != std::string::npos);

  SearchOptions near;
  near.query = "NEAR(notify release, 8)";
  REQUIRE(Search(*reader, near)->size() == 1);
  SearchOptions prefix;
  prefix.query = "notif* NOT property";
  REQUIRE(Search(*reader, prefix)->size() == 1);
  SearchOptions diacritics;  // remove_diacritics 2: "medical" finds "Médical"
  diacritics.query = "medical";
  auto med = Search(*reader, diacritics);
  REQUIRE(med->size() == 1);
  CHECK((*med)[0].page == 3);
  SearchOptions filtered = phrase;
  filtered.authority = "law";
  CHECK(Search(*reader, filtered)->empty());
  filtered.authority = "policy";
  CHECK(Search(*reader, filtered)->size() == 1);
}

TEST_CASE("a malformed query explains FTS5 syntax instead of a raw SQLite error", "[search]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  // ("release:date" is no error any more: words joined by punctuation are read as a phrase.)
  for (const char* bad : {"\"unbalanced AND (", "(notify OR", "AND", ""}) {
    SearchOptions o;
    o.query = bad;
    auto reader = IndexReader::Open((dir / "i.db").string());  // the query side reads what was written
    REQUIRE(reader.ok());
    auto hits = Search(*reader, o);
    INFO(bad);
    REQUIRE_FALSE(hits.ok());
    CHECK(hits.status().code() == Status::Code::kInvalidArgument);
    CHECK(hits.status().message().find("Query syntax (SQLite FTS5)") != std::string::npos);
  }
}

TEST_CASE("a second path of the same content is recorded once", "[index]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  auto id = index->WriteDocument(MakeRecord("cc33", "a.pdf", {"text"}), *run);
  REQUIRE(id.ok());
  DocumentPath copy{"/drops/one", "copies/a.pdf", "copies/a.pdf", false};
  CHECK(*index->AddPath(*id, copy, *run) == true);
  CHECK(*index->AddPath(*id, copy, *run) == false);
  auto reader = IndexReader::Open((dir / "i.db").string());  // the query side reads what was written
  REQUIRE(reader.ok());
  auto status = ReadIndexStatus(*reader);
  REQUIRE(status.ok());
  CHECK(status->documents == 1);
  CHECK(status->files == 2);
}

TEST_CASE("citations name the document by number, title or path", "[citation]") {
  CHECK(FormatCitation({"DOC", "PS 4020.1F", "Release", "a.pdf", "9.a.(b)", 4, ""}) == "DOC PS 4020.1F § 9.a.(b), p. 4");
  CHECK(FormatCitation({"MPD", "GO-OPS-201.26", "", "b.pdf", "", 2, ""}) == "MPD GO-OPS-201.26, p. 2");
  CHECK(FormatCitation({"MPD", "MPD GO 201.26", "", "b.pdf", "", 2, ""}) == "MPD GO 201.26, p. 2");
  CHECK(FormatCitation({"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.07(b)(1)", 1, ""}) ==
        "D.C. Code § 24-211.07(b)(1), p. 1");
  CHECK(FormatCitation({"", "", "Release Desk Log", "log.pdf", "", 3, ""}) == "Release Desk Log, p. 3");
  CHECK(FormatCitation({"EOM", "Mayor's Order 2021-044", "", "m.pdf", "III.B.", 1, ""}) ==
        "Mayor's Order 2021-044 § III.B., p. 1");
  CHECK(FormatCitation({"MPD", "EO-25-014", "", "e.pdf", "IV.C.1", 2, ""}) == "MPD EO-25-014 § IV.C.1, p. 2");
  CHECK(FormatCitation({"", "", "", "scans/fax.tif", "", 1, ""}) == "scans/fax.tif, p. 1");
}

TEST_CASE("a selective filter finds hits ranked below the first ranking window", "[index][search]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  // 40 policy pages where "detainer" is dense, and one practice page where it
  // is one word among many: the practice page ranks 41st of 41, below the
  // first window Search() ranks (32 x limit) when the limit is 1.
  for (int i = 0; i < 40; ++i) {
    REQUIRE(index->WriteDocument(MakeRecord("p" + std::to_string(i), "policy-" + std::to_string(i) + ".pdf",
                                            {"detainer detainer detainer form " + std::to_string(i)}),
                                 *run)
                .ok());
  }
  DocumentRecord memo = MakeRecord("memo", "memo.pdf",
                                   {"the desk received one detainer today along with many other papers and "
                                    "reports about property visits counts transfers and schedules"});
  memo.metadata.authority = "practice";
  memo.metadata.doc_kind = "correspondence";
  REQUIRE(index->WriteDocument(memo, *run).ok());

  SearchOptions all;
  all.query = "detainer";
  all.limit = 100;
  auto reader = IndexReader::Open((dir / "i.db").string());  // the query side reads what was written
  REQUIRE(reader.ok());
  auto every = Search(*reader, all);
  REQUIRE(every.ok());
  REQUIRE(every->size() == 41);
  CHECK(every->back().doc_path == "memo.pdf");  // ranked last

  SearchOptions practice = all;
  practice.limit = 1;
  practice.authority = "practice";
  auto hits = Search(*reader, practice);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].doc_path == "memo.pdf");
  practice.kind = "jail_policy";  // both filters: nothing passes
  CHECK(Search(*reader, practice)->empty());
}

TEST_CASE("a re-processed document is replaced in place: same ids, new pages and words", "[index][reprocess]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  DocumentRecord first = MakeRecord("dd44", "a.pdf", {"old first page", "old second page", "old third page"});
  first.ocr_version = "ocr-old";
  auto id = index->WriteDocument(first, *run);
  REQUIRE(id.ok());
  auto query = [&](const std::string& sql) {
    auto stmt = index->db().Prepare(sql);
    REQUIRE(stmt.ok());
    REQUIRE(stmt->Step());
    return stmt->Text(0);
  };
  const std::string page_ids = query("SELECT group_concat(id) FROM (SELECT id FROM pages ORDER BY page_no)");
  auto second_run = index->BeginRun("/drops/one", "test");
  REQUIRE(second_run.ok());

  // Two pages now (a page gone), new text; no OCR this time; paths ignored.
  DocumentRecord again = MakeRecord("dd44", "elsewhere.pdf", {"new first page", "new second page"});
  again.text_version = "test-2";
  again.extracted.emplace();
  again.extracted->rulebook_hash = "rules-2";
  REQUIRE(index->ReplaceDocument(*id, again).ok());
  CHECK(query("SELECT group_concat(text, '|') FROM (SELECT text FROM pages ORDER BY page_no)") ==
        "new first page|new second page");
  // Page ids kept by number; the gone page's id with it.
  CHECK(page_ids.rfind(query("SELECT group_concat(id) FROM (SELECT id FROM pages ORDER BY page_no)") + ",", 0) == 0);
  CHECK(query("SELECT count(*) FROM words") == "6");
  CHECK(query("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'old'") == "0");
  CHECK(query("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'new'") == "2");
  CHECK(query("SELECT id || ' ' || page_count || ' ' || first_run_id || ' ' || title FROM documents") ==
        std::to_string(*id) + " 2 " + std::to_string(*run) + " Release of Inmates");
  CHECK(query("SELECT group_concat(path) FROM files") == "a.pdf");
  CHECK(query("SELECT group_concat(stage || '=' || version) FROM (SELECT * FROM stage_versions ORDER BY stage)") ==
        std::string("extract=rules-2,normalize=") + kNormalizeVersion + ",text=test-2");

  // Another content's SHA-256 under this id: refused, nothing changed.
  DocumentRecord wrong = again;
  wrong.sha256 = "ee55";
  Status refused = index->ReplaceDocument(*id, wrong);
  CHECK(refused.code() == Status::Code::kNotFound);
  CHECK(query("SELECT count(*) FROM pages") == "2");
}

TEST_CASE("a re-extraction clears identity fields it no longer infers", "[index][reprocess]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  DocumentRecord r = MakeRecord("ff66", "memo.pdf", {"A memo."});
  r.metadata = DocumentMetadata{};  // no manifest: everything is inferred
  r.extracted.emplace();
  r.extracted->identity.title = {"Inferred Title", true};
  r.extracted->identity.issued = {"2023-06-20", true};
  auto id = index->WriteDocument(r, *run);
  REQUIRE(id.ok());
  ExtractedDocument later;
  later.identity.title = {"Better Title", true};  // no date found any more
  REQUIRE(index->ReplaceExtraction(*id, later).ok());
  auto stmt = index->db().Prepare("SELECT title, issued IS NULL, inferred_fields FROM documents");
  REQUIRE(stmt.ok());
  REQUIRE(stmt->Step());
  CHECK(stmt->Text(0) == "Better Title");
  CHECK(stmt->Int(1) == 1);
  CHECK(stmt->Text(2) == "title");
}

TEST_CASE("the query side's reader cannot change the index, and refuses what is not one", "[index][reader]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "i.db").string();
  {
    auto index = Index::Open(path, Index::Access::kWrite);
    REQUIRE(index.ok());
    auto run = index->BeginRun("/drops/one", "test");
    REQUIRE(index->WriteDocument(MakeRecord("ee55", "a.pdf", {"notify"}), *run).ok());
  }
  auto reader = IndexReader::Open(path);
  REQUIRE(reader.ok());
  CHECK_FALSE(reader->db().Exec("DELETE FROM documents").ok());
  CHECK(testing::QueryInt(path, "SELECT count(*) FROM documents") == 1);

  CHECK(IndexReader::Open((dir / "absent.db").string()).status().code() != Status::Code::kOk);
  testing::WriteFile(dir / "notes.txt", "not a database");
  CHECK_FALSE(IndexReader::Open((dir / "notes.txt").string()).ok());
}

TEST_CASE("a clause id is 16 hex digits of the document, page, offset and topic", "[index][format]") {
  const std::string id = ClauseId(std::string(64, 'a'), 2, 40, "release_notification");
  CHECK(id.size() == 16);
  CHECK(id == Sha256Hex(std::string(64, 'a') + "|2|40|release_notification").substr(0, 16));
  CHECK(ClauseId(std::string(64, 'a'), 2, 41, "release_notification") != id);
}

TEST_CASE("a search hit's JSON record is built once, in the query library", "[search][json]") {
  SearchHit hit;
  hit.doc_sha256 = "ab";
  hit.doc_path = "a.pdf";
  hit.page = 3;
  hit.snippet = "shall **notify** ICE";
  hit.citation = "a.pdf, p. 3";
  hit.method = "text";
  const auto j = nlohmann::json::parse(SearchHitJson(hit));
  CHECK(j["page"] == 3);
  CHECK(j["section"].is_null());
  CHECK(j["bates"].is_null());
  CHECK(j["ocr_confidence"].is_null());
  CHECK(j["ocr_readings"].empty());
  CHECK(j["clauses"] == nlohmann::json::array());  // CONTRACTS: a hit in no clause has "clauses": []
  CHECK(j.size() == 13);
  PageRecord page{"ab", "a.pdf", "ocr", "text", 1, 88.5, std::nullopt};
  const auto p = nlohmann::json::parse(PageJson(page));
  CHECK(p["method"] == "ocr");
  CHECK(p["ocr_confidence"] == 88.5);
  CHECK(p.size() == 6);
}

TEST_CASE("a clause row replaced or updated in place leaves no stale clause FTS row", "[index]") {
  testing::ScratchDir dir;
  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  auto doc = index->WriteDocument(MakeRecord("cc33", "c.pdf", {"One page."}), *run);
  REQUIRE(doc.ok());
  Database& db = index->db();
  auto write = [&](const std::string& text) {
    auto stmt = db.Prepare(
        "INSERT OR REPLACE INTO clauses(id, document_id, page_no, topic, stance, text, char_start, char_end, rule, "
        "confidence, citation) VALUES ('same-id', ?1, 1, 'release_notification', 'requires', ?2, 0, 3, 'r', 1, 'c')");
    REQUIRE(stmt.ok());
    stmt->Bind(1, *doc).Bind(2, text);
    REQUIRE(stmt->Run().ok());
  };
  auto fts_rows = [&](const std::string& word) {
    return testing::QueryInt(dir / "i.db", "SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH '" + word + "'");
  };
  write("wombatfirst notify");
  write("wombatsecond notify");  // a colliding id: REPLACE removes the first row
  CHECK(fts_rows("wombatfirst") == 0);  // before: 1, a stale row for a clause that is gone
  CHECK(fts_rows("wombatsecond") == 1);
  REQUIRE(db.Exec("UPDATE clauses SET text = 'wombatthird' WHERE id = 'same-id'").ok());
  CHECK(fts_rows("wombatsecond") == 0);  // before: 1 (no update trigger)
  CHECK(fts_rows("wombatthird") == 1);
  CHECK(testing::QueryText(dir / "i.db", "SELECT count(*) FROM clauses") == "1");
}

TEST_CASE("a reader's memo holds until another connection writes to the index", "[index][search]") {
  testing::ScratchDir dir;
  const std::string path = (dir / "m.db").string();
  auto writer = Index::Open(path, Index::Access::kWrite);
  REQUIRE(writer.ok());
  auto run = writer->BeginRun("/drops/one", "test");
  REQUIRE(run.ok());
  REQUIRE(writer->WriteDocument(MakeRecord(std::string(64, 'a'), "a.pdf", {"The Department shall notify ICE."}), *run)
              .ok());
  auto reader = IndexReader::Open(path);
  REQUIRE(reader.ok());
  auto memo = reader->memo();
  REQUIRE(memo.ok());
  (*memo)->restricting_law_ids["release_notification"] = {"0123456789abcdef"};
  auto again = reader->memo();
  REQUIRE(again.ok());
  CHECK((*again)->restricting_law_ids.count("release_notification") == 1);
  // A second document written by the run: what the reader remembered may be stale.
  REQUIRE(writer->WriteDocument(MakeRecord(std::string(64, 'b'), "b.pdf", {"The Department shall not notify ICE."}),
                                *run)
              .ok());
  auto after = reader->memo();
  REQUIRE(after.ok());
  CHECK((*after)->restricting_law_ids.empty());
}
