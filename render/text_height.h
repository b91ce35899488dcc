// The height of a scanned page's text, measured on its pixels, and the
// lowest resolution OCR can read that text at.
//
// Why: Tesseract's recognizer scales every text line to the same height
// (36 px for the eng model) whatever the page's resolution, so pixels beyond
// what the letters need buy no accuracy; but its thresholding, layout
// analysis and our deskew and redaction finder scale with the pixels. A
// 250-dpi scan of 11-pt type rendered at 300 dpi reads slower than at 200,
// and no better (bench/README.md, OCR: the corpus' scans, 2.71% CER at 300,
// 1.08% at 200; 16.4 -> 11.9 CPU-s).
//
// Used by the page-render helper (render/render_process.h) for pages that
// are scans (render/scan_resolution.h) only: a page with printed text keeps
// --dpi.
#pragma once

#include <optional>

#include "render/page_image.h"

namespace foiamine {

// The resolution a scan rendered above it is tried at first...
inline constexpr int kTextHeightDpi = 200;
// ...and kept when the median height of its glyphs there is at least this
// many pixels. Measured (bench/README.md, OCR): the corpus' scans (median
// glyph 0.073-0.10 in, 15-20 px at 200 dpi) and the court opinion (0.067
// in, 13 px) read as well or better at 200 dpi as at 300; at 150 dpi
// (10-15 px) a corpus table page lost its layout (0.99 -> 9.80% CER), so no
// scan above 200 dpi is read below 200.
inline constexpr int kMinGlyphPixels = 13;
// Fewer glyph-sized marks than this: not enough text to measure.
inline constexpr int kMinGlyphsMeasured = 50;

// The median height, in inches, of the glyph-sized marks (connected dark
// components 0.03-0.5 in tall, at most 3 times as wide as tall: letters,
// digits, not rules or specks) of the 8-bit gray `image`; none when it has
// fewer than kMinGlyphsMeasured of them (a picture, a nearly empty page).
std::optional<double> MedianGlyphHeightInches(const PageImage& image);

// Whether text whose glyphs are `glyph_inches` tall reads at kTextHeightDpi.
bool ReadsAtTextHeightDpi(double glyph_inches);

}  // namespace foiamine
