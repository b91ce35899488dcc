#include "search/index_digest.h"

#include <memory>
#include <set>
#include <vector>

#include "base/sha256.h"

namespace foiamine {
namespace {

// SHA-256 of tagged, length-framed fields, so field boundaries cannot shift.
class Hasher {
 public:
  void Field(char tag, std::string_view bytes) {
    unsigned char head[9];
    head[0] = static_cast<unsigned char>(tag);
    uint64_t n = bytes.size();
    for (int i = 0; i < 8; ++i) head[1 + i] = static_cast<unsigned char>(n >> (8 * i));
    hash_.Update(head, sizeof head);
    hash_.Update(bytes.data(), bytes.size());
  }
  std::string HexDigest() { return hash_.FinishHex(); }

 private:
  Sha256Stream hash_;
};

// Hashes every row of `columns` FROM `from_where`, ORDER BY `order_by` (a
// total order of the rows; empty: all the columns, in order).
// Each column is hashed as SQLite's quote() of it: type-preserving text
// ('it''s', 12, 1.5, X'00', NULL), so 1 and '1' differ and reals render the
// same way on every machine.
Status HashRows(Database& db, Hasher& h, const std::string& section, const std::vector<std::string>& columns,
                const std::string& from_where, const std::string& order_by = "") {
  h.Field('S', section);
  std::string sql = "SELECT ";
  std::string order;
  for (size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + std::string("quote(") + columns[i] + ")";
    order += (i ? ", " : "") + std::to_string(i + 1);
  }
  sql += " " + from_where + " ORDER BY " + (order_by.empty() ? order : order_by);
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Status status;
  while (stmt->Step(&status)) {
    h.Field('R', "");
    for (size_t i = 0; i < columns.size(); ++i) h.Field('V', stmt->Text(static_cast<int>(i)));
  }
  return status;
}

StatusOr<bool> TableExists(Database& db, const std::string& table) {
  auto stmt = db.Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, table);
  const bool exists = stmt->Step();
  if (!stmt->status().ok()) return stmt->status();
  return exists;
}

// Columns of `table` that carry content: not the integer row id, not
// document_id (replaced by the document's sha256), not run ids or times.
StatusOr<std::vector<std::string>> ContentColumns(Database& db, const std::string& table) {
  std::vector<std::string> out;
  auto stmt = db.Prepare("SELECT name, type, pk FROM pragma_table_info(?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, table);
  int pk_columns = 0;
  std::vector<std::tuple<std::string, std::string, int64_t>> all;
  while (stmt->Step()) {
    all.emplace_back(stmt->Text(0), stmt->Text(1), stmt->Int(2));
    pk_columns += stmt->Int(2) > 0;
  }
  if (!stmt->status().ok()) return stmt->status();
  static const std::set<std::string> kSkip = {"document_id", "page_id", "run_id",     "first_run_id",
                                              "at",          "indexed_at", "created_at", "updated_at"};
  for (const auto& [name, type, pk] : all) {
    bool rowid_alias = pk == 1 && pk_columns == 1 && (type == "INTEGER" || type == "integer");
    if (rowid_alias || name == "id" || kSkip.count(name)) continue;
    out.push_back("t.\"" + name + "\"");
  }
  return out;
}

}  // namespace

StatusOr<std::string> IndexDigest(IndexReader& index) {
  Database& db = index.db();
  Hasher h;
  h.Field('F', "foiamine-index-digest/1");
  Status s = HashRows(db, h, "documents",
                      {"sha256", "file_type", "size_bytes", "page_count", "title", "number", "agency", "doc_kind",
                       "authority", "issued", "effective", "review", "source", "metadata_origin", "pdf_title"},
                      "FROM documents", "sha256");
  if (!s.ok()) return s;
  s = HashRows(db, h, "files", {"d.sha256", "f.path_bytes", "f.in_manifest"},
               "FROM files f JOIN documents d ON d.id = f.document_id", "d.sha256, f.path_bytes, f.in_manifest");
  if (!s.ok()) return s;
  // (document_id, page_no) is unique: documents in sha256 order, each one's
  // pages through the index, without sorting the text.
  s = HashRows(db, h, "pages", {"d.sha256", "p.page_no", "p.method", "p.text"},
               "FROM documents d JOIN pages p ON p.document_id = d.id", "d.sha256, p.page_no");
  if (!s.ok()) return s;
  for (const char* table : {"sections", "clauses", "citations", "exemptions"}) {
    auto exists = TableExists(db, table);
    if (!exists.ok()) return exists.status();
    if (!*exists) continue;
    auto content = ContentColumns(db, table);
    if (!content.ok()) return content.status();
    std::vector<std::string> columns = {"d.sha256"};
    for (auto& c : *content) columns.push_back(std::move(c));
    s = HashRows(db, h, table, columns,
                 std::string("FROM \"") + table + "\" t JOIN documents d ON d.id = t.document_id");
    if (!s.ok()) return s;
  }
  // Findings per page (schema version 5): named by the page's number.
  for (const char* table : {"redactions", "exemption_codes"}) {
    auto exists = TableExists(db, table);
    if (!exists.ok()) return exists.status();
    if (!*exists) continue;
    auto content = ContentColumns(db, table);
    if (!content.ok()) return content.status();
    std::vector<std::string> columns = {"d.sha256", "p.page_no"};
    for (auto& c : *content) columns.push_back(std::move(c));
    s = HashRows(db, h, table, columns,
                 std::string("FROM \"") + table +
                     "\" t JOIN pages p ON p.id = t.page_id JOIN documents d ON d.id = p.document_id");
    if (!s.ok()) return s;
  }
  return h.HexDigest();
}

}  // namespace foiamine
