// `foiamine diverge`: where stated law and written practice part ways.
//
// A divergence is a pair: a clause of a `law` document that *restricts* a
// topic for an actor, against a clause of a `policy` or `practice` document
// that *requires*, *permits* or *reports* the same topic for the same actor.
// An agreement is the same pairing against a policy/practice clause that
// *restricts* it too, or that reports the act is not done ("The department
// does not honor ICE detainers"; its stance cue is a negation): evidence of
// compliance. The matrix condenses both per
// agency and topic. Everything here is a pure function of the clauses read
// from the index (ReadClauses), so it is testable without an index.
//
// Outputs (text, JSON Lines, CSV, HTML) live in diverge_report.h.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "extractors/jurisdiction.h"
#include "search/clauses.h"

namespace foiamine {

// Actor matching (the decisions, in one place):
//  * A clause's actor is its stored actor; when empty it is the document's
//    agency (a DOC log with no actor cue speaks for DOC).
//  * On the law side, an empty actor, or the law's own enacting body (the
//    law document's agency, e.g. "Council" or "EOM") means "District": a
//    statute or Mayor's Order binds the District's agencies, not its author.
//  * "District" on the law side binds every District agency: any non-empty
//    policy/practice actor other than "District" itself (DOC, MPD, DPW, ...).
//    "District" on the practice side matches only a "District" law.
//  * Otherwise actors match when equal (case-insensitive).
//  * Jurisdictions (with DivergeOptions::jurisdictions): a law binds only
//    where its jurisdiction equals or contains the practice document's
//    ("US-IL" contains "US-IL/North Riverside"; never across states); its
//    default actor is its jurisdiction's (a state statute: "law enforcement
//    agency"), and an actor class of its jurisdiction binds that
//    jurisdiction's agencies of the listed kinds (extractors::LawBinds).
// The pair's actor is the practice side's resolved actor (DOC, MPD, ...).
std::string ResolvedActor(const ClauseRecord& clause);
bool LawBindsActor(const std::string& law_actor, const std::string& practice_actor);

// Is the clause a law's restriction a divergence can rest on? A bill (as
// introduced or amended) is law in the making: it binds no one until enacted.
bool IsRestrictingLaw(const ClauseRecord& clause);

// When the policy/practice document came into being relative to the law.
enum class Timing {
  kUnknown,               // a date is missing
  kIssuedAfter,           // issued on or after the law took effect
  kBeforeStillInForce,    // issued before, but reviewed/reissued after the law took effect
  kBeforeNotReviewed,     // issued before the law took effect, no later review date known
};

struct Divergence {
  std::string topic, actor;  // actor: the resolved practice actor
  ClauseRecord law, practice;
  std::string law_effective;    // the law's effective date (else issued), ISO, may be empty
  std::string practice_issued;  // the practice document's issued date (else effective), may be empty
  Timing timing = Timing::kUnknown;
  bool agreement = false;       // true: the practice side restricts too, or reports the act not done (compliance)
  std::string summary;          // one sentence a person can read
};

// The pair's stable id: the first 16 hex digits of
// SHA-256("divergence|LAW_CLAUSE_ID|PRACTICE_CLAUSE_ID"). Clause ids are
// stable (index/format.h), so the same pair keeps its id in any re-run or
// render of the same index (CONTRACTS.md).
std::string DivergenceId(const Divergence& d);

// A sentence about the dates, e.g. "issued 2021-08-30, after the law took
// effect on 2021-03-16". Empty when no dates are known.
std::string TimingNote(const Divergence& d);

struct DivergeOptions {
  std::string topic;        // only this topic (empty: all)
  bool agreements = false;  // also return agreements (agreement = true)
  // schemas/jurisdictions.yaml, loaded; null: codes only (containment), and
  // "District" is the one actor class.
  const extractors::Jurisdictions* jurisdictions = nullptr;
};

// Pairs the clauses (any order). Result order: topic, then law citation,
// then practice document path, page and offset — deterministic.
std::vector<Divergence> FindDivergences(const std::vector<ClauseRecord>& clauses, const DivergeOptions& options);

// What `diverge` reports: `all`, every pair with agreements (the matrix
// needs them whatever options.agreements says); `listed`, the pairs to list
// (agreements only when options.agreements), in the same order.
struct DivergenceFindings {
  std::vector<Divergence> all, listed;
};
DivergenceFindings FindDivergencesToReport(const std::vector<ClauseRecord>& clauses, const DivergeOptions& options);

// The agency x topic matrix.
enum class CellState {
  kConflicts,     // at least one divergence
  kComplies,      // only agreements
  kSilent,        // a law restricts the topic for the agency; none of its documents has a binding clause on it
  kUnrestricted,  // no law restricts the topic for the agency (nothing to conflict with)
};
const char* CellStateName(CellState state);  // "conflicts", "complies", "silent", "-"

struct MatrixCell {
  CellState state = CellState::kUnrestricted;
  std::vector<std::string> clause_ids;  // practice clauses behind a conflict/compliance; law clauses when silent
  int conflicts = 0, agreements = 0;
};
struct Matrix {
  std::vector<std::string> agencies;  // rows: actors of policy/practice documents (sorted)
  std::vector<std::string> topics;    // columns: every topic seen in the clauses (sorted)
  std::map<std::pair<std::string, std::string>, MatrixCell> cells;  // (agency, topic)
  const MatrixCell& at(const std::string& agency, const std::string& topic) const;
};
// REQUIRES: `pairs` came from FindDivergences(clauses, {.agreements = true}).
Matrix BuildMatrix(const std::vector<ClauseRecord>& clauses, const std::vector<Divergence>& pairs,
                   const std::string& topic_filter = "",
                   const extractors::Jurisdictions* jurisdictions = nullptr);

// Scores found divergences against corpus/labels/divergences.jsonl. A found
// pair matches a label when topic and actor are equal and each side matches
// the label's side: same doc_path, and either the same section (compared
// without a trailing '.', case and spaces folded: "IV.A." is "IV.A"), or —
// when `clause_labels_jsonl_path` is given — the found clause is the
// labeled clause by the CONTRACTS clause rule (a clauses.jsonl label with
// that doc_path, section and topic whose quote occurs in the clause text).
// The second way covers sections the extractor does not name the labels'
// way ("msg 2", "entry 103", "line 7" of practice documents). Several found
// pairs may match one label (two clauses in one section): they count once.
struct DivergenceScore {
  int found = 0;     // distinct (topic, actor, law side, practice side) keys found
  int expected = 0;  // labels
  int matched = 0;   // labels found
  int false_pairs = 0;
  std::vector<std::string> missed, unexpected;
};
StatusOr<DivergenceScore> EvaluateDivergences(const std::vector<Divergence>& found, const std::string& labels_jsonl_path,
                                              const std::string& clause_labels_jsonl_path = "");
void PrintDivergenceScore(const DivergenceScore& score, bool verbose, std::ostream& out);

}  // namespace foiamine
