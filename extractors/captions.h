// Internal to extractors: a code section's caption with its first subsection
// run in after it, as codes print them: Texas's "Sec. 493.015. IDENTIFICATION
// OF DEPORTABLE ALIENS. (a) In this section, ..." and Missouri's "544.472.
// Persons confined to jail, verification ... required. —1. If verification
// ...". The caption heads the section; the run-in marker opens its first item.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/numbering.h"

namespace foiamine::extractors::internal {

struct CaptionThenFirst {
  std::string_view caption;  // "IDENTIFICATION OF DEPORTABLE ALIENS." (a view into the text given)
  Marker first;              // "(a)", "(1)" or, after a dash, "1."
  size_t first_at = 0;       // bytes from the start of the text given to the first item's marker
};

// The caption and first item of `rest` (the text after a section's marker),
// or nothing. A caption is at most 15 words (45 before a dash) closed by '.'; the first item is
// "(a)" or "(1)", or "1." after a dash ("—1.", "-1.", "-- 1.") or after the
// caption's period alone ("Civil arrest; certain locations. 1. A person ..."). `all_caps_caption`:
// only a caption in capitals (the last line of one that wrapped, which has no
// marker before it to vouch for it).
std::optional<CaptionThenFirst> FindCaptionThenFirst(std::string_view rest, const std::vector<Level>& stack,
                                                     bool all_caps_caption);

// The same on a later line of a caption that wrapped, whose words may start
// in lower case: after a dash, "rights of public employees. —1.
// Notwithstanding ..." (Missouri's captions run to thirty words), or after the
// caption's period, "instruction permits.  (a)  Notwithstanding ..." (Hawaii's).
// `caption` is then the caption's last words on `line`.
std::optional<CaptionThenFirst> FindFirstInWrappedCaption(std::string_view line, const std::vector<Level>& stack);

// A caption in capitals whose section's text runs in after its period, with no first item: "CONFIDENTIALITY OF
// INFORMATION. UNLESS DISCLOSURE IS REQUIRED" after "§ 319-C." (N.Y. S. 257, 2023: a bill's new matter is set in
// capitals). The caption ("CONFIDENTIALITY OF INFORMATION.", a view into `rest`), or nothing: the caption is at most
// 15 whole words in capitals ("D.C." or "U.S." in a sentence ends none) and at least two words follow it.
std::optional<std::string_view> FindCaptionThenText(std::string_view rest);

// "(5 ILCS 805/15)": Illinois prints the Act's citation above each section;
// a lawyer cites the section as "805/15". Leaves the outputs alone when the
// line is something else.
void ReadIlcsCitation(std::string_view line, std::string& act, std::string& section);

}  // namespace foiamine::extractors::internal
