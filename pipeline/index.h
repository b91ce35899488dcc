// The batch side's handle on the index (schemas/index.sql): the writer.
//
// Index owns a connection opened through index/schema.h. Each document is
// written in one transaction, so a crash leaves the whole document or none
// of it. Only one process writes at a time (SQLite's write lock; WAL lets
// readers go on meanwhile). The query side reads through index/reader.h,
// which has no write methods.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/extract_stage.h"
#include "pipeline/normalize.h"
#include "pipeline/page.h"
#include "base/status.h"
#include "index/format.h"
#include "index/schema.h"
#include "index/sqlite.h"

namespace foiamine {

// Document-level metadata (from the manifest, or inferred from the text).
struct DocumentMetadata {
  std::string title, number, agency, doc_kind, authority, issued, effective, review, source;
  bool from_manifest = false;
  std::string jurisdiction;  // the manifest's; else inferred by the extract stage
};

// A path a document was found under.
struct DocumentPath {
  std::string drop_root;   // absolute drop folder
  std::string display;     // relative path, invalid UTF-8 escaped
  std::string raw_bytes;   // relative path, exact bytes
  bool in_manifest = false;
};

// A new row of ocr_cache (schemas/index.sql), written with the document
// whose page it was.
struct OcrCacheEntry {
  std::string key, image_sha256, engine, result_json;
  std::optional<double> mean_confidence;
};

// A document found inside another (schemas/index.sql, attachments).
struct AttachmentLink {
  std::string parent_sha256;
  int seq = 0;
  std::string name;  // empty for a mailbox's message
  std::string kind;  // attachment | message
};

// Everything the write of one new document needs.
struct DocumentRecord {
  std::string sha256;
  std::string file_type;
  int64_t size_bytes = 0;
  DocumentMetadata metadata;
  std::string pdf_title;
  std::string text_version;
  std::string ocr_version;                   // empty when no page was sent to OCR
  std::vector<OcrCacheEntry> ocr_cache;      // results OCR'd for this document
  std::vector<DocumentPath> paths;
  std::vector<SourcePage> pages;             // words with boxes
  std::vector<NormalizedPage> normalized;    // parallel to pages
  std::optional<ExtractedDocument> extracted; // sections, clauses, citations, identity
  std::optional<AttachmentLink> attachment;   // when found inside an e-mail or mailbox
};

// What a re-run needs to know of an indexed document to decide whether a
// stage must be redone (pipeline/reprocess.h). Stage versions are empty
// when not recorded.
struct IndexedDocument {
  int64_t id = 0;
  std::string file_type;
  int64_t page_count = 0;
  std::string text_version, normalize_version, ocr_version, extract_version;
  int64_t pages_needing_ocr = 0;   // needs_ocr=1: OCR'd, or awaiting OCR
  int64_t pages_awaiting_ocr = 0;  // needs_ocr=1 but not OCR'd (OCR failed, or never ran)
};

struct RunTotals {
  int64_t files_seen = 0, docs_new = 0, docs_unchanged = 0, docs_failed = 0, pages_indexed = 0;
  double wall_seconds = 0;
  int exit_code = 0;
};

class Index {
 public:
  enum class Access { kRead, kWrite };
  // Opens (kWrite: creating if missing) and brings the schema up to date;
  // kRead (`run --dry-run`, `merge` probing its sources) changes nothing
  // (index/schema.h).
  // A file that is not a foiamine index, or a newer schema, is an error.
  static StatusOr<Index> Open(const std::string& path, Access access);

  Database& db() { return db_; }

  StatusOr<int64_t> BeginRun(const std::string& drops, const std::string& arguments);
  Status FinishRun(int64_t run_id, const RunTotals& totals);

  // Lookups: an empty optional when absent; an error when the index cannot
  // be read (never mistaken for "absent").
  // The id of the document with this content, if indexed.
  [[nodiscard]] StatusOr<std::optional<int64_t>> FindDocument(const std::string& sha256);
  // The document with this content and its stage versions, if indexed: one
  // query, cheap enough for every file of a no-op re-run.
  [[nodiscard]] StatusOr<std::optional<IndexedDocument>> FindIndexedDocument(const std::string& sha256);
  // Records another path for an indexed document (no-op if known). Clears a
  // failure recorded for that path. Returns true if the path was new.
  StatusOr<bool> AddPath(int64_t document_id, const DocumentPath& path, int64_t run_id);
  // Writes a new document, its paths, pages and words in one transaction.
  StatusOr<int64_t> WriteDocument(const DocumentRecord& record, int64_t run_id);

  // Replaces a document's sections, clauses and citations (and its inferred
  // identity fields) with a new extraction, in one transaction.
  Status ReplaceExtraction(int64_t document_id, const ExtractedDocument& extracted);

  // Re-processing: replaces everything an indexed document's rows hold that
  // the text, OCR, normalize and extract stages made (pages, words, sections,
  // clauses, citations, stage versions, inferred identity fields, page count,
  // PDF title) with `record`, in one transaction: a crash or an error leaves
  // the old version whole. Keeps documents.id, first_run_id, indexed_at, its
  // files rows (record.paths is ignored) and page ids (by page number), and
  // the metadata given by a manifest when the document was first indexed.
  // REQUIRES: record.sha256 is the document's, record.extracted is set.
  Status ReplaceDocument(int64_t document_id, const DocumentRecord& record);

  // Documents whose extract stage version differs from `version`.
  StatusOr<std::vector<int64_t>> DocumentsWithStaleExtraction(const std::string& version);

  // Records (or replaces) the failure of an input path.
  Status RecordFailure(const DocumentPath& path, const std::string& sha256, const std::string& stage,
                       const std::string& reason, int64_t run_id);
  // The failure recorded for an input path, if any.
  struct RecordedFailure {
    std::string sha256;  // empty when the file could not be hashed
    std::string stage, reason;
  };
  [[nodiscard]] StatusOr<std::optional<RecordedFailure>> FindFailure(const DocumentPath& path);
  // level: error | warning | info (schemas/index.sql, table events).
  Status RecordEvent(int64_t run_id, const std::string& level, const std::string& path, const std::string& message);

 private:
  explicit Index(Database db) : db_(std::move(db)) {}
  // Its statements are compiled once and reused (Database::PrepareCached):
  // a run writes every document with the same few dozen.
  Database db_;
};

// "2026-11-23T18:12:23Z"
std::string UtcNow();

}  // namespace foiamine
