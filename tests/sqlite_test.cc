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

namespace {

// fail_after(x): x, but an error once x passes 3, as a disk that fails in
// the middle of a read would.
void FailAfterThree(sqlite3_context* context, int, sqlite3_value** argv) {
  const int64_t x = sqlite3_value_int64(argv[0]);
  if (x > 3) {
    sqlite3_result_error(context, "simulated read error", -1);
    return;
  }
  sqlite3_result_int64(context, x);
}

}  // namespace

TEST_CASE("a read that fails mid-way says so in status(), not as a short result", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(sqlite3_create_function(db->handle(), "fail_after", 1, SQLITE_UTF8, nullptr, FailAfterThree, nullptr,
                                  nullptr) == SQLITE_OK);
  REQUIRE(db->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3), (4), (5);").ok());
  auto rows = db->Prepare("SELECT fail_after(x) FROM t");  // rowid order, one row at a time
  REQUIRE(rows.ok());
  int read = 0;
  while (rows->Step()) ++read;
  CHECK(read == 3);  // a short result...
  CHECK_FALSE(rows->status().ok());  // ...that says it is one
  CHECK(rows->status().message().find("simulated read error") != std::string::npos);
  // The overload with a Status* reports the same error.
  rows->Reset();
  CHECK(rows->status().ok());
  Status status;
  while (rows->Step(&status)) {
  }
  CHECK(status.message().find("simulated read error") != std::string::npos);
  // Run() hands the error back and leaves the statement clean for reuse.
  rows->Reset();
  CHECK_FALSE(rows->Run().ok());
  CHECK(rows->status().ok());
  // The end of the rows is not an error.
  auto fine = db->Prepare("SELECT x FROM t WHERE x <= 3");
  REQUIRE(fine.ok());
  while (fine->Step()) {
  }
  CHECK(fine->status().ok());
}

namespace {

// Statements of the connection that are mid-way through a run (a read not
// finished holds the connection's read transaction open).
int BusyStatements(sqlite3* db) {
  int busy = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s)) busy += sqlite3_stmt_busy(s);
  return busy;
}

int OpenStatements(sqlite3* db) {
  int open = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s)) ++open;
  return open;
}

}  // namespace

TEST_CASE("a cached statement is compiled once, and each lease starts reset with no bindings", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t(a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z');").ok());
  const char* sql = "SELECT a, ?1 FROM t WHERE a >= coalesce(?2, 0) ORDER BY a";
  {
    auto first = db->PrepareCached(sql);
    REQUIRE(first.ok());
    first->Bind(1, "bound").Bind(2, 2);
    REQUIRE(first->Step());
    CHECK(first->Int(0) == 2);
    CHECK(first->Text(1) == "bound");
    CHECK(BusyStatements(db->handle()) == 1);  // left mid-read
  }
  // The lease's end reset it: no read left open, and kept compiled.
  CHECK(BusyStatements(db->handle()) == 0);
  CHECK(OpenStatements(db->handle()) == 1);
  {
    auto again = db->PrepareCached(sql);
    REQUIRE(again.ok());
    CHECK(OpenStatements(db->handle()) == 1);  // the same statement, not a new one
    REQUIRE(again->Step());
    CHECK(again->Int(0) == 1);  // from the first row, bindings cleared (?2 NULL)
    CHECK(again->IsNull(1));
  }
  // A write through a cached statement, run twice.
  for (int value : {10, 11}) {
    auto insert = db->PrepareCached("INSERT INTO t(a, b) VALUES (?, 'w')");
    REQUIRE(insert.ok());
    insert->Bind(1, value);
    REQUIRE(insert->Run().ok());
  }
  auto count = db->Prepare("SELECT count(*) FROM t WHERE b='w'");
  REQUIRE(count.ok());
  REQUIRE(count->Step());
  CHECK(count->Int(0) == 2);
}

TEST_CASE("the same cached SQL leased twice at once gives two independent statements", "[sqlite]") {
  ScratchDir dir;
  auto db = Database::Open((dir / "x.db").string(), Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (1), (2), (3);").ok());
  const char* sql = "SELECT a FROM t ORDER BY a";
  auto outer = db->PrepareCached(sql);
  REQUIRE(outer.ok());
  REQUIRE(outer->Step());
  CHECK(outer->Int(0) == 1);
  {
    auto inner = db->PrepareCached(sql);
    REQUIRE(inner.ok());
    int rows = 0;
    while (inner->Step()) ++rows;
    CHECK(inner->status().ok());
    CHECK(rows == 3);
  }
  // The outer read went on where it was.
  REQUIRE(outer->Step());
  CHECK(outer->Int(0) == 2);
  // A malformed statement is an error naming the SQL, cached or not.
  auto bad = db->PrepareCached("SELEC 1");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("SELEC 1") != std::string::npos);
}
