#include "index/citation_string.h"

#include <cctype>

namespace foiamine {

namespace {

// A number like "Mayor's Order 2021-044", "Program Statement 4020.1F" or
// "D.C. Code § 24-211.07" names its own kind; "PS 4020.1F" or "GO-OPS-201.26"
// reads better with the agency before it.
bool SelfDescribing(const std::string& number) {
  if (number.find("D.C.") != std::string::npos || number.find("§") != std::string::npos) return true;
  int letters = 0;
  for (char c : number + " ") {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
      if (++letters >= 4) return true;
    } else {
      letters = 0;
    }
  }
  return false;
}

}  // namespace

std::string FormatCitation(const CitationParts& p) {
  std::string name;
  if (!p.number.empty()) {
    bool prefixed = p.agency.empty() || p.number.rfind(p.agency, 0) == 0 || SelfDescribing(p.number);
    name = prefixed ? p.number : p.agency + " " + p.number;
  } else if (!p.title.empty()) {
    name = p.title;
  } else {
    name = p.path;
  }
  std::string out = p.bates.empty() ? name : p.bates + ", " + name;
  if (p.first_line > 0) {
    out += ", Tr. " + std::to_string(p.page) + ":" + std::to_string(p.first_line);
    const int end_page = p.end_page > 0 ? p.end_page : p.page;
    const int last_line = p.last_line > 0 ? p.last_line : p.first_line;
    if (end_page != p.page) {
      out += "-" + std::to_string(end_page) + ":" + std::to_string(last_line);
    } else if (last_line != p.first_line) {
      out += "-" + std::to_string(last_line);
    }
    return out;
  }
  if (p.section.rfind("line ", 0) == 0) {
    // A numbered line outside any section (a line-numbered bill's preamble) is a place on its page, not a section:
    // "H.B. 444, p. 1, line 5".
    return out + ", p. " + std::to_string(p.page) + ", " + p.section;
  }
  if (p.section.rfind("row ", 0) == 0 || p.section.rfind("sheet ", 0) == 0) {
    // A spreadsheet's row is a place, not a section: "Release log, sheet Log, row 214, p. 3".
    out += ", " + p.section;
  } else if (!p.section.empty()) {
    // A code section's own subsections extend its number:
    // "D.C. Code § 24-211.07" + "24-211.07(b)(1)" -> "D.C. Code § 24-211.07(b)(1)".
    size_t sign = p.number.find("§");
    std::string code = sign == std::string::npos ? "" : p.number.substr(sign + 2);
    while (!code.empty() && code.front() == ' ') code.erase(0, 1);
    // Another section of the same title printed in the same excerpt is cited
    // by its own number: "D.C. Code § 24-211.07" + "24-211.05(a)" ->
    // "D.C. Code § 24-211.05(a)".
    const size_t dash = code.find('-');
    // (the United States Code numbers its sections through a title: "8 U.S.C. § 1357" + "1373(a)" -> "8 U.S.C. § 1373(a)")
    const bool us_code = p.number.find("U.S.C. ") != std::string::npos && !p.section.empty() &&
                         std::isdigit(static_cast<unsigned char>(p.section[0]));
    const bool same_title = us_code || (dash != std::string::npos && p.section.size() > dash + 1 &&
                                        p.section.compare(0, dash + 1, code, 0, dash + 1) == 0 &&
                                        std::isdigit(static_cast<unsigned char>(p.section[dash + 1])));
    if (!code.empty() && (p.section.rfind(code, 0) == 0 || same_title)) {
      out = (p.bates.empty() ? "" : p.bates + ", ") + p.number.substr(0, p.number.size() - code.size()) + p.section;
    } else {
      out += " § " + p.section;
    }
  }
  out += ", p. " + std::to_string(p.page);
  return out;
}

}  // namespace foiamine
