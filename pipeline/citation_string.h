// Human-readable citations: "DOC PS 4020.1F § 9.a.(b), p. 4".
#pragma once

#include <string>

namespace foiamine {

struct CitationParts {
  std::string agency, number, title, path;  // of the document
  std::string section;                      // may be empty
  int page = 0;
  std::string bates;                        // the page's Bates stamp, may be empty
};

// Names the document by its number (prefixed by the agency unless the number
// already starts with it), else its title, else its file path; then the
// section ("§ 9.a.(b)") and the page. A page with a Bates stamp is cited by it
// first, as productions are: "DOC-FOIA-00317-00001, DOC IRU-LOG-2023-06, p. 1".
std::string FormatCitation(const CitationParts& parts);

}  // namespace foiamine
