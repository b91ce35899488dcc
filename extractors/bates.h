// Bates (production) numbers: the prefix-number stamps a producing agency
// prints in a page margin ("DOC-FOIA-00317-00001"), by which litigators cite
// a production page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace foiamine::extractors {

struct BatesStamp {
  std::string number;    // as printed, "DOC-FOIA-00317-00001"
  std::string prefix;    // everything before the page counter, "DOC-FOIA-00317-"
  int64_t sequence = 0;  // the page counter, 1
  int char_start = 0;    // code point span in the page's normalized text
  int char_end = 0;
};

// The Bates stamp of one page's normalized text, if it has one. A stamp is a
// token of a prefix (starting with a letter, at least two letters, letters,
// digits and '-', '_' or '.') and a zero-padded counter of at least four
// digits ("DOC-FOIA-00317-00001", "ABC0001234"), standing alone (whitespace
// or line edges around it) on one of the page's first or last three lines,
// where stamps are printed. Prose numbers ("FOIA 2024-DOC-00317", "Form
// 4020-12S", "GO-OPS-201.26") do not qualify. When several lines carry one,
// the last line's wins (footers are the usual place).
std::optional<BatesStamp> FindBatesStamp(const std::string& page_text);

}  // namespace foiamine::extractors
