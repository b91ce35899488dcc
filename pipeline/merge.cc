#include "pipeline/merge.h"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "pipeline/index.h"
#include "index/sqlite.h"
#include "index/word_boxes.h"
#include "pipeline/writer_lock.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

struct Column {
  std::string name, type;
  int64_t pk = 0;
};

// Tables copied by hand (not generically): runs (deduplicated), documents
// (the dedup key), failures (filtered against indexed paths), and the
// `words` table of a shard older than schema version 5 (packed into
// page_words as it is copied; in the target `words` is a view).
const std::set<std::string> kSpecialTables = {"runs", "documents", "failures", "words"};

std::string Quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

StatusOr<std::vector<Column>> TableColumns(Database& db, const std::string& schema, const std::string& table) {
  std::vector<Column> out;
  auto stmt = db.Prepare("SELECT name, upper(type), pk FROM pragma_table_info(?1, ?2)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, table).Bind(2, schema);
  while (stmt->Step()) out.push_back({stmt->Text(0), stmt->Text(1), stmt->Int(2)});
  if (!stmt->status().ok()) return stmt->status();
  return out;
}

// A table as the copy sees it: the columns both sides have, minus the
// target's rowid alias (new rows get new ids).
struct TablePlan {
  std::string name;
  std::vector<std::string> columns;
  bool has_document_id = false, has_page_id = false;
};

StatusOr<std::vector<TablePlan>> PlanTables(Database& db, std::vector<std::string>* warnings) {
  std::vector<std::pair<std::string, std::string>> tables;  // name, sql
  {
    auto stmt = db.Prepare("SELECT name, coalesce(sql, '') FROM src.sqlite_master WHERE type='table' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    if (!stmt.ok()) return stmt.status();
    while (stmt->Step()) tables.emplace_back(stmt->Text(0), stmt->Text(1));
    if (!stmt->status().ok()) return stmt->status();
  }
  std::vector<std::string> virtual_tables;
  for (const auto& [name, sql] : tables) {
    if (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0) virtual_tables.push_back(name);
  }
  std::vector<TablePlan> plans;
  for (const auto& [name, sql] : tables) {
    bool is_virtual_or_shadow = false;
    for (const auto& v : virtual_tables) is_virtual_or_shadow |= name == v || name.rfind(v + "_", 0) == 0;
    if (is_virtual_or_shadow || kSpecialTables.count(name)) continue;
    auto target_columns = TableColumns(db, "main", name);
    if (!target_columns.ok()) return target_columns.status();
    const std::vector<Column>& target = *target_columns;
    if (target.empty()) {
      warnings->push_back("table " + name + " exists in a source but not in the target: not copied");
      continue;
    }
    std::string target_sql;
    {
      auto stmt = db.Prepare("SELECT coalesce(sql, '') FROM main.sqlite_master WHERE type='table' AND name=?");
      if (!stmt.ok()) return stmt.status();
      if (stmt->Bind(1, name).Step()) target_sql = stmt->Text(0);
      if (!stmt->status().ok()) return stmt->status();
    }
    bool without_rowid = target_sql.find("WITHOUT ROWID") != std::string::npos;
    int pk_columns = 0;
    for (const auto& c : target) pk_columns += c.pk > 0;
    auto source_table = TableColumns(db, "src", name);
    if (!source_table.ok()) return source_table.status();
    std::set<std::string> source_columns;
    for (const auto& c : *source_table) source_columns.insert(c.name);
    TablePlan plan{name, {}, false, false};
    for (const auto& c : target) {
      // A rowid key is the target's own (a new id), except page_id
      // (page_words), which is remapped to the page's new id below.
      bool rowid_alias = !without_rowid && c.pk == 1 && pk_columns == 1 && c.type == "INTEGER" && c.name != "page_id";
      if (rowid_alias || !source_columns.count(c.name)) continue;
      plan.columns.push_back(c.name);
      plan.has_document_id |= c.name == "document_id";
      plan.has_page_id |= c.name == "page_id";
    }
    plans.push_back(std::move(plan));
  }
  return plans;
}

// The SELECT expression copying column `c` of source row `s`, remapped.
// ?1 is the target document id, ?2 the source document id.
std::string CopyExpression(const std::string& c) {
  if (c == "document_id") return "?1";
  if (c == "run_id" || c == "first_run_id") {
    return "(SELECT new_id FROM temp.merge_run_map WHERE old_id = s." + Quoted(c) + ")";
  }
  if (c == "page_id") {
    return "(SELECT np.id FROM main.pages np JOIN src.pages sp ON np.page_no = sp.page_no "
           "WHERE sp.id = s.page_id AND np.document_id = ?1)";
  }
  return "s." + Quoted(c);
}

std::string InsertSelect(const std::string& verb, const std::string& table, const std::vector<std::string>& columns,
                         const std::string& where) {
  std::string cols, exprs;
  for (size_t i = 0; i < columns.size(); ++i) {
    cols += (i ? ", " : "") + Quoted(columns[i]);
    exprs += (i ? ", " : "") + CopyExpression(columns[i]);
  }
  return verb + " INTO main." + Quoted(table) + "(" + cols + ") SELECT " + exprs + " FROM src." + Quoted(table) +
         " s " + where;
}

StatusOr<std::vector<std::string>> CommonColumns(Database& db, const std::string& table, bool drop_id) {
  auto source_table = TableColumns(db, "src", table);
  if (!source_table.ok()) return source_table.status();
  auto target_table = TableColumns(db, "main", table);
  if (!target_table.ok()) return target_table.status();
  std::set<std::string> source;
  for (const auto& c : *source_table) source.insert(c.name);
  std::vector<std::string> out;
  for (const auto& c : *target_table) {
    if ((drop_id && c.name == "id") || !source.count(c.name)) continue;
    out.push_back(c.name);
  }
  return out;
}

// Copies the source's runs into the target once (a run already there, same
// start, arguments and drops, is reused) and fills temp.merge_run_map.
Status MapRuns(Database& db) {
  Status s = db.Exec("DELETE FROM temp.merge_run_map");
  if (!s.ok()) return s;
  auto runs = db.Prepare("SELECT id, started_at, arguments, drops FROM src.runs ORDER BY id");
  if (!runs.ok()) return runs.status();
  auto find = db.Prepare("SELECT id FROM main.runs WHERE started_at=? AND arguments=? AND drops=? ORDER BY id LIMIT 1");
  if (!find.ok()) return find.status();
  auto run_columns = CommonColumns(db, "runs", true);
  if (!run_columns.ok()) return run_columns.status();
  auto copy = db.Prepare(InsertSelect("INSERT", "runs", *run_columns, "WHERE s.id = ?2"));
  if (!copy.ok()) return copy.status();
  auto map = db.Prepare("INSERT INTO temp.merge_run_map(old_id, new_id) VALUES (?, ?)");
  if (!map.ok()) return map.status();
  Status step;
  while (runs->Step(&step)) {
    int64_t old_id = runs->Int(0), new_id = 0;
    find->Reset();
    find->Bind(1, runs->Text(1)).Bind(2, runs->Text(2)).Bind(3, runs->Text(3));
    if (find->Step()) {
      new_id = find->Int(0);
    } else if (!find->status().ok()) {
      return find->status();
    } else {
      copy->Reset();
      copy->Bind(2, old_id);
      s = copy->Run();
      if (!s.ok()) return s;
      new_id = db.LastInsertRowId();
    }
    map->Reset();
    map->Bind(1, old_id).Bind(2, new_id);
    s = map->Run();
    if (!s.ok()) return s;
  }
  return step;
}

// Detaches `src` on scope exit, whatever happened.
class Attachment {
 public:
  Attachment(Database& db, const std::string& path) : db_(db) {
    auto stmt = db.Prepare("ATTACH DATABASE ? AS src");
    if (!stmt.ok()) {
      status_ = stmt.status();
      return;
    }
    stmt->Bind(1, path);
    status_ = stmt->Run();
    attached_ = status_.ok();
  }
  ~Attachment() {
    // A failed DETACH (a statement still open on src) only keeps src
    // attached until the connection closes; the merge's own result stands.
    if (attached_) db_.Exec("DETACH DATABASE src").IgnoreError();
  }
  const Status& status() const { return status_; }

 private:
  Database& db_;
  Status status_;
  bool attached_ = false;
};

// Copies every committed page of the WAL back into the database file and
// truncates the WAL to nothing. Called every kCheckpointEvery documents and
// after each source (REQUIRES: no statement of `db` left on a row): the WAL then holds at most that many documents' pages
// (before, an 11 MB shard grew it to 1.32 GB, 120 times its size).
constexpr int kCheckpointEvery = 16;
Status CheckpointWal(Database& db) {
  int log_frames = 0, checkpointed = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db.handle(), "main", SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &checkpointed);
  if (rc != SQLITE_OK) return Status::IoError("WAL checkpoint: " + db.LastError());
  return Status::Ok();
}

Status MergeOne(Database& db, const std::string& source, MergeTotals& totals) {
  Attachment attachment(db, source);
  if (!attachment.status().ok()) return Status::IoError("cannot open " + source + ": " + attachment.status().message());
  Status s = MapRuns(db);
  if (!s.ok()) return s;
  auto plans = PlanTables(db, &totals.warnings);
  if (!plans.ok()) return plans.status();

  // Statements, prepared once per source. Pages go first so that page_id
  // remapping finds the new pages.
  auto find_doc = db.Prepare("SELECT id FROM main.documents WHERE sha256 = ?");
  auto document_columns = CommonColumns(db, "documents", true);
  if (!document_columns.ok()) return document_columns.status();
  auto copy_doc = db.Prepare(InsertSelect("INSERT", "documents", *document_columns, "WHERE s.id = ?2"));
  if (!find_doc.ok()) return find_doc.status();
  if (!copy_doc.ok()) return copy_doc.status();
  std::vector<Statement> per_document, per_document_files;
  std::vector<const TablePlan*> ordered;
  for (const auto& p : *plans) if (p.name == "pages") ordered.push_back(&p);
  for (const auto& p : *plans) if (p.name != "pages" && p.has_document_id) ordered.push_back(&p);
  for (const auto& p : *plans) if (!p.has_document_id && p.has_page_id) ordered.push_back(&p);
  std::unique_ptr<Statement> copy_files;
  for (const TablePlan* p : ordered) {
    std::string where = p->has_document_id ? "WHERE s.document_id = ?2"
                                           : "WHERE s.page_id IN (SELECT id FROM src.pages WHERE document_id = ?2)";
    // Paths are unioned: a path already known keeps its row.
    auto stmt = db.Prepare(InsertSelect(p->name == "files" ? "INSERT OR IGNORE" : "INSERT", p->name, p->columns, where));
    if (!stmt.ok()) return stmt.status();
    if (p->name == "files") copy_files = std::make_unique<Statement>(std::move(stmt.value()));
    else per_document.push_back(std::move(stmt.value()));
  }
  auto count_pages = db.Prepare("SELECT count(*) FROM src.pages WHERE document_id = ?");
  if (!count_pages.ok()) return count_pages.status();
  // A shard of schema version 4 or older keeps a row per word: its pages'
  // words are packed as they are copied (index/word_boxes.h).
  std::unique_ptr<Statement> legacy_words, put_words;
  {
    auto has = db.Prepare("SELECT 1 FROM src.sqlite_master WHERE type='table' AND name='words'");
    if (!has.ok()) return has.status();
    const bool legacy = has->Step();
    if (!has->status().ok()) return has->status();
    if (legacy) {
      auto rows = db.Prepare(
          "SELECT np.id, np.text, w.text, w.x0, w.y0, w.x1, w.y1, w.char_start, w.char_end, w.confidence "
          "FROM src.words w JOIN src.pages sp ON sp.id = w.page_id "
          "JOIN main.pages np ON np.document_id = ?1 AND np.page_no = sp.page_no "
          "WHERE sp.document_id = ?2 ORDER BY np.id, w.seq");
      auto put = db.Prepare("INSERT OR REPLACE INTO main.page_words(page_id, words) VALUES (?1, ?2)");
      if (!rows.ok()) return rows.status();
      if (!put.ok()) return put.status();
      legacy_words = std::make_unique<Statement>(std::move(rows.value()));
      put_words = std::make_unique<Statement>(std::move(put.value()));
    }
  }

  std::vector<std::pair<int64_t, std::string>> docs;
  {
    auto stmt = db.Prepare("SELECT id, sha256 FROM src.documents ORDER BY sha256");
    if (!stmt.ok()) return stmt.status();
    while (stmt->Step()) docs.emplace_back(stmt->Int(0), stmt->Text(1));
    // A read error here once merged a prefix of the documents with exit 0.
    if (!stmt->status().ok()) return stmt->status();
  }
  for (const auto& [old_id, sha] : docs) {
    Transaction tx(db);
    if (!tx.begin_status().ok()) return tx.begin_status();
    find_doc->Reset();
    find_doc->Bind(1, sha);
    int64_t new_id = 0;
    bool duplicate = find_doc->Step();
    if (!find_doc->status().ok()) return find_doc->status();
    if (duplicate) {
      new_id = find_doc->Int(0);
    } else {
      copy_doc->Reset();
      copy_doc->Bind(2, old_id);
      s = copy_doc->Run();
      if (!s.ok()) return Status::IoError("document " + sha + ": " + s.message());
      new_id = db.LastInsertRowId();
    }
    if (copy_files) {
      copy_files->Reset();
      copy_files->Bind(1, new_id).Bind(2, old_id);
      s = copy_files->Run();
      if (!s.ok()) return Status::IoError("document " + sha + ", files: " + s.message());
    }
    if (!duplicate) {
      for (auto& stmt : per_document) {
        stmt.Reset();
        stmt.Bind(1, new_id).Bind(2, old_id);
        s = stmt.Run();
        if (!s.ok()) return Status::IoError("document " + sha + ": " + s.message());
      }
      if (legacy_words) {
        legacy_words->Reset();
        legacy_words->Bind(1, new_id).Bind(2, old_id);
        s = PackWordRows(*legacy_words, *put_words);
        legacy_words->Reset();
        if (!s.ok()) return Status::IoError("document " + sha + ", words: " + s.message());
      }
      count_pages->Reset();
      count_pages->Bind(1, old_id);
      if (count_pages->Step()) totals.pages += count_pages->Int(0);
      if (!count_pages->status().ok()) return count_pages->status();
    }
    s = tx.Commit();
    if (!s.ok()) return s;
    ++(duplicate ? totals.documents_duplicate : totals.documents_new);
    if ((totals.documents_new + totals.documents_duplicate) % kCheckpointEvery == 0) {
      // A statement left on a row holds a read transaction, which a
      // checkpoint that truncates the WAL must wait for.
      find_doc->Reset();
      count_pages->Reset();
      s = CheckpointWal(db);
      if (!s.ok()) return s;
    }
  }

  // Everything else (events, content-keyed caches), then failures.
  Transaction tx(db);
  if (!tx.begin_status().ok()) return tx.begin_status();
  for (const auto& p : *plans) {
    if (p.has_document_id || p.has_page_id) continue;
    s = db.Exec(InsertSelect("INSERT OR IGNORE", p.name, p.columns, ""));
    if (!s.ok()) return Status::IoError("table " + p.name + ": " + s.message());
  }
  {
    auto count = db.Prepare("SELECT count(*) FROM src.failures");
    if (!count.ok()) return count.status();
    if (count->Step()) totals.failures_seen += count->Int(0);
    if (!count->status().ok()) return count->status();
  }
  auto failure_columns = CommonColumns(db, "failures", false);
  if (!failure_columns.ok()) return failure_columns.status();
  auto failures = db.Prepare(InsertSelect(
      "INSERT OR IGNORE", "failures", *failure_columns,
      "WHERE NOT EXISTS (SELECT 1 FROM main.files f WHERE f.drop_root = s.drop_root AND f.path_bytes = s.path_bytes)"));
  if (!failures.ok()) return failures.status();
  s = failures->Run();
  if (!s.ok()) return s;
  return tx.Commit();
}

// Removes `path` and SQLite's files beside it; true when none is left.
bool RemoveDatabaseFiles(const std::string& path) {
  bool all = true;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec;
    fs::remove(path + suffix, ec);
    all &= !fs::exists(path + suffix, ec);
  }
  return all;
}

