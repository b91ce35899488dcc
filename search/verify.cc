#include "search/verify.h"

#include <filesystem>
#include <ostream>

#include "pipeline/sha256.h"

namespace foiamine {
namespace fs = std::filesystem;

StatusOr<VerifyReport> VerifySources(Index& index) {
  auto stmt = index.db().Prepare(
      "SELECT f.drop_root, f.path, f.path_bytes, d.sha256 FROM files f JOIN documents d ON d.id=f.document_id "
      "ORDER BY f.drop_root, f.path");
  if (!stmt.ok()) return stmt.status();
  VerifyReport report;
  Status status;
  while (stmt->Step(&status)) {
    FileCheck check;
    check.drop_root = stmt->Text(0);
    check.path = stmt->Text(1);
    check.indexed_sha256 = stmt->Text(3);
    fs::path full = fs::path(check.drop_root) / fs::path(stmt->Blob(2));
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(full, ec)) || !fs::is_regular_file(full, ec)) {
      check.state = FileCheck::State::kVanished;
      ++report.vanished;
    } else if (auto hash = Sha256File(full); !hash.ok()) {
      check.state = FileCheck::State::kUnreadable;
      check.detail = hash.status().message();
      ++report.unreadable;
    } else {
      check.current_sha256 = *hash;
      if (*hash == check.indexed_sha256) {
        ++report.ok;
      } else {
        check.state = FileCheck::State::kChanged;
        ++report.changed;
      }
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
        out << "VANISHED  " << where << "  (indexed " << f.indexed_sha256 << ")\n";
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
