// List lead-ins whose items are conditions of the lead-in's clause or its content, as real laws and policies print
// them: an "only if" far from the colon, conditions run in as "a. ...; or b. ...", "if ... the following categories:",
// the rights a person must first be advised of; and the items of what a duty is to verify, which are clauses.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::OnlyOfTopic;
using foiamine::testing::Rules;

namespace {

// Every clause found is cited at `section` (the lead-in's), and there is one.
void CheckAllCitedAt(const Extraction& x, const std::string& section) {
  for (const Clause& c : x.clauses) {
    INFO(c.topic << " " << c.section << ": " << c.text);
    CHECK(c.section == section);
  }
  CHECK_FALSE(x.clauses.empty());
}

}  // namespace


// Shaped like Tex. Code Crim. Proc. art. 2.13(d) (written for this test).
TEST_CASE("an 'only if' far from the colon still makes the items the permission's conditions", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Art. 2.13. Duties and powers.\n"
                   "(d) In the course of investigating an alleged criminal offense, a peace officer may inquire as to "
                   "the immigration status of a victim of or witness to the offense only if the officer determines "
                   "that the inquiry is necessary to:\n"
                   "(1) investigate the offense; or\n"
                   "(2) provide the victim or witness with information about federal visas.\n",
                   "law"));
  const Clause& inquiry = OnlyOfTopic(x, "status_inquiry");
  CHECK(inquiry.text.rfind("(d) In the course", 0) == 0);
  CHECK(inquiry.stance == Stance::kPermits);
}

// Shaped like Westchester County Executive Order No. 1 of 2017, II (written for this test).
TEST_CASE("conditions run in as 'a. ... or b. ...' after 'unless:' are parts of the lead-in's clause", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("II. A County officer or employee shall not inquire about a person's immigration status unless: a. "
                   "such person's immigration status is necessary for the determination of benefit eligibility; or b. "
                   "such officer or employee is required by law to inquire about such person's immigration status.\n",
                   "policy"));
  const Clause& inquiry = OnlyOfTopic(x, "status_inquiry");
  CHECK(inquiry.stance == Stance::kRestricts);
  CHECK(inquiry.text.rfind("II. A County officer", 0) == 0);
}

// Shaped like Texas H.B. 3020 (2007), Art. 2.245(b) (written for this test).
TEST_CASE("the items of what a duty is to verify ('verify that:') are its content, not conditions", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(a) The sheriff shall attempt to determine the defendant's immigration status.\n"
                   "(b) If the sheriff has reason to believe the defendant is a foreign national, the sheriff shall make a "
                   "reasonable effort to verify that:\n"
                   "(1) the defendant has been lawfully admitted to the United States; and\n"
                   "(2) if lawfully admitted, the defendant's lawful status has not expired.\n",
                   "law"));
  std::vector<std::string> sections;
  for (const Clause* c : OfTopic(x, "status_inquiry")) sections.push_back(c->section);
  CHECK(sections == std::vector<std::string>{"(a)", "(b)(1)", "(b)(2)"});
}

// Shaped like Cal Poly University Police's 2017 policy as reported (written for this test).
TEST_CASE("an 'if' that names the list after it ('if an individual falls under the following categories:') makes its items conditions",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("An immigration hold request may be honored by UPD if an individual falls under the following categories:\n"
                   "1. Has been convicted of a felony at any time;\n"
                   "2. Is a registered sex offender.\n",
                   "policy"));
  const Clause& hold = OnlyOfTopic(x, "detainer_hold");
  CHECK(hold.text.rfind("An immigration hold request", 0) == 0);
  CHECK(hold.stance == Stance::kPermits);
}

