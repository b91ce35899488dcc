// Citation strings (index/citation_string.h).
#include <catch2/catch.hpp>

#include "index/citation_string.h"

using foiamine::CitationParts;
using foiamine::FormatCitation;

TEST_CASE("a citation names the number with its agency, the section and the page", "[citation]") {
  CHECK(FormatCitation(CitationParts{"DOC", "PS 4020.1F", "Release", "p.pdf", "9.a.(b)", 4, ""}) ==
        "DOC PS 4020.1F § 9.a.(b), p. 4");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code", "", "c.pdf", "24-211.07(b)(1)", 2, ""}) ==
        "D.C. Code § 24-211.07(b)(1), p. 2");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.07(b)(1)", 2, ""}) ==
        "D.C. Code § 24-211.07(b)(1), p. 2");
  // An excerpt numbered by its principal section cites its other sections by their own numbers.
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.05(a)", 1, ""}) ==
        "D.C. Code § 24-211.05(a), p. 1");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "IV.B", 1, ""}) ==
        "D.C. Code § 24-211.07 § IV.B, p. 1");
  // The United States Code numbers its sections through a title: a section's subsections, and another section of
  // the same printing, by their own numbers.
  CHECK(FormatCitation(CitationParts{"", "8 U.S.C. § 1357", "Powers of immigration officers and employees", "u.txt",
                                     "1357(g)(1)", 1, ""}) == "8 U.S.C. § 1357(g)(1), p. 1");
  CHECK(FormatCitation(CitationParts{"", "8 U.S.C. § 1357", "", "u.txt", "1373(a)", 2, ""}) == "8 U.S.C. § 1373(a), p. 2");
  CHECK(FormatCitation(CitationParts{"", "8 U.S.C. § 1357", "", "u.txt", "(a)", 2, ""}) == "8 U.S.C. § 1357 § (a), p. 2");
}

TEST_CASE("a page with a Bates stamp is cited by it first", "[citation][bates]") {
  CHECK(FormatCitation(CitationParts{"DOC", "IRU-LOG-2023-06", "Log", "log.pdf", "", 1, "DOC-FOIA-00317-00001"}) ==
        "DOC-FOIA-00317-00001, DOC IRU-LOG-2023-06, p. 1");
  CHECK(FormatCitation(CitationParts{"Council", "D.C. Code § 24-211.07", "", "c.pdf", "24-211.07(b)", 2, "X-000123"}) ==
        "X-000123, D.C. Code § 24-211.07(b), p. 2");
}

TEST_CASE("a transcript passage is pin-cited by page and printed line, across a page break too", "[citation][transcript]") {
  CitationParts p{"Council", "", "Performance Oversight Hearing, March 7, 2024", "h.pdf", "line 7", 2, ""};
  p.first_line = 6;
  p.last_line = 7;
  CHECK(FormatCitation(p) == "Performance Oversight Hearing, March 7, 2024, Tr. 2:6-7");
  p.last_line = 6;
  CHECK(FormatCitation(p) == "Performance Oversight Hearing, March 7, 2024, Tr. 2:6");
  p.first_line = 24;
  p.last_line = 2;
  p.end_page = 3;
  CHECK(FormatCitation(p) == "Performance Oversight Hearing, March 7, 2024, Tr. 2:24-3:2");
  p.bates = "CNCL-000042";
  CHECK(FormatCitation(p) == "CNCL-000042, Performance Oversight Hearing, March 7, 2024, Tr. 2:24-3:2");
  // Not a transcript (a line-numbered bill's clause outside any section): the page and the line, no section sign.
  CitationParts q{"Council", "", "Hearing", "h.pdf", "line 7", 2, ""};
  CHECK(FormatCitation(q) == "Hearing, p. 2, line 7");
  q.section = "2-104.3(B)";
  CHECK(FormatCitation(q) == "Hearing § 2-104.3(B), p. 2");
}
