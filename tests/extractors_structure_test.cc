// Structure the clause matcher relies on, on synthetic text: form header
// fields, paragraphs after lists, definition sections, defined agency names,
// speakers in transcripts, the addressee of correspondence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::OnlyOfTopic;
using foiamine::testing::Rules;

namespace {

// A law's text as the normalize stage leaves it for the extract stage (spacing, dashes, '§' as a copy prints them).
DocumentInput NormalizedLaw(const std::string& text) {
  DocumentInput in;
  in.metadata.authority = "law";
  in.pages = foiamine::testing::NormalizedPages(text);
  return in;
}

}  // namespace

TEST_CASE("form header fields are headings and correspondence is practice and 'your office' is the addressee",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("TO: HSI Field Office, Intake Desk\n"
                                                    "FROM: County Jail Records\n"
                                                    "RE: Release of detainer cases, week 12\n"
                                                    "NOTICE: This is to advise your office that two men held on\n"
                                                    "your detainers go free at 0700 on Friday.\n"
                                                    "COMMENTS: We attached their birth dates, as your agency asked.\n"));
  CHECK(x.identity.doc_kind.value == "correspondence");
  CHECK(x.identity.authority.value == "practice");
  for (const Clause& c : x.clauses) CHECK(c.text.find("RE:") == std::string::npos);
  auto notice = OfTopic(x, "release_notification");
  REQUIRE(notice.size() == 1);
  CHECK(notice[0]->stance == Stance::kReports);
  CHECK(notice[0]->text.rfind("NOTICE:", 0) == 0);
  auto shared = OfTopic(x, "information_sharing");  // HSI only in the TO: line
  REQUIRE(shared.size() == 1);
  CHECK(shared[0]->stance == Stance::kReports);
}

TEST_CASE("a paragraph after a list belongs to the list's parent", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("4.2 RELEASE OF INMATES\n"
                                                    "Requests about inmates may come from the following agencies:\n"
                                                    "(a)\n\n"
                                                    "Immigration and Customs Enforcement\n\n"
                                                    "(b)\n\n"
                                                    "Customs and Border Protection\n\n"
                                                    "No inmate shall be kept in custody past release solely on an\n"
                                                    "immigration detainer.\n",
                                                    "policy", "Department of Corrections"));
  auto holds = OfTopic(x, "detainer_hold");
  for (const Clause* c : holds) UNSCOPED_INFO(c->section + " " + c->rule + " " + c->text);
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->section == "4.2");
  CHECK(holds[0]->stance == Stance::kRestricts);
}

TEST_CASE("units under a Definitions heading define terms", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("1. DEFINITIONS\n"
                                                    "A. Immigration hold. A request that the jail keep a person in\n"
                                                    "custody past release for ICE.\n"
                                                    "B. Transfer Request - a form by which DHS asks to hold a person.\n"
                                                    "2. PROCEDURES\n"
                                                    "A. Staff shall not hold a person past release on an ICE detainer.\n",
                                                    "policy", "Department of Corrections"));
  auto holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->section == "2.A.");
}

TEST_CASE("a law binds the District unless it names an agency, also by a defined short name",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(a) The Department of Corrections (\"Department\") keeps the records of each person it houses.\n"
                   "(b) The Department shall not honor an ICE detainer.\n"
                   "(c) No agency shall give ICE the release date of any person.\n",
                   "law", "Council"));
  auto holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->actor == "DOC");
  auto notices = OfTopic(x, "release_notification");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0]->actor == "District");
}

TEST_CASE("a court of the district is no District actor", "[extractors][structure]") {
  // (the D.C. Circuit's opinion in N.S. v. Dixon: the Marshal's act, which no D.C. law binds)
  const Extraction x = ExtractDocument(
      Rules(), Doc("The district court permanently enjoined Marshal Dixon and his agents from \"arresting and detaining "
                   "criminal defendants in the Superior Court based solely on a civil immigration detainer or warrant.\"\n"
                   "The United States District Court for the District of Columbia held that ICE detainers do not "
                   "authorize arrests.\n",
                   "practice", ""));
  REQUIRE_FALSE(x.clauses.empty());
  for (const Clause& c : x.clauses) CHECK(c.actor != "District");
}

TEST_CASE("in testimony, 'we' and 'our' are the speaker's agency", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("APPEARANCES:\n"
                                                    "  CAPTAIN R. MORALES, Metropolitan Police Department\n"
                                                    "  WARDEN T. LINDQVIST, Department of Corrections\n"
                                                    " 1   CHAIR: Did anyone give help to ICE this spring?\n"
                                                    " 2   CAPTAIN MORALES: Yes. In April our officers drove ICE\n"
                                                    " 3   agents to a raid in Ward 8.\n",
                                                    "practice", "Department of Corrections"));
  auto help = OfTopic(x, "enforcement_assistance");
  REQUIRE(help.size() == 1);
  CHECK(help[0]->stance == Stance::kReports);
  CHECK(help[0]->actor == "MPD");
}

TEST_CASE("a lead-in read on into its items completes their rules, and 'including, but not limited to' limits nothing", "[extractors][structure]") {
  // Shaped like Chicago's Welcoming City Ordinance, 2-173-020(a) (written for this test).
  const Extraction x = ExtractDocument(
      Rules(), Doc("Sec. 2. Immigration enforcement prohibited.\n"
                   "(a) No agency shall participate in civil immigration enforcement. Specifically, no agency shall:\n"
                   "(1) stop, arrest, detain, or continue to detain a person\n"
                   "(A) solely on the belief that the person is not present legally in the United States.\n"
                   "(B) based upon an administrative warrant, including, but not limited to, those entered into a "
                   "federal database.\n"
                   "(C) based upon an immigration detainer.\n",
                   "law"));
  const auto stance_of = [&](const std::string& topic, const std::string& section) -> std::optional<Stance> {
    for (const Clause* c : OfTopic(x, topic))
      if (c->section == section) return c->stance;
    return std::nullopt;
  };
  CHECK(stance_of("enforcement_assistance", "2(a)(1)(A)") == Stance::kRestricts);
  CHECK(stance_of("judicial_warrant", "2(a)(1)(B)") == Stance::kRestricts);
  CHECK(stance_of("detainer_hold", "2(a)(1)(C)") == Stance::kRestricts);
}

TEST_CASE("a lead-in that points back at a prohibition lends its sentence's subject matter, not the rule's other terms", "[extractors][structure]") {
  // Shaped like S.F. Admin. Code 12H.2 (written for this test): the items name no immigration authority; the
  // sentence the lead-in points back at does. Item (d) names no release: "release status" up there is not its.
  const Extraction x = ExtractDocument(
      Rules(), Doc("No officer shall use any City funds or resources to assist in the enforcement of Federal "
                   "immigration law or to disseminate information regarding release status of individuals. The "
                   "prohibition set forth in this Chapter shall include, but shall not be limited to:\n"
                   "(c) Requesting information about, or disseminating information regarding the release status of "
                   "any individual.\n"
                   "(d) Including on any form of benefits provided by the City any question regarding marital status.\n",
                   "law"));
  std::vector<std::string> release_sections;
  for (const Clause* c : OfTopic(x, "release_notification")) {
    release_sections.push_back(c->section);
    CHECK(c->stance == Stance::kRestricts);
  }
  CHECK(std::count(release_sections.begin(), release_sections.end(), "(c)") == 1);
  CHECK(std::count(release_sections.begin(), release_sections.end(), "(d)") == 0);
}

TEST_CASE("'In furtherance of that policy:' carries the policy on to its items: its 'that' opens no condition", "[extractors][structure]") {
  // Shaped like the Village of Irvington's Statement of Policy (N.Y., 2017), shortened.
  const Extraction x = ExtractDocument(
      Rules(), Doc("STATEMENT OF POLICY\n\n"
                   "In furtherance of that policy:\n\n"
                   "(A) Village Police shall not stop, question, interrogate, investigate, or arrest an individual solely "
                   "on the basis of:\n\n"
                   "(1) Actual or suspected immigration or citizenship status, or\n\n"
                   "(2) A civil immigration detainer in the name of the individual.\n",
                   "law"));
  const Clause& detainer = OnlyOfTopic(x, "detainer_hold");
  CHECK(detainer.section == "(A)(2)");
  CHECK(detainer.stance == Stance::kRestricts);
  const Clause& status = OnlyOfTopic(x, "enforcement_assistance");
  CHECK(status.section == "(A)(1)");
  CHECK(status.stance == Stance::kRestricts);
}

