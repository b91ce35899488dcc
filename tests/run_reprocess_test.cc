// Re-processing indexed documents (pipeline/reprocess.h) through the real
// binary: `run --force text|ocr|extract`, OCR settings that changed, the
// plan of --dry-run, failures that keep the indexed version, kill -9 while
// documents are rewritten.
#include <chrono>
#include <cstdio>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// Every page's id, number, method and text; every document's id, sha256 and first run.
std::string PagesSnapshot(const fs::path& db) {
  return QueryText(db, "SELECT group_concat(id || ':' || document_id || ':' || page_no || ':' || method || ':' || text, "
                       "'|') FROM (SELECT * FROM pages ORDER BY id)");
}
std::string DocumentsSnapshot(const fs::path& db) {
  return QueryText(db, "SELECT group_concat(id || ':' || sha256 || ':' || first_run_id, '|') "
                       "FROM (SELECT * FROM documents ORDER BY id)");
}
// Words per page: a document rewritten half-way would show pages without words.
std::string WordsPerPage(const fs::path& db) {
  return QueryText(db, "SELECT group_concat(n, ',') FROM (SELECT (SELECT count(*) FROM words w WHERE w.page_id=p.id) "
                       "AS n FROM pages p ORDER BY p.document_id, p.page_no)");
}

const std::vector<std::vector<std::string>> kPolicy = {
    {"PROGRAM STATEMENT 4020.1F", "1. PURPOSE", "To set procedures for the return of property to inmates."},
    {"9. PROCEDURES", "a. Release processing.",
     "(b) Records office staff shall notify Immigration and Customs Enforcement",
     "prior to releasing an inmate who is the subject of a detainer."}};

// A born-digital policy (clauses on page 2) and an email export.
void MakeTextDrop(const fs::path& drop) {
  WriteTextPdf(drop / "ps-4020.pdf", kPolicy);
  WriteFile(drop / "mail" / "release-desk.txt",
            "From: night clerk\nTo: ERO duty officer\n\nWe emailed ERO the discharge list before each release.\n");
}

// A born-digital memo and a one-page scan (image-only PDF) of another.
void MakeScanDrop(const fs::path& drop, const fs::path& work) {
  WriteTextPdf(drop / "policy.pdf", {{"Staff shall not hold an inmate on an immigration detainer."}});
  WriteTextPdf(work / "memo.pdf", {{"MEMORANDUM", "The release list was faxed to ERO at 0600 each day."}});
  WriteScannedPdf(work / "memo.pdf", drop / "memo-scan.pdf", 300);
}

}  // namespace

TEST_CASE("run --force extract redoes extraction from the stored text only", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeTextDrop(dir / "drop");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string());
  REQUIRE(RunFoiamine(args).exit_code == 0);
  const std::string digest = IndexDigest(db), pages = PagesSnapshot(db);
  const int64_t clauses = QueryInt(db, "SELECT count(*) FROM clauses");
  REQUIRE(clauses > 0);

  auto forced = RunFoiamine(args + " --force extract");
  INFO(forced.out << forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(forced.out.find("new documents   0 (0 pages)") != std::string::npos);
  CHECK(forced.out.find("unchanged       0") != std::string::npos);
  CHECK(forced.out.find("re-processed    2 (text: 0, ocr: 0, extract: 2)") != std::string::npos);
  // Pages are not rewritten: same rows, ids and text; no file was read again
  // (no per-document line of the text stage).
  CHECK(PagesSnapshot(db) == pages);
  CHECK(forced.err.find("] ps-4020.pdf") == std::string::npos);
  CHECK(QueryInt(db, "SELECT count(*) FROM clauses") == clauses);
  // The summary counts the re-extracted documents' clauses (it said 0).
  CHECK(forced.out.find("clauses found   " + std::to_string(clauses) + " (in the documents written") !=
        std::string::npos);
  CHECK(IndexDigest(db) == digest);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE level='info' AND message='re-processed (extract): forced' "
                     "AND run_id=(SELECT max(id) FROM runs)") == 2);

  // A plain re-run afterwards has nothing to do.
  auto again = RunFoiamine(args);
  CHECK(again.out.find("re-processed    0 (text: 0, ocr: 0, extract: 0)") != std::string::npos);
  CHECK(again.out.find("unchanged       2") != std::string::npos);
}

