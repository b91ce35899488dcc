// Exemption codes beside redaction bars on scans, re-read on their own.
//
// A FOIA officer prints the code right after the bar ("[XXXX] (b)(6)"). On a
// degraded scan Tesseract's whole-page read can garble such a short run of
// brackets and digits next to a (blanked) bar: "(b):¢8);, €b) C7).(C)" for
// "(b)(6), (b)(7)(C)". The OCR engine therefore re-reads the strip right of
// each bar as one enlarged line (PlanCodeStrips says where; OcrEngine does
// the reading on the upright, straightened page, so a page fed upside down
// is read the right way up) and puts that reading of the codes in place of
// the page read's words there, but only when it holds more well-formed
// codes (SpliceCodeReading): words that are not codes are never replaced.
#pragma once

#include <string>
#include <vector>

#include "pipeline/margin_numbers.h"
#include "pipeline/page.h"

namespace foiamine {

// A word as the OCR engine reads it: pixels of the upright, straightened
// page, with its Tesseract line.
struct LineWord {
  std::string text;
  OcrWordBox box;
  double confidence = 0;
  Break after = Break::kSpace;
};

struct PixelRect {
  int left = 0, top = 0, right = 0, bottom = 0;  // right/bottom exclusive
};

// The strip right of each bar where its code is printed: from the bar's
// right edge to the next bar on the same line or 2.2 in, within the page,
// the bar's height and half of it above and below. Bars taller than half an
// inch (a withheld block, not a line) and strips narrower than 0.1 in get
// none. In bar order; a bar without a strip is left out.
std::vector<PixelRect> PlanCodeStrips(const std::vector<PixelRect>& bars, int width, int height, double dpi);

// Puts the codes of `strip_words` (the strip's own reading, in page pixels)
// in place of the page's words at the same spot: the leading run of strip
// words that reads as redaction labels only ("(b)(6)," "(b)(7)(C)") is the
// reading of the codes; the page words whose centres lie on it (within the
// strip's height) are replaced when that run holds more well-formed codes
// (extractors::CountCodeForms) than they do. With no page word there, the
// codes go after the page word that ends just left of them on that line.
// Returns whether `words` changed.
bool SpliceCodeReading(std::vector<LineWord>& words, const PixelRect& strip, const std::vector<LineWord>& strip_words);

}  // namespace foiamine
