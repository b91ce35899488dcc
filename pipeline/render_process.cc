#include "pipeline/render_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

#include <poppler/cpp/poppler-global.h>

#include "pipeline/cancel.h"
#include "pipeline/child_io.h"
#include "pipeline/ocr_cache.h"
#include "base/sha256.h"

namespace foiamine {
namespace {

using Clock = std::chrono::steady_clock;

enum class Wait { kOk, kEof, kTimeout, kCancelled };

// Reads exactly `size` bytes before `deadline`, watching the cancel flag.
Wait ReadBefore(int fd, void* data, size_t size, Clock::time_point deadline) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    if (CancelRequested()) return Wait::kCancelled;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return Wait::kTimeout;
    pollfd pfd{fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left, 100)));
    if (ready < 0 && errno != EINTR) return Wait::kEof;
    if (ready <= 0) continue;
    ssize_t n = ::read(fd, p, size);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) return Wait::kEof;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return Wait::kOk;
}

void PutU32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutF64(std::string& out, double v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

Status FromCode(uint32_t code, std::string message) {
  switch (static_cast<Status::Code>(code)) {
    case Status::Code::kCorrupt: return Status::Corrupt(std::move(message));
    case Status::Code::kUnsupported: return Status::Unsupported(std::move(message));
    case Status::Code::kIoError: return Status::IoError(std::move(message));
    case Status::Code::kInvalidArgument: return Status::InvalidArgument(std::move(message));
    case Status::Code::kNotFound: return Status::NotFound(std::move(message));
    default: return Status::Internal(std::move(message));
  }
}

RenderedPage Describe(PageImage image) {
  RenderedPage page;
  const double w = pixGetWidth(image.pix.get()), h = pixGetHeight(image.pix.get());
  page.width_pt = w * 72.0 / image.dpi;
  page.height_pt = h * 72.0 / image.dpi;
  page.image_sha256 = PageImageSha256(image);
  page.blank = IsBlankPageImage(image);
  page.image = std::move(image);
  return page;
}

// A first look at kPreviewDpi: a page on which nothing at all is drawn
// (every preview pixel pure white) is blank at any resolution, and is not
// rendered at full size (0.07 s and 8 MB a page, 40 of them in a scan of
// blank sheets). Anything drawn, however faint, leaves a pixel under 255 in
// the anti-aliased preview, and the page is rendered in full.
constexpr int kPreviewDpi = 36;

bool AllWhite(const PageImage& image) {
  PIX* pix = image.pix.get();
  if (!pix || pixGetDepth(pix) != 8) return false;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(pix);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (GET_DATA_BYTE(line, x) != 255) return false;
    }
  }
  return true;
}

StatusOr<RenderedPage> RenderForOcr(const std::filesystem::path& path, int page_index, int dpi) {
  auto preview = RenderPdfPage(path, page_index, std::min(dpi, kPreviewDpi));
  if (preview.ok() && AllWhite(*preview)) {
    RenderedPage page;
    page.blank = true;
    page.width_pt = pixGetWidth(preview->pix.get()) * 72.0 / preview->dpi;
    page.height_pt = pixGetHeight(preview->pix.get()) * 72.0 / preview->dpi;
    page.image.dpi = dpi;
    char size[64];
    std::snprintf(size, sizeof size, "%.1fx%.1fpt@%d", page.width_pt, page.height_pt, dpi);
    page.image_sha256 = Sha256Hex(std::string("blank page ") + size);
    return page;
  }
  auto image = RenderPdfPage(path, page_index, dpi);
  if (!image.ok()) return image.status();
  return Describe(std::move(image.value()));
}

}  // namespace

bool IsBlankPageImage(const PageImage& image) {
  PIX* pix = image.pix.get();
  if (!pix || pixGetDepth(pix) != 8) return false;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(pix);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (GET_DATA_BYTE(line, x) < kBlankPageGray) return false;
    }
  }
  return true;
}

RenderProcess::RenderProcess(RenderLimits limits) : limits_(std::move(limits)) {}

RenderProcess::~RenderProcess() { Stop(); }

