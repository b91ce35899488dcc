// `run --shard K/N` + `merge`: shards partition the drop, and their merge
// equals one run over the whole drop, by content digest.
#include "pipeline/merge.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "pipeline/index.h"
#include "index/sqlite.h"
#include "index/word_boxes.h"
#include "base/sha256.h"
#include "pipeline/shard.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

nlohmann::json StatusJson(const fs::path& db) {
  auto status = RunFoiamine("status --json --db " + Quote(db.string()));
  REQUIRE(status.exit_code == 0);
  return nlohmann::json::parse(status.out);
}

std::set<std::string> Strings(const fs::path& db, const std::string& sql) {
  auto d = Database::Open(db.string(), Database::Mode::kReadOnly);
  REQUIRE(d.ok());
  REQUIRE(RegisterWordBoxFunctions(*d).ok());  // the `words` view reads page_words with it
  auto stmt = d->Prepare(sql);
  REQUIRE(stmt.ok());
  std::set<std::string> out;
  while (stmt->Step()) out.insert(stmt->Text(0));
  return out;
}

// Twelve text documents, a PDF, a duplicate (same bytes, two paths) and an
// empty file (a failure).
void MakeDrop(const fs::path& drop) {
  for (int i = 0; i < 12; ++i) {
    WriteFile(drop / "mail" / ("note-" + std::to_string(i) + ".txt"),
              "Release desk note " + std::to_string(i) + ": the clerk phoned ERO before release.\n\fPage two of note " +
                  std::to_string(i) + ".\n");
  }
  WriteTextPdf(drop / "policies" / "release.pdf",
               {{"RELEASE PROCEDURES", "Staff shall notify ICE prior to release."}, {"2. DISTRIBUTION", "All staff."}});
  WriteFile(drop / "mail" / "copy-of-note-3.txt", ReadFile(drop / "mail" / "note-3.txt"));
  WriteFile(drop / "broken" / "empty.pdf", "");
  WriteFile(drop / "manifest.csv",
            "path,title,agency,doc_kind,authority,number,issued,effective,source\n"
            "policies/release.pdf,Release Procedures,DOC,jail_policy,policy,PS 1,2019-03-01,,FOIA-1\n");
}

}  // namespace

TEST_CASE("three shards merged equal one run, by digest", "[merge][e2e]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  MakeDrop(drop);
  const std::string d = Quote(drop.string());
  auto single = RunFoiamine("run " + d + " --db " + Quote((dir / "single.db").string()));
  REQUIRE(single.exit_code == 2);  // the empty file
  const auto want = StatusJson(dir / "single.db");
  REQUIRE(want["documents"] == 13);

  std::set<std::string> seen;
  std::string shard_files;
  for (int k = 0; k < 3; ++k) {
    const fs::path shard = dir / ("shard-" + std::to_string(k) + ".db");
    auto run = RunFoiamine("run " + d + " --shard " + std::to_string(k) + "/3 --db " + Quote(shard.string()));
    INFO(run.out << run.err);
    REQUIRE((run.exit_code == 0 || run.exit_code == 2));
    // Exactly the documents whose hash falls in shard k; none in two shards.
    for (const auto& sha : Strings(shard, "SELECT sha256 FROM documents")) {
      CHECK(ShardOf(sha, 3) == static_cast<uint32_t>(k));
      CHECK(seen.insert(sha).second);
    }
    // Documents of other shards are skipped, not failures.
    for (const auto& sha : Strings(shard, "SELECT coalesce(sha256, '') FROM failures")) {
      CHECK((sha.empty() || ShardOf(sha, 3) == static_cast<uint32_t>(k)));
    }
    shard_files += " " + Quote(shard.string());
  }
  CHECK(seen.size() == 13);

  const fs::path merged = dir / "merged.db";
  auto merge = RunFoiamine("merge" + shard_files + " --into " + Quote(merged.string()));
  INFO(merge.out << merge.err);
  REQUIRE(merge.exit_code == 0);
  CHECK(merge.out.find("new documents   13") != std::string::npos);
  const auto got = StatusJson(merged);
  CHECK(got["digest"] == want["digest"]);
  CHECK(got["documents"] == 13);
  CHECK(got["files"] == want["files"]);
  CHECK(got["pages"]["total"] == want["pages"]["total"]);
  REQUIRE(got["failures"].size() == 1);
  CHECK(got["failures"][0]["path"] == "broken/empty.pdf");
  // The merge is recorded as a run, after the shards' own runs.
  CHECK(got["runs"].size() == 4);
  // Search works on the merged index (the FTS rows came with the pages).
  auto search = RunFoiamine("search '\"notify ICE\"' --json --db " + Quote(merged.string()));
  CHECK(search.out.find("policies/release.pdf") != std::string::npos);
  CHECK(search.out.find("Release Procedures") != std::string::npos);
  // Words travelled with their pages.
  CHECK(Strings(merged, "SELECT count(*) FROM words") == Strings(dir / "single.db", "SELECT count(*) FROM words"));
  CHECK(Strings(merged, "SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'clerk'") ==
        Strings(dir / "single.db", "SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'clerk'"));

  // Merging the same shards again changes no content.
  auto again = RunFoiamine("merge" + shard_files + " --into " + Quote(merged.string()));
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("duplicates      13") != std::string::npos);
  CHECK(StatusJson(merged)["digest"] == want["digest"]);
}

