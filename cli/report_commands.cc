// `foiamine eval` and `foiamine diverge`: scoring and reporting (search/).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/choices.h"
#include "search/diverge.h"
#include "search/diverge_report.h"
#include "search/eval.h"
#include "search/set_score.h"

namespace foiamine::cli {
namespace {

struct EvalArgs {
  std::string db_path, labels_dir, set, split, summary;
  bool verbose = false;
};

// `eval --set`: one labeled set's scores to stdout, and as a JSON line
// appended to --summary when given.
int EvalSet(const EvalArgs& args) {
  auto index = OpenForReading(args.db_path, "eval");
  if (!index) return kExitUsage;
  const auto jurisdictions = JurisdictionsForDivergence("eval");
  auto input = ReadSetInput(*index, args.set, args.labels_dir, args.split, jurisdictions ? &*jurisdictions : nullptr);
  if (!input.ok()) {
    std::cerr << "foiamine eval: " << input.status().message() << "\n";
    return kExitUsage;
  }
  const SetScore score = ScoreSet(*input);
  PrintSetScore(score, args.verbose, std::cout);
  if (!args.summary.empty()) {
    std::ofstream summary(args.summary, std::ios::app);
    summary << SetScoreJson(score) << "\n";
    if (!summary.flush()) {
      std::cerr << "foiamine eval: cannot write " << args.summary << "\n";
      return kExitUsage;
    }
  }
  return kExitOk;
}

int Eval(const EvalArgs& args) {
  if (!args.set.empty()) return EvalSet(args);
  if (!args.split.empty() || !args.summary.empty()) {
    std::cerr << "foiamine eval: --split and --summary need --set\n";
    return kExitUsage;
  }
  auto index = OpenForReading(args.db_path, "eval");
  if (!index) return kExitUsage;
  std::optional<extractors::Jurisdictions> jurisdictions;
  if (HasDivergenceLabels(args.labels_dir)) jurisdictions = JurisdictionsForDivergence("eval");
  auto evaluation = EvaluateLabels(*index, args.labels_dir, jurisdictions ? &*jurisdictions : nullptr);
  if (!evaluation.ok()) {
    std::cerr << "foiamine eval: " << evaluation.status().message() << "\n";
    return kExitUsage;
  }
  PrintLabelsEvaluation(*evaluation, args.verbose, std::cout);
  return kExitOk;
}

struct DivergeArgs {
  std::string db_path, format = "text", out;
  bool matrix = false;
  DivergeOptions options;
};

int Diverge(const DivergeArgs& args) {
  auto index = OpenForReading(args.db_path, "diverge");
  if (!index) return kExitUsage;
  auto choices = ReadOptionChoices(*index, RulebookTopics("diverge"));
  foiamine::Status checked = choices.ok() ? CheckChoice("--topic", args.options.topic, choices->topics) : choices.status();
  if (!checked.ok()) {
    std::cerr << "foiamine diverge: " << checked.message() << "\n";
    return kExitUsage;
  }
  auto records = ReadClauses(*index, {});
  if (!records.ok()) {
    std::cerr << "foiamine diverge: " << records.status().message() << "\n";
    return kExitUsage;
  }
  std::ofstream file;
  if (!args.out.empty()) {
    file.open(args.out, std::ios::binary);
    if (!file) {
      std::cerr << "foiamine diverge: cannot write " << args.out << "\n";
      return kExitUsage;
    }
  }
  std::ostream& out = args.out.empty() ? std::cout : file;
  ReportOptions report_options;
  report_options.source = args.db_path;
  report_options.color = args.out.empty() && args.format == "text" && isatty(STDOUT_FILENO);
  const auto jurisdictions = JurisdictionsForDivergence("diverge");
  DivergeOptions options = args.options;
  options.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
  const DivergenceFindings found = FindDivergencesToReport(*records, options);
  if (args.format == "json") {
    WriteDivergenceJson(found.listed, out);
  } else if (args.format == "csv") {
    WriteDivergenceCsv(found.listed, out);
  } else if (args.format == "html" || args.matrix) {
    auto matrix = BuildMatrix(*records, found.all, options.topic, options.jurisdictions);
    if (args.format == "html") WriteDivergenceHtml(found.listed, matrix, *records, report_options, out);
    else WriteMatrixText(matrix, *records, out);
  } else {
    WriteDivergenceText(found.listed, report_options, out);
  }
  out.flush();
  if (!out) {
    std::cerr << "foiamine diverge: write failed" << (args.out.empty() ? "" : " (" + args.out + ")") << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  auto* eval = app.add_subcommand("eval", "Score the clauses found against ground-truth labels (precision, recall)");
  eval->add_option("--db", args->db_path, "Index file")->required();
  eval->add_option("--labels", args->labels_dir, "Folder with clauses.jsonl (e.g. corpus/labels)")->required();
  eval->add_flag("--verbose", args->verbose, "List every missed label and unexpected clause");
  eval->add_option("--set", args->set,
                   "Score as the named labeled set, by the acceptance checks' rule (binding stances, file names,\n"
                   "punctuation-insensitive quotes; pairs by topic and documents), per topic, stance and genre");
  eval->add_option("--split", args->split, "With --set: only the documents of this split (LABELS/../split.tsv)");
  eval->add_option("--summary", args->summary, "With --set: append the scores as one JSON line to this file");
  return {eval, [args] { return Eval(*args); }};
}

Command AddDivergeCommand(CLI::App& app) {
  auto args = std::make_shared<DivergeArgs>();
  auto* diverge = app.add_subcommand(
      "diverge",
      "Law vs practice: pair every law clause that restricts a topic for an agency with each policy or practice\n"
      "clause that requires, permits or reports it; both sides cited, decisive words marked, dates flagged");
  diverge->add_option("--db", args->db_path, "Index file")->required();
  diverge->add_option("--topic", args->options.topic, "Only this topic (e.g. release_notification)");
  diverge->add_option("--format", args->format,
                      "text (terminal), json (JSON Lines, the Divergence record), csv (one row per pair) or html "
                      "(one self-contained file with a table of contents and the matrix)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  diverge->add_flag("--agreements", args->options.agreements,
                    "Also list policy/practice clauses that restrict what the law restricts (compliance)");
  diverge->add_flag("--matrix", args->matrix,
                    "Text: print the agency x topic table (conflicts / complies / silent) instead of the pairs");
  diverge->add_option("--out", args->out, "Write the report to this file instead of stdout");
  return {diverge, [args] { return Diverge(*args); }};
}

}  // namespace foiamine::cli
