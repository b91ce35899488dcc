// One bounded page renderer: a PDF page rendered by Poppler, or a frame of
// an image file decoded by Leptonica, as a Leptonica Pix in memory (8-bit
// gray, or 32-bit RGB), never larger than a pixel cap. Every page picture
// foiamine makes comes from here: the pages OCR reads (pipeline/ocr_pool),
// the exhibits `cite --exhibit` draws (search/exhibit.cc), and the page
// images the web server sends.
//
//   RenderLimits limits = RenderLimits::AtDpi(150);
//   limits.helper_executable = "/usr/bin/foiamine";  // a time limit
//   StatusOr<PageImage> page = RenderPage("order.pdf", 0, limits);
//   StatusOr<std::string> png = EncodePng(*page);
//
// The pixel cap is checked from the page's size before a pixel is made (a
// 14400 pt page at 150 dpi took 1.85 GB before). Over the cap, the dpi is
// lowered until the page fits (or, where the caller asked for an exact dpi,
// the page is refused with the dpi that would fit). The picture Poppler
// returns is checked against the size expected: never a 1x481 sliver.
//
// Poppler's renderer has no time limit of its own (a 696-byte PDF of 2,000
// thick strokes kept one render busy for 82 s, deaf to Ctrl-C). With a
// helper executable set, the render runs in a child process that is killed
// at the wall-clock limit or when the run is cancelled (base/cancel.h);
// render/render_process.h has the details.
#pragma once

#include <leptonica/allheaders.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "base/pix.h"
#include "base/status.h"

namespace poppler {
class page;
}

namespace foiamine {

// A page image and the resolution it was made at: pixel x maps to
// x * 72 / dpi PDF points (top-left origin), the index's box space.
struct PageImage {
  PixPtr pix;  // 8 bpp gray, or 32 bpp RGB (RenderLimits::color)
  double dpi = 300;
};

// Largest page image foiamine will make or decode (~ a 40x40 inch page at
// 300 dpi).
inline constexpr int64_t kMaxPagePixels = int64_t{150} * 1000 * 1000;

struct RenderLimits {
  // Resolution asked for. For image files: the resolution assumed when the
  // file records none.
  int dpi = 300;
  // The pixel cap (width x height).
  int64_t max_pixels = kMaxPagePixels;
  // Over the cap: lower the dpi until the page fits (true), or refuse the
  // page with kUnsupported naming the dpi that fits (false). Image files
  // cannot be shrunk before decoding: over the cap they are refused (kCorrupt).
  bool shrink_to_fit = true;
  // A page whose picture would be narrower or lower than this is refused.
  int min_side_pixels = 1;
  // 32-bit RGB instead of 8-bit gray.
  bool color = false;
  // Anti-aliased shapes and text (the text stage's ink probe measures
  // without: pipeline/ocr_triage.h).
  bool antialias = true;
  // With a helper (render/render_process.h): the render's wall-clock bound,
  // the helper's address-space bound (ignored under ASan), and the foiamine
  // binary run as `<helper_executable> __render-pages`. Without a helper
  // the page renders in this process, with no time limit.
  int timeout_seconds = 300;
  size_t memory_limit_bytes = size_t{4} << 30;
  std::string helper_executable;
  // For OCR: the helper says whether the page is blank (render_process.h)
  // and sends the image's hash; a blank page's pixels are not sent.
  bool detect_blank = false;
  // For OCR: `dpi` is the most wanted; a PDF page that is a scan of lower
  // resolution is rendered at the scan's own (render/scan_resolution.h).
  // Only renders through RenderProcess (render_process.h) apply it.
  bool at_most_scan_resolution = false;

  // The defaults at `dpi`, in this process.
  static RenderLimits AtDpi(int dpi) {
    RenderLimits limits;
    limits.dpi = dpi;
    return limits;
  }
};

// Renders page `page_index` (0-based) of the PDF at `path` within `limits`.
// Errors: kCorrupt when the document or page cannot be loaded, the page has
// no area, Poppler renders nothing or the wrong size, or the render outlives
// the time limit or crashes the helper; kUnsupported for an encrypted PDF,
// or over the cap without shrink_to_fit; kCancelled when the run stops.
// Thread-safe: in-process renders are serialized (Poppler's global state is
// not trusted across threads; a render costs ~0.07 s against seconds of OCR).
StatusOr<PageImage> RenderPage(const std::filesystem::path& path, int page_index, const RenderLimits& limits);

// Renders an already opened page in this process, within `limits` (the time
// limit and helper are not used). For the text stage, which has the page
// open. REQUIRES: the caller serializes Poppler use on this document.
StatusOr<PageImage> RenderOpenPage(poppler::page& page, const RenderLimits& limits);

// The resolution at which a w_pt x h_pt page fits `limits` (RenderPage's
// rule), or the reason it cannot be rendered.
StatusOr<double> FitDpi(double w_pt, double h_pt, const RenderLimits& limits);

// Decodes frame `frame_index` (0-based; >0 only for multi-page TIFF) of an
// image file. The dpi is the file's own resolution, or limits.dpi when it
// records none. The pixel count is checked from the header before
// decoding. Errors: kCorrupt. Thread-safe.
StatusOr<PageImage> ReadImagePage(const std::filesystem::path& path, int frame_index, const RenderLimits& limits);

// The image as PNG bytes, its resolution recorded. Errors: kInternal.
StatusOr<std::string> EncodePng(const PageImage& image);

// SHA-256 (hex) of a page image: its size, depth, resolution and pixels.
std::string PageImageSha256(const PageImage& image);

}  // namespace foiamine
