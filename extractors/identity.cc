#include "extractors/identity.h"

#include <re2/re2.h>

#include <algorithm>

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "extractors/document_kind.h"
#include "extractors/document_number.h"
#include "extractors/document_header.h"

namespace foiamine::extractors {
namespace {

using internal::FirstNumber;
using internal::NumberMatch;
using internal::KindCaption;
using internal::HeadingIdentity;
using internal::PrintedIdentity;
using internal::SplitLines;
using internal::Trimmed;

const char* kMonth =
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";

int MonthNumber(std::string name) {
  static const std::array<const char*, 12> kNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < kNames.size(); ++i)
    if (name.rfind(kNames[i], 0) == 0) return static_cast<int>(i) + 1;
  return 0;
}

std::string Iso(int y, int m, int d) {
  if (y < 100) y += y < 50 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A date at the start of `s` (a leading weekday is skipped): its ISO form and how many bytes it took; {"", 0} when none.
struct ParsedDate {
  std::string iso;
  size_t length = 0;
};
ParsedDate ParseDateAt(std::string_view s) {
  static const RE2 kWeekday(R"((?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)");
  static const RE2 kMdy(std::string("(?i)") + kMonth + R"(\.?\s+(\d{1,2}),?\s+(\d{4}))");
  static const RE2 kDmy(std::string(R"((?i)(\d{1,2})\s+)") + kMonth + R"(\.?,?\s+(\d{4}))");
  static const RE2 kYmd(R"((\d{4})[/-](\d{1,2})[/-](\d{1,2}))");
  static const RE2 kUs(R"((\d{1,2})/(\d{1,2})/(\d{2,4}))");
  re2::StringPiece in(s.data(), s.size());
  RE2::Consume(&in, kWeekday);
  std::string month;
  int y = 0, m = 0, d = 0;
  std::string iso;
  if (RE2::Consume(&in, kMdy, &month, &d, &y)) iso = Iso(y, MonthNumber(month), d);
  else if (RE2::Consume(&in, kDmy, &d, &month, &y)) iso = Iso(y, MonthNumber(month), d);
  else if (RE2::Consume(&in, kYmd, &y, &m, &d)) iso = Iso(y, m, d);
  else if (RE2::Consume(&in, kUs, &m, &d, &y)) iso = Iso(y, m, d);
  if (iso.empty()) return {};
  return {iso, static_cast<size_t>(in.data() - s.data())};
}

// A date following one of the labels, e.g. "Effective Date: March 3, 2020".
// `labels` is an alternation; the compiled pattern is built once per call site.
std::unique_ptr<RE2> DateLabel(const std::string& labels) {
  return std::make_unique<RE2>("(?i)(?:^|\\W)(?:" + labels + ")\\b\\s*(?:date)?\\s*[:.]?\\s*(?:on\\s+)?");
}

// The first labelled date: its ISO form and the words it was read from.
struct LabeledDate {
  std::string iso, words;
};
LabeledDate FindLabeledDate(const std::string& text, const RE2& re) {
  const re2::StringPiece in(text);
  size_t pos = 0;
  re2::StringPiece label;
  while (pos < in.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, &label, 1)) {
    const size_t after = static_cast<size_t>(label.data() - in.data()) + label.size();
    ParsedDate date = ParseDateAt(std::string_view(text).substr(after, 60));
    if (!date.iso.empty()) {
      // The words: the label (without the separator the pattern may have taken before it) and the date.
      std::string words = text.substr(static_cast<size_t>(label.data() - in.data()), label.size() + date.length);
      size_t first = words.find_first_not_of(" \t\n.,;:()");
      return {date.iso, first == std::string::npos ? words : words.substr(first)};
    }
    pos = std::max(after, pos + 1);
  }
  return {};
}

// A line consisting of a date only ("April 2, 2021", "Thursday, March 7, 2024") among the first lines: how captions of
// orders, acts and hearings date themselves.
LabeledDate CaptionDateLine(const std::string& text) {
  size_t pos = 0;
  for (int line_no = 0; pos < text.size() && line_no < 14; ++line_no) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    ParsedDate date = ParseDateAt(line);
    if (!date.iso.empty() && date.length == line.size()) return {date.iso, std::string(line)};
  }
  return {};
}

// Lines that name another document: "Related To: GO-OPS-201.26", "SUPERSEDES: PS 4020.1E", "a. Rescinded: ...",
// "See also GO-...". Group 1 is the label, group 2 the rest of the line.
const RE2& ReferenceLine() {
  static const RE2 kReference(
      R"((?i)^\s*(?:[a-z0-9]{1,3}[.)]\s+)?(related\s+to|replaces|replaced|supersedes|superseded|rescinds|rescinded|amends|amended|modifies|modified|referenced|references|see\s+also|see)\s*:\s*(.*)$)");
  return kReference;
}
const RE2& SeeLine() {
  static const RE2 kSee(R"(^\s*(See(?:\s+also)?)\s+(.*)$)");
  return kSee;
}

