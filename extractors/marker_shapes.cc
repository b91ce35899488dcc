#include "extractors/marker_shapes.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace foiamine::extractors::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// RE2's \s: [\t\n\f\r ].
bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The number of ASCII digits `line` opens with (RE2's \d is [0-9]).
size_t LeadingDigits(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && IsDigit(line[n])) ++n;
  return n;
}

// The bytes from `from` on that are in `set`.
size_t RunOf(std::string_view line, size_t from, std::string_view set) {
  size_t end = from;
  while (end < line.size() && set.find(line[end]) != std::string_view::npos) ++end;
  return end - from;
}

}  // namespace

// (the article may be decimal, as Colorado's are: "24-76.6-102. Prohibitions")
const char* const kDashedSectionPattern =
    R"(^((\d{1,3}[A-Za-z]?-(\d{1,4})(?:\.\d{1,3})?[A-Za-z]?-(\d{1,5})(?:\.\d{1,3})?[A-Za-z]?)\.?)(?:\s+|$))";
const char* const kTitleSectionPattern = R"(^((\d{1,3}[A-Za-z]?-(\d{3,5})[A-Za-z]?(?:\.\d{1,3})?[A-Za-z]?)\.)(?:\s+|$))";
// (a section's number within its chapter may run to four digits, as Wisconsin's do: "66.0408 Local ordinances")
const char* const kDecimalSectionPattern = R"(^((\d{1,4}[A-Z]{0,2}\.\d{1,4}(?:\.\d{1,3})*)\.?)(?:\s+|$))";

bool MayOpenWithDashedNumber(std::string_view line) {
  // \d{1,3} takes every leading digit (a fourth would have to be the letter or the '-').
  const size_t n = LeadingDigits(line);
  if (n == 0 || n > 3 || n == line.size()) return false;
  const char c = line[n];
  if (c == '-') return true;
  return IsAsciiLetter(c) && n + 1 < line.size() && line[n + 1] == '-';
}

bool MayOpenWithDecimalNumber(std::string_view line) {
  // \d{1,4} takes every leading digit, [A-Z]{0,2} every capital after them; then ".\d".
  const size_t n = LeadingDigits(line);
  if (n == 0 || n > 4) return false;
  size_t i = n;
  while (i < line.size() && i < n + 2 && line[i] >= 'A' && line[i] <= 'Z') ++i;
  return i + 1 < line.size() && line[i] == '.' && IsDigit(line[i + 1]);
}

// (and a heading's word run in after its numeral, as a copied page prints it: "II.Questioning of Foreign
// Nationals/Arrest Policy", "A.Questioning ...": the word's first three letters end the match)
const char* const kDotMarkerPattern = R"(^(([0-9]{1,3}|[A-Za-z]|[IVXLC]{2,6}|[ivxlc]{2,6})([.)]))(?:\s+|$|[A-Z][A-Za-z]{2}))";

std::optional<DotMarker> ReadDotMarker(std::string_view line) {
  // The token: the alternatives in the pattern's order. Each can only end where its run of bytes ends (a shorter
  // run is followed by another byte of the run, not by '.' or ')'), so each is tried at its longest: one to three
  // digits; one letter; two to six capital roman digits; two to six small ones.
  size_t token = 0;
  const auto closes_at = [&](size_t end) { return end < line.size() && (line[end] == '.' || line[end] == ')'); };
  if (const size_t digits = LeadingDigits(line); digits > 0) {
    if (digits <= 3 && closes_at(digits)) token = digits;
  } else if (!line.empty() && IsAsciiLetter(line[0])) {
    const size_t capitals = RunOf(line, 0, "IVXLC"), smalls = RunOf(line, 0, "ivxlc");
    if (closes_at(1)) token = 1;
    else if (capitals >= 2 && capitals <= 6 && closes_at(capitals)) token = capitals;
    else if (smalls >= 2 && smalls <= 6 && closes_at(smalls)) token = smalls;
  }
  if (token == 0) return std::nullopt;
  // Then spaces (all of them) or the end of the line, or a run-in word of a capital and two letters.
  size_t end = token + 1;
  if (end < line.size() && !IsRe2Space(line[end])) {
    if (end + 2 < line.size() && line[end] >= 'A' && line[end] <= 'Z' && IsAsciiLetter(line[end + 1]) &&
        IsAsciiLetter(line[end + 2]))
      return DotMarker{line.substr(0, token), line[token], end + 3};
    return std::nullopt;
  }
  while (end < line.size() && IsRe2Space(line[end])) ++end;
  return DotMarker{line.substr(0, token), line[token], end};
}


