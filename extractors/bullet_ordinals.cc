#include "extractors/bullet_ordinals.h"

#include <map>
#include <string_view>

#include "extractors/marker_shapes.h"
#include "extractors/text_fold.h"
#include "extractors/section.h"

namespace foiamine::extractors::internal {
namespace {

// The glyph a bulleted unit opens with: its bytes up to the first space.
std::string_view Glyph(std::string_view text) {
  text = Trim(text);
  const size_t space = text.find_first_of(" \t\n");
  return text.substr(0, space == std::string_view::npos ? text.size() : space);
}

}  // namespace

std::vector<int> BulletOrdinals(const DocumentLayout& layout) {
  const auto& units = layout.units();
  std::vector<int> ordinals(units.size(), 0);
  struct List {
    std::string glyph;  // the section's first glyph
    int count = 0;
  };
  std::map<int, List> lists;  // by section
  for (size_t ui = 0; ui < units.size(); ++ui) {
    const Unit& unit = units[ui];
    const std::string_view text = Trim(std::string_view(layout.stream()).substr(unit.begin, unit.end - unit.begin));
    List& list = lists[unit.section];
    // (a new lead-in or heading may open its list with another glyph; its items count on from the last list's, so
    // that no two items of one section share a place: a 287(g) agreement's Appendix A lists the delegated powers,
    // then "Additional Supervisory and Administrative Responsibilities:", whose first item is "Appendix A, bullet 3"
    // after two powers, not a second "bullet 1")
    if (unit.heading || (!unit.bullet && !text.empty() && text.back() == ':')) {
      list.glyph.clear();
      continue;
    }
    if (unit.in_bullet_item) {
      ordinals[ui] = list.count;  // the item's later sentences: its place too
      continue;
    }
    if (!unit.bullet) continue;
    if (Glyph(text).size() == text.size()) continue;  // a stray glyph, no item: "•" / "•" / "The power and authority to ..."
    // (a scanner reads one list's round bullets as "*", "+", "«", "¢" or "·" from item to item, a scanned draft MOA's
    // "* Notify ...", "+ Permit ...", "* Provide ...": one glyph; sub-bullets, "o", "-", "▪", "◦", stay glyphs of their own)
    const std::string_view glyph = BulletGlyphClass(Glyph(text));
    if (list.glyph.empty()) list.glyph = std::string(glyph);
    if (glyph == list.glyph) ordinals[ui] = ++list.count;
  }
  return ordinals;
}

std::string WithBulletOrdinal(const std::string& path, int ordinal) {
  if (ordinal <= 0 || path.empty()) return path;
  return path + std::string(kBulletPlace) + std::to_string(ordinal);
}

}  // namespace foiamine::extractors::internal