std::string RelationKind(std::string label) {
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (label.rfind("related", 0) == 0) return "related_to";
  if (label.rfind("replace", 0) == 0) return "replaces";
  if (label.rfind("supersede", 0) == 0) return "supersedes";
  if (label.rfind("rescind", 0) == 0) return "rescinds";
  if (label.rfind("amend", 0) == 0) return "amends";
  if (label.rfind("modif", 0) == 0) return "modifies";
  if (label.rfind("referenc", 0) == 0) return "references";
  return "see";
}

// The text with every reference line blanked (their numbers are other
// documents'), and the currency note of a compilation ("current through
// D.C. Law 24-45") cut, which names the last law it includes, not itself.
std::string WithoutReferences(const std::string& text) {
  static const RE2 kCurrency(R"((?i)current\s+through\b[^\n]*)");
  std::string out;
  for (const std::string& line : SplitLines(text)) {
    if (!RE2::FullMatch(line, ReferenceLine()) && !RE2::FullMatch(line, SeeLine())) out += line;
    out += '\n';
  }
  RE2::GlobalReplace(&out, kCurrency, "");
  return out;
}

// A form number printed in a page margin ("DOC Form 4020-12S (rev. 10/2021)
// Page 1 of 1"): the identity of notices and forms. Only the first and last
// lines count, so a form cited in the body ("Form I-247A") is not taken.
std::string MarginFormNumber(const std::string& page) {
  static const RE2 kForm(R"(\b((?:[A-Z]{2,5}\s+)?Form\s+\d{2,5}-\d{1,4}[A-Z]?)\b)");
  std::vector<std::string> lines;
  for (const std::string& line : SplitLines(page))
    if (!Trimmed(line).empty()) lines.push_back(line);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= 2 && i + 2 < lines.size()) continue;
    std::string form;
    if (RE2::PartialMatch(lines[i], kForm, &form)) return form;
  }
  return "";
}

NumberMatch InferNumber(const std::vector<PageText>& pages, const std::string& head, const HeadingIdentity& printed) {
  if (!printed.number.empty()) return NumberMatch{0, printed.number, printed.number};
  if (!pages.empty())
    if (std::string bill = internal::BillNumber(pages[0].text); !bill.empty()) return NumberMatch{0, bill, bill, true};
  NumberMatch found = FirstNumber(WithoutReferences(head));
  if (found.value.empty() && !pages.empty()) {
    found.value = found.printed = MarginFormNumber(pages[0].text);
  }
  return found;
}

