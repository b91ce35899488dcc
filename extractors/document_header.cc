#include "extractors/document_header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>

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
HeadingIdentity ManualPolicyHeader(const std::vector<PageText>& pages) {
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
  HeadingIdentity out;
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

HeadingIdentity UsCodeSectionHeader(const std::vector<PageText>& pages) {
  if (pages.empty()) return {};
  const std::string& page = pages[0].text;
  const re2::StringPiece head(page.data(), std::min<size_t>(page.size(), 3000));
  // (the caption may head a page of the printed Code: "Page 412 TITLE 8-ALIENS AND NATIONALITY §1357")
  static const RE2 kTitleCaption(
      R"((?m)^[ \t]*(?:(?i:page)[ \t]+\d+[ \t]+)?(?i:title)[ \t]+(\d{1,2})[ \t]*-[ \t]*([A-Z][A-Z ,;'&]*[A-Z])[ \t]*(?:\x{00A7}[ \t]*\d+[a-z]{0,3}[ \t]*)?$)");
  static const RE2 kSectionCaption(R"((?m)^[ \t]*\x{00A7}[ \t]*(\d{1,5}[a-z]{0,3})\.[ \t]+([^\n]*[^\s.])\.?[ \t]*$)");
  static const std::pair<const char*, const char*> kTitles[] = {
      {"5", "GOVERNMENT ORGANIZATION AND EMPLOYEES"}, {"6", "DOMESTIC SECURITY"},
      {"8", "ALIENS AND NATIONALITY"},               {"18", "CRIMES AND CRIMINAL PROCEDURE"},
      {"31", "MONEY AND FINANCE"},
      {"34", "CRIME CONTROL AND LAW ENFORCEMENT"},   {"42", "THE PUBLIC HEALTH AND WELFARE"}};
  std::string title_no, title_name, section, heading;
  // Cornell's LII prints the citation and heading on one line: "8 U.S. Code § 1357 - Powers of immigration officers
  // and employees".
  static const RE2 kLiiCaption(
      R"((?m)^[ \t]*(\d{1,2})[ \t]+U\.[ \t]?S\.[ \t]+Code[ \t]+\x{00A7}[ \t]*(\d{1,5}[a-z]{0,3})[ \t]+-[ \t]+([^\n]*[^\s.])\.?[ \t]*$)");
  if (RE2::PartialMatch(head, kLiiCaption, &title_no, &section, &heading))
    return HeadingIdentity{title_no + " U.S.C. \u00A7 " + section, Trimmed(heading)};
  if (!RE2::PartialMatch(head, kTitleCaption, &title_no, &title_name)) return {};
  const bool known = std::any_of(std::begin(kTitles), std::end(kTitles),
                                 [&](const auto& t) { return title_no == t.first && title_name == t.second; });
  if (!known || !RE2::PartialMatch(head, kSectionCaption, &section, &heading)) return {};
  return HeadingIdentity{title_no + " U.S.C. \u00A7 " + section, Trimmed(heading)};
}

HeadingIdentity PrintedIdentity(const std::vector<PageText>& pages) {
  if (HeadingIdentity manual = ManualPolicyHeader(pages); !manual.number.empty()) return manual;
  return UsCodeSectionHeader(pages);
}

// A line that names the kind of document, not the document: a directive form's caption or checkbox ("STANDARD
// OPERATING PROCEDURE", "DIVISION DIRECTIVE", "SPECIAL ORDER", "NOTICE"), or a row of the form's field labels
// read together ("General Order Date of Issue"). Police directives print them above or beside their titles.
// (A part's label alone, "Section 1", names no document either.)
bool KindCaption(const std::string& line) {
  static const RE2 kCaption(
      R"((?i)^\W*(?:standard\s+operating\s+(?:procedures?|guidelines?)|(?:division|department(?:al)?|administrative|special|general|executive|field|training|personnel|operations?|legal|chief'?s)\s+(?:directives?|orders?|bulletins?|notices?|procedures?)|directive|notice|sop|policy|procedure|general\s+order|special\s+order)\W*$)");
  static const RE2 kFieldLabels(
      R"((?i)^(?:\s*\b(?:subject|general|special|order|date|of|issue|issued|effective|number|no\.?|distribution|rescinds|amends|references?|page|revised|revision|review|author|title|directive|policy|procedure|chapter|section|type|approved|by)\b)+\W*$)");
  // ... or a part's label alone ("Section 1", "ARTICLE IV", "Chapter 12"), which heads a part, not the document
  static const RE2 kPartLabel(R"((?i)^\W*(?:section|sec\.|article|art\.|chapter|part|subchapter|subtitle)\s+[0-9IVXLC]+[A-Za-z]?\W*$)");
  return RE2::FullMatch(line, kCaption) || RE2::FullMatch(line, kFieldLabels) || RE2::FullMatch(line, kPartLabel);
}

std::string BillHeadline(const std::string& first_page) {
  // (a line of its own near the top: a site's breadcrumb may come first, "wa-law.org > bill > 2025-26 > SB 5818 > ...")
  static const RE2 kHeadline(
      R"((?m)^[ \t]*((?:(?:E?S?S?[HS]B|[HS]\.?\s?B\.|H\.?\s?R\.|[AS]\.|AB|SB|LB|HF|SF|LD|HB)[ \t]*\d{1,5}[A-Z]?)[ \t]+-[ \t]+([^\n]{8,200}?))\.?[ \t]*$)");
  const std::string top = first_page.substr(0, std::min<size_t>(first_page.size(), 400));
  std::string whole, title;
  if (!RE2::PartialMatch(top, kHeadline, &whole, &title)) return "";
  return Trimmed(whole);
}

std::string ActTitle(const std::string& first_page) {
  constexpr size_t kMaxTitle = 200;
  constexpr size_t kTopLines = 40;
  static const RE2 kMargin(R"(^\s*\d{1,2}\s+)");
  std::vector<std::string> lines = SplitLines(first_page);
  if (lines.size() > kTopLines) lines.resize(kTopLines);
  for (std::string& line : lines) {
    RE2::Replace(&line, kMargin, "");
    line = Trimmed(line);
  }
  // (the formula opens its line, in its capitals: "An act relating to" in a story's sentence is no title)
  static const RE2 kFormula(R"(^(?:A\s+BILL\s+(?:TO\s+BE\s+ENTITLED\s+|FOR\s+)?)?(?:AN\s+ACT|An\s+Act)\b)");
  static const RE2 kConcerning(R"(^(?:A\s+BILL\s+FOR\s+)?(?:AN\s+ACT|An\s+Act)\s+concerning$)");
  static const RE2 kRelating(R"((?i)^(?:a\s+bill\s+(?:to\s+be\s+entitled\s+|for\s+)?)?an\s+act\s+(relating\s+to\s+[^;.]{3,200}?)\s*[;.])");
  static const RE2 kPurpose(R"(^FOR\s+the\s+purpose\b)");
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!RE2::PartialMatch(lines[i], kFormula)) continue;
    std::string title;
    if (RE2::FullMatch(lines[i], kConcerning)) {  // its title on the lines below, up to a blank line or its purpose
      for (size_t k = i + 1; k < lines.size() && (title.empty() || !lines[k].empty()) && !RE2::PartialMatch(lines[k], kPurpose); ++k)
        if (!lines[k].empty()) title += (title.empty() ? "" : " ") + lines[k];
      return title.size() <= kMaxTitle ? title : "";
    }
    std::string joined = lines[i];  // "AN ACT" / "relating to ...;" may wrap
    for (size_t k = i + 1; k < lines.size() && k <= i + 4 && !lines[k].empty(); ++k) joined += " " + lines[k];
    if (!RE2::PartialMatch(joined, kRelating, &title)) return "";
    title[0] = 'R';
    return title;
  }
  return "";
}

