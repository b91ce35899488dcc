// Blocking pipe I/O and the sanitizer switch shared by the helper processes
// that read PDFs (pipeline/pdf_text) and render pages (render/render_process).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/status.h"

namespace foiamine {

// AddressSanitizer reserves terabytes of address space for its shadow
// memory: under it, a child's RLIMIT_AS would kill the child before main().
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif
#else
inline constexpr bool kUnderAsan = false;
#endif

// Writes all `size` bytes, retrying on EINTR. False on any error.
bool WriteAll(int fd, const void* data, size_t size);

// Reads exactly `size` bytes, retrying on EINTR. False at end of input or on error.
bool ReadAll(int fd, void* data, size_t size);

using HelperClock = std::chrono::steady_clock;
enum class Wait { kOk, kEof, kTimeout, kCancelled };

// Reads exactly `size` bytes before `deadline`, watching the cancel flag
// (base/cancel.h): a helper that hangs or a run that stops never blocks.
Wait ReadBefore(int fd, void* data, size_t size, HelperClock::time_point deadline);

// One long-lived helper process (`EXECUTABLE COMMAND`) that reads requests
// on its stdin and answers on its stdout: the page renderer
// (render/render_process.h) and the PDF text servers (pipeline/pdf_text.h).
// Killed and reaped when stopped or destroyed.
class HelperProcess {
 public:
  HelperProcess() = default;
  ~HelperProcess() { Stop(); }
  HelperProcess(const HelperProcess&) = delete;
  HelperProcess& operator=(const HelperProcess&) = delete;

  // Forks and execs the helper with RLIMIT_AS = memory_limit_bytes (none
  // when 0 or under AddressSanitizer); pipe_bytes > 0 enlarges its answer
  // pipe. SIGPIPE is ignored from then on: a helper that dies while we
  // write to it must not kill the run.
  Status Start(const std::string& executable, const char* command, uint64_t memory_limit_bytes, int pipe_bytes = 0);
  // Closes the pipes, kills and reaps the helper.
  void Stop();
  bool running() const { return pid_ > 0; }
  int to_child() const { return to_child_; }
  int from_child() const { return from_child_; }

  // How the helper ended, after a request failed with `wait`: at end of
  // input it is exiting or dead, and its status is collected; the helper is
  // stopped in every case.
  struct Ending {
    bool exited = false;  // reaped: `wstatus` says how
    int wstatus = 0;
  };
  Ending Reap(Wait wait);

 private:
  pid_t pid_ = -1;
  int to_child_ = -1, from_child_ = -1;
};

}  // namespace foiamine