std::string InferAgency(const std::string& text) {
  // (the whole name: "the Department of Corrections and Rehabilitation" is California's, not D.C.'s DOC; in capitals only
  // as a heading line of its own, "DISTRICT OF COLUMBIA DEPARTMENT OF CORRECTIONS" (a speck OCR read as a point after
  // it), not inside a bill's capitals; the "University of California Santa Cruz Police Department" is not the Santa
  // Cruz PD: a university's or college's "of" is part of its department's name, a city's ("City of Key West") is not;
  // in Spanish too, as a translated handbook heads its pages: "DEPARTAMENTO DE CORRECCIONES DEL DISTRITO DE COLUMBIA")
  static const RE2 kAgency(
      R"(\b((?:(?:University|UNIVERSITY|College|COLLEGE)[ \t]+(?:of|OF)[ \t]+)?(?:[A-Z][A-Za-z.'-]*[ \t]+){0,3}[A-Z][A-Za-z.'-]*(?:,[ \t]+[A-Z]{2})?[ \t]+(?:Police\s+Department|POLICE\s+DEPARTMENT|Sheriff'?s\s+(?:Office|Department)|SHERIFF'?S\s+(?:OFFICE|DEPARTMENT))|(?:District\s+of\s+Columbia\s+|D\.?C\.?\s+|(?:[A-Z][A-Za-z.'-]*[ \t]+){1,2})?Department\s+of\s+Corrections?(?:\s+and\s+Rehabilitation)?|(?m:^(?:[A-Z][A-Z.'-]*[ \t]+){0,4}DEPARTMENT[ \t]+OF[ \t]+CORRECTIONS?(?:[ \t]+AND[ \t]+REHABILITATION)?(?:[.,]?[ \t]*$|[ \t]+-[ \t]+[A-Z]))|Metropolitan\s+Police\s+Department|(?i:departamento\s+de\s+(?:correcciones|polic(?:í|i)a\s+metropolitana))|Council\s+of\s+the\s+District\s+of\s+Columbia|Office\s+of\s+the\s+Mayor))");
  std::string agency;
  re2::StringPiece rest(text);
  while (RE2::FindAndConsume(&rest, kAgency, &agency)) {
    // "B. The Tukwila Police Department shall not ...", "No. The Bloomington Police Department does not ...":
    // a list marker or an answer's first word is no part of the name, nor is the article.
    // (nor is the word of a manual's header box read across with it: "Policy Urbana Police Department", ManualPolicyHeader,
    // or "GENERAL ORDERS LINCOLN POLICE DEPARTMENT"; nor an office signing above it: "Thomas McLeod, Mayor Police
    // Department - Eric Drever, Chief", which leaves the department unnamed)
    static const RE2 kLeadingWord(
        R"(^(?:(?:[A-Z]|[IVX]{1,4}|\d{1,3})[.)]|No\.|Yes\.|NO\.|YES\.|Policy|POLICY|Procedure|PROCEDURE|(?:General|GENERAL|Special|SPECIAL)[ \t]+(?:Orders?|ORDERS?)|Directive|DIRECTIVE|Manual|MANUAL|Mayor|MAYOR|Chief|CHIEF)[ \t]+)");
    while (RE2::Replace(&agency, kLeadingWord, "")) {
    }
    // "... by ICE. The Orange County Sheriff's Department said": a sentence's end is no part of the name (an
    // abbreviation's point is: "St. Louis County Police Department").
    static const RE2 kSentenceEnd(R"(^.*\b(?:[A-Za-z]{3,}|[A-Z]{2})\.[ \t]+)");
    static const RE2 kAbbreviation(R"(^(?:.*\b)?(?:St|Ste|Mt|Ft|Sgt|Lt|Capt|Dept|Co)\.[ \t]+)");
    if (!RE2::PartialMatch(agency, kAbbreviation)) RE2::Replace(&agency, kSentenceEnd, "");
    // "The Canyon County Sheriff's Office": the article is no part of the name, nor is anything before the last "The"
    // or "THE" (a heading's words run into a name set in capitals: "PROCEDURES OF THE MIAMI-DADE POLICE DEPARTMENT").
    static const RE2 kArticle(R"(^(?:.*[ \t])?(?:The|THE)[ \t]+)");
    RE2::Replace(&agency, kArticle, "");
    std::string out;
    for (char c : agency) {
      if (c == '\n') c = ' ';
      if (c == ' ' && !out.empty() && out.back() == ' ') continue;
      out.push_back(c);
    }
    // (nor is its unit after a dash, "... DEPARTMENT OF CORRECTIONS - RECORDS OFFICE", nor a speck's point after it)
    if (out.size() > 4 && out.compare(out.size() - 4, 3, " - ") == 0) out.resize(out.size() - 4);
    while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ' ')) out.pop_back();
    // "The Sheriff's Department shall ...": an office named by its kind alone names no agency; a later name may.
    static const RE2 kKindAlone(R"((?i)(?:police department|sheriff'?s (?:office|department)))");
    if (!RE2::FullMatch(out, kKindAlone)) return out;
  }
  return "";
}

bool IsUpper(const std::string& line) {
  bool letters = false;
  for (unsigned char c : line) {
    if (std::islower(c)) return false;
    letters = letters || std::isupper(c);
  }
  return letters;
}

// "COMMITTEE ON THE JUDICIARY AND PUBLIC SAFETY" -> "Committee on the
// Judiciary and Public Safety": captions are set in capitals, titles are not.
std::string TitleCase(const std::string& caps) {
  static const char* kSmall[] = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"};
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < caps.size()) {
    size_t end = caps.find(' ', pos);
    if (end == std::string::npos) end = caps.size();
    std::string word = caps.substr(pos, end - pos);
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool small = false;
    for (const char* s : kSmall) small = small || word == s;
    static const std::set<std::string> kInitials = {"ice", "ero", "doc", "mpd", "dhs", "dcdc"};  // "ICE Detainer Log"
    if (kInitials.count(word) > 0) word = caps.substr(pos, end - pos);
    if (!word.empty() && (first || !small)) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    if (!word.empty()) out += (out.empty() ? "" : " ") + word;
    first = false;
    pos = end + 1;
  }
  return out;
}

std::string SentenceCase(const std::string& caps) {
  std::string out = caps;
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(out[i]))
                                      : std::tolower(static_cast<unsigned char>(out[i])));
  return out;
}

std::string LongDate(const std::string& iso) {
  static const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) return iso;
  return std::string(kNames[m - 1]) + " " + std::to_string(d) + ", " + std::to_string(y);
}

// Whether a line ends with a word no title ends with (an article, a preposition or a conjunction: "SELECTION
// PROCESS FOR SPECIALIZED DIVISIONS OR" / "UNITS"), so that its next line goes on with it; with `or_mark`, also
// with a mark that joins ("-", ",", "&").
bool EndsOpen(const std::string& line, bool or_mark) {
  static const RE2 kOpenWord(R"((?i)\b(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|with)$)");
  if (or_mark && !line.empty() && std::string_view("-,&").find(line.back()) != std::string_view::npos) return true;
  return RE2::PartialMatch(line, kOpenWord);
}