Status RenderProcess::Start() {
  // A helper that dies while we write to it must not kill the run.
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });
  int down[2], up[2];
  if (::pipe2(down, O_CLOEXEC) != 0) return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  if (::pipe2(up, O_CLOEXEC) != 0) {
    ::close(down[0]);
    ::close(down[1]);
    return Status::Internal(std::string("pipe: ") + std::strerror(errno));
  }
  // Prepared before fork: the child makes only async-signal-safe calls until exec.
  const char* argv[] = {limits_.helper_executable.c_str(), "__render-pages", nullptr};
  const rlimit memory{limits_.memory_limit_bytes, limits_.memory_limit_bytes};
  const bool limit_memory = !kUnderAsan && limits_.memory_limit_bytes > 0;
  const pid_t pid = ::fork();
  if (pid < 0) {
    for (int fd : {down[0], down[1], up[0], up[1]}) ::close(fd);
    return Status::Internal(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    if (::dup2(down[0], STDIN_FILENO) < 0 || ::dup2(up[1], STDOUT_FILENO) < 0) ::_exit(127);
    if (limit_memory) ::setrlimit(RLIMIT_AS, &memory);
    ::execv(argv[0], const_cast<char* const*>(argv));
    ::_exit(127);
  }
  ::close(down[0]);
  ::close(up[1]);
  pid_ = pid;
  to_child_ = down[1];
  from_child_ = up[0];
  return Status::Ok();
}

void RenderProcess::Stop() {
  if (to_child_ >= 0) ::close(to_child_);
  if (from_child_ >= 0) ::close(from_child_);
  to_child_ = from_child_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int wstatus = 0;
    while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
}

StatusOr<RenderedPage> RenderProcess::Render(const std::filesystem::path& path, int page_index, int dpi) {
  if (CancelRequested()) return Status::Cancelled("the run is stopping");
  if (limits_.helper_executable.empty()) return RenderForOcr(path, page_index, dpi);
  if (pid_ < 0) {
    Status started = Start();
    if (!started.ok()) return started;
  }
  std::string request;
  PutU32(request, static_cast<uint32_t>(page_index));
  PutU32(request, static_cast<uint32_t>(dpi));
  PutU32(request, static_cast<uint32_t>(path.native().size()));
  request += path.native();
  const auto deadline = Clock::now() + std::chrono::seconds(limits_.timeout_seconds);
  // Why the helper gave no answer, once it is stopped.
  auto failed = [&](Wait wait) -> Status {
    int wstatus = 0;
    bool exited = false;
    if (wait == Wait::kEof && pid_ > 0) {
      // It closed its end: it is exiting or dead; collect how.
      while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
      }
      exited = true;
      pid_ = -1;
    }
    Stop();
    if (wait == Wait::kCancelled || CancelRequested()) return Status::Cancelled("the run is stopping");
    if (exited && WIFSIGNALED(wstatus) && (WTERMSIG(wstatus) == SIGINT || WTERMSIG(wstatus) == SIGTERM)) {
      return Status::Cancelled("the page render was interrupted");
    }
    if (wait == Wait::kTimeout) {
      return Status::Corrupt("rendering the page took longer than " + std::to_string(limits_.timeout_seconds) +
                             " s (--pdf-timeout); a hostile PDF can keep Poppler drawing for minutes");
    }
    if (exited && WIFSIGNALED(wstatus)) {
      return Status::Corrupt("Poppler crashed while rendering the page (signal " + std::to_string(WTERMSIG(wstatus)) +
                             ")");
    }
    if (exited && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127) {
      return Status::Internal("cannot start the page-render helper " + limits_.helper_executable);
    }
    return Status::Corrupt("the page-render helper stopped without an answer (likely out of memory)");
  };
  if (!WriteAll(to_child_, request.data(), request.size())) return failed(Wait::kEof);
  uint32_t code = 0, messages[2];  // Poppler's message count, first message's size
  if (Wait w = ReadBefore(from_child_, &code, sizeof code, deadline); w != Wait::kOk) return failed(w);
  if (Wait w = ReadBefore(from_child_, messages, sizeof messages, deadline); w != Wait::kOk) return failed(w);
  if (messages[1] > 4096) return failed(Wait::kEof);
  std::string first_message(messages[1], '\0');
  if (Wait w = ReadBefore(from_child_, first_message.data(), first_message.size(), deadline); w != Wait::kOk) {
    return failed(w);
  }
  if (code != 0) {
    uint32_t size = 0;
    if (Wait w = ReadBefore(from_child_, &size, sizeof size, deadline); w != Wait::kOk) return failed(w);
    std::string message(std::min<uint32_t>(size, 1 << 16), '\0');
    if (size > message.size()) return failed(Wait::kEof);
    if (Wait w = ReadBefore(from_child_, message.data(), message.size(), deadline); w != Wait::kOk) return failed(w);
    return FromCode(code, std::move(message));
  }
  double used_dpi = 0;
  uint32_t header[4];  // width, height, blank, sha size
  if (Wait w = ReadBefore(from_child_, &used_dpi, sizeof used_dpi, deadline); w != Wait::kOk) return failed(w);
  if (Wait w = ReadBefore(from_child_, header, sizeof header, deadline); w != Wait::kOk) return failed(w);
  const uint32_t width = header[0], height = header[1];
  if (width == 0 || height == 0 || (header[2] == 0 && int64_t{width} * height > kMaxPagePixels) || header[3] > 128 ||
      !(used_dpi > 0)) {
    Stop();
    return Status::Internal("the page-render helper sent a malformed answer");
  }
  RenderedPage page;
  page.poppler_messages = static_cast<int>(messages[0]);
  page.first_poppler_message = std::move(first_message);
  page.blank = header[2] != 0;
  page.image_sha256.resize(header[3]);
  if (Wait w = ReadBefore(from_child_, page.image_sha256.data(), header[3], deadline); w != Wait::kOk) return failed(w);
  page.width_pt = width * 72.0 / used_dpi;
  page.height_pt = height * 72.0 / used_dpi;
  page.image.dpi = used_dpi;
  if (page.blank) return page;
  PixPtr pix(pixCreate(static_cast<int>(width), static_cast<int>(height), 8));
  if (!pix) {
    Stop();
    return Status::Internal("out of memory for a " + std::to_string(width) + "x" + std::to_string(height) +
                            " page image");
  }
  const size_t bytes = static_cast<size_t>(pixGetWpl(pix.get())) * 4 * height;
  if (Wait w = ReadBefore(from_child_, pixGetData(pix.get()), bytes, deadline); w != Wait::kOk) return failed(w);
  pixSetResolution(pix.get(), static_cast<int>(used_dpi), static_cast<int>(used_dpi));
  page.image.pix = std::move(pix);
  return page;
}

