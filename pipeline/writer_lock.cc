#include "pipeline/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace foiamine {

std::string WriterLockPath(const std::string& db_path) { return db_path + "-lock"; }

StatusOr<WriterLock> WriterLock::Acquire(const std::string& db_path) {
  const std::string path = WriterLockPath(db_path);
  // The file may be removed by its previous owner between our open and our
  // flock: then the lock we got is on a file nobody else will see. Retry
  // until the locked file is the one at `path`.
  for (int attempt = 0; attempt < 20; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return Status::IoError("cannot create the index's lock file " + path + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      char buffer[32] = {};
      const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
      ::close(fd);
      if (error != EWOULDBLOCK) {
        return Status::IoError("cannot lock the index's lock file " + path + ": " + std::strerror(error));
      }
      std::string pid = n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
      if (pid.find_first_not_of("0123456789") != std::string::npos) pid.clear();
      return Status::Unsupported("the index " + db_path + " is being written by another foiamine process" +
                                 (pid.empty() ? "" : " (pid " + pid + ")") +
                                 "; wait for it to finish (or stop it), then run again. Nothing was changed.");
    }
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // The pid is only for the other run's message: go on without it.
      }
      return WriterLock(fd, path);
    }
    ::close(fd);
  }
  return Status::IoError("cannot take the index's lock " + path + " (it keeps being replaced)");
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

WriterLock::~WriterLock() {
  if (fd_ < 0) return;
  // Removed while still held, so that a process that opened it before is
  // told to retry by the inode check above.
  ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace foiamine