TEST_CASE("run --force text rebuilds documents from their files and keeps their ids", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeTextDrop(dir / "drop");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string());
  REQUIRE(RunFoiamine(args).exit_code == 0);
  const std::string digest = IndexDigest(db), pages = PagesSnapshot(db), documents = DocumentsSnapshot(db);
  const std::string files = QueryText(db, "SELECT group_concat(id || path || run_id) FROM files");

  auto forced = RunFoiamine(args + " --force text");
  INFO(forced.out << forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(forced.out.find("re-processed    2 (text: 2, ocr: 0, extract: 0)") != std::string::npos);
  CHECK(forced.err.find("] ps-4020.pdf: re-processed (text, forced): 2 pages") != std::string::npos);
  CHECK(IndexDigest(db) == digest);
  CHECK(DocumentsSnapshot(db) == documents);  // ids and first_run_id kept
  CHECK(PagesSnapshot(db) == pages);          // page ids kept, same text
  CHECK(QueryText(db, "SELECT group_concat(id || path || run_id) FROM files") == files);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE level='info' AND message='re-processed (text): forced'") == 2);
  CHECK(QueryInt(db, "SELECT count(*) FROM clauses WHERE topic='release_notification'") >= 1);
  // The summary counts the clauses of the re-processed documents (it said 0).
  const std::string clauses = std::to_string(QueryInt(db, "SELECT count(*) FROM clauses"));
  CHECK(forced.out.find("clauses found   " + clauses + " (in the documents written") != std::string::npos);
}

TEST_CASE("run --force ocr re-reads scanned pages without the OCR cache, and --dry-run shows it first",
          "[e2e][reprocess][ocr]") {
  ScratchDir dir;
  MakeScanDrop(dir / "drop", dir / "work");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string());
  auto first = RunFoiamine(args);
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(first.out.find("OCR'd pages     1\n") != std::string::npos);
  const std::string digest = IndexDigest(db), bytes = ReadFile(db);

  auto plan = RunFoiamine(args + " --force ocr --dry-run");
  INFO(plan.out << plan.err);
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("  re-OCR (1 page)             memo-scan.pdf: forced\n") != std::string::npos);
  CHECK(plan.out.find("  unchanged                   policy.pdf: forced ocr: no page needs OCR") != std::string::npos);
  CHECK(plan.out.find("re-process      1 document (text: 0, ocr: 1, extract: 0)") != std::string::npos);
  CHECK(ReadFile(db) == bytes);

  auto forced = RunFoiamine(args + " --force ocr");
  INFO(forced.out << forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(forced.out.find("re-processed    1 (text: 0, ocr: 1, extract: 0)") != std::string::npos);
  CHECK(forced.out.find("unchanged       1") != std::string::npos);
  // Read again by Tesseract, not answered by the cache (whose entry it refreshed).
  CHECK(forced.out.find("OCR'd pages     1\n") != std::string::npos);
  CHECK(forced.out.find("from the OCR cache") == std::string::npos);
  CHECK(QueryInt(db, "SELECT count(*) FROM ocr_cache") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM pages WHERE method='ocr' AND text LIKE '%faxed to ERO%'") == 1);
  CHECK(IndexDigest(db) == digest);
}

TEST_CASE("OCR languages that changed re-OCR the scanned documents once", "[e2e][reprocess][ocr]") {
  auto langs = RunShell("tesseract --list-langs");
  if (langs.out.find("\nspa") == std::string::npos) {
    SKIP_TEST("tesseract has no spa traineddata (scripts/setup.sh installs it): skipping");
  }
  ScratchDir dir;
  MakeScanDrop(dir / "drop", dir / "work");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string());
  REQUIRE(RunFoiamine(args + " --lang eng").exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM stage_versions WHERE stage='ocr' AND version LIKE '%/eng/%/300dpi'") == 1);
  const std::string bytes = ReadFile(db);

  auto plan = RunFoiamine(args + " --lang eng+spa --dry-run");
  INFO(plan.out << plan.err);
  CHECK(plan.out.find("  re-OCR (1 page)             memo-scan.pdf: ocr version eng -> eng+spa\n") !=
        std::string::npos);
  CHECK(plan.out.find("  unchanged                   policy.pdf\n") != std::string::npos);
  CHECK(ReadFile(db) == bytes);

  auto spa = RunFoiamine(args + " --lang eng+spa");
  INFO(spa.out << spa.err);
  REQUIRE(spa.exit_code == 0);
  CHECK(spa.out.find("re-processed    1 (text: 0, ocr: 1, extract: 0)") != std::string::npos);
  CHECK(spa.out.find("OCR'd pages     1\n") != std::string::npos);  // another engine: not in the cache
  CHECK(QueryInt(db, "SELECT count(*) FROM stage_versions WHERE stage='ocr' AND version LIKE '%/eng+spa/%'") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM stage_versions WHERE stage='ocr'") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE level='info' AND "
                     "message='re-processed (ocr): ocr version eng -> eng+spa'") == 1);

  auto same = RunFoiamine(args + " --lang eng+spa");
  INFO(same.out << same.err);
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("re-processed    0 (text: 0, ocr: 0, extract: 0)") != std::string::npos);
  CHECK(same.out.find("unchanged       2") != std::string::npos);
  CHECK(same.out.find("OCR'd pages") == std::string::npos);

  // Without --lang the run keeps the index's eng+spa (it says so): nothing
  // is re-OCR'd in the default eng.
  auto plain = RunFoiamine(args);
  INFO(plain.out << plain.err);
  CHECK(plain.exit_code == 0);
  CHECK(plain.err.find("OCR settings as the index was last OCR'd with: --lang eng+spa") != std::string::npos);
  CHECK(plain.out.find("re-processed    0 (text: 0, ocr: 0, extract: 0)") != std::string::npos);
  CHECK(QueryInt(db, "SELECT count(*) FROM stage_versions WHERE stage='ocr' AND version LIKE '%/eng+spa/%'") == 1);
}

