// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement. All SQL in foiamine goes through prepared statements with bound
// parameters; nothing user-supplied is ever spliced into SQL text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace foiamine {

class Statement;

// A SQLite error as a Status: kIoError when the file or the machine failed
// (disk full, I/O error, out of memory, locked, corrupt, read-only), which a
// writer treats as fatal and retries later; kInternal for everything else
// (a constraint, a trigger's RAISE, a malformed statement or query), which
// belongs to the statement or its data. `rc` may be an extended code.
Status SqliteStatus(int rc, std::string message);

// An open SQLite connection. Movable, not copyable; closes on destruction.
class Database {
 public:
  enum class Mode { kReadOnly, kReadWrite, kReadWriteCreate };

  // Opens `path`. In kReadOnly / kReadWrite mode a missing file is an error.
  static StatusOr<Database> Open(const std::string& path, Mode mode);

  Database(Database&&) = default;
  Database& operator=(Database&&) = default;

  // Runs one or more statements without results (schema, pragmas).
  Status Exec(std::string_view sql);
  // Prepares one statement. REQUIRES: the Database outlives the Statement.
  StatusOr<Statement> Prepare(std::string_view sql);
  // The same, but the statement is compiled once per connection and kept:
  // a writer runs the same few dozen statements for every document, and
  // compiling one costs more than running it. The Statement returned is a
  // lease: when it is destroyed the statement is reset (ending a read left
  // mid-way, clearing its bindings) and kept for the next call, not
  // finalized. SQL already leased (the same statement in use twice at
  // once), or met after the cache is full, is prepared for this lease
  // alone. REQUIRES: the Database outlives the Statement.
  StatusOr<Statement> PrepareCached(std::string_view sql);

  sqlite3* handle() const { return db_.get(); }
  std::string LastError() const { return sqlite3_errmsg(db_.get()); }
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  // A statement PrepareCached keeps, and whether a Statement leases it now.
  struct CachedStatement {
    CachedStatement(sqlite3_stmt* s) : stmt(s) {}  // NOLINT: owns s
    ~CachedStatement() { sqlite3_finalize(stmt); }
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    sqlite3_stmt* stmt;
    bool leased = false;
  };
  // sqlite3_prepare_v2, its failure as a Status naming the SQL.
  Status Compile(std::string_view sql, sqlite3_stmt** stmt);
  using StatementCache = std::map<std::string, std::unique_ptr<CachedStatement>, std::less<>>;
  explicit Database(sqlite3* db) : db_(db), cache_(std::make_unique<StatementCache>()) {}
  std::unique_ptr<sqlite3, Closer> db_;
  // Declared after db_, so its statements are finalized before the
  // connection closes; entries are never removed while it lives, so a
  // lease's pointer to its entry's flag stays valid.
  std::unique_ptr<StatementCache> cache_;
};

// A prepared statement. Bind parameters by 1-based index, Step() through rows.
class Statement {
 public:
  Statement(Statement&&) = default;
  Statement& operator=(Statement&&) = default;

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds NULL when `value` is empty.
  Statement& BindOptional(int index, const std::optional<std::string>& value);
  Statement& BindOptional(int index, const std::optional<double>& value);
  Statement& BindTextOrNull(int index, std::string_view text);

  // Advances to the next row. Returns true while a row is available; false at
  // the end of the rows *or on an error*: after a false, status() says which
  // (LevelDB's Iterator::status() is the model). A read that stops early on
  // an I/O error must not pass for the end of the rows, so every loop checks
  // status() after it (or passes `status`, which gets the same error).
  //   while (stmt.Step()) rows.push_back(stmt.Int(0));
  //   if (!stmt.status().ok()) return stmt.status();
  [[nodiscard]] bool Step();
  [[nodiscard]] bool Step(Status* status);
  // OK unless the last Step() failed; Reset() clears it.
  const Status& status() const { return status_; }
  // Runs a statement that returns no rows.
  Status Run();
  // Resets for re-execution and clears bindings.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<double> OptionalReal(int column) const;
  std::string Blob(int column) const;

 private:
  friend class Database;
  // Finalizes the statement it owns; for a lease of a cached one (`lease`
  // set: the cache entry's flag), resets it and gives it back instead.
  struct Finalizer {
    bool* lease = nullptr;
    void operator()(sqlite3_stmt* stmt) const {
      if (!lease) {
        sqlite3_finalize(stmt);
        return;
      }
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
      *lease = false;
    }
  };
  explicit Statement(sqlite3_stmt* stmt, bool* lease = nullptr) : stmt_(stmt, Finalizer{lease}) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  Status status_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begin_status() const { return begin_status_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_status_;
  bool open_ = false;
};

}  // namespace foiamine
