#include "extractors/cross_reference.h"

#include <re2/re2.h>

#include "extractors/text_fold.h"
#include "extractors/section.h"

namespace foiamine::extractors::internal {

std::optional<ProvisionReference> FindProvisionReference(std::string_view folded) {
  static const RE2 kReference(
      R"re((?i)\b(?:dut(?:y|ies)|requirements?|obligations?|prohibitions?|restrictions?)\s+(?:(?:imposed|established|created|set\s+(?:forth|out)|stated|described)\s+)?(?:by|in|under|of)\s+(?:this\s+)?(?:subsections?|paragraphs?|subdivisions?|subparagraphs?)\s+\(?([a-z0-9]{1,4})\)?)re");
  // Only a unit that lifts the duty names its source this way: "duties under
  // subsection (a)" in "information that would assist officials in carrying
  // out duties under subsection (a)" is a purpose, not the unit's topic.
  static const RE2 kLifts(kLiftsDutyPattern);
  re2::StringPiece in(folded.data(), folded.size());
  if (!RE2::PartialMatch(in, kLifts)) return std::nullopt;
  // ... or names the provision set aside: "The provisions of subsection (a) shall not apply when ...", "Subsection (a)
  // does not apply if ...".
  static const RE2 kSetAside(
      R"re((?i)\b(?:subsections?|paragraphs?|subdivisions?|subparagraphs?)\s+\(?([a-z0-9]{1,4})\)?(?:\s+of\s+this\s+(?:section|chapter|article))?\s+(?:does|do|shall|will)\s+not\s+apply\b)re");
  re2::StringPiece whole, label;
  const RE2* found = &kReference;
  if (!kReference.Match(in, 0, in.size(), RE2::UNANCHORED, &whole, 1)) {
    if (!kSetAside.Match(in, 0, in.size(), RE2::UNANCHORED, &whole, 1)) return std::nullopt;
    found = &kSetAside;
  }
  if (!RE2::PartialMatch(whole, *found, &label)) return std::nullopt;
  ProvisionReference ref;
  ref.start = static_cast<size_t>(whole.data() - folded.data());
  ref.end = ref.start + whole.size();
  ref.label = AsciiLower(std::string_view(label.data(), label.size()));
  return ref;
}

bool SectionPathHolds(std::string_view path, std::string_view label) {
  static const RE2 kComponent(R"re(([[:alnum:]]+))re");
  // (a bulleted item's place is no provision: "V., bullet 3" holds no "3")
  path = WithoutBulletPlace(path);
  re2::StringPiece in(path.data(), path.size());
  std::string component;
  while (RE2::FindAndConsume(&in, kComponent, &component))
    if (AsciiLower(component) == label) return true;
  return false;
}

}  // namespace foiamine::extractors::internal
