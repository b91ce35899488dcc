#include "pipeline/normalize.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include "pipeline/text_file.h"

namespace foiamine {
namespace {

const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !nfkc) std::abort();  // ICU data missing: nothing can work
  return *nfkc;
}

// Maps one code point after NFKC; returns -1 to drop it.
UChar32 MapChar(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return -1;
    default:
      break;
  }
  if (u_isWhitespace(c) || c == 0x00A0) return ' ';
  if (u_iscntrl(c)) return -1;
  return c;
}

struct CleanWord {
  std::string text;        // UTF-8, well-formed
  size_t code_points = 0;  // in `text`
  bool ended_with_soft_hyphen = false;
  // Ends with a hyphen proper (U+002D, U+2010, U+2011), not a dash: only a
  // hyphen can split a word across lines; "Compact—" + "recognizing" must
  // keep its dash.
  bool ended_with_hyphen = false;
};

CleanWord CleanOne(const std::string& utf8) {
  CleanWord out;
  // Most words are printable ASCII (U+0021..U+007E): NFKC and MapChar leave
  // them as they are and there is no space to trim, so they are copied.
  if (!utf8.empty() && std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x21 && c <= 0x7E; })) {
    out.text = utf8;
    out.code_points = utf8.size();
    out.ended_with_hyphen = utf8.back() == '-';
    return out;
  }
  icu::UnicodeString raw = icu::UnicodeString::fromUTF8(utf8);
  // A soft hyphen at the end marks a line-end break inside a word.
  if (raw.length() > 0) {
    UChar last = raw.charAt(raw.length() - 1);
    out.ended_with_soft_hyphen = last == 0x00AD;
    out.ended_with_hyphen = last == '-' || last == 0x2010 || last == 0x2011;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString nfkc = Nfkc().normalize(raw, status);
  if (U_FAILURE(status)) nfkc = raw;
  icu::UnicodeString text;
  bool last_space = true;  // trims leading spaces
  for (int32_t i = 0; i < nfkc.length();) {
    UChar32 c = nfkc.char32At(i);
    i += U16_LENGTH(c);
    UChar32 m = MapChar(c);
    if (m < 0) continue;
    if (m == ' ') {
      if (last_space) continue;
      last_space = true;
    } else {
      last_space = false;
    }
    text.append(m);
  }
  while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') text.truncate(text.length() - 1);
  // Whole code points only (fromUTF8 replaces ill-formed bytes, NFKC and
  // MapChar give code points): no surrogate is left alone, so the page's
  // UTF-8 is the concatenation of its words'.
  text.toUTF8String(out.text);
  out.code_points = static_cast<size_t>(text.countChar32());
  return out;
}

bool EndsWithLetterHyphen(std::string_view s) {
  const int32_t n = static_cast<int32_t>(s.size());
  if (n < 2 || s.back() != '-') return false;
  int32_t i = n - 1;
  UChar32 before = 0;
  U8_PREV(s.data(), 0, i, before);
  return u_isalpha(before);
}

// Does `next` start with a letter of the case `word` ends in (lower after lower, upper after upper)?
bool SameCaseLetters(std::string_view word, std::string_view next) {
  if (word.empty() || next.empty()) return false;
  int32_t i = static_cast<int32_t>(word.size());
  UChar32 last = 0;
  U8_PREV(word.data(), 0, i, last);
  int32_t j = 0;
  UChar32 first = 0;
  U8_NEXT(next.data(), j, static_cast<int32_t>(next.size()), first);
  return (u_islower(last) && u_islower(first)) || (u_isupper(last) && u_isupper(first));
}

bool StartsLowercase(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 first = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), first);
  return u_islower(first);
}

}  // namespace

