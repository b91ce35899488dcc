// Legal citations found in text ("D.C. Code § 24-211.07(b)", "8 C.F.R. §
// 287.7", "Form I-247A"), normalized so they can be searched and joined.
#pragma once

#include <string>
#include <vector>

#include "extractors/document_text.h"

namespace foiamine::extractors {

struct Citation {
  // dc_code | dc_law | dc_act | dcr | mayors_order | cfr | usc | ina_287g |
  // form | order_number
  std::string kind;
  std::string normalized;  // "D.C. Code § 24-211.07(b)", "8 U.S.C. § 1373", "INA § 287(g)"
  std::string raw;         // as printed (may include OCR damage, e.g. "8 C.ER. 287.7")
  int page = 0;            // 1-based
  int char_start = 0;      // code point offsets in the page's text
  int char_end = 0;
};

// All citations in the pages, in page then offset order; citations never
// overlap. Tolerates the OCR damage measured on this platform ("C.ER.",
// "C.FR." for C.F.R.; "US.C." for U.S.C.). Line breaks inside a citation are
// allowed; citations do not cross page breaks.
std::vector<Citation> FindCitations(const std::vector<PageText>& pages);

}  // namespace foiamine::extractors
