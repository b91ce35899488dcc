// Spreadsheets and CSV logs (.xlsx, .csv): the text stage of a table whose
// rows are records (release logs, detainer logs).
//
// Each sheet is read into text, one paragraph per non-empty row:
//     Sheet Log                       (.xlsx only: the sheet's name)
//     Columns: entry | date | action  (the first non-empty row, the header)
//     Row 214: 101 | 2023-06-12 | ERO notified of release date by fax
// with a SectionAnchor per data row, so a clause found in a row is in the
// section "sheet Log, row 214" (.xlsx) or "row 214" (.csv) and cited so.
// Row numbers are the spreadsheet's own (.xlsx: the row's r attribute; .csv:
// the record's line in the file counting the header as row 1, as a
// spreadsheet opening the file numbers it). Each sheet starts a page;
// pages are then split by size only (pipeline/text_pages.h).
// .xlsx: cells from xl/worksheets/*.xml in workbook order, shared strings,
// inline strings, booleans; a number in a cell styled as a date (built-in
// formats 14-22, 45-47, or a custom format with d/m/y) is written as an ISO
// date ("2023-06-12", plus " 09:15" when it has a time). Formulas give their
// cached value. .csv: RFC 4180 (quoted fields, "" escapes, line breaks
// inside quotes); not UTF-8 is read as Windows-1252 with a warning.
// hints: doc_kind "log", authority "practice", issued the latest ISO date
// a row holds (when the log was last written to), title the workbook's
// title (docProps/core.xml) when it has one.
// Bounded: the .xlsx package under pipeline/ooxml_package.h's budget; at
// most kMaxSheetRows rows and kMaxSheetColumns columns per sheet (the rest
// is refused with the reason, not silently dropped).
#pragma once

#include <filesystem>
#include <string_view>

#include "base/status.h"
#include "pipeline/page.h"

namespace foiamine {

inline constexpr int kMaxSheetRows = 1'000'000;
inline constexpr int kMaxSheetColumns = 16'384;  // Excel's own limit (XFD)

StatusOr<SourceDocument> PagesFromCsv(std::string_view bytes);
StatusOr<SourceDocument> ReadXlsx(const std::filesystem::path& path);

}  // namespace foiamine
