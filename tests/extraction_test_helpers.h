// Helpers of the extraction tests that run ExtractDocument on one synthetic page and look at
// its clauses by topic (structure and lead-in tests).
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractors/extract.h"
#include "tests/test_support.h"

namespace foiamine::testing {

inline const extractors::Rulebook& Rules() { return ShippedRulebook(); }

// One page of `text`, with the authority (and agency) a manifest would give.
inline extractors::DocumentInput Doc(const std::string& text, const std::string& authority = "",
                                     const std::string& agency = "") {
  extractors::DocumentInput in;
  in.metadata.authority = authority;
  in.metadata.agency = agency;
  in.pages.push_back(extractors::PageText{1, text});
  return in;
}

inline std::vector<const extractors::Clause*> OfTopic(const extractors::Extraction& x, const std::string& topic) {
  std::vector<const extractors::Clause*> out;
  for (const extractors::Clause& c : x.clauses)
    if (c.topic == topic) out.push_back(&c);
  return out;
}

// The first clause of `topic` whose text holds `words`; null when none.
inline const extractors::Clause* ClauseContaining(const extractors::Extraction& x, const std::string& topic,
                                                  const std::string& words) {
  for (const extractors::Clause& c : x.clauses)
    if (c.topic == topic && c.text.find(words) != std::string::npos) return &c;
  return nullptr;
}

// The one clause of `topic` (the test fails unless there is exactly one).
inline const extractors::Clause& OnlyOfTopic(const extractors::Extraction& x, const std::string& topic) {
  const auto found = OfTopic(x, topic);
  REQUIRE(found.size() == 1);
  return *found[0];
}

}  // namespace foiamine::testing
