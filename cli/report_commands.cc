// `foiamine eval` and `foiamine diverge`: scoring and reporting (search/).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/choices.h"
#include "search/diverge.h"
#include "search/diverge_report.h"
#include "search/eval.h"
#include "search/index_digest.h"
#include "search/memo_pdf.h"
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
  std::string db_path, format = "text", out, exhibits, title = "Law vs. Practice: Divergence Memorandum", prepared_by;
  bool matrix = false;
  int dpi = 200;
  DivergeOptions options;
};

// The memo (--format pdf) and the exhibit bundle (--exhibits): both number
// the exhibits of the listed pairs alike.
int DivergePdfs(const DivergeArgs& args, IndexReader& index, const DivergenceFindings& found, const Matrix* matrix) {
  auto digest = IndexDigest(index);
  if (!digest.ok()) {
    std::cerr << "foiamine diverge: " << digest.status().message() << "\n";
    return kExitUsage;
  }
  const Caption caption{args.title, args.prepared_by, GenerationTime(), args.db_path, *digest};
  const ExhibitList exhibits = ExhibitList::ForPairs(found.listed);
  if (matrix) {
    auto redactions = ReadRedactions(index, 0);
    if (!redactions.ok()) {
      std::cerr << "foiamine diverge: " << redactions.status().message() << "\n";
      return kExitUsage;
    }
    auto memo = WriteDivergenceMemo(found.listed, found.all, *matrix, exhibits, caption, *redactions, args.out);
    if (!memo.ok()) {
      std::cerr << "foiamine diverge: " << memo.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << "Memo:      " << args.out << " (" << memo->pages << " pages, " << found.listed.size()
              << " pairs, " << memo->exhibits << " exhibits cited)\n";
  }
  if (!args.exhibits.empty()) {
    auto citations = ReadExhibitCitations(index, exhibits);
    auto bundle = citations.ok() ? WriteExhibitBundle(index, *citations, exhibits, caption, args.exhibits, {args.dpi})
                                 : StatusOr<PdfStats>(citations.status());
    if (!bundle.ok()) {
      std::cerr << "foiamine diverge: exhibits: " << bundle.status().message() << "\n";
      return kExitUsage;
    }
    std::cout << "Exhibits:  " << args.exhibits << " (" << bundle->exhibits << " exhibits, " << bundle->pages
              << " pages)\n";
  }
  return kExitOk;
}

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
  const auto jurisdictions = JurisdictionsForDivergence("diverge");
  DivergeOptions options = args.options;
  options.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
  const DivergenceFindings found = FindDivergencesToReport(*records, options);
  if (args.format == "pdf" || !args.exhibits.empty()) {
    if (args.format == "pdf" && args.out.empty()) {
      std::cerr << "foiamine diverge: --format pdf writes a file: give --out MEMO.pdf\n";
      return kExitUsage;
    }
    std::optional<Matrix> matrix;
    if (args.format == "pdf") matrix = BuildMatrix(*records, found.all, options.topic, options.jurisdictions);
    const int rc = DivergePdfs(args, *index, found, matrix ? &*matrix : nullptr);
    if (rc != kExitOk || args.format == "pdf") return rc;
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
  if (args.format == "html") {
    auto digest = IndexDigest(*index);
    report_options.title = args.title;
    report_options.prepared_by = args.prepared_by;
    report_options.generated = GenerationTime();
    report_options.digest = digest.ok() ? *digest : "";
  }
  report_options.color = args.out.empty() && args.format == "text" && isatty(STDOUT_FILENO);
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
                      "text (terminal), json (JSON Lines, the Divergence record), csv (one row per pair), html "
                      "(one self-contained file with a table of contents and the matrix) or pdf (the memo, US "
                      "Letter: caption, summary per agency, matrix, law and practice side by side; needs --out)")
      ->check(CLI::IsMember({"text", "json", "csv", "html", "pdf"}));
  diverge->add_flag("--agreements", args->options.agreements,
                    "Also list policy/practice clauses that restrict what the law restricts (compliance)");
  diverge->add_flag("--matrix", args->matrix,
                    "Text: print the agency x topic table (conflicts / complies / silent) instead of the pairs");
  diverge->add_option("--out", args->out, "Write the report to this file instead of stdout");
  diverge->add_option("--exhibits", args->exhibits,
                      "Also write the exhibit bundle, a PDF: a cover index, then each cited page with the clause "
                      "boxed and a footer with citation, Bates number, file, SHA-256 and page");
  diverge->add_option("--title", args->title, "The memo's and bundle's title (caption)");
  diverge->add_option("--prepared-by", args->prepared_by, "Who prepared the memo (caption)");
  diverge->add_option("--dpi", args->dpi, "Resolution of the page pictures in --exhibits (default 200)")
      ->check(CLI::Range(72, 600));
  return {diverge, [args] { return Diverge(*args); }};
}

}  // namespace foiamine::cli
