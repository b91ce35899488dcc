// The document job: one file of a drop, from its bytes to its rows.
//
// PrepareDocument (the runner's thread) detects the file type, extracts the
// pages (Poppler in a child process, image probe, plain text, law XML),
// triages each page for OCR and queues the OCR jobs on the pool; the
// document then waits, as a PendingDocument, while the workers OCR.
// FinishDocument (the runner's thread, the only writer) merges the OCR
// results into the pages, normalizes, runs the extract stage and writes
// the document in one transaction. Failures are outcomes, not errors: the
// runner records them for the file's path.
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extractors/rulebook.h"
#include "pipeline/drop_scan.h"
#include "pipeline/index.h"
#include "pipeline/manifest.h"
#include "pipeline/ocr_pool.h"
#include "pipeline/reprocess.h"
#include "pipeline/runner.h"

namespace foiamine {

// How a document job ended.
struct Outcome {
  bool ok = false;
  std::string stage, reason;  // of a failure: "ingest", "text", "index"; why
  // The write failed because the index did (disk full, an I/O error: kIoError
  // from index/sqlite.h), not because of this document: the run stops and
  // the document is not recorded as failed (pipeline/runner.cc IndexFault).
  bool index_fault = false;
  int pages = 0, clauses = 0;
  std::vector<std::string> warnings;  // recoverable problems, recorded as events
  int ocr_pages = 0, ocr_cached = 0, ocr_failed = 0;
  bool cancelled = false;  // the run is stopping: neither written nor a failure (the next run redoes it)
};

// A document found inside the one being prepared (an e-mail's attachment,
// a mailbox's message): the runner writes its bytes to a private folder and
// processes it as a file of the drop, linked to this one.
struct DerivedDocument {
  std::string relative_name;  // appended to the container's path: "attachment 2 - list.pdf"
  std::string bytes;
  int seq = 0;
  std::string name;         // its file name in the e-mail; empty for a message
  std::string parent_date;  // ISO date of the e-mail
  std::string kind;         // attachment | message
};

// A document between extraction and its write: its pages' OCR may still be
// running on the pool's workers.
struct PendingDocument {
  int64_t ordinal = 0;  // files_seen when it was found, for progress lines
  std::string sha;
  DocumentPath path;
  Outcome outcome;
  DocumentRecord record;
  std::vector<std::pair<size_t, std::future<OcrOutcome>>> ocr;  // page index -> result
  extractors::DocumentMetadata known;                 // what the extractors are told
  std::vector<extractors::Section> explicit_sections;  // official law XML's own structure
  bool law_xml = false;  // pages are already normalized text (no words to normalize)
  std::vector<SectionAnchor> anchors;    // sections the format names (a spreadsheet's rows)
  std::vector<DerivedDocument> derived;  // documents found inside this one, for the runner
  // Re-processing an indexed document (pipeline/reprocess.h): its id, what
  // is redone and why, and the path its citations name (its first path).
  std::optional<int64_t> replaces;
  Rework rework;
  std::string citation_path;
  // A new PDF whose text layer the run's PdfTextService (pipeline/pdf_text.h)
  // is reading while earlier documents are written: the rest of
  // PrepareDocument runs once it arrives (the runner's thread), with the
  // file and manifest kept here. Until then the document is not Ready().
  std::optional<std::future<StatusOr<SourceDocument>>> text;
  std::optional<DropFile> text_file;
  const Manifest* text_manifest = nullptr;
  // ComputeDocument running on the runner's compute thread, once the
  // document is prepared; the writer waits for it before the write.
  std::future<void> computed;

  // Waits up to `d` for the text layer, else the first page whose OCR is still running.
  void WaitFor(std::chrono::milliseconds d) const;
  // Whether the text layer and every page's OCR (and the compute step, when
  // it was handed to a thread) are done.
  bool Ready() const;
};

// Hashes were taken; detects the type, extracts pages, triages them for OCR
// and queues the OCR jobs. On failure pending.outcome.ok is false. `given`:
// for an indexed document being re-processed, the metadata it was given
// when first indexed (told to the extractors instead of this drop's manifest).
// `pdf_text`: the file's text layer, already read (PdfTextService) when it
// is a PDF; otherwise it is read here.
void PrepareDocument(PendingDocument& pending, const DropFile& file, const Manifest& manifest,
                     const RunOptions& options, OcrPool& pool, const extractors::DocumentMetadata* given,
                     StatusOr<SourceDocument>* pdf_text = nullptr);

// Waits for the document's OCR, merges it into its pages, normalizes and
// writes the document in one transaction. A page whose OCR failed keeps its
// text layer (if any) and its reason says why; the document is still written.
void FinishDocument(Index& index, PendingDocument& pending, const OcrPool& pool,
                    const extractors::Rulebook& rulebook, int64_t run_id);

// FinishDocument in two steps, so that a worker thread can do the first
// while the writer writes earlier documents. ComputeDocument waits for the
// OCR and merges it, normalizes and extracts (no index access: the
// extractors and the rulebook are thread-safe); on a failure or cancel it
// sets outcome.ok false. WriteComputedDocument writes it (the writer's
// thread only), unless outcome.ok is false.
void ComputeDocument(PendingDocument& pending, const OcrPool& pool, const extractors::Rulebook& rulebook);
void WriteComputedDocument(Index& index, PendingDocument& pending, int64_t run_id);

}  // namespace foiamine
