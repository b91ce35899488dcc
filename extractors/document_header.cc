#include "extractors/document_header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace foiamine::extractors::internal {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// A policy of a manual in Lexipol's template, in which thousands of US police and sheriff's offices publish their
// policies: a header box "Policy | 413" beside "Urbana Police Department | Policy Manual", the policy's title, then
// its first section, "413.1 PURPOSE AND SCOPE". Poppler reads the box across its two columns ("Policy Urbana Police
// Department" / "413 Policy Manual"), and copies of such a page often flatten it all onto one line ("Policy Santa
// Cruz County Sheriff's Office 428 Policy Manual Immigration Violations 428.1 PURPOSE AND ..."): either way the
// policy is known by its number and title, which the first short line would miss.
ManualPolicy ManualPolicyHeader(const std::vector<PageText>& pages) {
  if (pages.empty()) return {};
  const std::string& page = pages[0].text;
  const std::string_view head(page.data(), std::min<size_t>(page.size(), 2000));
  static const RE2 kPurpose(R"((?:^|\s)(\d{2,4})\.1\s+PURPOSE\s+AND\s+SCOPE\b)");
  re2::StringPiece number;
  if (!RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), kPurpose, &number)) return {};
  const std::string n(number.data(), number.size());
  const std::string_view before = head.substr(0, static_cast<size_t>(number.data() - head.data()));
  // The header names the manual (its sections are numbered by the policy: 413.1, 413.2 ... are policy 413's).
  static const RE2 kManual(R"((?i)\bmanual\b)");
  if (!RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kManual)) return {};
  ManualPolicy out;
  out.number = "Policy " + n;
  // The title: the lines above the first section, up to a blank line or the header (a title may wrap: "Foreign
  // Diplomatic and Consular" / "Representatives"), or what follows the manual's name where the header was
  // flattened onto the title's line.
  std::vector<std::string> lines = SplitLines(std::string(before));
  while (!lines.empty() && Trimmed(lines.back()).empty()) lines.pop_back();
  static const RE2 kThroughManual(R"((?i)^.*\bmanual\s+)");
  std::string title;
  for (size_t i = lines.size(), taken = 0; i-- > 0 && taken < 3; ++taken) {
    std::string line = Trimmed(lines[i]);
    if (line.empty() || line == n) break;
    const bool header = RE2::Replace(&line, kThroughManual, "");
    line = Trimmed(line);
    if (!line.empty()) title = title.empty() ? line : line + " " + title;
    if (header) break;
  }
  size_t words = title.empty() ? 0 : 1, letters = 0;
  for (char c : title) {
    if (c == ' ') ++words;
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  static const RE2 kNotTitle(R"((?i)\bmanual\b|^\d+$|[.;:,]$)");
  if (words >= 1 && words <= 14 && letters >= 4 && !RE2::PartialMatch(title, kNotTitle)) out.title = title;
  return out;
}

// A line that names the kind of document, not the document: a directive form's caption or checkbox ("STANDARD
// OPERATING PROCEDURE", "DIVISION DIRECTIVE", "SPECIAL ORDER", "NOTICE"), or a row of the form's field labels
// read together ("General Order Date of Issue"). Police directives print them above or beside their titles.
bool KindCaption(const std::string& line) {
  static const RE2 kCaption(
      R"((?i)^\W*(?:standard\s+operating\s+(?:procedures?|guidelines?)|(?:division|department(?:al)?|administrative|special|general|executive|field|training|personnel|operations?|legal|chief'?s)\s+(?:directives?|orders?|bulletins?|notices?|procedures?)|directive|notice|sop|policy|procedure|general\s+order|special\s+order)\W*$)");
  static const RE2 kFieldLabels(
      R"((?i)^(?:\s*\b(?:subject|general|special|order|date|of|issue|issued|effective|number|no\.?|distribution|rescinds|amends|references?|page|revised|revision|review|author|title|directive|policy|procedure|chapter|section|type|approved|by)\b)+\W*$)");
  return RE2::FullMatch(line, kCaption) || RE2::FullMatch(line, kFieldLabels);
}

}  // namespace foiamine::extractors::internal
