// What a person types, made into what FTS5 reads (search/search.h).
//
// SQLite's FTS5 query language reads "I-247A" as a column filter and
// "287(g)" as a group, and fails on both. A person means the tokens, so a
// bare word holding punctuation is quoted as a phrase ("I-247A" is the
// phrase "i 247a", as the page text is tokenized). Concept terms
// `topic:NAME` and `stance:NAME` are lifted out of the text: they filter
// by the clauses the rulebook found, not by words.
//
//   PreparedQuery q = PrepareQuery("topic:facility_access ICE I-247A");
//   // q.topic == "facility_access", q.fts == "ICE \"I-247A\""
#pragma once

#include <string>
#include <vector>

namespace foiamine {

struct PreparedQuery {
  std::string fts;             // the FTS5 query; "" when only concept terms were given
  std::string topic, stance;   // from topic:X / stance:X ("" when absent)
  std::vector<std::string> quoted;  // the bare words that were quoted, as typed
};

// Never fails: a query FTS5 will still reject (an unbalanced quote) is
// passed through for FTS5 to explain.
PreparedQuery PrepareQuery(const std::string& query);

}  // namespace foiamine
