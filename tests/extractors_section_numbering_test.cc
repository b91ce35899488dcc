// Section numbering inference (extractors/layout.cc) on synthetic text:
// numbering damaged by OCR, headings whose marker fits no sequence, and the
// section paths of statutes and codes of several jurisdictions.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "extractors/extract.h"
#include "extractors/marker_shapes.h"
#include "extractors/numbering.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;

namespace {

const Rulebook& Rules() { return foiamine::testing::ShippedRulebook(); }

DocumentInput Doc(const std::string& text) {
  DocumentInput in;
  in.pages.push_back(PageText{1, text});
  return in;
}

std::vector<std::string> Paths(const std::string& text) {
  std::vector<std::string> paths;
  for (const Section& s : FindSections(Doc(text))) paths.push_back(s.path);
  return paths;
}

// A general order in four parts, DEFINITIONS before PROCEDURES; `third` is how
// the third part's numeral came out of the scanner.
std::string GeneralOrder(const std::string& third) {
  return "GENERAL ORDER 24-07\n"
         "IMMIGRATION STATUS\n\n"
         "I. PURPOSE\n"
         "This order sets out how members respond to questions of immigration status.\n\n"
         "II. DEFINITIONS\n"
         "A. \"Immigration detainer\" means a request from ICE to hold a person past release.\n"
         "B. \"Civil immigration warrant\" means a warrant signed by an immigration officer.\n\n" +
         third +
         " PROCEDURES\n"
         "A. Members shall not inquire about the immigration status of any person.\n"
         "B. Members shall not hold any person on an immigration detainer.\n"
         "C. The Department shall not notify ICE of the release date of any inmate.\n"
         "D. Members shall not share the home address of any person with ICE.\n\n"
         "IV. RESPONSIBILITIES\n"
         "Supervisors shall not allow ICE agents into the booking area without a judicial warrant.\n";
}

using ClauseKey = std::tuple<std::string, std::string, std::string>;  // topic, stance, section

std::vector<ClauseKey> Keys(const Extraction& x) {
  std::vector<ClauseKey> keys;
  for (const Clause& c : x.clauses) keys.emplace_back(c.topic, StanceName(c.stance), c.section);
  return keys;
}

}  // namespace

TEST_CASE("one OCR error in a heading numeral (III. read as lil.) changes no clause's topic, stance or section",
          "[extractors][sections][ocr]") {
  const Extraction clean = ExtractDocument(Rules(), Doc(GeneralOrder("III.")));
  const Extraction damaged = ExtractDocument(Rules(), Doc(GeneralOrder("lil.")));
  const std::vector<ClauseKey> keys = Keys(clean);
  REQUIRE(keys.size() >= 4);
  // The clean text is read as intended: the rules are restrictions in III,
  // not mentions inside DEFINITIONS.
  for (const auto& [topic, stance, section] : keys) {
    CHECK(section.rfind("II.", 0) != 0);
    CHECK(stance == "restricts");
  }
  CHECK(Keys(damaged) == keys);
}

TEST_CASE("a damaged roman heading is read as the numeral its sequence expects", "[extractors][sections][ocr]") {
  for (const char* third : {"lil.", "Ill.", "IlI.", "III."}) {
    INFO(third);
    CHECK(Paths(GeneralOrder(third)) ==
          std::vector<std::string>{"I.", "II.", "II.A.", "II.B.", "III.", "III.A.", "III.B.", "III.C.", "III.D.", "IV."});
  }
  // Every numeral of a scanned order damaged, the first one too ("I," for
  // "I.", as Tesseract read the corpus's MPD GO-OPS-201.26).
  CHECK(Paths("I, PURPOSE\nText.\n\nIl. REGULATIONS\nA. Text.\n\nIll. PROCEDURES\nA. Text.\n") ==
        std::vector<std::string>{"I.", "II.", "II.A.", "III.", "III.A."});
  CHECK(Paths("I. PURPOSE\nText.\n\nII. SCOPE\nText.\n\nIII. POLICY\nText.\n\n1V. DUTIES\nText.\n\n"
              "V. RECORDS\nText.\n\nV1. REVIEW\nText.\n") ==
        std::vector<std::string>{"I.", "II.", "III.", "IV.", "V.", "VI."});
}

TEST_CASE("an excerpt's roman parts after a gap are parts, not letter items under the part before",
          "[extractors][sections]") {
  // A 287(g) agreement released in part (pages left out; written for a probe, session 55): "V." after "III." and "X."
  // after "VI." head parts of their own; the lettered items under "V." stay its items.
  CHECK(Paths("I. PURPOSE\nText.\n\nIII. POLICY\nText.\n\n"
              "V. DESIGNATION OF AUTHORIZED FUNCTIONS\nOfficers are authorized to perform the following functions:\n"
              "a. Interview any person.\nb. Serve warrants.\n\n"
              "VI. NOMINATION OF PERSONNEL\nText.\n\nX. ICE SUPERVISION\nText.\n") ==
        std::vector<std::string>{"I.", "III.", "V.", "V.a.", "V.b.", "VI.", "X."});
  // A letter item still follows its own letters ("C." after "B." under a part), and prose is no part.
  CHECK(Paths("I. PURPOSE\nText.\n\nII. POLICY\nA. Text.\nB. Text.\nC. Text.\n") ==
        std::vector<std::string>{"I.", "II.", "II.A.", "II.B.", "II.C."});
}

