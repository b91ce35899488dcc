#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// A D.C. DOC policy printed on `pages`.
DocumentInput DocPolicy(const std::vector<std::string>& pages) {
  DocumentInput in;
  in.metadata.agency = "District of Columbia Department of Corrections";
  in.metadata.authority = "policy";
  for (size_t i = 0; i < pages.size(); ++i) in.pages.push_back(PageText{static_cast<int>(i) + 1, pages[i]});
  return in;
}

DocumentInput Policy() {
  return DocPolicy({"DEPARTMENT OF CORRECTIONS PROGRAM STATEMENT 9999.1\n"
                    "9. PROCEDURES\n"
                    "a. Release Processing\n"
                    "(a) Records office staff shall verify the release date.\n"
                    "(b) Records office staff shall not notify ICE of the\n"
                    "Page 1 of 2",
                    "DEPARTMENT OF CORRECTIONS PROGRAM STATEMENT 9999.1\n"
                    "release date of any inmate, but shall give the inmate a copy of any detainer.\n"
                    "(c) The Department shall not hold any person past release on an ICE detainer.\n"
                    "Page 2 of 2"});
}

// One page of a law (or of another authority).
DocumentInput LawPage(const std::string& text, const std::string& authority = "law") {
  DocumentInput in;
  in.metadata.authority = authority;
  in.pages.push_back(PageText{1, text});
  return in;
}

// The first clause whose text holds `words`, or nullptr.
const Clause* ClauseWith(const Extraction& x, std::string_view words) {
  for (const Clause& c : x.clauses)
    if (c.text.find(words) != std::string::npos) return &c;
  return nullptr;
}

// A one-page text file of `authority`, as a drop holds one.
DocumentInput TextFile(const std::string& text, const std::string& authority) {
  DocumentInput in;
  in.metadata.authority = authority;
  in.pages.push_back(PageText{1, text});
  return in;
}

// Each clause's topic by its section path (the last clause's where several share one).
std::map<std::string, std::string> TopicBySection(const Extraction& x) {
  std::map<std::string, std::string> topic_by_section;
  for (const Clause& c : x.clauses) topic_by_section[c.section] = c.topic;
  return topic_by_section;
}

// The paths of `sections`, in order.
std::vector<std::string> Paths(const std::vector<Section>& sections) {
  std::vector<std::string> paths;
  for (const Section& s : sections) paths.push_back(s.path);
  return paths;
}

}  // namespace

TEST_CASE("section paths continue across pages, headers and page numbers stay out", "[extractors][sections]") {
  std::vector<Section> sections = FindSections(Policy());
  CHECK(Paths(sections) == std::vector<std::string>{"9.", "9.a.", "9.a.(a)", "9.a.(b)", "9.a.(c)"});
  CHECK(sections[0].heading == "PROCEDURES");
  CHECK(sections[1].heading == "Release Processing");
  CHECK(sections[3].page == 1);
  CHECK(sections[3].end_page == 2);
  CHECK(sections[4].page == 2);
}

TEST_CASE("a clause crossing a page break is cited on the page of its decisive words", "[extractors][clauses]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const DocumentInput in = DocPolicy({"DEPARTMENT OF CORRECTIONS PROGRAM STATEMENT 9999.2\n"
                                      "9. PROCEDURES\n"
                                      "(a) When an inmate with an ICE detainer is ready for release after the\n"
                                      "Page 1 of 2",
                                      "DEPARTMENT OF CORRECTIONS PROGRAM STATEMENT 9999.2\n"
                                      "end of a sentence, records office staff shall not notify ICE of the release date.\n"
                                      "(b) Records office staff shall not notify ICE of any transfer, nor of the\n"
                                      "Page 2 of 2",
                                      "DEPARTMENT OF CORRECTIONS PROGRAM STATEMENT 9999.2\n"
                                      "release date of an inmate held on a detainer.\n"});
  const Extraction x = ExtractDocument(*rules, in);
  std::vector<const Clause*> notify;
  for (const Clause& c : x.clauses)
    if (c.topic == "release_notification") notify.push_back(&c);
  REQUIRE(notify.size() == 2);
  // (a) starts on page 1; "shall not notify ICE of the release date" is printed on page 2: cited there, its part
  // on page 2 from the page's first line to the sentence's end.
  CHECK(notify[0]->section == "9.(a)");
  CHECK(notify[0]->stance == Stance::kRestricts);
  CHECK(notify[0]->page == 2);
  CHECK(notify[0]->crosses_page_break);
  CHECK(notify[0]->text.rfind("(a) When an inmate", 0) == 0);
  CHECK(in.pages[1].text.substr(static_cast<size_t>(notify[0]->char_start), 6) == "end of");
  CHECK(in.pages[1].text.substr(static_cast<size_t>(notify[0]->char_end) - 13, 13) == "release date.");
  REQUIRE(notify[0]->parts.size() == 2);
  CHECK(notify[0]->parts[0].page == 1);
  CHECK(in.pages[0].text.substr(static_cast<size_t>(notify[0]->parts[0].char_start), 3) == "(a)");
  CHECK(notify[0]->parts[1].page == 2);
  CHECK(notify[0]->parts[1].char_start == notify[0]->char_start);
  CHECK(notify[0]->parts[1].char_end == notify[0]->char_end);
  // The cue and the rule's term point into page 2's text.
  CHECK(in.pages[1].text.substr(static_cast<size_t>(notify[0]->topic_cue.start), 6) == "notify");
  // (b)'s decisive words are on page 2, where it starts; "the release date" runs on to page 3.
  CHECK(notify[1]->section == "9.(b)");
  CHECK(notify[1]->page == 2);
  CHECK(in.pages[1].text.substr(static_cast<size_t>(notify[1]->char_start), 3) == "(b)");
}

TEST_CASE("a clause crossing a page break is cited where it starts", "[extractors][clauses]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const DocumentInput in = Policy();
  Extraction x = ExtractDocument(*rules, in);
  const Clause* notify = nullptr;
  const Clause* hold = nullptr;
  for (const Clause& c : x.clauses) {
    if (c.topic == "release_notification") notify = &c;
    if (c.topic == "detainer_hold") hold = &c;
  }
  REQUIRE(notify != nullptr);
  CHECK(notify->stance == Stance::kRestricts);
  CHECK(notify->section == "9.a.(b)");
  CHECK(notify->page == 1);
  CHECK(notify->crosses_page_break);
  CHECK(notify->actor == "DOC");
  CHECK(notify->text.find("notify ICE of the release date") != std::string::npos);
  CHECK(notify->text.find("Page 1") == std::string::npos);
  CHECK(notify->text.find("PROGRAM STATEMENT") == std::string::npos);
  // The offsets point into page 1's text: "(b)" starts the clause.
  CHECK(in.pages[0].text.substr(static_cast<size_t>(notify->char_start), 3) == "(b)");
  REQUIRE(hold != nullptr);
  CHECK(hold->section == "9.a.(c)");
  CHECK(hold->page == 2);
  CHECK(hold->stance == Stance::kRestricts);
  CHECK(x.identity.number.value == "Program Statement 9999.1");
  CHECK(x.identity.number.inferred);
  CHECK_FALSE(x.identity.agency.inferred);
  // Deterministic: the same input gives the same clauses.
  Extraction again = ExtractDocument(*rules, in);
  REQUIRE(again.clauses.size() == x.clauses.size());
  for (size_t i = 0; i < x.clauses.size(); ++i) {
    CHECK(again.clauses[i].char_start == x.clauses[i].char_start);
    CHECK(again.clauses[i].topic == x.clauses[i].topic);
  }
}

