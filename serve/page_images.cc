#include "serve/page_images.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <linux/close_range.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "search/cite.h"
#include "search/verify.h"

namespace foiamine::serve {
namespace fs = std::filesystem;

namespace {

bool WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// A render child's address space: room for the largest page the pixel bound
// lets through, and Poppler's own needs. Not under AddressSanitizer, whose
// shadow memory needs terabytes of address space.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif
constexpr rlim_t kChildAddressSpace = rlim_t{3} << 30;

}  // namespace

StatusOr<std::string> RunBounded(const std::function<StatusOr<std::string>()>& draw, int timeout_seconds,
                                 double* child_cpu_ms) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::Internal("cannot make a pipe for the renderer");
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::Internal("cannot start the renderer (fork failed)");
  }
  if (pid == 0) {
    // Only the answer pipe stays open: a sibling render's pipe inherited here
    // would hold back its end-of-answer until this child exits.
    int out = fds[1];
    if (out != 3) {
      dup2(out, 3);
      out = 3;
    }
    close_range(4, ~0U, 0);
    // The server blocks SIGINT/SIGTERM in its threads; a render may die of
    // them (Ctrl-C), and of its CPU limit should it outlive the server.
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_UNBLOCK, &all, nullptr);
    rlimit cpu{static_cast<rlim_t>(timeout_seconds) + 1, static_cast<rlim_t>(timeout_seconds) + 2};
    setrlimit(RLIMIT_CPU, &cpu);
    if (kLimitAddressSpace) {
      rlimit as{kChildAddressSpace, kChildAddressSpace};
      setrlimit(RLIMIT_AS, &as);
    }
    StatusOr<std::string> drawn = draw();
    // Answer: u32 code (0 ok), u64 size, bytes (the PNG, or the message).
    const uint32_t code = drawn.ok() ? 0 : static_cast<uint32_t>(drawn.status().code());
    const std::string& bytes = drawn.ok() ? drawn.value() : drawn.status().message();
    const uint64_t size = bytes.size();
    const bool sent = WriteAll(out, &code, sizeof code) && WriteAll(out, &size, sizeof size) &&
                      WriteAll(out, bytes.data(), bytes.size());
    _exit(sent ? 0 : 1);
  }
  close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  std::string answer;
  bool timed_out = false;
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline is checked above
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of the answer (or the child died)
    answer.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int wstatus = 0;
  rusage usage{};
  while (wait4(pid, &wstatus, 0, &usage) < 0 && errno == EINTR) {
  }
  if (child_cpu_ms) {
    *child_cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                    (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  }
  if (timed_out) {
    return Status::Cancelled("drawing the page took longer than " + std::to_string(timeout_seconds) +
                             " s and was stopped (a PDF that makes Poppler work without end?)");
  }
  uint32_t code = 0;
  uint64_t size = 0;
  if (answer.size() < sizeof code + sizeof size) {
    return Status::Internal(std::string("the renderer died") +
                            (WIFSIGNALED(wstatus) ? " (signal " + std::to_string(WTERMSIG(wstatus)) + ")" : "") +
                            ": the file may be hostile or too large to draw");
  }
  std::memcpy(&code, answer.data(), sizeof code);
  std::memcpy(&size, answer.data() + sizeof code, sizeof size);
  std::string bytes = answer.substr(sizeof code + sizeof size);
  if (bytes.size() != size) return Status::Internal("the renderer's answer was cut short");
  switch (static_cast<Status::Code>(code)) {
    case Status::Code::kOk: return bytes;
    case Status::Code::kNotFound: return Status::NotFound(bytes);
    case Status::Code::kCorrupt: return Status::Corrupt(bytes);
    case Status::Code::kUnsupported: return Status::Unsupported(bytes);
    case Status::Code::kIoError: return Status::IoError(bytes);
    default: return Status::Internal(bytes);
  }
}

PageImages::PageImages(size_t cache_bytes, int timeout_seconds)
    : cache_bytes_(cache_bytes), timeout_seconds_(timeout_seconds) {}

