#include "index/sqlite.h"

namespace foiamine {

StatusOr<Database> Database::Open(const std::string& path, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::kReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::kReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::kReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);  // owns raw even on failure
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::IoError("cannot open index " + path + ": " + why);
  }
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Status SqliteStatus(int rc, std::string message) {
  switch (rc & 0xff) {  // the primary result code
    case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_NOMEM: case SQLITE_CORRUPT:
    case SQLITE_NOTADB: case SQLITE_READONLY: case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_PROTOCOL:
      return Status::IoError(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return SqliteStatus(rc, std::move(message));
  }
  return Status::Ok();
}

Status Database::Compile(std::string_view sql, sqlite3_stmt** stmt) {
  *stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(*stmt);
    *stmt = nullptr;
    return Status::Internal(LastError() + " in: " + std::string(sql.substr(0, 120)));
  }
  return Status::Ok();
}

StatusOr<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (Status s = Compile(sql, &stmt); !s.ok()) return s;
  return Statement(stmt);
}

namespace {
// Distinct statements one connection keeps compiled. A writer uses a few
// dozen, plus one page INSERT per page count (pipeline/index.cc batches up
// to 256 pages a statement); the cap bounds memory against SQL that varies
// without end (such SQL is prepared afresh past it, as Prepare does).
constexpr size_t kMaxCachedStatements = 512;
}  // namespace

StatusOr<Statement> Database::PrepareCached(std::string_view sql) {
  auto found = cache_->find(sql);
  if (found != cache_->end() && !found->second->leased) {
    found->second->leased = true;
    return Statement(found->second->stmt, &found->second->leased);
  }
  if (found != cache_->end() || cache_->size() >= kMaxCachedStatements) return Prepare(sql);
  sqlite3_stmt* stmt = nullptr;
  if (Status s = Compile(sql, &stmt); !s.ok()) return s;
  auto entry = std::make_unique<CachedStatement>(stmt);
  entry->leased = true;
  bool* lease = &entry->leased;
  cache_->emplace(std::string(sql), std::move(entry));
  return Statement(stmt, lease);
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}
Statement& Statement::BindOptional(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}
Statement& Statement::BindOptional(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}
Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteStatus(rc, sqlite3_errmsg(sqlite3_db_handle(stmt_.get())));
  return false;
}

bool Statement::Step(Status* status) {
  const bool row = Step();
  if (!status_.ok() && status) *status = status_;
  return row;
}

Status Statement::Run() {
  while (Step()) {
  }
  sqlite3_reset(stmt_.get());
  Status status = std::move(status_);
  status_ = Status::Ok();
  return status;
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  status_ = Status::Ok();
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  int size = sqlite3_column_bytes(stmt_.get(), column);
  return text ? std::string(reinterpret_cast<const char*>(text), size) : std::string();
}
std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}
std::optional<double> Statement::OptionalReal(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Real(column);
}
std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_.get(), column);
  int size = sqlite3_column_bytes(stmt_.get(), column);
  return data ? std::string(static_cast<const char*>(data), size) : std::string();
}

Transaction::Transaction(Database& db) : db_(db) {
  begin_status_ = db_.Exec("BEGIN IMMEDIATE");
  open_ = begin_status_.ok();
}

Transaction::~Transaction() {
  // A failed ROLLBACK leaves nothing to do: SQLite rolls back an open
  // transaction itself when the connection closes, and the caller already
  // returns the error that brought it here.
  if (open_) db_.Exec("ROLLBACK").IgnoreError();
}

Status Transaction::Commit() {
  if (!open_) return Status::Internal("commit without an open transaction");
  open_ = false;
  Status s = db_.Exec("COMMIT");
  // The COMMIT's error is the one to report; a failed ROLLBACK after it
  // (the transaction may already be gone) adds nothing the caller can act on.
  if (!s.ok()) db_.Exec("ROLLBACK").IgnoreError();
  return s;
}

}  // namespace foiamine