// A title given by a label: "Subject: ...", "TITLE: ...", "RE: ...", with its continuation line when the value plainly
// goes on ("... Information Sharing by" / "District Agencies"). Where the label stands alone, the title is
// on the lines after it, past the form's captions ("SUBJECT:" / "DIVISION DIRECTIVE" / "NOTICE" / "PROHIBITION
// AGAINST" / "DISCRIMINATORY" / "PRACTICES", Springfield PD's directive form); a title set in capitals over short
// lines is joined. Another field printed after it on its line ("Title: RULES OF CONDUCT Number: PER-200") is cut.
std::string LabeledTitle(const std::string& text) {
  static const RE2 kLabel(R"((?i)^\s*(?:subject|title|re)\s*:[ \t]*(.*)$)");
  static const RE2 kNextField(R"((?i)\s+(?:number|no\.|page|author|effective\s+date|date|distribution)\s*:.*$)");
  const std::vector<std::string> lines = SplitLines(text);
  const auto words = [](const std::string& line) { return 1 + std::count(line.begin(), line.end(), ' '); };
  for (size_t i = 0; i < lines.size() && i < 40; ++i) {
    std::string value;
    if (!RE2::FullMatch(lines[i], kLabel, &value)) continue;
    value = Trimmed(value);
    // a row of a form's labels ("Subject: Effective Date: Revised Date:"), their values on the row below, names none
    static const RE2 kLabelRow(
        R"((?i)^(?:(?:effective|revised|revision|issue|issued|review|reviewed|approval|approved)\s+date|date|number|no\.?|pages?|author|distribution|title|subject|rescinds|amends|references?)\s*:)");
    if (RE2::PartialMatch(value, kLabelRow)) continue;
    RE2::Replace(&value, kNextField, "");
    size_t next = i + 1;
    if (value.empty()) {
      while (next < lines.size() && (Trimmed(lines[next]).empty() || KindCaption(Trimmed(lines[next])))) ++next;
      if (next >= lines.size()) return "";
      value = Trimmed(lines[next++]);
      while (IsUpper(value) && next < lines.size() && words(value) < 12) {
        const std::string more = Trimmed(lines[next]);
        if (more.empty() || !IsUpper(more) || words(more) > 5 || KindCaption(more) ||
            more.find(':') != std::string::npos || more.find_first_of("0123456789") != std::string::npos) {
          break;
        }
        value += " " + more;
        ++next;
      }
    }
    while (next < lines.size() && EndsOpen(value, /*or_mark=*/true)) {
      const std::string more = Trimmed(lines[next++]);
      if (more.empty() || more.find(':') != std::string::npos) break;
      value += " " + more;
    }
    return value;
  }
  return "";
}

// A transcript's caption: "COMMITTEE ON ..." and "... HEARING" lines and the
// hearing's date make its title ("Committee on the Judiciary and Public
// Safety, Performance Oversight Hearing, March 7, 2024").
std::string HearingTitle(const std::string& first_page) {
  static const RE2 kHearing(R"(^[A-Z][A-Z ,.'&-]*\bHEARING\b[A-Z ,.'&-]*$)");
  static const RE2 kCommittee(R"(^(?:COMMITTEE|SUBCOMMITTEE)\s+ON\s+[A-Z ,.'&-]+$)");
  std::string hearing, committee;
  const std::vector<std::string> lines = SplitLines(first_page);
  for (size_t i = 0; i < lines.size() && i < 16; ++i) {
    const std::string line = Trimmed(lines[i]);
    if (hearing.empty() && RE2::FullMatch(line, kHearing)) hearing = line;
    if (committee.empty() && RE2::FullMatch(line, kCommittee)) committee = line;
  }
  if (hearing.empty()) return "";
  std::string title = (committee.empty() ? "" : TitleCase(committee) + ", ") + TitleCase(hearing);
  const LabeledDate date = CaptionDateLine(first_page);
  if (!date.iso.empty()) title += ", " + LongDate(date.iso);
  return title;
}