TEST_CASE("run-in lists: each item is a clause with the lead-in's stance and its own subsection",
          "[extractors][clauses]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  DocumentInput in;
  in.metadata.authority = "law";
  in.pages.push_back(PageText{1,
      "(a) Absent a judicial warrant, the District shall not: (1) hold a person past release for a federal "
      "immigration agency; (2) provide ICE with a person's home address or date of birth."});
  Extraction x = ExtractDocument(*rules, in);
  bool hold = false, share = false;
  for (const Clause& c : x.clauses) {
    if (c.topic == "detainer_hold" && c.section == "(a)(1)" && c.stance == Stance::kRestricts && c.actor == "District")
      hold = true;
    if (c.topic == "information_sharing" && c.section == "(a)(2)" && c.stance == Stance::kRestricts) share = true;
  }
  CHECK(hold);
  CHECK(share);
}

// A web copy of a statute prints its lists on one line, items ended by
// periods with no space: "following:(A) Inquiring ... status.(B) Detaining".
TEST_CASE("run-in list items that end in periods keep their lead-in, nesting and subsections",
          "[extractors][clauses]") {
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "7284.6. (a) California law enforcement agencies shall not:(1) Use agency or department moneys or "
      "personnel to investigate, interrogate, detain, detect, or arrest persons for immigration enforcement "
      "purposes, including any of the following:(A) Inquiring into an individuals immigration status.(B) "
      "Detaining an individual on the basis of a hold request.(C) Providing information regarding a persons "
      "release date or responding to requests for notification by providing release dates or other "
      "information unless that information is available to the public.(2) Place peace officers under the "
      "supervision of federal agencies for purposes of immigration enforcement."));
  std::map<std::string, std::pair<std::string, Stance>> by_section;  // section -> (topic, stance)
  for (const Clause& c : x.clauses) by_section[c.section] = {c.topic, c.stance};
  using Found = std::pair<std::string, Stance>;
  CHECK(by_section["7284.6(a)(1)(A)"] == Found{"status_inquiry", Stance::kRestricts});
  CHECK(by_section["7284.6(a)(1)(B)"] == Found{"detainer_hold", Stance::kRestricts});
  CHECK(by_section["7284.6(a)(1)(C)"] == Found{"release_notification", Stance::kRestricts});
  CHECK(by_section["7284.6(a)(2)"] == Found{"enforcement_assistance", Stance::kRestricts});
  // The item's text starts at its own marker: "(B) Detaining", not "B) Detaining".
  bool marker_kept = false;
  for (const Clause& c : x.clauses)
    if (c.section == "7284.6(a)(1)(B)") marker_kept = c.text.rfind("(B) Detaining", 0) == 0;
  CHECK(marker_kept);
}

// A flattened policy page: "... shall: 1. Stop ... law. 2. Inquire ..." on one line, its numbers printed with
// periods. Each item keeps the lead-in's prohibition; "1." after the colon ends no sentence.
TEST_CASE("run-in items numbered with periods keep their lead-in", "[extractors][clauses]") {
  const DocumentInput in = LawPage(
      "A. Except pursuant to Section III below, NO member of this agency, as a state, county, or local law "
      "enforcement agency or official shall: 1. Stop, question, arrest, search, or detain any individual based "
      "solely on: Actual or suspected citizenship or immigration status; or Actual or suspected violations of "
      "federal civil immigration law. 2. Inquire about the immigration status of any individual, unless doing so "
      "is necessary to the investigation of a serious offense.\n",
      "policy");
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), in);
  std::map<std::string, std::pair<std::string, Stance>> by_section;
  for (const Clause& c : x.clauses) by_section[c.section] = {c.topic, c.stance};
  using Found = std::pair<std::string, Stance>;
  CHECK(by_section["A.1."] == Found{"enforcement_assistance", Stance::kRestricts});
  CHECK(by_section["A.2."] == Found{"status_inquiry", Stance::kRestricts});
}

namespace {

DocumentInput Act(const std::string& text) {
  DocumentInput in;
  in.metadata.authority = "law";
  in.pages.push_back(PageText{1, text});
  return in;
}

}  // namespace

TEST_CASE("act sections: Sec. 3. and Section 4. give bare numbers that their subsections extend",
          "[extractors][sections]") {
  std::vector<Section> sections = FindSections(Act(
      "AN ACT\n\n"
      "Sec. 2. Chapter 2 of Title 24 of the District of Columbia Official Code is amended by adding a new\n"
      "section 24-211.07 to read as set forth in the enrolled text attached hereto.\n\n"
      "Sec. 3. Limits on agreements.\n"
      "(a) No District agency shall enter into an agreement under section 287(g) of the Immigration and "
      "Nationality Act.\n"
      "(b) No District agency shall permit federal immigration authorities to access a nonpublic area.\n\n"
      "Section 4. Facilities.\n"
      "(b) No District agency shall permit federal immigration authorities to access a District facility.\n\n"
      "SEC. 5. Effective date.\n"
      "This act shall take effect following approval by the Mayor.\n"));
  CHECK(Paths(sections) == std::vector<std::string>{"2", "3", "3(a)", "3(b)", "4", "4(b)", "5"});
  REQUIRE(sections.size() == 7);
  CHECK(sections[1].marker == "Sec. 3");
  CHECK(sections[1].heading == "Limits on agreements.");
  CHECK(sections[1].depth == 0);
  CHECK(sections[2].depth == 1);
  CHECK(sections[4].depth == 0);  // "Section 4." closes "(b)", it does not nest under it
  CHECK(sections[5].depth == 1);
}

TEST_CASE("act sections: nested clauses, decimal sections and prose mentions", "[extractors][sections]") {
  std::vector<Section> sections = FindSections(Act(
      "SECTION 5.2 DETAINERS\n"
      "(a) The Department shall not:\n"
      "(1) hold a person past release.\n\n"
      "Section 6\n"
      "(a) Section 4 of the Act is repealed.\n"));
  CHECK(Paths(sections) == std::vector<std::string>{"5.2", "5.2(a)", "5.2(a)(1)", "6", "6(a)"});

  // Divisions other than sections keep their word.
  std::vector<Section> parts = FindSections(Act(
      "Part IV - Custody\n"
      "(a) The Department shall not hold a person past release.\n\n"
      "Part V - Release\n"
      "(a) The Department shall verify the release date.\n\n"
      "Article 3\n"
      "(b) The Department shall give the inmate a copy of any detainer.\n"));
  CHECK(Paths(parts) ==
        std::vector<std::string>{"Part IV", "Part IV (a)", "Part V", "Part V (a)", "Part V Article 3", "Part V Article 3 (b)"});
}

