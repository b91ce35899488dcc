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

TEST_CASE("a log's rows dated without a year, wrapped over lines, with staff codes in Title Case's staff column",
          "[extractors][structure]") {
  // A records office's daily log as a FOIA production prints it (written for a probe, session 55): "Date Time Code Entry
  // Staff", each row's entry wrapped onto a line of its own, the writer's code ("R-04") at the first line's end.
  const Extraction x = ExtractDocument(
      Rules(), Doc("RECORDS OFFICE - CENTRAL DETENTION FACILITY\n"
                   "DAILY ACTIVITY LOG (extract: entries coded FED-IMM)\n"
                   "\n"
                   "Date Time Code Entry Staff\n"
                   "----- ---- --------- --------------------------------------------- -----\n"
                   "03/02 0912 FED-IMM I-247A rec'd by fax for DCDC #405-117. Filed R-04\n"
                   "in inst. file, not entered on Holds screen.\n"
                   "03/14 1120 FED-IMM ICE ERO call re #406-802. R-03 read out the R-03\n"
                   "projected release date (03/21). Sup. notified.\n"
                   "03/20 1300 FED-IMM ICE fax requested booking photo and phone list R-04\n"
                   "for #406-802. Not sent; request fwd to OGC.\n"
                   "03/28 1515 FED-IMM #404-758 asked in writing to meet ICE. Form R-03\n"
                   "411-C signed; PDS attorney notified 03/28.\n"
                   "03/30 1610 MEDIA WUSA9 asked number of ICE detainers rec'd in Q1. R-02\n"
                   "Ref. to PIO.\n"));
  // Each row is one record: the request and what was done about it, no staff code between.
  const Clause* request = ClauseContaining(x, "information_sharing", "booking photo and phone list for #406-802. Not sent");
  REQUIRE(request != nullptr);
  CHECK(request->stance == Stance::kReports);
  CHECK(request->text.rfind("03/20 1300", 0) == 0);
  const Clause* date = ClauseContaining(x, "release_notification", "read out the projected release date");
  REQUIRE(date != nullptr);
  CHECK(date->text.rfind("03/14 1120", 0) == 0);
  for (const Clause& c : x.clauses) {
    INFO(c.text);
    CHECK(c.text.find("list R-04") == std::string::npos);
    CHECK(c.text.find("FED-IMM") == c.text.rfind("FED-IMM"));  // no row runs into the next
  }
}
