#include "extractors/cross_reference.h"

#include <re2/re2.h>

#include "extractors/text_fold.h"

#include <cctype>

namespace foiamine::extractors::internal {

std::optional<ProvisionReference> FindProvisionReference(std::string_view folded) {
  static const RE2 kReference(
      R"re((?i)\b(?:dut(?:y|ies)|requirements?|obligations?|prohibitions?|restrictions?)\s+(?:(?:imposed|established|created|set\s+(?:forth|out)|stated|described)\s+)?(?:by|in|under|of)\s+(?:this\s+)?(?:subsections?|paragraphs?|subdivisions?|subparagraphs?)\s+\(?([a-z0-9]{1,4})\)?)re");
  // Only a unit that lifts the duty names its source this way: "duties under
  // subsection (a)" in "information that would assist officials in carrying
  // out duties under subsection (a)" is a purpose, not the unit's topic.
  static const RE2 kLifts(R"re((?i)\b(?:not (?:be )?required to|need not|exempt\w*|relieved of|waive[sd]?)\b)re");
  re2::StringPiece in(folded.data(), folded.size());
  if (!RE2::PartialMatch(in, kLifts)) return std::nullopt;
  re2::StringPiece whole, label;
  if (!kReference.Match(in, 0, in.size(), RE2::UNANCHORED, &whole, 1)) return std::nullopt;
  if (!RE2::PartialMatch(whole, kReference, &label)) return std::nullopt;
  ProvisionReference ref;
  ref.start = static_cast<size_t>(whole.data() - folded.data());
  ref.end = ref.start + whole.size();
  ref.label = AsciiLower(std::string_view(label.data(), label.size()));
  return ref;
}

bool SectionPathHolds(std::string_view path, std::string_view label) {
  if (label.empty()) return false;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && !std::isalnum(static_cast<unsigned char>(path[i]))) ++i;
    size_t j = i;
    while (j < path.size() && std::isalnum(static_cast<unsigned char>(path[j]))) ++j;
    if (j - i == label.size()) {
      bool same = true;
      for (size_t k = 0; k < label.size() && same; ++k)
        same = std::tolower(static_cast<unsigned char>(path[i + k])) == label[k];
      if (same) return true;
    }
    i = j;
  }
  return false;
}

}  // namespace foiamine::extractors::internal
