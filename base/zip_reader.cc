#include "base/zip_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <cstring>
#include <fstream>

#include "base/sha256.h"
#include "base/terminal_text.h"

namespace foiamine {
namespace fs = std::filesystem;

void ArchiveReadFree::operator()(archive* a) const { archive_read_free(a); }

bool IsZipFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  if (!in.read(head, 4)) return false;
  return std::memcmp(head, "PK\x03\x04", 4) == 0 || std::memcmp(head, "PK\x05\x06", 4) == 0;
}

ArchiveReader OpenZipReader(const fs::path& zip, std::string& error) {
  ArchiveReader reader(archive_read_new());
  if (!reader) {
    error = "libarchive: out of memory";
    return reader;
  }
  archive_read_support_format_zip_seekable(reader.get());
  archive_read_support_filter_none(reader.get());
  if (archive_read_open_filename(reader.get(), zip.c_str(), 64 * 1024) != ARCHIVE_OK) {
    error = ZipError(reader.get());
    reader.reset();
  }
  return reader;
}

std::string ZipError(archive* a) {
  const char* why = a ? archive_error_string(a) : nullptr;
  return why ? why : "unknown libarchive error";
}

ZipNameLocaleScope::ZipNameLocaleScope() {
  locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (utf8 == static_cast<locale_t>(0)) return;
  utf8_ = utf8;
  previous_ = ::uselocale(utf8);
}

ZipNameLocaleScope::~ZipNameLocaleScope() {
  if (utf8_ == nullptr) return;
  ::uselocale(static_cast<locale_t>(previous_));
  ::freelocale(static_cast<locale_t>(utf8_));
}

std::string ZipEntryName(archive_entry* entry) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_pathname(entry)) return raw;
  return {};
}

namespace {

// Entry names in messages: shown on terminals, so made inert (base/terminal_text.h).
std::string Quote(const std::string& name) { return "'" + EscapeForTerminal(name) + "'"; }

std::string MiB(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

StatusOr<std::string> ZipEntrySha256(const fs::path& zip, const std::string& name, const ZipLimits& limits) {
  ZipNameLocaleScope utf8_names;
  std::string error;
  ArchiveReader reader = OpenZipReader(zip, error);
  if (!reader) return Status::NotFound(zip.string() + " is no longer a readable ZIP archive (" + error + ")");
  archive* a = reader.get();
  archive_entry* entry = nullptr;
  while (true) {
    const int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) return Status::NotFound(zip.string() + " has no entry " + Quote(name) + " any more");
    if (rc == ARCHIVE_FATAL) return Status::Corrupt(zip.string() + ": unreadable (" + ZipError(a) + ")");
    if (name != ZipEntryName(entry) || archive_entry_filetype(entry) != AE_IFREG) continue;
    Sha256Stream hash;
    uint64_t inflated = 0;
    while (true) {
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      const int r = archive_read_data_block(a, &block, &size, &offset);
      if (r == ARCHIVE_EOF) return hash.FinishHex();
      if (r < ARCHIVE_WARN) {
        return Status::Corrupt(zip.string() + ": entry " + Quote(name) + " is damaged (" + ZipError(a) + ")");
      }
      inflated += size;
      if (inflated > limits.max_entry_bytes) {
        return Status::Corrupt(zip.string() + ": entry " + Quote(name) + " inflates past " + MiB(limits.max_entry_bytes));
      }
      hash.Update(block, size);
    }
  }
}

}  // namespace foiamine
