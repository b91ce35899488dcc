#include "pipeline/index.h"

#include <algorithm>
#include <ctime>
#include <map>

#include "index/word_boxes.h"

namespace foiamine {

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

StatusOr<Index> Index::Open(const std::string& path, Access access) {
  auto db = OpenIndexDatabase(path, access == Access::kWrite ? IndexAccess::kWrite : IndexAccess::kRead);
  if (!db.ok()) return db.status();
  return Index(std::move(db.value()));
}

StatusOr<int64_t> Index::BeginRun(const std::string& drops, const std::string& arguments) {
  auto stmt = db_.PrepareCached("INSERT INTO runs(started_at, drops, arguments, foiamine_version) VALUES (?,?,?,?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, UtcNow()).Bind(2, drops).Bind(3, arguments).Bind(4, std::string_view(FOIAMINE_VERSION_STRING));
  Status s = stmt->Run();
  if (!s.ok()) return s;
  return db_.LastInsertRowId();
}

Status Index::FinishRun(int64_t run_id, const RunTotals& t) {
  auto stmt = db_.PrepareCached(
      "UPDATE runs SET finished_at=?, exit_code=?, files_seen=?, docs_new=?, docs_unchanged=?, docs_failed=?, "
      "pages_indexed=?, wall_seconds=? WHERE id=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, UtcNow()).Bind(2, t.exit_code).Bind(3, t.files_seen).Bind(4, t.docs_new).Bind(5, t.docs_unchanged);
  stmt->Bind(6, t.docs_failed).Bind(7, t.pages_indexed).Bind(8, t.wall_seconds).Bind(9, run_id);
  return stmt->Run();
}

StatusOr<std::optional<int64_t>> Index::FindDocument(const std::string& sha256) {
  using Found = std::optional<int64_t>;
  auto stmt = db_.PrepareCached("SELECT id FROM documents WHERE sha256=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, sha256);
  Status status;
  if (stmt->Step(&status)) return Found(stmt->Int(0));
  if (!status.ok()) return status;
  return Found();
}

StatusOr<std::optional<IndexedDocument>> Index::FindIndexedDocument(const std::string& sha256) {
  using Found = std::optional<IndexedDocument>;
  // stage_versions is keyed (document_id, stage) and pages (document_id,
  // page_no): point lookups and one document's pages, whatever the index size.
  // Compiled once per connection (PrepareCached): a no-op re-run asks it for
  // every file, and compiling it costs more than running it.
  auto stmt = db_.PrepareCached(
      "SELECT d.id, d.file_type, d.page_count, "
      "coalesce((SELECT version FROM stage_versions WHERE document_id=d.id AND stage='text'),''), "
      "coalesce((SELECT version FROM stage_versions WHERE document_id=d.id AND stage='normalize'),''), "
      "coalesce((SELECT version FROM stage_versions WHERE document_id=d.id AND stage='ocr'),''), "
      "coalesce((SELECT version FROM stage_versions WHERE document_id=d.id AND stage='extract'),''), "
      "(SELECT count(*) FROM pages WHERE document_id=d.id AND needs_ocr=1), "
      "(SELECT count(*) FROM pages WHERE document_id=d.id AND needs_ocr=1 AND method<>'ocr') "
      "FROM documents d WHERE d.sha256=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, sha256);
  Status status;
  if (!stmt->Step(&status)) {
    if (!status.ok()) return status;
    return Found();
  }
  IndexedDocument doc;
  doc.id = stmt->Int(0);
  doc.file_type = stmt->Text(1);
  doc.page_count = stmt->Int(2);
  doc.text_version = stmt->Text(3);
  doc.normalize_version = stmt->Text(4);
  doc.ocr_version = stmt->Text(5);
  doc.extract_version = stmt->Text(6);
  doc.pages_needing_ocr = stmt->Int(7);
  doc.pages_awaiting_ocr = stmt->Int(8);
  return Found(std::move(doc));  // the lease's end resets the statement, ending its read
}

namespace {

Status SetStageVersion(Database& db, int64_t document_id, std::string_view stage, std::string_view version) {
  auto stmt = db.PrepareCached("INSERT OR REPLACE INTO stage_versions(document_id, stage, version) VALUES (?,?,?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, document_id).Bind(2, stage).Bind(3, version);
  return stmt->Run();
}

// Identity fields: the manifest's (already in the row) win; empty ones are
// filled from the extraction and listed in inferred_fields.
Status UpdateIdentity(Database& db, int64_t document_id, const extractors::DocumentIdentity& id) {
  struct Field {
    const char* column;
    const extractors::IdentityField* value;
  };
  const Field fields[] = {{"title", &id.title},         {"number", &id.number},       {"agency", &id.agency},
                          {"doc_kind", &id.doc_kind},   {"authority", &id.authority}, {"issued", &id.issued},
                          {"effective", &id.effective}, {"review", &id.review},
                          {"jurisdiction", &id.jurisdiction}};
  // review_due lives in document_dates only: it is a plan, not a fact about
  // the document's life, and documents.review means a past review.
  // A re-extraction starts from what was given: values an earlier extraction
  // inferred are cleared, so one it no longer finds does not linger (and
  // turn into a given value on the next pass).
  {
    std::string sql = "UPDATE documents SET ";
    for (const auto& f : fields) {
      sql += std::string(&f == fields ? "" : ", ") + f.column + "=CASE WHEN instr(',' || inferred_fields || ',', '," +
             f.column + ",') > 0 THEN NULL ELSE " + f.column + " END";
    }
    auto clear = db.PrepareCached(sql + " WHERE id=? AND coalesce(inferred_fields,'')<>''");
    if (!clear.ok()) return clear.status();
    clear->Bind(1, document_id);
    Status s = clear->Run();
    if (!s.ok()) return s;
  }
  std::string inferred;
  for (const auto& f : fields) {
    // A value the extractors were given (manifest, law XML) but the row
    // lacks is filled too; only values taken from the text count as inferred.
    if (f.value->value.empty()) continue;
    // The column name comes from the fixed table above, never from input.
    auto stmt = db.PrepareCached(std::string("UPDATE documents SET ") + f.column + "=? WHERE id=? AND (" + f.column +
                           " IS NULL OR " + f.column + "='' OR instr(coalesce(inferred_fields,''), '" + f.column +
                           "') > 0)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, f.value->value).Bind(2, document_id);
    Status s = stmt->Run();
    if (!s.ok()) return s;
    if (sqlite3_changes(db.handle()) > 0 && f.value->inferred) {
      inferred += (inferred.empty() ? "" : ",") + std::string(f.column);
    }
  }
  auto stmt = db.PrepareCached("UPDATE documents SET inferred_fields=? WHERE id=?");
  if (!stmt.ok()) return stmt.status();
  stmt->BindTextOrNull(1, inferred).Bind(2, document_id);
  return stmt->Run();
}

// The document's relations, face dates and Bates stamps (schema version 2).
Status WriteFaceFacts(Database& db, int64_t document_id, const ExtractedDocument& x) {
  for (const char* sql : {"DELETE FROM document_relations WHERE document_id=?",
                          "DELETE FROM document_dates WHERE document_id=?",
                          "DELETE FROM page_bates WHERE page_id IN (SELECT id FROM pages WHERE document_id=?)"}) {
    auto del = db.PrepareCached(sql);
    if (!del.ok()) return del.status();
    del->Bind(1, document_id);
    Status s = del->Run();
    if (!s.ok()) return s;
  }
  auto relation = db.PrepareCached(
      "INSERT INTO document_relations(document_id, seq, kind, target_number, text, page_no) VALUES (?,?,?,?,?,?)");
  if (!relation.ok()) return relation.status();
  for (size_t i = 0; i < x.relations.size(); ++i) {
    const extractors::DocumentRelation& r = x.relations[i];
    relation->Reset();
    relation->Bind(1, document_id).Bind(2, static_cast<int64_t>(i)).Bind(3, r.kind).BindTextOrNull(4, r.number);
    relation->Bind(5, r.text).Bind(6, r.page);
    Status s = relation->Run();
    if (!s.ok()) return s;
  }
  auto date = db.PrepareCached("INSERT OR REPLACE INTO document_dates(document_id, kind, date, words) VALUES (?,?,?,?)");
  if (!date.ok()) return date.status();
  for (const extractors::DocumentDate& d : x.dates) {
    date->Reset();
    date->Bind(1, document_id).Bind(2, d.kind).Bind(3, d.date).Bind(4, d.words);
    Status s = date->Run();
    if (!s.ok()) return s;
  }
  auto bates = db.PrepareCached(
      "INSERT OR REPLACE INTO page_bates(page_id, bates, prefix, sequence, char_start, char_end) "
      "SELECT id, ?3, ?4, ?5, ?6, ?7 FROM pages WHERE document_id=?1 AND page_no=?2");
  if (!bates.ok()) return bates.status();
  for (const PageBates& b : x.bates) {
    bates->Reset();
    bates->Bind(1, document_id).Bind(2, b.page_no).Bind(3, b.stamp.number).Bind(4, b.stamp.prefix);
    bates->Bind(5, b.stamp.sequence).Bind(6, b.stamp.char_start).Bind(7, b.stamp.char_end);
    Status s = bates->Run();
    if (!s.ok()) return s;
  }
  return Status();
}

Status WriteExtraction(Database& db, int64_t document_id, const ExtractedDocument& x) {
  for (const char* table : {"sections", "clause_parts", "clauses", "citations"}) {
    auto del = db.PrepareCached(std::string("DELETE FROM ") + table + " WHERE document_id=?");
    if (!del.ok()) return del.status();
    del->Bind(1, document_id);
    Status s = del->Run();
    if (!s.ok()) return s;
  }
  if (Status s = WriteFaceFacts(db, document_id, x); !s.ok()) return s;
  auto section = db.PrepareCached(
      "INSERT INTO sections(document_id, path, marker, heading, depth, page_no, char_start, end_page, end_char) "
      "VALUES (?,?,?,?,?,?,?,?,?)");
  if (!section.ok()) return section.status();
  for (const auto& sec : x.sections) {
    section->Reset();
    section->Bind(1, document_id).Bind(2, sec.path).BindTextOrNull(3, sec.marker).BindTextOrNull(4, sec.heading);
    section->Bind(5, sec.depth).Bind(6, sec.page).Bind(7, sec.char_start).Bind(8, sec.end_page).Bind(9, sec.end_char);
    Status s = section->Run();
    if (!s.ok()) return s;
  }
  auto clause = db.PrepareCached(
      "INSERT OR REPLACE INTO clauses(id, document_id, page_no, section, topic, stance, actor, text, char_start, "
      "char_end, crosses_page_break, cue_start, cue_end, topic_cue_start, topic_cue_end, x0, y0, x1, y1, rule, "
      "confidence, citation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!clause.ok()) return clause.status();
  auto part = db.PrepareCached(
      "INSERT OR REPLACE INTO clause_parts(clause_id, document_id, part, page_no, char_start, char_end, first_line, "
      "last_line, x0, y0, x1, y1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!part.ok()) return part.status();
  for (const auto& stored : x.clauses) {
    const extractors::Clause& c = stored.clause;
    clause->Reset();
    clause->Bind(1, stored.id).Bind(2, document_id).Bind(3, c.page).BindTextOrNull(4, c.section).Bind(5, c.topic);
    clause->Bind(6, extractors::StanceName(c.stance)).BindTextOrNull(7, c.actor).Bind(8, c.text);
    clause->Bind(9, c.char_start).Bind(10, c.char_end).Bind(11, c.crosses_page_break ? 1 : 0);
    clause->Bind(12, c.stance_cue.start).Bind(13, c.stance_cue.end);
    clause->Bind(14, c.topic_cue.start).Bind(15, c.topic_cue.end);
    if (stored.box) {
      clause->Bind(16, stored.box->x0).Bind(17, stored.box->y0).Bind(18, stored.box->x1).Bind(19, stored.box->y1);
    }
    clause->Bind(20, c.rule).Bind(21, c.confidence).Bind(22, stored.citation);
    Status s = clause->Run();
    if (!s.ok()) return s;
    const bool transcript = !c.parts.empty() && c.parts.front().first_line > 0;
    if (c.parts.size() < 2 && !transcript) continue;  // its clauses row is its one part
    for (size_t k = 0; k < c.parts.size(); ++k) {
      const extractors::ClausePart& p = c.parts[k];
      part->Reset();
      part->Bind(1, stored.id).Bind(2, document_id).Bind(3, static_cast<int64_t>(k)).Bind(4, p.page);
      part->Bind(5, p.char_start).Bind(6, p.char_end);
      if (p.first_line > 0) part->Bind(7, p.first_line).Bind(8, p.last_line);
      if (k < stored.part_boxes.size() && stored.part_boxes[k]) {
        const Box& b = *stored.part_boxes[k];
        part->Bind(9, b.x0).Bind(10, b.y0).Bind(11, b.x1).Bind(12, b.y1);
      }
      s = part->Run();
      if (!s.ok()) return s;
    }
  }
  auto citation = db.PrepareCached(
      "INSERT INTO citations(document_id, page_no, kind, normalized, raw, char_start, char_end) VALUES (?,?,?,?,?,?,?)");
  if (!citation.ok()) return citation.status();
  for (const auto& cit : x.citations) {
    citation->Reset();
    citation->Bind(1, document_id).Bind(2, cit.page).Bind(3, cit.kind).Bind(4, cit.normalized).Bind(5, cit.raw);
    citation->Bind(6, cit.char_start).Bind(7, cit.char_end);
    Status s = citation->Run();
    if (!s.ok()) return s;
  }
  {
    auto del = db.PrepareCached("DELETE FROM exemption_codes WHERE page_id IN (SELECT id FROM pages WHERE document_id=?)");
    if (!del.ok()) return del.status();
    del->Bind(1, document_id);
    Status s = del->Run();
    if (!s.ok()) return s;
  }
  auto exemption = db.PrepareCached(
      "INSERT INTO exemption_codes(page_id, seq, code, law, raw, char_start, char_end, x0, y0, x1, y1) "
      "SELECT id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 FROM pages WHERE document_id=?1 AND page_no=?2");
  if (!exemption.ok()) return exemption.status();
  for (size_t i = 0; i < x.exemptions.size(); ++i) {
    const PageExemption& e = x.exemptions[i];
    exemption->Reset();
    exemption->Bind(1, document_id).Bind(2, e.page_no).Bind(3, static_cast<int64_t>(i)).Bind(4, e.code.code);
    exemption->Bind(5, e.code.law).Bind(6, e.code.raw).Bind(7, e.char_start).Bind(8, e.char_end);
    if (e.box) exemption->Bind(9, e.box->x0).Bind(10, e.box->y0).Bind(11, e.box->x1).Bind(12, e.box->y1);
    Status s = exemption->Run();
    if (!s.ok()) return s;
  }
  Status s = UpdateIdentity(db, document_id, x.identity);
  if (!s.ok()) return s;
  return SetStageVersion(db, document_id, "extract", x.rulebook_hash);
}

Status ClearFailure(Database& db, const DocumentPath& path) {
  auto stmt = db.PrepareCached("DELETE FROM failures WHERE drop_root=? AND path_bytes=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, path.drop_root).BindBlob(2, path.raw_bytes);
  return stmt->Run();
}

StatusOr<bool> InsertPath(Database& db, int64_t document_id, const DocumentPath& path, int64_t run_id) {
  auto stmt = db.PrepareCached(
      "INSERT INTO files(document_id, drop_root, path, path_bytes, in_manifest, run_id) VALUES (?,?,?,?,?,?) "
      "ON CONFLICT(drop_root, path_bytes) DO UPDATE SET document_id=excluded.document_id, "
      "in_manifest=excluded.in_manifest WHERE document_id<>excluded.document_id OR in_manifest<>excluded.in_manifest");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, document_id).Bind(2, path.drop_root).Bind(3, path.display).BindBlob(4, path.raw_bytes);
  stmt->Bind(5, path.in_manifest ? 1 : 0).Bind(6, run_id);
  Status s = stmt->Run();
  if (!s.ok()) return s;
  bool changed = sqlite3_changes(db.handle()) > 0;
  s = ClearFailure(db, path);
  if (!s.ok()) return s;
  return changed;
}

}  // namespace

StatusOr<bool> Index::AddPath(int64_t document_id, const DocumentPath& path, int64_t run_id) {
  Transaction tx(db_);
  if (!tx.begin_status().ok()) return tx.begin_status();
  auto added = InsertPath(db_, document_id, path, run_id);
  if (!added.ok()) return added.status();
  Status s = tx.Commit();
  if (!s.ok()) return s;
  return added;
}

namespace {

// A page's redaction boxes and the text each one leaks (schemas/index.sql,
// redactions). REQUIRES: the page has none stored.
Status WriteRedactions(Database& db, int64_t page_id, const SourcePage& page, const NormalizedPage& norm) {
  if (page.redactions.empty()) return Status();
  auto stmt = db.PrepareCached(
      "INSERT INTO redactions(page_id, seq, x0, y0, x1, y1, source, label, leaked_text, leak_start, leak_end) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  if (!stmt.ok()) return stmt.status();
  for (size_t i = 0; i < page.redactions.size(); ++i) {
    const RedactionBox& r = page.redactions[i];
    std::string leaked;
    std::optional<int64_t> start, end;
    for (size_t w : r.leaked_words) {
      if (w >= page.words.size()) continue;
      leaked += (leaked.empty() ? "" : " ") + page.words[w].text;
      if (w < norm.word_spans.size() && norm.word_spans[w].end > norm.word_spans[w].start) {
        const auto a = static_cast<int64_t>(norm.word_spans[w].start), b = static_cast<int64_t>(norm.word_spans[w].end);
        start = start ? std::min(*start, a) : a;
        end = end ? std::max(*end, b) : b;
      }
    }
    stmt->Reset();
    stmt->Bind(1, page_id).Bind(2, static_cast<int64_t>(i)).Bind(3, r.box.x0).Bind(4, r.box.y0).Bind(5, r.box.x1);
    stmt->Bind(6, r.box.y1).Bind(7, r.source).BindTextOrNull(8, r.label).BindTextOrNull(9, leaked);
    if (start && end) stmt->Bind(10, *start).Bind(11, *end);
    Status s = stmt->Run();
    if (!s.ok()) return s;
  }
  return Status();
}

// Pages per INSERT statement in WritePages (9 parameters each: well under
// SQLite's 32,766).
constexpr size_t kPagesPerStatement = 256;

// Writes a document's pages and their words. A page number already stored
// for the document keeps its row (and id) and gets the new columns.
// REQUIRES: the document has no words stored for these pages.
//
// The pages go in one multi-row INSERT per kPagesPerStatement pages, not
// one statement per page: the pages_fts trigger makes every such statement
// open a statement savepoint, and FTS5 flushes its pending terms to a new
// index segment at each savepoint. Per page that was a segment (and the
// merges it causes) per page; per statement it is one per document. Rows,
// ids (assigned in VALUES order) and trigger effects are those of the
// page-by-page inserts.
Status WritePages(Database& db, int64_t document_id, const DocumentRecord& r) {
  auto word_stmt = db.PrepareCached("INSERT INTO page_words(page_id, words) VALUES (?,?)");
  if (!word_stmt.ok()) return word_stmt.status();
  std::map<int, int64_t> page_ids;  // page_no -> pages.id
  for (size_t first = 0; first < r.pages.size(); first += kPagesPerStatement) {
    const size_t count = std::min(kPagesPerStatement, r.pages.size() - first);
    std::string sql =
        "INSERT INTO pages(document_id, page_no, width_pt, height_pt, method, needs_ocr, ocr_reason, ocr_confidence, "
        "text) VALUES ";
    for (size_t k = 0; k < count; ++k) sql += k ? ",(?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?)";
    sql += " ON CONFLICT(document_id, page_no) DO UPDATE SET width_pt=excluded.width_pt, "
           "height_pt=excluded.height_pt, method=excluded.method, needs_ocr=excluded.needs_ocr, "
           "ocr_reason=excluded.ocr_reason, ocr_confidence=excluded.ocr_confidence, text=excluded.text "
           "RETURNING page_no, id";
    auto page_stmt = db.PrepareCached(sql);
    if (!page_stmt.ok()) return page_stmt.status();
    for (size_t k = 0; k < count; ++k) {
      const SourcePage& page = r.pages[first + k];
      const NormalizedPage& norm = r.normalized[first + k];
      const int b = static_cast<int>(k) * 9;
      page_stmt->Bind(b + 1, document_id).Bind(b + 2, page.page_no).BindOptional(b + 3, page.width_pt);
      page_stmt->BindOptional(b + 4, page.height_pt).Bind(b + 5, std::string_view(PageMethodName(page.method)));
      page_stmt->Bind(b + 6, page.needs_ocr ? 1 : 0).BindTextOrNull(b + 7, page.ocr_reason);
      page_stmt->BindOptional(b + 8, page.ocr_confidence).Bind(b + 9, norm.text);
    }
    // (RETURNING rows come in no promised order: matched by page number.)
    Status s;
    size_t returned = 0;
    while (page_stmt->Step(&s)) {
      page_ids[static_cast<int>(page_stmt->Int(0))] = page_stmt->Int(1);
      ++returned;
    }
    if (!s.ok()) return s;
    if (returned != count) return Status::Internal("page write returned no id");
    page_stmt->Reset();  // finishes the write
  }
  std::vector<WordBox> boxes;
  for (size_t p = 0; p < r.pages.size(); ++p) {
    const SourcePage& page = r.pages[p];
    const NormalizedPage& norm = r.normalized[p];
    const int64_t page_id = page_ids.at(page.page_no);
    Status s;
    // A page without words (a blank or fully blacked-out scan) still has its redactions.
    if (!page.words.empty()) {
      boxes.clear();
      for (size_t w = 0; w < page.words.size(); ++w) {
        const SourceWord& word = page.words[w];
        WordBox box;
        box.text = word.text;
        if (word.box) box.box = WordBox::Rect{word.box->x0, word.box->y0, word.box->x1, word.box->y1};
        box.char_start = static_cast<int64_t>(norm.word_spans[w].start);
        box.char_end = static_cast<int64_t>(norm.word_spans[w].end);
        box.confidence = word.confidence;
        boxes.push_back(std::move(box));
      }
      word_stmt->Reset();
      word_stmt->Bind(1, page_id).BindBlob(2, EncodeWordBoxes(boxes, norm.text));
      s = word_stmt->Run();
      if (!s.ok()) return s;
    }
    s = WriteRedactions(db, page_id, page, norm);
    if (!s.ok()) return s;
  }
  return Status();
}

// Everything after the document row and its paths: pages, words, stage
// versions, the extraction and the OCR results to cache.
Status WriteDocumentContent(Database& db, int64_t document_id, const DocumentRecord& r) {
  Status s = WritePages(db, document_id, r);
  if (!s.ok()) return s;
  s = SetStageVersion(db, document_id, "text", r.text_version);
  if (!s.ok()) return s;
  s = SetStageVersion(db, document_id, "normalize", kNormalizeVersion);
  if (!s.ok()) return s;
  if (r.extracted) {
    s = WriteExtraction(db, document_id, *r.extracted);
    if (!s.ok()) return s;
  }
  if (!r.ocr_version.empty()) {
    s = SetStageVersion(db, document_id, "ocr", r.ocr_version);
    if (!s.ok()) return s;
  }
  if (!r.ocr_cache.empty()) {
    // A result read now replaces an older one under the same key: it is
    // what --force ocr asked for, and otherwise the same reading.
    auto cache = db.PrepareCached(
        "INSERT OR REPLACE INTO ocr_cache(key, image_sha256, engine, mean_confidence, result, created_at) "
        "VALUES (?,?,?,?,?,?)");
    if (!cache.ok()) return cache.status();
    const std::string now = UtcNow();
    for (const auto& e : r.ocr_cache) {
      cache->Reset();
      cache->Bind(1, e.key).Bind(2, e.image_sha256).Bind(3, e.engine).BindOptional(4, e.mean_confidence);
      cache->Bind(5, e.result_json).Bind(6, now);
      s = cache->Run();
      if (!s.ok()) return s;
    }
  }
  return Status();
}

}  // namespace

StatusOr<int64_t> Index::WriteDocument(const DocumentRecord& r, int64_t run_id) {
  Transaction tx(db_);
  if (!tx.begin_status().ok()) return tx.begin_status();
  const DocumentMetadata& m = r.metadata;
  auto doc = db_.PrepareCached(
      "INSERT INTO documents(sha256, file_type, size_bytes, page_count, title, number, agency, doc_kind, authority, "
      "issued, effective, review, source, metadata_origin, pdf_title, text_version, first_run_id, indexed_at, "
      "jurisdiction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, r.sha256).Bind(2, r.file_type).Bind(3, r.size_bytes).Bind(4, static_cast<int64_t>(r.pages.size()));
  doc->BindTextOrNull(5, m.title).BindTextOrNull(6, m.number).BindTextOrNull(7, m.agency);
  doc->BindTextOrNull(8, m.doc_kind).BindTextOrNull(9, m.authority).BindTextOrNull(10, m.issued);
  doc->BindTextOrNull(11, m.effective).BindTextOrNull(12, m.review).BindTextOrNull(13, m.source);
  doc->Bind(14, std::string_view(m.from_manifest ? "manifest" : "inferred")).BindTextOrNull(15, r.pdf_title);
  doc->Bind(16, r.text_version).Bind(17, run_id).Bind(18, UtcNow()).BindTextOrNull(19, m.jurisdiction);
  Status s = doc->Run();
  if (!s.ok()) return s;
  const int64_t document_id = db_.LastInsertRowId();

  for (const auto& path : r.paths) {
    auto added = InsertPath(db_, document_id, path, run_id);
    if (!added.ok()) return added.status();
  }
  s = WriteDocumentContent(db_, document_id, r);
  if (!s.ok()) return s;
  if (r.attachment) {
    auto link = db_.PrepareCached(
        "INSERT OR IGNORE INTO attachments(document_id, parent_sha256, seq, name, kind) VALUES (?,?,?,?,?)");
    if (!link.ok()) return link.status();
    link->Bind(1, document_id).Bind(2, r.attachment->parent_sha256).Bind(3, r.attachment->seq);
    link->BindTextOrNull(4, r.attachment->name).Bind(5, r.attachment->kind);
    s = link->Run();
    if (!s.ok()) return s;
  }
  s = tx.Commit();
  if (!s.ok()) return s;
  return document_id;
}

Status Index::ReplaceDocument(int64_t document_id, const DocumentRecord& r) {
  if (!r.extracted) return Status::InvalidArgument("ReplaceDocument needs the document's extraction");
  Transaction tx(db_);
  if (!tx.begin_status().ok()) return tx.begin_status();
  auto doc = db_.PrepareCached(
      "UPDATE documents SET file_type=?, size_bytes=?, page_count=?, pdf_title=?, text_version=? "
      "WHERE id=? AND sha256=?");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, r.file_type).Bind(2, r.size_bytes).Bind(3, static_cast<int64_t>(r.pages.size()));
  doc->BindTextOrNull(4, r.pdf_title).Bind(5, r.text_version).Bind(6, document_id).Bind(7, r.sha256);
  Status s = doc->Run();
  if (!s.ok()) return s;
  if (sqlite3_changes(db_.handle()) != 1) {
    return Status::NotFound("document " + std::to_string(document_id) + " with SHA-256 " + r.sha256 + " is not indexed");
  }
  // Versions of stages that did not run this time (ocr, when no page needs
  // it any more) must not survive the rows they described. Old words go;
  // pages keep their ids by number, and numbers no longer there go.
  auto versions = db_.PrepareCached("DELETE FROM stage_versions WHERE document_id=?");
  if (!versions.ok()) return versions.status();
  versions->Bind(1, document_id);
  s = versions->Run();
  if (!s.ok()) return s;
  for (const char* sql : {"DELETE FROM page_words WHERE page_id IN (SELECT id FROM pages WHERE document_id=?)",
                          "DELETE FROM redactions WHERE page_id IN (SELECT id FROM pages WHERE document_id=?)"}) {
    auto old_rows = db_.PrepareCached(sql);
    if (!old_rows.ok()) return old_rows.status();
    old_rows->Bind(1, document_id);
    s = old_rows->Run();
    if (!s.ok()) return s;
  }
  auto gone = db_.PrepareCached("DELETE FROM pages WHERE document_id=? AND page_no NOT IN (SELECT value FROM json_each(?))");
  if (!gone.ok()) return gone.status();
  std::string page_numbers = "[";
  for (const auto& page : r.pages) page_numbers += (page_numbers.size() > 1 ? "," : "") + std::to_string(page.page_no);
  gone->Bind(1, document_id).Bind(2, page_numbers + "]");
  s = gone->Run();
  if (!s.ok()) return s;
  s = WriteDocumentContent(db_, document_id, r);
  if (!s.ok()) return s;
  return tx.Commit();
}

Status Index::ReplaceExtraction(int64_t document_id, const ExtractedDocument& extracted) {
  Transaction tx(db_);
  if (!tx.begin_status().ok()) return tx.begin_status();
  Status s = WriteExtraction(db_, document_id, extracted);
  if (!s.ok()) return s;
  return tx.Commit();
}

StatusOr<std::vector<int64_t>> Index::DocumentsWithStaleExtraction(const std::string& version) {
  auto stmt = db_.PrepareCached(
      "SELECT d.id FROM documents d LEFT JOIN stage_versions v ON v.document_id=d.id AND v.stage='extract' "
      "WHERE v.version IS NULL OR v.version<>? ORDER BY d.id");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, version);
  std::vector<int64_t> ids;
  while (stmt->Step()) ids.push_back(stmt->Int(0));
  if (!stmt->status().ok()) return stmt->status();
  return ids;
}

Status Index::RecordFailure(const DocumentPath& path, const std::string& sha256, const std::string& stage,
                            const std::string& reason, int64_t run_id) {
  auto stmt = db_.PrepareCached(
      "INSERT OR REPLACE INTO failures(drop_root, path, path_bytes, sha256, stage, reason, run_id, at) "
      "VALUES (?,?,?,?,?,?,?,?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, path.drop_root).Bind(2, path.display).BindBlob(3, path.raw_bytes).BindTextOrNull(4, sha256);
  stmt->Bind(5, stage).Bind(6, reason).Bind(7, run_id).Bind(8, UtcNow());
  Status s = stmt->Run();
  if (!s.ok()) return s;
  return RecordEvent(run_id, "error", path.display, reason);
}

StatusOr<std::optional<Index::RecordedFailure>> Index::FindFailure(const DocumentPath& path) {
  using Found = std::optional<RecordedFailure>;
  auto stmt = db_.PrepareCached("SELECT coalesce(sha256,''), stage, reason FROM failures WHERE drop_root=? AND path_bytes=?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, path.drop_root).BindBlob(2, path.raw_bytes);
  Status status;
  if (stmt->Step(&status)) return Found(RecordedFailure{stmt->Text(0), stmt->Text(1), stmt->Text(2)});
  if (!status.ok()) return status;
  return Found();
}

Status Index::RecordEvent(int64_t run_id, const std::string& level, const std::string& path,
                          const std::string& message) {
  auto stmt = db_.PrepareCached("INSERT INTO events(run_id, level, path, message, at) VALUES (?,?,?,?,?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, run_id).Bind(2, level).BindTextOrNull(3, path).Bind(4, message).Bind(5, UtcNow());
  return stmt->Run();
}

}  // namespace foiamine