// A log's caption: "RELEASE DESK LOG" under a header naming the unit
// ("... - INTAKE AND RELEASE UNIT"), titled with the span of its entries'
// dates ("Intake and Release Unit Release Desk Log, June 12-14, 2023").
std::string LogTitle(const std::vector<PageText>& pages) {
  if (pages.empty()) return "";
  static const RE2 kLog(R"(^([A-Z][A-Z /&-]*\bLOG)(?:\s+-\s+[A-Z0-9][A-Z0-9 ,]*)?$)");  // (its month after a dash)
  static const RE2 kUnit(R"(-\s+([A-Z][A-Z ]*\b(?:UNIT|DIVISION|OFFICE|SECTION|BRANCH)))");
  static const RE2 kEntryDate(R"((?:^|\s)(\d{1,2})/(\d{1,2})/(\d{2,4})(?:\s|$))");
  std::string log, unit;
  const std::vector<std::string> lines = SplitLines(pages[0].text);
  for (size_t i = 0; i < lines.size() && i < 10; ++i) {
    const std::string line = Trimmed(lines[i]);
    if (log.empty()) RE2::FullMatch(line, kLog, &log);
    std::string u;
    if (unit.empty() && RE2::PartialMatch(line, kUnit, &u)) unit = Trimmed(u);
  }
  if (log.empty()) return "";
  std::string title = TitleCase(unit.empty() ? log : unit + " " + log);
  std::string first, last;
  for (const PageText& page : pages) {
    re2::StringPiece in(page.text);
    int m = 0, d = 0, y = 0;
    while (RE2::FindAndConsume(&in, kEntryDate, &m, &d, &y)) {
      const std::string iso = Iso(y, m, d);
      if (iso.empty()) continue;
      if (first.empty() || iso < first) first = iso;
      if (last.empty() || iso > last) last = iso;
    }
  }
  if (first.empty()) return title;
  if (first == last) return title + ", " + LongDate(first);
  const std::string a = LongDate(first), b = LongDate(last);
  if (first.substr(0, 7) == last.substr(0, 7)) {  // "June 12-14, 2023"
    return title + ", " + a.substr(0, a.find(',')) + "-" + std::to_string(std::stoi(last.substr(8))) + b.substr(b.find(','));
  }
  return title + ", " + a + " - " + b;
}

// A compilation of a code ("DISTRICT OF COLUMBIA OFFICIAL CODE", then
// section headings "§ 24-211.05. Property of ..."): its sections in print
// order, each with the bytes of text it holds (lines printed on more than
// one page, running headers and footers, left out).
struct CodeSection {
  std::string number;  // "24-211.07"
  size_t bytes = 0;
};
std::vector<CodeSection> CodeSections(const std::vector<PageText>& pages) {
  static const RE2 kHeading(R"(^\s*§\s*(\d+[A-Z]?-\d+[a-z]?(?:\.\d+[a-z]?)?)\.?\s+\S.*$)");
  std::map<std::string, std::set<size_t>> pages_of_line;
  for (size_t p = 0; p < pages.size(); ++p)
    for (const std::string& line : SplitLines(pages[p].text)) pages_of_line[Trimmed(line)].insert(p);
  std::vector<CodeSection> out;
  for (const PageText& page : pages) {
    for (const std::string& line : SplitLines(page.text)) {
      std::string number;
      if (RE2::FullMatch(line, kHeading, &number)) {
        out.push_back(CodeSection{number, 0});
        continue;
      }
      const std::string trimmed = Trimmed(line);
      if (!out.empty() && pages_of_line[trimmed].size() < 2) out.back().bytes += trimmed.size();
    }
  }
  return out;
}

// The section an excerpt of a code is compiled for: it prints neighbouring
// sections for context, and the editor names the excerpt by the one that
// fills it ("D.C. Code § 24-211.07", when § 24-211.05 and .06 take a few
// lines each). Only a section holding at least 40% of the sections' text
// and half again as much as any other counts; otherwise "" (the print is
// cited by its sections, the document by its code).
std::string PrincipalSection(const std::vector<CodeSection>& sections) {
  if (sections.size() == 1) return sections[0].number;
  size_t total = 0, best = 0, second = 0;
  std::string number;
  for (const CodeSection& s : sections) {
    total += s.bytes;
    if (s.bytes > best) {
      second = best;
      best = s.bytes;
      number = s.number;
    } else {
      second = std::max(second, s.bytes);
    }
  }
  if (total == 0 || best * 10 < total * 4 || best * 2 < second * 3) return "";
  return number;
}

// A code compilation's title from its caption: "D.C. Official Code, Title 24, Chapter 2, Subchapter I-A". The chapter
// is printed, or read from the section numbers as the Code numbers them (§ 24-211.07 is in chapter 2 of title 24,
// § 4-1901 in chapter 19 of title 4: the digits after the dash without the last two).
std::string CodeTitle(const std::string& head, const std::vector<CodeSection>& sections) {
  static const RE2 kTitle(R"((?i)\btitle\s+(\d+[A-Z]?)\b)");
  static const RE2 kChapter(R"((?mi)^\s*chapter\s+(\d+[A-Z]?)\b)");
  static const RE2 kSubchapter(R"((?mi)^\s*subchapter\s+([IVXL]+(?:-[A-Z])?)\b)");
  static const RE2 kSectionChapter(R"(^(\d+[A-Z]?)-(\d+)\d\d[a-z]?(?:\.|$))");
  std::string code_title, chapter, subchapter;
  RE2::PartialMatch(head, kTitle, &code_title);
  RE2::PartialMatch(head, kChapter, &chapter);
  RE2::PartialMatch(head, kSubchapter, &subchapter);
  if (chapter.empty() && !sections.empty()) {
    std::string section_title, section_chapter;
    bool same = true;
    for (const CodeSection& s : sections) {
      std::string t, c;
      if (!RE2::PartialMatch(s.number, kSectionChapter, &t, &c)) same = false;
      else if (section_chapter.empty()) section_title = t, section_chapter = c;
      else if (t != section_title || c != section_chapter) same = false;
    }
    if (same && (code_title.empty() || code_title == section_title)) {
      code_title = section_title;
      chapter = section_chapter;
    }
  }
  if (code_title.empty()) return "";
  std::string title = "D.C. Official Code, Title " + code_title;
  if (!chapter.empty()) title += ", Chapter " + chapter;
  if (!subchapter.empty()) title += ", Subchapter " + subchapter;
  return title;
}

