// extractors/cross_reference.h: a unit that lifts the duty another provision
// imposes speaks to that provision's topics (snippets written for this test).
#include <catch2/catch.hpp>

#include <algorithm>

#include "extractors/cross_reference.h"
#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

TEST_CASE("a lifted duty names its provision, and a section path holds it at any level", "[extractors][cross_reference]") {
  auto ref = FindProvisionReference("(c) An agency is not required to perform a duty imposed by Subsection (a) when");
  REQUIRE(ref);
  CHECK(ref->label == "a");
  ref = FindProvisionReference("A sheriff shall not be required to perform a duty imposed by subsection B of this section");
  REQUIRE(ref);
  CHECK(ref->label == "b");
  // A duty named as a purpose is not lifted; another law's section is no part of this one.
  CHECK_FALSE(FindProvisionReference("information that would assist officials in carrying out duties under subsection (a)"));
  CHECK_FALSE(FindProvisionReference("is exempt from section 287(g)"));
  CHECK(SectionPathHolds("2.251(a)(2)", "a"));
  CHECK(SectionPathHolds("22-171.3.B", "b"));
  CHECK_FALSE(SectionPathHolds("2.251(c)", "a"));
  CHECK_FALSE(SectionPathHolds("Article 11", "a"));
}

TEST_CASE("a subsection that lifts a detainer duty is a detainer clause that permits", "[extractors][cross_reference]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  DocumentInput input;
  input.metadata.authority = "law";
  input.pages.push_back(PageText{
      1,
      "Art. 9.99. DETAINER REQUESTS.\n(a) A law enforcement agency that has custody of a person subject to an "
      "immigration detainer request issued by United States Immigration and Customs Enforcement shall comply with, "
      "honor, and fulfill any request made in the detainer request.\n(b) The agency shall keep a record of each "
      "request.\n(c) A law enforcement agency is not required to perform a duty imposed by Subsection (a) with "
      "respect to a person who has provided proof of citizenship.\n"});
  const Extraction out = ExtractDocument(*rules, input);
  const auto lifted = std::find_if(out.clauses.begin(), out.clauses.end(), [](const Clause& c) {
    return c.text.find("not required to perform") != std::string::npos;
  });
  REQUIRE(lifted != out.clauses.end());
  CHECK(lifted->topic == "detainer_hold");
  CHECK(lifted->stance == Stance::kPermits);
  CHECK(lifted->rule.find("@reference") != std::string::npos);
}

TEST_CASE("a subsection set aside for a case speaks to its topics in a permission", "[extractors][cross_reference]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  // (written for this test)
  for (const char* set_aside : {"(b) Subsection (a) does not apply when the individual has been convicted of a violent felony.",
                                "(b) The provisions of subsection (a) shall not apply when the individual has been convicted of a violent felony."}) {
    DocumentInput input;
    input.metadata.authority = "law";
    input.pages.push_back(PageText{1, std::string("Sec. 7-1. Cooperation with federal immigration authorities.\n(a) No law "
                                                  "enforcement agency shall detain an individual on the basis of an "
                                                  "immigration detainer.\n") + set_aside + "\n"});
    const Extraction out = ExtractDocument(*rules, input);
    const auto lifted = std::find_if(out.clauses.begin(), out.clauses.end(), [](const Clause& c) {
      return c.text.rfind("(b)", 0) == 0;
    });
    INFO(set_aside);
    REQUIRE(lifted != out.clauses.end());
    CHECK(lifted->topic == "detainer_hold");
    CHECK(lifted->stance == Stance::kPermits);
    CHECK(lifted->section == "7-1(b)");
  }
  CHECK(FindProvisionReference("subsection (a) shall not apply if the person consents") ->label == "a");
  CHECK_FALSE(FindProvisionReference("subsection (a) applies to every person"));
}
