#include "index/schema.h"

#include "index/format.h"
#include "index/word_boxes.h"
#include "schema_sql.h"

namespace foiamine {

bool HasColumn(Database& db, std::string_view table, std::string_view column) {
  auto stmt = db.Prepare("SELECT 1 FROM pragma_table_info(?) WHERE name=?");
  if (!stmt.ok()) return false;
  stmt->Bind(1, table).Bind(2, column);
  // A read error answers "no such column": what follows then fails loudly
  // (ALTER TABLE ADD COLUMN of a column that exists, or a query naming a
  // column that does not), never silently.
  return stmt->Step();
}

StatusOr<Database> OpenIndexDatabase(const std::string& path, IndexAccess access) {
  auto db = Database::Open(path, access == IndexAccess::kWrite ? Database::Mode::kReadWriteCreate
                                                               : Database::Mode::kReadOnly);
  if (!db.ok()) return db.status();
  // The `words` view decodes page_words with it (schemas/index.sql).
  if (Status f = RegisterWordBoxFunctions(*db); !f.ok()) return f;
  // Is this a SQLite file at all, and which schema version does it carry?
  int64_t found = 0;
  {
    auto version = db->Prepare("PRAGMA user_version");
    if (!version.ok()) return Status::Corrupt(path + " is not a SQLite database (" + version.status().message() + ")");
    Status step;
    if (!version->Step(&step)) {
      return Status::Corrupt(path + " is not a foiamine index: " + (step.ok() ? "no version" : step.message()));
    }
    found = version->Int(0);
  }  // finalized here: an open statement would hold a read transaction
  if (found > kSchemaVersion) {
    return Status::Unsupported(path + " has index schema version " + std::to_string(found) +
                               ", newer than this foiamine (" + std::to_string(kSchemaVersion) + "): upgrade foiamine");
  }
  if (access == IndexAccess::kRead) {
    if (found == 0) return Status::NotFound(path + " is not a foiamine index (no schema); run `foiamine run` first");
    if (found < 2) {
      // A version-1 index read as it is: the tables version 2 added exist
      // empty in this connection's temp schema (the file is not touched),
      // so queries run and find no relations, dates or Bates stamps until
      // a run upgrades it.
      Status s = db->Exec(
          "CREATE TEMP TABLE document_relations(document_id, seq, kind, target_number, text, page_no);"
          "CREATE TEMP TABLE document_dates(document_id, kind, date, words);"
          "CREATE TEMP TABLE page_bates(page_id INTEGER PRIMARY KEY, bates, prefix, sequence, char_start, char_end);");
      if (!s.ok()) return Status::IoError("cannot read " + path + ": " + s.message());
    }
    if (found < 3) {
      // Likewise version 3's clause_parts: absent, every clause is the one
      // part its clauses row describes.
      Status s = db->Exec(
          "CREATE TEMP TABLE clause_parts(clause_id, document_id, part, page_no, char_start, char_end, first_line, "
          "last_line, x0, y0, x1, y1);");
      if (!s.ok()) return Status::IoError("cannot read " + path + ": " + s.message());
    }
    if (found < 4) {
      // Version 4's attachments: absent, no document was found inside another.
      Status s = db->Exec("CREATE TEMP TABLE attachments(document_id, parent_sha256, seq, name, kind);");
      if (!s.ok()) return Status::IoError("cannot read " + path + ": " + s.message());
    }
    if (found < 6) {
      // Version 6's redactions and exemption codes: absent, no page is known
      // to carry a redaction or a code until a run upgrades the index.
      Status s = db->Exec(
          "CREATE TEMP TABLE redactions(page_id, seq, x0, y0, x1, y1, source, label, leaked_text, leak_start, leak_end);"
          "CREATE TEMP TABLE exemption_codes(page_id, seq, code, law, raw, char_start, char_end, x0, y0, x1, y1);");
      if (!s.ok()) return Status::IoError("cannot read " + path + ": " + s.message());
    }
    return std::move(db.value());
  }
  // recursive_triggers: the row an INSERT OR REPLACE removes fires its
  // DELETE trigger (the FTS5 tables' external content stays in step).
  Status s = db->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA recursive_triggers=ON;");
  if (!s.ok()) return Status::IoError("cannot set up " + path + ": " + s.message());
  if (found == 0) {
    // A brand-new file, or someone else's SQLite file?
    int64_t tables = 0, ours = 0;
    {
      auto stmt = db->Prepare(
          "SELECT count(*), sum(name='documents') FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'");
      if (!stmt.ok()) return Status::IoError("cannot read " + path + ": " + stmt.status().message());
      if (stmt->Step()) {
        tables = stmt->Int(0);
        ours = stmt->Int(1);
      }
      if (!stmt->status().ok()) return Status::IoError("cannot read " + path + ": " + stmt->status().message());
    }
    if (tables > 0 && ours == 0) {
      return Status::InvalidArgument(path + " is a SQLite database of something else, not a foiamine index");
    }
  }
  {
    // One transaction: an older index is upgraded (version 5: its words
    // packed into page_words) whole or not at all, and a crash mid-way
    // leaves it at its old version, converted on the next open.
    Transaction tx(*db);
    if (!tx.begin_status().ok()) return Status::IoError("cannot upgrade " + path + ": " + tx.begin_status().message());
    s = db->Exec(kIndexSchemaSql);
    if (!s.ok()) return Status::IoError("cannot create the index schema in " + path + ": " + s.message());
    if (found > 0 && found < 5) {
      s = MigrateWordsTable(*db);
      // The `words` view could not be made while the table had its name.
      if (s.ok()) s = db->Exec(kIndexSchemaSql);
      if (!s.ok()) return Status::IoError("cannot convert the words of " + path + " to page_words: " + s.message());
    }
    s = tx.Commit();
    if (!s.ok()) return Status::IoError("cannot create the index schema in " + path + ": " + s.message());
  }
  // Migration (schemas/index.sql, documents.jurisdiction): an index made
  // before the column existed gets it empty; the extract stage's version
  // changed with it, so the next run re-extracts and fills it.
  if (!HasColumn(*db, "documents", "jurisdiction")) {
    s = db->Exec("ALTER TABLE documents ADD COLUMN jurisdiction TEXT");
    if (!s.ok()) return Status::IoError("cannot add documents.jurisdiction to " + path + ": " + s.message());
  }
  return std::move(db.value());
}

}  // namespace foiamine
