#include <catch2/catch.hpp>

#include "extractors/citation.h"

using namespace foiamine::extractors;

namespace {
std::vector<std::string> Normalized(const std::string& text) {
  std::vector<std::string> out;
  for (const Citation& c : FindCitations({PageText{1, text}})) out.push_back(c.kind + ": " + c.normalized);
  return out;
}
}  // namespace

TEST_CASE("citations are normalized, OCR damage included", "[extractors][citations]") {
  CHECK(Normalized("held under 8 C.ER. 287.7 and 8 US.C. § 1357(g)") ==
        std::vector<std::string>{"cfr: 8 C.F.R. § 287.7", "usc: 8 U.S.C. § 1357(g)"});
  CHECK(Normalized("see 8 C.FR. § 236.1 and 8 USC §\n1373") ==
        std::vector<std::string>{"cfr: 8 C.F.R. § 236.1", "usc: 8 U.S.C. § 1373"});
  CHECK(Normalized("D.C. Official Code § 24-211.07(b)(1), D.C. Law 23-282, D.C. Act 23-131, 66 DCR 14298") ==
        std::vector<std::string>{"dc_code: D.C. Code § 24-211.07(b)(1)", "dc_law: D.C. Law 23-282",
                                 "dc_act: D.C. Act 23-131", "dcr: 66 DCR 14298"});
  CHECK(Normalized("Mayor's Order 2021-044 bars 287(g) agreements; Form I-247A is not a warrant") ==
        std::vector<std::string>{"mayors_order: Mayor's Order 2021-044", "ina_287g: INA § 287(g)", "form: Form I-247A"});
  CHECK(Normalized("General Order 201.26, GO-OPS-201.26, PS 4020.1F and EO-25-014") ==
        std::vector<std::string>{"order_number: General Order 201.26", "order_number: GO-OPS-201.26",
                                 "order_number: Program Statement 4020.1F", "order_number: EO-25-014"});
  CHECK(Normalized("The ICE machine is on page 12 of 40.").empty());
}

TEST_CASE("citation offsets are code points in the page text", "[extractors][citations]") {
  auto found = FindCitations({PageText{3, "Année: § 24-211.02a(c)(6) applies."}});
  REQUIRE(found.size() == 1);
  CHECK(found[0].page == 3);
  CHECK(found[0].char_start == 7);  // "Année: " is 7 code points (é is 2 bytes)
  CHECK(found[0].raw == "§ 24-211.02a(c)(6)");
  CHECK(found[0].normalized == "D.C. Code § 24-211.02a(c)(6)");
}
