// Bates stamps (extractors/bates.h): found in page margins, not in prose.
#include <catch2/catch.hpp>

#include "extractors/bates.h"

using foiamine::extractors::FindBatesStamp;

TEST_CASE("a Bates stamp in a page footer is found with its prefix, counter and span", "[extractors][bates]") {
  const std::string page =
      "RELEASED UNDER FOIA 2024-DOC-00317\n"
      "D.C. DEPARTMENT OF CORRECTIONS - INTAKE AND RELEASE UNIT\n"
      "101 06/12/23 0540 Released, time served.\n"
      "102 06/12/23 0555 Court-ordered release.\n"
      "103 06/12/23 0610 Detainer on file.\n"
      "104 06/12/23 0630 Medication issued.\n"
      "DOC-FOIA-00317-00001 Sheet 1 of 2";
  auto stamp = FindBatesStamp(page);
  REQUIRE(stamp);
  CHECK(stamp->number == "DOC-FOIA-00317-00001");
  CHECK(stamp->prefix == "DOC-FOIA-00317-");
  CHECK(stamp->sequence == 1);
  CHECK(page.substr(static_cast<size_t>(stamp->char_start), 20) == "DOC-FOIA-00317-00001");
  CHECK(stamp->char_end - stamp->char_start == 20);
}

TEST_CASE("a stamp without separators keeps the whole counter", "[extractors][bates]") {
  auto stamp = FindBatesStamp("ABC0001234\nSome page text.\n");
  REQUIRE(stamp);
  CHECK(stamp->prefix == "ABC");
  CHECK(stamp->sequence == 1234);
}

TEST_CASE("document numbers, years, phone numbers and body text are not Bates stamps", "[extractors][bates]") {
  CHECK_FALSE(FindBatesStamp("RELEASED UNDER FOIA 2024-DOC-00317\nbody\nbody\nbody"));
  CHECK_FALSE(FindBatesStamp("DOC Form 4020-12S (rev. 10/2021) Página 1 de 1"));
  CHECK_FALSE(FindBatesStamp("METROPOLITAN POLICE DEPARTMENT - GENERAL ORDER GO-OPS-201.26\nPage 1 of 2"));
  CHECK_FALSE(FindBatesStamp("CAPITOL REPORTING SERVICES (202) 555-0148 Page 1"));
  CHECK_FALSE(FindBatesStamp("D.C. Department of Corrections FY2023 Performance Oversight Responses"));
  // A stamp-shaped token in the middle of a long page is prose, not a margin stamp.
  std::string page = "line\nline\nline\n";
  page += "as produced at DOC-FOIA-00317-00009 earlier\n";
  page += "line\nline\nline\n";
  CHECK_FALSE(FindBatesStamp(page));
}
