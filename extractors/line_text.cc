#include "extractors/line_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace foiamine::extractors::internal {

bool EndsWithJoiningWord(std::string_view line) {
  static const RE2 kJoining(R"((?i)(?:^|[\s(])(?:the|a|an|of|to|and|or|nor|in|for|with|by|from|that|under|upon|shall|must|may|will|not|§+|)"
                            // ... nor on a determiner, a preposition that wants its object, or a verb of telling
                            // whose object is the agency told ("the sheriff shall notify" / "" / "United States
                            // Immigration and Customs Enforcement.", a scan's OCR)
                            R"(any|each|every|its|their|this|these|those|such|into|between|against|regarding|)"
                            R"(concerning|including|pursuant|notify|contact|inform|advise|)"
                            // ... and a preposition a quoted reply's line stopped on before OCR's blank line ("As to your
                            // request for a 30-minute interview on" / "" / "Monday, DOC will not schedule ...", a
                            // scanned e-mail thread written for a probe)
                            R"(on)$)");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kJoining) && !EndsListItem(line);
}

bool StartsWithCodeTitle(std::string_view text) {
  static const RE2 kCodeTitle(R"(^\d{1,3}\s+(?:[A-Z][A-Za-z]{0,5}\.\s?){2,4})");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kCodeTitle);
}

char LastCharPastSpeck(std::string_view line) {
  if (line.size() >= 3 && line[line.size() - 2] == ' ' && (line.back() == '\'' || line.back() == '`') &&
      line[line.size() - 3] != ' ')
    return line[line.size() - 3];
  return line.empty() ? '.' : line.back();
}

bool EndsListItem(std::string_view line) {
  static const RE2 kItemEnd(R"((?i);(?:\s*(?:and|or|and/or))?$)");
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kItemEnd);
}

bool IsPipeTableRow(std::string_view line) {
  size_t separators = 0;
  for (size_t at = line.find(" | "); at != std::string_view::npos; at = line.find(" | ", at + 3)) ++separators;
  return separators >= 2;
}

// (a log's date without its year when a time follows it: "03/14  1120  FED-IMM  ICE ERO call ...", a records office's
// daily log written for a probe)
const char* const kLineDatePattern =
    R"(^\W{0,2}(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}\s+(?:[01]\d|2[0-3])(?:[0-5]\d|:[0-5]\d)(?:\s*(?:hrs|hours))?\b))";

bool StartsWithDate(std::string_view line) {
  static const RE2 kDate(kLineDatePattern);
  // Every body line asks, and most open with a letter, which neither \W (RE2's: not an ASCII letter, digit or '_')
  // nor a date's first digit can be.
  const char first = line.empty() ? '_' : line[0];
  if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_') return false;
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kDate);
}

const char* const kCitationLeadPattern =
    R"((?i)(?:§+|\bU\.\s?S\.\s?C\.|\bC\.\s?F\.\s?R\.|\b(?:sub)?sections?|\bparagraphs?|\bnos?\.|\b(?:to|of|under|in) (?:article|title|chapter|part)s?)$)";

bool EndsWithCitationLead(std::string_view line) {
  // ("... appointed pursuant to Article" / "III of the United States Constitution"; "Title" / "8 of ...")
  static const RE2 kLead(kCitationLeadPattern);
  // Every line asks, and most end in prose. A match ends in '§' or in one of these, in either case (only "s" and "k"
  // have a non-ASCII code point (?i) folds onto them, U+017F and U+212A, and no ending here holds a "k").
  static constexpr std::string_view kEndings[] = {"section", "sections", "paragraph", "paragraphs", "article",
                                                  "articles", "title", "titles", "chapter", "chapters", "part",
                                                  "parts", "s.c.", "s. c.", "f.r.", "f. r.", "no.", "nos."};
  constexpr size_t kLongestEnding = 10;
  if (line.empty()) return false;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const char last = lower(line.back());
  // (the last byte first: a line ending in another ASCII byte is refused at once)
  if (static_cast<unsigned char>(last) < 0x80 && std::string_view(".nsher").find(last) == std::string_view::npos &&
      last != 't')
    return false;
  // A line ending in a non-ASCII byte ('§', a long s), or with one among its last bytes (a long s inside
  // "ſections"), goes to the regex; so does one whose ASCII tail is one of the endings.
  const std::string_view tail = line.substr(line.size() - std::min(line.size(), kLongestEnding));
  const bool ascii_tail = std::none_of(tail.begin(), tail.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (ascii_tail) {
    const auto ends_with = [&](std::string_view ending) {
      if (ending.back() != last || tail.size() < ending.size()) return false;
      for (size_t i = 0; i < ending.size(); ++i)
        if (lower(tail[tail.size() - ending.size() + i]) != ending[i]) return false;
      return true;
    };
    if (std::none_of(std::begin(kEndings), std::end(kEndings), ends_with)) return false;
  }
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kLead);
}

Field FieldLine(std::string_view line) {
  static const RE2 kField(R"(^([A-Z][A-Za-z.'/&-]*(?: [A-Z][A-Za-z.'/&-]*){0,3})\s*:(?:\s|$))");
  static const RE2 kHeader(
      R"((?i)^(?:from|to|cc|bcc|sent|date|subject|re|fax|pages|title|topic|series|number|no\.|attn|attention|)"
      R"((?:effective|review|issue|issued|revision) date|related to|replaces|supersedes|rescinds|opi|originating agency|)"
      R"(attachments?|enclosures?|asunto|fecha|para|de|memorandum for|through|thru)$)");
  re2::StringPiece label;
  if (line.find(':') == std::string_view::npos) return Field::kNone;  // what kField needs first
  if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kField, &label)) return Field::kNone;
  return RE2::FullMatch(label, kHeader) ? Field::kHeader : Field::kBody;
}

}  // namespace foiamine::extractors::internal
