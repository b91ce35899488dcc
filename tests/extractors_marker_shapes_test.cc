// The shapes of the markers a line may open with (extractors/marker_shapes.h), each held to the pattern it reads.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "extractors/marker_shapes.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;

namespace {

// Every line of the corpus texts.
// Every line of the corpus truth texts.
void ForEachCorpusLine(const std::function<void(const std::string&)>& visit) {
  CHECK(foiamine::testing::ForEachCorpusLine(visit) > 5);
}

void ForRandomLines(const std::string& bytes, int longest, unsigned seed, const std::function<void(const std::string&)>& visit) {
  std::mt19937 random(seed);
  for (int i = 0; i < 100000; ++i) {
    std::string line;
    for (int k = std::uniform_int_distribution<int>(1, longest)(random); k > 0; --k)
      line += bytes[std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(random)];
    visit(line);
  }
}

}  // namespace

namespace {

// The byte tests in front of ParseMarker's code section patterns refuse only lines those patterns cannot match.
void RequireNoMissedNumber(const std::string& line) {
  static const RE2 kDashed(kDashedSectionPattern), kTitle(kTitleSectionPattern),
      kDecimal(kDecimalSectionPattern);
  INFO('"' << line << '"');
  if (!MayOpenWithDashedNumber(line)) {
    REQUIRE_FALSE(RE2::PartialMatch(line, kDashed));
    REQUIRE_FALSE(RE2::PartialMatch(line, kTitle));
  }
  if (!MayOpenWithDecimalNumber(line)) REQUIRE_FALSE(RE2::PartialMatch(line, kDecimal));
}

}  // namespace

TEST_CASE("the byte tests before the code section patterns skip only lines they cannot match", "[structure]") {
  CHECK(MayOpenWithDashedNumber("27-16-801. Immigration detainer requests"));
  CHECK(MayOpenWithDashedNumber("18A-9005. COOPERATION"));
  CHECK_FALSE(MayOpenWithDashedNumber("1. PROCEDURES"));
  CHECK(MayOpenWithDecimalNumber("27A.3 Completion of sentence"));
  CHECK_FALSE(MayOpenWithDecimalNumber("1. PROCEDURES"));
  // Every string of up to six bytes over a digit, '-', a lower and an upper case letter, '.', a space and a
  // non-ASCII byte; of up to nine over the bytes of the longest prefixes the tests read ("1234AB.5", "123a-").
  foiamine::testing::ForEachString("1-aA. \xC2", 6, RequireNoMissedNumber);
  foiamine::testing::ForEachString("1A.-", 9, RequireNoMissedNumber);
  foiamine::testing::ForEachString("1a-", 9, RequireNoMissedNumber);
  // Random lines of numbers and separators, and the corpus lines.
  ForRandomLines("0123456789-.aZ ()\t\xE2", 14, 20, RequireNoMissedNumber);
  ForEachCorpusLine(RequireNoMissedNumber);
}

namespace {

// ReadDotMarker is kDotMarkerPattern: the same lines, the same token, closing byte and length.
void RequireDotMarkerAsPattern(const std::string& line) {
  static const RE2 kDot(kDotMarkerPattern);
  re2::StringPiece in(line), whole, token, close;
  const bool matched = RE2::Consume(&in, kDot, &whole, &token, &close);
  const std::optional<DotMarker> read = ReadDotMarker(line);
  INFO('"' << line << '"');
  REQUIRE(read.has_value() == matched);
  if (!matched) return;
  REQUIRE(read->token == std::string_view(token.data(), token.size()));
  REQUIRE(std::string(1, read->close) == std::string_view(close.data(), close.size()));
  REQUIRE(read->length == static_cast<size_t>(in.data() - line.data()));
}

}  // namespace

TEST_CASE("a list marker closed by a period or parenthesis is read as its pattern reads it", "[structure]") {
  CHECK(ReadDotMarker("a. Of records")->token == "a");
  CHECK(ReadDotMarker("XII)  The")->length == 6);
  CHECK_FALSE(ReadDotMarker("1234. x"));
  CHECK_FALSE(ReadDotMarker("I.x"));
  CHECK(ReadDotMarker("II.Questioning")->length == 6);  // the run-in word's first three letters, as the pattern
  CHECK(ReadDotMarker("II.QUxstion").has_value());
  CHECK_FALSE(ReadDotMarker("U.S.Immigration"));
  // Every string of up to seven bytes over a digit, the two cases of a roman digit, another letter, both closing
  // bytes, a space, a tab and a non-ASCII byte; of up to nine over the bytes of the longest tokens ("123.",
  // "IIIIII)", "ivxlci.") and of the spaces after them.
  foiamine::testing::ForEachString("1Iia.) \t\xC2", 6, RequireDotMarkerAsPattern);
  foiamine::testing::ForEachString("1I.)\n", 8, RequireDotMarkerAsPattern);
  foiamine::testing::ForEachString("iV. \f", 8, RequireDotMarkerAsPattern);
  foiamine::testing::ForEachString("xvlc.\r", 8, RequireDotMarkerAsPattern);
  foiamine::testing::ForEachString("IQa.1 ", 7, RequireDotMarkerAsPattern);  // a word run in after the close
  ForRandomLines("0123456789IVXLCivxlcaZ.)) \t\n\v\f\r\xE2", 12, 21, RequireDotMarkerAsPattern);
  ForEachCorpusLine(RequireDotMarkerAsPattern);
}
