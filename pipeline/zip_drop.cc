#include "pipeline/zip_drop.h"

#include "base/terminal_text.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>

namespace foiamine {
namespace fs = std::filesystem;

namespace {

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

// Entry names in messages: shown on terminals, so made inert (base/terminal_text.h).
std::string Quote(const std::string& name) { return "'" + EscapeForTerminal(name) + "'"; }

std::string MiB(uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Hidden entries and macOS resource-fork folders are skipped, like hidden
// files in a folder drop.
bool IsHidden(const std::string& name) {
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string part = name.substr(start, end - start);
    if ((!part.empty() && part[0] == '.') || part == "__MACOSX") return true;
    start = end + 1;
  }
  return false;
}

Status WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("cannot write a ZIP entry to the temporary folder: ") + std::strerror(errno));
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

// Why `name` cannot sit beside the accepted `names`: one of its folders is
// a file, or it is a folder of one. Empty when it can.
std::string FolderClash(const std::set<std::string>& names, const std::string& name) {
  for (size_t slash = name.find('/'); slash != std::string::npos; slash = name.find('/', slash + 1)) {
    const std::string folder = name.substr(0, slash);
    if (names.count(folder)) {
      return "its folder " + Quote(folder) + " is also a file of the archive (only the first is kept)";
    }
  }
  auto after = names.lower_bound(name + "/");
  if (after != names.end() && after->compare(0, name.size() + 1, name + "/") == 0) {
    return "it is also a folder of the archive, holding " + Quote(*after) + " (only the first is kept)";
  }
  return {};
}

}  // namespace

std::string CheckZipEntryName(const std::string& name) {
  if (name.empty()) return "an empty name";
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "a control character in its name";
  }
  if (name[0] == '/' || name[0] == '\\') return "an absolute path";
  if (name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':') {
    return "an absolute path (drive letter)";
  }
  // Both separators count: an archive made on Windows may use '\'.
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0) return "a path that leaves the drop ('..')";
    start = end + 1;
  }
  return {};
}

ZipDrop::ZipDrop(ZipDrop&& other) noexcept
    : dir_(std::move(other.dir_)), entries_(std::move(other.entries_)), refusals_(std::move(other.refusals_)) {
  other.dir_.clear();
}

ZipDrop& ZipDrop::operator=(ZipDrop&& other) noexcept {
  if (this != &other) {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
    dir_ = std::move(other.dir_);
    entries_ = std::move(other.entries_);
    refusals_ = std::move(other.refusals_);
    other.dir_.clear();
  }
  return *this;
}

