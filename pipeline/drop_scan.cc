#include "pipeline/drop_scan.h"

#include <algorithm>

#include "base/terminal_text.h"
#include "base/zip_reader.h"
#include "pipeline/drop_links.h"
#include "pipeline/ooxml_package.h"

namespace foiamine {
namespace fs = std::filesystem;

DocumentPath MakeDocumentPath(const fs::path& root, const fs::path& relative) {
  DocumentPath p;
  p.drop_root = root.string();
  p.raw_bytes = relative.generic_string();
  p.display = EscapeForTerminal(p.raw_bytes);  // base/terminal_text.h
  return p;
}

namespace {

// Walks `dir` recursively in byte order of names; does not follow links to
// directories (loops), does follow links to files that stay inside the drop.
void Walk(const fs::path& root, const fs::path& relative, DropScan& scan) {
  std::error_code ec;
  fs::directory_iterator it(root / relative, ec);
  if (ec) {
    scan.unreadable.emplace_back(MakeDocumentPath(root, relative.empty() ? fs::path(".") : relative),
                                 "cannot list directory: " + ec.message());
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename().native() < b.path().filename().native(); });
  for (const auto& entry : entries) {
    fs::path name = entry.path().filename();
    fs::path rel = relative / name;
    if (name.native().front() == '.') {
      ++scan.hidden_skipped;
      continue;
    }
    if (relative.empty() && IsManifestName(name.native())) continue;
    std::error_code type_ec;
    bool is_link = entry.is_symlink(type_ec);
    if (entry.is_directory(type_ec)) {
      if (!is_link) Walk(root, rel, scan);
      continue;
    }
    if (entry.is_regular_file(type_ec)) {
      // A link is followed only to a file inside the drop (pipeline/drop_links.h).
      if (is_link && !LinkStaysInside(root, entry.path())) {
        scan.unreadable.emplace_back(MakeDocumentPath(root, rel), kLinkLeavesDrop);
        continue;
      }
      scan.files.push_back(DropFile{entry.path(), MakeDocumentPath(root, rel), nullptr});
    }
  }
}

// A ZIP drop (pipeline/zip_drop.h): its accepted entries become the drop's
// files (drop_root = the archive, relative path = the entry's name), its
// refused entries failures, and a root manifest.csv/json its manifest.
// Returns the ZipDrop, which must outlive the processing of scan.files.
std::optional<ZipDrop> ScanZipDrop(const fs::path& zip_path, DropScan& scan, Manifest& manifest,
                                   std::vector<std::string>& warnings) {
  auto zip = ZipDrop::Open(zip_path);
  if (!zip.ok()) {
    scan.unreadable.emplace_back(MakeDocumentPath(zip_path.parent_path(), zip_path.filename()), zip.status().message());
    return std::nullopt;
  }
  for (const auto& refusal : zip->refusals()) scan.unreadable.emplace_back(MakeDocumentPath(zip_path, refusal.name), refusal.reason);
  auto loaded = LoadManifest(zip->dir());
  if (loaded.ok()) manifest = std::move(loaded.value());
  else warnings.push_back(loaded.status().message() + " (manifest ignored)");
  for (const auto& entry : zip->entries()) {
    if (entry.name.find('/') == std::string::npos && IsManifestName(entry.name)) continue;
    scan.files.push_back(DropFile{entry.extracted, MakeDocumentPath(zip_path, entry.name), nullptr});
  }
  return std::move(zip.value());
}

}  // namespace

ScannedDrop ScanDrop(const std::string& drop) {
  ScannedDrop out;
  fs::path drop_path = fs::absolute(drop).lexically_normal();
  if (drop_path.has_filename() == false) drop_path = drop_path.parent_path();
  std::error_code ec;
  // A .docx / .xlsx is a ZIP package but a document, not a drop of files.
  if (!fs::is_directory(drop_path, ec) && IsZipFile(drop_path) && DetectPackageType(drop_path) == FileType::kZip) {
    out.zip = ScanZipDrop(drop_path, out.scan, out.manifest, out.warnings);
  } else if (fs::is_directory(drop_path, ec)) {
    auto loaded = LoadManifest(drop_path);
    if (loaded.ok()) {
      out.manifest = std::move(loaded.value());
    } else {
      out.warnings.push_back(loaded.status().message() + " (manifest ignored)");
    }
    Walk(drop_path, fs::path(), out.scan);
  } else {
    out.scan.files.push_back(DropFile{drop_path, MakeDocumentPath(drop_path.parent_path(), drop_path.filename()), nullptr});
  }
  return out;
}


}  // namespace foiamine
