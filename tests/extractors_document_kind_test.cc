// A document's kind and authority from its face (extractors/document_kind.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>

#include "extractors/document_kind.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// OutsideQuotes as it was first written, a byte at a time: the reference its run-at-a-time form is held to.
std::string OutsideQuotesByteByByte(const std::string& text) {
  std::string out;
  bool inside = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool curly = text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0;
    if (curly || text[i] == '"') {
      inside = !inside;
      out.push_back(' ');
      if (curly) i += 2;
      continue;
    }
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') inside = false;
    out.push_back(inside && text[i] != '\n' ? ' ' : text[i]);
  }
  return out;
}

}  // namespace

TEST_CASE("the text outside quotations blanks what is quoted, as a byte-by-byte reading does", "[extractors][identity]") {
  CHECK(OutsideQuotes("They \"must get a court order,\" said Stanek.") == "They" + std::string(27, ' ') + "said Stanek.");
  CHECK(OutsideQuotes("a \xE2\x80\x9Cshall\xE2\x80\x9D b") == "a" + std::string(9, ' ') + "b");
  CHECK(OutsideQuotes("\"open\n\nshall") == std::string(5, ' ') + "\n\nshall");  // a blank line ends the quotation
  CHECK(OutsideQuotes("\xE2\x82\xAC \xE2\x80") == "\xE2\x82\xAC \xE2\x80");  // other E2 sequences and a cut one stay
  // Every string of up to six bytes over the bytes that matter (quote marks, the curly quotes' bytes, line ends)
  // and one that does not.
  const std::string alphabet = "\"\xE2\x80\x9C\x9D\na";
  foiamine::testing::ForEachString(alphabet, 6, [](const std::string& s) { REQUIRE(OutsideQuotes(s) == OutsideQuotesByteByByte(s)); });
  std::mt19937 random(31);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1), length(7, 200), coin(0, 5);
  for (int t = 0; t < 20000; ++t) {
    std::string s(static_cast<size_t>(length(random)), ' ');
    for (char& c : s) c = coin(random) == 0 ? alphabet[pick(random)] : 'x';
    REQUIRE(OutsideQuotes(s) == OutsideQuotesByteByByte(s));
  }
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    const std::string text = ReadFile(e.path());
    ++files;
    REQUIRE(OutsideQuotes(text) == OutsideQuotesByteByByte(text));
  }
  CHECK(files > 5);
}
