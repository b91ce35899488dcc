// What every court-ready output of `diverge` says the same way: the exhibit
// numbers of the cited pages, the counts (and what each one counts), and the
// summary per agency. The PDF memo, the exhibit bundle, the HTML report, the
// CSV and the JSON records all take them from here, so "Ex. 4" is the same
// page in each. Pure functions of the pairs: no I/O.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "search/diverge.h"

namespace foiamine {

// One exhibit: one page of one document that some cited clause is printed on.
struct Exhibit {
  int number = 0;  // 1-based, "Exhibit 4"
  std::string doc_sha256, doc_path, doc_title, doc_number, authority;
  int page = 0;
  std::string bates;                    // the page's Bates stamp ("" when none known)
  std::vector<std::string> clause_ids;  // the cited clauses printed (at least in part) on this page, in order
};

// Exhibits in the order their pages are first cited (pairs in report order,
// the law side before the practice side; a sentence across a page break
// cites each page it is printed on). Deterministic for the same pairs, so
// the same index gives the same numbers in every render.
class ExhibitList {
 public:
  ExhibitList() = default;
  static ExhibitList ForPairs(const std::vector<Divergence>& pairs);
  static ExhibitList ForClauses(const std::vector<ClauseRecord>& clauses);

  const std::vector<Exhibit>& exhibits() const { return exhibits_; }
  // The exhibit of a document's page; 0 when the page is not an exhibit.
  int NumberOf(const std::string& doc_sha256, int page) const;
  // The exhibit numbers of a clause, one per page it is printed on.
  std::vector<int> NumbersOf(const ClauseRecord& clause) const;
  // "Ex. 4, p. 2", or for a sentence across a page break "Ex. 4, p. 2; Ex. 5, p. 3".
  std::string RefOf(const ClauseRecord& clause) const;

 private:
  void Add(const ClauseRecord& clause);
  std::vector<Exhibit> exhibits_;
  std::map<std::pair<std::string, int>, int> index_;  // (sha256, page) -> position in exhibits_
};

// What the counts count, said once for every output.
struct PairCounts {
  int pairs = 0;                 // divergences: (law clause, practice clause) pairs
  int agreements = 0;            // agreement pairs (practice restricts too, or reports the act not done)
  int practice_clauses = 0;      // distinct policy/practice clauses in divergences
  int practice_documents = 0;    // distinct policy/practice documents in divergences
  int law_clauses = 0;           // distinct law clauses in divergences
  int law_documents = 0;         // distinct law documents in divergences
  int topics = 0, agencies = 0;  // distinct topics and agencies with a divergence
};
PairCounts CountPairs(const std::vector<Divergence>& pairs);
// "37 law-practice pairs: 19 distinct policy or practice clauses in 6 documents
// against 8 distinct law clauses in 3 documents ..." — the sentence that says
// what each number counts.
std::string CountsSentence(const PairCounts& counts);

// One agency's line in the per-agency summary: per topic, the matrix state
// and how many pairs and distinct practice clauses stand behind it.
struct AgencyTopic {
  std::string topic;
  CellState state = CellState::kUnrestricted;
  int pairs = 0, agreements = 0, practice_clauses = 0;
};
struct AgencySummary {
  std::string agency;
  std::vector<AgencyTopic> conflicts, complies, silent;  // topics in each state, sorted by topic
};
std::vector<AgencySummary> SummarizeAgencies(const Matrix& matrix, const std::vector<Divergence>& all_pairs);

// "release notification" for "release_notification".
std::string TopicLabel(const std::string& topic);

}  // namespace foiamine
