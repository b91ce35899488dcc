// Word (.docx) and Excel (.xlsx) documents of the corpus: minimal, valid
// Office Open XML packages in a ZIP written byte-for-byte deterministically
// (stored entries, fixed 1980-01-01 times), so regenerating reproduces them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace corpus {

// A .docx of `lines`: each non-empty line a paragraph; a line "#a TEXT" is
// an item of a lettered Word list (numbering.xml: lowerLetter, "%1.").
// Returns the text as Word prints it (items as "a. TEXT"), a line each.
// `title` goes to docProps/core.xml (the document's own title property).
std::string WriteDocx(const std::vector<std::string>& lines, const std::string& title, const std::filesystem::path& out);

// A .xlsx of one sheet `sheet` whose rows are `csv_lines` (comma-separated,
// no quoting), cells as inline strings. Returns the rows as printed text.
std::string WriteXlsx(const std::vector<std::string>& csv_lines, const std::string& sheet, const std::string& title,
                      const std::filesystem::path& out);

}  // namespace corpus
