// Internal to extractors: a unit that lifts or limits the duty another
// provision of the same law imposes ("A law enforcement agency is not
// required to perform a duty imposed by Subsection (a) ..."). Such a unit
// often names no topic of its own; it speaks to the topics of the provision
// it names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace foiamine::extractors::internal {

// The provision a unit names as the source of a duty, prohibition or
// requirement, in its folded text.
struct ProvisionReference {
  size_t start = 0;   // the reference's byte range in the folded text
  size_t end = 0;
  std::string label;  // the provision's own label, lower-case: "a", "3", "b"
};

// "is not required to perform a duty imposed by Subsection (a)", "is exempt
// from the requirements of paragraph (3)"; nullopt when the text names none
// or does not lift (not required, need not, exempt, relieved, waived) a duty.
// ("section 287(g)" names another law's section, not a part of this one:
// only subsections, paragraphs and subdivisions count.)
std::optional<ProvisionReference> FindProvisionReference(std::string_view folded);
// Its test for a lifted duty, which a reference needs (an RE2 source).
// (and a prohibition set aside for a case: "Subsection (a) does not apply when the individual has been convicted of a
// violent felony")
inline constexpr std::string_view kLiftsDutyPattern =
    R"re((?i)\b(?:not (?:be )?required to|need not|exempt\w*|relieved of|waive[sd]?|(?:does|do|shall|will) not apply|(?:is|are) (?:not applicable|inapplicable))\b)re";

// Does the section path ("2.251(a)(2)", "22-171.3.A", "VI.B.3") hold a
// provision labelled `label` ("a", "3") at any level?
bool SectionPathHolds(std::string_view path, std::string_view label);

}  // namespace foiamine::extractors::internal
