// Internal to extractors: the place of an unnumbered bullet in its list, so
// that a clause in a bulleted item is cited to the item, not only to the
// section that holds the list: the fourth delegated power of a 287(g)
// agreement's Appendix A is "Appendix A, bullet 4", as a lawyer pinpoints an
// unnumbered item.
#pragma once

#include <string>
#include <vector>

#include "extractors/layout.h"

namespace foiamine::extractors::internal {

// One entry per unit of `layout`: the 1-based place of the bulleted item the
// unit opens (or continues, as its later sentence) among the items of its
// list, 0 for a unit in none.
// A list is the run of bullets of one glyph in one section (the first glyph
// its bullets use, a round bullet's scanned readings "*", "+", "«", "¢", "·"
// one glyph: sub-bullets of another glyph are counted in no list); a
// unit that ends with ':' (a new lead-in) or a heading starts the next list,
// whose items count on from the last list's: each place is the item's among
// all the section's items, so no two share it.
std::vector<int> BulletOrdinals(const DocumentLayout& layout);

// `path` with the ordinal appended ("V." + 3 -> "V., bullet 3"), or `path`
// when the ordinal is 0 or the path is empty.
std::string WithBulletOrdinal(const std::string& path, int ordinal);

}  // namespace foiamine::extractors::internal