// Maps each character to its OCR confusion class (l/1/I/i/| ; O/0/o ; S/5 ;
// B/8 ; "rn"/m ; H/II, as in "Hi." for "III." ; a comma for the period,
// "1," for "1."), so that two tokens one confusion apart fold alike.
namespace {
// A round bullet ("•", "●") and what a scanner reads it as.
constexpr std::string_view kRoundBulletReadings[] = {"\xE2\x80\xA2", "\xE2\x97\x8F", "*", "+", "\xC2\xAB", "\xC2\xA2", "\xC2\xB7"};
}  // namespace

bool IsReadBulletGlyph(std::string_view glyph) {
  return glyph == "o" || glyph == "+" || glyph == "\xC2\xA2" || glyph == "\xC2\xAB" || glyph == "\xC2\xB7";
}

std::string_view BulletGlyphClass(std::string_view glyph) {
  for (std::string_view reading : kRoundBulletReadings)
    if (glyph == reading) return kRoundBulletReadings[0];
  if (glyph == "~") return "-";  // a dash, as a 100-dpi scan reads one ("~ Call or e-mail ICE about the release")
  return glyph;
}

std::string FoldConfusions(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == 'r' && i + 1 < token.size() && token[i + 1] == 'n') {
      out.push_back('m');
      ++i;
      continue;
    }
    switch (c) {
      // (a bilevel scan reads a roman I's serifs as a bracket: "[[. POLICY" for "II. POLICY")
      case 'l': case '1': case 'I': case 'i': case '|': case '[': case ']': out.push_back('1'); break;
      case 'O': case '0': case 'o': out.push_back('0'); break;
      case 'S': case '5': out.push_back('5'); break;
      case 'B': case '8': out.push_back('8'); break;
      case 'H': out += "11"; break;
      // (a bilevel scan's closed or broken bowls: "e." for "c.", "h." for "b.", a policy's lettered items at 100 dpi)
      case 'e': out.push_back('c'); break;
      case 'h': out.push_back('b'); break;
      case ',': out.push_back('.'); break;
      case '{': out.push_back('('); break;  // a parenthesis read as a brace: "{a)", "(2}"
      case '}': out.push_back(')'); break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::vector<std::string> FoldedReadings(const std::string& token) {
  std::vector<std::string> readings = {FoldConfusions(token)};
  if (token.find('@') != std::string::npos)
    for (const char letter : {'a', 'e'}) {
      std::string reading = token;
      std::replace(reading.begin(), reading.end(), '@', letter);
      readings.push_back(FoldConfusions(reading));
    }
  if (const size_t pound = token.find("\xC2\xA3"); pound != std::string::npos)
    readings.push_back(FoldConfusions(token.substr(0, pound) + "f" + token.substr(pound + 2)));
  return readings;
}

std::string ToRoman(int value) {
  static constexpr std::pair<int, const char*> kDigits[] = {{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
                                                            {9, "IX"},  {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, s] : kDigits)
    for (; value >= v; value -= v) out += s;
  return out;
}

std::optional<MarkerToken> LeadingMarkerToken(std::string_view line) {
  // (past a speck read as "_", as ParseMarker reads "_ 1. PURPOSE")
  if (line.size() > 2 && line[0] == '_' && line[1] == ' ') {
    const size_t speck = line.find_first_not_of(' ', 1);
    if (speck == std::string_view::npos) return std::nullopt;
    std::optional<MarkerToken> token = LeadingMarkerToken(line.substr(speck));
    if (token) token->length += speck;
    return token;
  }
  // (in parentheses, a brace may stand for either one, and an item's letter may be read as a symbol: "(@)" for "(a)"
  // or "(e)", "(£)" for "(f)"; RepairMarker tells which the sequence expects)
  // (a speck read as a second point, run into the heading: "2..RELEASE PROCESSING" for "2. RELEASE PROCESSING" in a
  // scanned post order; only before a letter, so that a contents line's dot leader, "1.........5", is none)
  static const RE2 kToken(R"(^([({](?:[0-9A-Za-z|@]|£){1,6}[)}]|[0-9A-Za-z|\[\]]{1,6}[.),])(\s+|$|\.[A-Za-z]))");
  // Cheap refusal first: without a '(' or '{' the token is a run of one to six
  // [0-9A-Za-z|[]] closed by '.', ')' or ','.
  if (!line.empty() && line[0] != '(' && line[0] != '{') {
    auto in_class = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '|' || c == '[' || c == ']';
    };
    size_t run = 0;
    while (run < line.size() && run <= 6 && in_class(line[run])) ++run;
    if (run == 0 || run > 6 || run == line.size() || (line[run] != '.' && line[run] != ')' && line[run] != ','))
      return std::nullopt;
  }
  re2::StringPiece in(line.data(), line.size());
  re2::StringPiece token, after;
  if (!RE2::Consume(&in, kToken, &token, &after)) return std::nullopt;
  const size_t text_start = static_cast<size_t>(in.data() - line.data()) - (after.size() == 2 && after[0] == '.' ? 1 : 0);
  return MarkerToken{std::string(token), text_start};
}

std::optional<ParenMarker> ReadParenMarker(std::string_view marker) {
  if (marker.size() < 3 || marker.front() != '(' || marker.back() != ')') return std::nullopt;
  const std::string_view inner = marker.substr(1, marker.size() - 2);
  ParenMarker m;
  m.text = marker;
  if (inner.size() <= 3 && std::all_of(inner.begin(), inner.end(), IsDigit)) {
    m.kind = '1';
    for (char c : inner) m.value = m.value * 10 + (c - '0');
    return m;
  }
  if (inner.size() == 1 && IsAsciiLetter(inner[0])) {
    m.kind = inner[0] >= 'a' ? 'a' : 'A';
    m.value = inner[0] - (m.kind == 'a' ? 'a' : 'A') + 1;
    return m;
  }
  return std::nullopt;
}

std::vector<ParenMarker> LeadingParenMarkers(std::string_view sentence) {
  std::vector<ParenMarker> out;
  size_t at = 0;
  while (out.size() < 2 && at < sentence.size() && sentence[at] == '(') {
    const size_t close = sentence.find(')', at);
    if (close == std::string_view::npos || close - at > 4) break;
    const std::optional<ParenMarker> m = ReadParenMarker(sentence.substr(at, close - at + 1));
    if (!m) break;
    out.push_back(*m);
    at = close + 1;
  }
  while (at < sentence.size() && sentence[at] == ' ') ++at;
  const bool opens_text = at < sentence.size() && at > 0 && sentence[at - 1] == ' ' &&
                          ((sentence[at] >= 'A' && sentence[at] <= 'Z') || sentence[at] == '"');
  if (!opens_text) out.clear();
  return out;
}

int RomanValue(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = 0;
    switch (std::tolower(static_cast<unsigned char>(*it))) {
      case 'i': v = 1; break;
      case 'v': v = 5; break;
      case 'x': v = 10; break;
      case 'l': v = 50; break;
      case 'c': v = 100; break;
      default: return 0;
    }
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

bool AllRoman(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos; });
}

std::optional<char> DamagedAppendixLetter(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() < 9 || line.size() > 24 || line[0] != 'A') return std::nullopt;
  const char letter = line.back();
  if (letter < 'A' || letter > 'H' || line[line.size() - 2] != ' ') return std::nullopt;
  std::string word;
  for (const char ch : line.substr(0, line.size() - 2)) {
    if (ch == '1' || ch == 'l' || ch == '|') word += 'I';
    else if (std::isalpha(static_cast<unsigned char>(ch))) word += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    else if (std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
  }
  static constexpr std::string_view kWord = "APPENDIX";
  if (word == kWord || word.size() < 6 || word.size() > 10 || !word.starts_with("AP") || word.back() != 'X') return std::nullopt;
  // Levenshtein distance, one row at a time.
  std::vector<size_t> row(kWord.size() + 1);
  for (size_t j = 0; j < row.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= word.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= kWord.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == kWord[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  if (row.back() > 3) return std::nullopt;
  return letter;
}

}  // namespace foiamine::extractors::internal
