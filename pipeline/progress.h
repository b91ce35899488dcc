// The progress display of `foiamine run` on stderr: on a terminal one line
// redrawn in place (files done of files found, pages, pages/s, ETA, failures
// so far); otherwise a plain line every 5 s; nothing when disabled (--quiet).
// Not thread-safe: the runner's thread alone updates it.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace foiamine {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled, bool tty);
  // True when a redrawn line is shown (then per-document lines are not).
  bool tty() const { return enabled_ && tty_; }
  void AddFiles(int64_t n) { total_files_ += n; }
  // files_done: files dealt with (indexed, unchanged, failed, skipped).
  // Prints at most every 0.2 s on a terminal, every 5 s otherwise.
  void Update(int64_t files_done, int64_t pages, int64_t failures);
  // Clears the terminal line before another message is printed.
  void Clear();
  // A step after the files, over documents already indexed (re-extraction
  // after a rulebook edit or --force extract): "<what> <done>/<total>
  // documents, <rate> documents/s, ETA m:ss", on its own clock, as often as
  // the file line.
  void StartStep(std::string what, int64_t total);
  void UpdateStep(int64_t done);

 private:
  std::ostream& err_;
  bool enabled_, tty_;
  std::chrono::steady_clock::time_point start_, last_;
  int64_t total_files_ = 0;
  bool shown_ = false, shown_once_ = false;
  std::string step_;
  int64_t step_total_ = 0;
  std::chrono::steady_clock::time_point step_start_;
  // Whether a line is due now (enabled, and long enough since the last);
  // marks it shown and gives the seconds elapsed since `since`.
  bool Due(std::chrono::steady_clock::time_point since, double* elapsed);
  void Show(const std::string& line);
  static std::string PerSecond(int64_t count, double elapsed);  // "12.3"
  static std::string Eta(double elapsed, int64_t done, int64_t total);
};

}  // namespace foiamine
