// Internal to extractors: an e-mail chain's reply quoting ("> > The Department will not honor this detainer"), as a
// FOIA production prints a thread exported as text.
#pragma once

#include <vector>

#include "extractors/page_lines.h"

namespace foiamine::extractors::internal {

// Cuts the quoting marks (">", "> >", ">>", with their spaces) off the front of every line of a text that quotes mail
// on at least kLeastQuotedLines lines, so the quoted headers ("> From: ...", "> Subject: ...") are the fields they are
// and a quoted paragraph's sentences run on over its lines as written. A line that held only marks is blank: it is
// dropped and the line after it notes the blank (`blank_before`). A text with fewer quoted lines is left alone (a
// lone "> 50" in a table, a "->" arrow).
void CutMailQuoteMarks(std::vector<Line>& lines, const std::vector<PageText>& pages);

}  // namespace foiamine::extractors::internal
