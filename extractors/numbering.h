// Internal to extractors: section numbering — the markers a line starts
// with ("III.", "(b)", "7284.6", "Sec. 3."), placed in the numbering already
// open (with OCR-damaged numerals read as their sequence expects), and the
// citation path of an open stack of levels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/heading_text.h"

namespace foiamine::extractors::internal {

// One level of numbering on the section stack.
struct Level {
  std::string style;    // "sec", "dec", "word:part", "word:section", "1.", "a.", "A.", "i.", "I.", "(1)", "(a)", ...
  std::string printed;  // path part: "(b)", "9.", "24-211.07", "Part IV", "3" (for "Sec. 3.")
  int value = 0;
  int section = -1;
};

struct Marker {
  std::string style;
  std::string printed;
  std::string part;  // what the marker contributes to a path, if not `printed`
  int value = 0;
  size_t length = 0;  // bytes of the marker and the spaces after it
  bool bullet = false;
  bool closed = false;  // a word marker ended by '.' or ':' ("Sec. 3.")
  bool lower_rest = false;  // "2. arrest or detain ...": an item only inside a list
};

// Shared by numbering.cc and numbering_repair.cc: the open level of `style` (null when none); whether a style is a
// list's or an outline's, numbered in sequence ("(a)", "1.", "II."; not "§ ...", "413.4", "Part IV" or a bullet); a
// signature's initials and name ("C. M. Cronen"), which no marker opens; the token a list/outline style prints for
// `value` (("(a)", 2) -> "(b)"; empty for divisions and bullets).
const Level* FindStyle(const std::vector<Level>& stack, const std::string& style);
bool IsListOrOutlineStyle(const std::string& style);
bool IsInitialsAndName(std::string_view line);
std::string RenderMarker(const std::string& style, int value);

// True when `rest` starts like a sentence or a heading (upper case, a quote,
// a parenthesis, a non-ASCII letter) or is empty.
bool StartsUpper(std::string_view rest);

// The marker `line` starts with, read against the open `stack`, without
// repair. `next_line_starts_upper`: a bare "7284.6." is a section number when
// text follows on the next line.
std::optional<Marker> ParseMarker(std::string_view line, const std::vector<Level>& stack,
                                  bool next_line_starts_upper = false);

// The next marker in the text, looked up only when a damaged one needs it.
using NextMarkerFn = std::function<std::optional<Marker>()>;

// The next marker as a look-ahead for a damaged one sees it: as printed, or a
// part's damaged numeral before a heading in capitals ("[[. POLICY").
std::optional<Marker> LookAheadMarker(std::string_view line, const std::vector<Level>& stack);

// The marker a line starts with, placed in the numbering open in `stack`
// (see numbering.cc for the full rule): a marker that carries on an open
// sequence is taken as printed; after a strong break a damaged marker
// ("lil.") is read as the value a sequence expects; a numbered line in
// lower case is an item only after a strong break or a lead-in's ':'.
std::optional<Marker> PlaceMarker(std::string_view line, const std::vector<Level>& stack, bool strong,
                                  bool after_colon, bool next_starts_upper, const NextMarkerFn& next_marker);


// List items ("(a)", "(1)", "a.", "1)") as opposed to divisions ("§ ...",
// "413.4", "Part IV") and top-level roman parts ("II.").
bool IsListStyle(const std::string& style);
// Is `m` (at a line's start) the next item of a run-in list the line before holds, its item before printed inside
// that line rather than at its start ("Training will include ...: (i) discussion of ...;" / "(ii) the scope of ...;
// (iii) ...")? The list wrapped: its items are run in, the line opens no item. Only parenthesized markers, and not when
// the item before is an open line-level item of the same numbering. So is a first item in lower case after a line cut
// mid-sentence, its second item after a comma on the same line ("... the notice will include, at a minimum," / "(1) an
// overview of the reason(s) ..., (2) the length ..."): an enumeration inside the sentence. `line` is the line `m`
// opens.
bool ContinuesRunInLine(const Marker& m, const std::vector<Level>& stack, std::string_view previous_line,
                        std::string_view line);

// An appendix, attachment, exhibit or annex ("APPENDIX A"): a part after the
// body, which closes every level open before it.
bool IsAppendedPart(const std::string& style);

// Section numbers ("§ 24-211.07", "413.4") are extended directly by their
// items: "Sec. 3." + "(a)" -> "3(a)".
bool IsSectionNumber(const std::string& style);

// Does marker `m` carry on the numbering of the open level `open`, so that it
// replaces that level (and closes what is under it) instead of nesting? The
// same style; code and policy section numbers however printed ("§ 7284.6."
// then "7284.10."); and a section number restated under its section word
// ("Wash. Rev. Code § 43.17.425" then "Section 43.17.425 - Immigration ..."):
// one section, cited "43.17.425(1)"; "Section 43.17.430" there is the next
// section of that code.
bool SameNumbering(const Level& open, const Marker& m);

// Where marker `m` goes in the open `stack`: the index of the level it replaces, or stack.size() to open a level under
// the innermost. It replaces the innermost level of its numbering (SameNumbering), or an outer one it carries on ("5."
// after "4." closes the "1.", "2." listed under "4.(c)"); but a list's first item after a lead-in's ':' ("(c) ...
// including the following:" / "1. Inquiring into ...") opens a list of its own under the lead-in's item, though an
// outer level is numbered alike: the items belong to the lead-in, not beside the outer "4.".
size_t LevelFor(const std::vector<Level>& stack, const Marker& m, bool after_colon);

// The citation path of the open levels: "IV.B.1.", "7284.6(a)(1)(C)",
// "Part IV (a)"; a code section is cited by its own number, without the
// title and chapter above it.
std::string BuildPath(const std::vector<Level>& stack);

// `path` with an item's `marker` after it: "(b)" + "(2)" -> "(b)(2)"; a number after a number is set apart, as a
// citation reads it: "908.1032" + "4." -> "908.1032 4." (not "908.10324.", another section's number).
std::string JoinedPath(const std::string& path, const std::string& marker);

}  // namespace foiamine::extractors::internal