std::shared_ptr<const std::string> PageImages::Lookup(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void PageImages::Store(const std::string& key, std::shared_ptr<const std::string> png) {
  std::lock_guard<std::mutex> lock(mu_);
  if (png->size() > cache_bytes_ || by_key_.count(key)) return;
  used_bytes_ += png->size();
  lru_.emplace_front(key, std::move(png));
  by_key_[key] = lru_.begin();
  while (used_bytes_ > cache_bytes_ && !lru_.empty()) {
    used_bytes_ -= lru_.back().second->size();
    by_key_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

namespace {

// The document's file as the index knows it: the first path whose bytes
// still hash to the document's SHA-256.
struct Source {
  fs::path path;
  std::string file_type;
  double width_pt = 0, height_pt = 0;
};

StatusOr<Source> FindSource(IndexReader& index, const std::string& sha256, int page) {
  auto doc = index.db().Prepare(
      "SELECT d.id, d.file_type, p.page_no, coalesce(p.width_pt,0), coalesce(p.height_pt,0) FROM documents d "
      "LEFT JOIN pages p ON p.document_id=d.id AND p.page_no=?2 WHERE d.sha256=?1");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, sha256).Bind(2, page);
  Status status;
  if (!doc->Step(&status)) return status.ok() ? Status::NotFound("no document with SHA-256 " + sha256) : status;
  if (doc->IsNull(2)) return Status::NotFound("the document has no page " + std::to_string(page));
  Source out;
  const int64_t document_id = doc->Int(0);
  out.file_type = doc->Text(1);
  out.width_pt = doc->Real(3);
  out.height_pt = doc->Real(4);
  if (out.file_type == "text" || out.file_type == "xml") {
    return Status::Unsupported("the document is a " + out.file_type + " file: it has no page picture (its text is beside)");
  }
  auto files = index.db().Prepare("SELECT drop_root, path, path_bytes FROM files WHERE document_id=?1 ORDER BY id");
  if (!files.ok()) return files.status();
  files->Bind(1, document_id);
  std::string changed;
  while (files->Step(&status)) {
    const fs::path full = fs::path(files->Text(0)) / fs::path(files->Blob(2));
    std::error_code ec;
    if (!fs::is_regular_file(full, ec)) continue;
    const FileCheck check = CheckSource(files->Text(0), files->Blob(2), files->Text(1), sha256);
    if (check.state == FileCheck::State::kOk) {
      out.path = full;
      return out;
    }
    if (check.state == FileCheck::State::kChanged) changed = files->Text(1);
  }
  if (!status.ok()) return status;
  if (!changed.empty()) return Status::Corrupt(changed + " changed since it was indexed: its picture is not drawn");
  return Status::NotFound("the document's file is not on disk any more (or only inside a ZIP drop)");
}

// The dpi that draws a page about kPageWidthPx wide, within kMaxPagePixels.
int DisplayDpi(double width_pt, double height_pt) {
  if (width_pt <= 0 || height_pt <= 0) return 100;
  double dpi = kPageWidthPx * 72.0 / width_pt;
  const double pixels = (width_pt * dpi / 72.0) * (height_pt * dpi / 72.0);
  if (pixels > kMaxPagePixels) dpi *= std::sqrt(kMaxPagePixels / pixels);
  return std::clamp(static_cast<int>(dpi), 18, 200);
}

}  // namespace

StatusOr<PageImage> PageImages::Page(IndexReader& index, const std::string& sha256, int page,
                                     const std::string& clause_id) {
  const std::string key = sha256 + "/" + std::to_string(page) + "/" + clause_id;
  if (auto png = Lookup(key)) return PageImage{std::move(png), true};
  std::vector<PointBox> boxes;
  if (!clause_id.empty()) {
    auto cited = ReadClauseCitation(index, clause_id);
    if (!cited.ok()) return cited.status();
    if (cited->clause.doc_sha256 != sha256) return Status::NotFound("clause " + clause_id + " is not in this document");
    if (cited->clause.page == page) boxes = cited->line_boxes;
    for (const auto& more : cited->continuation) {
      if (more.page == page) boxes = more.line_boxes;
    }
  }
  auto source = FindSource(index, sha256, page);
  if (!source.ok()) return source.status();
  if (!renders_.try_acquire_for(std::chrono::seconds(timeout_seconds_))) {
    return Status::Cancelled("the server is busy drawing other pages; retry");
  }
  const Source s = *source;
  double cpu_ms = 0;
  auto png = RunBounded(
      [&] {
        return RenderPagePng(s.path, s.file_type, page, s.width_pt, boxes, DisplayDpi(s.width_pt, s.height_pt),
                             kPageWidthPx);
      },
      timeout_seconds_, &cpu_ms);
  renders_.release();
  if (!png.ok()) return png.status();
  auto shared = std::make_shared<const std::string>(std::move(*png));
  Store(key, shared);
  return PageImage{std::move(shared), false, cpu_ms};
}

StatusOr<std::string> PageImages::Exhibit(IndexReader& index, const std::string& clause_id) {
  auto cited = ReadClauseCitation(index, clause_id);
  if (!cited.ok()) return cited.status();
  if (cited->changed) return Status::Corrupt(cited->changed_detail + ": no exhibit is drawn from a changed file");
  const fs::path tmp = fs::temp_directory_path() /
                       ("foiamine-exhibit-" + std::to_string(getpid()) + "-" + clause_id + "-" +
                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".png");
  if (!renders_.try_acquire_for(std::chrono::seconds(timeout_seconds_))) {
    return Status::Cancelled("the server is busy drawing other pages; retry");
  }
  const ClauseCitation c = *cited;
  auto png = RunBounded(
      [&]() -> StatusOr<std::string> {
        auto written = WriteExhibit(c, tmp, ExhibitOptions{});
        if (!written.ok()) return written.status();
        std::ifstream in(tmp, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
      },
      timeout_seconds_);
  renders_.release();
  std::error_code ec;
  fs::remove(tmp, ec);
  return png;
}

}  // namespace foiamine::serve
