// A document's number as its text prints it (extractors/document_number.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "extractors/document_number.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// FirstNumber is FirstNumberSearchingEveryPattern: the Set's pass only skips patterns that match nowhere.
// Returns whether a number was found.
bool RequireAsEveryPattern(const std::string& text) {
  INFO('"' << text << '"');
  const NumberMatch fast = FirstNumber(text), every = FirstNumberSearchingEveryPattern(text);
  REQUIRE(fast.position == every.position);
  REQUIRE(fast.value == every.value);
  REQUIRE(fast.printed == every.printed);
  return !every.value.empty();
}

}  // namespace

TEST_CASE("a document number is found as by searching every pattern", "[extractors][identity]") {
  CHECK(FirstNumber("POLICE DEPARTMENT\nGeneral Order 05\nSee GO-OPS-201.26").value == "General Order 05");
  CHECK(FirstNumber("The particular policy referenced here is General Order 05.").value.empty());
  // Texts made of every kind of number, cited in prose or heading a line, among words that are none.
  const std::vector<std::string> pieces = {
      "Program Statement 4020.1F", "PS 5100.08", "P.S. 1330.18", "GO-OPS-201.26", "General Order No. 05",
      "GENERAL ORDER OPS-201.26", "Special Order 12-04", "EO-25-014", "Mayor's Order 2021-044", "D.C. Act 23-507",
      "FMA-SOP-07", "Directive No. 4.3", "directive: 12A", "Policy Number 300.1", "policy #7b", "D.C. Law 24-45",
      "Bill 23-501", "District of Columbia Official Code", "current through", "referenced here is", "Subject:",
      "the", "POLICE DEPARTMENT", "shall not", "Form 4020-12S", "\n", " ", "\t", ".", "2021", "-", "No."};
  std::mt19937 random(37);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(pieces.size()) - 1), count(1, 9);
  int found = 0;
  for (int t = 0; t < 20000; ++t) {
    std::string text;
    for (int k = count(random); k > 0; --k) text += pieces[static_cast<size_t>(pick(random))] + " ";
    found += RequireAsEveryPattern(text) ? 1 : 0;
  }
  CHECK(found > 10000);
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    ++files;
    RequireAsEveryPattern(ReadFile(e.path()));
  }
  CHECK(files > 5);
}
