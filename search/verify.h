// `foiamine verify`: is every source file still the file that was indexed?
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "index/reader.h"
#include "base/status.h"

namespace foiamine {

struct FileCheck {
  enum class State { kOk, kChanged, kVanished, kUnreadable };
  std::string drop_root, path;     // as indexed (path relative to drop_root, display form)
  std::string indexed_sha256;
  std::string current_sha256;      // empty unless the file could be hashed
  std::string detail;              // why unreadable
  State state = State::kOk;
};

struct VerifyReport {
  std::vector<FileCheck> files;  // every `files` row, ordered by drop_root, path
  int ok = 0, changed = 0, vanished = 0, unreadable = 0;
  bool all_match() const { return changed == 0 && vanished == 0 && unreadable == 0; }
};

// Re-hashes one indexed file: drop_root/path_bytes, or, when drop_root is a
// ZIP drop, the entry path_bytes inside that archive (read in place). The
// result's drop_root, path and indexed_sha256 are as given.
FileCheck CheckSource(const std::string& drop_root, const std::string& path_bytes, const std::string& display_path,
                      const std::string& indexed_sha256);

// Re-hashes (SHA-256) every file the index knows (CheckSource).
StatusOr<VerifyReport> VerifySources(IndexReader& index);

// One line per file that does not match, then a summary line.
void PrintVerifyReport(const VerifyReport& report, bool list_all, std::ostream& out);

}  // namespace foiamine