TEST_CASE("a condition's or purpose's items are parts of the lead-in's clause of the same topic, an exception is its own", "[extractors][structure]") {
  // Shaped like D.C. Code § 24-211.07(a)(3) (2020) and Utah Code 76-9-1007 (written for this test).
  const Extraction x = ExtractDocument(
      Rules(), Doc("Sec. 3. Limits.\n"
                   "(a) The Department shall not permit a federal immigration agency to interview a person in a "
                   "Department detention facility unless:\n"
                   "(A) The federal immigration agency presents a judicial order authorizing the interview; and\n"
                   "(B) The person has counsel present for the interview.\n"
                   "(b) A county agency is not prohibited from sending information regarding the immigration status "
                   "of any person to ICE for any lawful purpose, including:\n"
                   "(1) determining a person's eligibility for a license provided by a federal agency;\n"
                   "(2) confirming a person's claim of residence.\n"
                   "(c) No person is subject to civil arrest while going to or returning from a court facility, "
                   "except:\n"
                   "(1) Where such arrest is pursuant to a court order authorizing the arrest.\n",
                   "law"));
  const auto sections_of = [&](const std::string& topic) {
    std::vector<std::string> sections;
    for (const Clause* c : OfTopic(x, topic)) sections.push_back(c->section);
    return sections;
  };
  CHECK(sections_of("facility_access") == std::vector<std::string>{"3(a)"});
  CHECK(sections_of("information_sharing") == std::vector<std::string>{"3(b)"});
  // the exception is what the prohibition permits: a clause of its own
  bool exception = false;
  for (const Clause* c : OfTopic(x, "judicial_warrant"))
    exception = exception || (c->section == "3(c)(1)" && c->stance == Stance::kPermits);
  CHECK(exception);
}

// Shaped like East Chicago Code 39.055(A) and a sheriff's press release (written for this test).
TEST_CASE("the grounds and the reasons a lead-in lists are parts of its clause, not clauses of its topic", "[extractors][structure]") {
  const Extraction law = ExtractDocument(
      Rules(), Doc("Sec. 5. Immigration enforcement actions.\n"
                   "(A) No agency shall detain or continue to detain a person after that person becomes eligible for "
                   "release from custody, based on any of the following:\n"
                   "(1) An immigration detainer;\n"
                   "(2) Any other basis that is based solely on the belief that the person has committed a civil "
                   "immigration violation.\n",
                   "law"));
  std::vector<std::string> holds;
  for (const Clause* c : OfTopic(law, "detainer_hold")) holds.push_back(c->section);
  CHECK(holds == std::vector<std::string>{"5(A)"});
  const Extraction practice = ExtractDocument(
      Rules(), Doc("We communicate with ICE concerning the status of these inmates for two reasons: (1) it is a "
                   "common-sense measure to keep residents safe; and (2) federal law requires it.\n",
                   "practice"));
  const auto sharing = OfTopic(practice, "information_sharing");
  REQUIRE(sharing.size() == 1);
  CHECK(sharing[0]->text.rfind("We communicate with ICE", 0) == 0);
}

TEST_CASE("the parts of a condition are no clauses of their own, its sub-lead-ins included", "[extractors][structure]") {
  // Shaped like D.C. Code § 24-211.07 as enacted in 2012 (written for this test).
  const Extraction x = ExtractDocument(
      Rules(), Doc("Sec. 7. Compliance with detainers.\n"
                   "(b) Upon written request by an ICE agent to detain an inmate for suspected violations of federal "
                   "civil immigration law, the Department may comply only if:\n"
                   "(1) The individual sought to be detained:\n"
                   "(A) Is 18 years of age or older; and\n"
                   "(B) Has been convicted of a dangerous crime.\n"
                   "(c) A detainer request for an individual who has been convicted of a homicide crime, pursuant to "
                   "§ 22-2101 et seq., or a crime in another jurisdiction which would qualify as a homicide crime, may be "
                   "honored regardless of when the conviction occurred.\n",
                   "law"));
  for (const Clause* c : OfTopic(x, "detainer_hold")) {
    INFO(c->text);
    CHECK(c->text.find("sought to be detained") == std::string::npos);
    CHECK(c->text.find("18 years") == std::string::npos);
  }
  bool honored = false;
  for (const Clause* c : OfTopic(x, "detainer_hold"))
    honored = honored || (c->text.find("may be honored") != std::string::npos && c->stance == Stance::kPermits);
  CHECK(honored);
}

// Tesseract sets blank lines between the lines of one paragraph at times; a
// line that stops on "§" or "the", or is carried on by one in lower case or a
// number, has not ended its sentence.
TEST_CASE("an OCR blank line inside a sentence does not end it", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Section 7 - Communication with federal officials\n\n"
                   "(a) All law enforcement agencies and officials shall, in accordance with 8 U.S.C. §\n\n"
                   "1357(g)(10), communicate with the appropriate federal official regarding the\n\n"
                   "Immigration status of any individual in custody.\n",
                   "law"));
  const std::vector<const Clause*> sharing = OfTopic(x, "information_sharing");
  REQUIRE(sharing.size() == 1);
  CHECK(sharing[0]->stance == Stance::kRequires);
  CHECK(sharing[0]->section == "7(a)");
  CHECK(sharing[0]->text.find("any individual in custody") != std::string::npos);
  // ... nor one after "pursuant to Article", its numeral OCR'd "Ill" (D.C. Code § 24-211.07(a) as Tesseract reads it)
  const Extraction dc = ExtractDocument(
      Rules(), Doc("(a) Absent a judicial warrant or order issued by a federal judge appointed pursuant to Article\n\n"
                   "Ill of the United States Constitution that authorizes a federal immigration agency to take into\n"
                   "custody the person, the District of Columbia shall not:\n\n"
                   "(1) Hold an individual in the District's custody after that individual would have been released.\n",
                   "law"));
  const std::vector<const Clause*> warrant = OfTopic(dc, "judicial_warrant");
  REQUIRE(warrant.size() == 1);
  CHECK(warrant[0]->text.rfind("(a) Absent a judicial warrant", 0) == 0);
  // ... nor one before a parenthesis opened on a lower-case word (a 287(g) agreement's scan, shortened)
  const Extraction moa = ExtractDocument(
      Rules(), Doc("This Memorandum of Agreement constitutes an agreement between ICE and the County Sheriff,\n"
                   "pursuant to which ICE delegates to nominated,\n\n"
                   "(hereinafter referred to as the LEA), trained, and certified officers the authority to perform\n"
                   "certain immigration enforcement functions as specified herein.\n",
                   "agreement"));
  const std::vector<const Clause*> delegated = OfTopic(moa, "enforcement_assistance");
  REQUIRE(delegated.size() == 1);
  CHECK(delegated[0]->stance == Stance::kPermits);
  CHECK(delegated[0]->text.find("pursuant to which ICE delegates to nominated, (hereinafter") != std::string::npos);
}

TEST_CASE("a state's or a code title's abbreviation in a citation does not end the sentence", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Staff shall not detain anyone on an ICE detainer pursuant to Cal. Gov. Code Sec. 7284.6, Tex. Code Crim. "
                   "Proc. art. 2.251 or Fla. Stat. 908.11 unless a judge signed a warrant.\n",
                   "policy"));
  const std::vector<const Clause*> holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->stance == Stance::kRestricts);
  CHECK(holds[0]->text.find("unless a judge signed a warrant") != std::string::npos);
}

// A code site's copy of a statute: a breadcrumb line, then "Section 31-13-18 - <catchline>." heading the
// section. Neither is a clause (the catchline names a topic), and the section's number starts the paths.
TEST_CASE("a code site's breadcrumb and a 'Section 31-13-18 - catchline' head the section and yield no clause",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Code of Alabama - Title 31: Military Affairs and Civil Defense - Section 31-13-18 - Verification of "
                   "legal status of person charged with a crime; detention\n\n"
                   "Section 31-13-18 - Verification of legal status of person charged with a crime for which bail is "
                   "required; detention.\n\n"
                   "(a) When a person is confined in a county jail, a reasonable effort shall be made to determine if the "
                   "person is an alien unlawfully present in the United States.\n",
                   "law"));
  const std::vector<const Clause*> status = OfTopic(x, "status_inquiry");
  REQUIRE(status.size() == 1);
  CHECK(status[0]->section == "31-13-18(a)");
  CHECK(status[0]->stance == Stance::kRequires);
}