TEST_CASE("a line run on past the margin mid-sentence opens no chapter on the next line", "[extractors][sections]") {
  // Cal. SB 54 (2017), its enacting clause wrapped at 60 columns (written for this test).
  std::vector<Section> sections = FindSections(Act(
      "SENATE BILL No. 54\n\n"
      "An act to amend Sections 7282 and 7282.5 of, and to add\n"
      "Chapter 17.25 (commencing with Section 7284) to Division 7\n"
      "of Title 1 of, the Government Code, and to repeal Section\n"
      "11369 of the Health and Safety Code, relating to law\n"
      "enforcement, and declaring the urgency thereof, to take\n"
      "effect immediately.\n\n"
      "7284.6.\n"
      "(a) California law enforcement agencies shall not do any of\n"
      "the following things that the chapter prohibits them from.\n"));
  CHECK(Paths(sections) == std::vector<std::string>{"7284.6", "7284.6(a)"});
}

TEST_CASE("a sentence cut after 'of' goes on past a blank line OCR put inside it: no 'Title 8' division",
          "[extractors][sections]") {
  // Cal. Gov't Code 7284.6(a)(1)(F)-(G) as Tesseract reads a page of it (written for this test).
  std::vector<Section> sections = FindSections(Act(
      "7284.6.\n\n(a) California law enforcement agencies shall not:\n\n(1) Use agency moneys to investigate persons "
      "for immigration enforcement purposes, including any of the following:\n\n(F) Assisting immigration "
      "authorities in the activities described in Section 1357(a)(3) of\n\nTitle 8 of the United States Code.\n\n(G) "
      "Performing the functions of an immigration officer.\n"));
  CHECK(Paths(sections) == std::vector<std::string>{"7284.6", "7284.6(a)", "7284.6(a)(1)", "7284.6(a)(1)(F)", "7284.6(a)(1)(G)"});
}

TEST_CASE("a code section's caption, then its first subsection run in: the caption heads it, the subsection opens",
          "[extractors][sections]") {
  // Tex. Gov't Code § 493.015 as a code site prints it, shortened (written for this test).
  std::vector<Section> sections = FindSections(Act(
      "Chapter 493 - Texas Department of Criminal Justice: Organization\n\n"
      "Sec. 493.015. IDENTIFICATION OF DEPORTABLE ALIENS. (a) In this section, \"illegal criminal alien\" means an "
      "alien who has been convicted of a felony and who:\n"
      "(1) entered the United States without inspection; or\n"
      "(2) is a Marielito Cuban.\n"
      "(b) The department shall identify those inmates for whom the department is unable to ascertain status.\n"));
  CHECK(Paths(sections) == std::vector<std::string>{"Chapter 493", "493.015", "493.015(a)", "493.015(a)(1)",
                                                    "493.015(a)(2)", "493.015(b)"});
  REQUIRE(sections.size() == 6);
  CHECK(sections[1].heading == "IDENTIFICATION OF DEPORTABLE ALIENS.");
}

TEST_CASE("act sections: clauses are cited by section number", "[extractors][clauses]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  Extraction x = ExtractDocument(*rules, Act(
      "AN ACT\n\n"
      "Sec. 3. Limits on agreements.\n"
      "(a) No District agency shall enter into an agreement under section 287(g) of the Immigration and "
      "Nationality Act.\n\n"
      "Section 4. Facilities.\n"
      "(b) No District agency shall permit federal immigration authorities to access a nonpublic area of a "
      "District facility.\n"));
  std::vector<std::string> sections;
  for (const Clause& c : x.clauses) sections.push_back(c.section);
  CHECK(sections == std::vector<std::string>{"3(a)", "4(b)"});
}

TEST_CASE("a single item after a colon is no list unless the next sentence carries its numbering on",
          "[extractors][sections]") {
  std::vector<Section> sections = FindSections(Act(
      "(a) The sheriff shall honor one kind of request: (1) a judicial warrant. The sheriff shall report "
      "(2) cases a year."));
  REQUIRE(!sections.empty());
  for (const Section& s : sections) CHECK(s.path != "(a)(1)");
}

TEST_CASE("an appendix closes the parts open before it, and names no part atop the whole text", "[extractors][sections]") {
  // A 287(g) agreement's last part, then its Appendix A (Teller County, Colo., 2020, shortened)
  const DocumentInput moa = LawPage(
      "VII. POINTS OF CONTACT\nICE and the LEA designate the points of contact below.\n\n"
      "VIII. TERMINATION OF THIS MOA\nThis MOA becomes effective upon signature. Appendix A lists the functions "
      "delegated.\n\nAPPENDIX A\nSTANDARD OPERATING PROCEDURE (SOP)\nParticipating LEA personnel are delegated only "
      "those authorities listed below.\n\nAPPENDIX B\nCOMPLAINT PROCEDURE\nComplaints may be reported to ICE.",
      "policy");
  CHECK(Paths(FindSections(moa)) == std::vector<std::string>{"VII.", "VIII.", "Appendix A", "Appendix B"});
  // "ATTACHMENT 2" heading a council packet's page is the document's name: its items are "1." and "2."
  const DocumentInput attachment = LawPage(
      "ATTACHMENT 2\n\nChapel Hill Police Department\n\n1. Officers shall not inquire about immigration status.\n\n"
      "2. Officers shall not detain anyone on an ICE administrative warrant.",
      "practice");
  CHECK(Paths(FindSections(attachment)) == std::vector<std::string>{"1.", "2."});
}

TEST_CASE("a code section lettered after a dash keeps its letter", "[extractors][sections]") {
  // N.Y. Executive Law as a bill adds it (S. 987, 2023, shortened): "319-A", not "319"
  const DocumentInput bill = LawPage(
      "  § 319. DEFINITIONS. AS USED IN THIS ARTICLE, THE FOLLOWING TERMS SHALL HAVE THE FOLLOWING MEANINGS:\n"
      "  1. \"STATE ENTITY\" MEANS ANY AGENCY OF THE STATE.\n"
      "  §  319-A.  RESTRICTIONS ON IMMIGRATION ENFORCEMENT BY STATE EMPLOYEES.\n"
      "1. NO STATE EMPLOYEE SHALL USE STATE RESOURCES FOR IMMIGRATION ENFORCEMENT.\n"
      "2. NO STATE EMPLOYEE SHALL INQUIRE ABOUT A PERSON'S IMMIGRATION STATUS.");
  CHECK(Paths(FindSections(bill)) == std::vector<std::string>{"319", "319(1)", "319-A", "319-A(1)", "319-A(2)"});
}

