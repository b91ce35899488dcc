#include "extractors/heading_text.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <iterator>

#include <re2/re2.h>

#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

namespace {

// The high bit of each byte of `x` that is zero, and no other bit (exact: no carry runs between bytes).
uint64_t ZeroBytes(uint64_t x) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// The high bit of each byte of `x` that is a space or a tab.
uint64_t SpaceOrTabBytes(uint64_t x) {
  return ZeroBytes(x ^ 0x2020202020202020ULL) | ZeroBytes(x ^ 0x0909090909090909ULL);
}

}  // namespace

size_t CountWords(std::string_view s, size_t limit) {
  // A word starts at each byte other than space and tab that follows one (or opens `s`). Every line of a document
  // is counted (IsHeadingText): eight bytes at a time, in a register, the byte before each one's flag shifted in.
  size_t words = 0;
  uint64_t space_before = 0x80;  // the flag of the byte before the block: "a space" before the text
  size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, sizeof x);
      const uint64_t space = SpaceOrTabBytes(x);
      const uint64_t starts = ~space & ((space << 8) | space_before) & 0x8080808080808080ULL;
      // (each byte of starts >> 7 is 0 or 1; the multiplication sums them into the top byte)
      words += static_cast<size_t>(((starts >> 7) * 0x0101010101010101ULL) >> 56);
      if (words > limit) return limit + 1;
      space_before = space >> 56;
    }
  }
  bool in_word = space_before == 0;
  for (; i < s.size(); ++i) {
    const bool space = s[i] == ' ' || s[i] == '\t';
    if (!space && !in_word && ++words > limit) break;
    in_word = !space;
  }
  return words;
}

// Does `s` hold at least `min_letters` ASCII letters, at least 80% of them
// capitals? (Letters as std::isalpha / std::isupper classify bytes in the C
// locale the program runs in, without a library call per byte.) Most lines
// asked are prose: the scan stops once the bytes left could not bring the
// capitals back to 80% even if all were capitals.
static bool MostlyCapitals(std::string_view s, size_t min_letters) {
  // capitals / letters >= 0.8 <=> capitals >= 4 * lower case
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c >= 'a' && c <= 'z') {
      ++lower;
      if (upper + (s.size() - i - 1) < 4 * lower) return false;
    }
  }
  return upper + lower >= min_letters && upper >= 4 * lower;
}

static bool TitleIsh(std::string_view s) {
  size_t long_words = 0, capitalized = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view w = s.substr(i, j - i);
    if (w.size() >= 4) {
      ++long_words;
      if (std::isupper(static_cast<unsigned char>(w[0]))) ++capitalized;
    }
    i = j;
  }
  return long_words > 0 && capitalized * 10 >= long_words * 6;
}

const char* const kRunOnWordPattern = R"((?i)\b(?:or|and|nor|the|of|a|an|to|for|in|by|with|that|any|shall|may)$)";

bool EndsOnRunOnWord(std::string_view s) {
  static const RE2 kRunsOn(kRunOnWordPattern);
  // A match is the run of ASCII letters `s` ends with, whole (\b: no word byte before it), when no non-ASCII byte
  // precedes the run: only "s" among these words' letters has a non-ASCII code point (?i) folds onto it (U+017F,
  // "ſhall"), and it would end the run early. Then the run is looked up; otherwise the pattern decides.
  static constexpr std::string_view kWords[] = {"or", "and", "nor", "the", "of", "a", "an", "to", "for",
                                                "in", "by", "with", "that", "any", "shall", "may"};
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  size_t start = s.size();
  while (start > 0 && is_letter(s[start - 1])) --start;
  // Every match ends in an ASCII letter (no other code point folds onto the letters these words end in).
  if (start == s.size()) return false;
  if (start > 0 && static_cast<unsigned char>(s[start - 1]) >= 0x80)
    return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kRunsOn);
  if (start > 0 && (std::isdigit(static_cast<unsigned char>(s[start - 1])) || s[start - 1] == '_')) return false;
  const std::string_view run = s.substr(start);
  if (run.size() > 5) return false;  // longer than "shall"
  char lower[5];
  for (size_t i = 0; i < run.size(); ++i) lower[i] = static_cast<char>(run[i] | 0x20);
  const std::string_view word(lower, run.size());
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// Does `s` hold " - "? The dash first (most lines have none, where a search for the three bytes stops at every
// space), then its neighbours.
static bool HasSpacedDash(std::string_view s) {
  for (size_t dash = s.find('-', 1); dash != std::string_view::npos && dash + 1 < s.size(); dash = s.find('-', dash + 1))
    if (s[dash - 1] == ' ' && s[dash + 1] == ' ') return true;
  return false;
}