// A question alone states nothing; answered yes or no, on its line or the next (even as an "Answer:"
// field), it is one statement of what the agency does.
TEST_CASE("a question answered yes or no is one statement of practice", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Frequently Asked Questions\n\n"
                   "Do Sheriff's deputies check citizenship status when responding to a call? No.\n\n"
                   "Does the TCSO enforce federal immigration laws?\n\n"
                   "Answer: No, the TCSO only enforces Wyoming State Statutes.\n\n"
                   "Does the TCSO detain people on ICE detainers?\n\n"
                   "Deputies will explain the process at the front desk.\n",
                   "practice"));
  const std::vector<const Clause*> status = OfTopic(x, "status_inquiry");
  REQUIRE(status.size() == 1);
  CHECK(status[0]->stance == Stance::kReports);
  CHECK(status[0]->text.find("? No.") != std::string::npos);
  const std::vector<const Clause*> enforcement = OfTopic(x, "enforcement_assistance");
  REQUIRE(enforcement.size() == 1);
  CHECK(enforcement[0]->text.find("only enforces Wyoming State Statutes") != std::string::npos);
  // an unanswered question stays none
  CHECK(OfTopic(x, "detainer_hold").empty());
}

// "This includes ..." names the parts of the sentence before it and takes its stance: a rule's parts restrict, a
// bill's parts told in the news are what the bill would do.
TEST_CASE("a sentence that only says what the one before includes takes that sentence's stance", "[extractors][structure]") {
  const Extraction rule = ExtractDocument(
      Rules(), Doc("Officers shall not assist ICE in civil immigration enforcement. This includes transporting detainees to "
                   "ICE facilities.\n",
                   "policy"));
  const std::vector<const Clause*> assist = OfTopic(rule, "enforcement_assistance");
  REQUIRE(assist.size() == 2);
  CHECK(assist[1]->text.rfind("This includes transporting", 0) == 0);
  CHECK(assist[1]->stance == Stance::kRestricts);
  const Extraction news = ExtractDocument(
      Rules(), Doc("The bill would stop city agencies from working with Immigration and Customs Enforcement unless provided a "
                   "judicial warrant. This includes sharing information with ICE or allowing ICE agents to enter city "
                   "facilities, such as the jail.\n",
                   "practice"));
  REQUIRE_FALSE(news.clauses.empty());
  for (const Clause& c : news.clauses) CHECK(c.stance == Stance::kMentions);
}

// News prints a list of rules after a sentence that names them and ends with a period: that sentence leads the
// bullets in as a colon would, and the rules it names keep their stance on a page of practice (Tucson's release on its
// police general orders, as reported, 2025).
TEST_CASE("a sentence naming the following policies leads in the bullets after it", "[extractors][structure]") {
  const std::string bullets =
      "- TPD officers do not have the authority to transport a person or take any other enforcement action for a civil "
      "violation of federal immigration law.\n";
  const Extraction listed = ExtractDocument(
      Rules(), Doc("City officials are making their stance on immigration enforcement clear.\n"
                   "It laid out the following policies, which it said have been in place for nearly 15 years.\n" + bullets,
                   "practice"));
  const std::vector<const Clause*> assist = OfTopic(listed, "enforcement_assistance");
  REQUIRE(assist.size() == 1);
  CHECK(assist[0]->stance == Stance::kRestricts);
  // (a sentence that names no rules lays out none: what officers "do not" do is told)
  const Extraction told = ExtractDocument(
      Rules(), Doc("City officials are making their stance on immigration enforcement clear.\n"
                   "It laid out the following reasons, which it said have been true for nearly 15 years.\n" + bullets,
                   "practice"));
  const std::vector<const Clause*> told_assist = OfTopic(told, "enforcement_assistance");
  REQUIRE(told_assist.size() == 1);
  CHECK(told_assist[0]->stance == Stance::kReports);
}

// A bullet left alone at the foot of a page belongs to the item on the next:
// the clause is cited on the page its words are printed on.
TEST_CASE("a bullet stranded at a page's foot does not move its clause to that page", "[extractors][structure]") {
  DocumentInput in;
  in.metadata.authority = "policy";
  in.pages.push_back(PageText{1, "MEMORANDUM OF AGREEMENT\n\nResponsibilities of each party include:\n\u2022\n\nPage 1\n"});
  in.pages.push_back(PageText{2, "MEMORANDUM OF AGREEMENT\nParticipating LEA personnel must notify ICE of the release date of "
                                 "each alien held on a detainer.\n\nPage 2\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  const std::vector<const Clause*> notices = OfTopic(x, "release_notification");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0]->page == 2);
  REQUIRE(notices[0]->parts.size() == 1);
  CHECK(notices[0]->parts[0].page == 2);
  CHECK(notices[0]->text.rfind("Participating LEA personnel", 0) == 0);
}

TEST_CASE("a checkbox read as x, alone on its line, is a bullet, stranded or not", "[extractors][structure]") {
  // A 287(g) task force agreement's functions (2025), its checkbox glyphs extracted as "x"
  DocumentInput in;
  in.metadata.authority = "policy";
  in.pages.push_back(PageText{1, "V. DESIGNATION OF AUTHORIZED FUNCTIONS\n\nParticipating LEA personnel are authorized to "
                                 "perform the following functions:\nx\n\nThe power and authority to interrogate any alien "
                                 "as to his right to be or remain in the United States.\nx\n\nPage 1\n"});
  in.pages.push_back(PageText{2, "The power to arrest without warrant for felonies which have been committed and which are "
                                 "cognizable under any law regulating the removal of aliens.\n\nPage 2\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  const std::vector<const Clause*> powers = OfTopic(x, "enforcement_assistance");
  REQUIRE(powers.size() == 2);
  CHECK(powers[0]->text.rfind("The power and authority to interrogate", 0) == 0);
  CHECK(powers[1]->text.rfind("The power to arrest", 0) == 0);
  CHECK(powers[1]->page == 2);
  for (const Clause* c : powers) CHECK(c->stance == Stance::kPermits);
}

// On a page of practice, what law enforcement in general may do explains the
// law; what the agency itself does is its practice.
TEST_CASE("a page of practice explains what law enforcement in general may do and reports what its agency does", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("Local law enforcement and immigration\n\n"
                   "Local law enforcement agencies cannot use public resources to enforce federal immigration laws.\n\n"
                   "The Coburg Police Department does not enforce federal immigration laws.\n",
                   "practice"));
  const std::vector<const Clause*> clauses = OfTopic(x, "enforcement_assistance");
  REQUIRE(clauses.size() == 2);
  CHECK(clauses[0]->stance == Stance::kMentions);
  CHECK(clauses[1]->stance == Stance::kReports);
}

// A section's heading that names what it lists prohibited is the lead-in of
// items that have none: "§ 4724. Prohibited activities" / "(1) Inquiring ...".
TEST_CASE("items under a heading that names them prohibited restrict", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("§ 4723. Definitions\nAs used in this chapter, the following terms have the following meanings.\n"
                   "§ 4724. Prohibited activities of law enforcement\n"
                   "(1) Inquiring into a person's immigration status;\n"
                   "(2) Detaining a person on the basis of a hold request;\n"
                   "§ 4725. Reports\n(1) Inquiring into the number of persons held;\n",
                   "law"));
  const std::vector<const Clause*> status = OfTopic(x, "status_inquiry");
  REQUIRE(status.size() == 1);
  CHECK(status[0]->stance == Stance::kRestricts);
  CHECK(status[0]->section == "4724(1)");
  const std::vector<const Clause*> holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->stance == Stance::kRestricts);
}

// Dash items that close with "; or" are siblings under the lead-in, not each
// the lead-in of the next: the last item still reads on from the lead-in.
TEST_CASE("an item closing with 'or' after a semicolon joins it to the next item, both under the lead-in", "[extractors][structure]") {
  const std::string items =
      "- University Police shall not stop, question, interrogate, investigate, or arrest an individual based solely on any of the following:\n"
      "- Actual or suspected immigration status; or\n"
      "- An immigration detainer in the individual's name.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(items, "policy"));
  const auto holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->stance == Stance::kRestricts);
  CHECK(holds[0]->text.find("An immigration detainer") != std::string::npos);
  CHECK(holds[0]->rule == "detainer_hold/hold_on_detainer@items");  // from the lead-in, not through the first item
  // Each item completes the prohibition of stops and arrests ("arrest an individual based solely on ... an
  // immigration detainer" is one too).
  const auto stops = OfTopic(x, "enforcement_assistance");
  REQUIRE(stops.size() == 2);
  CHECK(stops[0]->text.find("Actual or suspected") != std::string::npos);
  CHECK(stops[1]->text.find("An immigration detainer") != std::string::npos);
  for (const Clause* stop : stops) CHECK(stop->stance == Stance::kRestricts);
}

