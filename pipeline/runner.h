// `foiamine run`: the batch job over one or more drops.
//
// For every regular file under each DROP (recursively; hidden files and the
// manifest excepted): hash it, skip it if its content is already indexed
// (recording the new path), otherwise detect its type, extract its pages,
// OCR the pages that need it (ocr_triage.h) on `jobs` worker threads,
// normalize them and write the document in one transaction (this thread is
// the only writer). A file that fails is recorded with its reason in
// `failures`; the rest go on. A page that fails OCR is recorded (its
// ocr_reason, an event) and the document is still written: exit code 2.
// A file whose failure is recorded and whose content is unchanged is not
// retried (unless retry_failed) but listed, and still makes the exit code 2.
// A file already indexed is re-processed when a stage version that made its
// rows changed, or when forced (pipeline/reprocess.h); its document is
// rewritten in one transaction, keeping its id.
// Progress goes to stderr: one redrawn line on a terminal, plain lines
// (per document, and a progress line every 5 s) otherwise.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/shard.h"

namespace foiamine {

struct RunOptions {
  std::vector<std::string> drops;
  std::string db_path;
  int jobs = 0;                  // 0: number of cores
  bool quiet = false;            // no progress display or per-document lines on stderr
  int pdf_timeout_seconds = 300; // per-document bound for Poppler
  std::string command_line;      // recorded in runs.arguments
  std::string helper_executable; // the foiamine binary, for isolated Poppler (see PdfTextLimits)
  std::string rulebook_path;     // empty: see ResolveRulebookPath
  Shard shard;                   // --shard K/N: only documents of shard K are indexed (pipeline/shard.h)
  std::string languages = "eng"; // Tesseract languages for OCR, '+'-joined
  int dpi = 300;                 // resolution PDF pages are rendered at for OCR
  // Whether --lang / --dpi were given. When not, a run on an existing index
  // uses the settings its newest OCR'd document was read with (see
  // InheritOcrSettings in runner.cc), so a plain re-run never re-OCRs a drop
  // indexed with --lang eng+spa in the default eng.
  bool languages_given = false;
  bool dpi_given = false;
  bool force_ocr = false;        // OCR every page of PDFs, text layer or not
  // A file whose failure is recorded in the index and whose content (SHA-256)
  // has not changed since is skipped ("failed earlier, unchanged") unless
  // this is set; a changed file is always retried.
  bool retry_failed = false;
  // Print the plan (what would happen to each file, how many documents a
  // changed rulebook would re-extract) and change nothing.
  bool dry_run = false;
  // --force STAGE: "text", "ocr" or "extract" (anything else is a usage
  // error); empty: none. Redoes that stage for the indexed documents found
  // in the drops, unchanged ones included (pipeline/reprocess.h).
  std::string force_stage;
};

// Exit codes of CONTRACTS.md.
enum ExitCode : int { kExitOk = 0, kExitUsage = 1, kExitPartial = 2, kExitInterrupted = 3 };

// Runs the job; the summary goes to `out`, diagnostics to `err`. Returns an
// ExitCode. Usage errors (missing drop, unwritable index) change nothing.
int RunDrops(const RunOptions& options, std::ostream& out, std::ostream& err);

// Asks a running RunDrops to stop after the document in progress (signal-safe).
void RequestStop();

}  // namespace foiamine
