// Transcript margin line numbers on OCR'd pages. A transcript prints a
// number (1, 2, 3, ...) in the left margin beside each line. Tesseract at
// times reads that narrow column as a block of its own — as vertical text,
// i.e. garbage ("O On Oo 0 F&F Y N KF") placed before the page's text — so
// the numbers are lost and no pin cite ("Tr. 2:6-7") can be given.
//
// PlanMarginNumbers finds such a column by position: ink entirely left of
// the body text's left edge, beside at least five body lines. The OCR
// engine then re-reads the margin beside each body line (digits only) and,
// when the numbers read ascend down the page, puts each number at the start
// of its line (where a born-digital transcript has it) in place of the
// column's garbage. The layout (extractors/layout.cc) then cuts the numbers
// out of sentences and keeps them as the lines' printed numbers.
#pragma once

#include <string>
#include <vector>

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

// The number of region `k` that OCR could not read (values[k] == 0) when its
// neighbours above and below were read as n-1 and n+1: n. Else 0.
int MarginGapValue(const std::vector<int>& values, size_t k);

}  // namespace foiamine