// Two code forms seen in whole state statutes: a title-section number closed by its period before an
// all-caps catchline (Idaho Code "18-9005. COOPERATION ..."), and a section whose first subsection
// runs in after its number (RSMo "67.307. 1. As used in this section, ..."). Each number starts the
// paths; subsection 2 after a definition list is no part of the definitions, and a month and year is
// no section number.
TEST_CASE("a title-section number, a decimal title and a section's run-in first subsection start their paths", "[extractors][structure]") {
  const Extraction idaho = ExtractDocument(
      Rules(), Doc("18-9005. COOPERATION WITH FEDERAL AUTHORITIES. (1) To the extent authorized by federal law, law "
                   "enforcement officials shall be authorized to send, receive, and maintain information relating to "
                   "the immigration status of illegal aliens for public safety purposes.\n",
                   "law"));
  const std::vector<const Clause*> sharing = OfTopic(idaho, "information_sharing");
  REQUIRE(sharing.size() == 1);
  CHECK(sharing[0]->section.rfind("18-9005", 0) == 0);
  CHECK(sharing[0]->stance == Stance::kPermits);

  const Extraction missouri = ExtractDocument(
      Rules(), Doc("67.307. 1. As used in this section, the following terms mean:\n\n"
                   "(1) \"Municipality\", any county, city, town, or village;\n\n"
                   "(2) \"Sanctuary policy\", any municipality's order or ordinance that:\n\n"
                   "(a) Limits or prohibits any municipality official from communicating or cooperating with federal "
                   "agencies or officials to verify or report the immigration status of any alien; or\n\n"
                   "(b) Grants to illegal aliens the right to lawful presence.\n\n"
                   "2. No municipality shall enact or adopt any sanctuary policy.\n",
                   "law"));
  const std::vector<const Clause*> banned = OfTopic(missouri, "information_sharing");
  REQUIRE(banned.size() == 1);
  CHECK(banned[0]->section == "67.307(2)");
  CHECK(banned[0]->stance == Stance::kPermits);

  const Extraction virginia = ExtractDocument(
      Rules(), Doc("§ 53.1-218. Duty of officer in charge to inquire as to citizenship.\n\n"
                   "Whenever any person is committed to a correctional facility for the commission of a felony, the "
                   "sheriff shall inquire as to whether the person is a citizen of a country other than the United States.\n",
                   "law"));
  const std::vector<const Clause*> inquiries = OfTopic(virginia, "status_inquiry");
  REQUIRE_FALSE(inquiries.empty());
  CHECK(inquiries.back()->section == "53.1-218");
  CHECK(inquiries.back()->stance == Stance::kRequires);

  // A decimal section under a chapter word carries its chapter itself (Cal. Gov. Code, as SB 54 enacts it).
  const Extraction california = ExtractDocument(
      Rules(), Doc("CHAPTER 17.25. Cooperation with Immigration Authorities\n\n"
                   "7284.10.\n"
                   "(a) The Department of Corrections and Rehabilitation shall:\n"
                   "(2) Upon receiving any ICE hold, notification, or transfer request, provide a copy of the request to "
                   "the individual and inform him or her whether the department intends to comply with the request.\n",
                   "law"));
  REQUIRE_FALSE(california.clauses.empty());
  for (const Clause& c : california.clauses) CHECK(c.section.rfind("7284.10(a)", 0) == 0);

  const Extraction minutes = ExtractDocument(
      Rules(), Doc("11-2019. Minutes of the board.\n\nStaff shall not notify ICE of any release date.\n", "policy"));
  const std::vector<const Clause*> notices = OfTopic(minutes, "release_notification");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0]->section.find("11-2019") == std::string::npos);
}

TEST_CASE("a bill's new matter set in capitals is sentences, not headings: lines run on, hyphens join, periods end",
          "[extractors][structure]") {
  // N.Y. S. 987 (2023) as the Senate prints it: justified capitals, words broken at the margin.
  const DocumentInput input = NormalizedLaw(
      " § 145.05 DUTIES OF POLICE OFFICERS, PEACE OFFICERS, AND SCHOOL  RESOURCE\n"
                   "  OFFICERS; IMMIGRATION.\n"
                   "  THE  DUTIES  AND  AUTHORITY  OF  POLICE  OFFICERS, PEACE OFFICERS, AND\n"
                   " SCHOOL RESOURCE OFFICERS SHALL NOT INCLUDE AUTHORITY TO ENGAGE IN  IMMI-\n"
                   " GRATION  ENFORCEMENT.  POLICE  OFFICERS,  PEACE  OFFICERS,  AND  SCHOOL\n"
                   " RESOURCE  OFFICERS  SHALL  NOT  USE  PUBLIC  RESOURCES  FOR  IMMIGRATION\n"
                   " ENFORCEMENT.\n"
                   " § 145.10 DIRECTION BY IMMIGRATION AUTHORITIES.\n"
                   "  NO  POLICE OFFICER, PEACE OFFICER, OR SCHOOL RESOURCE OFFICER SHALL BE\n"
                   " SUBJECT TO THE DIRECTION OR SUPERVISION OF IMMIGRATION  AUTHORITIES.\n"
                   " § 145.25 NOTIFICATION OF IMMIGRATION AUTHORITIES PROHIBITED.\n"
                   "  NO POLICE OFFICER, PEACE OFFICER, OR  SCHOOL  RESOURCE  OFFICER  SHALL\n"
                   " NOTIFY  OR OTHERWISE COMMUNICATE WITH IMMIGRATION AUTHORITIES REGARDING:\n"
                   " (I) THE DATE, TIME, OR LOCATION THAT AN INDIVIDUAL WILL BE RELEASED FROM\n"
                   " CUSTODY; OR (II) THE TIME, DATE,  OR  LOCATION  OF  AN  INDIVIDUAL'S  COURT\n"
                   " APPEARANCE.\n"
                   " § 145.45 WRITTEN CONSENT FOR INTERVIEW.\n"
                   "  1.  IN  ANY  INSTANCE  IN  WHICH IMMIGRATION AUTHORITIES ARE PERMITTED\n"
                   " ACCESS TO AN INDIVIDUAL IN THE CUSTODY OF A POLICE OFFICER, PEACE  OFFI-\n"
                   " CER,  OR  SCHOOL  RESOURCE OFFICER FOR THE PURPOSE OF BEING INTERVIEWED,\n"
                   " THE OFFICER SHALL PROVIDE THE INDIVIDUAL WITH  A  WRITTEN  CONSENT  FORM\n"
                   " THAT EXPLAINS THE PURPOSE OF THE INTERVIEW.\n");
  const Extraction bill = ExtractDocument(Rules(), input);
  // Two sentences, two restrictions (one clause would answer for only one of them).
  const std::vector<const Clause*> enforcement = OfTopic(bill, "enforcement_assistance");
  REQUIRE(enforcement.size() >= 2);
  CHECK(enforcement[0]->section == "145.05");
  CHECK(enforcement[0]->stance == Stance::kRestricts);
  CHECK(enforcement[0]->text.find("PUBLIC") == std::string::npos);
  CHECK(enforcement[1]->text.find("PUBLIC") != std::string::npos);
  CHECK(enforcement[1]->stance == Stance::kRestricts);
  // The sentence that goes on after "SHALL BE" is read whole.
  bool direction = false;
  for (const Clause& c : bill.clauses)
    if (c.section == "145.10" && c.text.find("SUPERVISION OF IMMIGRATION") != std::string::npos) direction = true;
  CHECK(direction);
  // The item in capitals under "REGARDING:" is an item, not the heading of a section "(I)".
  const std::vector<const Clause*> release = OfTopic(bill, "release_notification");
  REQUIRE(release.size() == 1);
  CHECK(release[0]->stance == Stance::kRestricts);
  CHECK(release[0]->section.rfind("145.25", 0) == 0);
  // A numbered item's long first line in capitals is its text, not its heading: the sentence starts at "1.".
  bool consent = false;
  for (const Clause& c : bill.clauses)
    if (c.section == "145.45(1)" && c.text.rfind("1.", 0) == 0 && c.text.find("CONSENT FORM") != std::string::npos) consent = true;
  CHECK(consent);
}

