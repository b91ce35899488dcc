// The order clauses leave the matcher in, and which of two clauses on one
// index key stands (OrderByIndexKey in extractors/layout.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractors/clause.h"
#include "extractors/layout.h"

namespace {

using foiamine::extractors::Clause;
using foiamine::extractors::Stance;

Clause Make(int page, int start, std::string topic, Stance stance, std::string rule) {
  Clause c;
  c.page = page;
  c.char_start = start;
  c.topic = std::move(topic);
  c.stance = stance;
  c.rule = std::move(rule);
  return c;
}

}  // namespace

TEST_CASE("clauses on one index key keep the one emitted last", "[extractors][clause_order]") {
  // Enough equal keys that an unstable sort would reorder them: the rule id
  // says the emission order, and the last emitted on each key must stand.
  std::vector<Clause> clauses;
  for (int i = 0; i < 40; ++i) {
    const int start = (i * 7) % 5;
    clauses.push_back(Make(1, start, "detainer_hold", i % 2 ? Stance::kRestricts : Stance::kRequires,
                           "r" + std::to_string(i)));
  }
  clauses.push_back(Make(1, 0, "agreements", Stance::kPermits, "a"));
  foiamine::extractors::internal::OrderByIndexKey(clauses);
  REQUIRE(clauses.size() == 6);
  CHECK(clauses[0].topic == "agreements");
  CHECK(clauses[0].rule == "a");
  for (int start = 0; start < 5; ++start) {
    const Clause& c = clauses[static_cast<size_t>(start) + 1];
    CHECK(c.char_start == start);
    CHECK(c.topic == "detainer_hold");
    int last = -1;
    for (int i = 0; i < 40; ++i)
      if ((i * 7) % 5 == start) last = i;
    CHECK(c.rule == "r" + std::to_string(last));
  }
}

TEST_CASE("clauses are ordered by page then start then topic", "[extractors][clause_order]") {
  std::vector<Clause> clauses = {Make(2, 0, "agreements", Stance::kPermits, "x"),
                                 Make(1, 9, "status_inquiry", Stance::kRestricts, "y"),
                                 Make(1, 9, "counsel_access", Stance::kRequires, "z"),
                                 Make(1, 3, "status_inquiry", Stance::kRestricts, "w")};
  foiamine::extractors::internal::OrderByIndexKey(clauses);
  REQUIRE(clauses.size() == 4);
  CHECK(clauses[0].rule == "w");
  CHECK(clauses[1].rule == "z");
  CHECK(clauses[2].rule == "y");
  CHECK(clauses[3].rule == "x");
}
