#include "extractors/marker_shapes.h"

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

const char* const kDashedSectionPattern =
    R"(^((\d{1,3}[A-Za-z]?-(\d{1,4})[A-Za-z]?-(\d{1,5})(?:\.\d{1,3})?[A-Za-z]?)\.?)(?:\s+|$))";
const char* const kTitleSectionPattern = R"(^((\d{1,3}[A-Za-z]?-(\d{3,5})[A-Za-z]?(?:\.\d{1,3})?[A-Za-z]?)\.)(?:\s+|$))";
const char* const kDecimalSectionPattern = R"(^((\d{1,4}[A-Z]{0,2}(?:\.\d{1,3})+)\.?)(?:\s+|$))";

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

}  // namespace foiamine::extractors::internal
