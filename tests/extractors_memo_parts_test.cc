// A memorandum that tells an incident and then restates the rules: its parts are numbered paragraphs with a caption
// run into their text ("2. What happened. At approximately ..."), each running on over paragraphs to the next number,
// and what the narrative part tells is a report, while the rules part still binds. Synthetic text, after a DOC
// warden's memorandum written for a probe (session 54).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::testing::ClauseContaining;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::Rules;

namespace {

const char kMemo[] =
    "MEMORANDUM\n"
    "\n"
    "TO:       All Shift Commanders\n"
    "FROM:     Warden, Central Detention Facility\n"
    "SUBJECT:  ICE presence at the sally port, and a reminder of the rules\n"
    "\n"
    "1. Purpose. This memorandum summarizes an incident and restates the rules that staff\n"
    "are expected to follow when ICE contacts this facility.\n"
    "\n"
    "2. What happened. At approximately 0540 hours, two officers of ICE Enforcement and\n"
    "Removal Operations arrived at the vehicle sally port and asked the officer on duty to\n"
    "keep a resident who was scheduled for release that morning.\n"
    "\n"
    "The officer called the Shift Commander. The Shift Commander came to the sally port, told\n"
    "the ICE officers that the Department would not hold the resident on the detainer, and\n"
    "refused to admit them beyond the outer gate.\n"
    "\n"
    "3. Rules that apply. I remind all staff of the following:\n"
    "\n"
    "   a. No one is to be held past his or her release time because of a civil\n"
    "      immigration detainer.\n"
    "\n"
    "   b. ICE officers without a judicial warrant are not permitted beyond the front\n"
    "      lobby or the outer gate of the sally port.\n";

}  // namespace

TEST_CASE("a memorandum's captioned part runs on over its paragraphs, and its narrative reports", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc(kMemo));
  const Clause* refusal = ClauseContaining(x, "facility_access", "refused to admit them");
  REQUIRE(refusal != nullptr);
  // the paragraph after "2. What happened. ..." is part 2's (it was cited nowhere, read as the document's top)
  CHECK(refusal->section == "2.");
  // ... and, in a part that tells what happened, what was done is reported, not mentioned
  CHECK(refusal->stance == Stance::kReports);
  // the rules restated in part 3 still bind
  const Clause* rule = ClauseContaining(x, "facility_access", "are not permitted beyond");
  REQUIRE(rule != nullptr);
  CHECK(rule->section == "3.b.");
  CHECK(rule->stance == Stance::kRestricts);
}

TEST_CASE("a list item's paragraph after the list still closes an uncaptioned item", "[extractors][structure]") {
  // (the parent's text after its list, as before: only a part whose text opens with a caption runs on)
  const Extraction x = ExtractDocument(Rules(), Doc("POLICY\n"
                                                    "\n"
                                                    "1. Staff shall not:\n"
                                                    "   a. hold any inmate on an ICE detainer; or\n"
                                                    "   b. give ICE an inmate's release date.\n"
                                                    "\n"
                                                    "Staff shall report every ICE request for a release date to the Warden.\n",
                                                    "policy"));
  const Clause* held = ClauseContaining(x, "detainer_hold", "hold any inmate");
  REQUIRE(held != nullptr);
  CHECK(held->section == "1.a.");
  // the sentence after the list is cited somewhere (it is a clause), and not as the list's last item
  int after_list = 0;
  for (const Clause& c : x.clauses)
    if (c.text.find("report every ICE request") != std::string::npos) {
      ++after_list;
      CHECK(c.section != "1.b.");
    }
  CHECK(after_list > 0);
}

TEST_CASE("a draft's deleted text says nothing, and its inserted text reads as printed", "[extractors][structure]") {
  // (a draft agreement marked up in brackets, after the one written for probe J, session 54)
  const Extraction x = ExtractDocument(Rules(), Doc("ARTICLE V. RELEASE\n"
                                                    "\n"
                                                    "A. The Local Government shall release each prisoner on the date the court orders.\n"
                                                    "\n"
                                                    "B. [DELETED: The Local Government shall notify ICE at least 48 hours before\n"
                                                    "the release of any prisoner who is the subject of an immigration detainer.]\n"
                                                    "\n"
                                                    "[INSERTED: C. The Local Government will not notify ICE of the release of\n"
                                                    "any person, and will not hold any person beyond his or her scheduled\n"
                                                    "release on the basis of an immigration detainer.]\n",
                                                    "policy"));
  int notices = 0;
  for (const Clause* c : OfTopic(x, "release_notification")) {
    ++notices;
    INFO(c->text);
    CHECK(c->text.find("48 hours") == std::string::npos);  // the deleted duty is no clause
    CHECK(c->text.find("INSERTED") == std::string::npos);
    CHECK(c->section == "Article V C.");                     // "[INSERTED: C." is item C
    CHECK(c->stance == Stance::kRestricts);
  }
  CHECK(notices == 1);
}

TEST_CASE("a bracket a scan read as a parenthesis still opens markup, and an opener never closed is text", "[extractors][structure]") {
  const Extraction scanned = ExtractDocument(Rules(), Doc("ARTICLE II - COVERED PRISONERS\n"
                                                          "\n"
                                                          "A. The Local Government agrees to house persons in USMS custody.\n"
                                                          "\n"
                                                          "(INSERTED: B. The Local Government will not house any person who is held\n"
                                                          "solely on civil immigration charges or on an ICE administrative\n"
                                                          "warrant.]\n",
                                                          "policy"));
  bool item_b = false;
  for (const Clause& c : scanned.clauses)
    if (c.text.find("will not house") != std::string::npos) {
      item_b = true;
      CHECK(c.section == "Article II B.");
      CHECK(c.text.find("INSERTED") == std::string::npos);
    }
  CHECK(item_b);
  // "[DELETED:" with no closing bracket in the next 40 lines deletes nothing: the rule after it stands
  std::string unclosed = "POLICY\n\n1. [DELETED: the old text of this paragraph\n";
  for (int i = 0; i < 45; ++i) unclosed += "Staff will review the schedule each week.\n";
  unclosed += "\n2. Staff shall not hold any inmate on an ICE detainer past his release date.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(unclosed, "policy"));
  CHECK(ClauseContaining(x, "detainer_hold", "shall not hold any inmate") != nullptr);
}