TEST_CASE("a bill's item in capitals runs on past a short first line", "[extractors][sections]") {
  // Md. H.B. 495 and H.B. 675 (2026): new matter in capitals; neither first line is a heading
  const DocumentInput bill = LawPage(
      "3-535.\n(C) (1) A PERSON MAY NOT MAKE AN IMMIGRATION ARREST IN\nVIOLATION OF SUBSECTION (B) OF THIS SECTION.\n"
      "(2) AN EMPLOYEE SHALL, IF REQUESTED BY FEDERAL IMMIGRATION AUTHORITIES:\n"
      "(I) DETAIN AN INDIVIDUAL FOR UP TO 48 HOURS; AND\n(II) TRANSFER AN INDIVIDUAL TO FEDERAL IMMIGRATION\n"
      "AUTHORITIES.\n");
  const std::vector<Section> sections = FindSections(bill);
  std::map<std::string, std::string> heading_of;
  for (const Section& s : sections) heading_of[s.path] = s.heading;
  REQUIRE(heading_of.count("3-535(C)(1)") == 1);
  CHECK(heading_of["3-535(C)(1)"].empty());
  REQUIRE(heading_of.count("3-535(C)(2)(II)") == 1);
  CHECK(heading_of["3-535(C)(2)(II)"].empty());
}

TEST_CASE("a bill's list in capitals keeps its lead-in and its items past a sibling's 'AND'", "[extractors][sections]") {
  // Md. H.B. 725 (2026), new matter in capitals: the lead-in holds a modal and ends with ':', and the second item's
  // first line is short and wraps into a long line; neither is a heading, so the transfer is required.
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "9-309.\nIF REQUESTED BY FEDERAL IMMIGRATION AUTHORITIES, AN EMPLOYEE SHALL:\n"
      "(1) PROVIDE NOTICE OF THE RELEASE OF AN INDIVIDUAL; AND\n(2) TRANSFER THE INDIVIDUAL TO FEDERAL IMMIGRATION\n"
      "AUTHORITIES PROVIDED THAT THE TRANSFER DOES NOT EXTEND THE TIME IN\n"
      "CUSTODY OF THE INDIVIDUAL BEYOND THE INDIVIDUAL'S SCHEDULED RELEASE.\n"));
  const Clause* transfer = nullptr;
  for (const Clause& c : x.clauses)
    if (c.topic == "enforcement_assistance") transfer = &c;
  REQUIRE(transfer != nullptr);
  CHECK(transfer->section == "9-309(2)");
  CHECK(transfer->stance == Stance::kRequires);
  CHECK(transfer->text.find("AUTHORITIES PROVIDED THAT") != std::string::npos);
  for (const Section& s : x.sections) CHECK(s.heading.empty());
}

TEST_CASE("a bill's last item in capitals after a sibling's OR is an item, however short, not a heading", "[extractors][sections]") {
  // N.Y. S. 257 (2023) 319-B(1): "(C) A CIVIL IMMIGRATION DETAINER." is short, in capitals and ends with '.', as a
  // heading may; after "(B) ...; OR" it is the list's last item, and the arrest it names on a detainer is restricted.
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "§ 319-B. FEDERAL AGENCIES TO ENFORCE FEDERAL IMMIGRATION LAWS. 1. NO STATE\nOR LOCAL LAW ENFORCEMENT AGENCY, OR AGENT\n"
      "THEREOF, SHALL STOP, QUESTION, INTERROGATE, INVESTIGATE OR ARREST A\nPERSON FOR ANY OF THE FOLLOWING:\n"
      "(A) SUSPECTED VIOLATION OF THE UNITED STATES IMMIGRATION LAW OR\nAUTHORIZED REGULATIONS; OR\n"
      "(B) A CIVIL IMMIGRATION DETAINER.\n"
      "2. NO STATE OR LOCAL LAW ENFORCEMENT AGENCY SHALL MAKE ANY INQUIRY\nCONCERNING THE IMMIGRATION STATUS OF A PERSON.\n"));
  const Clause* detainer = nullptr;
  for (const Clause& c : x.clauses)
    if (c.topic == "detainer_hold") detainer = &c;
  REQUIRE(detainer != nullptr);
  CHECK(detainer->section == "319-B(1)(B)");
  CHECK(detainer->stance == Stance::kRestricts);
  for (const Section& s : x.sections)
    if (s.path != "319-B") CHECK(s.heading.empty());
}

TEST_CASE("a code site's section heads: a two-part number before a catchline's dash, a code named by its statutes", "[extractors][sections]") {
  // Conn. Gen. Stat. 54-192h and N.C. G.S. 162-62 as a code site heads them (one dash in the number, the catchline
  // after " - "); Or. Rev. Stat. 181A.823 and Kan. Stat. 12-16,140 titled by the statutes' name.
  const std::string items = "\n\n(a) No officer shall detain an individual on a civil immigration detainer.\n(b) An officer may share it.\n";
  CHECK(Paths(FindSections(LawPage("Section 54-192h - Civil immigration detainers." + items))) ==
        std::vector<std::string>{"54-192h", "54-192h(a)", "54-192h(b)"});
  CHECK(Paths(FindSections(LawPage("Section 162-62 - Legal status of prisoners" + items))) ==
        std::vector<std::string>{"162-62", "162-62(a)", "162-62(b)"});
  CHECK(Paths(FindSections(LawPage("Oregon Statutes 181A.823 \xE2\x80\x93 Prohibitions related to immigration enforcement" + items))) ==
        std::vector<std::string>{"181A.823", "181A.823(a)", "181A.823(b)"});
  CHECK(Paths(FindSections(LawPage("Kansas Statutes 12-16,140. Certain actions by municipalities prohibited" + items))) ==
        std::vector<std::string>{"12-16,140", "12-16,140(a)", "12-16,140(b)"});
  // (a bill's two-part section number alone on its line, or before a lower-case word, heads nothing)
  CHECK(Paths(FindSections(LawPage("Section 5-104.1" + items))) == std::vector<std::string>{"(a)", "(b)"});
  CHECK(Paths(FindSections(LawPage("Section 5-104 - the count" + items))) == std::vector<std::string>{"(a)", "(b)"});
}

TEST_CASE("a code section whose chapter carries a letter starts the path", "[extractors][sections]") {
  // Iowa Code 27A.3 (shortened): "27A.3(1)", not "1."
  const DocumentInput code = LawPage(
      "27A.3 Completion of sentence in federal custody.\n\n1. The court shall issue an order at the time of "
      "sentencing.\n\n2. A facility may perform such a transfer.\n");
  CHECK(Paths(FindSections(code)) == std::vector<std::string>{"27A.3", "27A.3(1)", "27A.3(2)"});
}

