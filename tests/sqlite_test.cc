// The SQLite wrapper (index/sqlite.h): connections, statements, transactions.
#include <catch2/catch.hpp>

#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using foiamine::testing::ScratchDir;

TEST_CASE("a missing file opens only when asked to create it", "[sqlite]") {
  ScratchDir dir;
  const std::string path = (dir / "x.db").string();
  CHECK_FALSE(Database::Open(path, Database::Mode::kReadOnly).ok());
  CHECK_FALSE(Database::Open(path, Database::Mode::kReadWrite).ok());
  auto db = Database::Open(path, Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  CHECK(db->Exec("CREATE TABLE t(a INTEGER, b TEXT, c REAL, d BLOB)").ok());
  auto read_only = Database::Open(path, Database::Mode::kReadOnly);
  REQUIRE(read_only.ok());
  CHECK_FALSE(read_only->Exec("INSERT INTO t VALUES (1, 'x', 1.5, NULL)").ok());
}

TEST_CASE("statements bind and read every type, NULL included", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t(a INTEGER, b TEXT, c REAL, d BLOB, e TEXT)").ok());
  auto insert = db->Prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
  REQUIRE(insert.ok());
  insert->Bind(1, int64_t{7}).Bind(2, "it's").Bind(3, 2.5).BindBlob(4, std::string("a\0b", 3)).BindTextOrNull(5, "");
  REQUIRE(insert->Run().ok());
  CHECK(db->LastInsertRowId() == 1);
  insert->Reset();
  insert->Bind(1, 8).BindNull(2).BindOptional(3, std::optional<double>{}).BindNull(4).BindOptional(5, std::optional<std::string>{"e"});
  REQUIRE(insert->Run().ok());

  auto select = db->Prepare("SELECT a, b, c, d, e FROM t ORDER BY a");
  REQUIRE(select.ok());
  Status status;
  REQUIRE(select->Step(&status));
  CHECK(select->Int(0) == 7);
  CHECK(select->Text(1) == "it's");
  CHECK(select->Real(2) == 2.5);
  CHECK(select->Blob(3) == std::string("a\0b", 3));
  CHECK(select->IsNull(4));
  REQUIRE(select->Step(&status));
  CHECK(select->OptionalText(1) == std::nullopt);
  CHECK(select->OptionalReal(2) == std::nullopt);
  CHECK(select->OptionalText(4) == "e");
  CHECK_FALSE(select->Step(&status));
  CHECK(status.ok());  // the end, not an error
}

TEST_CASE("a malformed statement is an error naming the SQL, never a crash", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  auto bad = db->Prepare("SELEC 1");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("SELEC 1") != std::string::npos);
  CHECK_FALSE(db->Exec("NOT SQL").ok());
}

TEST_CASE("a transaction not committed is rolled back", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t(a)").ok());
  {
    Transaction tx(*db);
    REQUIRE(tx.begin_status().ok());
    REQUIRE(db->Exec("INSERT INTO t VALUES (1)").ok());
  }  // no Commit
  {
    Transaction tx(*db);
    REQUIRE(db->Exec("INSERT INTO t VALUES (2)").ok());
    REQUIRE(tx.Commit().ok());
  }
  auto count = db->Prepare("SELECT group_concat(a) FROM t");
  REQUIRE(count.ok());
  REQUIRE(count->Step());
  CHECK(count->Text(0) == "2");
}