TEST_CASE("a scanned article number one confusion from the next is read as the next ('ARTICLE H' after 'ARTICLE I')",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("ARTICLE I - PURPOSE\n"
                                                    "\n"
                                                    "This agreement sets out how federal prisoners are housed.\n"
                                                    "\n"
                                                    "ARTICLE H - COVERED PRISONERS\n"
                                                    "\n"
                                                    "A. The Local Government will not hold any person for ICE beyond his or her release date.\n",
                                                    "policy"));
  bool found = false;
  for (const Clause* c : OfTopic(x, "detainer_hold")) {
    found = true;
    CHECK(c->section == "Article II A.");
  }
  CHECK(found);
}

TEST_CASE("scanned article numbers read as the romans they stand for, lettered parts left alone", "[extractors][structure]") {
  const auto sections_of = [](const std::string& text) {
    std::vector<std::string> out;
    for (const Clause* c : OfTopic(ExtractDocument(Rules(), Doc(text, "policy")), "detainer_hold")) out.push_back(c->section);
    return out;
  };
  // (an excerpt skips articles; a bilevel scan reads "IX" as "[X")
  CHECK(sections_of("ARTICLE V - RELEASE\n\nA. Staff shall notify the Marshals of each release.\n\n"
                    "ARTICLE [X - ACCESS\n\nA. The Local Government will not hold any person for ICE beyond his or her release date.\n") ==
        std::vector<std::string>{"Article IX A."});
  // "PART H" after "PART G" is the letter H, not a roman II
  CHECK(sections_of("PART G - INTAKE\n\nStaff shall book each person.\n\n"
                    "PART H - RELEASE\n\nStaff will not hold any person for ICE beyond his or her release date.\n") ==
        std::vector<std::string>{"Part H"});
}

TEST_CASE("a deletion a scan closed with a parenthesis ends there", "[extractors][structure]") {
  // ("... booked into the Facility.)": the bracket read as a parenthesis none opened inside the deletion)
  const Extraction x = ExtractDocument(Rules(), Doc("ARTICLE XII - INFORMATION\n\n"
                                                    "B. [DELETED: The Local Government shall provide ICE with a daily list of\n"
                                                    "all foreign-born persons (by country) booked into the Facility.)\n\n"
                                                    "C. Staff shall not give ICE any booking list or other non-public information.\n\n"
                                                    "[Comment KJ4 - K. Jarvis, OGC: Strike.]\n",
                                                    "policy"));
  bool kept = false;
  for (const Clause* c : OfTopic(x, "information_sharing")) {
    CHECK(c->text.find("daily list") == std::string::npos);
    if (c->text.find("booking list") != std::string::npos) kept = true;
  }
  CHECK(kept);
}

TEST_CASE("a scanned item letter with its bowl closed or broken is the letter the list expects ('e.' for 'c.')",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("6. RECEIPT OF IMMIGRATION DETAINERS.\n"
                                                    "a. The Records Office shall date-stamp each detainer.\n"
                                                    "b. Staff shall enter each detainer in the jail's records system.\n"
                                                    "e. Staff shall not hold any inmate on an ICE detainer past his release date.\n",
                                                    "policy"));
  const Clause* held = ClauseContaining(x, "detainer_hold", "shall not hold");
  REQUIRE(held != nullptr);
  CHECK(held->section == "6.c.");
}

TEST_CASE("a numbered paragraph's run-in caption is its title, no clause, and its text is cited under the paragraph",
          "[extractors][structure]") {
  // A sheriff's letter answering ERO's questions, paragraph by paragraph (written for a probe, session 55).
  const Extraction letter = ExtractDocument(
      Rules(), Doc("TESSALY COUNTY SHERIFF'S OFFICE\n\nField Office Director\nU.S. Immigration and Customs Enforcement\n\n"
                   "Dear Field Office Director:\n\n"
                   "3. Access to the facility. Our staff do not admit ICE officers to the secure part of the facility "
                   "unless they present a warrant signed by a judge.\n\n"
                   "4. Interviews. ICE asked to interview six inmates between January and September 2023.\n"));
  for (const Clause& c : letter.clauses) {
    INFO(c.text);
    CHECK(c.text != "3. Access to the facility.");
    CHECK(c.text != "4. Interviews.");
  }
  const Clause* admit = foiamine::testing::ClauseContaining(letter, "facility_access", "do not admit ICE officers");
  REQUIRE(admit != nullptr);
  CHECK(admit->section == "3.");
  // A checklist's step that opens on the verb it commands is no caption: "5. Notify ICE." is the step.
  const Extraction checklist = ExtractDocument(
      Rules(), Doc("RELEASE CHECKLIST - RESIDENTS WITH AN ICE DETAINER\n\n"
                   "5. Notify ICE of the release. Record the call in the post log.\n"));
  CHECK(foiamine::testing::ClauseContaining(checklist, "release_notification", "5. Notify ICE of the release.") != nullptr);
}
