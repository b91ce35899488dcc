// The text stage for PDFs: Poppler's text layer, per page, with word boxes.
#pragma once

#include <filesystem>
#include <future>
#include <memory>

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

// The same isolation, for many documents and two (or more) at a time: each
// of `processes` threads owns a long-lived helper
//   <helper_executable> __pdf-text-server
// (cli/main.cc) that reads paths on its stdin and answers each with the
// result ExtractPdfText would give. A helper that crashes, overruns the
// time limit or is cancelled is killed (SIGKILL) and that one document
// gets ExtractPdfText's error; the next document starts a new helper. One
// helper serves many documents, so the exec (~50 ms of loading libraries)
// is paid once per helper, not per document, and fork() happens only then.
// Without a helper executable, Submit extracts in a forked child at once
// (ExtractPdfText), on the caller's thread.
//
// Protocol (native byte order; both ends are this binary):
//   request: u32 path_size, path bytes
//   answer:  u64 size, the message ExtractPdfText's child writes
class PdfTextService {
 public:
  PdfTextService(PdfTextLimits limits, int processes);
  ~PdfTextService();  // ends the helpers; results not taken are dropped
  PdfTextService(const PdfTextService&) = delete;
  PdfTextService& operator=(const PdfTextService&) = delete;

  // Queues `path`; its result is the future's.
  std::future<StatusOr<SourceDocument>> Submit(const std::filesystem::path& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The helper's side: serves requests from `in_fd` until end of input.
int ServePdfTextRequests(int in_fd, int out_fd);

}  // namespace foiamine
