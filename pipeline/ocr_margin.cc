#include "pipeline/ocr_margin.h"

#include <algorithm>
#include <map>

namespace foiamine {

namespace {

struct LineBox {
  int left = 0, top = 0, right = 0, bottom = 0;
  int words = 0;
};

bool Overlap(int top_a, int bottom_a, int top_b, int bottom_b) {
  return std::min(bottom_a, bottom_b) > std::max(top_a, top_b);
}

}  // namespace

MarginPlan PlanMarginNumbers(const std::vector<OcrWordBox>& words) {
  MarginPlan plan;
  constexpr size_t kMinLines = 5;
  if (words.size() < kMinLines * 2) return plan;
  std::vector<int> heights;
  for (const OcrWordBox& w : words) heights.push_back(w.bottom - w.top);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int h = std::max(1, heights[heights.size() / 2]);  // a word's usual height

  std::map<int, LineBox> lines;
  for (const OcrWordBox& w : words) {
    auto [it, fresh] = lines.try_emplace(w.line, LineBox{w.left, w.top, w.right, w.bottom, 0});
    LineBox& l = it->second;
    l.left = std::min(l.left, w.left);
    l.top = std::min(l.top, w.top);
    l.right = std::max(l.right, w.right);
    l.bottom = std::max(l.bottom, w.bottom);
    ++l.words;
  }
  // Body lines: horizontal lines of text (no taller than two and a half
  // words, several words wide). A column read as vertical text is neither.
  std::map<int, LineBox> body;
  std::vector<int> lefts;
  for (const auto& [index, l] : lines) {
    if (l.bottom - l.top > h * 5 / 2 || l.right - l.left < h * 4) continue;
    body[index] = l;
    lefts.push_back(l.left);
  }
  if (body.size() < kMinLines) return plan;
  std::sort(lefts.begin(), lefts.end());
  const int body_left = lefts[lefts.size() / 10];  // the text's left edge (a few indented or centred lines aside)

  // The column: words of no body line lying wholly left of the body text.
  int column_left = -1, column_top = -1, column_bottom = -1;
  for (size_t i = 0; i < words.size(); ++i) {
    const OcrWordBox& w = words[i];
    if (body.count(w.line) || w.right >= body_left - h / 2) continue;
    plan.column_words.push_back(i);
    column_left = column_left < 0 ? w.left : std::min(column_left, w.left);
    column_top = column_top < 0 ? w.top : std::min(column_top, w.top);
    column_bottom = std::max(column_bottom, w.bottom);
  }
  if (plan.column_words.empty()) return plan;
  // The margin beside every body line the column runs along.
  std::vector<std::pair<int, int>> by_top;  // (top, line)
  for (const auto& [index, l] : body) {
    if (l.left < body_left - h / 2 || !Overlap(l.top, l.bottom, column_top, column_bottom)) continue;
    by_top.emplace_back(l.top, index);
  }
  std::sort(by_top.begin(), by_top.end());
  for (const auto& [top, index] : by_top) {
    const LineBox& l = body[index];
    MarginPlan::Region r{index, std::max(0, column_left - h), l.top - h / 3, l.left - h / 3, l.bottom + h / 3};
    r.top = std::max(0, r.top);
    if (r.right - r.left < h / 2) continue;
    plan.regions.push_back(r);
  }
  if (plan.regions.size() < kMinLines) plan = MarginPlan{};
  return plan;
}

bool MarginNumbersAscend(const std::vector<int>& values) {
  std::vector<std::pair<size_t, int>> read;  // (region, value)
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] > 0) read.emplace_back(i, values[i]);
  if (read.size() < 5 || read.size() * 5 < values.size() * 3) return false;
  size_t steady = 0;
  for (size_t k = 1; k < read.size(); ++k) {
    if (read[k].second <= read[k - 1].second) return false;
    if (read[k].second - read[k - 1].second == static_cast<int>(read[k].first - read[k - 1].first)) ++steady;
  }
  return steady * 5 >= (read.size() - 1) * 4 && read.front().second <= static_cast<int>(read.front().first) + 3;
}

int MarginGapValue(const std::vector<int>& values, size_t k) {
  if (k == 0 || k + 1 >= values.size() || values[k] != 0) return 0;
  if (values[k - 1] > 0 && values[k + 1] == values[k - 1] + 2) return values[k - 1] + 1;
  return 0;
}

}  // namespace foiamine
