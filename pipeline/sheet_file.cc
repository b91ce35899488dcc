#include "pipeline/sheet_file.h"

#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "base/utf8.h"
#include "pipeline/ooxml_package.h"
#include "pipeline/text_file.h"

namespace foiamine {
namespace {

using Row = std::vector<std::string>;

struct Sheet {
  std::string name;                         // empty for a CSV
  std::vector<std::pair<int, Row>> rows;    // spreadsheet row number, cells
};

std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t\r\n");
  s = s.substr(a, b - a + 1);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f') c = ' ';  // a cell is one line
  }
  return s;
}

bool Empty(const Row& row) {
  for (const auto& c : row) {
    if (!c.empty()) return false;
  }
  return true;
}

// A date written in ISO form ("2023-06-12") at the start of a cell.
std::string IsoDateIn(const std::string& cell) {
  if (cell.size() >= 10 && std::isdigit(static_cast<unsigned char>(cell[0])) && cell[4] == '-' && cell[7] == '-') {
    return cell.substr(0, 10);
  }
  return {};
}

// Whether page `page` has the words of `label` ("Row 214:") at a line start.
bool HasLabel(const SourcePage& page, const std::string& label) {
  const size_t space = label.find(' ');
  const std::string first = label.substr(0, space), second = label.substr(space + 1);
  for (size_t i = 0; i + 1 < page.words.size(); ++i) {
    const bool line_start = i == 0 || page.words[i - 1].after != Break::kSpace;
    if (line_start && page.words[i].text == first && page.words[i + 1].text == second) return true;
  }
  return false;
}

// The text of the sheets (each from a new page), their row anchors and hints.
SourceDocument Render(const std::vector<Sheet>& sheets) {
  SourceDocument doc;
  std::string latest;
  for (const Sheet& sheet : sheets) {
    std::string text;
    std::vector<SectionAnchor> anchors;
    if (!sheet.name.empty()) text += "Sheet " + sheet.name + "\n\n";
    bool header = true;
    for (const auto& [number, row] : sheet.rows) {
      if (Empty(row)) continue;
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + row[i];
      if (header) {
        text += "Columns: " + line + "\n\n";
        header = false;
        continue;
      }
      const std::string label = "Row " + std::to_string(number) + ":";
      text += label + " " + line + "\n\n";
      for (const auto& cell : row) {
        std::string d = IsoDateIn(cell);
        if (!d.empty() && d > latest) latest = d;
      }
      anchors.push_back(SectionAnchor{0, label,
                                      (sheet.name.empty() ? "" : "sheet " + sheet.name + ", ") + "row " +
                                          std::to_string(number)});
    }
    // Form feeds in cells would start pages: a cell is one line (Trim).
    SourceDocument pages = PagesFromText(text);
    const int first_page = static_cast<int>(doc.pages.size());
    size_t page = 0;
    for (auto& anchor : anchors) {
      while (page < pages.pages.size() && !HasLabel(pages.pages[page], anchor.label)) ++page;
      if (page >= pages.pages.size()) break;
      anchor.page_no = first_page + static_cast<int>(page) + 1;
      doc.anchors.push_back(anchor);
    }
    for (auto& p : pages.pages) {
      p.page_no = static_cast<int>(doc.pages.size()) + 1;
      doc.pages.push_back(std::move(p));
    }
    for (auto& w : pages.warnings) doc.warnings.push_back(w);
  }
  doc.hints.doc_kind = "log";
  doc.hints.authority = "practice";
  doc.hints.issued = latest;
  return doc;
}

}  // namespace

