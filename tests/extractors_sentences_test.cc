// A block cut into sentences (extractors/sentences.h).
#include <catch2/catch.hpp>
#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "extractors/sentences.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// ICU's sentence breaks in `text`, set up as SentenceSplitter sets ICU up.
std::vector<size_t> IcuBreaks(const std::string& text) {
  static const std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), status));
    REQUIRE(U_SUCCESS(status));
    return made;
  }();
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  breaker->setText(u);
  std::vector<size_t> breaks;
  for (int32_t b = breaker->first(); b != icu::BreakIterator::DONE; b = breaker->next()) breaks.push_back(static_cast<size_t>(b));
  return breaks;
}

void RequireAsIcu(const std::string& text) {
  std::vector<size_t> breaks;
  INFO('"' << text << '"');
  REQUIRE(AsciiSentenceBreaks(text, &breaks));
  REQUIRE(breaks == IcuBreaks(text));
}

}  // namespace

TEST_CASE("ASCII sentence breaks are ICU's on every short string of every class", "[extractors][sentences]") {
  // One byte of each class ASCII has: CR, LF, space, lower, upper, digit,
  // '.', '?', closing '"', continuing ',', other '#'.
  const std::string alphabet = "\r\n aA1.?\",#";
  const size_t tried = foiamine::testing::ForEachString(alphabet, 6, [](const std::string& s) { RequireAsIcu(s); });
  CHECK(tried > 1900000);
  RequireAsIcu("");
}

TEST_CASE("ASCII sentence breaks are ICU's on random and real text", "[extractors][sentences]") {
  // Every ASCII byte, prose-like weights: letters and spaces, sometimes ends.
  std::mt19937 random(29);
  const std::string common = "aaaaeeiiooutnsrhlAETSI      ..,,\"')(12";
  std::uniform_int_distribution<int> any_byte(0, 127), pick(0, static_cast<int>(common.size()) - 1), coin(0, 3),
      length(7, 80);
  for (int t = 0; t < 100000; ++t) {
    std::string s(static_cast<size_t>(length(random)), ' ');
    for (char& c : s) c = coin(random) == 0 ? static_cast<char>(any_byte(random)) : common[pick(random)];
    RequireAsIcu(s);
  }
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    const std::string text = ReadFile(e.path());
    if (!foiamine::IsAscii(text)) continue;
    ++files;
    RequireAsIcu(text);
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find("\n\n", pos);
      if (end == std::string::npos) end = text.size();
      RequireAsIcu(text.substr(pos, end - pos));
      pos = end + 2;
    }
  }
  CHECK(files > 5);
  std::vector<size_t> breaks = {7};
  CHECK_FALSE(AsciiSentenceBreaks("La polic\xC3\xAD" "a no preguntar\xC3\xA1.", &breaks));
  CHECK(breaks == std::vector<size_t>{7});  // untouched: ICU decides
}

TEST_CASE("a block is cut at ICU's breaks, less those that end no sentence", "[extractors][sentences]") {
  SentenceSplitter splitter;
  using Spans = std::vector<std::pair<size_t, size_t>>;
  CHECK(splitter.Split("SECTION 4 - NOTIFICATION TO FEDERAL AUTHORITIES") == Spans{{0, 47}});
  const std::string two = "Officers shall not inquire about status. They may ask about identity.";
  CHECK(splitter.Split(two) == Spans{{0, 41}, {41, two.size()}});
  CHECK(splitter.Split("See Cal. Gov. Code 7284.6. It applies.") == Spans{{0, 27}, {27, 38}});
  const std::string accented = "La polic\xC3\xAD" "a no preguntar\xC3\xA1. El alguacil tampoco.";
  CHECK(splitter.Split(accented) == Spans{{0, 28}, {28, accented.size()}});
  CHECK(splitter.Split("").empty());
  // A speck OCR read as a point after "the" ends no sentence (a scanned memo); after "to" it may ("... required to.").
  const std::string speck = "If ICE presents an order, staff shall forward it to the.\nOffice of the General Counsel first. Then wait.";
  CHECK(splitter.Split(speck) == Spans{{0, 94}, {94, speck.size()}});
  // ... and a speck read as a dash after a point runs the next sentence in; "U.S.-Mexico" is one word
  const std::string dash = "Staff shall not answer requests.-Staff shall not hold anyone. The U.S.-Mexico border is far.";
  CHECK(splitter.Split(dash) == Spans{{0, 33}, {33, 62}, {62, dash.size()}});
  // an officer's rank before the name ends no sentence (an incident report)
  const std::string rank = "The ICE officers were escorted into the R&D area by Cpl. Moore. No judicial warrant was presented.";
  CHECK(splitter.Split(rank) == Spans{{0, 64}, {64, rank.size()}});
  const std::string ends_to = "Staff shall do what they are required to. Others may not.";
  CHECK(splitter.Split(ends_to) == Spans{{0, 42}, {42, ends_to.size()}});
}

