#include "pipeline/progress.h"

#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

namespace foiamine {

Progress::Progress(std::ostream& err, bool enabled, bool tty)
    : err_(err), enabled_(enabled), tty_(tty), start_(std::chrono::steady_clock::now()), last_(start_) {}

bool Progress::Due(std::chrono::steady_clock::time_point since, double* elapsed) {
  if (!enabled_) return false;
  const auto now = std::chrono::steady_clock::now();
  const double since_last = std::chrono::duration<double>(now - last_).count();
  if (since_last < (tty_ ? 0.2 : 5.0) && !(tty_ && !shown_once_)) return false;
  shown_once_ = true;
  last_ = now;
  *elapsed = std::chrono::duration<double>(now - since).count();
  return true;
}

void Progress::Show(const std::string& line) {
  if (tty_) {
    err_ << "\r" << line << "\033[K" << std::flush;
    shown_ = true;
  } else {
    err_ << "foiamine: progress: " << line << "\n";
  }
}

std::string Progress::PerSecond(int64_t count, double elapsed) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f", elapsed > 0 ? static_cast<double>(count) / elapsed : 0.0);
  return rate;
}

std::string Progress::Eta(double elapsed, int64_t done, int64_t total) {
  if (done <= 0 || total < done) return "--:--";
  const auto left = static_cast<int64_t>(elapsed / static_cast<double>(done) * static_cast<double>(total - done));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(left / 60), static_cast<long long>(left % 60));
  return buf;
}

void Progress::Update(int64_t files_done, int64_t pages, int64_t failures) {
  double elapsed = 0;
  if (!Due(start_, &elapsed)) return;
  std::ostringstream line;
  line << files_done << "/" << total_files_ << " files, " << pages << " pages, " << PerSecond(pages, elapsed)
       << " pages/s, ETA " << Eta(elapsed, files_done, total_files_) << ", " << failures << " failed";
  Show(line.str());
}

void Progress::StartStep(std::string what, int64_t total) {
  step_ = std::move(what);
  step_total_ = total;
  step_start_ = std::chrono::steady_clock::now();
  shown_once_ = false;  // on a terminal the step's line is drawn at once
}

void Progress::UpdateStep(int64_t done) {
  double elapsed = 0;
  if (!Due(step_start_, &elapsed)) return;
  std::ostringstream line;
  line << step_ << " " << done << "/" << step_total_ << " documents, " << PerSecond(done, elapsed)
       << " documents/s, ETA " << Eta(elapsed, done, step_total_);
  Show(line.str());
}

void Progress::Clear() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace foiamine
