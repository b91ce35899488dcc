// The start of `foiamine run` (pipeline/runner.cc): the checks made before
// anything changes, and the work a run overlaps with compiling its rulebook.
//
// Compiling the rulebook (YAML, several hundred RE2s, the anchor gate) takes
// ~0.4 s of one core, a third of a born-digital run of 1,200 pages. It runs
// on a thread of its own (RulebookLoad) while this thread starts the text
// helpers and, on a fresh index, lists the first drop and keeps the helpers
// reading its PDFs until the rulebook is ready (RunReadAhead): reading text
// changes nothing, so a broken rulebook still stops the run before the index
// is created, with the same message and exit code.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "extractors/rulebook.h"
#include "pipeline/drop_scan.h"
#include "pipeline/page.h"
#include "pipeline/pdf_text.h"
#include "pipeline/runner.h"

namespace foiamine {

// The checks made before anything is created or changed; kExitOk or
// kExitUsage with the reason on `err`.
int CheckRunUsage(const RunOptions& options, std::ostream& err);

// --lang / --dpi not given and the index exists: the OCR settings its newest
// OCR'd document was read with (says so on `err` when they differ from the
// defaults).
RunOptions InheritOcrSettings(const RunOptions& given, std::ostream& err);

// Whether the file's bytes are a PDF (file_type.h), by its first 4 KiB.
bool IsPdfFile(const std::filesystem::path& path);

// The rulebook file (LoadRulebookFile: with its jurisdictions and exemption
// codes), loaded on a thread of its own from construction. The destructor
// waits for it.
class RulebookLoad {
 public:
  explicit RulebookLoad(const std::string& path);
  RulebookLoad(const RulebookLoad&) = delete;
  RulebookLoad& operator=(const RulebookLoad&) = delete;

  // Waits for the load: the rulebook, or LoadRulebookFile's error.
  const StatusOr<extractors::Rulebook>& Get();
  // Whether the load has ended, waiting for it up to `wait`.
  bool Done(std::chrono::milliseconds wait) const;

 private:
  std::future<StatusOr<extractors::Rulebook>> loading_;
  std::optional<StatusOr<extractors::Rulebook>> loaded_;
};

// A run's text helpers (PdfTextService), started before its index is open,
// and the requests made ahead. On a fresh index (no file at the path yet),
// every file of the first drop is new but for duplicates, so its PDFs go to
// the helpers in drop order, one in flight per helper, for as long as the
// rulebook compiles (ReadAheadWhile; at most kDocuments of them, kBytes in
// all): a fixed batch of 16 left the helpers idle for the last 0.2 s of a
// 0.5-s compile, and a larger batch given at once takes the compiling core's
// time. The run later takes each one's text when it finds the file new
// (Text), and the listing of that drop (Scan). A text read ahead and never
// taken (a duplicate) is dropped at the end. Nothing is read ahead for a dry
// run, an existing index or a shard.
class RunReadAhead {
 public:
  static constexpr size_t kDocuments = 256;
  static constexpr uintmax_t kBytes = uintmax_t{256} << 20;

  RunReadAhead(const RunOptions& options, const PdfTextLimits& limits, int helpers);
  // Keeps one request in flight per helper, in drop order, until `done`
  // (told how long it may wait) says the work overlapped has ended, the
  // drop's PDFs run out or a cap is reached.
  void ReadAheadWhile(const std::function<bool(std::chrono::milliseconds)>& done);
  // Before Started() (the run stopped at a usage error), cancels the
  // documents being read ahead instead of waiting for them.
  ~RunReadAhead();
  RunReadAhead(const RunReadAhead&) = delete;
  RunReadAhead& operator=(const RunReadAhead&) = delete;

  // The run has begun (its index is open): from now on it owns what is read.
  void Started() { started_ = true; }

  // The listing of `drop`: the one made ahead, once, when it is that drop;
  // else ScanDrop(drop).
  ScannedDrop Scan(const std::string& drop);

  // The text of the PDF at `path`: the request made ahead, once, if there
  // was one; else a new request to the helpers.
  std::future<StatusOr<SourceDocument>> Text(const std::filesystem::path& path);

  // How many requests made ahead the run has not taken yet.
  size_t ahead() const { return ahead_.size(); }

 private:
  // Submits the drop's next PDF; false when there is none or a cap is reached.
  bool SubmitNext();

  bool started_ = false;
  int helpers_ = 1;
  size_t next_file_ = 0;  // in scanned_'s files: the next one to consider reading ahead
  uintmax_t bytes_ = 0;   // the sizes of the PDFs read ahead, in all
  std::unique_ptr<PdfTextService> service_;
  std::string scanned_drop_;
  std::optional<ScannedDrop> scanned_;
  std::map<std::filesystem::path, std::future<StatusOr<SourceDocument>>> ahead_;
};

}  // namespace foiamine