// Copies the index at `from` (WAL included: read through SQLite) to a new
// file `to`, with SQLite's online backup.
Status CopyIndex(const std::string& from, const std::string& to) {
  auto source = Database::Open(from, Database::Mode::kReadOnly);
  if (!source.ok()) return source.status();
  auto target = Database::Open(to, Database::Mode::kReadWriteCreate);
  if (!target.ok()) return target.status();
  sqlite3_backup* backup = sqlite3_backup_init(target->handle(), "main", source->handle(), "main");
  if (backup == nullptr) return Status::IoError("cannot copy " + from + ": " + target->LastError());
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE || finish != SQLITE_OK) {
    return Status::IoError("cannot copy " + from + " to " + to + ": " + target->LastError());
  }
  return Status::Ok();
}

// Readies the target's name to be replaced: no WAL or shared-memory file
// of the old target may stay beside the new one (SQLite would pair them).
// An existing target is switched out of WAL mode, which SQLite allows only
// when no other connection has it open (a reader, `serve`): then the merge
// is refused rather than replace the file under that reader.
Status ReleaseTarget(const std::string& into, bool exists) {
  if (exists) {
    auto db = Database::Open(into, Database::Mode::kReadWrite);
    if (!db.ok()) return db.status();
    auto mode = db->Prepare("PRAGMA journal_mode=DELETE");
    if (!mode.ok()) return mode.status();
    // SQLite answers the mode in force: still "wal" when it could not switch.
    const bool switched = mode->Step() && mode->Text(0) == "delete";
    if (!mode->status().ok()) return mode->status();
    if (!switched) {
      return Status::IoError(into + " is open in another process; close it (e.g. stop `serve`) and merge again "
                             "(nothing was changed)");
    }
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::error_code ec;
    fs::remove(into + suffix, ec);
  }
  return Status::Ok();
}

