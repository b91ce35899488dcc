#include "pipeline/margin_numbers.h"

#include <algorithm>
#include <map>
#include <optional>

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
  for (size_t k = 0; k < by_top.size(); ++k) {
    const int index = by_top[k].second;
    const LineBox& l = body[index];
    MarginPlan::Region r{index, std::max(0, column_left - h), l.top - h / 3, l.left - h / 3, l.bottom + h / 3};
    // Never into the margin of the lines above and below (a tight leading
    // would put two numbers in one region: "47").
    if (k > 0) r.top = std::max(r.top, (body[by_top[k - 1].second].bottom + l.top) / 2);
    if (k + 1 < by_top.size()) r.bottom = std::min(r.bottom, (l.bottom + body[by_top[k + 1].second].top) / 2);
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

int AttachMarginNumbers(std::vector<SourceWord>& words) {
  struct Line {
    size_t first = 0, last = 0;  // word indexes, inclusive
    Box box;
  };
  std::vector<Line> lines;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].box) return 0;
    const Box& b = *words[i].box;
    if (lines.empty() || words[i - 1].after != Break::kSpace) {
      lines.push_back(Line{i, i, b});
    } else {
      Line& l = lines.back();
      l.last = i;
      l.box = Box{std::min(l.box.x0, b.x0), std::min(l.box.y0, b.y0), std::max(l.box.x1, b.x1), std::max(l.box.y1, b.y1)};
    }
  }
  auto is_number = [&](const Line& l) {
    const std::string& t = words[l.first].text;
    return l.first == l.last && !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string::npos;
  };
  std::vector<size_t> body, numbers;
  std::vector<double> lefts;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (is_number(lines[k])) {
      numbers.push_back(k);
    } else {
      body.push_back(k);
      lefts.push_back(lines[k].box.x0);
    }
  }
  if (numbers.size() < 5 || body.size() < 5) return 0;
  std::sort(lefts.begin(), lefts.end());
  const double body_left = lefts[lefts.size() / 10];
  // Each number wholly left of the text goes to the body line it is level
  // with: their boxes overlap by at least half the number's height.
  std::sort(body.begin(), body.end(), [&](size_t a, size_t b) { return lines[a].box.y0 < lines[b].box.y0; });
  std::map<size_t, size_t> number_of_body;  // body line -> number line
  for (size_t n : numbers) {
    const Box& nb = lines[n].box;
    if (nb.x1 >= body_left) continue;
    std::optional<size_t> best;
    double best_overlap = 0;
    for (size_t b : body) {
      const Box& bb = lines[b].box;
      const double overlap = std::min(nb.y1, bb.y1) - std::max(nb.y0, bb.y0);
      if (overlap >= (nb.y1 - nb.y0) * 0.5 && overlap > best_overlap) best = b, best_overlap = overlap;
    }
    if (best && !number_of_body.count(*best)) number_of_body[*best] = n;
  }
  if (number_of_body.size() < 5) return 0;
  // The numbers must ascend down the body lines they sit beside.
  double top = 1e18, bottom = -1e18;
  for (const auto& [b, n] : number_of_body) {
    top = std::min(top, lines[b].box.y0);
    bottom = std::max(bottom, lines[b].box.y1);
  }
  std::vector<int> values;
  for (size_t b : body) {
    if (lines[b].box.y0 < top || lines[b].box.y1 > bottom) continue;
    auto it = number_of_body.find(b);
    values.push_back(it == number_of_body.end() ? 0 : std::atoi(words[lines[it->second].first].text.c_str()));
  }
  if (!MarginNumbersAscend(values)) return 0;
  std::vector<SourceWord> out;
  out.reserve(words.size());
  std::vector<bool> moved(lines.size(), false);
  for (const auto& [b, n] : number_of_body) moved[n] = true;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (moved[k]) continue;
    if (auto it = number_of_body.find(k); it != number_of_body.end()) {
      SourceWord number = words[lines[it->second].first];
      number.after = Break::kSpace;
      out.push_back(std::move(number));
    }
    for (size_t i = lines[k].first; i <= lines[k].last; ++i) out.push_back(words[i]);
  }
  words = std::move(out);
  return static_cast<int>(number_of_body.size());
}

int MarginGapValue(const std::vector<int>& values, size_t k) {
  if (k == 0 || k + 1 >= values.size() || values[k] != 0) return 0;
  if (values[k - 1] > 0 && values[k + 1] == values[k - 1] + 2) return values[k - 1] + 1;
  return 0;
}

}  // namespace foiamine