TEST_CASE("a 287(g) agreement's scan: 'm.' for 'III.', titled parts over paragraphs, page numbers alone",
          "[extractors][sections][ocr]") {
  // Shaped like a scanned 2020 warrant service officer agreement's text (written for this test): the third part's
  // numeral read as "m."; part IV's lettered parts each titled and running over paragraphs, "I." after "H." among
  // them; the printed page numbers alone between blank lines.
  const std::string text =
      "MEMORANDUM OF AGREEMENT\n\nI. PARTIES\nThis MOA constitutes an agreement between ICE and the county.\n\n"
      "II. PURPOSE\nThe purpose of this MOA is to set forth the terms.\n\n"
      "m. AUTHORITY\nSection 287(g) authorizes the Secretary to enter into written agreements.\n\n1\n\n"
      "IV. RESPONSIBILITIES\nThe county will pursue all criminal charges.\n\n"
      "G. INTERPRETATION SERVICES\nThe county will provide interpreters.\n\n"
      "H. LIABILITY AND RESPONSIBILITY\nThe county will bear the costs of its personnel.\n\n2\n\n"
      "The county agrees to cooperate with any federal investigation related to this MOA.\n\n"
      "The county and ICE are each responsible for compliance with the Privacy Act.\n\n"
      "I. CIVIL RIGHTS STANDARDS\nParticipating personnel are bound by all federal civil rights laws.\n\n3\n\n"
      "V.\nREPORTING AND DOCUMENTATION\nA. COMPLAINT PROCEDURES\nComplaints are reported to ICE.\n";
  CHECK(Paths(text) ==
        std::vector<std::string>{"I.", "II.", "III.", "IV.", "IV.G.", "IV.H.", "IV.I.", "V.", "V.A."});
}

TEST_CASE("a 287(g) agreement's scan: 'ID.' for 'III.' between 'II.' and 'IV.', and only there", "[extractors][sections][ocr]") {
  // Tulsa County's 2020 agreement's text layer prints its third part "ID. AUTHORITY" (two strokes closed into a D).
  CHECK(Paths("I. PARTIES\nText one.\n\nII. PURPOSE\nText two.\n\nID. AUTHORITY\nSection 287(g) authorizes it.\n\n"
              "IV. RESPONSIBILITIES\nText four.\n") == std::vector<std::string>{"I.", "II.", "III.", "IV."});
  // where no third part is due, "ID." is no numeral: an identification heading stays text under its part
  CHECK(Paths("I. PARTIES\nText one.\n\nID. CARDS\nText two.\n") == std::vector<std::string>{"I."});
}

TEST_CASE("an appendix's word and letter run together open it, and a signature's initials open nothing",
          "[extractors][sections][ocr]") {
  // Shaped like a scanned 287(g) agreement's appendices and signature block (written for this test).
  CHECK(Paths("I. PARTIES\nText one.\n\nVIII. TERMINATION\nText two.\n\nAPPENDIX A\nSTANDARD OPERATING PROCEDURES\n"
              "Text three.\n\nAPPENDIXB\nCOMPLAINT PROCEDURE\nText four.\n\nAPPENDIXC\nPUBLIC INFORMATION\n"
              "Text five.\n\nDate:\nC. M. Cronen\nAssistant Director, Enforcement\n") ==
        std::vector<std::string>{"I.", "VIII.", "Appendix A", "Appendix B", "Appendix C"});
  // A lettered item that is one, and prose that cites an appendix, as before.
  CHECK(Paths("I. PARTIES\nText.\n\nA. C. Smith Consulting will train the officers.\nB. TRAINING\nText.\n") ==
        std::vector<std::string>{"I.", "I.A.", "I.B."});
}

TEST_CASE("a scan's damaged APPENDIX A opens the appendix, and nothing else near it does", "[extractors][sections][ocr]") {
  // Two 287(g) agreements' text layers print "APPENDIX A" as "APPE1''1>IX A" and "A.P.P.E 'lHX A" (Nash County, N.C.,
  // and Okmulgee County, Okla., 2020); before, their standard operating procedure fell under "VIII.".
  for (const char* damaged : {"APPE1''1>IX A", "A.P.P.E 'lHX A"})
    CHECK(Paths(std::string("I. PARTIES\nText one.\n\nVIII. TERMINATION\nText two.\n\n") + damaged +
                "\nSTANDARD OPERATING PROCEDURES\nText three.\n\nAPPENDIXB\nCOMPLAINT PROCEDURE\nText four.\n") ==
          std::vector<std::string>{"I.", "VIII.", "Appendix A", "Appendix B"});
  CHECK(internal::DamagedAppendixLetter("APPENDIX A") == std::nullopt);  // read as printed
  CHECK(internal::DamagedAppendixLetter("APPROX A") == std::nullopt);
  CHECK(internal::DamagedAppendixLetter("A.P.P.E 'lHX A") == 'A');
  CHECK(internal::DamagedAppendixLetter("AUTHORITY B") == std::nullopt);
}

