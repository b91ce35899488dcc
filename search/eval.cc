#include "search/eval.h"

#include <filesystem>
#include <ostream>

namespace foiamine {
namespace fs = std::filesystem;

bool HasDivergenceLabels(const std::string& labels_dir) {
  std::error_code ec;
  return fs::exists(fs::path(labels_dir) / "divergences.jsonl", ec);
}

StatusOr<LabelsEvaluation> EvaluateLabels(IndexReader& index, const std::string& labels_dir,
                                          const extractors::Jurisdictions* jurisdictions) {
  auto records = ReadClauses(index, {});
  if (!records.ok()) return records.status();
  const std::string clause_labels = (fs::path(labels_dir) / "clauses.jsonl").string();
  auto report = EvaluateClauses(*records, clause_labels);
  if (!report.ok()) return report.status();
  LabelsEvaluation out;
  out.clauses = std::move(*report);
  if (HasDivergenceLabels(labels_dir)) {
    DivergeOptions options;
    options.jurisdictions = jurisdictions;
    auto pairs = FindDivergences(*records, options);
    auto score = EvaluateDivergences(pairs, (fs::path(labels_dir) / "divergences.jsonl").string(), clause_labels);
    if (!score.ok()) return score.status();
    out.divergences = std::move(*score);
  }
  return out;
}

void PrintLabelsEvaluation(const LabelsEvaluation& evaluation, bool verbose, std::ostream& out) {
  PrintEvalReport(evaluation.clauses, verbose, out);
  if (evaluation.divergences) {
    out << "\n";
    PrintDivergenceScore(*evaluation.divergences, verbose, out);
  }
}

}  // namespace foiamine