TEST_CASE("a code article's caption wrapped onto the next line, its first subsection run in", "[extractors][sections]") {
  // Tex. H.B. 3020 (2007) and S.B. 527 (2013), shortened: "Art. 2.245(a)", not "1" or "Art. 2.245"
  const DocumentInput bill = LawPage(
      "SECTION 1.  Chapter 2, Code of Criminal Procedure, is\namended by adding Article 2.245 to read as follows:\n"
      "Art. 2.245.  IDENTIFICATION AND DETENTION OF CERTAIN FOREIGN\nNATIONALS.  (a)  The sheriff shall make a "
      "reasonable effort to determine the defendant's nationality.\n(b)  The sheriff shall notify the Department of "
      "Homeland Security.\nArt. 2.253. DETENTION OF CERTAIN PERSONS SUBJECT TO\nIMMIGRATION DETAINER. (a) A local "
      "law enforcement agency shall detain the person.\n");
  CHECK(Paths(FindSections(bill)) == std::vector<std::string>{"1", "Art. 2.245", "Art. 2.245(a)", "Art. 2.245(b)", "Art. 2.253", "Art. 2.253(a)"});
}

TEST_CASE("a sentence that opens with a wrapped caption is cited to the subsection run into it", "[extractors][clauses]") {
  // Tex. S.B. 527 (2013), shortened: the caption's last line runs into "(a)", and ICU keeps caption and subsection in
  // one sentence; its clause is cited "Art. 2.253(a)", not the article
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "Art. 2.253. DETENTION OF CERTAIN PERSONS SUBJECT TO\nIMMIGRATION DETAINER. (a) A local law enforcement agency "
      "may not detain the person under the authority of an immigration detainer issued by United States Immigration "
      "and Customs Enforcement after the person posts bail.\n(b) A local law enforcement agency shall notify United "
      "States Immigration and Customs Enforcement before the person is released.\n"));
  std::map<std::string, std::string> topic_by_section = TopicBySection(x);
  CHECK(topic_by_section["Art. 2.253(a)"] == "detainer_hold");
  CHECK(topic_by_section["Art. 2.253(b)"] == "release_notification");
  CHECK(topic_by_section.count("Art. 2.253") == 0);
}

TEST_CASE("a caption wrapped in mixed case runs into its first subsection on its last line", "[extractors][sections]") {
  // Haw. Rev. Stat. 286-104.5 (shortened): the caption wraps over three lines and "(a)" is run into the third. Before,
  // "(a)" was not seen, the items (1) and (2) came out at the top and "(b)" nested under "(2)".
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "[\xC2\xA7" "286-104.5]  Limited purpose driver's\nlicense, limited purpose provisional driver's license, and limited "
      "purpose\ninstruction permits.  (a)  No law enforcement officer shall inquire about the immigration status of any "
      "person.\n\n     (1)  A valid consular document;\n\n     (2)  An original birth certificate.\n\n     (b)  A law "
      "enforcement officer shall not arrest a person on the basis of immigration status.\n"));
  CHECK(Paths(x.sections) == std::vector<std::string>{"286-104.5", "286-104.5(a)", "286-104.5(a)(1)", "286-104.5(a)(2)", "286-104.5(b)"});
  std::map<std::string, std::string> topic_by_section = TopicBySection(x);
  // the sentence that opens with the caption's wrapped lines is the subsection's
  CHECK(topic_by_section["286-104.5(a)"] == "status_inquiry");
  CHECK(topic_by_section["286-104.5(b)"] == "enforcement_assistance");
  CHECK(topic_by_section.count("286-104.5") == 0);
}

TEST_CASE("a bill's new matter in capitals: the text run in after a section's caption is no heading",
          "[extractors][sections][clauses]") {
  // N.Y. S. 257 (2023), shortened: new matter is set in capitals, and a section's caption runs into its first
  // subsection ("1. NO STATE OR LOCAL") or straight into its text ("UNLESS DISCLOSURE IS REQUIRED"). The short line of
  // capitals after the caption read as a heading: the clause lost its "NO STATE OR LOCAL" (and came out `requires`)
  // or its "UNLESS ...".
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), LawPage(
      "  \xC2\xA7 319-C. CONFIDENTIALITY OF INFORMATION. UNLESS DISCLOSURE IS REQUIRED\n"
      " BY A LAWFUL COURT ORDER, NO STATE OR LOCAL AGENCY, OR AGENT THEREOF, SHALL PROVIDE\n"
      " TO A FEDERAL IMMIGRATION AUTHORITY ANY INFORMATION COLLECTED OR OBTAINED\n"
      " WITH RESPECT TO A PERSON, INCLUDING BUT NOT LIMITED TO HOME, WORK OR SCHOOL ADDRESS.\n"
      "  \xC2\xA7 319-F. LIMITATION ON USE OF CERTAIN FACILITIES. 1. NO STATE OR LOCAL\n"
      " LAW ENFORCEMENT AGENCY, OR AGENT THEREOF, SHALL PROVIDE A FEDERAL IMMIGRATION\n"
      " AGENCY, OR AGENT THEREOF, WITH ACCESS TO AN INDIVIDUAL IN SUCH\n"
      " LAW ENFORCEMENT AGENCY'S CUSTODY OR CONTROL.\n"));
  std::map<std::string, std::string> heading_by_path;
  for (const Section& s : x.sections) heading_by_path[s.path] = s.heading;
  CHECK(heading_by_path["319-C"] == "CONFIDENTIALITY OF INFORMATION.");
  CHECK(heading_by_path["319-F"] == "LIMITATION ON USE OF CERTAIN FACILITIES.");
  const Clause* sharing = ClauseWith(x, "UNLESS DISCLOSURE IS REQUIRED");
  REQUIRE(sharing);
  CHECK(sharing->topic == "information_sharing");
  CHECK(sharing->stance == Stance::kRestricts);
  CHECK(sharing->section == "319-C");
  const Clause* access = ClauseWith(x, "NO STATE OR LOCAL LAW ENFORCEMENT AGENCY");
  REQUIRE(access);
  CHECK(access->topic == "facility_access");
  CHECK(access->stance == Stance::kRestricts);
  CHECK(access->section == "319-F(1)");
}

TEST_CASE("a caption's line that closes on its first item's number opens that item", "[extractors][sections]") {
  // N.Y. S. 257 (2023) 319-A, shortened: "1." ends the caption's line and its text is on the next
  const DocumentInput bill = LawPage(
      "\xC2\xA7 319-A. ACCESS TO SERVICES, ASSISTANCE AND ELIGIBLE BENEFITS. 1.\nNO STATE OR LOCAL AGENCY MAY MAKE ANY "
      "INQUIRY CONCERNING THE IMMIGRATION STATUS OF A PERSON.\n2. NO STATE AGENCY SHALL SHARE INFORMATION WITH "
      "IMMIGRATION AUTHORITIES.\n");
  CHECK(Paths(FindSections(bill)) == std::vector<std::string>{"319-A", "319-A(1)", "319-A(2)"});
  // ... and so on its first subsection's "(a)" (written for the test, in the Texas codes' form)
  const DocumentInput code = LawPage(
      "Sec. 752.053. POLICIES AND ACTIONS REGARDING IMMIGRATION ENFORCEMENT. (a)\nA local entity may not adopt a policy "
      "that prohibits the enforcement of immigration laws.\n(b) A local entity may not prohibit a person from assisting "
      "a federal immigration officer.\n");
  CHECK(Paths(FindSections(code)) == std::vector<std::string>{"752.053", "752.053(a)", "752.053(b)"});
}