TEST_CASE("a run-in list wrapped onto the next line opens no item there", "[extractors][sections]") {
  // Shaped like the 2025 task force model agreement (written for this test): a run-in list whose second item wrapped
  // to a line's start, and a run-in enumeration in lower case cut from its sentence's start, before a list after a
  // colon.
  CHECK(Paths("VIII. TRAINING\nTraining will include, among other things: (i) discussion of the terms of this MOA;\n"
              "(ii) the scope of immigration officer authority; (iii) relevant immigration law.\n"
              "Approximately one year later, ICE may provide additional training.\n\n"
              "XVIII. TERMINATION\nNotice of the suspension will be provided, and the notice will include, at a minimum,\n"
              "(1) an overview of the reasons, (2) the length of the suspension, and (3) how the LEA can respond.\n"
              "The notice of termination will include, at a minimum: (1) An overview of the reasons; (2) All available "
              "data; and (3) Examples of aliens identified.\n") ==
        std::vector<std::string>{"VIII.", "VIII.(i)", "VIII.(ii)", "VIII.(iii)", "XVIII.", "XVIII.(1)", "XVIII.(2)",
                                 "XVIII.(3)"});
}

TEST_CASE("a statute printed on one line: its caption's dash, then subsections run in after sentence ends",
          "[extractors][sections][jurisdictions]") {
  // Fla. Stat. 811.103 as the Legislature's web page prints it, on one line (shortened; written for this test).
  CHECK(Paths("811.103 Illegal reentry of an adult unauthorized alien.\xE2\x80\x94 (1) An unauthorized alien commits a "
              "felony if he or she is found in this state. An unauthorized alien does not commit a violation of this "
              "subsection if: (a) The Attorney General expressly consented; or (b) The alien establishes that consent was "
              "not required. (2) Except as provided in subsection (3), an alien who violates subsection (1) must be "
              "sentenced to a minimum term of 1 year and 1 day. (3)(a) An unauthorized alien who has three prior "
              "convictions commits a felony. (4) Notwithstanding any other law, the court shall order the alien to be "
              "detained. (5) An unauthorized alien is not eligible for a civil citation. (6) Upon making an arrest for a "
              "violation of this section, the arresting law enforcement agency shall: (a) Notify Immigration and Customs "
              "Enforcement of the arrest; and (b) Notify the Department of Law Enforcement of the arrest. History.\xE2\x80"
              "\x94s. 4, ch. 2025-2.\n") ==
        std::vector<std::string>{"811.103", "811.103(1)", "811.103(1)(a)", "811.103(1)(b)", "811.103(2)",
                                 "811.103(3)", "811.103(3)(a)", "811.103(4)", "811.103(5)", "811.103(6)",
                                 "811.103(6)(a)", "811.103(6)(b)"});
}

TEST_CASE("damaged list numbers and letters one confusion away are repaired", "[extractors][sections][ocr]") {
  // "l." and "I." for a first "1." (the "2." after it says which sequence).
  CHECK(Paths("l. Members log each request.\n2. Members keep the log.\n") == std::vector<std::string>{"1.", "2."});
  CHECK(Paths("I. Members log each request.\n2. Members keep the log.\n") == std::vector<std::string>{"1.", "2."});
  std::string ten;
  for (int i = 1; i <= 9; ++i) ten += std::to_string(i) + ". Item text.\n";
  CHECK(Paths(ten + "l0. Item text.\n11. Item text.\n").at(9) == "10.");
  CHECK(Paths(ten + "1O. Item text.\n11. Item text.\n").at(9) == "10.");
  // "B." read as "8." while letters are open.
  CHECK(Paths("A. Intake.\n8. Booking.\nC. Release.\n") == std::vector<std::string>{"A.", "B.", "C."});
  CHECK(Paths("(k) Text.\n(l) Text.\n(rn) Text.\n(n) Text.\n") ==
        std::vector<std::string>{"(k)", "(l)", "(m)", "(n)"});
  CHECK(Paths("(a) Text.\n(b) Text.\n(c) Text.\n(d) Text.\n(e) Text.\n(f) Text.\n(g) Text.\n(h) Text.\n(i) Text.\n"
              "(j) Text.\n(k) Text.\n(l) Text.\n(rn) Text.\n")
            .back() == "(m)");
}

