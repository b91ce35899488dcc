// Human-readable citations: "DOC PS 4020.1F § 9.a.(b), p. 4".
#pragma once

#include <string>

namespace foiamine {

struct CitationParts {
  std::string agency, number, title, path;  // of the document
  std::string section;                      // may be empty
  int page = 0;
};

// Names the document by its number (prefixed by the agency unless the number
// already starts with it), else its title, else its file path; then the
// section ("§ 9.a.(b)") and the page.
std::string FormatCitation(const CitationParts& parts);

}  // namespace foiamine
