// Office Open XML packages (.docx, .xlsx): ZIP archives of XML parts.
//
// Untrusted input: the parts are read with libarchive straight from the
// archive under the same kind of budget as a ZIP drop (pipeline/zip_drop.h):
// a part larger than kMaxPartBytes, a package inflating past kMaxTotalBytes
// in all, one inflating past 1 MiB at more than 100:1 (a zip bomb), or more
// than kMaxParts entries is refused, naming the part. Only XML parts are
// read (.xml, .rels); media (images) are skipped unread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "base/status.h"
#include "pipeline/file_type.h"

namespace foiamine {

inline constexpr uint64_t kMaxPartBytes = uint64_t{64} << 20;
inline constexpr uint64_t kMaxPackageXmlBytes = uint64_t{256} << 20;
inline constexpr uint64_t kMaxParts = 10000;

struct OoxmlPackage {
  std::map<std::string, std::string> parts;  // part name ("word/document.xml") -> bytes
  const std::string* Find(const std::string& name) const {
    auto it = parts.find(name);
    return it == parts.end() ? nullptr : &it->second;
  }
};

// Reads the XML parts of the package at `path`. kCorrupt when it is not a
// readable ZIP or a part is damaged; kUnsupported when a bound is passed.
StatusOr<OoxmlPackage> ReadOoxmlPackage(const std::filesystem::path& path);

// kDocx when the ZIP at `path` holds word/document.xml, kXlsx when it holds
// xl/workbook.xml, else kZip (an archive). Reads only the central directory.
FileType DetectPackageType(const std::filesystem::path& path);

// "../media/x.png" relative to "word/" etc.: the part name a relationship's
// Target names from the part folder `base` ("xl/"); "/xl/x.xml" is absolute.
std::string ResolvePartName(const std::string& base, const std::string& target);

}  // namespace foiamine