TEST_CASE("a marker that is not one confusion from the expected value is read as printed",
          "[extractors][sections][ocr]") {
  // A jump in the numbering is not damage.
  CHECK(Paths("1. First.\n2. Second.\n\n7. Seventh.\n") == std::vector<std::string>{"1.", "2.", "7."});
  CHECK(Paths("I. PURPOSE\nText.\n\nII. SCOPE\nText.\n\nVI. RECORDS\nText.\n") ==
        std::vector<std::string>{"I.", "II.", "VI."});
  // "8." carries on an open numbered list rather than being read as a letter.
  CHECK(Paths("A. Intake.\n6. Six.\n7. Seven.\n8. Eight.\n") == std::vector<std::string>{"A.", "A.6.", "A.7.", "A.8."});
  // A single roman sub-item between "1." and "2." stays a roman item.
  CHECK(Paths("1. First.\ni. Only sub-item.\n2. Second.\n") == std::vector<std::string>{"1.", "1.i.", "2."});
}

TEST_CASE("a heading whose marker fits no sequence does not swallow the sections after it",
          "[extractors][sections][ocr]") {
  const Extraction x = ExtractDocument(Rules(), Doc(GeneralOrder("XlV.")));
  std::vector<std::string> paths;
  for (const Section& s : x.sections) paths.push_back(s.path);
  CHECK(paths ==
        std::vector<std::string>{"I.", "II.", "II.A.", "II.B.", "XlV.", "XlV.A.", "XlV.B.", "XlV.C.", "XlV.D.", "IV."});
  bool inquiry = false;
  for (const Clause& c : x.clauses) {
    CHECK(c.section.rfind("II.", 0) != 0);  // nothing after the heading is filed under DEFINITIONS
    if (c.topic == "status_inquiry") {
      inquiry = true;
      CHECK(c.stance == Stance::kRestricts);
      CHECK(c.section == "XlV.A.");
    }
  }
  CHECK(inquiry);
}

TEST_CASE("code sections of any jurisdiction start their own path", "[extractors][sections][jurisdictions]") {
  // US Code: "§ 1373." under a title and a chapter is cited "1373(b)(2)".
  CHECK(Paths("Title 8 - ALIENS AND NATIONALITY\nCHAPTER 12 - IMMIGRATION AND NATIONALITY\n\n"
              "§ 1252c. Authorizing officials to arrest\n\n(a) In general\n\nOfficials may arrest an individual who-\n\n"
              "(1) is present; and\n\n(2) was convicted.\n\n"
              "§1373. Communication between government agencies and the Immigration and Naturalization Service\n\n"
              "(a) In general\n\nNo official may prohibit any entity from sending information.\n\n"
              "(b) Additional authority\n\nNo person may prohibit any entity from:\n\n(1) sending information;\n\n"
              "(2) maintaining such information.\n") ==
        std::vector<std::string>{"Title 8", "Title 8 Chapter 12", "1252c", "1252c(a)", "1252c(a)(1)", "1252c(a)(2)", "1373",
                                 "1373(a)", "1373(b)", "1373(b)(1)", "1373(b)(2)"});
  // Oregon and Washington print the code's name before the section number.
  CHECK(Paths("ORS 181A.820\nEnforcement of federal immigration laws\n\n(1) No law enforcement agency shall act.\n\n"
              "(2) An agency may exchange information in order to:\n\n(a) Verify status; or\n\n(b) Request information.\n") ==
        std::vector<std::string>{"181A.820", "181A.820(1)", "181A.820(2)", "181A.820(2)(a)", "181A.820(2)(b)"});
  // "(12)(a)" opens both levels; items after "(6)" stay "(7)", "(8)".
  CHECK(Paths("RCW 2.28.300  Definitions.\nThe definitions apply.\n(6) \"Authority\" means an agent.\n"
              "(7) \"Status\" means a status.\n(8)(a) \"Agency\" means an agency that:\n(i) Operates prisons; or\n"
              "(ii) Operates jails.\n(b) \"Agency\" does not include a city.\n[2020 c 37 § 2.]\n\n"
              "RCW 2.28.310  Information.\n(1) Judges:\n(a) Shall not inquire into status.\n(2) Nothing limits:\n"
              "(a) Sending status.\n") ==
        std::vector<std::string>{"2.28.300", "2.28.300(6)", "2.28.300(7)", "2.28.300(8)", "2.28.300(8)(a)",
                                 "2.28.300(8)(a)(i)", "2.28.300(8)(a)(ii)", "2.28.300(8)(b)", "2.28.310",
                                 "2.28.310(1)", "2.28.310(1)(a)", "2.28.310(2)", "2.28.310(2)(a)"});
  // California: a later section never nests under the one before it.
  CHECK(Paths("§ 7284.4. For purposes of this chapter:\n(a) \"Agency\" means a police department.\n\n"
              "§ 7284.6. (a) California law enforcement agencies shall not:\n(1) Use agency moneys to:\n"
              "(A) Inquire into status.\n(C) Respond to requests for release dates.\n\n"
              "7284.10.\n(a) The department shall ensure compliance.\n") ==
        std::vector<std::string>{"7284.4", "7284.4(a)", "7284.6", "7284.6(a)", "7284.6(a)(1)", "7284.6(a)(1)(A)",
                                 "7284.6(a)(1)(C)", "7284.10", "7284.10(a)"});
}

