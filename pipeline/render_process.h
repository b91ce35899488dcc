// Page images for OCR, rendered in a helper process with a wall-clock limit.
//
// Poppler's renderer has no time limit of its own: a 696-byte PDF of 2,000
// thick strokes kept one render busy for 82 s, deaf to Ctrl-C. Each OCR
// worker therefore renders through a RenderProcess: a long-lived helper
//   <helper_executable> __render-pages
// (the foiamine binary, cli/main.cc) that reads requests on its stdin and
// answers on its stdout. The worker waits for an answer at most
// `timeout_seconds`, polling the run's cancel flag (pipeline/cancel.h) every
// 100 ms; on a timeout or a cancel it kills the helper (SIGKILL) and the next
// request starts a new one. One helper serves many pages, so its start-up
// (~50 ms of loading libraries) is paid once per worker, not per page.
//
// The helper also says whether a page is blank: nothing drawn at all (seen
// on a 36-dpi preview, so a blank page is never rendered in full), or no
// pixel darker than kBlankPageGray. A blank page's pixels are not sent and
// the caller skips Tesseract for it (forty blank scanned pages took 14 s of
// OCR). A page blank by its preview has a SHA-256 of its size, not pixels.
//
// Protocol (native byte order; both ends are this binary):
//   request:  u32 page_index, u32 dpi, u32 path_size, path bytes
//   answer:   u32 code (Status::Code; 0 ok), u32 count of Poppler's messages,
//             u32 size, the first message; if not ok: u32 size, message;
//             if ok: f64 dpi used, u32 width, u32 height, u32 blank,
//             u32 sha_size, image SHA-256 (pipeline/ocr_cache.h),
//             then unless blank: height * wpl * 4 bytes of Leptonica words.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>

#include "pipeline/page_image.h"
#include "base/status.h"

namespace foiamine {

// A page with no pixel darker than this (8-bit gray) is blank.
inline constexpr int kBlankPageGray = 224;

// True when no pixel of the 8-bit gray `image` is darker than kBlankPageGray.
bool IsBlankPageImage(const PageImage& image);

struct RenderLimits {
  // Wall-clock bound for one page's render (run --pdf-timeout).
  int timeout_seconds = 300;
  // Address-space bound for the helper (ignored under ASan).
  size_t memory_limit_bytes = size_t{4} << 30;
  // The foiamine binary. Empty: render in this process (no time limit;
  // used by unit tests that have no binary to run).
  std::string helper_executable;
};

struct RenderedPage {
  PageImage image;           // pix is null when blank
  bool blank = false;
  double width_pt = 0, height_pt = 0;
  std::string image_sha256;  // PageImageSha256 of the rendered image
  // Poppler's error messages while rendering (counted, never printed).
  int poppler_messages = 0;
  std::string first_poppler_message;
};

// One helper process, used by one thread at a time. Not copyable.
class RenderProcess {
 public:
  explicit RenderProcess(RenderLimits limits);
  ~RenderProcess();  // ends the helper
  RenderProcess(const RenderProcess&) = delete;
  RenderProcess& operator=(const RenderProcess&) = delete;

  // Renders page `page_index` (0-based) of the PDF at `path` to 8-bit gray
  // (RenderPdfPage's rules). Errors: as RenderPdfPage; kCorrupt when the
  // render takes longer than the limit or the helper dies (the PDF made
  // Poppler crash); kCancelled when the run is stopping.
  StatusOr<RenderedPage> Render(const std::filesystem::path& path, int page_index, int dpi);

 private:
  Status Start();
  void Stop();
  RenderLimits limits_;
  pid_t pid_ = -1;
  int to_child_ = -1, from_child_ = -1;
};

// The helper's side: serves requests from `in_fd` until end of input.
// Returns a process exit code.
int ServeRenderRequests(int in_fd, int out_fd);

}  // namespace foiamine
