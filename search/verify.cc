#include "search/verify.h"

#include <filesystem>
#include <ostream>

#include "base/sha256.h"
#include "base/zip_reader.h"

namespace foiamine {
namespace fs = std::filesystem;

FileCheck CheckSource(const std::string& drop_root, const std::string& path_bytes, const std::string& display_path,
                      const std::string& indexed_sha256) {
  FileCheck check;
  check.drop_root = drop_root;
  check.path = display_path;
  check.indexed_sha256 = indexed_sha256;
  std::error_code ec;
  StatusOr<std::string> hash = Status::NotFound("");
  if (fs::is_regular_file(drop_root, ec) && IsZipFile(drop_root)) {
    // A ZIP drop: the document is an entry of the archive, not a file on disk.
    hash = ZipEntrySha256(drop_root, path_bytes);
  } else {
    const fs::path full = fs::path(drop_root) / fs::path(path_bytes);
    if (fs::exists(fs::symlink_status(full, ec)) && fs::is_regular_file(full, ec)) hash = Sha256File(full);
  }
  if (!hash.ok()) {
    const bool gone = hash.status().code() == Status::Code::kNotFound;
    check.state = gone ? FileCheck::State::kVanished : FileCheck::State::kUnreadable;
    check.detail = hash.status().message();
  } else {
    check.current_sha256 = *hash;
    check.state = *hash == indexed_sha256 ? FileCheck::State::kOk : FileCheck::State::kChanged;
  }
  return check;
}

namespace {

// A document found inside another (an e-mail's attachment, a mailbox's
// message: schemas/index.sql, attachments) has no file of its own; its
// path is its container's, then "/NAME". It is intact when its container
// is (its bytes are decoded from the container's), so the container is
// checked instead, up through nested containers.
StatusOr<FileCheck> CheckContained(IndexReader& index, FileCheck check, const std::string& path_bytes) {
  auto parent = index.db().Prepare(
      "SELECT a.parent_sha256 FROM attachments a JOIN documents d ON d.id=a.document_id WHERE d.sha256=? LIMIT 1");
  if (!parent.ok()) return parent.status();
  std::string sha = check.indexed_sha256, bytes = path_bytes, display = check.path;
  for (int depth = 0; depth < 8 && check.state == FileCheck::State::kVanished; ++depth) {
    parent->Reset();
    parent->Bind(1, sha);
    if (!parent->Step()) {
      if (!parent->status().ok()) return parent->status();
      break;
    }
    sha = parent->Text(0);
    const size_t slash = bytes.rfind('/'), shown = display.rfind('/');
    if (slash == std::string::npos || shown == std::string::npos) break;
    bytes.resize(slash);
    display.resize(shown);
    FileCheck container = CheckSource(check.drop_root, bytes, display, sha);
    check.state = container.state;
    check.current_sha256 = container.state == FileCheck::State::kOk ? check.indexed_sha256 : container.current_sha256;
    check.detail = "found inside " + display + (container.detail.empty() ? "" : ": " + container.detail);
  }
  return check;
}

}  // namespace

StatusOr<VerifyReport> VerifySources(IndexReader& index) {
  auto stmt = index.db().Prepare(
      "SELECT f.drop_root, f.path, f.path_bytes, d.sha256 FROM files f JOIN documents d ON d.id=f.document_id "
      "ORDER BY f.drop_root, f.path");
  if (!stmt.ok()) return stmt.status();
  VerifyReport report;
  Status status;
  while (stmt->Step(&status)) {
    FileCheck check = CheckSource(stmt->Text(0), stmt->Blob(2), stmt->Text(1), stmt->Text(3));
    if (check.state == FileCheck::State::kVanished) {
      auto contained = CheckContained(index, check, stmt->Blob(2));
      if (!contained.ok()) return contained.status();
      check = std::move(*contained);
    }
    switch (check.state) {
      case FileCheck::State::kOk: ++report.ok; break;
      case FileCheck::State::kChanged: ++report.changed; break;
      case FileCheck::State::kVanished: ++report.vanished; break;
      case FileCheck::State::kUnreadable: ++report.unreadable; break;
    }
    report.files.push_back(std::move(check));
  }
  if (!status.ok()) return status;
  return report;
}

void PrintVerifyReport(const VerifyReport& r, bool list_all, std::ostream& out) {
  for (const auto& f : r.files) {
    const std::string where = (fs::path(f.drop_root) / f.path).string();
    switch (f.state) {
      case FileCheck::State::kOk:
        if (list_all) out << "ok        " << where << "\n";
        break;
      case FileCheck::State::kChanged:
        out << "CHANGED   " << where << "\n          indexed " << f.indexed_sha256 << "\n          now     "
            << f.current_sha256 << "\n";
        break;
      case FileCheck::State::kVanished:
        out << "VANISHED  " << where << "  (indexed " << f.indexed_sha256 << ")"
            << (f.detail.empty() ? "" : ": " + f.detail) << "\n";
        break;
      case FileCheck::State::kUnreadable:
        out << "UNREADABLE " << where << ": " << f.detail << "\n";
        break;
    }
  }
  out << r.files.size() << " file" << (r.files.size() == 1 ? "" : "s") << " checked: " << r.ok << " unchanged, "
      << r.changed << " changed, " << r.vanished << " vanished";
  if (r.unreadable) out << ", " << r.unreadable << " unreadable";
  out << "\n";
}

}  // namespace foiamine
