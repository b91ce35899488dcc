// Transcript margin numbers that OCR read as a column of its own
// (pipeline/margin_numbers.h): found by position beside the body lines.
#include <catch2/catch.hpp>

#include "pipeline/margin_numbers.h"

using foiamine::AttachMarginNumbers;
using foiamine::Box;
using foiamine::Break;
using foiamine::MarginGapValue;
using foiamine::SourceWord;
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

TEST_CASE("a column of margin numbers given as a block of its own goes to the starts of its lines", "[transcript]") {
  // As Poppler gives a born-digital transcript page: the header, the numbers
  // 1-6 down the margin (x 72-80), then the six lines of text (x 94-).
  std::vector<SourceWord> words;
  words.push_back({"Hearing", Box{200, 40, 260, 50}, Break::kParagraph, {}});
  for (int i = 0; i < 6; ++i)
    words.push_back({std::to_string(i + 1), Box{72, 100.0 + 20 * i, 80, 110.0 + 20 * i}, Break::kLine, {}});
  for (int i = 0; i < 6; ++i) {
    words.push_back({"word" + std::to_string(i + 1), Box{94, 100.0 + 20 * i, 140, 110.0 + 20 * i}, Break::kSpace, {}});
    words.push_back({"more", Box{146, 100.0 + 20 * i, 180, 110.0 + 20 * i}, Break::kLine, {}});
  }
  REQUIRE(AttachMarginNumbers(words) == 6);
  REQUIRE(words.size() == 19);
  CHECK(words[0].text == "Hearing");
  for (int i = 0; i < 6; ++i) {
    INFO(i);
    CHECK(words[1 + 3 * i].text == std::to_string(i + 1));
    CHECK(words[1 + 3 * i].after == Break::kSpace);
    CHECK(words[2 + 3 * i].text == "word" + std::to_string(i + 1));
    CHECK(words[3 + 3 * i].after == Break::kLine);
  }
  // Already on their lines: nothing to move.
  CHECK(AttachMarginNumbers(words) == 0);
}

TEST_CASE("numbers that are not a margin column stay where they are", "[transcript]") {
  // A table's column of figures right of the text, and numbers out of order.
  std::vector<SourceWord> table;
  for (int i = 0; i < 6; ++i) {
    table.push_back({"Item", Box{72, 100.0 + 20 * i, 120, 110.0 + 20 * i}, Break::kSpace, {}});
    table.push_back({"name", Box{126, 100.0 + 20 * i, 160, 110.0 + 20 * i}, Break::kLine, {}});
  }
  for (int i = 0; i < 6; ++i)
    table.push_back({std::to_string(10 * i + 3), Box{300, 100.0 + 20 * i, 320, 110.0 + 20 * i}, Break::kLine, {}});
  const auto before = table.size();
  CHECK(AttachMarginNumbers(table) == 0);
  CHECK(table.size() == before);
  std::vector<SourceWord> shuffled;
  const int order[] = {4, 1, 6, 2, 5, 3};
  for (int i = 0; i < 6; ++i)
    shuffled.push_back({std::to_string(order[i]), Box{50, 100.0 + 20 * i, 60, 110.0 + 20 * i}, Break::kLine, {}});
  for (int i = 0; i < 6; ++i) {
    shuffled.push_back({"text", Box{94, 100.0 + 20 * i, 140, 110.0 + 20 * i}, Break::kSpace, {}});
    shuffled.push_back({"here", Box{146, 100.0 + 20 * i, 180, 110.0 + 20 * i}, Break::kLine, {}});
  }
  CHECK(AttachMarginNumbers(shuffled) == 0);
}
