// Citation strings (pipeline/citation_string.h).
#include <catch2/catch.hpp>

#include "pipeline/citation_string.h"

using foiamine::CitationParts;
using foiamine::FormatCitation;

TEST_CASE("a citation names the number with its agency, the section and the page", "[citation]") {
  CHECK(FormatCitation(CitationParts{"DOC", "PS 4020.1F", "Release", "p.pdf", "9.a.(b)", 4, ""}) ==
        "DOC PS 4020.1F § 9.a.(b), p. 4");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code", "", "c.pdf", "24-211.07(b)(1)", 2, ""}) ==
        "D.C. Code § 24-211.07(b)(1), p. 2");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.07(b)(1)", 2, ""}) ==
        "D.C. Code § 24-211.07(b)(1), p. 2");
}

TEST_CASE("a page with a Bates stamp is cited by it first", "[citation][bates]") {
  CHECK(FormatCitation(CitationParts{"DOC", "IRU-LOG-2023-06", "Log", "log.pdf", "", 1, "DOC-FOIA-00317-00001"}) ==
        "DOC-FOIA-00317-00001, DOC IRU-LOG-2023-06, p. 1");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.07(b)", 2, "X-000123"}) ==
        "X-000123, D.C. Code § 24-211.07(b), p. 2");
}
