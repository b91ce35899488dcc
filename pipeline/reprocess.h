// Re-processing indexed documents: which stage of an already indexed
// document a run redoes, and why.
//
// Every stage records, per document, the version that produced its rows
// (table stage_versions). For a file found again unchanged, PlanRework
// compares them with this run's versions and options:
//   text / normalize version changed, or --force text
//       -> kText: the document is read again from its file (Poppler, OCR
//          triage, OCR with the cache allowed), normalized, extracted;
//   pages needing OCR and the OCR version changed (Tesseract, --lang, --dpi
//   for PDFs; "none recorded" included), or --force ocr, or pages awaiting
//   OCR with --retry-failed
//       -> kOcr: the same, its OCR pages read again (--force ocr: bypassing
//          the OCR cache lookup);
//   --force extract
//       -> kExtract: extraction redone from the stored page text.
// A changed rulebook re-extracts every indexed document, in or out of the
// drop: the runner does that after the drop (DocumentsWithStaleExtraction).
//
// Pages that failed OCR under the current OCR version are not retried by a
// plain re-run: the same engine on the same pixels fails the same way, and a
// no-op re-run must stay cheap. --retry-failed or --force ocr retries them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/rulebook.h"
#include "pipeline/extract_stage.h"
#include "pipeline/index.h"
#include "pipeline/ocr_engine.h"
#include "base/status.h"

namespace foiamine {

// The text stage's version: Poppler's, and the stage's own revision.
std::string TextStageVersion();

// The OCR version recorded for a document: the OCR engine's
// (OcrStageVersion, the cache's key) plus, for PDFs, the resolution pages
// are rendered at, which changes the pixels OCR reads.
std::string DocumentOcrVersion(const OcrSettings& settings, bool rendered_from_pdf);

// The OCR settings a recorded DocumentOcrVersion names: its languages and,
// for PDFs, its resolution (0 when the version names none). nullopt when the
// version is not of that shape.
struct RecordedOcrSettings {
  std::string languages;
  int dpi = 0;
};
std::optional<RecordedOcrSettings> ParseDocumentOcrVersion(std::string_view version);

// The stages `run --force STAGE` can redo.
enum class ForcedStage { kText, kOcr, kExtract };
// "text" | "ocr" | "extract"; nullopt for anything else.
std::optional<ForcedStage> ParseForcedStage(std::string_view name);

// This run's versions of the stages.
struct CurrentVersions {
  std::string text, normalize;
  std::string ocr_pdf, ocr_image;  // DocumentOcrVersion for PDFs, for image files
  std::string extract;             // the rulebook's hash
};

// This run's versions for OCR `settings` and a rulebook of hash `rulebook_hash`.
CurrentVersions CurrentStageVersions(const OcrSettings& settings, const std::string& rulebook_hash);

struct ReworkPolicy {
  std::optional<ForcedStage> forced;
  bool force_ocr = false;     // --force-ocr: every page of PDFs and images is sent to OCR
  bool retry_failed = false;  // --retry-failed: pages awaiting OCR are retried
};

struct Rework {
  enum class Kind { kNone, kExtract, kOcr, kText };
  Kind kind = Kind::kNone;
  std::string reason;             // "forced", "ocr version eng -> eng+spa", ...; empty for kNone
  int64_t ocr_pages = 0;          // pages a kText/kOcr rebuild sends to OCR
  bool bypass_ocr_cache = false;  // --force ocr: read again, do not look the pages up
};
const char* ReworkName(Rework::Kind kind);  // "text" | "ocr" | "extract" | "none"

// What to redo for an indexed document found again with the same content.
// Pure: no I/O.
Rework PlanRework(const IndexedDocument& doc, const CurrentVersions& current, const ReworkPolicy& policy);

// A version change for people: the '/'-separated parts that differ, e.g.
// "eng/300dpi -> eng+spa/300dpi" is shown as "eng -> eng+spa"; whole strings
// when the shapes differ; "(none)" for an empty version.
std::string DescribeVersionChange(const std::string& from, const std::string& to);

// What the extract stage is told of an indexed document: the metadata given
// to it (manifest, law XML; not what was inferred from its text), the path
// and PDF title it is cited by.
struct StoredDocumentFacts {
  std::string sha256, file_type, display_path, pdf_title;
  extractors::DocumentMetadata given;
};
StatusOr<StoredDocumentFacts> ReadStoredDocumentFacts(Index& index, int64_t document_id);

// A stored document's input to the extract stage: its facts, its stored
// page text and word boxes (no Poppler, no OCR), and the sections that are
// kept rather than inferred (official law XML, a spreadsheet's rows).
struct StoredExtractionInput {
  int64_t document_id = 0;
  StoredDocumentFacts facts;
  std::vector<PageForExtraction> pages;
  std::vector<extractors::Section> explicit_sections;
};
// Reads it from the index (on the index's thread: the connection is not shared).
StatusOr<StoredExtractionInput> ReadExtractionInput(Index& index, int64_t document_id);
// Runs the extract stage over it. Pure: no I/O; several threads may run it at
// once with one rulebook (pipeline/reextract_batch.h does).
ExtractedDocument ExtractStoredDocument(const StoredExtractionInput& input, const extractors::Rulebook& rulebook);

}  // namespace foiamine
