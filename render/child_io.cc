#include "render/child_io.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "base/cancel.h"

namespace foiamine {

bool WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool ReadAll(int fd, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

Wait ReadBefore(int fd, void* data, size_t size, HelperClock::time_point deadline) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    if (CancelRequested()) return Wait::kCancelled;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - HelperClock::now()).count();
    if (left <= 0) return Wait::kTimeout;
    pollfd pfd{fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left, 100)));
    if (ready < 0 && errno != EINTR) return Wait::kEof;
    if (ready <= 0) continue;
    ssize_t n = ::read(fd, p, size);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return Wait::kEof;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return Wait::kOk;
}

Status HelperProcess::Start(const std::string& executable, const char* command, uint64_t memory_limit_bytes,
                            int pipe_bytes) {
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
  Stop();
  int down[2], up[2];
  if (::pipe2(down, O_CLOEXEC) != 0) return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  if (::pipe2(up, O_CLOEXEC) != 0) {
    ::close(down[0]);
    ::close(down[1]);
    return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  }
  if (pipe_bytes > 0) ::fcntl(up[1], F_SETPIPE_SZ, pipe_bytes);
  // Prepared before fork: the child makes only async-signal-safe calls until exec.
  const char* argv[] = {executable.c_str(), command, nullptr};
  const rlimit memory{memory_limit_bytes, memory_limit_bytes};
  const bool limit_memory = !kUnderAsan && memory_limit_bytes > 0;
  const pid_t pid = ::fork();
  if (pid < 0) {
    for (int fd : {down[0], down[1], up[0], up[1]}) ::close(fd);
    return Status::Internal(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    if (::dup2(down[0], STDIN_FILENO) < 0 || ::dup2(up[1], STDOUT_FILENO) < 0) ::_exit(127);
    if (limit_memory) ::setrlimit(RLIMIT_AS, &memory);
    ::execv(argv[0], const_cast<char* const*>(argv));
    ::_exit(127);
  }
  ::close(down[0]);
  ::close(up[1]);
  pid_ = pid;
  to_child_ = down[1];
  from_child_ = up[0];
  return Status::Ok();
}

void HelperProcess::Stop() {
  if (to_child_ >= 0) ::close(to_child_);
  if (from_child_ >= 0) ::close(from_child_);
  to_child_ = from_child_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int wstatus = 0;
    while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
}

HelperProcess::Ending HelperProcess::Reap(Wait wait) {
  Ending ending;
  if (wait == Wait::kEof && pid_ > 0) {
    // It closed its end: it is exiting or dead; collect how.
    while (::waitpid(pid_, &ending.wstatus, 0) < 0 && errno == EINTR) {
    }
    ending.exited = true;
    pid_ = -1;
  }
  Stop();
  return ending;
}

}  // namespace foiamine
