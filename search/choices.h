// The query side's enumerated options and ids: which values are valid in an
// index, and the checks that turn an unknown value or an ambiguous id prefix
// into a usage error that lists what is valid (CONTRACTS.md).
//
//   auto choices = ReadOptionChoices(index, rulebook.topics());
//   if (Status s = CheckChoice("--topic", topic, choices->topics); !s.ok()) ...
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/reader.h"
#include "search/search.h"

namespace foiamine {

// CONTRACTS.md's closed lists.
inline const std::vector<std::string> kStances = {"restricts", "requires", "permits", "reports", "mentions"};
inline const std::vector<std::string> kAuthorities = {"law", "policy", "practice"};
inline const std::vector<std::string> kDocKinds = {"statute",     "ordinance",    "council_record", "mayors_order",
                                                   "jail_policy", "police_order", "agreement",      "correspondence",
                                                   "transcript",  "log",          "other"};

struct OptionChoices {
  std::vector<std::string> topics;         // the rulebook's, else the index's clause topics
  std::vector<std::string> kinds;          // kDocKinds and any other kind in the index
  std::vector<std::string> agencies;       // documents.agency values in the index
  std::vector<std::string> jurisdictions;  // documents.jurisdiction values in the index
};
// `rulebook_topics` may be empty (the rulebook could not be read): the
// topics are then those of the index's clauses.
StatusOr<OptionChoices> ReadOptionChoices(IndexReader& index, const std::vector<std::string>& rulebook_topics);

// kInvalidArgument "unknown --topic 'x'; valid values: a, b, c" unless
// `value` is empty or one of `valid`.
Status CheckChoice(const std::string& option, const std::string& value, const std::vector<std::string>& valid);
// As CheckChoice, case-insensitively; `value` becomes the listed spelling.
Status MatchChoice(const std::string& option, std::string& value, const std::vector<std::string>& valid);
// A jurisdiction code is valid when some listed one is it or lies inside it
// ("US-IL" for "US-IL/Cook County").
Status CheckJurisdiction(const std::string& value, const std::vector<std::string>& valid);
// An ISO date YYYY-MM-DD (or empty).
Status CheckIsoDate(const std::string& option, const std::string& value);

// A document by its path as indexed, its SHA-256, or a unique prefix of the
// SHA-256 (at least 4 hex digits): documents.id. Unknown or ambiguous is
// kInvalidArgument naming the candidates.
StatusOr<int64_t> ResolveDocument(IndexReader& index, const std::string& doc);

// Every enumerated option and date of a search checked, the agency spelled
// as listed, and `doc` (path, SHA-256 or prefix; may be empty) resolved into
// options.document_id. The first problem is kInvalidArgument.
Status CheckSearchOptions(IndexReader& index, SearchOptions& options, const std::string& doc,
                          const std::vector<std::string>& rulebook_topics);

}  // namespace foiamine
