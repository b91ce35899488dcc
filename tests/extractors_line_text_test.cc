// What one printed line's text says about its place in the reading (extractors/line_text.h).
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "extractors/line_text.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// StartsWithDate is kLineDatePattern, its test of the first byte only skipping lines the pattern cannot match.
void RequireAsPattern(const std::string& line) {
  static const RE2 kDate(kLineDatePattern);
  INFO('"' << line << '"');
  REQUIRE(StartsWithDate(line) == RE2::PartialMatch(line, kDate));
}

}  // namespace

TEST_CASE("a line opens with a date exactly where the date pattern says so", "[extractors]") {
  CHECK(StartsWithDate("03/02/2020 0815 Inmate released to ICE"));
  CHECK(StartsWithDate("- 2020-03-02 hold lodged"));
  CHECK_FALSE(StartsWithDate("On 03/02/2020 the inmate was released"));
  // Every string of up to six bytes over a letter, '_', a digit, the date's separators, a space, '(' and the bytes
  // of a non-ASCII code point (U+00A7, U+2013), which \W takes whole.
  const std::string alphabet = "a_1/- (\xC2\xA7\xE2\x80\x93";
  foiamine::testing::ForEachString(alphabet, 6, [](const std::string& s) { RequireAsPattern(s); });
  RequireAsPattern("");
  // Dates after up to two other characters, and lines that only look like them.
  const std::vector<std::string> starts = {"", "-", "--", "(", "* ", "\xE2\x80\xA2 ", "A", "_", "a ", "\xC2\xA7"};
  const std::vector<std::string> dates = {"3/2/20", "03/02/2020", "2020-03-02", "12/31/99 x", "2020-3-02", "1/2/3",
                                          "2020-03-021", "Date"};
  for (const std::string& a : starts)
    for (const std::string& d : dates) RequireAsPattern(a + d);
  CHECK(foiamine::testing::ForEachCorpusLine([](const std::string& line) { RequireAsPattern(line); }) > 5);
}

namespace {

// EndsWithCitationLead is kCitationLeadPattern; its byte tests only skip lines the pattern cannot match.
void RequireCitationLeadAsPattern(const std::string& line) {
  static const RE2 kLead(kCitationLeadPattern);
  INFO('"' << line << '"');
  REQUIRE(EndsWithCitationLead(line) == RE2::PartialMatch(line, kLead));
}

}  // namespace

TEST_CASE("a line ends on a citation's lead exactly where the lead pattern says so", "[extractors]") {
  CHECK(EndsWithCitationLead("appointed pursuant to Article"));
  CHECK(EndsWithCitationLead("as defined in 8 U.S.C."));
  CHECK(EndsWithCitationLead("under sub\xC5\xBF" "ection"));  // a long s, which (?i) folds onto 's'
  CHECK_FALSE(EndsWithCitationLead("to the facility."));
  // Every ending the pattern allows, in other cases, with a long s or a Kelvin sign for an 's' or a 'k', cut short
  // and lengthened, after each kind of word or byte.
  const std::vector<std::string> endings = {"section", "sections", "subsection", "subsections", "paragraph",
                                            "paragraphs", "no.", "nos.", "U.S.C.", "U. S. C.", "U.S. C.", "U. S.C.", "C.F.R.", "C.F. R.", "C. F. R.",
                                            "C. F.R.", "article", "articles", "title", "titles", "chapter", "chapters",
                                            "part", "parts", "\xC2\xA7", "\xC2\xA7\xC2\xA7"};
  const std::vector<std::string> befores = {"", " ", "to ", "of ", "under ", "in ", "x", "see ", "\xC5\xBF", "(", "8 "};
  for (const std::string& ending : endings) {
    std::vector<std::string> variants = {ending, ending + "s", ending + ".", ending + " ", "x" + ending};
    std::string upper = ending;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    variants.push_back(upper);
    for (size_t cut = 1; cut < ending.size(); ++cut) variants.push_back(ending.substr(cut));
    for (size_t i = 0; i < ending.size(); ++i) {
      if (ending[i] == 's' || ending[i] == 'S') variants.push_back(ending.substr(0, i) + "\xC5\xBF" + ending.substr(i + 1));
      if (ending[i] == 'c' || ending[i] == 'C') variants.push_back(ending.substr(0, i) + "\xE2\x84\xAA" + ending.substr(i + 1));
    }
    for (const std::string& before : befores)
      for (const std::string& variant : variants) RequireCitationLeadAsPattern(before + variant);
  }
  // Every string of up to six bytes over the bytes the tests read: the endings' last letters in both cases, '.',
  // a space and the bytes of a long s; random lines; the corpus lines.
  foiamine::testing::ForEachString("sSnc.o \xC5\xBF", 6, RequireCitationLeadAsPattern);
  std::mt19937 random(9);
  const std::string bytes = "sectionparagh. SCFRU\xC5\xBF\xC2\xA7";
  for (int i = 0; i < 100000; ++i) {
    std::string line;
    for (int k = std::uniform_int_distribution<int>(1, 16)(random); k > 0; --k)
      line += bytes[std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(random)];
    RequireCitationLeadAsPattern(line);
  }
  CHECK(foiamine::testing::ForEachCorpusLine([](const std::string& line) { RequireCitationLeadAsPattern(line); }) > 5);
}

TEST_CASE("a line's last character is read past a speck the scanner read as a lone quote", "[extractors]") {
  // (a 150-dpi scan of a police general order: "... members do not stop," / "question, '" / "" / "detain, or arrest ...")
  CHECK(LastCharPastSpeck("question, '") == ',');
  CHECK(LastCharPastSpeck("question, `") == ',');
  CHECK(LastCharPastSpeck("the officers' '") == '\'');
  CHECK(LastCharPastSpeck("the officers'") == '\'');
  CHECK(LastCharPastSpeck("released.") == '.');
  CHECK(LastCharPastSpeck("") == '.');
}