TEST_CASE("a code's title-chapter-section number without a section sign starts the path, a date does not", "[extractors][sections][jurisdictions]") {
  CHECK(Paths("27-16-801. Immigration detainer requests -- duty to arrest. (1) A public safety officer shall arrest the person.\n"
              "(2) As used in this section, the following definitions apply:\n(a) \"Agency\" means ICE.\n"
              "(4) A public safety officer is not required to arrest a citizen.\n") ==
        // (the "(1)" run in after the caption is the section's first subsection)
        std::vector<std::string>{"27-16-801", "27-16-801(1)", "27-16-801(2)", "27-16-801(2)(a)", "27-16-801(4)"});
  CHECK(Paths("2-173-020 Immigration enforcement prohibited.\n(a) No agent shall detain anyone.\n") ==
        std::vector<std::string>{"2-173-020", "2-173-020(a)"});
  // Colorado's decimal article: "24-76.6-102" starts the path
  CHECK(Paths("24-76.6-102. Prohibitions - civil immigration detainers.\n(1) A peace officer shall not detain anyone.\n"
              "(6) An agency is not required to respond.\n") ==
        std::vector<std::string>{"24-76.6-102", "24-76.6-102(1)", "24-76.6-102(6)"});
  // dates and log lines are no section numbers
  CHECK(Paths("12-01-2018 Minutes of the meeting\n(a) The board met.\n") == std::vector<std::string>{"(a)"});
  CHECK(Paths("3-14-21 Log of releases\n(a) Released at noon.\n") == std::vector<std::string>{"(a)"});
}

TEST_CASE("Illinois Act sections, outlines and policy numbers read as cited", "[extractors][sections][jurisdictions]") {
  CHECK(Paths("(5 ILCS 805/) Illinois TRUST Act.\n\n    (5 ILCS 805/15)\n    Sec. 15. Prohibition on enforcing.\n"
              "    (a) An agency shall not detain any individual.\n    (e) An agency shall not enter an agreement.\n") ==
        std::vector<std::string>{"805/15", "805/15(a)", "805/15(e)"});
  CHECK(Paths("VI. PROCEDURES\nA. Intake\nB. Arrests\n1. Members shall not arrest on a civil warrant.\n"
              "2. Members shall book each arrest.\n3. Members shall not transport for ICE.\n") ==
        std::vector<std::string>{"VI.", "VI.A.", "VI.B.", "VI.B.1.", "VI.B.2.", "VI.B.3."});
  // Items numbered "1." under a policy number are cited in parentheses, and
  // may start in lower case after a lead-in.
  CHECK(Paths("415.2 ENFORCEMENT\nMembers will not:\n1. arrest a person on a civil warrant.\n"
              "2. conduct sweeps.\n\n415.2.1 BASIS FOR CONTACT\nText.\n") ==
        std::vector<std::string>{"415.2", "415.2(1)", "415.2(2)", "415.2.1"});
  // An item that is a heading keeps the text under it.
  const std::vector<Section> titled = FindSections(Doc("PROGRAM STATEMENT 4021.2\n1. PURPOSE\nStaff shall review files.\n"
                                                       "2. PROCEDURES\nStaff shall count property.\n"));
  REQUIRE(titled.size() == 2);
  CHECK(titled[0].end_char > titled[0].heading_end + 10);
  // A paragraph after a list of names belongs to the section, not the last item.
  const Extraction x = ExtractDocument(Rules(), Doc("414.4.2 IMMIGRATION CHECKS\n"
                                                    "Immigration status may be determined through the following sources:\n"
                                                    "(a) Immigration and Customs Enforcement (ICE)\n"
                                                    "(b) U.S. Customs and Border Protection (CBP)\n"
                                                    "An officer shall not detain any person solely on an immigration detainer.\n"));
  bool hold = false;
  for (const Clause& c : x.clauses) {
    if (c.topic != "detainer_hold") continue;
    hold = true;
    CHECK(c.section == "414.4.2");
  }
  CHECK(hold);
}