namespace {
// Poppler's complaints in the helper: counted and the first kept, sent with
// each answer (never printed: --quiet means quiet).
int g_poppler_messages = 0;
std::string g_first_poppler_message;
void CountPopplerMessage(const std::string& message, void*) {
  if (g_poppler_messages++ == 0) {
    g_first_poppler_message = message.substr(0, 200);
    while (!g_first_poppler_message.empty() && g_first_poppler_message.back() == '\n') g_first_poppler_message.pop_back();
  }
}
void PutMessages(std::string& answer) {
  PutU32(answer, static_cast<uint32_t>(g_poppler_messages));
  PutU32(answer, static_cast<uint32_t>(g_first_poppler_message.size()));
  answer += g_first_poppler_message;
  g_poppler_messages = 0;
  g_first_poppler_message.clear();
}
}  // namespace

int ServeRenderRequests(int in_fd, int out_fd) {
  poppler::set_debug_error_function(&CountPopplerMessage, nullptr);
  while (true) {
    uint32_t head[3];
    if (!ReadAll(in_fd, head, sizeof head)) return 0;
    if (head[2] > (1u << 16)) return 1;
    std::string path(head[2], '\0');
    if (!ReadAll(in_fd, path.data(), path.size())) return 1;
    std::string answer;
    try {
      auto image = RenderForOcr(path, static_cast<int>(head[0]), static_cast<int>(head[1]));
      if (!image.ok()) {
        PutU32(answer, static_cast<uint32_t>(image.status().code()));
        PutMessages(answer);
        PutU32(answer, static_cast<uint32_t>(image.status().message().size()));
        answer += image.status().message();
        if (!WriteAll(out_fd, answer.data(), answer.size())) return 1;
        continue;
      }
      RenderedPage& page = image.value();
      PIX* pix = page.image.pix.get();
      PutU32(answer, 0);
      PutMessages(answer);
      PutF64(answer, page.image.dpi);
      PutU32(answer, static_cast<uint32_t>(pix ? pixGetWidth(pix) : std::lround(page.width_pt * page.image.dpi / 72)));
      PutU32(answer, static_cast<uint32_t>(pix ? pixGetHeight(pix) : std::lround(page.height_pt * page.image.dpi / 72)));
      PutU32(answer, page.blank ? 1 : 0);
      PutU32(answer, static_cast<uint32_t>(page.image_sha256.size()));
      answer += page.image_sha256;
      if (!WriteAll(out_fd, answer.data(), answer.size())) return 1;
      if (!page.blank &&
          !WriteAll(out_fd, pixGetData(pix), static_cast<size_t>(pixGetWpl(pix)) * 4 * pixGetHeight(pix))) {
        return 1;
      }
    } catch (const std::bad_alloc&) {
      answer.clear();
      const std::string message = "out of memory while rendering the page";
      PutU32(answer, static_cast<uint32_t>(Status::Code::kCorrupt));
      PutMessages(answer);
      PutU32(answer, static_cast<uint32_t>(message.size()));
      answer += message;
      if (!WriteAll(out_fd, answer.data(), answer.size())) return 1;
    }
  }
}

}  // namespace foiamine
