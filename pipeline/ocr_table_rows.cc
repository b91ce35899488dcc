#include "pipeline/ocr_table_rows.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace foiamine {
namespace {

// One of Tesseract's text lines: words [first, end) of the page, and the box around them.
struct TextLine {
  size_t first = 0, end = 0;
  int left = 0, top = 0, right = 0, bottom = 0;
  int Middle() const { return (top + bottom) / 2; }
  int Height() const { return bottom - top; }
};

std::vector<TextLine> LinesOf(const std::vector<LineWord>& words) {
  std::vector<TextLine> lines;
  for (size_t i = 0; i < words.size(); ++i) {
    const OcrWordBox& b = words[i].box;
    if (lines.empty() || words[i - 1].box.line != b.line) {
      lines.push_back(TextLine{i, i + 1, b.left, b.top, b.right, b.bottom});
      continue;
    }
    TextLine& l = lines.back();
    l.end = i + 1;
    l.left = std::min(l.left, b.left);
    l.top = std::min(l.top, b.top);
    l.right = std::max(l.right, b.right);
    l.bottom = std::max(l.bottom, b.bottom);
  }
  return lines;
}

// Rows of lines, top to bottom: a line whose middle lies within the band of a row's first line joins it; each row's
// lines left to right.
std::vector<std::vector<size_t>> RowsOf(const std::vector<TextLine>& lines) {
  std::vector<size_t> by_top(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) by_top[i] = i;
  std::stable_sort(by_top.begin(), by_top.end(), [&](size_t a, size_t b) { return lines[a].Middle() < lines[b].Middle(); });
  std::vector<std::vector<size_t>> rows;
  for (size_t i : by_top) {
    if (!rows.empty()) {
      const TextLine& first = lines[rows.back().front()];
      if (std::abs(lines[i].Middle() - first.Middle()) * 2 < std::max(1, std::min(first.Height(), lines[i].Height()))) {
        rows.back().push_back(i);
        continue;
      }
    }
    rows.push_back({i});
  }
  for (auto& row : rows)
    std::sort(row.begin(), row.end(), [&](size_t a, size_t b) { return lines[a].left < lines[b].left; });
  return rows;
}

// Do the row's lines stand apart, left to right, none overlapping the next?
bool CellsApart(const std::vector<TextLine>& lines, const std::vector<size_t>& row) {
  for (size_t k = 1; k < row.size(); ++k)
    if (lines[row[k]].left < lines[row[k - 1]].right) return false;
  return true;
}

// Is the line a record's key: at most kMaxShortCellWords words, a digit among them ("02/11/2020 329-350", "114")?
// (A speck read as a word of its own, "* 02/19/2020. 329-412", is no word.)
bool KeyCell(const std::vector<LineWord>& words, const TextLine& line) {
  const auto has = [](const std::string& text, auto is) { return std::any_of(text.begin(), text.end(), is); };
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t count = 0;
  bool number = false;
  for (size_t i = line.first; i < line.end; ++i) {
    count += has(words[i].text, alnum);
    number = number || has(words[i].text, digit);
  }
  return number && count <= static_cast<size_t>(kMaxShortCellWords);
}

}  // namespace

bool ReadTableByRows(std::vector<LineWord>& words) {
  const std::vector<TextLine> lines = LinesOf(words);
  const std::vector<std::vector<size_t>> rows = RowsOf(lines);
  int table_rows = 0, side_by_side = 0;
  for (const auto& row : rows) {
    if (row.size() < 2 || !CellsApart(lines, row)) continue;
    ++side_by_side;
    // (a record's row has a short cell, its date, number or initials; a row of a magazine's columns of prose, whose
    // lines stand side by side on one baseline too, has none)
    const bool short_cell = std::any_of(row.begin(), row.end(), [&](size_t l) {
      return lines[l].end - lines[l].first <= static_cast<size_t>(kMaxShortCellWords);
    });
    // (or a row of two cells whose first is a short key with a digit, a date or a number: a log whose date and
    // number Tesseract read as one cell beside the action, the officer's initials lost)
    table_rows += (static_cast<int>(row.size()) >= kMinTableCells && short_cell) || (row.size() == 2 && KeyCell(words, lines[row[0]]));
  }
  // A table: rows of three or more cells, one of them short, and most rows with lines side by side are such rows
  // (two or more columns of prose stand side by side too).
  if (table_rows < kMinTableRows || table_rows * 4 < side_by_side * 3) return false;
  // Already in rows: Tesseract read each row as one line, or the rows' cells in order.
  bool in_order = true;
  size_t previous = 0;
  for (const auto& row : rows)
    for (size_t line : row) {
      if (line < previous) in_order = false;
      previous = line;
    }
  if (in_order) return false;
  std::vector<LineWord> reordered;
  reordered.reserve(words.size());
  int row_index = 0;
  for (const auto& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) {
      const TextLine& l = lines[row[k]];
      const bool last_cell = k + 1 == row.size();
      for (size_t i = l.first; i < l.end; ++i) {
        LineWord w = words[i];
        w.box.line = row_index;
        if (i + 1 == l.end) w.after = !last_cell ? Break::kSpace : w.after == Break::kParagraph ? Break::kParagraph : Break::kLine;
        reordered.push_back(std::move(w));
      }
    }
    ++row_index;
  }
  words = std::move(reordered);
  return true;
}

}  // namespace foiamine
