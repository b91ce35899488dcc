#include "office.h"

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <utility>

namespace corpus {
namespace {

uint32_t Crc32(const std::string& s) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : s) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void Put16(std::string& out, uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void Put32(std::string& out, uint32_t v) {
  Put16(out, static_cast<uint16_t>(v & 0xFFFF));
  Put16(out, static_cast<uint16_t>(v >> 16));
}

// A ZIP of stored entries, DOS time 1980-01-01 00:00.
void WriteZip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const uint32_t offset = static_cast<uint32_t>(out.size()), crc = Crc32(data);
    const uint32_t size = static_cast<uint32_t>(data.size());
    Put32(out, 0x04034b50); Put16(out, 20); Put16(out, 0); Put16(out, 0); Put16(out, 0); Put16(out, 0x21);
    Put32(out, crc); Put32(out, size); Put32(out, size); Put16(out, static_cast<uint16_t>(name.size())); Put16(out, 0);
    out += name;
    out += data;
    Put32(central, 0x02014b50); Put16(central, 20); Put16(central, 20); Put16(central, 0); Put16(central, 0);
    Put16(central, 0); Put16(central, 0x21); Put32(central, crc); Put32(central, size); Put32(central, size);
    Put16(central, static_cast<uint16_t>(name.size())); Put16(central, 0); Put16(central, 0); Put16(central, 0);
    Put16(central, 0); Put32(central, 0); Put32(central, offset);
    central += name;
  }
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50); Put16(out, 0); Put16(out, 0); Put16(out, static_cast<uint16_t>(entries.size()));
  Put16(out, static_cast<uint16_t>(entries.size())); Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, central_offset); Put16(out, 0);
  std::ofstream file(path, std::ios::binary);
  file << out;
  if (!file) throw std::runtime_error("cannot write " + path.string());
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"%MAIN%\" ContentType=\"%TYPE%\"/></Types>";

std::string ContentTypes(const std::string& main, const std::string& type) {
  std::string s = kContentTypes;
  s.replace(s.find("%MAIN%"), 6, main);
  s.replace(s.find("%TYPE%"), 6, type);
  return s;
}

std::string RootRels(const std::string& target) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"" + target + "\"/></Relationships>";
}

std::string CoreProperties(const std::string& title) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + Escape(title) + "</dc:title></cp:coreProperties>";
}

}  // namespace

std::string WriteDocx(const std::vector<std::string>& lines, const std::string& title, const std::filesystem::path& out) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::string body, text;
  int item = 0;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    std::string ppr, shown = line;
    if (line.rfind("#a ", 0) == 0) {
      shown = line.substr(3);
      ppr = "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>";
      text += std::string(1, static_cast<char>('a' + item++)) + ". ";
    } else {
      item = 0;  // a plain paragraph between lists: each list here is numbered anew (numId 1 restarts nothing;
                 // the corpus documents hold one list each)
    }
    text += shown + "\n";
    body += "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + Escape(shown) + "</w:t></w:r></w:p>";
  }
  const std::string document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + w +
                               "><w:body>" + body + "</w:body></w:document>";
  const std::string numbering =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:numbering " + w +
      "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
      "w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
      "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const std::string doc_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "numbering\" Target=\"numbering.xml\"/></Relationships>";
  WriteZip(out, {{"[Content_Types].xml",
                  ContentTypes("/word/document.xml",
                               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")},
                 {"_rels/.rels", RootRels("word/document.xml")},
                 {"word/document.xml", document},
                 {"word/_rels/document.xml.rels", doc_rels},
                 {"word/numbering.xml", numbering},
                 {"docProps/core.xml", CoreProperties(title)}});
  return text;
}

std::string WriteXlsx(const std::vector<std::string>& csv_lines, const std::string& sheet, const std::string& title,
                      const std::filesystem::path& out) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  std::string data, text = "Sheet " + sheet + "\n";
  int r = 0;
  for (const std::string& line : csv_lines) {
    if (line.empty()) continue;
    ++r;
    data += "<row r=\"" + std::to_string(r) + "\">";
    std::string printed;
    size_t start = 0;
    for (int c = 0; start <= line.size(); ++c) {
      size_t comma = line.find(',', start);
      if (comma == std::string::npos) comma = line.size();
      const std::string cell = line.substr(start, comma - start);
      data += "<c r=\"" + std::string(1, static_cast<char>('A' + c)) + std::to_string(r) +
              "\" t=\"inlineStr\"><is><t>" + Escape(cell) + "</t></is></c>";
      printed += (c ? " | " : "") + cell;
      start = comma + 1;
    }
    data += "</row>";
    text += (r == 1 ? "Columns: " : "Row " + std::to_string(r) + ": ") + printed + "\n";
  }
  const std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook " + ns +
      " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" +
      Escape(sheet) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  WriteZip(out, {{"[Content_Types].xml",
                  ContentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
                 {"_rels/.rels", RootRels("xl/workbook.xml")},
                 {"xl/workbook.xml", workbook},
                 {"xl/_rels/workbook.xml.rels", rels},
                 {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet " +
                                                  ns + "><sheetData>" + data + "</sheetData></worksheet>"},
                 {"docProps/core.xml", CoreProperties(title)}});
  return text;
}

}  // namespace corpus