std::vector<Span> PageSentences(const NormalizedPage& page) {
  // Single line breaks are wraps: hide them from the sentence breaker.
  icu::UnicodeString flat = icu::UnicodeString::fromUTF8(page.text);
  for (int32_t i = 0; i < flat.length(); ++i) {
    if (flat.charAt(i) == '\n') {
      bool double_break = (i + 1 < flat.length() && flat.charAt(i + 1) == '\n') || (i > 0 && flat.charAt(i - 1) == '\n');
      if (!double_break) flat.setCharAt(i, ' ');
    }
  }
  // One iterator per thread, reused page after page (creating one costs
  // more than breaking a page); setText starts it afresh.
  thread_local std::unique_ptr<icu::BreakIterator> it;
  std::vector<Span> spans;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
    if (U_FAILURE(status)) it.reset();
    if (!it) return spans;
  }
  it->setText(flat);
  // Convert UTF-16 indices to code point indices as we go.
  int32_t prev16 = it->first();
  size_t prev_cp = 0;
  for (int32_t next16 = it->next(); next16 != icu::BreakIterator::DONE; next16 = it->next()) {
    size_t next_cp = prev_cp + static_cast<size_t>(flat.countChar32(prev16, next16 - prev16));
    // Trim trailing and leading whitespace from the span.
    size_t s = prev_cp, e = next_cp;
    int32_t s16 = prev16, e16 = next16;
    while (s16 < e16 && u_isWhitespace(flat.char32At(s16))) {
      s16 = flat.moveIndex32(s16, 1);
      ++s;
    }
    while (e16 > s16 && u_isWhitespace(flat.char32At(flat.moveIndex32(e16, -1)))) {
      e16 = flat.moveIndex32(e16, -1);
      --e;
    }
    if (s < e) spans.push_back(Span{s, e});
    prev16 = next16;
    prev_cp = next_cp;
  }
  return spans;
}

NormalizedPage NormalizePage(const std::vector<SourceWord>& words) {
  NormalizedPage page;
  page.word_spans.resize(words.size());
  std::vector<CleanWord> clean;
  clean.reserve(words.size());
  for (const auto& w : words) clean.push_back(CleanOne(w.text));

  std::string& out = page.text;
  size_t cp = 0;  // code points in `out`
  // The separator owed before the next non-empty word, decided by the last
  // non-empty word's break.
  Break pending = Break::kSpace;
  bool have_previous = false;
  bool glue_next = false;  // previous word was de-hyphenated onto this one
  for (size_t i = 0; i < words.size(); ++i) {
    CleanWord& w = clean[i];
    if (w.text.empty()) {
      page.word_spans[i] = Span{cp, cp};
      // Keep the strongest break seen across vanished words.
      if (have_previous && words[i].after > pending) pending = words[i].after;
      continue;
    }
    // De-hyphenate across a line end.
    const bool glued_to_previous = glue_next;
    std::string_view piece = w.text;
    size_t piece_points = w.code_points;
    glue_next = false;
    if (words[i].after != Break::kSpace && i + 1 < words.size()) {
      // Find the next non-empty word.
      size_t j = i + 1;
      while (j < words.size() && clean[j].text.empty()) ++j;
      if (j < words.size() && words[i].after == Break::kLine) {
        // (a soft hyphen's word goes on in the same case: "co\u00ad" / "located", "MEMORAN\u00ad" / "DUM"; a page's
        // footer after the last line of its body, "co\u00ad" / "Page 12", is no part of the word)
        if (w.ended_with_soft_hyphen && SameCaseLetters(piece, clean[j].text)) {
          glue_next = true;
        } else if (w.ended_with_hyphen && EndsWithLetterHyphen(piece) && StartsLowercase(clean[j].text)) {
          piece.remove_suffix(1);
          --piece_points;
          glue_next = true;
        }
      }
    }
    if (have_previous && !glued_to_previous) {
      // A word joined onto the next line's part moves down to that line: the line break comes before it, where a
      // space stood ("... of any inmate" / "determined by the department ..."), so every line keeps about the width
      // it was printed at, which is how the layout tells a line that wrapped from one that ended.
      const Break before = pending == Break::kSpace && glue_next ? Break::kLine : pending;
      out += before == Break::kSpace ? " " : before == Break::kLine ? "\n" : "\n\n";
      cp += before == Break::kParagraph ? 2 : 1;
    }
    size_t start = cp;
    out += piece;
    cp += piece_points;
    page.word_spans[i] = Span{start, cp};
    pending = words[i].after;
    have_previous = true;
  }
  return page;
}

std::vector<std::string> NormalizedTextPages(std::string_view bytes) {
  std::vector<std::string> pages;
  for (const SourcePage& page : PagesFromText(bytes).pages) pages.push_back(NormalizePage(page.words).text);
  return pages;
}

}  // namespace foiamine
