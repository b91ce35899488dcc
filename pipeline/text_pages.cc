#include "pipeline/text_pages.h"

#include <algorithm>

#include "base/utf8.h"

namespace foiamine {
namespace {

bool Blank(char c) { return c == ' ' || c == '\t'; }

// Length of the first page of `rest` (rest.size() > max_bytes).
size_t FirstPageLength(std::string_view rest, size_t max_bytes) {
  const size_t half = max_bytes / 2;
  // A paragraph break: a newline whose line, up to the next newline, holds
  // only blanks. Searched backwards from the window's end; the page ends
  // after that second newline.
  for (size_t i = max_bytes; i-- > half;) {
    if (rest[i] != '\n') continue;
    size_t j = i;
    while (j > 0 && Blank(rest[j - 1])) --j;
    if (j > 0 && rest[j - 1] == '\n') return i + 1;
  }
  for (size_t i = max_bytes; i-- > half;) {
    if (rest[i] == '\n') return i + 1;
  }
  for (size_t i = max_bytes; i-- > 0;) {
    if (Blank(rest[i])) return i + 1;
  }
  // One very long word: cut at a code point, never inside one (and always past the first byte, so the split moves on).
  return std::max<size_t>(Utf8Prefix(rest, max_bytes).size(), 1);
}

}  // namespace

std::vector<std::string_view> SplitTextSheet(std::string_view sheet, size_t max_bytes) {
  if (max_bytes < 8) max_bytes = 8;
  std::vector<std::string_view> pages;
  while (sheet.size() > max_bytes) {
    const size_t n = FirstPageLength(sheet, max_bytes);
    pages.push_back(sheet.substr(0, n));
    sheet.remove_prefix(n);
  }
  pages.push_back(sheet);
  return pages;
}

}  // namespace foiamine