TEST_CASE("a numbered item in capitals runs on where a copy lost the bill's justified spacing", "[extractors][structure]") {
  // N.Y. S. 987 (2023) copied as plain text with its spacing collapsed: the first line of item 1 stops short of the
  // page's margin (a longer footer line sets it), so only its long line of capitals below says that it runs on.
  const DocumentInput input = NormalizedLaw(
      " § 145.45 WRITTEN CONSENT FOR INTERVIEW.\n"
      " 1. IN ANY INSTANCE IN WHICH IMMIGRATION AUTHORITIES ARE PERMITTED\n"
      " ACCESS TO AN INDIVIDUAL IN THE CUSTODY OF A POLICE OFFICER, PEACE OFFI-\n"
      " CER, OR SCHOOL RESOURCE OFFICER FOR THE PURPOSE OF BEING INTERVIEWED,\n"
      " THE OFFICER SHALL PROVIDE THE INDIVIDUAL WITH A WRITTEN CONSENT FORM\n"
      " THAT EXPLAINS THE PURPOSE OF THE INTERVIEW.\n"
      " EXPLANATION--Matter in ITALICS (underscored) is new; matter in brackets [ ] is old law to be omitted.\n"
      " LBD03245-01-3 Senate Bill 987, introduced January 9, 2023, referred to the Committee on Codes.\n");
  const Extraction bill = ExtractDocument(Rules(), input);
  const Clause& access = OnlyOfTopic(bill, "facility_access");
  CHECK(access.section == "145.45(1)");
  CHECK(access.text.rfind("1. IN ANY INSTANCE", 0) == 0);
  CHECK(access.text.find("PERMITTED ACCESS TO AN INDIVIDUAL") != std::string::npos);
}

TEST_CASE("an item in capitals runs on where its line ends on a citation's word and the number opens the next line",
          "[extractors][structure]") {
  // A police teletype set in capitals (written for a probe): "SECTION" ends the item's first line, "287(G)" opens the
  // next; the first line is the sentence's start, not the item's heading.
  const Extraction order = ExtractDocument(
      Rules(), Doc("METROPOLITAN POLICE DEPARTMENT - TELETYPE MESSAGE\n"
                   "SUBJECT: CONTACTS WITH FEDERAL IMMIGRATION AUTHORITIES\n\n"
                   "2.  POLICY\n\n"
                   "F.  MEMBERS MAY SERVE ON JOINT TASK FORCES ONLY FOR CRIMINAL INVESTIGATIONS.\n\n"
                   "G.  THE DEPARTMENT SHALL NOT SEEK OR ENTER INTO AN AGREEMENT UNDER SECTION\n"
                   "    287(G) OF THE IMMIGRATION AND NATIONALITY ACT, AND NO MEMBER SHALL\n"
                   "    EXERCISE THE POWERS OF A FEDERAL IMMIGRATION OFFICER.\n"));
  const Clause* agreement = foiamine::testing::ClauseContaining(order, "agreements", "SEEK OR ENTER INTO AN AGREEMENT");
  REQUIRE(agreement != nullptr);
  CHECK(agreement->stance == Stance::kRestricts);
  CHECK(agreement->section == "2.G.");
  CHECK(agreement->text.rfind("G.", 0) == 0);
  CHECK(agreement->text.find("UNDER SECTION 287(G) OF THE") != std::string::npos);
}

TEST_CASE("a numbered item in capitals split inside a word runs on past the blank line OCR put there", "[extractors][structure]") {
  // N.Y. S. 987 (2023) § 319-A(1) as Tesseract reads a printed page of it (written for this test).
  const Extraction bill = ExtractDocument(
      Rules(), Doc("§ 319-A. RESTRICTIONS ON IMMIGRATION ENFORCEMENT BY STATE EMPLOYEES.\n\n"
                   "1. NO STATE EMPLOYEE SHALL USE STATE RESOURCES, INCLUDING BUT NOT LIMIT-\n\n"
                   "ED TO TIME SPENT WHILE ON DUTY OR ANY STATE PROPERTY, FOR IMMIGRATION\n"
                   "ENFORCEMENT PURPOSES.\n", "law"));
  const Clause& resources = OnlyOfTopic(bill, "enforcement_assistance");
  CHECK(resources.stance == Stance::kRestricts);
  CHECK(resources.text.find("IMMIGRATION ENFORCEMENT PURPOSES") != std::string::npos);
}

TEST_CASE("a plain-text copy's '--' leads in the items under it, as the U.S. Code's dash does", "[extractors][structure]") {
  // 8 U.S.C. 1357(g)(10) as GovInfo's text prints it: the lead-in's non-requirement permits each item
  // (the Code's own dash reaches the extractors as '-': normalization folds it)
  for (const std::string dash : {"--", "-", ":"}) {
    const Extraction x = ExtractDocument(
        Rules(), Doc("(10) Nothing in this subsection shall be construed to require an agreement under this subsection in order for "
                     "any officer or employee of a State or political subdivision of a State" + dash + "\n"
                     "(A) to communicate with the Attorney General regarding the immigration status of any individual; or\n"
                     "(B) otherwise to cooperate with the Attorney General in the identification, apprehension, detention, or "
                     "removal of aliens not lawfully present in the United States.\n",
                     "law"));
    INFO("lead-in ends with " << dash);
    const Clause& sharing = OnlyOfTopic(x, "information_sharing");
    CHECK(sharing.stance == Stance::kPermits);
    CHECK(sharing.section == "(10)(A)");
    CHECK(OnlyOfTopic(x, "enforcement_assistance").stance == Stance::kPermits);
  }
}

TEST_CASE("a log's rows, each opening with a date, are records of their own", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc("RECORDS OFFICE RELEASE LOG\n"
                                                    "Date Inmate Detainer Action taken\n"
                                                    "03/02/2020 311-204 ICE Transferred to ICE custody at sally port 0930\n"
                                                    "03/04/2020 298-877 ICE ICE notified of release by phone 48 hrs prior\n"
                                                    "03/05/2020 301-455 none Released to community\n"
                                                    "03/09/2020 312-090 ICE Held 4 hours past release for ICE pickup per supervisor\n",
                                                    "practice", "Department of Corrections"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.rule + " " + c.text);
  const Clause& told = OnlyOfTopic(x, "release_notification");
  CHECK(told.text.rfind("03/04/2020", 0) == 0);
  CHECK(told.stance == Stance::kReports);
  CHECK(OnlyOfTopic(x, "detainer_hold").text.rfind("03/09/2020", 0) == 0);
  CHECK(OnlyOfTopic(x, "enforcement_assistance").text.rfind("03/02/2020", 0) == 0);
}