StatusOr<SourceDocument> PagesFromCsv(std::string_view bytes) {
  std::string decoded;
  bool windows = false;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (!IsValidUtf8(bytes)) {
    decoded = DecodeWindows1252(bytes);
    bytes = decoded;
    windows = true;
  }
  Sheet sheet;
  Row row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  int line = 1, row_start = 1, quote_line = 1;
  auto end_cell = [&] {
    row.push_back(Trim(cell));
    cell.clear();
    was_quoted = false;
  };
  auto end_row = [&]() -> Status {
    end_cell();
    if (static_cast<int>(row.size()) > kMaxSheetColumns) {
      return Status::Unsupported("CSV row " + std::to_string(row_start) + " has more than " +
                                 std::to_string(kMaxSheetColumns) + " columns");
    }
    if (static_cast<int>(sheet.rows.size()) >= kMaxSheetRows) {
      return Status::Unsupported("CSV with more than " + std::to_string(kMaxSheetRows) + " rows");
    }
    sheet.rows.emplace_back(row_start, std::move(row));
    row.clear();
    return Status::Ok();
  };
  for (size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && Trim(cell).empty() && !was_quoted) {
      cell.clear();
      quoted = was_quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      if (Status s = end_row(); !s.ok()) return s;
      row_start = ++line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    return Status::Corrupt("CSV with a quoted field opened on line " + std::to_string(quote_line) + " that never closes");
  }
  if (!cell.empty() || !row.empty()) {
    if (Status s = end_row(); !s.ok()) return s;
  }
  bool any = false;
  for (const auto& [n, r] : sheet.rows) any = any || !Empty(r);
  if (!any) return Status::Corrupt("CSV with no values");
  SourceDocument doc = Render({sheet});
  if (windows) doc.warnings.push_back("not valid UTF-8; decoded as Windows-1252");
  return doc;
}

namespace {

// Column index (0-based) of a cell reference "AB12"; -1 when it has none.
int ColumnOf(const char* ref) {
  int col = 0;
  const char* p = ref;
  while (*p >= 'A' && *p <= 'Z') {
    col = col * 26 + (*p - 'A' + 1);
    if (col > kMaxSheetColumns) return kMaxSheetColumns;
    ++p;
  }
  return p == ref ? -1 : col - 1;
}

std::string SerialDate(double serial) {
  // Excel's 1900 date system: day 0 is 1899-12-30 (its 1900 leap-year bug included).
  if (!(serial > 0 && serial < 2958466)) return {};
  const long days = static_cast<long>(std::floor(serial));
  // Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
  long z = days - 25569 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  std::string out = buf;
  const double fraction = serial - static_cast<double>(days);
  const int minutes = static_cast<int>(std::lround(fraction * 24 * 60));
  if (minutes > 0 && minutes < 24 * 60) {
    std::snprintf(buf, sizeof buf, " %02d:%02d", minutes / 60, minutes % 60);
    out += buf;
  }
  return out;
}

bool DateFormatCode(const std::string& code) {
  bool quoted = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == 'd' || c == 'y' || c == 'D' || c == 'Y')) return true;
  }
  return false;
}

// Which cell styles (indexes into cellXfs) show a number as a date.
std::vector<bool> DateStyles(const std::string* styles_xml) {
  std::vector<bool> out;
  if (!styles_xml) return out;
  pugi::xml_document doc;
  if (!doc.load_buffer(styles_xml->data(), styles_xml->size())) return out;
  pugi::xml_node root = doc.document_element();
  std::set<int> custom_dates;
  for (pugi::xml_node f : root.child("numFmts").children("numFmt")) {
    if (DateFormatCode(f.attribute("formatCode").value())) custom_dates.insert(f.attribute("numFmtId").as_int());
  }
  for (pugi::xml_node xf : root.child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    out.push_back((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || custom_dates.count(id) > 0);
  }
  return out;
}

std::string InlineText(const pugi::xml_node& si) {
  std::string out;
  if (pugi::xml_node t = si.child("t")) return t.text().get();
  for (pugi::xml_node r : si.children("r")) out += r.child("t").text().get();
  return out;
}

}  // namespace

