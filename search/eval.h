// `foiamine eval --labels DIR`: the clauses of an index scored against
// ground-truth labels (DIR/clauses.jsonl) and, when DIR/divergences.jsonl
// exists, the divergences found as `diverge` finds them against those.
// (`eval --set` scores a labeled set by the acceptance checks' rule:
// search/set_score.h.)
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "base/status.h"
#include "extractors/jurisdiction.h"
#include "index/reader.h"
#include "search/clauses.h"
#include "search/diverge.h"

namespace foiamine {

struct LabelsEvaluation {
  EvalReport clauses;
  std::optional<DivergenceScore> divergences;  // when the labels have divergences.jsonl
};

// Whether `labels_dir` has divergence labels (then EvaluateLabels pairs the
// clauses, with the jurisdictions the caller loads).
bool HasDivergenceLabels(const std::string& labels_dir);

// `jurisdictions`: schemas/jurisdictions.yaml loaded (null: codes only).
StatusOr<LabelsEvaluation> EvaluateLabels(IndexReader& index, const std::string& labels_dir,
                                          const extractors::Jurisdictions* jurisdictions);

// The clause scores, then (when present) the divergence scores.
void PrintLabelsEvaluation(const LabelsEvaluation& evaluation, bool verbose, std::ostream& out);

}  // namespace foiamine
