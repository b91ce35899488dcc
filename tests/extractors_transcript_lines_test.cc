// extractors/layout (transcript margin numbers) and the clause parts the
// matcher records: numbered transcript lines lose their numbers in sentence
// text but keep them as printed lines for pin cites; a sentence across a page
// break has one part per page.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "extractors/extract.h"
#include "extractors/page_lines.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;
using foiamine::testing::ShippedRulebookPath;

namespace {

const Rulebook& Rules() {
  static const Rulebook rules = [] {
    auto loaded = LoadRulebook(ReadFile(ShippedRulebookPath()));
    REQUIRE(loaded.ok());
    return std::move(*loaded);
  }();
  return rules;
}

// A transcript page: a running header, lines numbered from 1 in the margin
// (as OCR gives them: the number, spaces, the text), and a footer.
std::string TranscriptPage(int page, const std::vector<std::string>& lines) {
  std::string text = "Performance Oversight Hearing - March 7, 2024\n";
  for (size_t i = 0; i < lines.size(); ++i) text += std::to_string(i + 1) + "   " + lines[i] + "\n";
  return text + "CAPITOL REPORTING SERVICES (202) 555-0148 Page " + std::to_string(page);
}

DocumentInput Transcript() {
  DocumentInput in;
  in.metadata.authority = "practice";
  in.metadata.doc_kind = "transcript";
  in.pages.push_back(PageText{1, TranscriptPage(1, {
      "CHAIRPERSON OKAFOR: Deputy Director, does the",
      "Department still contact ICE before it releases a",
      "person who has a detainer?",
      "DEPUTY DIRECTOR TALLEY: Chairperson, I want to be",
      "accurate. In most detainer cases the records office",
      "still sends ERO an email the day before the release.",
      "CHAIRPERSON OKAFOR: And the police?",
      "ASSISTANT CHIEF QUARLES: Last fall, on two",
  })});
  in.pages.push_back(PageText{2, TranscriptPage(2, {
      "occasions, our officers drove ICE agents and two",
      "detained men from a traffic stop to the field office.",
      "CHAIRPERSON OKAFOR: Was that approved?",
      "ASSISTANT CHIEF QUARLES: It was approved by a watch",
      "commander.",
  })});
  return in;
}

// The clause of `topic` whose text holds `words`.
const Clause* FindClause(const Extraction& x, const std::string& topic, const std::string& words) {
  for (const Clause& c : x.clauses)
    if (c.topic == topic && c.text.find(words) != std::string::npos) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("transcript margin line numbers stay out of sentences and become the clause's printed lines",
          "[extractors][transcript]") {
  const DocumentInput in = Transcript();
  const Extraction x = ExtractDocument(Rules(), in);

  const Clause* email = FindClause(x, "release_notification", "sends ERO");
  REQUIRE(email != nullptr);
  CHECK(email->text == "In most detainer cases the records office still sends ERO an email the day before the release.");
  CHECK(email->page == 1);
  REQUIRE(email->parts.size() == 1);
  CHECK(email->parts[0].first_line == 5);
  CHECK(email->parts[0].last_line == 6);
  // The section names the printed line of the decisive words, as the corpus
  // labels do ("line 7" for "still sends ERO an email").
  CHECK(email->section == "line 6");
  // Offsets point at the words, past the margin number.
  CHECK(in.pages[0].text.substr(static_cast<size_t>(email->char_start), 7) == "In most");

  const Clause* drove = FindClause(x, "enforcement_assistance", "drove");
  REQUIRE(drove != nullptr);
  INFO(drove->text);
  CHECK(drove->text.find("Last fall, on two occasions, our officers drove ICE agents and two detained men") !=
        std::string::npos);
  CHECK(drove->text.find("two 1 ") == std::string::npos);
  CHECK(drove->text.find(" 2 detained") == std::string::npos);
  // It starts on page 1, line 8 and ends on page 2, line 2: one part per page. Its decisive words ("our officers
  // drove ICE agents") are printed on page 2: it is cited there.
  CHECK(drove->page == 2);
  CHECK(drove->crosses_page_break);
  REQUIRE(drove->parts.size() == 2);
  CHECK(drove->parts[0].page == 1);
  CHECK(drove->parts[0].first_line == 8);
  CHECK(drove->parts[0].last_line == 8);
  CHECK(drove->parts[1].page == 2);
  CHECK(drove->parts[1].first_line == 1);
  CHECK(drove->parts[1].last_line == 2);
  // ... on its line 1 (the citation names both ends of the passage: "Tr. 1:8-2:2").
  CHECK(drove->section == "line 1");
  // The continuation's span covers its words on page 2, not the margin number.
  const std::string& p2 = in.pages[1].text;
  CHECK(p2.substr(static_cast<size_t>(drove->parts[1].char_start), 9) == "occasions");
  CHECK(p2.substr(static_cast<size_t>(drove->parts[1].char_end) - 7, 7) == "office.");
  // Headers and footers stay out, as before.
  for (const Clause& c : x.clauses) {
    CHECK(c.text.find("CAPITOL") == std::string::npos);
    CHECK(c.text.find("Performance Oversight") == std::string::npos);
  }
}

TEST_CASE("numbers that do not run in sequence down the page are text, not transcript lines",
          "[extractors][transcript]") {
  DocumentInput in;
  in.metadata.authority = "practice";
  // A release log: entries numbered 101, 102 ... and counts at line starts.
  in.pages.push_back(PageText{1,
      "RELEASE DESK LOG\n"
      "12 inmates released on June 12.\n"
      "7 of them had detainers; the night clerk emailed ERO the discharge list.\n"
      "30 files were reviewed.\n"
      "4 holds were lifted.\n"
      "19 transfers were logged.\n"
      "2 writs were served.\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  const Clause* email = FindClause(x, "release_notification", "emailed");
  REQUIRE(email != nullptr);
  INFO(email->text);
  CHECK(email->text.find("7 of them had detainers") != std::string::npos);
  REQUIRE(email->parts.size() == 1);
  CHECK(email->parts[0].first_line == 0);
  CHECK(email->section.empty());
}

TEST_CASE("a bill's line numbers start again on each printed page of one text page and stay out of sentences",
          "[extractors][transcript]") {
  DocumentInput in;
  in.metadata.authority = "law";
  // One text page holding two printed pages, each numbered from 1 (as a bill's text export prints them).
  std::string text = "HOUSE BILL 9999\n";
  for (int i = 1; i <= 12; ++i) text += std::to_string(i) + " Section " + std::to_string(i) + " of the bill concerns fees.\n";
  text += "START OF PAGE 2\n";
  text += "1 (B) A county sheriff may not enter into an agreement with\n";
  text += "2 Immigration and Customs Enforcement under 8 U.S.C. 1357(g).\n";
  for (int i = 3; i <= 8; ++i) text += std::to_string(i) + " The clerk keeps the record number " + std::to_string(i) + ".\n";
  in.pages.push_back(PageText{1, text});
  const Extraction x = ExtractDocument(Rules(), in);
  const Clause* agreement = FindClause(x, "agreements", "may not enter into");
  REQUIRE(agreement != nullptr);
  INFO(agreement->text);
  CHECK(agreement->text.find("with Immigration and Customs Enforcement") != std::string::npos);  // no "2" between
  CHECK(agreement->stance == Stance::kRestricts);
}

TEST_CASE("a sentence across a page break has a part on each page, the running header and footer left out",
          "[extractors][clauses]") {
  DocumentInput in;
  in.metadata.agency = "MPD";
  in.metadata.authority = "policy";
  in.pages.push_back(PageText{1,
      "METROPOLITAN POLICE DEPARTMENT EXECUTIVE ORDER EO-99-001\n"
      "IV. REGULATIONS\n"
      "C. Assistance.\n"
      "1. Members may assist federal immigration agency employees with traffic control and\n"
      "EO-99-001 Page 1 of 2"});
  in.pages.push_back(PageText{2,
      "METROPOLITAN POLICE DEPARTMENT EXECUTIVE ORDER EO-99-001\n"
      "perimeter security during an enforcement operation in public space.\n"
      "2. Members shall activate their body-worn cameras.\n"
      "EO-99-001 Page 2 of 2"});
  const Extraction x = ExtractDocument(Rules(), in);
  const Clause* assist = FindClause(x, "enforcement_assistance", "traffic");
  REQUIRE(assist != nullptr);
  CHECK(assist->text ==
        "1. Members may assist federal immigration agency employees with traffic control and perimeter security "
        "during an enforcement operation in public space.");
  CHECK(assist->page == 1);
  CHECK(assist->section == "IV.C.1.");
  CHECK(assist->crosses_page_break);
  REQUIRE(assist->parts.size() == 2);
  const std::string& p1 = in.pages[0].text;
  const std::string& p2 = in.pages[1].text;
  CHECK(p1.substr(static_cast<size_t>(assist->parts[0].char_start),
                  static_cast<size_t>(assist->parts[0].char_end - assist->parts[0].char_start)) ==
        "1. Members may assist federal immigration agency employees with traffic control and");
  CHECK(assist->parts[1].page == 2);
  CHECK(p2.substr(static_cast<size_t>(assist->parts[1].char_start),
                  static_cast<size_t>(assist->parts[1].char_end - assist->parts[1].char_start)) ==
        "perimeter security during an enforcement operation in public space.");
  CHECK(assist->parts[0].first_line == 0);
}

TEST_CASE("a line-numbered bill's clause cites its section, not the printed line", "[extractors][transcript]") {
  // Maryland bills number every line in the margin (H.B. 495, 2026, shortened); the lines stay out of the text
  // as a transcript's do, but the bill's own section is what a lawyer cites.
  DocumentInput in;
  in.metadata.authority = "law";
  in.pages.push_back(PageText{1, "HOUSE BILL 495\n"
                                 "1   2-104.3.\n"
                                 "2   (A) IN THIS SECTION THE FOLLOWING WORDS HAVE THE MEANINGS INDICATED.\n"
                                 "3   (B) A PERSON MAY NOT MAKE AN IMMIGRATION ARREST OF AN INDIVIDUAL WHILE THE\n"
                                 "4   INDIVIDUAL IS ATTENDING A COURT PROCEEDING.\n"
                                 "5   (C) A LAW ENFORCEMENT AGENCY SHALL NOT HONOR AN IMMIGRATION DETAINER.\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  REQUIRE_FALSE(x.clauses.empty());
  for (const Clause& c : x.clauses) {
    INFO(c.text);
    CHECK(c.section.rfind("2-104.3(", 0) == 0);
    REQUIRE_FALSE(c.parts.empty());
    CHECK(c.parts[0].first_line >= 3);  // the printed lines are still kept for a pin cite
  }
}

TEST_CASE("only a line opening with a digit, 'l' or '|' is asked for a margin number", "[extractors][transcript]") {
  // MayOpenWithMarginNumber never refuses a line the pattern reads a number at the start of: every string of up
  // to five bytes over the bytes that matter (and a few that do not).
  static const RE2 kNumber(foiamine::extractors::internal::kMarginNumberPattern);
  const std::string alphabet = "0l|I \nx";
  foiamine::testing::ForEachString(alphabet, 5, [](const std::string& s) {
    re2::StringPiece in(s);
    INFO('"' << s << '"');
    if (!foiamine::extractors::internal::MayOpenWithMarginNumber(s)) REQUIRE_FALSE(RE2::Consume(&in, kNumber));
  });
  CHECK(foiamine::extractors::internal::MayOpenWithMarginNumber("12 THE CHAIR: Thank you."));
  CHECK_FALSE(foiamine::extractors::internal::MayOpenWithMarginNumber("THE CHAIR: Thank you."));
}

TEST_CASE("a running line's key is a page number exactly where the page number pattern says so", "[extractors][transcript]") {
  static const RE2 kPageNumber(foiamine::extractors::internal::kPageNumberKeyPattern);
  const auto require_as_pattern = [](const std::string& key) {
    INFO('"' << key << '"');
    REQUIRE(foiamine::extractors::internal::IsPageNumberKey(key) == RE2::FullMatch(key, kPageNumber));
  };
  CHECK(foiamine::extractors::internal::IsPageNumberKey("page # of #"));
  CHECK(foiamine::extractors::internal::IsPageNumberKey("- # -"));
  CHECK_FALSE(foiamine::extractors::internal::IsPageNumberKey("document # - page # of #"));
  // Every key of up to seven bytes over the bytes of the pattern's words and separators, a letter of none, and a
  // non-ASCII byte; the pattern's own shapes; every key of up to nine bytes over "p#-/ ".
  foiamine::testing::ForEachString("pag#e -o/f.x\xC2", 5, require_as_pattern);
  foiamine::testing::ForEachString("p#-/ .", 7, require_as_pattern);
  for (const char* key : {"page #", "page # of #", "page #/#", "#/#", "# of #", "#", "- # -", "p. #", "p.#",
                                 "page#of#", "-#-", "page # of # x", "x page #", "page", "p.", "- #", "# -"})
    require_as_pattern(key);
}

TEST_CASE("a Wisconsin bill's drafting locators and glued line numbers stay out of its sentences and sections",
          "[extractors][transcript]") {
  // Wisconsin's bills as their PDFs' text layer gives them (written for the test in that form): a drafting locator
  // at each paragraph's start ("AB900,2,4", "AB900, s. 1"), sometimes alone on its line, the line number glued to the
  // locator's last number ("AB900,2,43": locator 2,4, line 3) or to the line's first word ("5sheriff"), a number
  // glued to a section number ("466.0999": line 4 of section 66.0999), numbering that starts again at 1 on the next
  // printed page, and the bill's analysis, which has no line numbers.
  DocumentInput in;
  in.metadata.authority = "law";
  in.pages.push_back(PageText{1,
                              "2027 - 2028 LEGISLATURE\n"
                              "AB900,1,2 1An Act to create 66.0999 of the statutes; relating to: cooperation with\n"
                              "2federal immigration officials.\n"
                              "Analysis by the Legislative Reference Bureau\n"
                              "This bill limits what a sheriff may do for federal immigration officials.\n"
                              "The people of the state of Wisconsin, represented in senate and assembly, do\n"
                              "enact as follows:\n"
                              "AB900, s. 1 3Section 1. 66.0999 of the statutes is created to read:\n"
                              "AB900,1,5 466.0999 Immigration holds. (1) Definitions. In this\n"
                              "5section, \"hold request\" means a request of a federal immigration officer.\n"
                              "AB900,2,1\n"
                              "1(2) Holds. No sheriff may hold an individual in custody solely on the basis of\n"
                              "2a hold request.\n"
                              "AB900,2,43 (3) Notice. No sheriff may notify a federal immigration officer of an\n"
                              "4individual's release date.\n"
                              "AB900,2,65 (4) Effect. This section does not apply to a judicial warrant.\n"
                              "AB900,2,76 (End)\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  const Clause* hold = FindClause(x, "detainer_hold", "No sheriff may hold");
  REQUIRE(hold != nullptr);
  CHECK(hold->text == "No sheriff may hold an individual in custody solely on the basis of a hold request.");
  CHECK(hold->section == "66.0999(2)");
  CHECK(hold->stance == Stance::kRestricts);
  const Clause* notice = FindClause(x, "release_notification", "No sheriff may notify");
  REQUIRE(notice != nullptr);
  CHECK(notice->text == "No sheriff may notify a federal immigration officer of an individual's release date.");
  CHECK(notice->section == "66.0999(3)");
  for (const Clause& c : x.clauses) {
    INFO(c.text);
    CHECK(c.text.find("AB900") == std::string::npos);
  }
}

TEST_CASE("a number glued to a line's first word is a margin number only where the sequence expects it",
          "[extractors][transcript]") {
  // Prose whose lines open with ordinals and times: no sequence, nothing cut.
  DocumentInput in;
  in.metadata.authority = "policy";
  in.metadata.doc_kind = "policy";
  in.pages.push_back(PageText{1,
                              "1st Precinct officers shall not ask about immigration status.\n"
                              "2nd Precinct officers shall not ask about immigration status either.\n"
                              "12:30 is when the shift ends.\n"
                              "4th Precinct officers shall not ask about immigration status.\n"
                              "5th Precinct officers shall not ask about immigration status.\n"
                              "6th Precinct officers shall not ask about immigration status.\n"});
  const Extraction x = ExtractDocument(Rules(), in);
  REQUIRE_FALSE(x.clauses.empty());
  bool first = false;
  for (const Clause& c : x.clauses) first = first || c.text.rfind("1st Precinct", 0) == 0;
  CHECK(first);
}

TEST_CASE("a scanned transcript page whose OCR dropped its one-digit margin numbers is numbered from its 'Page N' line",
          "[extractors][transcript]") {
  // (a hearing's first page as the OCR of a 150-dpi scan gave it, after the transcript written for probe J, session 54:
  // the caption above, then "Page 41", nine lines without their numbers, then "10" on)
  std::string text =
      "COUNCIL OF THE DISTRICT OF COLUMBIA\nCOMMITTEE ON THE JUDICIARY AND PUBLIC SAFETY\n\n"
      "PERFORMANCE OVERSIGHT HEARING ON THE\nDEPARTMENT OF CORRECTIONS\n\nWednesday, February 21, 2024\n10:04 a.m.\n"
      "John A. Wilson Building, Room 500\n\nPRESENT: Councilmember Marisol Quintero, Chairperson\n"
      "Councilmember Terrence Ellison\n\nPage 41\n"
      "CHAIRPERSON QUINTERO: Director, I want to turn to immigration\n"
      "detainers. How many did the Department honor in fiscal year '23?\n"
      "DIRECTOR FAIRBANKS: None, Madam Chair. We received a little over a\n"
      "hundred and twenty civil detainers and we did not hold anyone on any\n"
      "of them. People were released at their normal time.\n"
      "CHAIRPERSON QUINTERO: And notifications? Calling ICE to say someone is\n"
      "about to walk out the door?\n"
      "DIRECTOR FAIRBANKS: Our policy is that we do not notify ICE of a\n"
      "release unless there is a judicial warrant. I do have to be candid\n";
  const char* rest[] = {"with the Committee. There were two occasions last year where a records",
                        "technician gave a release date over the phone to someone who turned",
                        "out to be with ICE. Both were reported up the same day.",
                        "CHAIRPERSON QUINTERO: Did ICE come to the jail with warrants?",
                        "DIRECTOR FAIRBANKS: We have not let ICE into a housing unit, and",
                        "we have turned down every request for a video interview."};
  for (int i = 0; i < 6; ++i) text += std::to_string(10 + i) + " " + rest[i] + "\n";
  DocumentInput in;
  in.metadata.authority = "practice";
  in.pages.push_back(PageText{1, text});
  const Extraction x = ExtractDocument(Rules(), in);
  const Clause* held = FindClause(x, "detainer_hold", "did not hold anyone");
  REQUIRE(held != nullptr);
  CHECK(held->section == "line 4");
  const Clause* housing = FindClause(x, "facility_access", "housing unit");
  REQUIRE(housing != nullptr);
  CHECK(housing->section == "line 14");
  CHECK(housing->text.find("14 ") == std::string::npos);  // the number is the margin's, not the sentence's
}

TEST_CASE("lines above a first margin number are not numbered without a 'Page N' line right above them",
          "[extractors][transcript]") {
  std::string text = "MINUTES\n\nThe board met at noon.\nMembers present: five.\n";
  for (int i = 0; i < 8; ++i) text += std::to_string(10 + i) + " Staff shall not hold any inmate on an ICE detainer, item " + std::to_string(i) + ".\n";
  DocumentInput in;
  in.metadata.authority = "policy";
  in.pages.push_back(PageText{1, text});
  const Extraction x = ExtractDocument(Rules(), in);
  REQUIRE_FALSE(x.clauses.empty());  // (the items are clauses: the check below reads their citations)
  for (const Clause& c : x.clauses) CHECK(c.section != "line 1");
}