// OCR closes the narrow gap after a one-letter word of a caption set in
// capitals: Spanish "A LAS PERSONAS" is read "ALAS PERSONAS", "Y LOS" "YLOS".
// In a Spanish caption (it holds one of Spanish's articles or prepositions)
// such a preposition or conjunction ("a", "y", "de", "en") glued to an article is split again.
std::string SplitGluedSpanishArticles(const std::string& line) {
  static const RE2 kSpanish(R"(\b(?:LA|LAS|LOS|EL|DE|DEL|PARA|POR|CON|BAJO|SOBRE)\b)");
  static const RE2 kGlued(R"(\b(A|Y|DE|EN)(LA|LAS|LOS|EL)\b)");
  if (!IsUpper(line) || !RE2::PartialMatch(line, kSpanish)) return line;
  std::string out = line;
  RE2::GlobalReplace(&out, kGlued, R"(\1 \2)");
  return out;
}

std::string InferTitle(const std::vector<PageText>& pages, const std::string& head, const NumberMatch& number,
                       const HeadingIdentity& printed) {
  const std::string text = pages.empty() ? std::string() : pages[0].text;
  // An act names itself ('may be cited as the "Sanctuary Values Amendment Act of 2020"'), or its title follows its formula.
  static const RE2 kShortTitle(R"re((?i)may\s+be\s+cited\s+as\s+(?:the\s+)?"([^"]{4,160})")re");
  std::string short_title;
  if (RE2::PartialMatch(head, kShortTitle, &short_title)) {
    for (char& c : short_title) if (c == '\n') c = ' ';
    return Trimmed(short_title);
  }
  if (number.value.rfind("D.C. Code", 0) == 0) {
    if (std::string code = CodeTitle(head, CodeSections(pages)); !code.empty()) return code;
  }
  if (std::string hearing = HearingTitle(text); !hearing.empty()) return hearing;
  if (std::string log = LogTitle(pages); !log.empty()) return log;
  if (!printed.title.empty()) return printed.title;
  if (std::string bill = internal::BillHeadline(text); !bill.empty()) return bill;
  if (std::string act = internal::ActTitle(text); !act.empty()) return act;
  if (std::string subject = LabeledTitle(text); !subject.empty()) {
    // A Mayor's Order is known by number and subject ("Mayor's Order
    // 2021-044: Sanctuary Values - ..."); a fax by its cover and subject.
    if (number.value.rfind("Mayor's Order", 0) == 0) return number.value + ": " + subject;
    static const RE2 kFaxCover(R"((?mi)^\s*((?:facsimile|fax)\s+(?:transmittal|cover\s+sheet|transmission|cover))\s*$)");
    std::string cover;
    if (RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 600)), kFaxCover, &cover)) {
      return SentenceCase(cover) + ": " + subject;
    }
    return subject;
  }
  // Else the first short line that reads like a title: not a running header naming the agency or carrying the
  // document's number, not a stamp ("POSTED UNIT 3", "DRAFT - NOT FOR RELEASE") unless it names a kind ("... Report").
  static const RE2 kSkip(R"((?i)^(?:policy|policy manual|general order|program statement|page\b.*|(?:start|end) of page\b.*|.*department.*|.*departamento.*|.*\d{4}.*|[0-9. -]+|(?:draft|confidential|privileged)\b.*|.*\b(?:for discussion|not for (?:public )?(?:release|distribution)|for official use only|pre-?decisional|deliberative)\b.*)$)");
  static const RE2 kDocumentNoun(R"((?i)\b(?:responses|report|testimony|handbook|manual|minutes|agenda|memorandum|plan)\b)");
  size_t pos = 0;
  int seen = 0;
  while (pos < text.size() && seen < 15) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = Trimmed(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++seen;
    size_t letters = 0, words = 1, digits = 0;
    for (char c : line) {
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
      if (c == ' ') ++words;
    }
    const bool headline = seen == 1 && words <= 26 && std::string_view(".,;").find(line.back()) == std::string_view::npos;
    if (words < 2 || (words > 14 && !headline) || letters * 10 < line.size() * 7) continue;  // a release's headline: longer
    // A header carrying a designation ("STANDARD OPERATING PROCEDURE
    // FMA-SOP-07") is not the title; a code's caption line is all it has.
    const bool designation = number.printed.find_first_of("0123456789") != std::string::npos;
    if (designation && line.find(number.printed) != std::string::npos) continue;
    if (words <= 3 && digits > 0 && IsUpper(line)) continue;
    if (RE2::FullMatch(line, kSkip) && !RE2::PartialMatch(line, kDocumentNoun)) continue;
    if (KindCaption(line)) continue;
    // the issuer's place under its name ("Decatur, Alabama", "OAK BROOK, ILLINOIS")
    static const RE2 kPlace(
        R"((?i)^[a-z][a-z .'-]{1,30},\s*(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new\s+hampshire|new\s+jersey|new\s+mexico|new\s+york|north\s+carolina|north\s+dakota|ohio|oklahoma|oregon|pennsylvania|rhode\s+island|south\s+carolina|south\s+dakota|tennessee|texas|utah|vermont|virginia|washington|west\s+virginia|wisconsin|wyoming|d\.?\s?c\.?)$)");
    if (RE2::FullMatch(line, kPlace)) continue;
    if (line.back() == ':' || line.find(": ") != std::string::npos) continue;
    // A numbered item ("(1) Be entered into in accordance with federal law;") is the body of a law, not its title.
    // So is a bulleted one, and a line that runs on into the next item ("- Actual or suspected immigration status; or").
    static const RE2 kListItem(R"(^(?:\(\w{1,4}\)|[a-z0-9]{1,2}[.)]|[-*\x{2022}\x{25AA}\x{25E6}\x{00B7}\x{2013}])\s)");
    static const RE2 kRunsOn(R"re((?i)(?:;|;\s*(?:or|and)|,\s*(?:or|and))$)re");
    if (RE2::PartialMatch(line, kListItem) || RE2::PartialMatch(line, kRunsOn)) continue;
    // A letter known by its salutation: "Dear Mayor Hodges," -> "Letter to Mayor Hodges".
    static const RE2 kDear(R"(^Dear\s+(.+?)[,:]?$)");
    if (std::string to; RE2::FullMatch(line, kDear, &to)) return "Letter to " + to;
    // A title wrapped after an open word ("SELECTION PROCESS FOR SPECIALIZED DIVISIONS OR" / "UNITS") goes on.
    if (pos < text.size() && EndsOpen(line, /*or_mark=*/false)) {
      const size_t end = text.find('\n', pos);
      const std::string more = Trimmed(std::string_view(text).substr(pos, (end == std::string::npos ? text.size() : end) - pos));
      if (!more.empty() && IsUpper(more) == IsUpper(line) && more.find(':') == std::string::npos &&
          std::count(more.begin(), more.end(), ' ') < 6) {
        line += " " + more;
      }
    }
    return SplitGluedSpanishArticles(line);
  }
  return "";
}

