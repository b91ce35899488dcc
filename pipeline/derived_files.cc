#include "pipeline/derived_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/terminal_text.h"

namespace foiamine {
namespace fs = std::filesystem;

DerivedFiles::~DerivedFiles() {
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

DocumentPath DerivedFiles::PathOf(const DropFile& parent, const DerivedDocument& d) {
  std::string name = d.relative_name;
  for (char& c : name) {
    if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '_';
  }
  DocumentPath path = parent.path;
  path.raw_bytes += "/" + name;
  path.display = EscapeForTerminal(path.raw_bytes);
  path.in_manifest = false;
  return path;
}

StatusOr<DropFile> DerivedFiles::Write(const DropFile& parent, const std::string& parent_sha256,
                                       const DerivedDocument& d) {
  const int depth = parent.derived ? parent.derived->depth + 1 : 1;
  if (depth > kMaxDerivedDepth) {
    return Status::Unsupported("found " + std::to_string(depth) + " levels deep inside other documents (more than " +
                               std::to_string(kMaxDerivedDepth) + "): not opened");
  }
  if (dir_.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "foiamine-parts-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) {
      return Status::IoError(std::string("cannot create a private temporary folder: ") + std::strerror(errno));
    }
    dir_ = tmpl;
  }
  const fs::path out = dir_ / std::to_string(++count_);
  int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError(std::string("cannot write it to the temporary folder: ") + std::strerror(errno));
  const char* p = d.bytes.data();
  size_t left = d.bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return Status::IoError("cannot write it to the temporary folder: " + why);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  ::close(fd);
  DropFile file;
  file.absolute = out;
  file.path = PathOf(parent, d);
  auto from = std::make_shared<DerivedFrom>();
  from->parent_sha256 = parent_sha256;
  from->seq = d.seq;
  from->name = d.name;
  from->kind = d.kind;
  from->parent_date = d.parent_date;
  from->depth = depth;
  file.derived = std::move(from);
  return file;
}

}  // namespace foiamine
