// The tests that tell a heading from text (extractors/heading_text.h).
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/heading_text.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// Words counted a byte at a time, as CountWords counts them eight at a time.
size_t CountWordsByteByByte(std::string_view s, size_t limit) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word && ++words > limit) break;
    in_word = !space;
  }
  return words;
}

void RequireWordsAsByteByByte(std::string_view s) {
  INFO('"' << s << '"');
  for (size_t limit : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{8}, size_t{10}, SIZE_MAX})
    REQUIRE(CountWords(s, limit) == CountWordsByteByByte(s, limit));
}

}  // namespace

TEST_CASE("words are counted eight bytes at a time as one at a time", "[extractors]") {
  CHECK(CountWords("1. PROCEDURES") == 2);
  CHECK(CountWords("  a\tb  c ", 1) == 2);
  CHECK(CountWords("") == 0);
  // Every string of up to eight bytes over a space, a tab, a letter, the two bytes one bit from a space and a tab
  // (0xA0, 0x89), which a byte test that ignored the high bit would take for them, and the byte after a space
  // ('!'), which one that borrowed across bytes would; then strings after a prefix of one to seven bytes, so
  // that every position in the eight-byte blocks is held.
  foiamine::testing::ForEachString(" \ta\xA0\x89!", 8, [](const std::string& s) { RequireWordsAsByteByByte(s); });
  foiamine::testing::ForEachString(" a\t", 8, [](const std::string& s) {
    for (const char* prefix : {"x", " ", "x ", "xx x", "x x x ", "xxxxxx ", "  x  x "}) RequireWordsAsByteByByte(prefix + s);
  });
  std::mt19937 random(11);
  const std::string bytes("  \t\tabZ.\xA0\x89\0\xFF!\x08", 14);
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    for (int k = std::uniform_int_distribution<int>(0, 120)(random); k > 0; --k)
      text += bytes[std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(random)];
    RequireWordsAsByteByByte(text);
  }
  CHECK(foiamine::testing::ForEachCorpusLine([](const std::string& line) { RequireWordsAsByteByByte(line); }) > 5);
}

namespace {

void RequireRunOnAsPattern(const std::string& s) {
  static const RE2 kRunsOn(kRunOnWordPattern);
  INFO('"' << s << '"');
  REQUIRE(EndsOnRunOnWord(s) == RE2::PartialMatch(s, kRunsOn));
}

}  // namespace

TEST_CASE("a line stops on a word that runs on exactly where the run-on pattern says so", "[extractors]") {
  CHECK(EndsOnRunOnWord("THE SHERIFF SHALL"));
  CHECK(EndsOnRunOnWord("IMMIGRATION DETAINERS AND"));
  CHECK_FALSE(EndsOnRunOnWord("IMMIGRATION DETAINERS"));
  // (?i) folds a long s onto 's', and \b takes it for no word byte: "X\u017FHALL" ends on "SHALL", " \u017FHALL" does not.
  CHECK(EndsOnRunOnWord("NO OFFICERX\xC5\xBFHALL"));
  CHECK_FALSE(EndsOnRunOnWord("NO OFFICER \xC5\xBFHALL"));
  // Every word of the pattern, in other cases, with a long s for its 's', cut and lengthened, after each kind of
  // byte; every string of up to six bytes over some of its letters, a word byte and a space, a long s's bytes.
  const std::vector<std::string> words = {"or", "and", "nor", "the", "of", "a", "an", "to", "for", "in", "by",
                                          "with", "that", "any", "shall", "may", "SHALL", "Shall", "sHaLl", "ANY",
                                          "\xC5\xBFhall", "\xC5\xBF" "HALL", "shal", "hall", "shalls", "theor", "ors"};
  for (const std::string& word : words)
    for (const char* before : {"", " ", "x", "X", "_", "1", "-", "(", "\xC5\xBF", "\xC2\xA7", "\xE2\x84\xAA", "THE "})
      for (const char* after : {"", "s", " ", ".", "\xC5\xBF"}) RequireRunOnAsPattern(before + word + after);
  foiamine::testing::ForEachString("aonRy_1 \xC5\xBF", 6, RequireRunOnAsPattern);
  foiamine::testing::ForEachString("shaLlm", 7, RequireRunOnAsPattern);
  CHECK(foiamine::testing::ForEachCorpusLine([](const std::string& line) { RequireRunOnAsPattern(line); }) > 5);
}