// The merge itself, into the open index at `db`.
Status MergeInto(Index& index, const MergeOptions& options, MergeTotals& totals,
                 std::chrono::steady_clock::time_point started);

}  // namespace

// Where a merge writes before its result replaces the target.
std::string MergeTemporaryPath(const std::string& into) { return into + ".merging"; }

namespace {

Status MergeInto(Index& index, const MergeOptions& options, MergeTotals& totals,
                 std::chrono::steady_clock::time_point started) {
  Database& db = index.db();
  std::string sources;
  for (const auto& s : options.sources) sources += (sources.empty() ? "" : "\n") + s;
  auto run_id = index.BeginRun(sources, options.command_line);
  if (!run_id.ok()) return run_id.status();
  Status s = db.Exec("CREATE TEMP TABLE IF NOT EXISTS merge_run_map(old_id INTEGER PRIMARY KEY, new_id INTEGER)");
  if (!s.ok()) return s;
  for (const auto& source : options.sources) {
    s = MergeOne(db, source, totals);
    if (s.ok()) s = CheckpointWal(db);  // its statements are finalized: no reader holds the WAL
    if (!s.ok()) return Status(Status::IoError("merging " + source + ": " + s.message()));
  }
  // A path that failed in one source but was indexed by another is not a failure.
  s = db.Exec("DELETE FROM main.failures WHERE EXISTS (SELECT 1 FROM main.files f WHERE "
              "f.drop_root = failures.drop_root AND f.path_bytes = failures.path_bytes)");
  if (!s.ok()) return s;
  {
    auto stmt = db.Prepare("SELECT count(*) FROM main.failures");
    if (!stmt.ok()) return stmt.status();
    if (stmt->Step()) totals.failures_kept = stmt->Int(0);
    if (!stmt->status().ok()) return stmt->status();
  }
  RunTotals run;
  run.docs_new = totals.documents_new;
  run.docs_unchanged = totals.documents_duplicate;
  run.docs_failed = totals.failures_kept;
  run.pages_indexed = totals.pages;
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.exit_code = 0;
  s = index.FinishRun(*run_id, run);
  if (!s.ok()) return s;
  return CheckpointWal(db);
}

}  // namespace

