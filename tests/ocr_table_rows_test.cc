// A table Tesseract read column by column is put back in rows; prose in one or two columns keeps its order
// (pipeline/ocr_table_rows.h). Words and boxes as Tesseract's iterator gives them (pixels, one line index per line).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pipeline/ocr_table_rows.h"

using namespace foiamine;

namespace {

// One Tesseract line of `text` (words split at spaces) at x = left.., y = top..top+30, 15 px a letter.
void AddLine(std::vector<LineWord>& words, int line, int left, int top, const std::string& text,
             Break end = Break::kLine) {
  size_t start = 0;
  int x = left;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    LineWord w;
    w.text = text.substr(start, space - start);
    w.box = OcrWordBox{x, top, x + static_cast<int>(w.text.size()) * 15, top + 30, line};
    x = w.box.right + 15;
    start = space + 1;
    w.after = start >= text.size() ? end : Break::kSpace;
    words.push_back(std::move(w));
  }
}

std::string Text(const std::vector<LineWord>& words) {
  std::string out;
  for (const LineWord& w : words) out += w.text + (w.after == Break::kSpace ? " " : w.after == Break::kLine ? "\n" : "\n\n");
  return out;
}

}  // namespace

TEST_CASE("a table read one column at a time is read row by row", "[ocr][table]") {
  std::vector<LineWord> words;
  AddLine(words, 0, 100, 50, "RELEASE LOG", Break::kParagraph);
  const std::vector<std::vector<std::string>> cells = {{"01/09", "341-118", "Release date faxed to ERO", "J.R."},
                                                       {"01/10", "340-977", "Released to ICE agents", "T.M."},
                                                       {"01/12", "339-870", "Detainer only; released", "J.R."}};
  const int column_x[] = {100, 300, 500, 1000};
  int line = 1;
  for (size_t c = 0; c < 4; ++c)  // Tesseract's order: column by column
    for (size_t r = 0; r < cells.size(); ++r)
      AddLine(words, line++, column_x[c], 150 + static_cast<int>(r) * 60, cells[r][c],
              r + 1 == cells.size() ? Break::kParagraph : Break::kLine);
  REQUIRE(ReadTableByRows(words));
  CHECK(Text(words) ==
        "RELEASE LOG\n\n"
        "01/09 341-118 Release date faxed to ERO J.R.\n"
        "01/10 340-977 Released to ICE agents T.M.\n"
        "01/12 339-870 Detainer only; released J.R.\n\n");
  // one line index per row, in order
  CHECK(words.back().box.line == 3);
  // read again: already in rows, nothing to do
  CHECK_FALSE(ReadTableByRows(words));
}

TEST_CASE("a log whose date and number read as one cell, initials mostly lost, is read row by row", "[ocr][table]") {
  // A 90-dpi gray scan of an ICE notification log: Tesseract read the date-and-number column, then the actions, then
  // the two initials it kept; each row has two cells, the first a key with digits in it.
  std::vector<LineWord> words;
  AddLine(words, 0, 92, 10, "ICE NOTIFICATION LOG - FEBRUARY 2020", Break::kParagraph);
  // (at 72 dpi a speck before a date read as a word: "* 02/11/2020 329-350")
  const std::vector<std::string> keys = {"02/03/2020 329-114", "02/05/2020 329-208", "* 02/11/2020 329-350",
                                         "02/19/2020 329-412"};
  const std::vector<std::string> actions = {"Release date faxed to ICE ERO", "ICE notified by phone 2 hrs before release",
                                            "Held 6 hrs past release on ICE detainer",
                                            "Released to ICE officers in sally port"};
  int line = 1;
  AddLine(words, line++, 92, 100, "DATE DCDC NO.");
  for (size_t r = 0; r < keys.size(); ++r)
    AddLine(words, line++, 92, 160 + static_cast<int>(r) * 60, keys[r], r + 1 == keys.size() ? Break::kParagraph : Break::kLine);
  AddLine(words, line++, 400, 100, "ACTION STAFF", Break::kParagraph);
  for (size_t r = 0; r < actions.size(); ++r)
    AddLine(words, line++, 400, 160 + static_cast<int>(r) * 60, actions[r],
            r + 1 == actions.size() ? Break::kParagraph : Break::kLine);
  AddLine(words, line++, 1200, 160, "JS");
  AddLine(words, line++, 1200, 340, "MR", Break::kParagraph);
  REQUIRE(ReadTableByRows(words));
  CHECK(Text(words) ==
        "ICE NOTIFICATION LOG - FEBRUARY 2020\n\n"
        "DATE DCDC NO. ACTION STAFF\n\n"
        "02/03/2020 329-114 Release date faxed to ICE ERO JS\n"
        "02/05/2020 329-208 ICE notified by phone 2 hrs before release\n"
        "* 02/11/2020 329-350 Held 6 hrs past release on ICE detainer\n"
        "02/19/2020 329-412 Released to ICE officers in sally port MR\n\n");

  // A letter beside a sidebar of names (no digits in them) keeps its order: its rows have two cells, but no key.
  std::vector<LineWord> letter;
  line = 0;
  const std::vector<std::string> names = {"Muriel Bowser", "Mayor", "Quincy Booth", "Director", "Records Office"};
  for (size_t r = 0; r < names.size(); ++r) AddLine(letter, line++, 50, 100 + static_cast<int>(r) * 40, names[r]);
  for (int r = 0; r < 6; ++r)
    AddLine(letter, line++, 500, 100 + r * 40, "the Department does not hold any person for ICE past release");
  const std::string before = Text(letter);
  CHECK_FALSE(ReadTableByRows(letter));
  CHECK(Text(letter) == before);
}

TEST_CASE("prose in two or four columns, and a page of lines, keep Tesseract's order", "[ocr][table]") {
  std::vector<LineWord> two_columns;
  int line = 0;
  for (int column : {100, 700})
    for (int r = 0; r < 6; ++r)
      AddLine(two_columns, line++, column, 100 + r * 40, column == 100 ? "the left column goes on here" : "the right one");
  const std::string before = Text(two_columns);
  CHECK_FALSE(ReadTableByRows(two_columns));
  CHECK(Text(two_columns) == before);

  // ... and so does a magazine's spread of four columns of prose set on one baseline (no short cell in its rows:
  // UNLV's 8071_093.3B, whose columns this had run together, read at 74% CER instead of 4.8%)
  std::vector<LineWord> magazine;
  line = 0;
  for (int column : {100, 600, 1100, 1600})
    for (int r = 0; r < 10; ++r) AddLine(magazine, line++, column, 100 + r * 40, "a line of prose in its column");
  const std::string spread = Text(magazine);
  CHECK_FALSE(ReadTableByRows(magazine));
  CHECK(Text(magazine) == spread);

  std::vector<LineWord> page;
  for (int r = 0; r < 8; ++r) AddLine(page, r, 100, 100 + r * 40, "Staff shall not hold any inmate for ICE.");
  const std::string lines = Text(page);
  CHECK_FALSE(ReadTableByRows(page));
  CHECK(Text(page) == lines);
}
