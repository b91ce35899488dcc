// Section numbering inference (extractors/layout.cc) on synthetic text:
// numbering damaged by OCR, headings whose marker fits no sequence, and the
// section paths of statutes and codes of several jurisdictions.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

const Rulebook& Rules() {
  static const Rulebook rules = *LoadRulebook(ReadFile(SourceDir() / "schemas" / "rulebook.yaml"));
  return rules;
}

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
  CHECK(Paths("I. PURPOSE\nText.\n\nII. SCOPE\nText.\n\nIII. POLICY\nText.\n\n1V. DUTIES\nText.\n\n"
              "V. RECORDS\nText.\n\nV1. REVIEW\nText.\n") ==
        std::vector<std::string>{"I.", "II.", "III.", "IV.", "V.", "VI."});
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
