// Page images rendered in a helper process with a wall-clock limit (the
// time limit of render/page_image.h's RenderPage).
//
// Poppler's renderer has no time limit of its own: a 696-byte PDF of 2,000
// thick strokes kept one render busy for 82 s, deaf to Ctrl-C. A
// RenderProcess is a long-lived helper
//   <helper_executable> __render-pages
// (the foiamine binary, cli/main.cc) that reads requests on its stdin and
// answers on its stdout. The caller waits for an answer at most
// `timeout_seconds`, polling the cancel flag (base/cancel.h) every 100 ms;
// on a timeout or a cancel it kills the helper (SIGKILL) and the next
// request starts a new one. One helper serves many pages, so its start-up
// (~50 ms of loading libraries) is paid once per OCR worker, not per page.
//
// With detect_blank (OCR), the helper also says whether a page is blank:
// nothing drawn at all (seen on a 36-dpi preview, so a blank page is never
// rendered in full), or no pixel darker than kBlankPageGray, or specks only
// (IsBlankPageImage). A blank page's
// pixels are not sent and the caller skips Tesseract for it (forty blank
// scanned pages took 14 s of OCR). A page blank by its preview has a
// SHA-256 of its size, not pixels.
//
// Protocol (native byte order; both ends are this binary):
//   request:  u32 page_index, u32 dpi, u32 flags (1 color, 2 detect_blank,
//             4 shrink_to_fit, 8 antialias, 16 at_most_scan_resolution),
//             u32 min_side_pixels,
//             u64 max_pixels, u32 path_size, path bytes
//   answer:   u32 code (Status::Code; 0 ok), u32 count of Poppler's messages,
//             u32 size, the first message; if not ok: u32 size, message;
//             if ok: f64 dpi used, u32 width, u32 height, u32 depth,
//             u32 blank, u32 sha_size, image SHA-256 (only with
//             detect_blank), then unless blank: height * wpl * 4 bytes of
//             Leptonica words.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>

#include "base/status.h"
#include "render/child_io.h"
#include "render/page_image.h"

namespace foiamine {

// A page with no pixel darker than this (8-bit gray) is blank.
inline constexpr int kBlankPageGray = 224;

// Near-blank: darker pixels on at most this share of the page...
inline constexpr double kNearBlankInk = 0.005;
// ...in marks (8-connected) none of which is this tall or wide: the
// x-height of 5-pt type is ~0.035 in; dust and toner specks are a few
// hundredths of a millimetre to a few tenths.
inline constexpr double kMinGlyphInches = 0.03;

// True when the 8-bit gray `image` holds nothing to read: no pixel darker
// than kBlankPageGray, or near-blank (above): only specks. Not for text
// too small to see at the image's resolution (a mark of 0.03 in is 4 pixels
// at 150 dpi).
bool IsBlankPageImage(const PageImage& image);

struct RenderedPage {
  PageImage image;           // pix is null when blank
  bool blank = false;
  double width_pt = 0, height_pt = 0;
  std::string image_sha256;  // PageImageSha256 of the rendered image (with detect_blank)
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

  // Renders page `page_index` (0-based) of the PDF at `path` within the
  // limits given at construction (RenderPage's rules and errors). Without
  // a helper executable, renders in this process (no time limit; unit tests
  // that have no binary to run).
  StatusOr<RenderedPage> Render(const std::filesystem::path& path, int page_index);

 private:
  Status Start();
  void Stop();
  RenderLimits limits_;
  HelperProcess helper_;
};

// The helper's side: serves requests from `in_fd` until end of input.
// Returns a process exit code.
int ServeRenderRequests(int in_fd, int out_fd);

}  // namespace foiamine