namespace {

// "SB" -> "S.B.", "HF" -> "H.F.", "S" -> "S."; other designations ("ESSB", "HR") as printed.
std::string CitedDesignation(std::string letters) {
  for (char& c : letters) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (letters.size() == 1) return letters + ".";
  if (letters.size() == 2 && (letters[1] == 'B' || letters[1] == 'F' || letters[1] == 'R'))
    return letters.substr(0, 1) + "." + letters.substr(1) + ".";
  return letters;
}

std::string WithoutLeadingZeros(std::string number) {
  while (number.size() > 1 && number[0] == '0') number.erase(0, 1);
  return number;
}

}  // namespace

std::string BillNumber(const std::string& first_page) {
  constexpr size_t kTopLines = 15;
  static const RE2 kChamberCaption(
      R"((?i)^\W*(?:\d{4}\s+)?(house|senate|assembly)\s+(bill|file)\s+(?:no\.?\s*|number\s+)?(?:[hsa][bf]\s?)?(\d{1,5}(?:-\d{1,4})?)(?:-fn)?\b(.*)$)");
  static const RE2 kCaptionGoesOn(R"(^\s*(?:\d{1,3}|\(.*|\|.*|A BILL\b.*|AN ACT\b.*|BY\b.*|By:.*)?\s*$)");
  static const RE2 kLettersNo(R"((?i)(?:^|\s)([hsa])\.\s?b\.\s+no\.\s*(\d{1,5})\b)");
  static const RE2 kCongress(R"(^\W*(H\.\s?R\.|S\.)\s?(\d{1,5})\s*$)");
  static const RE2 kBillId(R"((?i)^\W*bill\s+id\W*\s*([as])(\d{1,5})\b)");
  static const RE2 kLocator(R"(^(AB|SB)(\d{1,5}),\s?(?:\d|s\.))");
  std::vector<std::string> lines;
  for (const std::string& line : SplitLines(first_page)) {
    if (Trimmed(line).empty()) continue;
    lines.push_back(line);
  }
  for (size_t i = 0; i < lines.size() && i < kTopLines; ++i) {
    std::string chamber, kind, number, rest, letters;
    if (RE2::FullMatch(lines[i], kChamberCaption, &chamber, &kind, &number, &rest) && RE2::FullMatch(rest, kCaptionGoesOn))
      return CitedDesignation(chamber.substr(0, 1) + kind.substr(0, 1)) + " " + WithoutLeadingZeros(number);
    if (RE2::PartialMatch(lines[i], kLettersNo, &letters, &number)) return CitedDesignation(letters + "B") + " " + number;
    if (RE2::FullMatch(lines[i], kCongress, &letters, &number)) {
      std::erase(letters, ' ');
      return letters + " " + number;
    }
    if (RE2::PartialMatch(lines[i], kBillId, &letters, &number)) return CitedDesignation(letters) + " " + number;
  }
  static const RE2 kHeadlineNumber(R"(^([A-Za-z.]+?)\s*(\d{1,5}[A-Z]?)$)");
  if (std::string headline = BillHeadline(first_page); !headline.empty()) {
    std::string letters, number;
    if (RE2::FullMatch(headline.substr(0, headline.find(" - ")), kHeadlineNumber, &letters, &number) &&
        letters.find('.') == std::string::npos)
      return CitedDesignation(letters) + " " + number;
  }
  // Drafting locators: the same bill's designation opening three lines or more.
  std::map<std::string, int> locators;
  for (const std::string& line : lines) {
    std::string letters, number;
    if (RE2::PartialMatch(line, kLocator, &letters, &number) && ++locators[letters + " " + number] >= 3)
      return CitedDesignation(letters) + " " + number;
  }
  return "";
}

}  // namespace foiamine::extractors::internal
