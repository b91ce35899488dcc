// A table read column by column, put back in rows.
//
// Tesseract's layout analysis reads a table whose columns stand apart (a release
// log printed from a spreadsheet: date, number, action, officer) as one block per
// column: every date, then every number, then every action. The row, the one
// record a reader cites ("01/10/2023 340-977 Released to ICE agents at sally
// port"), is lost, and the actions of several rows run together into one
// sentence. Where a page's lines stand side by side in rows of three or more
// cells, one of them short (a date, a number, initials), or of two whose first
// is a short key with a digit (the date and number read as one cell, the
// initials lost), its words are put
// back in the order a reader reads them: row by row, left to right. Columns of
// prose (a newsletter's, a bill's, a magazine's four on one baseline) are left
// as Tesseract read them.
#pragma once

#include <vector>

#include "pipeline/code_strips.h"

namespace foiamine {

// Cells of one row a table needs, and rows of that many cells a page needs before it is read by rows.
inline constexpr int kMinTableCells = 3;
inline constexpr int kMinTableRows = 3;
// A cell of at most this many words is short: a date, a number, an officer's initials.
inline constexpr int kMaxShortCellWords = 2;

// Reorders `words` (in Tesseract's reading order, each with its line) row by row when the page holds a table read
// by columns (see above); true when it did. Each row's words end with a line break (a paragraph break where one ended
// the row's last line before), and each row's words share one line index, in row order.
bool ReadTableByRows(std::vector<LineWord>& words);

}  // namespace foiamine
