// Spreadsheets and CSV logs (pipeline/sheet_file.h): a row per paragraph,
// its row number as its section, dates, bounds.
#include <catch2/catch.hpp>

#include "pipeline/ooxml_package.h"
#include "pipeline/sheet_file.h"
#include "tests/format_fixtures.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;

namespace {

std::string PageText(const SourcePage& page) {
  std::string out;
  for (const auto& w : page.words) out += w.text + (w.after == Break::kSpace ? " " : "\n");
  return out;
}

}  // namespace

TEST_CASE("each CSV record is a row paragraph anchored by its row number", "[sheet][csv]") {
  auto doc = PagesFromCsv(
      "entry,date,action\r\n101,2023-06-12,Released to family\r\n\r\n"
      "102,2023-06-13,\"ERO notified of release date by fax, per \"\"standing\"\" practice\"\r\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 1);
  CHECK(PageText(doc->pages[0]) ==
        "Columns: entry | date | action\nRow 2: 101 | 2023-06-12 | Released to family\n"
        "Row 4: 102 | 2023-06-13 | ERO notified of release date by fax, per \"standing\" practice\n");
  REQUIRE(doc->anchors.size() == 2);
  CHECK(doc->anchors[1].label == "Row 4:");
  CHECK(doc->anchors[1].path == "row 4");
  CHECK(doc->anchors[1].page_no == 1);
  CHECK(doc->hints.doc_kind == "log");
  CHECK(doc->hints.authority == "practice");
  CHECK(doc->hints.issued == "2023-06-13");
}

TEST_CASE("a CSV with an unclosed quote fails with its line", "[sheet][csv]") {
  auto bad = PagesFromCsv("a,b,c\n1,\"never closed,3\n4,5,6\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "CSV with a quoted field opened on line 2 that never closes");
}

TEST_CASE("an .xlsx sheet's rows are anchored 'sheet NAME, row N', date cells as ISO dates", "[sheet][xlsx]") {
  ScratchDir dir;
  WriteXlsx(dir / "log.xlsx", "Log",
            {{"entry", "date", "action"}, {"101", "#45089", "Released"}, {"102", "#45090.375", "ERO notified by fax"}});
  CHECK(DetectPackageType(dir / "log.xlsx") == FileType::kXlsx);
  auto doc = ReadXlsx(dir / "log.xlsx");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 1);
  CHECK(PageText(doc->pages[0]) ==
        "Sheet Log\nColumns: entry | date | action\nRow 2: 101 | 2023-06-12 | Released\n"
        "Row 3: 102 | 2023-06-13 09:00 | ERO notified by fax\n");
  REQUIRE(doc->anchors.size() == 2);
  CHECK(doc->anchors[1].path == "sheet Log, row 3");
  CHECK(doc->hints.issued == "2023-06-13");
}

TEST_CASE("a damaged workbook fails with its reason", "[sheet][xlsx]") {
  ScratchDir dir;
  WriteZipEntries(dir / "bad.xlsx", {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"Log\""}});
  auto bad = ReadXlsx(dir / "bad.xlsx");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("xl/workbook.xml is not well-formed XML") != std::string::npos);
}