TEST_CASE("pages that failed OCR are retried with --retry-failed, not by a plain re-run", "[e2e][reprocess][ocr]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  // No text layer, and too large to render for OCR: the same failure each time.
  WriteFile(drop / "huge-page.pdf",
            "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
            "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 100000 100000]>> endobj\n"
            "trailer <</Root 1 0 R>>\n%%EOF\n");
  WriteFile(drop / "memo.txt", "Release desk memo.\n");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote(drop.string()) + " --db " + Quote(db.string());
  auto first = RunFoiamine(args);
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 2);
  REQUIRE(QueryInt(db, "SELECT count(*) FROM pages WHERE method='none' AND needs_ocr=1") == 1);
  const std::string failed_ocr = "SELECT count(*) FROM events WHERE message LIKE 'p. 1: could not make the page image%' "
                                 "AND run_id=(SELECT max(id) FROM runs)";
  REQUIRE(QueryInt(db, failed_ocr) == 1);

  // A plain re-run does not try again, but says so and stays partial.
  auto plain = RunFoiamine(args);
  INFO(plain.out << plain.err);
  CHECK(plain.exit_code == 2);
  CHECK(plain.out.find("unchanged       2") != std::string::npos);
  CHECK(plain.out.find("pages awaiting OCR from earlier runs 1 (not retried: --retry-failed or --force ocr") !=
        std::string::npos);
  CHECK(QueryInt(db, failed_ocr) == 0);
  auto plan = RunFoiamine(args + " --dry-run");
  CHECK(plan.out.find("  unchanged                   huge-page.pdf: 1 page awaiting OCR (--retry-failed retries)\n") !=
        std::string::npos);

  auto retried = RunFoiamine(args + " --retry-failed");
  INFO(retried.out << retried.err);
  CHECK(retried.exit_code == 2);
  CHECK(retried.out.find("re-processed    1 (text: 0, ocr: 1, extract: 0)") != std::string::npos);
  CHECK(retried.out.find("pages awaiting OCR 1 (OCR failed") != std::string::npos);
  CHECK(QueryInt(db, failed_ocr) == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM pages WHERE method='none' AND needs_ocr=1") == 1);
}

TEST_CASE("run --force with an unknown stage is a usage error that creates nothing", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeTextDrop(dir / "drop");
  auto bad = RunFoiamine("run " + Quote((dir / "drop").string()) + " --force normalize --db " +
                         Quote((dir / "i.db").string()));
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("text") != std::string::npos);
  CHECK(bad.err.find("ocr") != std::string::npos);
  CHECK(bad.err.find("extract") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "i.db"));
}

