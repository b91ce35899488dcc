// Section: one numbered unit of a document's structure, as a lawyer cites it.
#pragma once

#include <string>
#include <string_view>

namespace foiamine::extractors {

// A numbered section, subsection or list item ("9.a.(b)", "24-211.07(b)(1)",
// "413.4.2", "IV.B.", "Part IV").
//
// Offsets are Unicode code point offsets into the normalized text of the page
// named (see PageText). A section starts at its number (or its heading when it
// has no number) and ends where the next section of the same or a shallower
// depth starts, or at the end of the document; it may span pages.
struct Section {
  std::string path;     // full path, markers concatenated as printed: "9.a.(b)"
  std::string marker;   // this level's own marker as printed: "(b)"
  std::string heading;  // heading text on the marker's line, "" when none
  int depth = 0;        // 0 = outermost
  int page = 0;         // 1-based page of the marker
  int char_start = 0;   // offset of the marker in that page's text
  int heading_end = 0;  // end of the marker line (marker + heading) on `page`
  int end_page = 0;     // page where the section's content ends
  int end_char = 0;     // exclusive end offset in end_page's text
};

// A clause in an unnumbered bulleted item cites the item's place in its list
// after the path of the section that holds it: "Appendix A, bullet 4"
// (bullet_ordinals.h). The place is no level of the document's numbering.
inline constexpr std::string_view kBulletPlace = ", bullet ";

// `path` without a bulleted item's place: "V., bullet 3" -> "V.".
inline std::string_view WithoutBulletPlace(std::string_view path) { return path.substr(0, path.find(kBulletPlace)); }

}  // namespace foiamine::extractors