ZipDrop::~ZipDrop() {
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

StatusOr<ZipDrop> ZipDrop::Open(const fs::path& zip, const ZipLimits& limits) {
  ZipNameLocaleScope utf8_names;
  std::string error;
  ArchiveReader reader = OpenZipReader(zip, error);
  if (!reader) return Status::Corrupt(zip.string() + ": not a readable ZIP archive (" + error + ")");
  archive* a = reader.get();

  ZipDrop drop;
  std::string tmpl = (fs::temp_directory_path() / "foiamine-zip-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return Status::IoError(std::string("cannot create a private temporary folder: ") + std::strerror(errno));
  }
  drop.dir_ = tmpl;  // from here on, the destructor cleans up

  std::set<std::string> seen;   // names of the entries read so far
  std::set<std::string> names;  // entries accepted so far
  uint64_t total = 0, count = 0;
  std::string archive_bomb;  // set when the whole archive is refused
  std::vector<char> buffer;
  archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc == ARCHIVE_FATAL) {
      if (count == 0) return Status::Corrupt(zip.string() + ": not a readable ZIP archive (" + ZipError(a) + ")");
      drop.refusals_.push_back({"", "the rest of the archive is unreadable after " + std::to_string(count) +
                                        " entries: " + ZipError(a)});
      break;
    }
    ++count;
    std::string name = ZipEntryName(entry);
    auto refuse = [&](const std::string& why) {
      drop.refusals_.push_back({name, "ZIP entry " + Quote(name) + " refused: " + why});
    };
    if (count > limits.max_entries) {
      refuse("the archive has more than " + std::to_string(limits.max_entries) + " entries");
      break;
    }
    const mode_t type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) continue;
    if (std::string why = CheckZipEntryName(name); !why.empty()) {
      refuse(why);
      continue;
    }
    if (type == AE_IFLNK) {
      const char* target = archive_entry_symlink(entry);
      refuse(std::string("a symbolic link (to ") + Quote(target ? target : "?") + ")");
      continue;
    }
    if (archive_entry_hardlink(entry) != nullptr) {
      refuse("a hard link (to " + Quote(archive_entry_hardlink(entry)) + ")");
      continue;
    }
    if (type != AE_IFREG) {
      refuse("not a regular file (device, FIFO or socket)");
      continue;
    }
    if (IsHidden(name)) continue;
    if (archive_entry_is_encrypted(entry)) {
      refuse("encrypted (password-protected); decrypt the archive first");
      continue;
    }
    if (!seen.insert(name).second) {
      refuse("a second entry with the same name");
      continue;
    }
    if (archive_entry_size_is_set(entry) && static_cast<uint64_t>(archive_entry_size(entry)) > limits.max_entry_bytes) {
      refuse("declares " + MiB(archive_entry_size(entry)) + ", more than the " + MiB(limits.max_entry_bytes) +
             " allowed per entry");
      continue;
    }

    // Write the entry into the private folder, checking the bounds as it inflates.
    fs::path out = drop.dir_ / name;
    std::error_code ec;
    // "a" and "a/b.pdf" cannot both be: the later entry is refused, the
    // archive's other entries are not.
    if (const std::string clash = FolderClash(names, name); !clash.empty()) {
      refuse(clash);
      continue;
    }
    fs::create_directories(out.parent_path(), ec);
    if (ec) {
      if (ec == std::errc::no_space_on_device || ec == std::errc::io_error) {
        return Status::IoError("cannot extract the ZIP archive into the temporary folder: " + ec.message());
      }
      refuse("cannot be extracted: " + ec.message());
      continue;
    }
    Fd fd(::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
      refuse(std::string("cannot be extracted: ") + std::strerror(errno));
      continue;
    }
    const int64_t compressed_start = archive_filter_bytes(a, -1);
    uint64_t inflated = 0;
    std::string why;
    Status write_status;
    while (true) {
      const void* block = nullptr;
      size_t size = 0;
      la_int64_t offset = 0;
      int r = archive_read_data_block(a, &block, &size, &offset);
      if (r == ARCHIVE_EOF) break;
      if (r < ARCHIVE_WARN) {
        why = std::string("damaged (") + ZipError(a) + ")";
        break;
      }
      inflated += size;
      // Bytes of the archive consumed so far for this entry (read-ahead of
      // up to one block makes this an overestimate: in the entry's favour).
      const int64_t consumed = std::max<int64_t>(1, archive_filter_bytes(a, -1) - compressed_start);
      if (inflated > limits.ratio_floor_bytes && static_cast<double>(inflated) / consumed > limits.max_ratio) {
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.0f", static_cast<double>(inflated) / consumed);
        why = "a zip bomb: it inflates to more than " + MiB(limits.ratio_floor_bytes) + " at " + ratio +
              ":1 (more than " + std::to_string(static_cast<int>(limits.max_ratio)) + ":1)";
        break;
      }
      if (inflated > limits.max_entry_bytes) {
        why = "inflates to more than the " + MiB(limits.max_entry_bytes) + " allowed per entry";
        break;
      }
      if (total + inflated > limits.max_total_bytes) {
        why = "the archive inflates to more than " + MiB(limits.max_total_bytes) + " in all";
        break;
      }
      write_status = WriteAll(fd.get(), block, size);
      if (!write_status.ok()) break;
    }
    ::close(fd.release());
    if (!write_status.ok()) return write_status;  // the temporary folder is full: not this entry's fault
    // The archive as a whole, once an entry is read: entries each under the
    // floor add up (four 99 MiB entries of spaces in a 404 KB archive).
    const int64_t archive_read = std::max<int64_t>(1, archive_filter_bytes(a, -1));
    if (why.empty() && total + inflated > limits.ratio_floor_bytes &&
        static_cast<double>(total + inflated) / archive_read > limits.max_ratio) {
      char ratio[32];
      std::snprintf(ratio, sizeof ratio, "%.0f", static_cast<double>(total + inflated) / archive_read);
      archive_bomb = "the archive is a zip bomb: its entries inflate to more than " + MiB(limits.ratio_floor_bytes) +
                     " at " + ratio + ":1 (more than " + std::to_string(static_cast<int>(limits.max_ratio)) +
                     ":1 over the whole archive); nothing is extracted from it";
    }
    if (!archive_bomb.empty()) {
      // No entry of a bomb is indexed: remove what was extracted.
      for (const auto& done : drop.entries_) fs::remove(done.extracted, ec);
      fs::remove(out, ec);
      drop.entries_.clear();
      drop.refusals_.push_back({"", archive_bomb});
      break;
    }
    if (!why.empty()) {
      fs::remove(out, ec);
      refuse(why);
      // After the total bound, nothing more is read.
      if (total + inflated > limits.max_total_bytes) break;
      continue;
    }
    total += inflated;
    names.insert(name);
    drop.entries_.push_back({name, out});
  }
  return drop;
}

}  // namespace foiamine
