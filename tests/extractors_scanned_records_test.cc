// D.C. records of a FOIA production as Tesseract reads their scans (a records office's log, an inspector general's
// audit, a police teletype) and an e-mail thread exported with its reply quoting: the clause a reader finds on the page
// is found, and cited where it stands, in that text too. Every text is written for these tests, after the probe
// documents of session 55 scanned at 150 dpi (their OCR readings: a blank line inside a log's row, a speck read as an
// underscore, "Ill." for a first part "III.", "3.." for "3.").
#include <catch2/catch.hpp>

#include <string>

#include "extractors/extract.h"
#include "tests/extraction_test_helpers.h"

using namespace foiamine::extractors;
using foiamine::testing::ClauseContaining;
using foiamine::testing::Doc;
using foiamine::testing::Rules;

TEST_CASE("a scanned log's row whose wrapped text OCR set apart by a blank line is one record", "[extractors][scanned]") {
  const Extraction x = ExtractDocument(
      Rules(), Doc("RECORDS OFFICE - DAILY ACTIVITY LOG\n\n"
                   "Date Time Code Entry Staff\n\n"
                   "03/02 0912 FED-IMM _I-247A rec'd by fax for DCDC #405-117. Filed R-04\n"
                   "in inst. file, not entered on Holds screen.\n\n"
                   "03/06 1044 FED-IMM _ICE ERO caller asked release date for #405-117. R-04\n\n"
                   "Caller told DOC does not provide; ref. to OGC.\n\n"
                   "03/08 1410 OTHER-JUR Fairfax Co., VA warrant lodged as detainer for R-01\n"
                   "#407-330; VA notified of release per IAD.\n"));
  // The row's request and its answer are one record, the staff code cut off.
  const Clause* asked = ClauseContaining(x, "release_notification", "asked release date for #405-117. Caller told");
  REQUIRE(asked != nullptr);
  CHECK(asked->stance == Stance::kReports);
  CHECK(asked->text.find("R-04") == std::string::npos);
  // The speck before "I-247A" is no part of the form's name: the detainer is read, and not entered as a hold.
  const Clause* filed = ClauseContaining(x, "detainer_hold", "not entered on Holds screen");
  REQUIRE(filed != nullptr);
  CHECK(filed->stance == Stance::kReports);
}

TEST_CASE("a scanned excerpt's first part read \"Ill.\" is part III, a clean \"II.\" stays II", "[extractors][scanned]") {
  const Extraction audit = ExtractDocument(
      Rules(), Doc("OFFICE OF THE INSPECTOR GENERAL\nAUDIT OF RELEASE PRACTICES FOR RESIDENTS SUBJECT TO DETAINERS\n\n"
                   "Page 7\nIll. RESULTS OF AUDIT\n\n"
                   "Finding 3. Records Office telephone logs show that on five occasions a Legal Instruments Examiner "
                   "told an ICE caller the date on which a resident would be released.\n\n"
                   "IV. RECOMMENDATIONS\n\nWe recommend that the Director retrain staff.\n"));
  const Clause* told = ClauseContaining(audit, "release_notification", "told an ICE caller the date");
  REQUIRE(told != nullptr);
  CHECK(told->section == "III.");
}

TEST_CASE("a scanned teletype's part number with a speck for a second point (\"3..\") opens its part", "[extractors][scanned]") {
  const Extraction order = ExtractDocument(
      Rules(), Doc("METROPOLITAN POLICE DEPARTMENT - TELETYPE MESSAGE\n"
                   "SUBJECT: CONTACTS WITH FEDERAL IMMIGRATION AUTHORITIES\n\n"
                   "2. POLICY\n\nA. MEMBERS SHALL NOT STOP OR DETAIN ANY PERSON TO ENFORCE CIVIL IMMIGRATION LAW.\n\n"
                   "3.. PROCEDURES\n\n"
                   "A. A MEMBER CONTACTED BY ICE PERSONNEL FOR ASSISTANCE SHALL NOTIFY THE FIELD SUPERVISOR.\n"));
  const Clause* contacted = ClauseContaining(order, "enforcement_assistance", "CONTACTED BY ICE PERSONNEL");
  REQUIRE(contacted != nullptr);
  CHECK(contacted->section == "3.A.");
  // ... and a point after a parenthesized item's letter ("(b). An immigration hold ...", a custody policy's scan)
  const Extraction policy = ExtractDocument(
      Rules(), Doc("SHERIFF'S OFFICE CUSTODY MANUAL\n\n428.3 IMMIGRATION HOLDS\n\n"
                   "(a) Custody staff shall not keep an inmate in custody past his or her release time because ICE has "
                   "lodged an immigration hold.\n\n"
                   "(b). An immigration hold that is supported by a judicial warrant may be honored.\n"));
  const Clause* honored = ClauseContaining(policy, "judicial_warrant", "supported by a judicial warrant");
  REQUIRE(honored != nullptr);
  CHECK(honored->section == "428.3(b)");
}

