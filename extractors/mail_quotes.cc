#include "extractors/mail_quotes.h"

#include <cctype>
#include <string_view>

namespace foiamine::extractors::internal {

namespace {

constexpr size_t kLeastQuotedLines = 3;

// The bytes of quoting marks and the spaces among and after them at the line's start; 0 when it opens with none.
size_t QuoteMarksLength(std::string_view line) {
  size_t at = 0;
  bool mark = false;
  while (at < line.size() && (line[at] == '>' || line[at] == ' ' || line[at] == '\t')) {
    if (line[at] == '>') mark = true;
    ++at;
  }
  // (">=" is no quoting: a mark is followed by a space, another mark, a letter (a scan's OCR drops the space: ">From:
  // [REDACTED]") or the line's end; a line opening "->" opens with no mark)
  if (!mark) return 0;
  const size_t last_mark = std::string_view(line.data(), at).find_last_of('>');
  if (last_mark + 1 < line.size()) {
    const char after = line[last_mark + 1];
    if (after != ' ' && after != '\t' && after != '>' && !std::isalpha(static_cast<unsigned char>(after))) return 0;
  }
  return at;
}

}  // namespace

void CutMailQuoteMarks(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  const auto text_of = [&](const Line& l) { return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin); };
  size_t quoted = 0;
  for (const Line& l : lines)
    if (!l.ignored && QuoteMarksLength(text_of(l)) > 0) ++quoted;
  if (quoted < kLeastQuotedLines) return;
  bool blank_pending = false;
  for (Line& l : lines) {
    if (l.ignored) continue;
    if (blank_pending) {
      l.blank_before = true;
      blank_pending = false;
    }
    const size_t cut = QuoteMarksLength(text_of(l));
    if (cut == 0) continue;
    l.begin += cut;
    if (l.begin >= l.end) {  // marks alone: a blank line of the quoted message
      l.begin = l.end;
      l.ignored = true;
      blank_pending = true;
    }
  }
}

}  // namespace foiamine::extractors::internal
