#include "pipeline/progress.h"

#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>

namespace foiamine {

Progress::Progress(std::ostream& err, bool enabled, bool tty)
    : err_(err), enabled_(enabled), tty_(tty), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(int64_t files_done, int64_t pages, int64_t failures) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double since = std::chrono::duration<double>(now - last_).count();
  if (since < (tty_ ? 0.2 : 5.0) && !(tty_ && !shown_once_)) return;
  shown_once_ = true;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f", elapsed > 0 ? static_cast<double>(pages) / elapsed : 0.0);
  std::string eta = "--:--";
  if (files_done > 0 && total_files_ >= files_done) {
    const auto left = static_cast<int64_t>(elapsed / static_cast<double>(files_done) *
                                           static_cast<double>(total_files_ - files_done));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(left / 60), static_cast<long long>(left % 60));
    eta = buf;
  }
  std::ostringstream line;
  line << files_done << "/" << total_files_ << " files, " << pages << " pages, " << rate << " pages/s, ETA " << eta
       << ", " << failures << " failed";
  if (tty_) {
    err_ << "\r" << line.str() << "\033[K" << std::flush;
    shown_ = true;
  } else {
    err_ << "foiamine: progress: " << line.str() << "\n";
  }
}

void Progress::Clear() {
  if (shown_) err_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace foiamine