TEST_CASE("a table's rows printed with pipes are records of their own", "[extractors][structure]") {
  // (a jail's request log exported from a spreadsheet, written for the probe: the rows ran on as one sentence, every
  // topic of any row cited on the whole table)
  const Extraction x = ExtractDocument(
      Rules(), Doc("ICE REQUEST TRACKING LOG\n"
                   "LOG# | DATE | REQUEST TYPE | ACTION TAKEN | BY\n"
                   "25-002 | 01/14/2025 | Release date inquiry (phone, ERO) | No release date given; referred to counsel | Sgt. Liddell\n"
                   "25-007 | 03/04/2025 | Warrant of arrest signed by a judge | Resident turned over to ICE at the sally port | Lt. Pham\n"
                   "25-012 | 04/15/2025 | Walk-in: 2 ICE officers, front lobby | Not admitted past lobby; names logged | Ofc. Sutphin\n",
                   "practice", "Department of Corrections"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.rule + " " + c.text);
  CHECK(OnlyOfTopic(x, "enforcement_assistance").text.rfind("25-007", 0) == 0);
  for (const Clause& c : x.clauses) CHECK(c.text.find("\n") == std::string::npos);
  for (const Clause& c : x.clauses) CHECK(std::count(c.text.begin(), c.text.end(), '|') == 4);
}

TEST_CASE("a checklist's 'Do NOT:' is the prohibition its items carry on, no heading", "[extractors][structure]") {
  // (a release desk's checklist, written for the probe: "Do NOT:" is mostly capitals, but it opens a list)
  const Extraction x = ExtractDocument(Rules(), Doc("DOC RECORDS OFFICE\nRELEASE DESK CHECKLIST (Rev. 06/2024)\n\n"
                                                    "Do NOT:\n- Call or e-mail ICE about the release\n"
                                                    "- Delay the release to wait for ICE officers\n",
                                                    "policy", "Department of Corrections"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.rule + " " + c.text);
  CHECK(OnlyOfTopic(x, "release_notification").stance == Stance::kRestricts);
  CHECK(OnlyOfTopic(x, "detainer_hold").stance == Stance::kRestricts);
  // ... as a 100-dpi scan reads it: the colon a semicolon, a dash a tilde
  const Extraction scan = ExtractDocument(Rules(), Doc("DOC RECORDS OFFICE\nRELEASE DESK CHECKLIST (Rev. 06/2024)\n\n"
                                                       "Do NOT;\n\n~ Call or e-mail ICE about the release\n\n"
                                                       "- Delay the release to wait for ICE officers\n",
                                                       "policy", "Department of Corrections"));
  for (const Clause& c : scan.clauses) UNSCOPED_INFO(c.topic + " " + c.rule + " " + c.text);
  CHECK(OnlyOfTopic(scan, "release_notification").stance == Stance::kRestricts);
  CHECK(OnlyOfTopic(scan, "detainer_hold").stance == Stance::kRestricts);
}

TEST_CASE("an item that carries on its lead-in's duty acts as the lead-in's subject", "[extractors][structure]") {
  // (a draft DOC-ICE agreement written for the probe: the DOC an item of ICE's duties names is its object)
  const Extraction x = ExtractDocument(Rules(), Doc("II. RESPONSIBILITIES\n"
                                                    "A. DOC will:\n"
                                                    "\u2022 Notify the ICE Washington Field Office at least 48 hours before the release of any inmate for whom ICE has lodged a detainer;\n"
                                                    "B. ICE will:\n"
                                                    "\u2022 Reimburse DOC for the cost of holding any inmate beyond his or her release date at ICE's request.\n",
                                                    "policy", "Department of Corrections"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.actor + " " + c.text);
  CHECK(OnlyOfTopic(x, "release_notification").actor == "DOC");
  const auto reimburse = std::find_if(x.clauses.begin(), x.clauses.end(),
                                      [](const Clause& c) { return c.text.find("Reimburse") != std::string::npos; });
  REQUIRE(reimburse != x.clauses.end());
  CHECK(reimburse->actor == "ICE");
}

TEST_CASE("in testimony without appearances, an agency head speaks for the agency the hearing is on", "[extractors][structure]") {
  const std::string text = "PUBLIC OVERSIGHT HEARING ON THE DEPARTMENT OF CORRECTIONS\n"
                           "CHAIRPERSON ALLEN: When ICE sends a detainer, what does the Department do?\n"
                           "DIRECTOR BOOTH: We do not transport anyone to ICE. Intake staff do not ask about immigration status.\n"
                           "COUNCILMEMBER NADEAU: We should ask ICE to stop.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(text, "practice"));
  for (const Clause& c : x.clauses) UNSCOPED_INFO(c.topic + " " + c.actor + " " + c.text);
  const Clause& help = OnlyOfTopic(x, "enforcement_assistance");
  CHECK(help.stance == Stance::kReports);
  CHECK(help.actor == "DOC");  // "We" at the start of a sentence is first person too
  // the speaker's staff, where the document names no agency of its own
  CHECK(OnlyOfTopic(x, "status_inquiry").actor == "DOC");
}

TEST_CASE("a document that never speaks of immigration enforcement yields no clause, whatever detainers it names",
          "[extractors][structure]") {
  // (Iowa Code 906.14-like, written for the test) criminal detainers between jurisdictions
  const std::string criminal =
      "1. Prisoners against whom detainers have been filed may be paroled to the authorities filing the detainer.\n"
      "2. Records staff shall honor detainers lodged by other jurisdictions and hold the prisoner for pickup.\n";
  CHECK(ExtractDocument(Rules(), Doc(criminal, "law")).clauses.empty());
  // one word of immigration enforcement anywhere in the document, and the same lines are read
  const Extraction x = ExtractDocument(Rules(), Doc(criminal + "3. This section applies to detainers issued by ICE.\n", "law"));
  CHECK_FALSE(OfTopic(x, "detainer_hold").empty());
  // a courthouse law names only civil arrests, and is read
  const Extraction court = ExtractDocument(
      Rules(), Doc("(a) No person shall be subject to civil arrest while going to, remaining at, or returning from a court "
                   "proceeding, unless the civil arrest is supported by a judicial warrant.\n",
                   "law"));
  CHECK_FALSE(court.clauses.empty());
}

TEST_CASE("a document's title read as a sentence names the document: it mentions its topic", "[extractors][structure]") {
  // The stances of a one-page document's clauses of `topic`, in text order.
  const auto stances_of = [](const std::string& text, const std::string& authority, const std::string& topic) {
    const Extraction x = ExtractDocument(Rules(), Doc(text, authority));
    std::vector<Stance> out;
    for (const Clause* c : OfTopic(x, topic)) out.push_back(c->stance);
    return out;
  };
  // a news story's headline (Kootenai County, as reported): the story below it reports
  CHECK(stances_of("Jail Data Shows County Honors ICE Detainers, Maintains Agreement\n\n"
                   "The county jail honors ICE detainers and holds inmates for up to 48 hours.\n",
                   "practice", "detainer_hold") == std::vector<Stance>{Stance::kMentions, Stance::kReports});
  // a release's long headline (the D.C. Office of Police Complaints, 2011, shortened below it)
  CHECK(stances_of("Office of Police Complaints Announces How It Will Comply With the Mayor's Executive Order Prohibiting "
                   "Inquiry Into Immigration Status\n\nFriday, October 21, 2011\n\nOPC's practice of not inquiring "
                   "into immigrant status mirrors the Mayor's order.\n",
                   "practice", "status_inquiry") == std::vector<Stance>{Stance::kMentions, Stance::kReports});
  // a headline further down the first page, under the story's lead paragraphs (Ypsilanti, 2017, as reported; shortened)
  CHECK(stances_of("YPSILANTI, MI - The city's Human Relations Commission is hosting an immigration forum with "
                   "opportunities for residents to ask questions of law enforcement and immigration officials.\n\n"
                   "The forum is scheduled from 7 to 8:30 p.m. Monday in the auditorium at Ypsilanti High School. The "
                   "event will include Spanish language interpretation, free child care and snacks.\n\n"
                   "The panel includes a representative of the City Council and the County Board of Commissioners, "
                   "the police chief, the county sheriff and the Michigan Immigrant Rights Center.\n\n"
                   "Ypsilanti won't ask about immigration status under new ordinance\n\n"
                   "A portion of Ordinance No. 1281 reads: \"A public servant shall not inquire into the immigration "
                   "status of any person.\"\n",
                   "practice", "status_inquiry") == std::vector<Stance>{Stance::kMentions, Stance::kRestricts});
  // a document that is one sentence is its text, though its title is inferred from it
  CHECK(stances_of("The county jail shall not honor ICE detainers.\n", "policy", "detainer_hold") ==
        std::vector<Stance>{Stance::kRestricts});
}

TEST_CASE("a bill's sentence in capitals re-wrapped under its wrapped heading opens at a line with no modal",
          "[extractors][structure]") {
  // N.Y. S. 987 (2023) re-wrapped at 60 columns, as another copy of it may be (bench/robustness.sh's reflow): the
  // sentence's first line holds no modal and follows a heading, yet it wraps on into "SHALL NOT INCLUDE".
  const DocumentInput input = NormalizedLaw(
      "\xC2\xA7 145.05 DUTIES OF POLICE OFFICERS, PEACE OFFICERS, AND\n"
      "SCHOOL  RESOURCE OFFICERS; IMMIGRATION.\n"
      "THE  DUTIES  AND  AUTHORITY  OF  POLICE  OFFICERS, PEACE\n"
      "OFFICERS, AND SCHOOL RESOURCE OFFICERS SHALL NOT INCLUDE\n"
      "AUTHORITY TO ENGAGE IN  IMMI- GRATION  ENFORCEMENT.  POLICE\n"
      "OFFICERS,  PEACE  OFFICERS,  AND  SCHOOL RESOURCE  OFFICERS\n"
      "SHALL  NOT  USE  PUBLIC  RESOURCES  FOR  IMMIGRATION\n"
      "ENFORCEMENT.\n");
  const std::vector<const Clause*> enforcement = OfTopic(ExtractDocument(Rules(), input), "enforcement_assistance");
  REQUIRE(enforcement.size() >= 2);
  for (const Clause* c : enforcement) {
    CHECK(c->section == "145.05");
    CHECK(c->stance == Stance::kRestricts);
  }
  CHECK(enforcement.back()->text.find("PUBLIC RESOURCES") != std::string::npos);
}

TEST_CASE("a short line that carries a citation on after its lead is no heading", "[extractors][structure]") {
  // A 287(g) task force agreement's delegated function, wrapped short inside its citations (shortened)
  const Extraction x = ExtractDocument(
      Rules(), Doc("The power and authority to prepare charging documents (INA \xC2\xA7\n"
                   "239, 8 C.F.R. \xC2\xA7 239.1; INA\n"
                   "\xC2\xA7 238, 8 C.F.R \xC2\xA7 238.1) including the preparation of the Notice to Appear for the "
                   "signature of an ICE officer.\n",
                   "policy"));
  const std::vector<const Clause*> enforcement = OfTopic(x, "enforcement_assistance");
  REQUIRE(enforcement.size() == 1);
  CHECK(enforcement[0]->stance == Stance::kPermits);
  CHECK(enforcement[0]->text.find("Notice to Appear") != std::string::npos);
}

TEST_CASE("a word hyphenated at a line end joins without making its line the widest", "[extractors][structure]") {
  // Tex. Gov't Code 493.015(d), hyphenated at 60 columns (bench/robustness.sh's hyphen variant): joined onto its
  // line, "determ-" / "ined ..." made a line far wider than the rest, and "... notify the United States" no longer read
  // as wrapped, so the sentence broke in two.
  const DocumentInput input = NormalizedLaw(
      "(c) In attempting to ascertain whether an inmate is an\n"
      "illegal criminal alien, the department shall review all\n"
      "information maintained on the inmate, including information\n"
      "developed in presentence investigation reports that may\n"
      "reflect place of birth, registration with the Social\n"
      "Security Administration, or work history.\n"
      "(d) The department shall promptly notify the United States\n"
      "Immigration and Naturalization Service of any inmate determ-\n"
      "ined by the department to be an illegal criminal alien and\n"
      "request the assistance of the Immigration and Naturalization\n"
      "Service, if necessary.\n");
  const std::vector<const Clause*> notices = OfTopic(ExtractDocument(Rules(), input), "information_sharing");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0]->section == "(d)");
  CHECK(notices[0]->text.find("United States Immigration and Naturalization Service of any inmate determined") !=
        std::string::npos);
}

// Shaped like a 287(g) agreement's Appendix A (written for this test): its delegated powers are unnumbered bullets,
// each with a sub-bullet of another glyph; a second list follows a lead-in of its own.
TEST_CASE("an unnumbered bulleted item is cited by its place among its part's items", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("IX. TERMINATION\nThis MOA may be terminated at any time.\n\nAPPENDIX A\nSTANDARD OPERATING PROCEDURE (SOP)\n"
                   "Participating LEA personnel are delegated only those authorities listed below:\n"
                   "\xE2\x80\xA2 The power and authority to interrogate any person believed to be an alien about his or her right to be "
                   "or remain in the United States;\n"
                   "o Upon transfer of the alien's custody to ICE, the alien will continue to be held for no more than 48 hours.\n"
                   "\xE2\x80\xA2\n\n"  // a stray glyph, as a copied agreement has it: no item
                   "\xE2\x80\xA2 The power and authority to issue immigration detainers for processing aliens. Subsequent to "
                   "such an arrest, the officer must take the alien without unnecessary delay before an immigration officer.\n"
                   "Additional supervisory responsibilities include:\n"
                   "\xE2\x80\xA2 Participating LEA personnel must notify ICE of any immigration detainer issued.\n",
                   "agreement"));
  const auto section_of = [&](std::string_view start, const std::string& topic) {
    for (const Clause& c : x.clauses)
      if (c.topic == topic && c.text.find(start) != std::string::npos) return c.section;
    return std::string("(none)");
  };
  CHECK(section_of("interrogate", "status_inquiry") == "Appendix A, bullet 1");
  CHECK(section_of("Upon transfer", "detainer_hold") == "Appendix A");  // a sub-bullet: no place of its own
  CHECK(section_of("issue immigration detainers", "detainer_hold") == "Appendix A, bullet 2");
  CHECK(section_of("Subsequent to", "enforcement_assistance") == "Appendix A, bullet 2");  // the item's later sentence
  // a new list in the same part counts on: "bullet 1" again would name two items
  CHECK(section_of("must notify ICE", "information_sharing") == "Appendix A, bullet 3");
}

