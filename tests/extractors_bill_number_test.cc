// A bill's number from its caption (extractors/document_header.h BillNumber), and the citation it gives a bill's
// clause: legislatures print their bills' numbers in many forms, and a bill is cited by its number.
#include <catch2/catch.hpp>

#include <string>

#include "extractors/document_header.h"
#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using foiamine::extractors::internal::BillNumber;

namespace {

// The number the whole identity inference gives a one-page document of `authority`.
std::string NumberOf(const std::string& text, const std::string& authority) {
  return foiamine::extractors::ExtractDocument(foiamine::testing::Rules(), foiamine::testing::Doc(text, authority))
      .identity.number.value;
}

}  // namespace

TEST_CASE("a bill's caption gives its number in a citation's form", "[extractors][identity]") {
  // Forms written for the test after those of several legislatures' printed bills.
  const struct {
    const char* first_page;
    const char* number;
  } kCases[] = {
      {"START OF PAGE 1\nHOUSE BILL 901\n\nE2 6lr0000\nBy: Delegate Example\n", "H.B. 901"},
      {"SENATE BILL No. 77 A BILL FOR AN ACT to amend the Code concerning state administration.\n", "S.B. 77"},
      {"STATE OF EXAMPLE\nHOUSE BILL NO. HB0312\nCounty sheriffs; agreements.\n", "H.B. 312"},
      {"HOUSE BILL 24-1001\nBY REPRESENTATIVE(S) Example\n", "H.B. 24-1001"},
      {"House File 488\nAN ACT relating to the enforcement of federal immigration law.\n", "H.F. 488"},
      {"Assembly Bill No. 330 (Introduced)\nAn act to amend Section 7284.6 of the Government Code\n", "A.B. 330"},
      {"89R01234 ABC-D By: Example H.B. No. 2290 A BILL TO BE ENTITLED AN ACT relating to detainers\n", "H.B. 2290"},
      {"H.R. 2100\n119th CONGRESS 1st Session\nTo require compliance with federal immigration laws.\n", "H.R. 2100"},
      {"SB 5800 - Transfer of certain individuals\n\n## Section 1\n", "S.B. 5800"},
      {"Bill ID: S990\nSession: 2023\n", "S. 990"},
      {"LRB-0000/1\nAB900,1,2 1An Act to create 66.0999\n2of the statutes.\nAB900,1,4 3Section 1.\nAB900,2,1\n",
       "A.B. 900"},
      {"HOUSE BILL 902 3\nthe running header of a later page\n", "H.B. 902"},
  };
  for (const auto& c : kCases) {
    INFO(c.first_page);
    CHECK(BillNumber(c.first_page) == c.number);
  }
}

TEST_CASE("a bill named in prose, or below the top of the page, is another document's number", "[extractors][identity]") {
  CHECK(BillNumber("Sheriff says jail will comply\nHouse Bill 2 requires jails to honor detainers, the sheriff said.\n") == "");
  CHECK(BillNumber("The council voted on Senate Bill 5 last week.\n") == "");
  std::string deep = "POLICY 415\n";
  for (int i = 0; i < 20; ++i) deep += "Officers shall follow this policy.\n";
  CHECK(BillNumber(deep + "HOUSE BILL 903\n") == "");
  // Two drafting locators are no bill's text.
  CHECK(BillNumber("AB900,1,2 1An Act\nAB900,1,4 3Section 1.\n") == "");
}

TEST_CASE("a bill's clause is cited by the bill's number", "[extractors][identity]") {
  CHECK(NumberOf("HOUSE BILL 904\n\nBy: Delegate Example\n\nSECTION 1.\n(a) A law enforcement agency may not honor an "
                 "immigration detainer.\n",
                 "law") == "H.B. 904");
}

TEST_CASE("a page about a bill, headed by the bill's name, does not take the bill's number", "[extractors][identity]") {
  // A sheriff's web page on a state law (written for the test): its heading names the bill, but the page is the
  // sheriff's account of practice, and its clauses must not be cited as the bill's.
  CHECK(NumberOf("Senate Bill 40\n\nThe Example County Sheriff's Office honors every immigration detainer, as the law "
                 "now requires.\n",
                 "practice")
            .empty());
}
