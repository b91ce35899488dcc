// Internal to extractors: every match of a regular expression in a text,
// and the modal and report cues of a unit with overlaps resolved.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {

// A cue's match in a unit's folded text and the stance it speaks for.
struct CueHit {
  size_t start = 0;
  size_t end = 0;
  Stance stance = Stance::kMentions;
};

// Every non-overlapping match of `re` in `text`, left to right, as byte ranges.
std::vector<std::pair<size_t, size_t>> AllMatches(const RE2& re, std::string_view text);

// All cue matches; where cues overlap the longest wins (so "no member will
// prohibit" beats "will", and "shall not" beats "shall"). Sorted by start.
std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text);

}  // namespace foiamine::extractors::internal