// N.C. G.S. 148-64.1(a) (2023), shortened: "the following" with three words after it.
TEST_CASE("an 'if all of the following requirements are satisfied:' lead-in makes its items conditions",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(a) The Post-Release Supervision and Parole Commission may conditionally release an inmate into the "
                   "custody and control of United States Immigration and Customs Enforcement if all of the following "
                   "requirements are satisfied:\n"
                   "(1) The Division of Prisons has received a final order of removal for the inmate from United States "
                   "Immigration and Customs Enforcement.\n"
                   "(2) The inmate was convicted of a nonviolent criminal offense.\n",
                   "law"));
  const Clause& release = OnlyOfTopic(x, "enforcement_assistance");
  CHECK(release.text.rfind("(a) The Post-Release", 0) == 0);
  CHECK(release.stance == Stance::kPermits);
}

// Shaped like Denver Rev. Mun. Code 28-252(b) (written for this test).
TEST_CASE("the rights a person must first be advised of are the advisement's content, not clauses of their own",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(b) No interview by federal immigration authorities shall be allowed until the individual has been "
                   "advised of certain legal rights in writing, including but not limited to:\n"
                   "(1) The individual has the right to decline the interview and remain silent;\n"
                   "(2) The individual has the right to speak to an attorney before submitting to the interview.\n",
                   "law"));
  CheckAllCitedAt(x, "(b)");
}

// Shaped like Colo. Rev. Stat. 24-74-104(2) (written for this test): the lead-in's verb takes each item as its
// object, however far the lead-in runs on after "the following".
TEST_CASE("an item is the object of a lead-in that names 'the following' before its exceptions", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(2) A state agency shall not collect the following, except as required by state or federal law or as "
                   "necessary to perform state agency duties:\n"
                   "(a) Date of the application; or\n"
                   "(b) Immigration or citizenship status.\n",
                   "law"));
  const Clause& status = OnlyOfTopic(x, "status_inquiry");
  CHECK(status.text.rfind("(b) Immigration or citizenship status", 0) == 0);
  CHECK(status.stance == Stance::kRestricts);
  CHECK(status.rule.find("@items") != std::string::npos);
}

// Shaped like Cal. Gov't Code 7284.6(a)(1) (written for this test).
TEST_CASE("an item's later sentence is its item's, not the lead-in's: the lead-in keeps its own clause", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("7284.6.\n(a) California law enforcement agencies shall not:\n"
                   "(1) Use agency or department moneys or personnel to investigate, interrogate, detain, detect, or "
                   "arrest persons for immigration enforcement purposes, including any of the following:\n"
                   "(A) Inquiring into an individual's immigration status.\n"
                   "(B) Providing information regarding a person's release date unless that information is available "
                   "to the public. Responses are never required, but are permitted under this subdivision, provided "
                   "that they do not violate any local law or policy.\n"
                   "(2) Place peace officers under the supervision of federal agencies or employ peace officers "
                   "deputized as special federal officers or special federal deputies for purposes of immigration "
                   "enforcement.\n",
                   "law"));
  const std::vector<const Clause*> enforcement = OfTopic(x, "enforcement_assistance");
  // The lead-in's use of moneys (1) and the supervision item (2); nothing on "Responses are never required".
  REQUIRE(enforcement.size() == 2);
  CHECK(enforcement[0]->section == "7284.6(a)(1)");
  CHECK(enforcement[0]->stance == Stance::kRestricts);
  CHECK(enforcement[0]->text.rfind("(1) Use agency", 0) == 0);
  CHECK(enforcement[1]->section == "7284.6(a)(2)");
  for (const Clause& c : x.clauses) CHECK(c.text.find("Responses are never required") == std::string::npos);
}