StatusOr<MergeTotals> MergeIndexes(const MergeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  if (options.sources.empty()) return Status::InvalidArgument("no SHARD.db given");
  std::error_code ec;
  for (const auto& source : options.sources) {
    if (!fs::is_regular_file(source, ec)) return Status::NotFound("no index at " + source);
    if (fs::exists(options.into, ec) && fs::equivalent(source, options.into, ec)) {
      return Status::InvalidArgument(source + " is the target itself; merge into a new file");
    }
    // Is it a foiamine index this binary can read? (Refuses newer schemas.)
    auto probe = Index::Open(source, Index::Access::kRead);
    if (!probe.ok()) return probe.status();
  }
  // One writer per index (pipeline/writer_lock.h).
  auto writer_lock = WriterLock::Acquire(options.into);
  if (!writer_lock.ok()) return writer_lock.status();
  // The merge is written into a temporary file beside the target, renamed
  // over it only once complete: a merge killed or failed midway (a full
  // disk) leaves the target as it was, never a partial index readers see.
  // The writer lock makes the temporary name ours; a killed merge's
  // leftover is removed here.
  const std::string temporary = MergeTemporaryPath(options.into);
  if (!RemoveDatabaseFiles(temporary)) return Status::IoError("cannot remove the leftover " + temporary);
  const bool target_exists = fs::exists(options.into, ec);
  if (target_exists) {
    auto probe = Index::Open(options.into, Index::Access::kRead);
    if (!probe.ok()) return probe.status();
    Status copied = CopyIndex(options.into, temporary);
    if (!copied.ok()) {
      RemoveDatabaseFiles(temporary);
      return copied;
    }
  }
  MergeTotals totals;
  Status merged;
  {
    auto index = Index::Open(temporary, Index::Access::kWrite);
    merged = index.ok() ? MergeInto(*index, options, totals, started) : index.status();
  }  // closed: its WAL is checkpointed and removed
  if (merged.ok()) merged = ReleaseTarget(options.into, target_exists);
  if (merged.ok() && std::rename(temporary.c_str(), options.into.c_str()) != 0) {
    merged = Status::IoError("cannot rename " + temporary + " to " + options.into + ": " + std::strerror(errno));
  }
  if (!merged.ok()) {
    // Nothing of a failed merge stays: the target is as it was.
    RemoveDatabaseFiles(temporary);
    return merged;
  }
  return totals;
}

}  // namespace foiamine
