// Inputs of the formats real productions come in, generated at test time:
// ZIP packages (.docx, .xlsx) written with libarchive, e-mails as text.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace foiamine::testing {

// A ZIP archive (deflate) of (name, bytes) entries.
void WriteZipEntries(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& entries);

// A Word paragraph: `text`, numbered as list `num_id` at `level` when num_id > 0.
std::string DocxParagraph(const std::string& text, int num_id = 0, int level = 0);
// numbering.xml with list 1 = abstract 0: level 0 "%1." in `level0_format`
// (decimal, lowerLetter, ...), level 1 "%1.%2." in `level1_format`.
std::string DocxNumbering(const std::string& level0_format, const std::string& level1_format = "lowerLetter");
// A .docx whose body is `body_xml` (w:p / w:tbl elements), with `numbering`
// (may be empty) and extra parts (e.g. word/header1.xml).
void WriteDocx(const std::filesystem::path& path, const std::string& body_xml, const std::string& numbering = "",
               const std::vector<std::pair<std::string, std::string>>& extra = {});
inline const char* kWordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A .xlsx with one sheet named `sheet` of rows of inline-string cells; a
// cell starting with '#' is written as a number styled as a date (serial).
void WriteXlsx(const std::filesystem::path& path, const std::string& sheet,
               const std::vector<std::vector<std::string>>& rows);

}  // namespace foiamine::testing
