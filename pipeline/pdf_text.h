// The text stage for PDFs: Poppler's text layer, per page, with word boxes.
#pragma once

#include <filesystem>

#include "pipeline/page.h"
#include "base/status.h"

namespace foiamine {

struct PdfTextLimits {
  // Wall-clock bound for one document: a hostile PDF can make Poppler loop.
  int timeout_seconds = 300;
  // Address-space bound for the isolated extraction (ignored under ASan).
  size_t memory_limit_bytes = size_t{4} << 30;
  // When set, the child exec()s this program as
  //   <helper_executable> __pdf-text <path>
  // (the foiamine binary: see cli/main.cc) instead of running Poppler in the
  // forked copy of this process. Exec is what makes isolation safe once the
  // parent has other threads (OCR workers): a forked child inherits their
  // locks (Poppler's, ICU's) in whatever state they were, and could hang.
  std::string helper_executable;
};

// Extracts every page's words in reading order, with boxes in PDF points
// (top-left origin), 1-based page numbers. Pages with no usable text layer
// are returned with needs_ocr set and an ocr_reason.
//
// Runs Poppler in a forked child process, so a PDF that crashes, hangs or
// exhausts memory inside Poppler fails only itself: the result is then a
// Status naming the reason ("Poppler crashed (signal 11)", "timed out after
// 300 s"). Errors: kCorrupt (damaged, not a PDF), kUnsupported (encrypted).
StatusOr<SourceDocument> ExtractPdfText(const std::filesystem::path& path, const PdfTextLimits& limits);

// The same without process isolation (used by the child, and by tests).
StatusOr<SourceDocument> ExtractPdfTextInProcess(const std::filesystem::path& path);

// The child's side of the isolation protocol: extracts `path` in this
// process and writes the encoded result to file descriptor `fd`. Returns a
// process exit code.
int ServePdfTextRequest(const std::string& path, int fd);

// Poppler's version, part of the text stage's version string.
std::string PopplerVersion();

}  // namespace foiamine