// A scanned draft MOA (written for the probe): Tesseract read one list's round bullets as "*" and "+" by turns; each
// item keeps its place, and a sub-bullet of another glyph still has none.
TEST_CASE("a list's round bullets a scanner read as different glyphs are one list", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("II. RESPONSIBILITIES\nA. DOC will:\n\n"
                   "* Notify the ICE field office at least 48 hours before the release of any inmate with a detainer;\n\n"
                   "+ Permit ICE officers to interview inmates in the intake area of the jail;\n\n"
                   "o The interview room is the one next to the sally port.\n\n"
                   "* Provide ICE with a weekly list of foreign-born inmates and their dates of birth.\n",
                   "agreement"));
  const auto section_of = [&](std::string_view start, const std::string& topic) {
    for (const Clause& c : x.clauses)
      if (c.topic == topic && c.text.find(start) != std::string::npos) return c.section;
    return std::string("(none)");
  };
  CHECK(section_of("Notify the ICE field office", "release_notification") == "II.A., bullet 1");
  CHECK(section_of("Permit ICE officers", "facility_access") == "II.A., bullet 2");
  CHECK(section_of("Provide ICE with a weekly list", "information_sharing") == "II.A., bullet 3");
}

TEST_CASE("a bullet a scanner read as '+' is still a bullet: its item takes the lead-in's stance", "[extractors][structure]") {
  // (as Tesseract read a memo's round bullet: "+ Directs County employees to not comply ..."; written for this test)
  const Extraction x = ExtractDocument(Rules(), Doc("The Sheriff shall not:\n\n"
                                                    "+ Notify ICE of any inmate's release date; or\n\n"
                                                    "+ Hold any person past release on an ICE detainer.\n\n"
                                                    "The rest follows.\n",
                                                    "policy"));
  CHECK(OnlyOfTopic(x, "release_notification").stance == Stance::kRestricts);
  CHECK(OnlyOfTopic(x, "detainer_hold").stance == Stance::kRestricts);
}

TEST_CASE("a log's dated row is one record, its sentences one unit", "[extractors][structure]") {
  // a records office's release log (written for this test): the release and the notice are told in two sentences
  const Extraction x = ExtractDocument(Rules(), Doc("RECORDS OFFICE RELEASE LOG\n\n"
                                                    "03/14/2019 0815 Inmate #123456 released. ICE notified by phone at 0740 "
                                                    "per detainer request.\n"
                                                    "03/14/2019 0930 Inmate #223344 transferred to Arlington County.\n"
                                                    "03/15/2019 0900 Inmate #334455 released to family.\n",
                                                    "practice"));
  const Clause& notice = OnlyOfTopic(x, "release_notification");
  CHECK(notice.stance == Stance::kReports);
  CHECK(notice.text == "03/14/2019 0815 Inmate #123456 released. ICE notified by phone at 0740 per detainer request.");
  // (prose is still split into its sentences: the same words in a paragraph tell no notice of a release)
  const Extraction prose = ExtractDocument(
      Rules(), Doc("The inmate was released on the morning of March 14. ICE notified the jail by phone the day before.\n",
                   "practice"));
  CHECK(OfTopic(prose, "release_notification").empty());
}