TEST_CASE("a re-processing that fails keeps the indexed version, names the file and exits 2", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeTextDrop(dir / "drop");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string());
  REQUIRE(RunFoiamine(args).exit_code == 0);
  const std::string digest = IndexDigest(db), pages = PagesSnapshot(db), words = WordsPerPage(db);
  const std::string versions =
      QueryText(db, "SELECT group_concat(document_id || stage || version) FROM stage_versions");
  // A real write failure half-way through each document's rewrite: SQLite
  // refuses to delete the old clauses (after pages and words were written).
  auto frozen = RunShell("sqlite3 " + Quote(db.string()) +
                         " \"CREATE TRIGGER frozen BEFORE DELETE ON clauses BEGIN "
                         "SELECT RAISE(ABORT, 'clauses are frozen'); END;\"");
  REQUIRE(frozen.exit_code == 0);

  for (const char* stage : {"text", "extract"}) {
    auto forced = RunFoiamine(args + " --force " + stage);
    INFO(stage << "\n" << forced.out << forced.err);
    CHECK(forced.exit_code == 2);
    CHECK(forced.err.find("error: ps-4020.pdf: re-processing (" + std::string(stage) + ", forced) failed; the "
                          "indexed version is kept:") != std::string::npos);
    CHECK(forced.err.find("clauses are frozen") != std::string::npos);
    CHECK(forced.out.find("re-processed    0") != std::string::npos);
    CHECK(QueryInt(db, "SELECT count(*) FROM failures WHERE path='ps-4020.pdf' AND reason LIKE '%clauses are frozen%'") ==
          1);
    CHECK(PagesSnapshot(db) == pages);
    CHECK(WordsPerPage(db) == words);
    CHECK(QueryText(db, "SELECT group_concat(document_id || stage || version) FROM stage_versions") == versions);
    CHECK(IndexDigest(db) == digest);
  }
  auto status = RunFoiamine("status --db " + Quote(db.string()));
  CHECK(status.out.find("ps-4020.pdf [extract]: re-processing (extract, forced) failed") != std::string::npos);

  // Once the index accepts writes again: the next run finds the document
  // intact, clears the failure and exits 0.
  REQUIRE(RunShell("sqlite3 " + Quote(db.string()) + " 'DROP TRIGGER frozen;'").exit_code == 0);
  auto again = RunFoiamine(args);
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM failures") == 0);
}

TEST_CASE("kill -9 while documents are rewritten leaves each one whole", "[e2e][reprocess][resume]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  for (int i = 0; i < 40; ++i) {
    WriteTextPdf(drop / ("order-" + std::to_string(i) + ".pdf"),
                 {{"GENERAL ORDER " + std::to_string(i), "1. Members shall not inquire about immigration status."},
                  {"2. Members shall notify ERO before release.", "3. Distribution: all members."}});
  }
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote(drop.string()) + " --quiet --db " + Quote(db.string());
  REQUIRE(RunFoiamine(args).exit_code == 0);
  const std::string digest = IndexDigest(db), words = WordsPerPage(db), pages = PagesSnapshot(db);
  const int64_t versions = QueryInt(db, "SELECT count(*) FROM stage_versions");

  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(RunFoiamine(args + " --force text").exit_code == 0);
  const double full = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  int deaths = 0;
  for (double fraction : {0.2, 0.5, 0.8}) {
    char delay[32];
    std::snprintf(delay, sizeof delay, "%.2f", fraction * full);
    auto r = RunShell(Quote(FOIAMINE_BIN) + " " + args + " --force text 2>/dev/null & p=$!; sleep " + delay +
                      "; kill -9 $p 2>/dev/null; wait $p; echo exit=$?");
    deaths += r.out.find("exit=137") != std::string::npos;
    INFO(r.out);
    CHECK(QueryText(db, "PRAGMA integrity_check") == "ok");
    CHECK(WordsPerPage(db) == words);
    CHECK(PagesSnapshot(db) == pages);
    CHECK(QueryInt(db, "SELECT count(*) FROM stage_versions") == versions);
    CHECK(IndexDigest(db) == digest);
  }
  CHECK(deaths >= 1);  // at least one kill landed mid-run
  auto resumed = RunFoiamine(args);
  CHECK(resumed.exit_code == 0);
  CHECK(IndexDigest(db) == digest);
}

TEST_CASE("run --progress states the default display and excludes --quiet", "[e2e][progress]") {
  ScratchDir dir;
  MakeTextDrop(dir / "drop");
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote((dir / "i.db").string());
  auto both = RunFoiamine(args + " --progress --quiet");
  CHECK(both.exit_code == 1);
  CHECK(both.err.find("excludes") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "i.db"));
  auto progress = RunFoiamine(args + " --progress");
  INFO(progress.out << progress.err);
  CHECK(progress.exit_code == 0);
  CHECK(progress.err.find("] ps-4020.pdf: 2 pages") != std::string::npos);  // not a terminal: plain lines
  CHECK(progress.err.find("\x1b") == std::string::npos);
}