// Is the text after a marker (or a whole unnumbered line) a heading?
bool IsHeadingText(std::string_view rest, const std::string& style, bool has_marker, bool next_starts_upper) {
  rest = Trim(rest);
  if (rest.empty()) return false;
  // (no test below looks past 20 words, nor past 10 without a marker)
  const size_t words = CountWords(rest, has_marker ? 20 : 10);
  const char last = rest.back();
  if (last == ',' || last == ';' || last == '-') return false;
  // A code site's breadcrumb over a section: "Code of Alabama - Title 31: Military Affairs and Civil Defense -
  // Section 31-13-18 - Verification of legal status ...": its parts joined by dashes, the section's number among
  // them. However long, it heads the text (and ends on no modal: a sentence with a dash in it is no breadcrumb).
  if (!has_marker && HasSpacedDash(rest)) {
    static const RE2 kBreadcrumb(R"(^[^.;]{2,160}? - (?:Section|SECTION|Sec\.|§+) ?\d[\w.:-]* - [A-Z])");
    static const RE2 kAnyModal(R"((?i)\b(?:shall|must|may|will)\b)");
    const re2::StringPiece in(rest.data(), rest.size());
    if (RE2::PartialMatch(in, kBreadcrumb) && !RE2::PartialMatch(in, kAnyModal)) return true;
  }
  // The word counts decide most lines (prose runs longer), before the regexes
  // below and the letters are counted (a "sec" heading is counted below).
  if (!has_marker && words > 10) return false;
  if (has_marker && style != "sec" && words > 12) return false;
  // A line that stops on "OR", "THE", "OF" runs on into the next: a sentence
  // set in capitals (a bill's new text), not a heading.
  if (EndsOnRunOnWord(rest)) return false;
  // ... and one that ends a sentence with its modal ("GOVERNMENT MAY NOT ENTER INTO AN AGREEMENT."), or opens a list
  // with it ("IF REQUESTED BY FEDERAL IMMIGRATION AUTHORITIES, AN EMPLOYEE SHALL:"), or with a checklist's prohibition
  // ("Do NOT:" / "- Call or e-mail ICE about the release").
  static const RE2 kModal(R"((?i)\b(?:shall|must|may|will)\b)");
  static const RE2 kProhibitionLeadIn(R"((?i)^\W*(?:do\s+not|don'?t|never)\W*:$)");
  if ((last == '.' || last == ':') && RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kModal)) return false;
  if (last == ':' && RE2::FullMatch(re2::StringPiece(rest.data(), rest.size()), kProhibitionLeadIn)) return false;
  if (has_marker && style == "sec") return words <= 20;
  if (!has_marker) return MostlyCapitals(rest, 4);
  if (MostlyCapitals(rest, 3)) return true;
  // "SECTION 1. Findings:": a short title after a word marker, its colon
  // introducing the section's paragraphs.
  if (last == ':' && style.rfind("word:", 0) == 0 && words <= 4 && TitleIsh(rest)) return true;
  if (last == ':') return false;
  if (style.rfind("word:", 0) == 0) {
    // ... unless it is a sentence's first line, its subject and modal verb in it: "Sec. 11. Each sheriff operating a
    // jail shall enter into a written agreement" / "with ..." (its line not known to have wrapped: a blank line OCR set
    // below it, a short document); a caption names what may be done ("Sec. 4. Persons who may be detained").
    static const RE2 kRelativeModal(R"((?i)\b(?:who|that|which|what|whom)\s+(?:[\w-]+\s+)?(?:shall|must|may|will)\b)");
    const re2::StringPiece in(rest.data(), rest.size());
    return words < 6 || !RE2::PartialMatch(in, kModal) || RE2::PartialMatch(in, kRelativeModal);
  }
  if (last == '.' || last == '?') return false;
  return words <= 8 && TitleIsh(rest) && next_starts_upper;
}

bool AllCapsText(std::string_view s) { return MostlyCapitals(s, 3); }

}  // namespace foiamine::extractors::internal
