// The clauses a search hit's match lies in, each with the other side of its
// divergences (CONTRACTS.md, the search-hit record's "clauses").
//
//   HitClauseReader reader(index, jurisdictions);
//   auto clauses = reader.Read({"3f2a...", "9c0d..."});  // clause ids on a hit's page
//
// The pairs are the ones `foiamine diverge` reports (FindDivergences over the
// clauses of the same topic), so a hit and the report never disagree. What
// is read stays small: a policy or practice clause is paired against its
// topic's restricting law clauses only, found from the law documents and
// read in the same statement as the hits' clauses; the whole topic is read
// only for a law clause that restricts it.
// Not thread-safe; one reader per search (it caches per topic).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extractors/jurisdiction.h"
#include "index/reader.h"
#include "search/clauses.h"
#include "search/diverge.h"

namespace foiamine {

struct HitDivergence {
  std::string id;    // DivergenceId: the same id `diverge` gives the pair
  std::string role;  // the hit clause's side of the pair: law | practice
  ClauseRecord other;
  std::string summary, law_effective, practice_issued;
  std::string timing;  // TimingNote: "issued 2021-08-30, after the law took effect on 2021-03-16"
};

struct HitClause {
  ClauseRecord clause;
  std::vector<HitDivergence> divergences;  // in FindDivergences order
};

class HitClauseReader {
 public:
  // `jurisdictions` (may be null) as for DivergeOptions; REQUIRES: `index`
  // and `jurisdictions` outlive this reader.
  HitClauseReader(IndexReader& index, const extractors::Jurisdictions* jurisdictions)
      : index_(index), jurisdictions_(jurisdictions) {}

  // The clauses with these ids (of `topics`, their topics, in the same
  // order), in the given order, each with its divergences.
  StatusOr<std::vector<HitClause>> Read(const std::vector<std::string>& ids, const std::vector<std::string>& topics);

 private:
  // The pairs of every clause of a topic (for law clauses), and the
  // restricting law clauses of a topic (for policy and practice clauses).
  StatusOr<const std::vector<Divergence>*> TopicPairs(const std::string& topic);
  // The ids of the restricting law clauses of those of `topics` not read
  // before (a policy or practice clause pairs only with its topic's).
  StatusOr<std::vector<std::string>> RestrictingLawIds(const std::vector<std::string>& topics);

  IndexReader& index_;
  const extractors::Jurisdictions* jurisdictions_;
  std::map<std::string, std::vector<Divergence>> topic_pairs_;
  std::map<std::string, std::vector<ClauseRecord>> restricting_laws_;  // by topic
  std::set<std::string> laws_read_;  // topics whose restricting laws are in restricting_laws_
};

// The hit-clause entry of the search-hit JSON record: the clause record with
// "divergences": [{"id", "role", "other": {clause}, "summary",
// "law_effective", "practice_issued"}].
nlohmann::ordered_json HitClauseJson(const HitClause& clause);

}  // namespace foiamine