TEST_CASE("a code section headed by its code's name starts the path", "[extractors][sections]") {
  // Va. Code § 53.1-218 and Humboldt County Code 9121-5 as state and county sites print them (shortened)
  CHECK(Paths(FindSections(LawPage("Code of Virginia § 53.1-218. Duty of officer in charge to inquire as to citizenship\n"
                                   "Whenever any person is committed to a correctional facility, the sheriff shall "
                                   "inquire as to citizenship.\n"))) == std::vector<std::string>{"53.1-218"});
  CHECK(Paths(FindSections(LawPage("Humboldt County Code, Section 9121-5\n\nNo officer shall use County funds to assist "
                                   "in immigration enforcement, including:\n(a) Assisting with any investigation;\n"
                                   "(b) Requesting information.\n"))) ==
        std::vector<std::string>{"9121-5", "9121-5(a)", "9121-5(b)"});
  // a code's name in a sentence is no heading
  CHECK(FindSections(LawPage("The Code of Virginia requires the sheriff to inquire.\n")).empty());
}

TEST_CASE("a section number restated under its section word is the same section, not one nested in it",
          "[extractors][sections]") {
  // Wash. Rev. Code 43.17.425 as a code site prints it (shortened): "43.17.425(1)", not "43.17.42543.17.425(1)"
  const DocumentInput code = LawPage(
      "Wash. Rev. Code \xC2\xA7 43.17.425\n\nCurrent through 2024\n"
      "Section 43.17.425 - Immigration and citizenship status-State agency restrictions\n"
      "(1) No state agency may use agency funds to assist in the enforcement of federal immigration law.\n"
      "(2) The state agencies shall review their policies.\n");
  CHECK(Paths(FindSections(code)) == std::vector<std::string>{"43.17.425", "43.17.425", "43.17.425(1)", "43.17.425(2)"});
  // the next section of the code under the word replaces it too
  const DocumentInput two = LawPage(
      "Wash. Rev. Code \xC2\xA7 43.17.425\n\nSection 43.17.430 - Other matters\n(1) The agency shall report.\n");
  CHECK(Paths(FindSections(two)) == std::vector<std::string>{"43.17.425", "43.17.430", "43.17.430(1)"});
}

TEST_CASE("a Markdown heading's hashes are no part of its marker, and a section word's items are cited in parentheses",
          "[extractors][sections]") {
  // Wash. S.B. 5270 (2023) as kept in Markdown on GitHub (shortened): "2(1)", not "2 1." or "1."
  const DocumentInput bill = LawPage(
      "# SB 5270\n\n## Section 1\nThe legislature finds that immigrants contribute to the state.\n\n## Section 2\n"
      "1. The department may not assist with the deportation of an individual.\n"
      "2. The department may not disclose personal information to immigration authorities.\n");
  CHECK(Paths(FindSections(bill)) == std::vector<std::string>{"1", "2", "2(1)", "2(2)"});
}

TEST_CASE("a code section's first subsection run in after its caption and a dash opens item 1", "[extractors][sections]") {
  // RSMo 544.472 as the Missouri Revisor prints it (shortened): "544.472(1)", cited 544.472.1 (not "544.472")
  const DocumentInput code = LawPage(
      "544.472. Persons confined to jail, verification of lawful immigration status required. \xE2\x80\x94"
      "1. If verification of the nationality of a person confined in jail cannot be made, the jail shall notify "
      "the United States Department of Homeland Security.\n\n"
      "2. Nothing in this section shall be construed to deny any person bond.\n");
  const std::vector<Section> sections = FindSections(code);
  CHECK(Paths(sections) == std::vector<std::string>{"544.472", "544.472(1)", "544.472(2)"});
  REQUIRE_FALSE(sections.empty());
  CHECK(sections[0].heading == "Persons confined to jail, verification of lawful immigration status required.");
  // the same with the dash a text file gives ("-1.") after normalizing
  CHECK(Paths(FindSections(LawPage("544.472. Persons confined to jail. -1. If the jail cannot verify, it shall notify "
                                   "the department.\n\n2. Nothing in this section applies.\n"))) ==
        std::vector<std::string>{"544.472", "544.472(1)", "544.472(2)"});
}

TEST_CASE("a subsection marker with its first word run in by a copied page opens the subsection",
          "[extractors][sections]") {
  // Eugene Code 2.495 as copied from its web page (shortened): "(1)The city shall not ..."
  const DocumentInput code = LawPage(
      "2.495 Protections for Individuals.\n(1)The city shall not use city law enforcement moneys for immigration "
      "enforcement.\n(2)Notwithstanding subsection (1) of this section, city personnel may:\n(a)Verify the immigration "
      "status of a person if the person is arrested; or\n(b)Request criminal investigation information.\n");
  CHECK(Paths(FindSections(code)) ==
        std::vector<std::string>{"2.495", "2.495(1)", "2.495(2)", "2.495(2)(a)", "2.495(2)(b)"});
}

TEST_CASE("a heading's numeral with its first word run in by a copied page opens the section, initials run in none",
          "[extractors][sections]") {
  // Montgomery County (Md.) Police Function Code 520 as copied from its web page (shortened): "II.Questioning ..."
  const DocumentInput order = LawPage(
      "I.Policy\nAll individuals, regardless of citizenship, are entitled to basic rights.\n"
      "II.Questioning of Foreign Nationals/Arrest Policy\nA.Questioning of Foreign Nationals\n"
      "Officers may ask a person who is under arrest about their citizenship.\nB.Authority to Arrest\n"
      "Officers have no statutory authority to enforce violations of federal immigration laws.\n"
      "VII.CALEA Standards\nU.S.Immigration and Customs Enforcement is named.\ne.g.The form of a request.\n");
  const std::vector<Section> sections = FindSections(order);
  CHECK(Paths(sections) == std::vector<std::string>{"I.", "II.", "II.A.", "II.B.", "VII."});
  REQUIRE(sections.size() == 5);
  CHECK(sections[1].heading == "Questioning of Foreign Nationals/Arrest Policy");
  CHECK(sections[4].heading == "CALEA Standards");
}

TEST_CASE("a Hawaii section number in brackets is the section's number", "[extractors][sections]") {
  // Haw. Rev. Stat. 286-104.5 as printed (shortened), "[\u00a7286-104.5]" for a section the revisor numbered
  const DocumentInput code = LawPage(
      "[\u00a7286-104.5]  Limited purpose driver's license.\n(1)  A valid, unexpired consular identification document;\n"
      "(2)  An original birth certificate.\n");
  CHECK(Paths(FindSections(code)) == std::vector<std::string>{"286-104.5", "286-104.5(1)", "286-104.5(2)"});
}

