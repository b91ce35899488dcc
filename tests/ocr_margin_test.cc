// Transcript margin numbers that OCR read as a column of its own
// (pipeline/ocr_margin.h): found by position beside the body lines.
#include <catch2/catch.hpp>

#include "pipeline/ocr_margin.h"

using foiamine::MarginGapValue;
using foiamine::MarginNumbersAscend;
using foiamine::MarginPlan;
using foiamine::OcrWordBox;
using foiamine::PlanMarginNumbers;

namespace {

// `lines` body lines of three words from x=300, 30 px tall, 60 px apart, from
// y=200; their Tesseract line indexes start at `first_line`.
std::vector<OcrWordBox> Body(int lines, int first_line, int left = 300) {
  std::vector<OcrWordBox> words;
  for (int i = 0; i < lines; ++i) {
    const int top = 200 + 60 * i;
    for (int k = 0; k < 3; ++k) words.push_back({left + 150 * k, top, left + 150 * k + 120, top + 30, first_line + i});
  }
  return words;
}

}  // namespace

TEST_CASE("a margin column read as vertical garbage is re-read beside each body line", "[ocr][transcript]") {
  // Tesseract's reading of the column: tall narrow "words" at x 210-240, one
  // line (index 0) before the body, spanning the body lines' heights.
  std::vector<OcrWordBox> words = {{215, 190, 235, 420, 0}, {212, 430, 238, 700, 0}, {214, 710, 236, 880, 0}};
  const auto body = Body(12, 1);
  words.insert(words.end(), body.begin(), body.end());
  const MarginPlan plan = PlanMarginNumbers(words);
  CHECK(plan.column_words == std::vector<size_t>{0, 1, 2});
  REQUIRE(plan.regions.size() == 12);
  for (size_t i = 0; i < plan.regions.size(); ++i) {
    const auto& r = plan.regions[i];
    CHECK(r.line == static_cast<int>(i) + 1);
    CHECK(r.right < 300);  // left of the line's text
    CHECK(r.left <= 212);  // covers the column
    CHECK(r.top < 200 + 60 * static_cast<int>(i));
    CHECK(r.bottom > 230 + 60 * static_cast<int>(i));
  }
}

TEST_CASE("numbers read at line starts, a centred caption or no margin ink make no column", "[ocr][transcript]") {
  // Numbers OCR read inline ("3 occasions, ...") are part of their lines: the layout cuts them.
  auto inline_numbers = Body(10, 0, 300);
  for (int i = 0; i < 10; ++i) inline_numbers.push_back({250, 200 + 60 * i, 270, 230 + 60 * i, i});
  CHECK(PlanMarginNumbers(inline_numbers).regions.empty());
  // A plain page.
  CHECK(PlanMarginNumbers(Body(20, 0)).regions.empty());
  // One stray mark beside two lines is no column.
  auto stray = Body(10, 1);
  stray.push_back({200, 200, 220, 300, 0});
  CHECK(PlanMarginNumbers(stray).regions.empty());
}

TEST_CASE("only numbers that ascend down the page one by one are margin numbers", "[ocr][transcript]") {
  CHECK(MarginNumbersAscend({1, 2, 3, 4, 5, 6}));
  CHECK(MarginNumbersAscend({1, 2, 3, 4, 5, 6, 0, 8, 9, 10}));  // 7 unread
  CHECK_FALSE(MarginNumbersAscend({1, 2, 3, 0, 0, 0, 0, 0, 0, 10}));  // too few read
  CHECK_FALSE(MarginNumbersAscend({1, 2, 3, 2, 5, 6}));                // not ascending
  CHECK_FALSE(MarginNumbersAscend({11, 47, 52, 80, 93, 99}));         // digits, not a sequence
  CHECK_FALSE(MarginNumbersAscend({40, 41, 42, 43, 44, 45}));         // does not start the page
  CHECK(MarginGapValue({5, 6, 0, 8, 9}, 2) == 7);
  CHECK(MarginGapValue({5, 6, 0, 9, 10}, 2) == 0);  // two numbers missing: unknown
  CHECK(MarginGapValue({0, 2, 3}, 0) == 0);
}