IdentityField Pick(const std::string& given, const std::string& inferred) {
  if (!given.empty()) return IdentityField{given, false};
  return IdentityField{inferred, !inferred.empty()};
}

}  // namespace

namespace {

std::string HeadOf(const std::vector<PageText>& pages) {
  std::string head;
  for (size_t i = 0; i < pages.size() && i < 2; ++i) head += pages[i].text + "\n";
  return head;
}

// Dates on the document's face, by kind. The issue date comes first from a
// DATE: / Sent: header field (correspondence, faxes, program statements),
// then a caption's date line, then an "issued"-style label. A review date is
// a past review only when its label says so ("Reviewed", "Revised"); a
// "REVIEW DATE" / "Next review" after the issue date is a scheduled review.
struct FaceDates {
  LabeledDate issued, effective, reviewed, review_due;
};
FaceDates ReadFaceDates(const std::string& head, const std::string& given_issued) {
  static const RE2 kHeaderDate(R"((?mi)^[ \t]*(?:date|sent)[ \t]*:[ \t]*)");
  static const auto kIssued = DateLabel("issued|issue|date issued|date of issue|signed|adoption|adopted|approved");
  static const auto kEffective = DateLabel("effective|eff\\.?|date effective|in effect");
  static const auto kReviewed = DateLabel("reviewed|revised|revision|rev\\.|reissued|re-issued");
  static const auto kReview = DateLabel("next\\s+review|review\\s+due|due\\s+for\\s+review|review");
  FaceDates dates;
  dates.issued = FindLabeledDate(head, kHeaderDate);
  if (dates.issued.iso.empty()) dates.issued = CaptionDateLine(head);
  if (dates.issued.iso.empty()) dates.issued = FindLabeledDate(head, *kIssued);
  dates.effective = FindLabeledDate(head, *kEffective);
  dates.reviewed = FindLabeledDate(head, *kReviewed);
  const LabeledDate review = FindLabeledDate(head, *kReview);
  const std::string issued = !given_issued.empty() ? given_issued
                             : !dates.issued.iso.empty() ? dates.issued.iso
                                                         : dates.effective.iso;
  if (!review.iso.empty()) {
    if (issued.empty() || review.iso > issued) dates.review_due = review;
    else if (dates.reviewed.iso.empty()) dates.reviewed = review;
  }
  return dates;
}

}  // namespace

