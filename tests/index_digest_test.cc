// The content digest of `status --json`: independent of row ids, runs and
// times; sensitive to content.
#include "search/index_digest.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

void MakeDrop(const fs::path& drop) {
  WriteTextPdf(drop / "policies" / "release.pdf",
               {{"RELEASE PROCEDURES", "Staff shall notify ICE prior to release."}, {"2. DISTRIBUTION", "All staff."}});
  WriteFile(drop / "mail" / "desk.txt", "The night clerk emailed ERO the discharge list.\n");
  WriteFile(drop / "mail" / "copy-of-desk.txt", "The night clerk emailed ERO the discharge list.\n");
}

}  // namespace

TEST_CASE("the same drop indexed twice gives the same digest, a changed page text does not", "[digest]") {
  ScratchDir dir;
  MakeDrop(dir / "drop");
  // Index b first gets an unrelated document (then removed), so row ids differ between a and b.
  WriteFile(dir / "other" / "x.txt", "unrelated\n");
  REQUIRE(RunFoiamine("run " + Quote((dir / "other").string()) + " --db " + Quote((dir / "b.db").string())).exit_code == 0);
  {
    auto db = Database::Open((dir / "b.db").string(), Database::Mode::kReadWrite);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("PRAGMA foreign_keys=ON; DELETE FROM documents;").ok());
  }
  for (const char* name : {"a.db", "b.db"}) {
    auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + Quote((dir / name).string()));
    REQUIRE(run.exit_code == 0);
  }
  const std::string a = IndexDigest(dir / "a.db");
  CHECK(a.size() == 64);
  CHECK(IndexDigest(dir / "b.db") == a);

  // A second, unchanged run adds a run row but no content.
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + Quote((dir / "a.db").string())).exit_code == 0);
  CHECK(IndexDigest(dir / "a.db") == a);

  // The digest is the same in-process.
  {
    auto index = IndexReader::Open((dir / "a.db").string());
    REQUIRE(index.ok());
    auto digest = IndexDigest(*index);
    REQUIRE(digest.ok());
    CHECK(*digest == a);
  }

  // One page's text changed: a different digest.
  {
    auto db = Database::Open((dir / "b.db").string(), Database::Mode::kReadWrite);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("UPDATE pages SET text = replace(text, 'notify', 'inform') WHERE page_no = 1 AND text LIKE '%notify%'").ok());
    REQUIRE(sqlite3_changes(db->handle()) == 1);
  }
  CHECK(IndexDigest(dir / "b.db") != a);
}

TEST_CASE("the digest covers file paths and findings", "[digest]") {
  ScratchDir dir;
  MakeDrop(dir / "drop");
  const fs::path db_path = dir / "a.db";
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + Quote(db_path.string())).exit_code == 0);
  const std::string before = IndexDigest(db_path);
  auto db = Database::Open(db_path.string(), Database::Mode::kReadWrite);
  REQUIRE(db.ok());
  SECTION("a path renamed") {
    REQUIRE(db->Exec("UPDATE files SET path_bytes = CAST('mail/renamed.txt' AS BLOB) WHERE path = 'mail/copy-of-desk.txt'").ok());
    CHECK(IndexDigest(db_path) != before);
  }
  SECTION("a clause added") {
    REQUIRE(db->Exec("INSERT INTO clauses(id, document_id, page_no, topic, stance, text, char_start, char_end, rule, "
                     "confidence, citation) SELECT 'c1', id, 1, 'release_notification', 'requires', 'x', 0, 1, 'r', "
                     "0.9, 'p. 1' FROM documents LIMIT 1").ok());
    CHECK(IndexDigest(db_path) != before);
  }
  SECTION("run history and timestamps do not count") {
    REQUIRE(db->Exec("UPDATE documents SET indexed_at = '1999-01-01T00:00:00Z'; DELETE FROM events;").ok());
    CHECK(IndexDigest(db_path) == before);
  }
}