namespace {

// EndsWithAbbreviation is its pattern, over the text trimmed; the word before the period looked up without it.
void RequireAbbreviationAsPattern(const std::string& text) {
  static const RE2 kAbbrev(AbbreviationPattern());
  std::string_view trimmed = text;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t' || trimmed.front() == '\r'))
    trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t' || trimmed.back() == '\r'))
    trimmed.remove_suffix(1);
  INFO('"' << text << '"');
  REQUIRE(EndsWithAbbreviation(text) == RE2::PartialMatch(re2::StringPiece(trimmed.data(), trimmed.size()), kAbbrev));
}

}  // namespace

TEST_CASE("a sentence ends with an abbreviation exactly where the abbreviation pattern says so", "[extractors]") {
  CHECK(EndsWithAbbreviation("See Cal. Gov."));
  CHECK(EndsWithAbbreviation("under 8 U.S.C."));
  CHECK(EndsWithAbbreviation("(No."));
  CHECK_FALSE(EndsWithAbbreviation("to the facility."));
  CHECK_FALSE(EndsWithAbbreviation("theGov."));
  // Every string of up to six bytes over the bytes that matter: letters of a listed word ("No") and of none, a
  // period, a digit and the 'Q' of "Q12", the bytes allowed before the word, one that is not, a non-ASCII byte.
  foiamine::testing::ForEachString("No.Q1 (", 6, RequireAbbreviationAsPattern);
  foiamine::testing::ForEachString("a.[\t-\xC2", 6, RequireAbbreviationAsPattern);
  // Every word of the pattern's alternation, as written, in other cases and lengthened, after each kind of byte.
  std::string alternation = AbbreviationPattern();
  std::vector<std::string> words;
  for (size_t pos = 0; pos <= alternation.size();) {
    const size_t bar = std::min(alternation.find('|', pos), alternation.size());
    std::string word = alternation.substr(pos, bar - pos);
    if (!word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      words.push_back(word);
    pos = bar + 1;
  }
  REQUIRE(words.size() > 100);
  for (std::string word : words) {
    std::string upper = word, lower = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& w : {word, upper, lower, word + "s", "x" + word, word.substr(1), word + "1", "U.S." + word})
      for (const char* before : {"", " ", "(", "[", "\t", "\n", "x", "1", ".", "-", "\xC2\xA0", "see "})
        for (const char* after : {".", ". ", "", ".\t", "..", ".x"}) RequireAbbreviationAsPattern(before + w + after);
  }
  std::mt19937 random(7);
  const std::string bytes = "aZNoQ1.. ([\t\xE2";
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    for (int k = std::uniform_int_distribution<int>(1, 12)(random); k > 0; --k)
      text += bytes[std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(random)];
    RequireAbbreviationAsPattern(text + ".");
  }
  // Every corpus text up to each of its periods.
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    ++files;
    const std::string text = ReadFile(e.path());
    for (size_t dot = text.find('.'); dot != std::string::npos; dot = text.find('.', dot + 1))
      RequireAbbreviationAsPattern(text.substr(dot > 80 ? dot - 80 : 0, std::min<size_t>(dot + 1, 81)));
  }
  CHECK(files > 5);
}