TEST_CASE("a New Hampshire RSA section number, chapter and colon, starts the path, a time of day does not",
          "[extractors][sections]") {
  // RSA's form (written for this test, after N.H. S.B. 71 (2025)'s new chapter 106-P): sections "106-P:1", "106-P:2",
  // their paragraphs in roman numerals. Before, the paragraphs were the document's top level, "I." of one section
  // and "I." of the next alike.
  CHECK(Paths(FindSections(LawPage("CHAPTER 106-P\nANTI-SANCTUARY ACT\n106-P:1 Definitions. In this chapter:\nI. "
                                   "\"Agency\" means any police department.\n106-P:2 Prohibition.\nI. No agency shall "
                                   "adopt a sanctuary policy.\nII. Each agency shall honor detainers.\n"))) ==
        std::vector<std::string>{"106-P:1", "106-P:1(I)", "106-P:2", "106-P:2(I)", "106-P:2(II)"});
  CHECK(Paths(FindSections(LawPage("RSA 594:2 Arrest Defined.\nI. An arrest is the taking of a person into custody.\n"))) ==
        std::vector<std::string>{"594:2", "594:2(I)"});
  // a meeting's time is no section: "10:30 Meeting of the Board" (chapter under 100 without a letter or "RSA")
  CHECK(Paths(FindSections(LawPage("10:30 Meeting of the Board\nI. The board shall hear the sheriff.\n"))) ==
        std::vector<std::string>{"I."});
}

TEST_CASE("a section word's number may end in a letter, and its first subsection 'A.' may run in after it",
          "[extractors][sections]") {
  // Okla. Stat. tit. 74, 20j as a bill amends it (written for this test after S.B. 572 (2021)): "Section 20j. A.  The
  // Attorney General ...". Before, "20j" was no section number and "A." was lost: the items were the bill's 1(B), 1(C).
  CHECK(Paths(FindSections(LawPage("SECTION 1. AMENDATORY 74 O.S. 2011, Section 20j, is\namended to read as follows:\n"
                                   "Section 20j. A.  The Attorney General is authorized to negotiate a Memorandum.\n"
                                   "B.  The Memorandum shall be signed by the Governor.\n"))) ==
        std::vector<std::string>{"1", "20j", "20j(A)", "20j(B)"});
  // a sentence that opens with "A" after the section's number is its text, no subsection
  CHECK(Paths(FindSections(LawPage("Section 5. A person may not be held on a detainer.\nSection 6. Effective date.\n"))) ==
        std::vector<std::string>{"5", "6"});
}

TEST_CASE("a city code's chapter-section after its section word starts the path, a bill's reference line none",
          "[extractors][sections]") {
  // Municode's form (written for this test): "Sec. 2-157. - Use of city resources."
  CHECK(Paths(FindSections(LawPage("Sec. 2-157. - Use of city resources.\n(a) No city employee shall use city resources "
                                   "for immigration enforcement.\n(b) No agency may use City Property for staging.\n"))) ==
        std::vector<std::string>{"2-157", "2-157(a)", "2-157(b)"});
  // Md. H.B. 444 (2026)'s front matter: the section a bill adds, named alone on its line, is no section of the bill
  CHECK(Paths(FindSections(LawPage("BY adding to\nArticle - Criminal Procedure\nSection 5-104.1\nAnnotated Code of "
                                   "Maryland\n\nSECTION 1. BE IT ENACTED BY THE GENERAL ASSEMBLY OF MARYLAND, That the "
                                   "Laws of Maryland read as follows:\n"))) == std::vector<std::string>{"1"});
}

TEST_CASE("a bill's section word before a bracketed editor's note opens the section", "[extractors][sections]") {
  // N.M. H.B. 195 (2019), shortened: "SECTION 1. [NEW MATERIAL] NON-ENFORCEMENT OF FEDERAL IMMIGRATION LAWS.--"
  CHECK(Paths(FindSections(LawPage("SECTION 1. [NEW MATERIAL] NON-ENFORCEMENT OF FEDERAL IMMIGRATION LAWS.--\n\n"
                                   "A. Neither the state nor a political subdivision shall use public funds to assist.\n\n"
                                   "B. Nothing in this section prohibits a county from housing federal detainees.\n"))) ==
        std::vector<std::string>{"1", "1(A)", "1(B)"});
}

TEST_CASE("a part word followed by a lower-case word is prose, and a path joins a section number to a part word with a space",
          "[extractors][sections]") {
  // Tex. S.B. 8 (2025), as enrolled (shortened): "Chapter 753 to read as follows:" wrapped from SECTION 1's sentence
  const DocumentInput bill = LawPage(
      "SECTION 1. Title 7, Government Code, is amended by adding\nChapter 753 to read as follows:\n"
      "CHAPTER 753. IMMIGRATION LAW ENFORCEMENT AGREEMENTS\n");
  CHECK(Paths(FindSections(bill)) == std::vector<std::string>{"1", "1 Chapter 753"});
}

TEST_CASE("a dashed code section whose title no month or day can be is a section, a date still none",
          "[extractors][sections]") {
  // Utah Code 64-13-10.7 as le.utah.gov prints it (shortened): "64-13-10.7(2)", not "(2)"
  const DocumentInput code = LawPage(
      "Effective 5/7/2025\n\n64-13-10.7.\n\nRelease of inmates who are not lawfully present.\n\n"
      "(1)As soon as practicable before the day of release, the department shall notify the Department of Homeland "
      "Security.\n\n(2)The department shall coordinate with federal authorities to transfer custody.\n");
  CHECK(Paths(FindSections(code)) == std::vector<std::string>{"64-13-10.7", "64-13-10.7(1)", "64-13-10.7(2)"});
  CHECK(FindSections(LawPage("12-01-18 Minutes of the board\n\nThe board met.\n")).empty());
  CHECK(FindSections(LawPage("202-732-4242 Office of the Field Director\n\nThe office is open.\n")).empty());
}