DocumentIdentity InferIdentity(const DocumentInput& input, const Jurisdictions* jurisdictions) {
  const DocumentMetadata& m = input.metadata;
  const std::string head = HeadOf(input.pages);
  DocumentIdentity id;
  const HeadingIdentity printed = PrintedIdentity(input.pages);  // read once: it gives a number and a title
  NumberMatch inferred_number = InferNumber(input.pages, head, printed);
  if (inferred_number.value == "D.C. Code") {
    // An excerpt of the Code is known by the section it was compiled for.
    if (const std::string section = PrincipalSection(CodeSections(input.pages)); !section.empty())
      inferred_number.value += " § " + section;
  }
  const std::string number = m.number.empty() ? inferred_number.value : m.number;
  id.number = Pick(m.number, inferred_number.value);
  id.title = Pick(m.title, InferTitle(input.pages, head, inferred_number, printed));
  id.agency = Pick(m.agency, InferAgency(head));
  std::string kind = m.doc_kind.empty() ? internal::InferKind(head, number) : m.doc_kind;
  std::string authority = internal::AuthorityOf(kind, head);
  if (jurisdictions && m.doc_kind.empty()) ApplyLawForm(*jurisdictions, head, kind, authority);  // any jurisdiction's laws
  if (m.doc_kind.empty()) authority = internal::AuthorityByDefault(kind, authority, head);
  id.doc_kind = Pick(m.doc_kind, kind);
  id.authority = Pick(m.authority, authority);
  // A bill's number names the bill: a committee's report on it, a sheriff's page or a story about it is another
  // document (not law), whose citation the bill's number would mislead.
  if (inferred_number.bill && m.number.empty() && id.authority.value != "law") id.number = Pick("", "");
  std::string jurisdiction;
  if (jurisdictions && m.jurisdiction.empty()) {
    const bool law = id.authority.value == "law";
    // The number the document is known by places it too: "8 U.S.C. § 1357" read off the U.S. Code's own caption
    // (UsCodeSectionHeader), in the form jurisdictions.yaml cites federal law by.
    jurisdiction = InferJurisdiction(*jurisdictions, id.number.value.empty() ? head : id.number.value + "\n" + head,
                                     id.agency.value, law);
    // A long document whose first pages name no place (a manual's preface, code of ethics and mission statement)
    // is placed by the rest of it: "5 ILCS 805/15" and "Illinois" on page 290 of the Lisle PD Policy Manual.
    if (jurisdiction.empty() && input.pages.size() > 2) {
      std::string all;
      for (const PageText& page : input.pages) all += page.text + "\n";
      jurisdiction = InferJurisdiction(*jurisdictions, all, id.agency.value, law);
    }
  }
  id.jurisdiction = Pick(m.jurisdiction, jurisdiction);
  const FaceDates dates = ReadFaceDates(head, m.issued);
  id.issued = Pick(m.issued, dates.issued.iso);
  id.effective = Pick(m.effective, dates.effective.iso);
  id.review = Pick("", dates.reviewed.iso);
  id.review_due = Pick("", dates.review_due.iso);
  return id;
}

std::vector<DocumentRelation> FindDocumentRelations(const std::vector<PageText>& pages) {
  std::vector<DocumentRelation> out;
  for (size_t p = 0; p < pages.size() && p < 2; ++p) {
    for (const std::string& line : SplitLines(pages[p].text)) {
      std::string label, rest;
      if (!RE2::FullMatch(line, ReferenceLine(), &label, &rest) && !RE2::FullMatch(line, SeeLine(), &label, &rest)) {
        continue;
      }
      const NumberMatch referenced = FirstNumber(rest);
      // "See" in running text without a document number is prose, not a reference.
      if (RelationKind(label) == "see" && referenced.printed.empty()) continue;
      out.push_back(DocumentRelation{RelationKind(label), referenced.printed, Trimmed(rest), pages[p].page_no});
    }
  }
  return out;
}

std::vector<DocumentDate> FindDocumentDates(const DocumentInput& input) {
  const FaceDates dates = ReadFaceDates(HeadOf(input.pages), input.metadata.issued);
  std::vector<DocumentDate> out;
  for (const auto& [kind, date] : {std::pair<const char*, const LabeledDate&>{"issued", dates.issued},
                                   {"effective", dates.effective},
                                   {"reviewed", dates.reviewed},
                                   {"review_due", dates.review_due}}) {
    if (!date.iso.empty()) out.push_back(DocumentDate{kind, date.iso, date.words});
  }
  return out;
}

}  // namespace foiamine::extractors