TEST_CASE("merge deduplicates a document found in two indexes and unions its paths", "[merge][e2e]") {
  ScratchDir dir;
  WriteFile(dir / "a" / "one.txt", "Same content.\n");
  WriteFile(dir / "a" / "only-a.txt", "Only in a.\n");
  WriteFile(dir / "b" / "renamed.txt", "Same content.\n");
  REQUIRE(RunFoiamine("run " + Quote((dir / "a").string()) + " --db " + Quote((dir / "a.db").string())).exit_code == 0);
  REQUIRE(RunFoiamine("run " + Quote((dir / "b").string()) + " --db " + Quote((dir / "b.db").string())).exit_code == 0);
  auto merge = RunFoiamine("merge " + Quote((dir / "a.db").string()) + " " + Quote((dir / "b.db").string()) +
                           " --into " + Quote((dir / "m.db").string()));
  INFO(merge.out << merge.err);
  REQUIRE(merge.exit_code == 0);
  auto s = StatusJson(dir / "m.db");
  CHECK(s["documents"] == 2);
  CHECK(s["files"] == 3);
  CHECK(Strings(dir / "m.db", "SELECT path FROM files WHERE document_id = (SELECT id FROM documents WHERE sha256 = '" +
                                   Sha256Hex("Same content.\n") + "')") == std::set<std::string>{"one.txt", "renamed.txt"});
  CHECK(Strings(dir / "m.db", "SELECT count(*) FROM pages") == std::set<std::string>{"2"});
}

TEST_CASE("merge copies unknown per-document and content-keyed tables generically", "[merge]") {
  ScratchDir dir;
  WriteFile(dir / "a" / "one.txt", "Alpha.\n");
  const fs::path a = dir / "a.db";
  REQUIRE(RunFoiamine("run " + Quote((dir / "a").string()) + " --db " + Quote(a.string())).exit_code == 0);
  {
    auto db = Database::Open(a.string(), Database::Mode::kReadWrite);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE exemptions(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, code TEXT);"
                     "INSERT INTO exemptions(id, document_id, code) SELECT 77, id, 'b(7)(C)' FROM documents;"
                     "CREATE TABLE render_cache(image_sha256 TEXT PRIMARY KEY, text TEXT);"
                     "INSERT INTO render_cache VALUES ('abc', 'cached words');").ok());
  }
  const fs::path m = dir / "m.db";
  // The target knows these tables (as a build with a newer schema would create them).
  {
    auto index = Index::Open(m.string(), Index::Access::kWrite);
    REQUIRE(index.ok());
    REQUIRE(index->db().Exec("CREATE TABLE exemptions(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, code TEXT);"
                             "CREATE TABLE render_cache(image_sha256 TEXT PRIMARY KEY, text TEXT);"
                             "INSERT INTO render_cache VALUES ('abc', 'already here');").ok());
  }
  MergeOptions options;
  options.sources = {a.string()};
  options.into = m.string();
  auto totals = MergeIndexes(options);
  REQUIRE(totals.ok());
  CHECK(totals->documents_new == 1);
  CHECK(Strings(m, "SELECT code FROM exemptions WHERE document_id = (SELECT id FROM documents)") ==
        std::set<std::string>{"b(7)(C)"});
  CHECK(Strings(m, "SELECT text FROM render_cache") == std::set<std::string>{"already here"});  // INSERT OR IGNORE

  // Refusals: the target as a source, a missing source.
  options.sources = {m.string()};
  CHECK_FALSE(MergeIndexes(options).ok());
  options.sources = {(dir / "missing.db").string()};
  auto missing = MergeIndexes(options);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("no index at") != std::string::npos);
}
