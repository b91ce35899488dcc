// ZIP drops: `foiamine run PRODUCTION.zip --db INDEX.db`.
//
// A DROP argument whose bytes are a ZIP archive is a drop in itself: its
// entries are the drop's files, their paths inside the archive are the
// drop-relative paths, and a manifest.csv / manifest.json at the archive's
// root is the drop's manifest. (A ZIP found *inside* a folder drop is not
// opened: it is recorded as a failure asking for it to be passed as its own
// DROP, so that every document keeps one unambiguous drop-relative path.)
//
// Entries are read with libarchive straight from the archive. Because the
// text stage isolates Poppler in a child process that takes a path, each
// accepted entry is written once into a private temporary directory (0700,
// created with mkdtemp, removed when the ZipDrop is destroyed); nothing is
// ever written outside it, and entry names never reach the file system
// before they are checked.
//
// Refused entries (each with a reason naming the entry):
//   * absolute paths ("/etc/passwd", "C:\x", "\\server\x"), a ".." component,
//     empty names or names with control characters;
//   * symbolic links, hard links, devices, FIFOs; encrypted entries;
//   * zip bombs: an entry that inflates past `ratio_floor_bytes` at more than
//     `max_ratio`:1 (measured while inflating, so lying headers do not help),
//     an entry larger than `max_entry_bytes`, or entries past the total bound
//     `max_total_bytes` of the whole archive;
//   * a second entry with the same name.
// Directories are implied by their files; hidden entries (a component that
// starts with '.') and macOS "__MACOSX/" metadata are skipped.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/status.h"

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

class ZipDrop {
 public:
  struct Entry {
    std::string name;                  // path inside the archive, '/'-separated
    std::filesystem::path extracted;   // where its bytes are, inside dir()
  };
  struct Refusal {
    std::string name;    // the entry's name as stored in the archive
    std::string reason;  // e.g. "ZIP entry '../x.pdf' refused: its path leaves the drop ('..')"
  };

  // Reads the whole archive. An archive that cannot be read at all is an
  // error (kCorrupt / kIoError); bad entries are refusals, not errors.
  static StatusOr<ZipDrop> Open(const std::filesystem::path& zip, const ZipLimits& limits = {});

  ZipDrop(ZipDrop&& other) noexcept;
  ZipDrop& operator=(ZipDrop&& other) noexcept;  // removes this drop's folder first
  ZipDrop(const ZipDrop&) = delete;
  ~ZipDrop();  // removes dir()

  // Accepted entries in archive order (the manifest, if any, is among them
  // and also available at dir()/manifest.*).
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<Refusal>& refusals() const { return refusals_; }
  // The private directory the accepted entries were written to: a drop
  // folder whose relative paths are the entries' names.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  ZipDrop() = default;
  std::filesystem::path dir_;
  std::vector<Entry> entries_;
  std::vector<Refusal> refusals_;
};

// The SHA-256 of the entry `name` of the archive `zip`, read in place (never
// written to disk): how `verify` and `cite` check a document found in a ZIP
// drop. kNotFound when the archive has no such entry (or it is no longer a
// readable ZIP); an entry inflating past limits.max_entry_bytes is refused.
StatusOr<std::string> ZipEntrySha256(const std::filesystem::path& zip, const std::string& name,
                                     const ZipLimits& limits = {});

// The check applied to every entry name; returns an empty string when the
// name is acceptable, else why not ("an absolute path", ...).
std::string CheckZipEntryName(const std::string& name);

}  // namespace foiamine
