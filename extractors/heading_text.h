// Internal to extractors: the tests that tell a heading from text, line by
// line (words counted, capitals, a heading's shape after its marker).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace foiamine::extractors::internal {

// The words of `s` (runs of bytes other than space and tab), counted up to
// `limit` + 1: a caller that only compares the count with `limit` or less
// need not read a long line to its end.
size_t CountWords(std::string_view s, size_t limit = SIZE_MAX);
bool AllCapsText(std::string_view s);

// Does `s` stop on a word that runs on into the next line ("OR", "THE", "OF", "SHALL")? As kRunOnWordPattern; the
// word is looked up without the regex where no non-ASCII byte comes before it.
extern const char* const kRunOnWordPattern;
bool EndsOnRunOnWord(std::string_view s);

// Is the text after a marker (or a whole unnumbered line) a heading?
bool IsHeadingText(std::string_view rest, const std::string& style, bool has_marker, bool next_starts_upper);

}  // namespace foiamine::extractors::internal
