// Text as OCR gives it from a scanned page, and lines no wrap is known for: the clause a careful reader finds in the
// printed page is found in that text too (probes: documents of our own printed, scanned and read by the pipeline's
// Tesseract, whose readings lost these clauses; every text below is written for these tests).
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "extractors/marker_shapes.h"
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

TEST_CASE("an item's parenthesis read as a brace, or its letter as a symbol, keeps the item's place",
          "[extractors][scanned]") {
  // "{b)", "(c}", "(@)" for "(e)" and "(£)" for "(f)": Tesseract's readings of a faxed page; each is read as the
  // item its sequence expects next, so its section is cited as printed on paper.
  const Extraction x = ExtractDocument(
      Rules(), Doc("AN ACT relating to the county jails.\n\n"
                   "Sec. 15. Detainers and access.\n\n"
                   "(a) A jailer shall not keep a person in the jail on the basis of an immigration detainer alone.\n\n"
                   "{b) A jailer shall not give an immigration agent access to a person in the jail.\n\n"
                   "(c} A jailer shall not share a person's release date with federal immigration authorities.\n\n"
                   "(d) A jailer shall not carry a person to an immigration office for enforcement.\n\n"
                   "(@) A jailer may not ask about the immigration status of a person.\n\n"
                   "(£) Nothing in this section keeps a jailer from complying with a judicial warrant.\n"));
  const struct {
    const char* topic;
    const char* opening;
    const char* section;
  } expected[] = {
      {"facility_access", "{b) A jailer shall not give", "15(b)"},
      {"release_notification", "(c} A jailer shall not share", "15(c)"},
      {"status_inquiry", "(@) A jailer may not ask", "15(e)"},
      {"judicial_warrant", "(£) Nothing in this section", "15(f)"},
  };
  for (const auto& e : expected) {
    INFO(e.opening);
    const Clause* c = Opening(x, e.topic, e.opening);
    REQUIRE(c != nullptr);
    CHECK(c->section == e.section);
  }
}

TEST_CASE("a brace or a symbol alone is no item out of sequence", "[extractors][scanned]") {
  // "(@)" where "(b)" comes next is not repaired into a letter no sequence expects: it stays unplaced.
  const Extraction x = ExtractDocument(
      Rules(), Doc("AN ACT relating to the county jails.\n\n"
                   "Sec. 16. Inquiries.\n\n"
                   "(a) A jailer shall not ask about the immigration status of a person.\n\n"
                   "(@) A jailer shall not share a person's home address with federal immigration authorities.\n"));
  const Clause* c = Opening(x, "information_sharing", "(@) A jailer shall not share");
  REQUIRE(c != nullptr);
  CHECK(c->section != "16(e)");
  CHECK(c->section != "16(a)");
}

TEST_CASE("an item whose period OCR read as a comma still takes its lead-in's duty", "[extractors][scanned]") {
  // "1, Notify ICE ..." under "DOC agrees to:" (a draft agreement's scan) is a duty, as "1. Notify" is.
  const Extraction x = ExtractDocument(
      Rules(), Doc("MEMORANDUM OF UNDERSTANDING\n\n"
                   "II. RESPONSIBILITIES\n\n"
                   "A. The jail agrees to:\n\n"
                   "1, Notify ICE by e-mail a day before it releases a person with an ICE detainer;\n\n"
                   "2. Keep a copy of each notice sent.\n"));
  const Clause* c = Opening(x, "release_notification", "1, Notify ICE by e-mail");
  REQUIRE(c != nullptr);
  CHECK(c->stance == Stance::kRequires);
  CHECK(c->section == "II.A.1.");
}

