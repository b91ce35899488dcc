#include "extractors/line_text.h"

#include <re2/re2.h>

#include <cctype>

namespace foiamine::extractors::internal {

bool EndsWithJoiningWord(std::string_view line) {
  static const RE2 kJoining(R"((?i)(?:^|[\s(])(?:the|a|an|of|to|and|or|nor|in|for|with|by|from|that|under|upon|shall|must|may|will|not|§+)$)");
  static const RE2 kItemEnd(R"((?i);\s*(?:and|or)$)");
  const re2::StringPiece in(line.data(), line.size());
  return RE2::PartialMatch(in, kJoining) && !RE2::PartialMatch(in, kItemEnd);
}

const char* const kLineDatePattern = R"(^\W{0,2}(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b)";

bool StartsWithDate(std::string_view line) {
  static const RE2 kDate(kLineDatePattern);
  // Every body line asks, and most open with a letter, which neither \W (RE2's: not an ASCII letter, digit or '_')
  // nor a date's first digit can be.
  const char first = line.empty() ? '_' : line[0];
  if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_') return false;
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kDate);
}

bool EndsWithCitationLead(std::string_view line) {
  // ("... appointed pursuant to Article" / "III of the United States Constitution"; "Title" / "8 of ...")
  static const RE2 kLead(R"((?i)(?:§+|\bU\.\s?S\.\s?C\.|\bC\.\s?F\.\s?R\.|\b(?:sub)?sections?|\bparagraphs?|\bnos?\.|\b(?:to|of|under|in) (?:article|title|chapter|part)s?)$)");
  // Every match ends in '.', '§', or a letter of "section(s)", "paragraph(s)", "article(s)", "title(s)", "chapter(s)",
  // "part(s)" in either case: a line ending in another ASCII byte is refused without the regex (most lines; a
  // non-ASCII last byte, such as U+017F's, which (?i) folds onto 's', still goes to it).
  if (line.empty()) return false;
  const auto last = static_cast<unsigned char>(line.back());
  if (last < 0x80 && std::string_view(".sSnNhHeErRtT").find(static_cast<char>(last)) == std::string_view::npos) return false;
  // (a line ending in 'e', 'r' or 't', most prose lines, goes to the regex only when it ends with the word itself)
  if (last < 0x80 && std::string_view("eErRtT").find(static_cast<char>(last)) != std::string_view::npos) {
    const auto ends_with = [&](std::string_view word) {
      if (line.size() < word.size()) return false;
      for (size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[line.size() - word.size() + i])) != word[i]) return false;
      return true;
    };
    if (!ends_with("article") && !ends_with("title") && !ends_with("chapter") && !ends_with("part")) return false;
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