// A column of text wraps where the next word no longer fits: an item whose
// first line ends at the margin runs on, however capitalized its words.
TEST_CASE("An item's first line that wraps at the margin is not its heading", "[extractors][sections]") {
  const std::string wrapped =
      "(b) As used in this section, \"sanctuary policy\" means an\n"
      "order, ordinance, or law enforcement policy that:\n"
      "(4) Restricts or imposes any conditions upon the\n"
      "municipality's cooperation or compliance with detainers;\n"
      "(5) Requires United States Immigration and Customs\n"
      "Enforcement to obtain a warrant before complying with\n"
      "detainers from United States Immigration and Customs\n"
      "Enforcement to maintain custody of an immigrant; or\n"
      "(6) Prevents law enforcement officers from asking a person\n"
      "about his or her citizenship or immigration status.\n"
      "(g)(1) Notwithstanding section 1342 of title 31, the Attorney\n"
      "General may enter into a written agreement with a State\n"
      "pursuant to which an officer of the State may perform a\n"
      "function of an immigration officer in relation to aliens.\n";
  const std::vector<Section> sections = FindSections(Doc(wrapped));
  std::vector<std::string> paths;
  for (const Section& s : sections) {
    paths.push_back(s.path);
    CHECK(s.heading.empty());  // no item here has a heading
  }
  CHECK(paths == std::vector<std::string>{"(b)", "(b)(4)", "(b)(5)", "(b)(6)", "(g)", "(g)(1)"});
  // Each item keeps its whole text: the agreement is item (g)(1)'s, not a paragraph after it.
  const Extraction x = ExtractDocument(Rules(), Doc(wrapped));
  bool agreement = false;
  for (const Clause& c : x.clauses) {
    if (c.topic != "agreements") continue;
    agreement = true;
    CHECK(c.section == "(g)(1)");
  }
  CHECK(agreement);
  // The same text unwrapped (an item a line) reads the same.
  std::string unwrapped;
  for (size_t i = 0; i < wrapped.size(); ++i)
    unwrapped += wrapped[i] == '\n' && i + 1 < wrapped.size() && wrapped[i + 1] != '(' ? ' ' : wrapped[i];
  CHECK(Paths(unwrapped) == paths);
}

// A citation run over a line break ("8 C.F.R. §§" / "241.2(b)(2), ...",
// "subsection" / "(b) of this section") carries the sentence on: its number
// opens no section (the cross-reference check fails without layout.cc's
// EndsWithCitationLead guard). An item's "; and" before an OCR blank line
// does end the item.
TEST_CASE("a citation's number at a line's start numbers no section, and an item's closing 'and' ends the item", "[extractors][sections]") {
  const std::string text =
      "VIII. DESIGNATION OF FUNCTIONS\n"
      "Participating personnel are only delegated the two authorities listed below:\n\n"
      "The power and authority to serve and execute warrants of arrest for immigration violations, 8 U.S.C. § 1357(a)\n"
      "in order to transfer custody of the alien to ICE; and\n\n"
      "The power and authority to serve warrants of removal, 8 U.S.C. § 1357(a) and 8 C.F.R. §§\n"
      "241.2(b)(2), 287.5(e)(3), on designated aliens in jail facilities at the time of the alien's release.\n";
  CHECK(Paths(text) == std::vector<std::string>{"VIII."});
  const Extraction x = ExtractDocument(Rules(), Doc(text));
  int powers = 0;
  bool removal_whole = false;
  for (const Clause& c : x.clauses) {
    if (c.topic != "enforcement_assistance" || c.stance != Stance::kPermits) continue;
    ++powers;
    // The two items lost their bullets (extractors/lost_bullets.h): each is cited to its place in the list.
    CHECK(c.section == "VIII., bullet " + std::to_string(powers));
    // The second power reads on past the citation to the end of its sentence.
    if (c.text.find("serve warrants of removal") != std::string::npos)
      removal_whole = c.text.find("at the time of the alien's release") != std::string::npos;
  }
  CHECK(powers == 2);
  CHECK(removal_whole);
  // "subsection" at a line's end: the "(b)" after it is the citation's, not item (b).
  const std::string cross_reference =
      "(a) The sheriff shall not hold a person on an immigration detainer except as provided in subsection\n"
      "(b) of this section, or as another law requires.\n"
      "(c) The sheriff may hold a person when a judicial warrant is presented.\n";
  CHECK(Paths(cross_reference) == std::vector<std::string>{"(a)", "(c)"});
}

