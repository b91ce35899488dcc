#include "extractors/cue_scan.h"

#include <algorithm>

namespace foiamine::extractors::internal {

std::vector<std::pair<size_t, size_t>> AllMatches(const RE2& re, std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t start = static_cast<size_t>(m.data() - text.data());
    size_t end = start + m.size();
    out.emplace_back(start, end);
    pos = end > start ? end : end + 1;
  }
  return out;
}

std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text) {
  std::vector<CueHit> all;
  for (const auto& cue : cues)
    for (auto [s, e] : AllMatches(*cue.re, text))
      if (e > s) all.push_back(CueHit{s, e, cue.stance});
  std::stable_sort(all.begin(), all.end(), [](const CueHit& a, const CueHit& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<CueHit> kept;
  for (const CueHit& h : all) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const CueHit& k) { return h.start < k.end && k.start < h.end; });
    if (!overlaps) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const CueHit& a, const CueHit& b) { return a.start < b.start; });
  return kept;
}

}  // namespace foiamine::extractors::internal