// Shaped like East Chicago, Ind., Code 39.055(D) (written for this test).
TEST_CASE("a warrant condition that opens the lead-in stays the lead-in's clause, not its items'", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(D) Unless presented with a valid and properly issued criminal warrant, no agency or agent shall:\n"
                   "(1) Permit ICE agents access to a person being detained by, or in the custody of, the agency or agent;\n"
                   "(2) Transfer any person into the custody of a federal immigration authority.\n",
                   "law"));
  const Clause& warrant = OnlyOfTopic(x, "judicial_warrant");
  CHECK(warrant.section == "(D)");
  CHECK(warrant.stance == Stance::kRestricts);
  CHECK(warrant.text.rfind("(D) Unless presented", 0) == 0);
  // ... and where the condition is a clause by itself (it names the agency), its items do not take its topic
  const Extraction named = ExtractDocument(
      Rules(), Doc("(D) Unless ICE agents present a valid judicial warrant, no agency or agent shall:\n"
                   "(1) Permit them access to a person being detained by, or in the custody of, the agency or agent;\n"
                   "(2) Transfer any person to them.\n",
                   "law"));
  CHECK(OnlyOfTopic(named, "judicial_warrant").section == "(D)");
}

// Shaped like 34-B M.R.S.A. 1433(1) (shortened): the notice's contents are listed after "of:".
TEST_CASE("the items a notice is to hold ('shall notify ... of:') are its contents, cited at the lead-in",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("1. Notification of immigration officer. When a person is admitted or committed to a state institution, "
                   "the chief administrative officer shall notify immediately the United States immigration officer in "
                   "charge of the district, of:\n"
                   "A. The date of and the reason for the alien's admission or commitment;\n"
                   "B. The length of time for which the alien is admitted or committed;\n"
                   "C. The country of which the alien is a citizen.\n",
                   "law"));
  const Clause& notice = OnlyOfTopic(x, "information_sharing");
  CHECK(notice.section == "1.");
  CHECK(notice.stance == Stance::kRequires);
  CheckAllCitedAt(x, "1.");
}

// Shaped like ORS 180.805(3)(a) (shortened): the items only name the authorities of the lead-in's exception.
TEST_CASE("the items that only name an exception's authorities ('unless ... required by:') leave the clause at the lead-in",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(3)(a) A public body that holds a person's records may decline to disclose the information to federal "
                   "immigration authorities unless disclosure is required by:\n"
                   "(A) Federal law;\n"
                   "(B) A subpoena; or\n"
                   "(C) A warrant authorized by a court.\n",
                   "law"));
  CHECK(OnlyOfTopic(x, "information_sharing").stance == Stance::kPermits);
  CheckAllCitedAt(x, "(3)(a)");
}

// Shaped like Ala. Code 31-13-7(c) and (e) (shortened): the items of (e) are the cases a verification duty does not
// reach.
TEST_CASE("the items of what a duty does not reach ('shall not be required for any of the following:') leave the clause at the lead-in",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Section 31-13-7\n"
                   "Receipt of State or Local Public Benefits; Verification of Lawful Presence in the United States.\n"
                   "(c) Each agency or political subdivision of the state shall verify with the federal government the "
                   "lawful presence in the United States of each alien who applies for state or local public benefits.\n"
                   "(e) Verification of lawful presence in the United States shall not be required for any of the "
                   "following:\n"
                   "(1) For primary or secondary school education, and state or federal financial aid for students.\n"
                   "(2) For obtaining health care items and services that are necessary for the treatment of an "
                   "emergency medical condition.\n"
                   "(3) For short term, noncash, in kind emergency disaster relief.\n",
                   "law"));
  int at_lead_in = 0;
  for (const Clause& c : x.clauses) {
    INFO(c.topic << " " << c.section << ": " << c.text);
    CHECK(c.section.rfind("31-13-7(e)(", 0) != 0);  // no item is a clause of its own
    if (c.section == "31-13-7(e)" && c.topic == "status_inquiry") {
      ++at_lead_in;
      CHECK(c.stance == Stance::kPermits);  // a non-requirement, no prohibition
    }
  }
  CHECK(at_lead_in == 1);
}

