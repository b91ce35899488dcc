// A block cut into sentences (extractors/sentences.h).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "extractors/sentences.h"

using namespace foiamine::extractors::internal;

TEST_CASE("a splitter reused on blocks of every length gives what a fresh one gives", "[extractors][sentences]") {
  SentenceSplitter splitter;
  using Spans = std::vector<std::pair<size_t, size_t>>;
  CHECK(splitter.Split("SECTION 4 - NOTIFICATION TO FEDERAL AUTHORITIES") == Spans{{0, 47}});
  const std::string two = "Officers shall not inquire about status. They may ask about identity.";
  CHECK(splitter.Split(two) == Spans{{0, 41}, {41, two.size()}});
  CHECK(splitter.Split("short") == Spans{{0, 5}});  // a shorter block after a longer one
  const std::string accented = "La polic\xC3\xAD" "a no preguntar\xC3\xA1. El alguacil tampoco.";
  SentenceSplitter fresh;
  CHECK(splitter.Split(accented) == fresh.Split(accented));
  CHECK(splitter.Split(two) == fresh.Split(two));
  CHECK(splitter.Split("").empty());
}
