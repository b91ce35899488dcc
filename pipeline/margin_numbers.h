// Transcript margin line numbers. A transcript prints a number (1, 2, 3,
// ...) in the left margin beside each line; a pin cite names them ("Tr.
// 2:6-7"). Two readers lose them:
// - Poppler's text layer, and Tesseract at times, give the number column as
//   a block of its own ("1 2 3 ... 25" before or after the page's text), so
//   no number sits on its line. AttachMarginNumbers matches the numbers to
//   the body lines by their boxes' heights on the page (y) and puts each at
//   the start of its line, where the layout (extractors/layout.cc) cuts it
//   out of sentences and keeps it as the line's printed number.
// - Tesseract at times reads the narrow column as vertical text, i.e.
//   garbage ("O On Oo 0 F&F Y N KF"). PlanMarginNumbers finds such a column
//   by position (ink wholly left of the body text, beside at least five body
//   lines); the OCR engine re-reads the margin beside each body line, digits
//   only, and, when the numbers read ascend down the page
//   (MarginNumbersAscend), puts them at their lines' starts in place of the
//   garbage.
#pragma once

#include <string>
#include <vector>

#include "pipeline/page.h"

namespace foiamine {

// A word as the OCR engine read it, in image pixels (top-left origin).
struct OcrWordBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  int line = 0;  // Tesseract text line index, in reading order
};

struct MarginPlan {
  // Body lines to re-read the margin of: line index and the pixel region
  // beside it (left, top, right, bottom).
  struct Region {
    int line = 0;
    int left = 0, top = 0, right = 0, bottom = 0;
  };
  std::vector<Region> regions;        // top to bottom; empty: no margin column
  std::vector<size_t> column_words;   // indexes of the words that make up the column
};

MarginPlan PlanMarginNumbers(const std::vector<OcrWordBox>& words);

// True when `values` (one per region, 0 = nothing read) hold at least five
// numbers that ascend down the page with at most a few gaps: the margin is
// numbered, and what was read is its numbers.
bool MarginNumbersAscend(const std::vector<int>& values);

// Moves margin numbers given as a column of their own (lines of one 1-3
// digit word, wholly left of the body text, level with body lines, ascending
// down the page) to the starts of their lines. Words without boxes, and
// pages without such a column, are left as they are. Returns how many
// numbers were moved.
int AttachMarginNumbers(std::vector<SourceWord>& words);

// The number of region `k` that OCR could not read (values[k] == 0) when its
// neighbours above and below were read as n-1 and n+1: n. Else 0.
int MarginGapValue(const std::vector<int>& values, size_t k);

}  // namespace foiamine
