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
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    ++files;
    const std::string text = ReadFile(e.path());
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      RequireAsPattern(text.substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
  CHECK(files > 5);
}