TEST_CASE("a first subsection run into the last line of a wrapped caption opens its section", "[extractors][sections][jurisdictions]") {
  // Mo. Rev. Stat. 650.475 as a PDF wraps its thirty-word caption: the "-1." comes on the caption's fourth line.
  const std::string text =
      "650.475. Prohibiting or restricting communication with\n"
      "federal authorities regarding citizenship or immigration,\n"
      "unlawful when - attorney general to issue opinion, when -\n"
      "rights of public employees. -1. Notwithstanding any other\n"
      "provision of law, no government entity shall prohibit any official from communicating with the\n"
      "United States Bureau of Immigration and Customs Enforcement regarding the citizenship or\n"
      "immigration status of any individual.\n\n"
      "2. Municipalities may collect and share the identity of persons by the same means the Federal\n"
      "Bureau of Investigation uses in its Integrated Automated Fingerprint Identification System.\n";
  CHECK(Paths(text) == std::vector<std::string>{"650.475", "650.475(1)", "650.475(2)"});
  const std::vector<Section> sections = FindSections(Doc(text));
  REQUIRE_FALSE(sections.empty());
  // The caption, its lines joined, heads the section (and lends its words to the items' context).
  CHECK(sections[0].heading.find("regarding citizenship or immigration") != std::string::npos);
  CHECK(sections[0].heading.find("rights of public employees.") != std::string::npos);
  const Extraction x = ExtractDocument(Rules(), Doc(text));
  std::vector<std::string> sharing;
  for (const Clause& c : x.clauses)
    if (c.topic == "information_sharing" && c.stance == Stance::kPermits) sharing.push_back(c.section);
  // (2) "may collect and share the identity of persons" names no status: the caption's "citizenship or immigration
  // status" alone does not make it a sharing of status (share_status_information wants the status in the sentence).
  CHECK(sharing == std::vector<std::string>{"650.475(1)"});
}

TEST_CASE("a code section's reference wrapped to a line's start numbers no section", "[extractors][sections][jurisdictions]") {
  // W. Va. Code 15-16-3 as a scan wraps it: "§15-16-1 of this code, ..." carries (a)(2) on; (b) stays (b).
  const std::string text =
      "§15-16-3. Mandatory duties of law enforcement agencies regarding immigration detainer.\n\n"
      "(a) A law enforcement agency that takes initial custody of a person subject to an immigration\n"
      "detainer shall:\n\n"
      "(1) Record in the person's case file that the person is subject to an immigration detainer; and\n"
      "(2) Upon determining that the immigration detainer is facially sufficient as defined by\n"
      "§15-16-1 of this code, comply with the requests made in the immigration detainer to the extent\n"
      "required by law.\n\n"
      "(b) A law enforcement agency is not required to perform a duty imposed by subsection (a) of\n"
      "this section with respect to a person who has been transferred to the custody of the agency.\n";
  CHECK(Paths(text) == std::vector<std::string>{"15-16-3", "15-16-3(a)", "15-16-3(a)(1)", "15-16-3(a)(2)", "15-16-3(b)"});
  const Extraction x = ExtractDocument(Rules(), Doc(text));
  std::vector<ClauseKey> detainer;
  for (const ClauseKey& k : Keys(x))
    if (std::get<0>(k) == "detainer_hold") detainer.push_back(k);
  CHECK(detainer == std::vector<ClauseKey>{{"detainer_hold", "requires", "15-16-3(a)(2)"}, {"detainer_hold", "permits", "15-16-3(b)"}});
  // A section so numbered with its heading after it still starts its path.
  CHECK(Paths("§15-16-1. Definitions.\n(a) \"Detainer\" means a request.\n") == std::vector<std::string>{"15-16-1", "15-16-1(a)"});
}

TEST_CASE("a text is in capitals when it has three letters and four in five are capitals", "[extractors][sections]") {
  using foiamine::extractors::internal::AllCapsText;
  CHECK(AllCapsText("ABCD e"));  // exactly 80%
  CHECK_FALSE(AllCapsText("ABC de"));
  CHECK_FALSE(AllCapsText("AB."));  // two letters
  CHECK(AllCapsText("1. DEFINITIONS"));
  CHECK_FALSE(AllCapsText("Officers shall not inquire"));
  // The counts as the ratio of capitals to letters, on texts where the
  // capitals come last (the scan's early stop must not cut them off).
  for (size_t lower = 0; lower < 6; ++lower)
    for (size_t upper = 0; upper < 30; ++upper) {
      const std::string text = std::string(lower, 'x') + " " + std::string(upper, 'X');
      const size_t letters = lower + upper;
      const bool want = letters >= 3 && static_cast<double>(upper) / static_cast<double>(letters) >= 0.8;
      INFO(text);
      CHECK(AllCapsText(text) == want);
    }
}

TEST_CASE("words are counted up to one past a limit", "[extractors][sections]") {
  using foiamine::extractors::internal::CountWords;
  const std::string line = "  The officer\tshall not  inquire about status ";
  CHECK(CountWords(line) == 7);
  CHECK(CountWords(line, 20) == 7);
  CHECK(CountWords(line, 7) == 7);
  CHECK(CountWords(line, 3) == 4);
  CHECK(CountWords(line, 0) == 1);
  CHECK(CountWords("", 0) == 0);
}