TEST_CASE("a list whose parentheses a fax's OCR read as braces reads as the printed list", "[extractors][scanned]") {
  // The first item after the lead-in's colon, however damaged ("{2}" for "(1)"), opens the list; the items after it
  // carry on ("(2}", "{B)"); their lead-ins' stances reach them as in the clean text.
  const std::string damaged =
      "Sec. 999.053. LOCAL RULES ON IMMIGRATION ENFORCEMENT.\n"
      "(a) A county or city may not:\n\n"
      "{2} put in force a policy under which the county or city bars or limits the enforcement of immigration "
      "laws; or\n\n"
      "(2} by a pattern or practice, bar or limit the enforcement of immigration laws.\n\n"
      "(b) A county or city may not bar a peace officer from any of the following:\n\n"
      "{1) asking about the immigration status of a person under arrest; or\n\n"
      "{2) as to information about the immigration status of a person under arrest:\n"
      "{A} sending the information to United States Immigration and Customs Enforcement; or\n\n"
      "{B) keeping the information.\n";
  std::string clean = damaged;
  for (char& c : clean) c = c == '{' ? '(' : c == '}' ? ')' : c;
  clean.replace(clean.find("(2) put"), 3, "(1)");
  const auto read = [](const std::string& text) {
    std::vector<std::string> out;
    const Extraction x = ExtractDocument(Rules(), Doc(text));
    for (const Clause& c : x.clauses)
      out.push_back(c.topic + "/" + std::string(StanceName(c.stance)) + " " + c.section);
    return out;
  };
  const std::vector<std::string> printed = read(clean);
  REQUIRE(printed.size() == 5);
  CHECK(printed[0] == "enforcement_assistance/permits 999.053(a)(1)");
  CHECK(printed[4] == "status_inquiry/restricts 999.053(b)(2)(B)");
  CHECK(read(damaged) == printed);
}

TEST_CASE("a heading's number with a speck read as a second point still opens its part", "[extractors][scanned]") {
  // "2..RELEASE PROCESSING": a scanned post order's heading (written for the probe), whose items were cited under part
  // 1 until the doubled point was read as the number's own; a contents line's dot leader is no number.
  const Extraction x = ExtractDocument(
      Rules(), Doc("DEPARTMENT OF CORRECTIONS\nPOST ORDER\n\n1. GENERAL DUTIES\n"
                   "a. The R&D Officer processes every inmate admitted and released.\n\n"
                   "2..RELEASE PROCESSING\n\n"
                   "a. Before releasing an inmate, the R&D Officer shall verify that there are no holds.\n\n"
                   "b. Where the only hold is a civil immigration detainer, the R&D Officer shall not delay the release.\n"));
  const Clause* hold = Opening(x, "detainer_hold", "b. Where the only hold");
  REQUIRE(hold != nullptr);
  CHECK(hold->section == "2.b.");
  CHECK_FALSE(internal::LeadingMarkerToken("1.........5").has_value());
  const std::optional<internal::MarkerToken> speck = internal::LeadingMarkerToken("2..RELEASE PROCESSING");
  REQUIRE(speck.has_value());
  CHECK(speck->text == "2.");
  CHECK(std::string_view("2..RELEASE PROCESSING").substr(speck->length) == "RELEASE PROCESSING");
}

TEST_CASE("a part's roman numeral that lost a stroke is the part its sequence expects", "[extractors][scanned]") {
  // "Il. LIMITATIONS" for "III. LIMITATIONS" (the probe's draft MOA at 110 dpi): its clause was cited under "II.B.";
  // a numeral that fits no expected part ("Il." where "II." is next) stays what it says.
  const Extraction x = ExtractDocument(
      Rules(), Doc("MEMORANDUM OF AGREEMENT\n\nI. PURPOSE\nThis agreement sets the terms of transfers of custody.\n\n"
                   "II. RESPONSIBILITIES\nA. DOC will notify ICE before each release.\nB. ICE will take custody at release.\n\n"
                   "Il. LIMITATIONS\n\nDOC will not hold an inmate for ICE beyond the inmate's release date for more than 48 hours.\n\n"
                   "IV. TERM\nThis agreement may be ended on notice.\n",
                   "agreement"));
  const Clause* hold = Opening(x, "detainer_hold", "DOC will not hold an inmate");
  REQUIRE(hold != nullptr);
  CHECK(hold->section == "III.");
}

