#include "render/render_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

#include "base/cancel.h"
#include "base/sha256.h"
#include "render/child_io.h"
#include "render/poppler_document.h"
#include "render/scan_resolution.h"

namespace foiamine {
namespace {

void PutU32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void PutU64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
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

RenderedPage Describe(PageImage image, bool detect_blank) {
  RenderedPage page;
  const double w = pixGetWidth(image.pix.get()), h = pixGetHeight(image.pix.get());
  page.width_pt = w * 72.0 / image.dpi;
  page.height_pt = h * 72.0 / image.dpi;
  if (detect_blank) {
    page.image_sha256 = PageImageSha256(image);
    page.blank = IsBlankPageImage(image);
  }
  page.image = std::move(image);
  return page;
}

constexpr uint32_t kColor = 1, kDetectBlank = 2, kShrinkToFit = 4, kAntialias = 8,
                   kAtMostScanResolution = 16;  // request flags

// A first look at kPreviewDpi: a page on which nothing at all is drawn
// (every preview pixel pure white) is blank at any resolution, and is not
// rendered at full size (0.07 s and 8 MB a page, 40 of them in a scan of
// blank sheets). Anything drawn, however faint, leaves a pixel under 255 in
// the anti-aliased preview, and the page is rendered in full.
constexpr int kPreviewDpi = 36;

// True when no pixel of the 8-bit gray `image` is darker than `gray`.
bool NoPixelDarkerThan(const PageImage& image, int gray) {
  PIX* pix = image.pix.get();
  if (!pix || pixGetDepth(pix) != 8) return false;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(pix);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (static_cast<int>(GET_DATA_BYTE(line, x)) < gray) return false;
    }
  }
  return true;
}

bool AllWhite(const PageImage& image) { return NoPixelDarkerThan(image, 255); }

// Renders in this process: the helper's work, or the caller's without one.
StatusOr<RenderedPage> RenderHere(const std::filesystem::path& path, int page_index, RenderLimits limits) {
  limits.helper_executable.clear();
  if (limits.at_most_scan_resolution) {
    // A page Poppler cannot interpret here will fail the render below with
    // the reason; until then it keeps the dpi asked for.
    if (auto drawing = ReadPageDrawing(path, page_index); drawing.ok()) {
      limits.dpi = ScanRenderDpi(*drawing, limits.dpi);
    }
  }
  const int dpi = limits.dpi;
  if (!limits.detect_blank) {
    auto image = RenderPage(path, page_index, limits);
    if (!image.ok()) return image.status();
    return Describe(std::move(image.value()), false);
  }
  RenderLimits small = limits;
  small.dpi = std::min(dpi, kPreviewDpi);
  small.color = false;
  auto preview = RenderPage(path, page_index, small);
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
  auto image = RenderPage(path, page_index, limits);
  if (!image.ok()) return image.status();
  return Describe(std::move(image.value()), true);
}

}  // namespace

bool IsBlankPageImage(const PageImage& image) {
  if (NoPixelDarkerThan(image, kBlankPageGray)) return true;
  // Near-blank: a scanned empty sheet (a separator, the back of a page)
  // carries specks of dust and toner; Tesseract spends a page's time on them
  // and reads nothing, or junk. Ink sparse enough to be specks, and no mark
  // the size of a letter.
  PIX* pix = image.pix.get();
  if (!pix || pixGetDepth(pix) != 8 || !(image.dpi > 0)) return false;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const double max_dark = kNearBlankInk * static_cast<double>(w) * h;
  const l_uint32* data = pixGetData(pix);
  double dark = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) dark += GET_DATA_BYTE(line, x) < kBlankPageGray;
    if (dark > max_dark) return false;  // a page of text gets here within its first lines
  }
  // 1 where darker than kBlankPageGray (pixThresholdToBinary sets pixels below the threshold).
  PixPtr binary(pixThresholdToBinary(pix, kBlankPageGray));
  if (!binary) return false;
  BOXA* marks = pixConnCompBB(binary.get(), 8);
  if (!marks) return false;
  const int glyph = std::max(2, static_cast<int>(std::lround(kMinGlyphInches * image.dpi)));
  bool specks_only = true;
  for (int i = 0, n = boxaGetCount(marks); i < n && specks_only; ++i) {
    l_int32 bx, by, bw, bh;
    if (boxaGetBoxGeometry(marks, i, &bx, &by, &bw, &bh) == 0) specks_only = bw < glyph && bh < glyph;
  }
  boxaDestroy(&marks);
  return specks_only;
}