TEST_CASE("an e-mail thread's reply quoting is cut: quoted headers are fields, quoted sentences read whole",
          "[extractors][structure]") {
  const Extraction thread = ExtractDocument(
      Rules(), Doc("From: Records Office Supervisor (DOC)\n"
                   "To: Deportation Officer, ICE ERO Washington Field Office\n"
                   "Subject: RE: RE: I-247A - DCDC #412-908\n\n"
                   "DOC is not in a position to confirm any release date.\n\n"
                   "> -----Original Message-----\n"
                   "> From: Records Office Supervisor (DOC)\n"
                   "> Sent: Thursday, February 8, 2024 11:03 AM\n"
                   "> Subject: RE: I-247A - DCDC #412-908\n"
                   ">\n"
                   "> Good morning. The Department does not share court movements or release\n"
                   "> information with ICE. As to your request for an interview on\n"
                   "> Monday, DOC will not schedule an ICE interview with a resident without a\n"
                   "> judicial warrant.\n"
                   ">\n"
                   "> > DOC received the attached Form I-247A on 1/31/2024. Under D.C. Code\n"
                   "> > 24-211.07, the Department will not honor this detainer.\n"));
  const Clause* interview = ClauseContaining(thread, "judicial_warrant", "will not schedule an ICE interview with a resident without a judicial warrant");
  REQUIRE(interview != nullptr);
  CHECK(interview->text.rfind("As to your request", 0) == 0);  // no quoted header glued on before it
  const Clause* honor = ClauseContaining(thread, "detainer_hold", "the Department will not honor this detainer");
  REQUIRE(honor != nullptr);
  CHECK(honor->text.find('>') == std::string::npos);
  for (const Clause& c : thread.clauses) {
    INFO(c.text);
    CHECK(c.text.find("Original Message") == std::string::npos);
    CHECK(c.text.find("Sent:") == std::string::npos);
  }
}

TEST_CASE("a scanned e-mail thread's quoting as OCR reads it: \">From:\" with no space, a blank line inside a sentence",
          "[extractors][scanned]") {
  const Extraction thread = ExtractDocument(
      Rules(), Doc("Subject: RE: RE: I-247A - DCDC #412-908\n\n"
                   "> -----Original Message-----\n\n"
                   ">From: . Records Office Supervisor (DOC)\n\n"
                   ">Sent: Thursday, February 8, 2024 11:03 AM\n\n"
                   "> Good morning. The Department does not share release information with ICE.\n"
                   "> As to your request for a 30-minute interview on\n\n"
                   "> Monday, DOC will not schedule an ICE interview with a resident without a\n"
                   "> judicial warrant.\n"));
  const Clause* interview = ClauseContaining(thread, "judicial_warrant", "without a judicial warrant");
  REQUIRE(interview != nullptr);
  CHECK(interview->text.rfind("As to your request for a 30-minute interview on Monday, DOC will not", 0) == 0);
  for (const Clause& c : thread.clauses) {
    INFO(c.text);
    CHECK(c.text.find("From:") == std::string::npos);
  }
}

TEST_CASE("a scanned roman part number with a stroke read twice (\"Vv.\") is the part its sequence expects",
          "[extractors][scanned]") {
  const Extraction order = ExtractDocument(
      Rules(), Doc("PORT ALDER POLICE DEPARTMENT GENERAL ORDER 4.12\nIMMIGRATION STATUS AND FEDERAL AGENTS\n\n"
                   "IV. RULES\n\nA. Status. Officers shall not ask about any person's immigration status.\n\n"
                   "Vv. PROCEDURES\n\n"
                   "A. Requests for help. Any request by a federal immigration agent for Department assistance in the "
                   "field shall be routed to the on-duty Watch Commander.\n"));
  const Clause* routed = ClauseContaining(order, "enforcement_assistance", "Any request by a federal immigration agent");
  REQUIRE(routed != nullptr);
  CHECK(routed->section == "V.A.");
}
