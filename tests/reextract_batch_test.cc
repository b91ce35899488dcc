// Extraction on several threads, through the real binary: a fresh run's
// compute threads (pipeline/runner.cc) and a re-extraction's batch
// (pipeline/reextract_batch.h). Whatever the thread count, an index holds
// what a fresh run with the same rulebook on one thread writes, and the
// summary counts the clauses.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// The corpus's truth texts as a drop of text files (18 documents of every
// genre, dense in clauses, so the threads have work to share) and a CSV.
void MakeCorpusTextDrop(const fs::path& drop) {
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    WriteFile(drop / e.path().filename(), ReadFile(e.path()));
  }
  // And a spreadsheet, whose rows are sections of their own that
  // re-extraction keeps rather than infers (pipeline/sheet_file.h).
  WriteFile(drop / "release-log.csv",
            "date,facility,note\n"
            "2019-03-02,CDF,Records office staff shall notify ICE prior to releasing the inmate\n"
            "2019-03-03,CTF,Staff shall not hold an inmate on an immigration detainer\n");

}

// Every clause and section as the index stores them, ids of their own
// rows aside (sections are numbered by their insertion).
std::string ExtractionSnapshot(const fs::path& db) {
  return QueryText(db, "SELECT group_concat(x, '|') FROM (SELECT id || document_id || page_no || coalesce(section,'') "
                       "|| topic || stance || coalesce(actor,'') || char_start || '-' || char_end || rule || citation AS x "
                       "FROM clauses ORDER BY id)") +
         "#" +
         QueryText(db, "SELECT group_concat(x, '|') FROM (SELECT document_id || path || coalesce(heading,'') || "
                       "page_no || ':' || char_start || '-' || end_page || ':' || end_char AS x FROM sections "
                       "ORDER BY document_id, page_no, char_start, path)") +
         "#" + QueryText(db, "SELECT group_concat(x, '|') FROM (SELECT id || coalesce(title,'') || coalesce(number,'') "
                             "|| coalesce(doc_kind,'') || coalesce(jurisdiction,'') AS x FROM documents ORDER BY id)");
}

}  // namespace

TEST_CASE("re-extraction on one or two threads writes what a fresh run writes", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeCorpusTextDrop(dir / "drop");
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote((dir / "drop").string()) + " --db " + Quote(db.string()) + " --quiet";
  REQUIRE(RunFoiamine(args + " --jobs 2").exit_code == 0);
  const std::string fresh = ExtractionSnapshot(db), digest = IndexDigest(db);
  const int64_t clauses = QueryInt(db, "SELECT count(*) FROM clauses");
  REQUIRE(clauses > 50);
  // 19 files, and an attachment found inside one of them.
  const std::string documents = std::to_string(QueryInt(db, "SELECT count(*) FROM documents"));
  REQUIRE(documents == "20");
  // A fresh run computes its documents on --jobs threads too: one thread
  // writes the same.
  const fs::path one = dir / "one.db";
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + Quote(one.string()) + " --quiet --jobs 1")
              .exit_code == 0);
  CHECK(ExtractionSnapshot(one) == fresh);
  CHECK(IndexDigest(one) == digest);
  REQUIRE(QueryInt(db, "SELECT count(*) FROM sections WHERE path LIKE 'row %'") >= 2);

  for (const char* jobs : {" --jobs 2", " --jobs 1", " --jobs 3"}) {
    auto forced = RunFoiamine(args + " --force extract" + jobs);
    INFO(jobs << "\n" << forced.out << forced.err);
    REQUIRE(forced.exit_code == 0);
    CHECK(forced.out.find("re-processed    " + documents + " (text: 0, ocr: 0, extract: " + documents + ")") != std::string::npos);
    // The clauses of the re-extracted documents are counted (it said 0).
    CHECK(forced.out.find("clauses found   " + std::to_string(clauses) + " (") != std::string::npos);
    CHECK(ExtractionSnapshot(db) == fresh);
    CHECK(IndexDigest(db) == digest);
    CHECK(QueryInt(db, "SELECT count(*) FROM events WHERE message='re-processed (extract): forced' "
                       "AND run_id=(SELECT max(id) FROM runs)") == std::stoll(documents));
  }
}

TEST_CASE("a rulebook edit re-extracts on two threads what a fresh run with the edit writes", "[e2e][reprocess]") {
  ScratchDir dir;
  MakeCorpusTextDrop(dir / "drop");
  const std::string rules = ReadFile(ShippedRulebookPath());
  WriteFile(dir / "rulebook.yaml", rules);
  const auto run_with = [&](const fs::path& db, const char* jobs) {
    return RunFoiamine("run " + Quote((dir / "drop").string()) + " --rulebook " +
                       Quote((dir / "rulebook.yaml").string()) + " --db " + Quote(db.string()) + " --quiet" + jobs);
  };
  REQUIRE(run_with(dir / "a.db", " --jobs 2").exit_code == 0);
  // An analyst's edit (a comment) changes the rulebook's hash: every
  // document is stale, and the batch re-extracts all 20.
  WriteFile(dir / "rulebook.yaml", rules + "\n# reviewed by the analysts\n");
  auto edited = run_with(dir / "a.db", " --jobs 2");
  INFO(edited.out << edited.err);
  REQUIRE(edited.exit_code == 0);
  CHECK(edited.out.find("re-extracted    20 (rulebook changed; text and OCR reused)") != std::string::npos);
  REQUIRE(run_with(dir / "b.db", " --jobs 1").exit_code == 0);
  CHECK(ExtractionSnapshot(dir / "a.db") == ExtractionSnapshot(dir / "b.db"));
  const int64_t clauses = QueryInt(dir / "b.db", "SELECT count(*) FROM clauses");
  CHECK(edited.out.find("clauses found   " + std::to_string(clauses) + " (") != std::string::npos);
}