// Shaped like RCW 43.17.425(1) and (3) (shortened; the status named in the lead-in, where the statute's heading names
// it): a permission by negation lists what it leaves open.
TEST_CASE("the items a 'nothing ... prohibits ... that is:' lead-in leaves open are permissions of their own",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Section 43.17.425 - Immigration and citizenship status-State agency restrictions\n"
                   "(1) No state agency may disclose information regarding a person's immigration status to a federal "
                   "immigration authority.\n"
                   "(3) Nothing in subsection (1) of this section prohibits the collection, use, or disclosure of "
                   "immigration or citizenship status information that is:\n"
                   "(a) Required to comply with state or federal law;\n"
                   "(b) In response to a lawfully issued court order.\n",
                   "law"));
  std::set<std::string> permitted_at;
  for (const Clause& c : x.clauses) {
    if (c.stance != Stance::kPermits) continue;
    CHECK(c.section != "43.17.425(3)");
    permitted_at.insert(c.section + " " + c.topic);
  }
  CHECK(permitted_at.count("43.17.425(3)(a) information_sharing") == 1);
  CHECK(permitted_at.count("43.17.425(3)(b) judicial_warrant") == 1);
}

// A memorandum's list (written for this test, as a general counsel's guidance prints one): the last-but-one item
// ends "; or", so the next line's "c." opens the last item although its text starts in lower case; it was read as
// the rest of item b. and cited there.
TEST_CASE("a lettered item in lower case after an item's closing 'or' is an item of its own", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("3. Limits\n\nConsistent with the statute, staff may not:\n\n"
                   "   a. keep a resident in custody past release because ICE has lodged a detainer;\n"
                   "   b. tell ICE the date or time at which a resident will be released, unless a judicial\n"
                   "      warrant has been verified by counsel; or\n"
                   "   c. ask a resident about his or her immigration status on behalf of ICE.\n",
                   "policy"));
  const Clause& ask = OnlyOfTopic(x, "status_inquiry");
  CHECK(ask.section == "3.c.");
  CHECK(ask.stance == Stance::kRestricts);
  CHECK(ask.text.rfind("c. ask a resident", 0) == 0);
}

// The same memorandum's item b. in full: its "will be released" is the tense of the clause that tells the release's
// time, not a duty of the item; the item stays what its lead-in's "may not:" makes it (it came out as requires).
TEST_CASE("a modal inside an item's relative clause does not take the item's stance from its lead-in", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("3. Limits\n\nConsistent with the statute, staff may not:\n\n"
                   "   a. keep a resident in custody past release because ICE has lodged a detainer; or\n"
                   "   b. tell ICE the date or time at which a resident will be released, or the address to which\n"
                   "      the resident will be released, unless a judicial warrant has been verified by counsel.\n",
                   "policy"));
  const Clause& told = OnlyOfTopic(x, "release_notification");
  CHECK(told.section == "3.b.");
  CHECK(told.stance == Stance::kRestricts);
  // ... while an item whose own modal opens its clause keeps it ("Staff shall:" / "b. ... and will notify ICE")
  const Extraction y = ExtractDocument(
      Rules(), Doc("4. Duties\n\nRecords staff shall:\n\n"
                   "   a. verify every release order; and\n"
                   "   b. review each detainer, and a supervisor will not notify ICE of the release.\n",
                   "policy"));
  CHECK(OnlyOfTopic(y, "release_notification").stance == Stance::kRestricts);
}

// A post order's duties (written for this test, as a jail's release desk post order lists them): under "shall:" an
// item that opens with "Not" limits what it names, as one that opens with "Decline" does (it came out requires).
TEST_CASE("an item that opens with 'Not' under a duty's lead-in restricts", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("III. DUTIES OF THE POST OFFICER\n\nThe Release Desk Officer shall:\n\n"
                   "  1. Verify each resident's identity before processing any release.\n\n"
                   "  2. Not keep any resident past his or her release time on the basis of an ICE detainer.\n\n"
                   "  3. Not telephone, e-mail or otherwise advise ICE of the date or time of a release.\n",
                   "policy", "Department of Corrections"));
  CHECK(OnlyOfTopic(x, "detainer_hold").stance == Stance::kRestricts);
  CHECK(OnlyOfTopic(x, "release_notification").stance == Stance::kRestricts);
}

