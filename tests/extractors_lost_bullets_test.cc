// List items whose bullets the text lost (extractors/lost_bullets.h): a
// scanned 287(g) agreement's OCR layer drops the round bullets of its
// delegated powers, and the items must still be items under their lead-in.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractors/extract.h"
#include "extractors/lost_bullets.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::extractors::internal::LostBulletItems;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::Rules;

namespace {

// An agreement's appendix as such an OCR layer gives it: no bullets, items closed by ';', a sub-item ("o") of its own
// inside the second, a page break (footer and page number) inside the list.
const char* const kAppendix =
    "MEMORANDUM OF AGREEMENT\n\n"
    "APPENDIX A\n\n"
    "Participating LEA personnel are delegated only those authorities listed below:\n"
    "The power and authority to question any person held in the participating agency's jail whom the\n"
    "officer believes to be an alien about his or her right to remain in the United States;\n"
    "The power and authority to serve warrants of arrest for immigration violations on designated aliens\n"
    "in the jail at the time of their scheduled release from criminal custody;\n"
    "o Upon transfer of custody to ICE, the alien will be held for no more than 48 hours. If the alien is\n"
    "not transferred within 48 hours, the alien shall be released.\n"
    "The power and authority to issue immigration detainers for processing aliens.\n"
    "Supervision:\n"
    "Participating LEA personnel may perform these functions only under ICE supervision.\n";

std::vector<bool> Items(const std::vector<std::string_view>& lines) {
  return LostBulletItems(lines, [&](size_t i) { return lines[i].rfind("o ", 0) == 0 || lines[i].rfind("1.", 0) == 0; });
}

}  // namespace

TEST_CASE("items that share their opening words and end with a semicolon under a lead-in are items without their bullets",
          "[extractors][structure]") {
  const std::vector<std::string_view> lines{
      "Participating LEA personnel are delegated only those authorities listed below:",
      "The power and authority to question any person;",
      "The power and authority to serve warrants of arrest on designated aliens in the jail at the time",
      "of their scheduled release;",
      "o Upon transfer of custody to ICE, the alien will be held for no more than 48 hours.",
      "The power and authority to issue immigration detainers.",
      "Supervision:",
      "The power and authority to ask is not an item here, as nothing above closed with ';'."};
  CHECK(Items(lines) == std::vector<bool>{false, true, true, false, false, true, false, false});
}

TEST_CASE("paragraphs that open alike, or items no semicolon closes, are no lost bullets", "[extractors][structure]") {
  // A policy's paragraphs: each a sentence of its own, no list punctuation.
  const std::vector<std::string_view> paragraphs{
      "Purpose:", "It is the policy of this office to comply with state law.", "It is the policy of this office to train staff."};
  CHECK(Items(paragraphs) == std::vector<bool>(3, false));
  // One item alone is no list; marked items are read by their markers.
  const std::vector<std::string_view> one{"The following applies:", "The power and authority to question any person;",
                                          "Other text follows here."};
  CHECK(Items(one) == std::vector<bool>(3, false));
  const std::vector<std::string_view> marked{"Functions:", "1. The power and authority to question any person;",
                                             "1. The power and authority to arrest."};
  CHECK(Items(marked) == std::vector<bool>(3, false));
}

TEST_CASE("each delegated power whose bullet OCR lost is a permits clause of its own, cited to its item",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc(kAppendix, "policy"));
  const std::vector<const Clause*> holds = OfTopic(x, "detainer_hold");
  bool detainers_item = false;
  for (const Clause* c : holds)
    if (c->text.rfind("The power and authority to issue immigration detainers", 0) == 0) {
      detainers_item = true;
      CHECK(c->stance == Stance::kPermits);
      CHECK(c->section == "Appendix A, bullet 3");
    }
  CHECK(detainers_item);
  bool warrants_item = false;
  for (const Clause* c : OfTopic(x, "enforcement_assistance")) {
    CHECK(c->text.find("listed below") == std::string::npos);  // no item runs into its lead-in
    if (c->text.rfind("The power and authority to serve warrants of arrest", 0) == 0) {
      warrants_item = true;
      CHECK(c->stance == Stance::kPermits);
      CHECK(c->section == "Appendix A, bullet 2");
    }
  }
  CHECK(warrants_item);
}