TEST_CASE("code sections as state code sites print them start the path", "[extractors][sections]") {
  // Mississippi Code 25-1-119, its catchline after a dash (shortened)
  CHECK(Paths(FindSections(LawPage("Mississippi Code 25-1-119 - Public bodies prohibited from enabling sanctuary "
                                   "policies\n(1) No state agency shall adopt a sanctuary policy.\n(2) Any policy "
                                   "adopted in violation of this section shall be void.\n"))) ==
        std::vector<std::string>{"25-1-119", "25-1-119(1)", "25-1-119(2)"});
  // Tenn. Code 4-7-121 under its part's heading: a title-chapter-section after "§"
  CHECK(Paths(FindSections(LawPage("2021 Tennessee Code\nPart 1 - General Provisions\n\xC2\xA7 4-7-121. Officers "
                                   "Trained to Enforce Federal Immigration Laws\n\nHighway patrol officers may "
                                   "enforce federal immigration laws.\n"))) ==
        std::vector<std::string>{"Part 1", "4-7-121"});
  // 20 V.S.A. 4652, the section under a bullet on the Vermont Statutes Online page
  CHECK(Paths(FindSections(LawPage("Chapter 207 : PROTECTION OF PERSONALLY IDENTIFYING INFORMATION\n\n  \xE2\x80\xA2 \xC2\xA7 "
                                   "4652. Authorization to enter into agreements\n\n    (a) Only the Governor is "
                                   "authorized to enter into an agreement.\n"))) ==
        std::vector<std::string>{"Chapter 207", "4652", "4652(a)"});
  // RSMo 650.475: a caption of thirty words before the dash and the first subsection
  CHECK(Paths(FindSections(LawPage(
            "650.475. Prohibiting or restricting communication with federal authorities regarding citizenship or "
            "immigration, unlawful when \xE2\x80\x94 attorney general to issue opinion, when \xE2\x80\x94 rights of "
            "public employees. \xE2\x80\x94" "1. Notwithstanding any other provision of law, no official shall "
            "restrict communication with ICE.\n\n2. Municipalities may share the identity of persons.\n"))) ==
        std::vector<std::string>{"650.475", "650.475(1)", "650.475(2)"});
}

TEST_CASE("Municode's forms: a list marker under a bullet, a decimal section's catchline after a dash",
          "[extractors][sections]") {
  // Columbus City Code 161.10 as Municode lists it (shortened): "161.10(D)", not "161.10(2)D."
  const DocumentInput columbus = LawPage(
      "\xC2\xA7 161.10. Denial of city services and misuse of city resources.\n\nLatest version.\n  \xE2\x80\xA2 A.\n\n"
      "    Definitions. As used in this section:\n\n    1.\n\n    \"Public official\" means any officer of the city.\n\n"
      "    2.\n\n    \"Public servant\" means any person performing a governmental function.\n\n    B.\n\n"
      "    No employee of the city shall solicit information about immigration status.\n");
  CHECK(Paths(FindSections(columbus)) ==
        std::vector<std::string>{"161.10", "161.10(A)", "161.10(A)1.", "161.10(A)2.", "161.10(B)"});
  // Minneapolis Code 19.20 (shortened)
  CHECK(Paths(FindSections(LawPage("19.20. - General city services.\n\n(a) To the extent permitted by law, city "
                                   "employees shall not inquire about immigration status.\n"))) ==
        std::vector<std::string>{"19.20", "19.20(a)"});
  // a bullet before plain text stays a bullet
  CHECK(FindSections(LawPage("\xE2\x80\xA2 Officers shall not inquire about immigration status.\n")).empty());
}

TEST_CASE("a code section's caption then its first subsection numbered '1.' opens item 1", "[extractors][sections]") {
  // N.Y. Civil Rights Law 28 as the Senate's site prints it (shortened): "28(1)", not "28"
  const DocumentInput code = LawPage(
      "Civil Rights (CVR) CHAPTER 6, ARTICLE 3\n* \xC2\xA7 28. Civil arrest; certain locations. 1. A person duly and in "
      "good faith attending a court proceeding is privileged from civil arrest.\n2. It is a contempt of the court for any "
      "person to willfully violate subdivision one of this section.\n");
  CHECK(Paths(FindSections(code)).back() == "28(2)");
  const std::vector<std::string> paths = Paths(FindSections(code));
  CHECK(std::find(paths.begin(), paths.end(), "28(1)") != paths.end());
  // a caption's closing sentence with no item after it opens none
  CHECK(Paths(FindSections(LawPage("\xC2\xA7 28. Civil arrest. A person attending a court proceeding is privileged.\n"))) ==
        std::vector<std::string>{"28"});
}

TEST_CASE("a text file's printed page footers inside its one page stay out of the sentence they cut",
          "[extractors][sections][pagebreak]") {
  // A 287(g) agreement kept as plain text: every printed page's footer (the agency's name, the page number, the
  // template's revision date) sits in the one page, twice inside a sentence (written for this test, after the
  // 2025 task force model agreements).
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const std::string footer = "\nSample County Sheriffs Office\n\n{N}\n\nRevised 02/12/2025\n\n\n";
  auto page_end = [&](const std::string& n) {
    std::string f = footer;
    f.replace(f.find("{N}"), 3, n);
    return f;
  };
  const Extraction x = ExtractDocument(
      *rules,
      TextFile("MEMORANDUM OF AGREEMENT\n\nThis MOA constitutes an agreement between ICE and\nSample County Sheriffs Office\n"
               "pursuant to which ICE delegates authority to LEA personnel.\n\n"
               "XI. REPORTING\n\nParticipating LEA personnel shall notify ICE of every immigration detainer issued under" +
                   page_end("1") +
                   "this MOA within 24 hours, and shall provide the ICE supervisor with the alien's record of" +
                   page_end("2") +
                   "arrest.\n\nXII. TERMINATION\n\nThe LEA shall report all encounters with asserted claims of "
                   "citizenship to ICE.\n" +
                   page_end("3"),
               "policy"));
  const Clause* notify = ClauseWith(x, "shall notify ICE of every immigration detainer");
  REQUIRE(notify != nullptr);
  // One sentence, the footers it crossed left out; cited in its section, not in a "Revised" or a name heading.
  CHECK(notify->text ==
        "Participating LEA personnel shall notify ICE of every immigration detainer issued under this MOA within 24 "
        "hours, and shall provide the ICE supervisor with the alien's record of arrest.");
  CHECK(notify->section == "XI.");
  for (const Section& s : x.sections) {
    CHECK(s.heading.find("Revised") == std::string::npos);
    CHECK(s.heading.find("Sample County") == std::string::npos);
  }
  // The agency's name filled in inside the first sentence is text, not a footer.
  CHECK(ClauseWith(x, "and Sample County Sheriffs Office pursuant to") != nullptr);
}

TEST_CASE("a text file's page numbers alone between blank lines, counting up, stay out of the sentence they cut",
          "[extractors][sections][pagebreak]") {
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  const Extraction x = ExtractDocument(
      *rules,
      TextFile("MEMORANDUM OF AGREEMENT\n\nI. PURPOSE\nThis MOA sets out how the county works with ICE.\n\n1\n\n"
               "II. REPORTING\nParticipating personnel shall notify ICE of every immigration detainer issued under this "
               "MOA\n\n2\n\nwithin 24 hours.\n\n3\n\nIII. TERMINATION\nEither party may end this MOA.\n\n4\n",
               "policy"));
  const Clause* notify = ClauseWith(x, "shall notify ICE of every immigration detainer");
  REQUIRE(notify != nullptr);
  CHECK(notify->text ==
        "Participating personnel shall notify ICE of every immigration detainer issued under this MOA within 24 hours.");
  CHECK(notify->section == "II.");
}
