// Text as OCR gives it from a scanned page, and lines no wrap is known for: the clause a careful reader finds in the
// printed page is found in that text too (probes: documents of our own printed, scanned and read by the pipeline's
// Tesseract, whose readings lost these clauses; every text below is written for these tests).
#include <catch2/catch.hpp>

#include <string>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::Rules;

namespace {

// The clause of `topic` whose text starts with `opening`, or null.
const Clause* Opening(const Extraction& x, const std::string& topic, const std::string& opening) {
  for (const Clause* c : OfTopic(x, topic))
    if (c->text.rfind(opening, 0) == 0) return c;
  return nullptr;
}

}  // namespace

TEST_CASE("a section's sentence on its first line is its text, not its caption", "[extractors][scanned]") {
  // Its line not known to have wrapped (a short document, or a blank line OCR set below it), the subject and modal
  // verb after "Sec. 11." make it a sentence's start; "who may" names what a caption is about.
  for (const std::string gap : {"\n", "\n\n"}) {
    const Extraction x = ExtractDocument(
        Rules(), Doc("AN ACT relating to the county jails.\n\n"
                     "Sec. 11. Each sheriff who keeps a jail shall enter into a written agreement" + gap +
                     "with ICE, the federal immigration agency, as 8 U.S.C. 1357(g) allows.\n\n"
                     "Sec. 12. Persons who may be held\n\n"
                     "A sheriff shall not hold a person on an immigration detainer alone.\n"));
    INFO("gap: " << gap.size() << " newline(s)");
    const Clause* agreement = Opening(x, "agreements", "Each sheriff who keeps a jail shall enter into");
    REQUIRE(agreement != nullptr);
    CHECK(agreement->stance == Stance::kRequires);
    CHECK(agreement->section == "11");
    const Clause* hold = Opening(x, "detainer_hold", "A sheriff shall not hold");
    REQUIRE(hold != nullptr);
    CHECK(hold->section == "12");
  }
}

TEST_CASE("a blank line OCR set after a verb of telling does not end the sentence", "[extractors][scanned]") {
  // Tesseract breaks a paragraph where a page's leading varies: the agency to be told stands alone below.
  const Extraction x = ExtractDocument(
      Rules(), Doc("AN ACT relating to the county jails.\n\n"
                   "Sec. 4. When a person in the jail is not lawfully present, the jailer shall notify\n\n"
                   "United States Immigration and Customs Enforcement.\n"));
  const Clause* notify = Opening(x, "information_sharing", "When a person in the jail is not lawfully present");
  REQUIRE(notify != nullptr);
  CHECK(notify->stance == Stance::kRequires);
  CHECK(notify->text.find("Customs Enforcement.") != std::string::npos);
  CHECK(notify->section == "4");
}