TEST_CASE("an answer's subject is its question's", "[extractors][structure]") {
  // a council hearing's transcript (written for this test): the answer names no agency, its question does
  const Extraction x = ExtractDocument(
      Rules(), Doc("PUBLIC OVERSIGHT HEARING\n\n"
                   "CHAIRPERSON ALLEN: Director, does the Department notify ICE before it releases someone who has a "
                   "detainer?\n"
                   "DIRECTOR BOOTH: We do not hold anyone past their release date.\n",
                   "practice"));
  const Clause& hold = OnlyOfTopic(x, "detainer_hold");
  CHECK(hold.stance == Stance::kReports);
  CHECK(hold.text.find("We do not hold anyone") != std::string::npos);
  CHECK(hold.rule == "detainer_hold/hold_on_detainer");
  // (a statement after another statement is no answer: the rule that needs the question's detainer does not fire; a
  // rule that reads the sentence before on purpose, `context: previous`, may: "They legally can't hold those
  // individuals beyond their release date" after a sentence on ICE)
  const Extraction statements = ExtractDocument(
      Rules(), Doc("The Department notifies ICE before it releases someone who has a detainer.\n"
                   "We do not hold anyone past their release date.\n",
                   "practice"));
  for (const Clause* c : OfTopic(statements, "detainer_hold")) CHECK(c->rule != "detainer_hold/hold_on_detainer");
}

// A question a speaker's turn answers with a bare "No." or "We do not." is what the answer reports, in the answering
// speaker's name, quoted with its answer (a council hearing's transcript, written for this test); a question answered
// at length, or not at all, states nothing itself.
TEST_CASE("a question answered with a bare 'No.' in a turn of its own is what the answer reports",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("PUBLIC OVERSIGHT HEARING\n\n"
                   "CHAIRPERSON ALLEN: Does the Department notify ICE before it releases a person with a detainer?\n"
                   "DEPUTY DIRECTOR BOOTH: We do not.\n"
                   "CHAIRPERSON ALLEN: Do you give ICE agents access to the housing units?\n"
                   "DEPUTY DIRECTOR BOOTH: No.\n"
                   "CHAIRPERSON ALLEN: Do you hold people past their release for ICE?\n"
                   "DEPUTY DIRECTOR BOOTH: Let me get back to you with the numbers for this year.\n",
                   "practice"));
  const Clause& notify = OnlyOfTopic(x, "release_notification");
  CHECK(notify.stance == Stance::kReports);
  CHECK(notify.text.find("Does the Department notify ICE") != std::string::npos);
  CHECK(notify.text.find("DEPUTY DIRECTOR BOOTH: We do not.") != std::string::npos);
  const Clause& access = OnlyOfTopic(x, "facility_access");
  CHECK(access.stance == Stance::kReports);
  CHECK(access.text.find("DEPUTY DIRECTOR BOOTH: No.") != std::string::npos);
  CHECK(OfTopic(x, "detainer_hold").empty());
}

// ... and only the question's clauses run on to its answer: a list's items completed after every unit was matched keep
// their own ends, though the document's last unit is an answered question.
TEST_CASE("a list's items keep their own ends when the document ends with an answered question",
          "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("TRANSCRIPT\n\n"
                   "WITNESS: The county may not enter into an agreement for either of the following:\n"
                   "(1) To exercise federal civil immigration authority;\n"
                   "(2) To hold individuals for a federal immigration authority.\n\n"
                   "CHAIR: Does the Department give ICE access to the jail?\n"
                   "DIRECTOR: No.\n",
                   "practice"));
  const std::vector<const Clause*> items = OfTopic(x, "agreements");
  REQUIRE(items.size() == 2);
  CHECK(items[0]->text == "(1) To exercise federal civil immigration authority;");
  CHECK(items[1]->text == "(2) To hold individuals for a federal immigration authority.");
  CHECK(OnlyOfTopic(x, "facility_access").text.find("DIRECTOR: No.") != std::string::npos);
}

// "he or she shall" is one subject: the pronoun pair opens no scope of its own, so no clause is cited from "OR SHE
// SHALL ..." on, as a part of the sentence (N.Y. S. 257 (2023) 319-F(2), shortened).
TEST_CASE("a pronoun pair ('he or she shall') does not split a sentence's scope", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("2. A PERSON IN CUSTODY MAY REQUEST TO BE INTERVIEWED BY ICE, PROVIDED THAT IF SUCH INDIVIDUAL IS "
                   "ENTITLED TO COUNSEL, HE OR SHE SHALL BE NOTIFIED OF SUCH RIGHT BEFORE ANY SUCH INTERVIEW.\n",
                   "law"));
  REQUIRE_FALSE(x.clauses.empty());
  for (const Clause& c : x.clauses) {
    INFO(c.topic << ": " << c.text);
    CHECK(c.text.rfind("2. A PERSON IN CUSTODY", 0) == 0);
  }
}

// A rule anchored both in an exception that opens the sentence and in its main clause speaks in the main clause: the
// exception's "is required" is no duty to share (N.Y. S. 257 (2023) 319-E(2), shortened).
TEST_CASE("an exception that opens a sentence lends its cue to no anchor the main clause holds too", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("2. EXCEPT TO THE EXTENT THAT DISCLOSURE IS REQUIRED BY FEDERAL LAW, NO STATE OR LOCAL LAW ENFORCEMENT "
                   "AGENCY, OR AGENT THEREOF, SHALL PROVIDE TO A FEDERAL IMMIGRATION AUTHORITY ANY INFORMATION OBTAINED "
                   "CONCERNING A PERSON, INCLUDING BUT NOT LIMITED TO THE PERSON'S HOME, WORK OR SCHOOL ADDRESS.\n",
                   "law"));
  const std::vector<const Clause*> sharing = OfTopic(x, "information_sharing");
  REQUIRE(sharing.size() == 1);
  CHECK(sharing[0]->stance == Stance::kRestricts);
}

// Two stances of one topic in one negation scope make two clauses of one span, and the index keys a clause by its
// span and topic: it kept whichever it wrote last, after a sort that was not stable, so in a long document the stance
// moved with unrelated clauses. The later one now stands, by a stable order (D.C. Code 24-211.07(c), shortened).
TEST_CASE("one negation scope yields one clause per topic whatever its anchors' stances", "[extractors][structure]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("(c) The Department may honor a civil immigration detainer only if the detainer is accompanied by a "
                   "judicial warrant directing the Department to hold the person.\n",
                   "law"));
  const std::vector<const Clause*> holds = OfTopic(x, "detainer_hold");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0]->stance == Stance::kPermits);
}

// Shaped like a newspaper's reprint saved one paragraph a line (the Baltimore Sun, 2024, shortened and reworded).
TEST_CASE("a headline byline and date saved one paragraph a line are not the first words of the sentence below",
          "[extractors][structure]") {
  const std::string story =
      "County releases people charged with crimes despite federal requests\n"
      "Jane Reporter\n"
      "The Daily Paper\n"
      "June 4, 2024\n"
      "County authorities do not routinely detain people on behalf of federal immigration officials even if they are "
      "charged with committing crimes in the county, an investigation by the paper found this spring.\n"
      "Individuals are not detained beyond their court-ordered release date absent a court order signed by a judge, "
      "a spokesperson for the County Executive said in a statement on Monday.\n";
  const Extraction x = ExtractDocument(Rules(), Doc(story, "practice"));
  REQUIRE_FALSE(x.clauses.empty());
  for (const Clause& c : x.clauses) {
    CHECK(c.text.find("Jane Reporter") == std::string::npos);
    CHECK(c.text.find("June 4, 2024") == std::string::npos);
  }
  // Wrapped text still runs a sentence on over a line that stops without punctuation before a capital.
  const Extraction wrapped = ExtractDocument(
      Rules(), Doc("The jail shall not hold any person for Immigration and Customs Enforcement on a civil immigration\n"
                   "Detainer unless a judicial warrant accompanies it, and staff shall release the person on time.\n",
                   "policy"));
  REQUIRE_FALSE(wrapped.clauses.empty());
  CHECK(wrapped.clauses.front().text.rfind("The jail shall not hold", 0) == 0);
  CHECK(wrapped.clauses.front().text.find("Detainer unless") != std::string::npos);
}
