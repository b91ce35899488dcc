// Page images for OCR: a PDF page rendered by Poppler, or a frame of an image
// file decoded by Leptonica, always as an 8-bit gray Leptonica Pix in memory
// (no file round trip: encoding a PNG costs ~18x the rendering itself).
#pragma once

#include <leptonica/allheaders.h>

#include <filesystem>
#include <memory>

#include "base/pix.h"
#include "base/status.h"

namespace foiamine {

// An 8-bit gray page image and the resolution it was made at: pixel x maps
// to x * 72 / dpi PDF points (top-left origin), the index's box space.
struct PageImage {
  PixPtr pix;
  double dpi = 300;
};

// Largest page image foiamine will make or decode (~ a 40x40 inch page at
// 300 dpi). A PDF page larger than this at the requested dpi is rendered at
// the highest dpi that fits; an image file larger than this is refused
// before its pixels are decoded.
inline constexpr int64_t kMaxPagePixels = int64_t{150} * 1000 * 1000;

// Renders page `page_index` (0-based) of the PDF at `path` to 8-bit gray at
// `dpi` (lowered when the page would exceed kMaxPagePixels). Errors:
// kCorrupt when the document or page cannot be loaded, the page has no area
// (0-pixel page) or Poppler renders nothing.
// Thread-safe: renders are serialized inside (Poppler's global state is not
// trusted across threads; a render costs ~0.07 s against seconds of OCR).
StatusOr<PageImage> RenderPdfPage(const std::filesystem::path& path, int page_index, int dpi);

// Decodes frame `frame_index` (0-based; >0 only for multi-page TIFF) of an
// image file to 8-bit gray. The dpi is the file's own resolution, or
// `default_dpi` when it records none. The pixel count is checked from the
// header before decoding. Errors: kCorrupt. Thread-safe.
StatusOr<PageImage> ReadImagePage(const std::filesystem::path& path, int frame_index, int default_dpi);

}  // namespace foiamine
