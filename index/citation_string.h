// Human-readable citations: "DOC PS 4020.1F § 9.a.(b), p. 4".
#pragma once

#include <string>

namespace foiamine {

struct CitationParts {
  std::string agency, number, title, path;  // of the document
  std::string section;                      // may be empty
  int page = 0;
  std::string bates;                        // the page's Bates stamp, may be empty
  // Transcripts: the printed margin lines the quote runs over, from
  // first_line on `page` to last_line on `end_page` (0: not a transcript).
  int first_line = 0, last_line = 0, end_page = 0;
};

// Names the document by its number (prefixed by the agency unless the number
// already starts with it), else its title, else its file path; then the
// section ("§ 9.a.(b)"; a spreadsheet row as itself: ", sheet Log, row 214") and the page. A page with a Bates stamp is cited by it
// first, as productions are: "DOC-FOIA-00317-00001, DOC IRU-LOG-2023-06, p. 1".
// A transcript passage (first_line > 0) is pin-cited by page and line instead
// of section and page, as courts cite transcripts: "Oversight Hearing, Tr.
// 2:6-7", "Tr. 2:24-3:2" across a page break, "Tr. 3:11" for one line.
std::string FormatCitation(const CitationParts& parts);

}  // namespace foiamine