TEST_CASE("a numbered item that starts no list of its own closes the parenthesized items before it",
          "[extractors][sections]") {
  // a council resolution as a blog quotes it, from item 1's "(a)" on (Beacon, N.Y., 2017, shortened): "2." is the
  // resolution's item 2, not a list under "(c)" that would start at 2
  const std::vector<std::string> paths = Paths(
      "(a) Stop or arrest an individual based solely on actual or suspected immigration status;\n"
      "(b) Inquire about the immigration status of an individual; or\n"
      "(c) Perform the functions of a federal immigration officer.\n"
      "2. Detainer Requests. City employees shall decline to respond affirmatively to a civil immigration detainer.\n"
      "3. Information Requests. All City employees and officials shall:\n"
      "(a) Decline to respond affirmatively to requests from ICE for non-public information about an individual;\n");
  CHECK(paths == std::vector<std::string>{"(a)", "(b)", "(c)", "2.", "3.", "3.(a)"});
  // a list under a parenthesized item that starts at 1 is still its child
  CHECK(Paths("(a) The sheriff shall:\n1. Keep a record of each request;\n2. Report it.\n") ==
        std::vector<std::string>{"(a)", "(a)1.", "(a)2."});
}

// A list that starts at 1 under a lead-in's ':' nests under the lead-in's item, though an outer level is numbered
// alike (numbering.h LevelFor); the outer list carries on after it. Written for the test in a Wisconsin bill's form.
TEST_CASE("a list under a lead-in's colon nests under it, though an outer level is numbered alike", "[extractors][sections]") {
  const std::string text =
      "3. \"Detainer\" means a request of a federal immigration officer.\n"
      "4. \"Hold request\" means a request to hold a person.\n"
      "(b) No sheriff may assist a federal immigration officer in immigration enforcement.\n"
      "(c) No sheriff may engage in activities related to immigration enforcement, including the following:\n"
      "1. Inquiring into whether an individual has satisfactory immigration status.\n"
      "2. Detaining an individual on the basis of a hold request.\n"
      "5. \"Sheriff\" includes a deputy.\n";
  CHECK(Paths(text) == std::vector<std::string>{"3.", "4.", "4.(b)", "4.(c)", "4.(c)1.", "4.(c)2.", "5."});
  DocumentInput law = Doc(text);
  law.metadata.authority = "law";
  const Extraction x = ExtractDocument(Rules(), law);
  bool inquiry = false, hold = false;
  for (const Clause& c : x.clauses) {
    INFO(c.text);
    if (c.text.rfind("1. Inquiring", 0) == 0 && c.topic == "status_inquiry") inquiry = c.stance == Stance::kRestricts;
    if (c.text.rfind("2. Detaining", 0) == 0 && c.topic == "detainer_hold") hold = c.stance == Stance::kRestricts;
  }
  CHECK(inquiry);  // the lead-in's "No sheriff may" governs its items
  CHECK(hold);
  // An outer level still at 1, restated in full under a colon ("(1)(a)(i)", a code's page that prints each item's
  // whole path), is the same level, not a new list: no "(1)(a)(1)".
  for (const std::string& path : Paths("(1)(a) A law enforcement officer who cannot verify an identity:\n"
                                       "(1)(a)(i) shall request verification of immigration status; and\n"
                                       "(1)(a)(ii) may attempt to verify immigration status.\n"))
    CHECK(path.find("(a)(1)") == std::string::npos);
}

// A bill that amends a code section quotes each paragraph of the new text with an opening quotation mark (written for
// this test, in the form of a D.C. Council committee print): the mark is no part of the marker; every paragraph was
// cited as the bill's "Sec. 2" and their clauses ran together.
TEST_CASE("a bill's quotation mark before each paragraph it enacts is no part of the paragraph's marker", "[extractors][sections]") {
  const std::vector<std::string> paths = Paths(
      "\"(b)(1) The Department shall not continue to detain a person on the basis of a civil immigration detainer.\n"
      "\"(2) The Department shall not transfer a person to federal immigration custody.\n"
      "\"(c) No District employee shall inquire about immigration status.\n"
      "\xE2\x80\x9C(d) The Department shall not enter into any agreement under section 287(g).\n");
  CHECK(paths == std::vector<std::string>{"(b)", "(b)(1)", "(b)(2)", "(c)", "(d)"});
}

// A session law that adds a code chapter (written for this test in the form of a Vermont act): its "Sec. 1." runs into
// the code's title and abbreviation ("20 V.S.A. chapter 151A is added to read:"); read as prose, the code's sections
// had no open "Sec." beside them and the act's "Sec. 2." nested under "§ 2368" as "23682".
TEST_CASE("a session law's section that opens with a code's title number is a section", "[extractors][sections]") {
  const std::vector<std::string> paths = Paths(
      "No. 87. An act relating to immigration.\n\nSec. 1. 20 V.S.A. chapter 151A is added to read:\n\n"
      "\xC2\xA7 2368. LIMITS ON ENFORCEMENT\n\n(a) An officer shall not ask about immigration status.\n\n"
      "Sec. 2. REPORT\n\nThe Attorney General shall report.\n");
  CHECK(paths == std::vector<std::string>{"1", "2368", "2368(a)", "2"});
}
