// The normalize stage (ICU): turns a page's source words into the page text
// that is indexed, searched and matched, and keeps the map back to words.
//
// What it does, in order:
//   * NFKC per word (ligatures "ﬁ" -> "fi", full-width forms, NBSP -> space);
//   * curly quotes -> ' and ", every dash (U+2010..U+2015, U+2212) -> '-';
//   * removes soft hyphens and zero-width characters;
//   * joins a word hyphenated at a line end ("notifi-" + "cation") when the
//     next line starts with a lowercase letter, or when a soft hyphen was
//     there;
//   * folds whitespace: one ' ' between words on a line, '\n' between printed
//     lines, "\n\n" after a large vertical gap;
//   * and, asked (PageSentences), finds sentence boundaries (ICU
//     BreakIterator, where a single '\n' is a line wrap, not an end).
// Offsets are Unicode code points in `text`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/page.h"

namespace foiamine {

struct Span {
  size_t start = 0;  // code point offset, inclusive
  size_t end = 0;    // exclusive
};

struct NormalizedPage {
  std::string text;               // UTF-8
  std::vector<Span> word_spans;   // one per source word (empty span if it vanished)
};

NormalizedPage NormalizePage(const std::vector<SourceWord>& words);

// The page's sentence spans, covering its text's non-space parts. Computed
// on demand (ICU's sentence breaker costs a fifth of NormalizePage), since
// nothing in the pipeline reads them yet.
std::vector<Span> PageSentences(const NormalizedPage& page);

// The pages of a plain text as a run indexes a text file: split into pages
// and words by the text stage (PagesFromText: form feeds, lines, blank
// lines), then normalized by NormalizePage; page i+1 at [i]. The one way
// the tests and benchmarks that start from text (corpus/truth, pdftotext
// output) make what the extractors read, so they measure the text the
// pipeline produces.
std::vector<std::string> NormalizedTextPages(std::string_view bytes);

// Version of this stage, stored as a stage version.
inline constexpr const char kNormalizeVersion[] = "normalize-3";  // 2: a soft hyphen joins only a word of its case; 3: a joined word moves down to its second line

}  // namespace foiamine
