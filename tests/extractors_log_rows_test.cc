// A jail's log printed as a table (date, time, entry, and the writer's initials in the last column), as the
// extract stage gets it after normalization (runs of spaces folded): the initials are no words of the entry, and an
// entry's terse sentences ("No hold placed.", "Request denied - no judicial warrant.", "Declined to provide.") report
// what was done about the request the entry named a sentence or two before. Synthetic text, after the records
// office logs written for probes C and J (sessions 53 and 54).
#include <catch2/catch.hpp>

#include <string>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::testing::ClauseContaining;
using foiamine::testing::Doc;
using foiamine::testing::OfTopic;
using foiamine::testing::Rules;

namespace {

const char kLog[] =
    "DC DEPARTMENT OF CORRECTIONS\n"
    "RECORDS OFFICE - DAILY ACTIVITY LOG\n"
    "\n"
    "DATE TIME ENTRY STAFF\n"
    "10/02/23 0815 I-247A received by fax from ICE ERO WFO for BO\n"
    "resident A. Entered the code in JACCS. No hold placed.\n"
    "10/02/23 1030 ICE ERO Officer Ramirez called asking the BO\n"
    "release date for resident Arnold. Declined to provide; referred caller to OGC.\n"
    "10/05/23 0930 Case manager reports ICE ERO requested a video LH\n"
    "visit with resident Fenwick for a status interview. Request denied - no judicial warrant.\n"
    "10/06/23 1545 Shift end. LH\n";


}  // namespace

TEST_CASE("a log's initials column is cut off its rows", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc(kLog));
  REQUIRE_FALSE(x.clauses.empty());
  for (const Clause& c : x.clauses) {
    INFO(c.text);
    CHECK(c.text.find(" BO ") == std::string::npos);
    CHECK(c.text.find(" LH ") == std::string::npos);
  }
  const Clause* asked = ClauseContaining(x, "release_notification", "asking the release date");
  CHECK(asked != nullptr);
}

TEST_CASE("a log entry's terse sentences report what was done about the request named before", "[extractors][structure]") {
  const Extraction x = ExtractDocument(Rules(), Doc(kLog));
  const Clause* no_hold = ClauseContaining(x, "detainer_hold", "No hold placed");
  REQUIRE(no_hold != nullptr);
  CHECK(no_hold->stance == Stance::kReports);
  const Clause* declined = ClauseContaining(x, "release_notification", "Declined to provide");
  REQUIRE(declined != nullptr);
  CHECK(declined->stance == Stance::kReports);
  const Clause* denied = ClauseContaining(x, "facility_access", "Request denied");
  REQUIRE(denied != nullptr);
  CHECK(denied->stance == Stance::kReports);
}

TEST_CASE("a line in capitals keeps its last word: no log header, no initials", "[extractors][structure]") {
  // (a bill printed in capitals ends its lines with words of two to four capitals, "IN", "OF", "THE")
  const Extraction x = ExtractDocument(Rules(), Doc("INTRODUCED BY SENATOR SMITH\n"
                                                    "NO STATE OR LOCAL AGENCY SHALL PROVIDE RELEASE DATES TO FEDERAL IN\n"
                                                    "IMMIGRATION ENFORCEMENT ABSENT A JUDICIAL WARRANT, SIGNED BY A JUDGE OF\n"
                                                    "THE COURT. NO STATE OR LOCAL AGENCY SHALL HOLD ANY PERSON FOR ICE OF\n"
                                                    "ANY KIND.\n",
                                                    "law"));
  bool whole = false;
  for (const Clause& c : x.clauses)
    if (c.text.find("FEDERAL IN IMMIGRATION") != std::string::npos) whole = true;
  CHECK(whole);
}

TEST_CASE("an answer reads the sentence that set its question up", "[extractors][transcript]") {
  // (a hearing's transcript with margin line numbers, after the one written for probe J, session 54: the agency is named
  // in the sentence before the question, "Is that accurate?", and the answer's second sentence tells the help given)
  const Extraction x = ExtractDocument(
      Rules(), Doc(" 1   CHAIRPERSON QUINTERO: Thank you. Commander Szabo, MPD. In August of\n"
                   " 2   last year there was the incident on Columbia Road. My office was told\n"
                   " 3   an MPD officer directed traffic for an ICE team. Is that accurate?\n"
                   " 4   COMMANDER SZABO: It is, Madam Chair. An officer from the Third\n"
                   " 5   District did block a lane for about twelve minutes at the request of\n"
                   " 6   the agents. His sergeant pulled him off when she arrived.\n"
                   " 7   CHAIRPERSON QUINTERO: What does the special order say, exactly?\n"
                   " 8   COMMANDER SZABO: Members are not to provide perimeter or traffic\n"
                   " 9   control for a civil immigration operation.\n"
                   "10   CHAIRPERSON QUINTERO: Thank you, Commander.\n"
                   "11   COMMANDER SZABO: Thank you.\n"
                   "12   CHAIRPERSON QUINTERO: The hearing is adjourned.\n"));
  const Clause* lane = ClauseContaining(x, "enforcement_assistance", "did block a lane");
  REQUIRE(lane != nullptr);
  CHECK(lane->stance == Stance::kReports);
}
