#include "tests/format_fixtures.h"

#include <archive.h>
#include <archive_entry.h>
#include <catch2/catch.hpp>

#include <memory>

namespace foiamine::testing {

void WriteZipEntries(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  struct Free {
    void operator()(archive* a) const { archive_write_free(a); }
  };
  std::unique_ptr<archive, Free> a(archive_write_new());
  REQUIRE(archive_write_set_format_zip(a.get()) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(a.get(), path.c_str()) == ARCHIVE_OK);
  for (const auto& [name, bytes] : entries) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(bytes.size()));
    REQUIRE(archive_write_header(a.get(), e.get()) == ARCHIVE_OK);
    if (!bytes.empty()) {
      REQUIRE(archive_write_data(a.get(), bytes.data(), bytes.size()) == static_cast<la_ssize_t>(bytes.size()));
    }
  }
  REQUIRE(archive_write_close(a.get()) == ARCHIVE_OK);
}

std::string DocxParagraph(const std::string& text, int num_id, int level) {
  std::string ppr;
  if (num_id > 0) {
    ppr = "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
          std::to_string(num_id) + "\"/></w:numPr></w:pPr>";
  }
  return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string DocxNumbering(const std::string& level0_format, const std::string& level1_format) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering ") + kWordNs +
         "><w:abstractNum w:abstractNumId=\"0\">"
         "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + level0_format +
         "\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
         "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + level1_format +
         "\"/><w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
         "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
}

void WriteDocx(const std::filesystem::path& path, const std::string& body_xml, const std::string& numbering,
               const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kWordNs +
                                "><w:body>" + body_xml + "</w:body></w:document>"}};
  if (!numbering.empty()) entries.emplace_back("word/numbering.xml", numbering);
  for (const auto& e : extra) entries.push_back(e);
  WriteZipEntries(path, entries);
}

namespace {
std::string Column(size_t i) {
  std::string s;
  for (size_t n = i + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else out += c;
  }
  return out;
}
}  // namespace

void WriteXlsx(const std::filesystem::path& path, const std::string& sheet,
               const std::vector<std::vector<std::string>>& rows) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  const std::string rns = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  std::string data;
  for (size_t r = 0; r < rows.size(); ++r) {
    data += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string ref = Column(c) + std::to_string(r + 1);
      const std::string& v = rows[r][c];
      if (!v.empty() && v[0] == '#') {
        data += "<c r=\"" + ref + "\" s=\"1\"><v>" + v.substr(1) + "</v></c>";
      } else {
        data += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + Escape(v) + "</t></is></c>";
      }
    }
    data += "</row>";
  }
  WriteZipEntries(path, {
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + " " + rns + "><sheets><sheet name=\"" + sheet +
                              "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns +
                            "><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
      {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>" + data +
                                       "</sheetData></worksheet>"}});
}

}  // namespace foiamine::testing
