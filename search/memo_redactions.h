// The redactions appendix of the divergence memo (search/memo_pdf.h): what
// the productions in the index withheld. Per document with a redaction box
// or an exemption code: the pages with boxes and each page's redacted share,
// the codes printed and how often, the bad redactions (text still in the
// text layer under a box, quoted as recovered), and the immigration clauses
// a redaction sits in or next to (search/redactions.h kNearPoints), each by
// its citation, topic and stance.
#pragma once

#include <vector>

#include "search/redactions.h"
#include "search/typeset.h"

namespace foiamine {

// Appends the appendix to `pages` (a heading, a table, then the clauses
// next to a redaction by document). `redactions` is ReadRedactions' output
// for the whole index; with none, the appendix says the index has none.
void ComposeRedactionsAppendix(PdfPages& pages, const std::vector<RedactionPageRecord>& redactions);

}  // namespace foiamine
