// Reading ZIP archives in place (libarchive), for both sides of foiamine: the
// batch side opens a ZIP drop (pipeline/zip_drop.h); the query side re-hashes
// a document that is an entry of one (`verify`, `cite`) without writing it
// anywhere. Built as its own library (foiamine_zip), so that what does not
// read ZIPs does not link libarchive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "base/status.h"

struct archive;
struct archive_entry;

namespace foiamine {

struct ZipLimits {
  double max_ratio = 100.0;                         // uncompressed : compressed
  uint64_t ratio_floor_bytes = uint64_t{100} << 20; // the ratio only counts past 100 MiB
  uint64_t max_entry_bytes = uint64_t{4} << 30;     // 4 GiB per entry
  uint64_t max_total_bytes = uint64_t{16} << 30;    // 16 GiB per archive
  uint64_t max_entries = 1'000'000;
};

// True when the file at `path` starts like a ZIP archive (by content).
bool IsZipFile(const std::filesystem::path& path);

// A libarchive reader, freed on destruction.
struct ArchiveReadFree {
  void operator()(archive* a) const;
};
using ArchiveReader = std::unique_ptr<archive, ArchiveReadFree>;

// A reader of `zip`, opened; null with `error` set when libarchive cannot.
// The seekable reader: it trusts the central directory, which is where ZIP
// keeps the file type (a symbolic link is only visible there). The
// compressed bytes an entry consumes are measured as it is inflated.
ArchiveReader OpenZipReader(const std::filesystem::path& zip, std::string& error);

// libarchive converts entry names to the character set of the current
// locale, and gives no name at all when it cannot: under the C locale
// (foiamine never calls setlocale) every non-ASCII name flagged UTF-8, as
// Python, Windows and 7-Zip write them, was "an empty name". While one of
// these is alive, this thread's locale is C.UTF-8 (uselocale: the process
// and other threads keep theirs), so such names arrive as UTF-8 and
// unflagged names as their stored bytes. Hold one while an archive is read.
class ZipNameLocaleScope {
 public:
  ZipNameLocaleScope();
  ~ZipNameLocaleScope();
  ZipNameLocaleScope(const ZipNameLocaleScope&) = delete;
  ZipNameLocaleScope& operator=(const ZipNameLocaleScope&) = delete;

 private:
  void* utf8_ = nullptr;      // locale_t
  void* previous_ = nullptr;  // locale_t
};

// libarchive's message for the last error on `a`; never null (libarchive
// gives none for some damaged archives: a null there crashed `run`, found by
// fuzz/zip_fuzz.cc).
std::string ZipError(archive* a);

// An entry's name: as UTF-8 when libarchive can say it so, else the bytes
// as stored.
std::string ZipEntryName(archive_entry* entry);

// The SHA-256 of the entry `name` of the archive `zip`, read in place (never
// written to disk): how `verify` and `cite` check a document found in a ZIP
// drop. kNotFound when the archive has no such entry (or it is no longer a
// readable ZIP); an entry inflating past limits.max_entry_bytes is refused.
StatusOr<std::string> ZipEntrySha256(const std::filesystem::path& zip, const std::string& name,
                                     const ZipLimits& limits = {});

}  // namespace foiamine
