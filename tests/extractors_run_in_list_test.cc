// The items of a list run into one paragraph (extractors/run_in_list.h).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "extractors/run_in_list.h"

using namespace foiamine::extractors::internal;

TEST_CASE("a numbered item after a colon opens a run-in list, and no sentence without a colon opens one", "[extractors]") {
  {
    RunInList list;
    const RunInSentence first = list.Next("Officers shall: 1. Stop the vehicle.", "2. Inquire about the stop.");
    REQUIRE(first.opens_list);
    CHECK(first.lead_end == std::string("Officers shall:").size());
    REQUIRE(first.items.size() == 1);
    CHECK(first.items[0].token == "1");
    CHECK(first.items[0].dotted);
  }
  {
    RunInList list;  // the same words without the colon: no lead-in, no list
    CHECK_FALSE(list.Next("Officers shall 1. Stop the vehicle.", "2. Inquire about the stop.").opens_list);
  }
  // Sentences of list-like bytes, but no ':', never open a list (each from a fresh list: no level is open).
  const std::string alphabet = "12. ASa;()\n";
  std::mt19937 random(47);
  std::uniform_int_distribution<int> pick(0, static_cast<int>(alphabet.size()) - 1), length(1, 40);
  for (int t = 0; t < 20000; ++t) {
    std::string s(static_cast<size_t>(length(random)), ' ');
    for (char& c : s) c = alphabet[static_cast<size_t>(pick(random))];
    RunInList list;
    INFO('"' << s << '"');
    REQUIRE_FALSE(list.Next(s, "2. Next item").opens_list);
  }
}
