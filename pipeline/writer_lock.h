// One writer per index.
//
// SQLite serializes transactions, not runs: a second `run` on an index
// being written redid all OCR and then failed every document on a UNIQUE
// constraint. A run or merge therefore takes the index's writer lock first:
// an flock(2) on INDEX.db-lock (beside the -wal and -shm files), which holds
// the owner's pid as text. The kernel drops the lock when the owner exits,
// however it exits (kill -9 included), so a stale file never blocks a run.
// Readers (search, status, ...) take no lock: WAL lets them read while a
// run writes.
#pragma once

#include <string>

#include "base/status.h"

namespace foiamine {

class WriterLock {
 public:
  // Takes the lock of the index at `db_path` without waiting. kUnsupported
  // (with a message naming the other run's pid) when another process holds
  // it; kIoError when the lock file cannot be created.
  static StatusOr<WriterLock> Acquire(const std::string& db_path);

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  ~WriterLock();  // releases the lock and removes the file

 private:
  WriterLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

// The lock file of the index at `db_path`.
std::string WriterLockPath(const std::string& db_path);

}  // namespace foiamine