StatusOr<SourceDocument> ReadXlsx(const std::filesystem::path& path) {
  auto package = ReadOoxmlPackage(path);
  if (!package.ok()) return package.status().code() == Status::Code::kUnsupported ? Status::Unsupported("Excel workbook: " + package.status().message())
                                                                 : Status::Corrupt("Excel workbook: " + package.status().message());
  const std::string* workbook_xml = package->Find("xl/workbook.xml");
  if (!workbook_xml) return Status::Corrupt("Excel workbook without xl/workbook.xml");
  pugi::xml_document workbook;
  if (pugi::xml_parse_result r = workbook.load_buffer(workbook_xml->data(), workbook_xml->size()); !r) {
    return Status::Corrupt(std::string("Excel workbook: xl/workbook.xml is not well-formed XML (") + r.description() + ")");
  }
  std::map<std::string, std::string> targets;  // relationship id -> part name
  if (const std::string* rels = package->Find("xl/_rels/workbook.xml.rels")) {
    pugi::xml_document doc;
    if (doc.load_buffer(rels->data(), rels->size())) {
      for (pugi::xml_node r : doc.document_element().children("Relationship")) {
        targets[r.attribute("Id").value()] = ResolvePartName("xl/", r.attribute("Target").value());
      }
    }
  }
  std::vector<std::string> shared;
  if (const std::string* sst = package->Find("xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(sst->data(), sst->size())) return Status::Corrupt("Excel workbook: damaged xl/sharedStrings.xml");
    for (pugi::xml_node si : doc.document_element().children("si")) shared.push_back(InlineText(si));
  }
  const std::vector<bool> date_styles = DateStyles(package->Find("xl/styles.xml"));

  std::vector<Sheet> sheets;
  int index = 0;
  for (pugi::xml_node s : workbook.document_element().child("sheets").children("sheet")) {
    ++index;
    Sheet sheet;
    sheet.name = Trim(s.attribute("name").value());
    if (sheet.name.empty()) sheet.name = std::to_string(index);
    std::string part = targets[s.attribute("r:id").value()];
    if (part.empty()) part = "xl/worksheets/sheet" + std::to_string(index) + ".xml";
    const std::string* xml = package->Find(part);
    if (!xml) continue;  // a chart sheet or a missing part: nothing to read
    pugi::xml_document doc;
    if (pugi::xml_parse_result r = doc.load_buffer(xml->data(), xml->size()); !r) {
      return Status::Corrupt("Excel workbook: sheet '" + sheet.name + "' (" + part + ") is not well-formed XML (" +
                             r.description() + ")");
    }
    int next_row = 1;
    for (pugi::xml_node row : doc.document_element().child("sheetData").children("row")) {
      const int number = row.attribute("r") ? row.attribute("r").as_int() : next_row;
      next_row = number + 1;
      if (static_cast<int>(sheet.rows.size()) >= kMaxSheetRows) {
        return Status::Unsupported("Excel workbook: sheet '" + sheet.name + "' has more than " +
                                   std::to_string(kMaxSheetRows) + " rows");
      }
      Row cells;
      int next_col = 0;
      for (pugi::xml_node c : row.children("c")) {
        int col = ColumnOf(c.attribute("r").value());
        if (col < 0) col = next_col;
        if (col >= kMaxSheetColumns) {
          return Status::Unsupported("Excel workbook: sheet '" + sheet.name + "' row " + std::to_string(number) +
                                     " has a cell past column " + std::to_string(kMaxSheetColumns));
        }
        next_col = col + 1;
        const std::string type = c.attribute("t").value();
        const std::string v = c.child("v").text().get();
        std::string value;
        if (type == "s") {
          const long i = std::strtol(v.c_str(), nullptr, 10);
          if (i >= 0 && static_cast<size_t>(i) < shared.size()) value = shared[static_cast<size_t>(i)];
        } else if (type == "inlineStr") {
          value = InlineText(c.child("is"));
        } else if (type == "b") {
          value = v == "1" ? "TRUE" : "FALSE";
        } else {
          value = v;
          const int style = c.attribute("s").as_int();
          if (type.empty() || type == "n") {
            if (style >= 0 && static_cast<size_t>(style) < date_styles.size() && date_styles[style] && !v.empty()) {
              std::string date = SerialDate(std::strtod(v.c_str(), nullptr));
              if (!date.empty()) value = date;
            }
          }
        }
        if (static_cast<int>(cells.size()) <= col) cells.resize(static_cast<size_t>(col) + 1);
        cells[static_cast<size_t>(col)] = Trim(value);
      }
      sheet.rows.emplace_back(number, std::move(cells));
    }
    sheets.push_back(std::move(sheet));
  }
  if (sheets.empty()) return Status::Corrupt("Excel workbook with no worksheet");
  SourceDocument doc = Render(sheets);
  if (const std::string* core = package->Find("docProps/core.xml")) {
    pugi::xml_document part;
    if (part.load_buffer(core->data(), core->size())) {
      std::string title = Trim(part.document_element().child("dc:title").text().get());
      if (!title.empty()) doc.hints.title = title;
    }
  }
  return doc;
}

}  // namespace foiamine
