#include "pipeline/code_strips.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "extractors/exemptions.h"

namespace foiamine {
namespace {

bool HasAlnum(const std::string& text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

int CenterX(const OcrWordBox& b) { return (b.left + b.right) / 2; }
int CenterY(const OcrWordBox& b) { return (b.top + b.bottom) / 2; }

std::string Joined(const std::vector<LineWord>& words, size_t from, size_t to) {
  std::string text;
  for (size_t i = from; i < to; ++i) text += (i > from ? " " : "") + words[i].text;
  return text;
}

}  // namespace

std::vector<PixelRect> PlanCodeStrips(const std::vector<PixelRect>& bars, int width, int height, double dpi) {
  std::vector<PixelRect> out;
  for (const PixelRect& bar : bars) {
    const int h = bar.bottom - bar.top;
    if (h <= 0 || h > dpi * 0.5) continue;
    PixelRect strip;
    // Past the bar and the margin the page read painted white with it.
    strip.left = bar.right + 3;
    strip.right = std::min(width, bar.right + static_cast<int>(std::lround(dpi * 2.2)));
    strip.top = std::max(0, bar.top - h / 2);
    strip.bottom = std::min(height, bar.bottom + h / 2);
    for (const PixelRect& other : bars) {
      // The next bar on the same line ends the strip: its code is its own.
      const int overlap = std::min(bar.bottom, other.bottom) - std::max(bar.top, other.top);
      const int smaller = std::min(h, other.bottom - other.top);
      if (&other == &bar || other.left < bar.right - 1 || overlap * 2 < smaller) continue;
      strip.right = std::min(strip.right, other.left - 2);
    }
    if (strip.right - strip.left < dpi * 0.1 || strip.bottom <= strip.top) continue;
    out.push_back(strip);
  }
  return out;
}

bool SpliceCodeReading(std::vector<LineWord>& words, const PixelRect& strip, const std::vector<LineWord>& strip_words) {
  // The leading run of the strip's words that is labels only, with a code.
  size_t run = 0;
  for (size_t k = 1; k <= strip_words.size(); ++k) {
    const std::string text = Joined(strip_words, 0, k);
    if (!extractors::IsRedactionLabel(text)) break;
    if (HasAlnum(strip_words[k - 1].text) && extractors::CountCodeForms(text) > 0) run = k;
  }
  if (run == 0) return false;
  int left = strip_words[0].box.left, right = strip_words[0].box.right;
  for (size_t k = 0; k < run; ++k) {
    left = std::min(left, strip_words[k].box.left);
    right = std::max(right, strip_words[k].box.right);
  }
  // The page's words on that spot.
  std::vector<size_t> old;
  for (size_t i = 0; i < words.size(); ++i) {
    const OcrWordBox& b = words[i].box;
    if (CenterY(b) < strip.top || CenterY(b) >= strip.bottom) continue;
    if (CenterX(b) >= left && CenterX(b) <= right) old.push_back(i);
  }
  std::string old_text;
  for (size_t i : old) old_text += words[i].text + " ";
  if (extractors::CountCodeForms(Joined(strip_words, 0, run)) <= extractors::CountCodeForms(old_text)) return false;
  // Where the codes go: in place of those words (kept together in reading
  // order), or after the word that ends just left of them on the line.
  size_t at;
  int line;
  Break last_after;
  if (!old.empty()) {
    if (old.back() - old.front() + 1 != old.size()) return false;  // not one run of the page's text
    at = old.front();
    line = words[at].box.line;
    last_after = words[old.back()].after;
    words.erase(words.begin() + static_cast<std::ptrdiff_t>(old.front()),
                words.begin() + static_cast<std::ptrdiff_t>(old.back()) + 1);
  } else {
    std::optional<size_t> before;
    for (size_t i = 0; i < words.size(); ++i) {
      const OcrWordBox& b = words[i].box;
      if (CenterY(b) < strip.top || CenterY(b) >= strip.bottom || b.right > left) continue;
      if (!before || b.right > words[*before].box.right) before = i;
    }
    if (!before) return false;
    at = *before + 1;
    line = words[*before].box.line;
    last_after = words[*before].after;
    words[*before].after = Break::kSpace;
  }
  std::vector<LineWord> codes(strip_words.begin(), strip_words.begin() + static_cast<std::ptrdiff_t>(run));
  for (LineWord& w : codes) {
    w.box.line = line;
    w.after = Break::kSpace;
  }
  codes.back().after = last_after;
  words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), codes.begin(), codes.end());
  return true;
}

}  // namespace foiamine
