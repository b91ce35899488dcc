// Internal to extractors: is a line in capitals the first line of a sentence
// (a bill's new matter, set in capitals) rather than a heading?
#pragma once

#include <functional>
#include <optional>
#include <string_view>

namespace foiamine::extractors::internal {

// `line` is a line of capitals that wrapped at the margin; `below(i)` gives
// the i-th line after it (0: the next), or nothing past the block. Does the
// sentence it opens, read on through the wrapped lines of capitals below it
// (at most six), hold a modal ("SHALL", "MUST", "MAY", "WILL") before it ends?
// "THE  DUTIES  AND  AUTHORITY  OF  POLICE  OFFICERS, PEACE" / "OFFICERS, AND
// SCHOOL RESOURCE OFFICERS SHALL NOT INCLUDE" / ... is a sentence; a heading
// wrapped in capitals ("§ 145.05 DUTIES OF POLICE OFFICERS, PEACE OFFICERS,
// AND" / "SCHOOL RESOURCE OFFICERS; IMMIGRATION.") holds none.
bool OpensModalSentenceInCapitals(std::string_view line,
                                  const std::function<std::optional<std::string_view>(size_t)>& below);

}  // namespace foiamine::extractors::internal