// A bill's disclaimer (written for this test, in the form of a D.C. Council committee print amending D.C. Code
// 24-211.07): what nothing in the section is to be construed to prohibit, it permits (it came out restricts).
TEST_CASE("an item that starts with a limiting act under 'Nothing ... shall be construed to:' permits", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Sec. 5. Immigration.\n(a) The Department shall not hold a person on an immigration detainer.\n"
                   "(b) Nothing in this section shall be construed to:\n"
                   "(1) Prohibit or restrict any District employee from sending to, or receiving from, a federal "
                   "immigration authority information regarding the citizenship or immigration status of any individual; or\n"
                   "(2) Require the Department to honor an immigration detainer.\n",
                   "law"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.section + " " + c.text);
  const Clause& sending = OnlyOfTopic(x, "information_sharing");
  CHECK(sending.section == "5(b)(1)");
  CHECK(sending.stance == Stance::kPermits);
}

// A Director's letter to ERO (written for this test): the "will" of "when the person will be released" is the release's
// tense; the law's "bars" governs the warrant condition too (it came out requires). A relative clause's "who shall
// decline" still binds.
TEST_CASE("a modal inside a clause of time is not the sentence's stance", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("D.C. Code 24-211.07 bars the Department from holding a person on a civil detainer, or telling ICE when "
                   "the person will be released, unless the request comes with an order signed by a judge.\n",
                   "practice", "Department of Corrections"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.rule + " " + std::string(StanceName(c.stance)));
  CHECK(OnlyOfTopic(x, "judicial_warrant").stance == Stance::kRestricts);
  // (shaped like East Chicago Code 39.055(B)(2))
  const Extraction y = ExtractDocument(
      Rules(), Doc("(2) In the event an agent receives a request to assist in an immigration enforcement operation he or "
                   "she shall report the request to a supervisor, who shall decline the request.\n",
                   "law"));
  CHECK(OnlyOfTopic(y, "enforcement_assistance").stance == Stance::kRestricts);
}

// The same act with its findings first (written for this test): "§ 2368", nested under the act's "Sec. 0a. FINDINGS"
// when its "Sec. 1." went unread, was read as findings, and its items yielded no clause.
TEST_CASE("a titled code section under a findings section is no finding", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("No. 87. An act relating to immigration.\n\nSec. 0a. FINDINGS\n\nThe General Assembly finds that "
                   "residents fear the police.\n\n\xC2\xA7 2368. LIMITS ON IMMIGRATION ENFORCEMENT\n\n"
                   "(a) A law enforcement officer shall not:\n"
                   "(1) stop, arrest, or detain a person solely on the basis of the person's actual or suspected "
                   "immigration status; or\n(2) ask about a person's immigration status.\n",
                   "law"));
  CHECK(OnlyOfTopic(x, "status_inquiry").stance == Stance::kRestricts);
  CHECK(OnlyOfTopic(x, "enforcement_assistance").stance == Stance::kRestricts);
}

// A statute's duty list (written for this test in a Vermont act's form): the item's only cue is inside its "unless"
// clause ("unless the notice is prohibited by law"), which is no limit on the notice the lead-in's "shall:" requires
// (it came out restricts); a clause closed by a comma is no cue's clause ("Unless ..., no officer shall").
TEST_CASE("a cue inside an item's 'unless' clause does not take the item's stance from its lead-in", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Sec. 5. Requests.\n(2) When a law enforcement agency receives a request from federal immigration "
                   "authorities for information, the agency shall:\n(i) forward the request to the agency head; and\n"
                   "(ii) provide notice of the request to the person who is the subject of the request, unless the notice "
                   "is prohibited by law or by court order.\n",
                   "law"));
  CHECK(OnlyOfTopic(x, "counsel_access").stance == Stance::kRequires);
  const Extraction y = ExtractDocument(
      Rules(), Doc("Unless a judicial warrant is presented, no officer shall notify ICE of an inmate's release date.\n", "law"));
  CHECK(OnlyOfTopic(y, "release_notification").stance == Stance::kRestricts);
}