RenderProcess::RenderProcess(RenderLimits limits) : limits_(std::move(limits)) {}

RenderProcess::~RenderProcess() { Stop(); }

Status RenderProcess::Start() {
  return helper_.Start(limits_.helper_executable, "__render-pages", limits_.memory_limit_bytes);
}

void RenderProcess::Stop() { helper_.Stop(); }

StatusOr<RenderedPage> RenderProcess::Render(const std::filesystem::path& path, int page_index) {
  if (CancelRequested()) return Status::Cancelled("the run is stopping");
  if (limits_.helper_executable.empty()) {
    PopplerMessages messages;
    auto page = RenderHere(path, page_index, limits_);
    if (page.ok()) {
      page->poppler_messages = messages.count();
      page->first_poppler_message = messages.first();
    }
    return page;
  }
  if (!helper_.running()) {
    Status started = Start();
    if (!started.ok()) return started;
  }
  std::string request;
  PutU32(request, static_cast<uint32_t>(page_index));
  PutU32(request, static_cast<uint32_t>(limits_.dpi));
  PutU32(request, (limits_.color ? kColor : 0) | (limits_.detect_blank ? kDetectBlank : 0) |
                      (limits_.shrink_to_fit ? kShrinkToFit : 0) | (limits_.antialias ? kAntialias : 0) |
                      (limits_.at_most_scan_resolution ? kAtMostScanResolution : 0));
  PutU32(request, static_cast<uint32_t>(std::max(0, limits_.min_side_pixels)));
  PutU64(request, static_cast<uint64_t>(std::max<int64_t>(0, limits_.max_pixels)));
  PutU32(request, static_cast<uint32_t>(path.native().size()));
  request += path.native();
  const auto deadline = HelperClock::now() + std::chrono::seconds(limits_.timeout_seconds);
  // Why the helper gave no answer, once it is stopped.
  auto failed = [&](Wait wait) -> Status {
    const auto [exited, wstatus] = helper_.Reap(wait);
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
  if (!WriteAll(helper_.to_child(), request.data(), request.size())) return failed(Wait::kEof);
  uint32_t code = 0, messages[2];  // Poppler's message count, first message's size
  if (Wait w = ReadBefore(helper_.from_child(), &code, sizeof code, deadline); w != Wait::kOk) return failed(w);
  if (Wait w = ReadBefore(helper_.from_child(), messages, sizeof messages, deadline); w != Wait::kOk) return failed(w);
  if (messages[1] > 4096) return failed(Wait::kEof);
  std::string first_message(messages[1], '\0');
  if (Wait w = ReadBefore(helper_.from_child(), first_message.data(), first_message.size(), deadline); w != Wait::kOk) {
    return failed(w);
  }
  if (code != 0) {
    uint32_t size = 0;
    if (Wait w = ReadBefore(helper_.from_child(), &size, sizeof size, deadline); w != Wait::kOk) return failed(w);
    std::string message(std::min<uint32_t>(size, 1 << 16), '\0');
    if (size > message.size()) return failed(Wait::kEof);
    if (Wait w = ReadBefore(helper_.from_child(), message.data(), message.size(), deadline); w != Wait::kOk) return failed(w);
    return FromCode(code, std::move(message));
  }
  double used_dpi = 0;
  uint32_t header[5];  // width, height, depth, blank, sha size
  if (Wait w = ReadBefore(helper_.from_child(), &used_dpi, sizeof used_dpi, deadline); w != Wait::kOk) return failed(w);
  if (Wait w = ReadBefore(helper_.from_child(), header, sizeof header, deadline); w != Wait::kOk) return failed(w);
  const uint32_t width = header[0], height = header[1], depth = header[2];
  const bool blank = header[3] != 0;
  const uint32_t sha_size = header[4];
  if (width == 0 || height == 0 || (!blank && int64_t{width} * height > limits_.max_pixels) || sha_size > 128 ||
      depth != (limits_.color ? 32u : 8u) || !(used_dpi > 0)) {
    Stop();
    return Status::Internal("the page-render helper sent a malformed answer");
  }
  RenderedPage page;
  page.poppler_messages = static_cast<int>(messages[0]);
  page.first_poppler_message = std::move(first_message);
  page.blank = blank;
  page.image_sha256.resize(sha_size);
  if (Wait w = ReadBefore(helper_.from_child(), page.image_sha256.data(), sha_size, deadline); w != Wait::kOk) return failed(w);
  page.width_pt = width * 72.0 / used_dpi;
  page.height_pt = height * 72.0 / used_dpi;
  page.image.dpi = used_dpi;
  if (page.blank) return page;
  PixPtr pix(pixCreate(static_cast<int>(width), static_cast<int>(height), static_cast<int>(depth)));
  if (!pix) {
    Stop();
    return Status::Internal("out of memory for a " + std::to_string(width) + "x" + std::to_string(height) +
                            " page image");
  }
  const size_t bytes = static_cast<size_t>(pixGetWpl(pix.get())) * 4 * height;
  if (Wait w = ReadBefore(helper_.from_child(), pixGetData(pix.get()), bytes, deadline); w != Wait::kOk) return failed(w);
  pixSetResolution(pix.get(), static_cast<int>(used_dpi), static_cast<int>(used_dpi));
  page.image.pix = std::move(pix);
  return page;
}

namespace {
// Poppler's complaints while serving one request: counted and the first
// kept, sent with the answer (never printed: --quiet means quiet).
void PutMessages(std::string& answer, const PopplerMessages& messages) {
  const std::string first = messages.first().substr(0, 200);
  PutU32(answer, static_cast<uint32_t>(messages.count()));
  PutU32(answer, static_cast<uint32_t>(first.size()));
  answer += first;
}
}  // namespace

int ServeRenderRequests(int in_fd, int out_fd) {
  while (true) {
    uint32_t head[4];  // page_index, dpi, flags, min_side_pixels
    uint64_t max_pixels = 0;
    uint32_t path_size = 0;
    if (!ReadAll(in_fd, head, sizeof head)) return 0;
    if (!ReadAll(in_fd, &max_pixels, sizeof max_pixels) || !ReadAll(in_fd, &path_size, sizeof path_size)) return 1;
    if (path_size > (1u << 16)) return 1;
    std::string path(path_size, '\0');
    if (!ReadAll(in_fd, path.data(), path.size())) return 1;
    RenderLimits limits;
    limits.dpi = static_cast<int>(head[1]);
    limits.color = head[2] & kColor;
    limits.detect_blank = head[2] & kDetectBlank;
    limits.shrink_to_fit = head[2] & kShrinkToFit;
    limits.antialias = head[2] & kAntialias;
    limits.at_most_scan_resolution = head[2] & kAtMostScanResolution;
    limits.min_side_pixels = static_cast<int>(head[3]);
    limits.max_pixels = static_cast<int64_t>(std::min<uint64_t>(max_pixels, INT64_MAX));
    std::string answer;
    PopplerMessages messages;
    try {
      auto image = RenderHere(path, static_cast<int>(head[0]), limits);
      if (!image.ok()) {
        PutU32(answer, static_cast<uint32_t>(image.status().code()));
        PutMessages(answer, messages);
        PutU32(answer, static_cast<uint32_t>(image.status().message().size()));
        answer += image.status().message();
        if (!WriteAll(out_fd, answer.data(), answer.size())) return 1;
        continue;
      }
      RenderedPage& page = image.value();
      PIX* pix = page.image.pix.get();
      PutU32(answer, 0);
      PutMessages(answer, messages);
      PutF64(answer, page.image.dpi);
      PutU32(answer, static_cast<uint32_t>(pix ? pixGetWidth(pix) : std::lround(page.width_pt * page.image.dpi / 72)));
      PutU32(answer, static_cast<uint32_t>(pix ? pixGetHeight(pix) : std::lround(page.height_pt * page.image.dpi / 72)));
      PutU32(answer, limits.color ? 32u : 8u);
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
      PutMessages(answer, messages);
      PutU32(answer, static_cast<uint32_t>(message.size()));
      answer += message;
      if (!WriteAll(out_fd, answer.data(), answer.size())) return 1;
    }
  }
}

}  // namespace foiamine
