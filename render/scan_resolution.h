// The resolution a scanned PDF page was made at: the pixels per inch of the
// picture that covers it, read from the page's drawing operations (no pixel
// is decoded).
//
// Why: OCR renders PDF pages at --dpi (300). A page that is a 150-dpi scan
// rendered at 300 dpi is four times the pixels with no more information in
// them (Poppler interpolates), and Tesseract's layout analysis, thresholding
// and OSD scale with pixels. Rendered at the scan's own resolution the same
// page reads faster, and no worse: on the synthetic 150-dpi scans the
// tesseract CLI read 150-dpi renders with a lower CER than 300-dpi ones
// (bench/README.md, OCR).
//
// Used by the page-render helper (render/render_process.h) only: documents
// are untrusted and Poppler's interpreter runs under its time limit there.
#pragma once

#include <filesystem>
#include <optional>

#include "base/status.h"

namespace foiamine {

// What the page draws, as far as choosing a resolution goes.
struct PageDrawing {
  double covered = 0;      // share of the page (crop box) under pictures, 0-1
  double picture_ppi = 0;  // highest pixels per inch, on either axis, of any picture (0: none)
  int visible_glyphs = 0;  // glyphs drawn in a visible render mode (not an OCR layer's)
  int picture_bits = 0;    // most bits per colour component of any picture (1: bilevel only, a fax's; 0: none)
};

// Every picture counts towards the page's resolution, however small: a
// scan compressed in layers (a 150-dpi background, the letters as 300-dpi
// stencil tiles of 24 x 16 pixels, as in police-policies-illinois) is as
// sharp as its sharpest layer.
// A page is a scan when pictures cover at least this share of it and it
// draws no visible glyph: a page with real text (a Bates stamp, a form's
// printed labels) keeps the full --dpi, for the text's sake.
inline constexpr double kMinScanCoverage = 0.50;
// Never render a scan below this, whatever its pictures: Tesseract wants
// letters of some height. Measured with the tesseract CLI on probe documents
// printed at 72, 90 and 100 dpi (gray, noisy, skewed 0.8 degrees; and
// bilevel), words read right: gray 72-dpi scans 0.921 at 72, 0.938 at 90,
// 0.821 at 150; bilevel 72-dpi 0.719, 0.764, 0.750; gray 90-dpi 0.979 at 90,
// 0.915 at 150; bilevel 90-dpi 0.918, 0.911; gray 100-dpi 0.965 at 100,
// 0.949 at 150. Upsampling a low-resolution scan to 150 (the bound before)
// blurs its strokes; a little, to 90, helps a 72-dpi one. A bilevel scan
// (a fax's black and white) keeps the bound of 150: in foiamine's own runs
// its 90-dpi probes lost 23 clauses of 132 at 90 against 17 at 150.
inline constexpr int kMinScanDpi = 90;
inline constexpr int kMinBilevelScanDpi = 150;
// Only scans of at most this resolution are rendered at their own. Measured
// (bench/README.md, OCR): the corpus' ten scans made 150-dpi pictures read
// at 150 dpi with 2.58% CER and at 300 with 5.10% (a table and a transcript
// page lose their layout when upsampled), the synthetic 150-dpi scans 0.13%
// against 0.52%; but the corpus' own 240-250-dpi scans read at 250 dpi lost
// the layout of the same two pages (5.35% against 2.71% at 300). Tesseract's
// layout analysis is not monotonic in resolution; these are the resolutions
// measured to gain.
inline constexpr int kMaxNativeScanDpi = 200;

// Reads the drawing operations of page `page_index` (0-based) of the PDF at
// `path`. Errors: OpenPdf's (render/poppler_document.h); kCorrupt.
StatusOr<PageDrawing> ReadPageDrawing(const std::filesystem::path& path, int page_index);

// The resolution to render a page at for OCR when `requested` is the most
// wanted: `requested` unless the page is a scan (see above) whose pictures
// are of at most kMaxNativeScanDpi, then that resolution, rounded up to
// whole dpi, never below kMinScanDpi (kMinBilevelScanDpi for a bilevel scan).
int ScanRenderDpi(const PageDrawing& drawing, int requested);

}  // namespace foiamine