TEST_CASE("a part's roman numeral read as brackets, or after a speck, is the part its sequence expects",
          "[extractors][scanned]") {
  // A bilevel 100-dpi scan of a police general order (written for the probe): "[[. POLICY" for "II. POLICY", then
  // "Ill. PROCEDURES"; the clauses under them were cited under "I." and "I.A.1.".
  const std::string order = "METROPOLITAN POLICE DEPARTMENT\nGENERAL ORDER\n\nI. PURPOSE\n"
                            "The purpose of this order is to set forth the policy of the MPD on immigration authorities.\n\n"
                            "[[. POLICY\nMPD members shall not stop, detain, or arrest any person solely because of "
                            "the person's immigration status.\n\nIll. PROCEDURES\nA. Inquiries\n"
                            "1. Members shall not inquire about the immigration status of crime victims.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(order, "policy"));
  const Clause* stop = Opening(x, "enforcement_assistance", "MPD members shall not stop");
  REQUIRE(stop != nullptr);
  CHECK(stop->section == "II.");
  const Clause* ask = Opening(x, "status_inquiry", "1. Members shall not inquire");
  REQUIRE(ask != nullptr);
  CHECK(ask->section == "III.A.1.");
  // ... and a speck read as "_" before a part's numeral is no part of it
  std::string speck = order;
  speck.replace(speck.find("[[. POLICY"), 2, "_ II");
  const Extraction y = ExtractDocument(Rules(), Doc(speck, "policy"));
  const Clause* stopped = Opening(y, "enforcement_assistance", "MPD members shall not stop");
  REQUIRE(stopped != nullptr);
  CHECK(stopped->section == "II.");
  // ... and both at once: "_ 1. PURPOSE" is the "I." that the "[[. POLICY" below it continues (the look-ahead reads
  // the damaged part too; the parts were cited "1.", "1.II.", "1.III.A.1.")
  std::string both = order;
  both.replace(both.find("I. PURPOSE"), 2, "_ 1.");
  const Extraction z = ExtractDocument(Rules(), Doc(both, "policy"));
  const Clause* stopped_too = Opening(z, "enforcement_assistance", "MPD members shall not stop");
  REQUIRE(stopped_too != nullptr);
  CHECK(stopped_too->section == "II.");
  const Clause* asked = Opening(z, "status_inquiry", "1. Members shall not inquire");
  REQUIRE(asked != nullptr);
  CHECK(asked->section == "III.A.1.");
}

TEST_CASE("a scanner's specks between a part's numeral and its heading do not make the part an item",
          "[extractors][scanned]") {
  // A 150-dpi scan of a police general order (written for the probe): its table of parts read "I. ._BACKGROUND"; the
  // "._" made the part a lower-case item, and every part after it, the real ones too, was cited under "I." ("I.II.").
  const std::string order = "METROPOLITAN POLICE DEPARTMENT\nGENERAL ORDER\n\nI. ._BACKGROUND\n\nIl. POLICY\n\n"
                            "Ill. PROCEDURES\n\nIV. CROSS REFERENCES\n\nI. BACKGROUND\n\nThe order restates practice.\n\n"
                            "II. POLICY\n\nMembers do not stop or detain any person to determine immigration status.\n\n"
                            "III. PROCEDURES\nA. Status Inquiries\n"
                            "1. Members shall not inquire about the immigration status of any victim.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(order, "policy"));
  const Clause* ask = Opening(x, "status_inquiry", "1. Members shall not inquire");
  REQUIRE(ask != nullptr);
  CHECK(ask->section == "III.A.1.");
}

TEST_CASE("a sentence goes on past a blank line after a comma a speck hides", "[extractors][scanned]") {
  // (the same scan: "question, '" then a blank line; the rest of the sentence was a unit of its own, its "do not" lost)
  const Extraction x = ExtractDocument(
      Rules(), Doc("II. POLICY\n\nIt is the policy of the Metropolitan Police Department that members do not stop,\n"
                   "question, '\n\ndetain, or arrest any person for the purpose of determining his or her immigration\n"
                   "status.\n",
                   "policy"));
  const Clause& ask = foiamine::testing::OnlyOfTopic(x, "status_inquiry");
  CHECK(ask.text.rfind("It is the policy", 0) == 0);
  CHECK(ask.stance == Stance::kRestricts);
}
