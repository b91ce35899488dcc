#include "pipeline/ooxml_package.h"

#include <archive.h>
#include <archive_entry.h>

#include <vector>

#include "base/terminal_text.h"
#include "base/zip_reader.h"

namespace foiamine {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string MiB(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

StatusOr<OoxmlPackage> ReadOoxmlPackage(const std::filesystem::path& path) {
  ZipNameLocaleScope utf8_names;
  std::string error;
  ArchiveReader reader = OpenZipReader(path, error);
  if (!reader) return Status::Corrupt("not a readable ZIP package (" + error + ")");
  archive* a = reader.get();
  OoxmlPackage package;
  uint64_t total = 0, count = 0;
  archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) return Status::Corrupt("damaged ZIP package (" + ZipError(a) + ")");
    if (++count > kMaxParts) return Status::Unsupported("more than " + std::to_string(kMaxParts) + " parts");
    const std::string name = ZipEntryName(entry);
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    if (!EndsWith(name, ".xml") && !EndsWith(name, ".rels")) continue;
    const std::string quoted = "'" + EscapeForTerminal(name) + "'";
    if (archive_entry_is_encrypted(entry)) return Status::Unsupported("part " + quoted + " is encrypted");
    const int64_t compressed_start = archive_filter_bytes(a, -1);
    std::string bytes;
    while (true) {
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      int r = archive_read_data_block(a, &block, &size, &offset);
      if (r == ARCHIVE_EOF) break;
      if (r < ARCHIVE_WARN) return Status::Corrupt("part " + quoted + " is damaged (" + ZipError(a) + ")");
      bytes.append(static_cast<const char*>(block), size);
      const int64_t consumed = std::max<int64_t>(1, archive_filter_bytes(a, -1) - compressed_start);
      if (bytes.size() > (uint64_t{1} << 20) && static_cast<double>(bytes.size()) / consumed > 100.0) {
        return Status::Unsupported("part " + quoted + " is a zip bomb (inflates past 1 MiB at more than 100:1)");
      }
      if (bytes.size() > kMaxPartBytes) {
        return Status::Unsupported("part " + quoted + " inflates past " + MiB(kMaxPartBytes));
      }
      if (total + bytes.size() > kMaxPackageXmlBytes) {
        return Status::Unsupported("the package's XML inflates past " + MiB(kMaxPackageXmlBytes));
      }
    }
    total += bytes.size();
    package.parts[name] = std::move(bytes);
  }
  if (count == 0) return Status::Corrupt("an empty ZIP package");
  return package;
}

FileType DetectPackageType(const std::filesystem::path& path) {
  ZipNameLocaleScope utf8_names;
  std::string error;
  ArchiveReader reader = OpenZipReader(path, error);
  if (!reader) return FileType::kZip;
  archive_entry* entry = nullptr;
  for (int i = 0; i < 10000; ++i) {
    if (archive_read_next_header(reader.get(), &entry) != ARCHIVE_OK) break;
    const std::string name = ZipEntryName(entry);
    if (name == "word/document.xml") return FileType::kDocx;
    if (name == "xl/workbook.xml") return FileType::kXlsx;
    archive_read_data_skip(reader.get());
  }
  return FileType::kZip;
}

std::string ResolvePartName(const std::string& base, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace foiamine
