// foiamine: the one command-line binary (CONTRACTS.md).
//
// Output for people goes to stdout; progress and diagnostics to stderr;
// --json is JSON Lines. Exit codes: 0 ok, 1 usage or fatal error, 2 partial
// (some inputs failed, each recorded), 3 interrupted.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <iostream>

#include "pipeline/extract_stage.h"
#include "pipeline/index.h"
#include "pipeline/merge.h"
#include "pipeline/pdf_text.h"
#include "pipeline/runner.h"
#include "search/clauses.h"
#include "search/diverge.h"
#include "search/cite.h"
#include "search/diverge_report.h"
#include "search/verify.h"
#include "search/index_status.h"
#include "search/set_score.h"
#include "pipeline/page.h"
#include "search/search.h"

namespace {

// schemas/jurisdictions.yaml for pairing laws with the agencies they bind;
// without it (a warning) pairs are decided by jurisdiction codes alone.
std::optional<foiamine::extractors::Jurisdictions> JurisdictionsForDivergence(const char* command) {
  auto loaded = foiamine::LoadJurisdictionsFile(foiamine::ResolveJurisdictionsPath());
  if (loaded.ok()) return std::move(*loaded);
  std::cerr << "foiamine " << command << ": warning: " << loaded.status().message()
            << "; laws bind by jurisdiction code only\n";
  return std::nullopt;
}

}  // namespace

namespace {

using foiamine::Index;
using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Readings of OCR-damaged known tokens in a hit's snippet (none for text-layer pages).
json OcrReadingsJson(const std::string& method, const std::string& text) {
  json out = json::array();
  if (method != "ocr") return out;
  for (const auto& r : foiamine::extractors::FindOcrReadings(text)) out.push_back({{"raw", r.raw}, {"reading", r.reading}});
  return out;
}

json NullableReal(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// Opens an existing index for reading; prints the reason and returns nullopt
// when it cannot.
std::optional<Index> OpenForReading(const std::string& db_path, const char* command) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    std::cerr << "foiamine " << command << ": no index at " << db_path << " (create one with `foiamine run DROP --db "
              << db_path << "`)\n";
    return std::nullopt;
  }
  auto index = Index::Open(db_path, Index::Access::kRead);
  if (!index.ok()) {
    std::cerr << "foiamine " << command << ": " << index.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(index.value());
}

// `foiamine eval --set`: one labeled set's scores to stdout, and as a JSON
// line appended to `summary_path` when given.
int EvalSet(const std::string& db_path, const std::string& labels_dir, const std::string& name,
            const std::string& split, const std::string& summary_path, bool verbose) {
  auto index = OpenForReading(db_path, "eval");
  if (!index) return foiamine::kExitUsage;
  const auto jurisdictions = JurisdictionsForDivergence("eval");
  auto input = foiamine::ReadSetInput(*index, name, labels_dir, split, jurisdictions ? &*jurisdictions : nullptr);
  if (!input.ok()) {
    std::cerr << "foiamine eval: " << input.status().message() << "\n";
    return foiamine::kExitUsage;
  }
  const foiamine::SetScore score = foiamine::ScoreSet(*input);
  foiamine::PrintSetScore(score, verbose, std::cout);
  if (!summary_path.empty()) {
    std::ofstream summary(summary_path, std::ios::app);
    summary << foiamine::SetScoreJson(score) << "\n";
    if (!summary.flush()) {
      std::cerr << "foiamine eval: cannot write " << summary_path << "\n";
      return foiamine::kExitUsage;
    }
  }
  return 0;
}

void OnInterrupt(int) { foiamine::RequestStop(); }

std::string CommandLine(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

// Tesseract's OpenMP must run one thread per worker: with it left on, two
// workers on two cores take ~6x longer per page. libgomp reads
// OMP_THREAD_LIMIT once, when it is loaded (before main), so setting it here
// is too late for this process image: set it and exec ourselves again. An
// OMP_THREAD_LIMIT already in the environment is respected (the benchmark
// sets a large one to measure OpenMP left on).
void HoldOpenMpToOneThread(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed: go on (slower with OCR), but say so.
  std::cerr << "foiamine: warning: could not re-execute with OMP_THREAD_LIMIT=1; OCR may be slow\n";
}

}  // namespace

extern "C" int omp_get_thread_limit(void);

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "run" || std::string(argv[1]) == "__omp-thread-limit")) {
    HoldOpenMpToOneThread(argv);
  }
  // Internal: OpenMP's thread limit as libgomp read it at load (tests, bench).
  if (argc == 2 && std::string(argv[1]) == "__omp-thread-limit") {
    std::cout << omp_get_thread_limit() << "\n";
    return 0;
  }
  // Internal: the isolated Poppler text extraction (pipeline/pdf_text.h).
  if (argc == 3 && std::string(argv[1]) == "__pdf-text") {
    return foiamine::ServePdfTextRequest(argv[2], STDOUT_FILENO);
  }
  CLI::App app{"foiamine: mine public-records drops for the clauses that govern cooperation with federal\n"
               "immigration enforcement, and cite them precisely."};
  app.require_subcommand(1);
  app.set_version_flag("--version", FOIAMINE_VERSION_STRING);

  // run
  foiamine::RunOptions run_options;
  auto* run = app.add_subcommand("run", "Index one or more drops (folders or files) into an index");
  run->add_option("DROP", run_options.drops, "Drop folder(s) or file(s)")->required();
  run->add_option("--db", run_options.db_path, "Index file (created if missing)")->required();
  run->add_option("--jobs", run_options.jobs, "Worker count (default: number of cores)")->check(CLI::NonNegativeNumber);
  auto* quiet = run->add_flag("--quiet", run_options.quiet, "No progress on stderr (see --progress)");
  bool progress = false;
  run->add_flag("--progress", progress,
                "Progress on stderr, the default (stated explicitly): one updating line on a terminal; otherwise "
                "per-document lines and a plain progress line every 5 s")
      ->excludes(quiet);
  auto* lang = run->add_option("--lang", run_options.languages,
                               "OCR languages, '+'-joined Tesseract codes, e.g. eng+spa (default: as the index was last "
                               "OCR'd with, else eng)");
  auto* dpi = run->add_option("--dpi", run_options.dpi,
                              "Resolution PDF pages are rendered at for OCR (default: as the index was last OCR'd "
                              "with, else 300)")
                  ->check(CLI::Range(70, 1200));
  run->add_flag("--force-ocr", run_options.force_ocr, "OCR every PDF page, even those with a good text layer");
  run->add_option("--pdf-timeout", run_options.pdf_timeout_seconds, "Seconds allowed per PDF for text extraction")
      ->check(CLI::PositiveNumber);
  run->add_option("--rulebook", run_options.rulebook_path,
                  "Clause rulebook (default: $FOIAMINE_RULEBOOK, else the source tree's schemas/rulebook.yaml)");
  run->add_flag("--retry-failed", run_options.retry_failed,
                "Retry files whose failure is recorded even if unchanged, and pages whose OCR failed (by default "
                "an unchanged failed file, or a page that failed OCR under the same OCR settings, is skipped, "
                "listed in the summary, and the run still exits 2)");
  run->add_flag("--dry-run", run_options.dry_run,
                "Print the plan (per file: new, unchanged, re-text, re-OCR (N pages), re-extract with the reason, "
                "changed-since-failure, failed-unchanged (skipped), other shard; documents to re-extract for a "
                "changed rulebook) and change nothing");
  run->add_option("--force", run_options.force_stage,
                  "Redo one stage for the indexed documents found in the drops, unchanged ones included: text "
                  "(read the file again, OCR cache allowed), ocr (OCR again the pages that need it, bypassing the "
                  "OCR cache), extract (from the stored text). Without it a stage is redone only when its version "
                  "changed (Poppler, Tesseract, --lang, --dpi, the rulebook)")
      ->check(CLI::IsMember({"text", "ocr", "extract"}));
  std::string run_shard;
  run->add_option("--shard", run_shard, "Index only shard K of N (K from 0, e.g. $SLURM_ARRAY_TASK_ID/N)");

  // status
  std::string db_path;
  bool json_output = false;
  auto* status = app.add_subcommand("status", "What the index holds: documents, pages, OCR needs, failures, runs");
  status->add_option("--db", db_path, "Index file")->required();
  status->add_flag("--json", json_output, "One JSON object");

  // search
  foiamine::SearchOptions search_options;
  auto* search = app.add_subcommand("search", "Full-text search (SQLite FTS5 syntax) with citations");
  search->add_option("QUERY", search_options.query, "e.g. '\"notify ICE\"', 'NEAR(detainer release, 8)', 'notif*'")
      ->required();
  search->add_option("--db", db_path, "Index file")->required();
  search->add_option("--topic", search_options.topic, "Only pages with a clause of this topic");
  search->add_option("--kind", search_options.kind, "Only documents of this doc_kind");
  search->add_option("--authority", search_options.authority, "Only law, policy or practice documents")
      ->check(CLI::IsMember({"law", "policy", "practice"}));
  search->add_option("--bates", search_options.bates,
                     "Only pages whose Bates stamp starts with this, e.g. DOC-FOIA-00317- (a production) or "
                     "DOC-FOIA-00317-00002 (a page)");
  search->add_option("--limit", search_options.limit, "Most hits to show (default 20)")->check(CLI::PositiveNumber);
  search->add_flag("--json", json_output, "JSON Lines: one search-hit record per line");

  // pages
  std::string doc;
  auto* pages = app.add_subcommand("pages", "Print each page's text, method (text|ocr) and OCR confidence");
  pages->add_option("--db", db_path, "Index file")->required();
  pages->add_option("--doc", doc, "Only this document: its path or SHA-256");
  pages->add_flag("--json", json_output, "JSON Lines: one page record per line");

  // clauses
  foiamine::ClauseFilter clause_filter;
  auto* clauses = app.add_subcommand("clauses", "List the clauses found: topic, stance, actor, page, section, quote");
  clauses->add_option("--db", db_path, "Index file")->required();
  clauses->add_option("--topic", clause_filter.topic, "Only this topic (e.g. release_notification)");
  clauses->add_option("--stance", clause_filter.stance, "Only this stance")
      ->check(CLI::IsMember({"restricts", "requires", "permits", "reports", "mentions"}));
  clauses->add_option("--authority", clause_filter.authority, "Only clauses of law, policy or practice documents")
      ->check(CLI::IsMember({"law", "policy", "practice"}));
  clauses->add_flag("--json", json_output, "JSON Lines: one clause record per line");

  // eval
  std::string labels_dir;
  bool verbose = false;
  auto* eval = app.add_subcommand("eval", "Score the clauses found against ground-truth labels (precision, recall)");
  eval->add_option("--db", db_path, "Index file")->required();
  eval->add_option("--labels", labels_dir, "Folder with clauses.jsonl (e.g. corpus/labels)")->required();
  eval->add_flag("--verbose", verbose, "List every missed label and unexpected clause");
  std::string eval_set, eval_split, eval_summary;
  eval->add_option("--set", eval_set,
                   "Score as the named labeled set, by the acceptance checks' rule (binding stances, file names,\n"
                   "punctuation-insensitive quotes; pairs by topic and documents), per topic, stance and genre");
  eval->add_option("--split", eval_split, "With --set: only the documents of this split (LABELS/../split.tsv)");
  eval->add_option("--summary", eval_summary, "With --set: append the scores as one JSON line to this file");

  // diverge
  foiamine::DivergeOptions diverge_options;
  std::string diverge_format = "text", diverge_out;
  bool diverge_matrix = false;
  auto* diverge = app.add_subcommand(
      "diverge",
      "Law vs practice: pair every law clause that restricts a topic for an agency with each policy or practice\n"
      "clause that requires, permits or reports it; both sides cited, decisive words marked, dates flagged");
  diverge->add_option("--db", db_path, "Index file")->required();
  diverge->add_option("--topic", diverge_options.topic, "Only this topic (e.g. release_notification)");
  diverge->add_option("--format", diverge_format,
                      "text (terminal), json (JSON Lines, the Divergence record), csv (one row per pair) or html "
                      "(one self-contained file with a table of contents and the matrix)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  diverge->add_flag("--agreements", diverge_options.agreements,
                    "Also list policy/practice clauses that restrict what the law restricts (compliance)");
  diverge->add_flag("--matrix", diverge_matrix,
                    "Text: print the agency x topic table (conflicts / complies / silent) instead of the pairs");
  diverge->add_option("--out", diverge_out, "Write the report to this file instead of stdout");

  // cite
  std::string cite_id, exhibit_path;
  foiamine::ExhibitOptions exhibit_options;
  auto* cite = app.add_subcommand(
      "cite", "A clause as a citation ready for a brief: title, number, section, page, exact quote, file and SHA-256,\n"
              "method (text layer or OCR with confidence); --exhibit draws the page with the clause boxed");
  cite->add_option("CLAUSE_ID", cite_id, "The clause's id (16 hex digits, from `clauses`, `diverge`)")->required();
  cite->add_option("--db", db_path, "Index file")->required();
  cite->add_option("--exhibit", exhibit_path,
                   "Write a PNG of the page with the clause's words highlighted and the citation in a bottom margin "
                   "(the source file must still be present and unchanged)");
  cite->add_option("--dpi", exhibit_options.dpi, "Resolution PDF pages are rendered at for --exhibit (default 150)")
      ->check(CLI::Range(36, 600));

  // verify
  bool verify_all = false;
  auto* verify = app.add_subcommand(
      "verify",
      "Re-hash every indexed source file still present and report those changed or vanished since indexing.\n"
      "Exit 0 when every file matches, 2 when some changed, vanished or cannot be read, 1 on error");
  verify->add_option("--db", db_path, "Index file")->required();
  verify->add_flag("--all", verify_all, "Also list the files that match");

  // merge (pipeline/merge.h)
  foiamine::MergeOptions merge_options;
  auto* merge = app.add_subcommand("merge", "Combine shard indexes (run --shard K/N) into one index");
  merge->add_option("SHARD", merge_options.sources, "Shard index files, e.g. shard-*.db")->required();
  merge->add_option("--into", merge_options.into, "Target index (created if missing)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : foiamine::kExitUsage;
  }

  if (*run) {
    if (run_options.jobs == 0) run_options.jobs = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
    if (!run_shard.empty()) {
      auto shard = foiamine::ParseShard(run_shard);
      if (!shard.ok()) {
        std::cerr << "foiamine run: " << shard.status().message() << "\n";
        return foiamine::kExitUsage;
      }
      run_options.shard = shard.value();
    }
    run_options.command_line = CommandLine(argc, argv);
    std::error_code ec;
    run_options.helper_executable = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    run_options.languages_given = lang->count() > 0;
    run_options.dpi_given = dpi->count() > 0;
    return foiamine::RunDrops(run_options, std::cout, std::cerr);
  }

  if (*merge) {
    merge_options.command_line = CommandLine(argc, argv);
    auto totals = foiamine::MergeIndexes(merge_options);
    if (!totals.ok()) {
      std::cerr << "foiamine merge: " << totals.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    for (const auto& w : totals->warnings) std::cerr << "foiamine merge: warning: " << w << "\n";
    std::cout << "foiamine merge: " << merge_options.sources.size() << " index" << (merge_options.sources.size() == 1 ? "" : "es")
              << " -> " << merge_options.into << "\n"
              << "  new documents   " << totals->documents_new << " (" << totals->pages << " pages)\n"
              << "  duplicates      " << totals->documents_duplicate << " (paths unioned)\n"
              << "  failures        " << totals->failures_kept << " (of " << totals->failures_seen
              << " recorded in the sources)\n";
    return 0;
  }

  if (*status) {
    auto index = OpenForReading(db_path, "status");
    if (!index) return foiamine::kExitUsage;
    auto report = foiamine::ReadIndexStatus(*index, /*with_digest=*/json_output);
    if (!report.ok()) {
      std::cerr << "foiamine status: " << report.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    if (json_output) foiamine::PrintIndexStatusJson(*report, std::cout);
    else foiamine::PrintIndexStatus(*report, std::cout);
    return 0;
  }

  if (*search) {
    auto index = OpenForReading(db_path, "search");
    if (!index) return foiamine::kExitUsage;
    bool color = !json_output && isatty(STDOUT_FILENO);
    if (color) {
      search_options.mark_open = "\033[1;33m";
      search_options.mark_close = "\033[0m";
    } else if (json_output) {
      search_options.mark_open = "**";
      search_options.mark_close = "**";
    }
    auto hits = foiamine::Search(*index, search_options);
    if (!hits.ok()) {
      std::cerr << "foiamine search: " << hits.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    for (const auto& h : *hits) {
      if (json_output) {
        std::cout << Dump({{"doc_sha256", h.doc_sha256}, {"doc_path", h.doc_path}, {"doc_title", h.doc_title},
                           {"page", h.page}, {"section", h.section.empty() ? json(nullptr) : json(h.section)},
                           {"snippet", h.snippet}, {"score", h.score}, {"citation", h.citation},
                           {"bates", h.bates.empty() ? json(nullptr) : json(h.bates)},
                           {"ocr_readings", OcrReadingsJson(h.method, h.snippet)},
                           {"method", h.method}, {"ocr_confidence", NullableReal(h.ocr_confidence)}})
                  << "\n";
      } else {
        // One line per snippet: line breaks and their runs become one space.
        std::string snippet;
        for (char c : h.snippet) {
          if (c == '\n' || c == ' ') {
            if (!snippet.empty() && snippet.back() != ' ') snippet += ' ';
          } else {
            snippet += c;
          }
        }
        std::cout << h.citation << "  [" << h.doc_path << "]";
        if (h.method == "ocr") {
          const bool low = h.ocr_confidence && *h.ocr_confidence < foiamine::kLowOcrConfidence;
          std::cout << (low ? "  (low-confidence OCR)" : "  (OCR)");
        }
        std::cout << "\n    " << snippet << "\n";
        if (auto readings = foiamine::extractors::FindOcrReadings(h.snippet); h.method == "ocr" && !readings.empty()) {
          std::cout << "    OCR readings: " << foiamine::extractors::OcrReadingsNote(readings) << "\n";
        }
      }
    }
    if (!json_output) {
      std::cout << hits->size() << " hit" << (hits->size() == 1 ? "" : "s");
      if (static_cast<int>(hits->size()) == search_options.limit) std::cout << " (limit reached; use --limit)";
      std::cout << "\n";
    }
    return 0;
  }

  if (*pages) {
    auto index = OpenForReading(db_path, "pages");
    if (!index) return foiamine::kExitUsage;
    std::error_code ec;
    if (!doc.empty() && std::filesystem::exists(doc, ec)) {
      doc = std::filesystem::absolute(doc).lexically_normal().string();
    }
    auto records = foiamine::ReadPages(*index, doc);
    if (!records.ok()) {
      std::cerr << "foiamine pages: " << records.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    for (const auto& p : *records) {
      if (json_output) {
        std::cout << Dump({{"doc_sha256", p.doc_sha256}, {"doc_path", p.doc_path}, {"page", p.page},
                           {"method", p.method}, {"ocr_confidence", NullableReal(p.ocr_confidence)}, {"text", p.text}})
                  << "\n";
      } else {
        std::cout << "==== " << p.doc_path << " p. " << p.page << " [" << p.method;
        if (p.ocr_confidence) std::cout << ", confidence " << static_cast<int>(*p.ocr_confidence);
        std::cout << "]\n" << p.text << "\n";
      }
    }
    return 0;
  }
  if (*clauses) {
    auto index = OpenForReading(db_path, "clauses");
    if (!index) return foiamine::kExitUsage;
    auto records = foiamine::ReadClauses(*index, clause_filter);
    if (!records.ok()) {
      std::cerr << "foiamine clauses: " << records.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    std::string last_doc;
    for (const auto& c : *records) {
      if (json_output) {
        std::cout << foiamine::ClauseJson(c) << "\n";
        continue;
      }
      if (c.doc_path != last_doc) {
        std::cout << "\n" << c.doc_path << (c.doc_title.empty() ? "" : "  — " + c.doc_title) << "\n";
        last_doc = c.doc_path;
      }
      std::cout << "  " << c.citation << "  " << c.topic << " / " << c.stance << (c.actor.empty() ? "" : " / " + c.actor)
                << (c.method == "ocr" ? "  (OCR)" : "") << "  [" << c.id << "]\n    \"" << c.text << "\"\n";
      if (!c.ocr_readings.empty()) std::cout << "    OCR readings: " << foiamine::extractors::OcrReadingsNote(c.ocr_readings) << "\n";
    }
    if (!json_output) std::cout << "\n" << records->size() << " clause" << (records->size() == 1 ? "" : "s") << "\n";
    return 0;
  }

  if (*eval && !eval_set.empty()) return EvalSet(db_path, labels_dir, eval_set, eval_split, eval_summary, verbose);
  if (*eval) {
    if (!eval_split.empty() || !eval_summary.empty()) {
      std::cerr << "foiamine eval: --split and --summary need --set\n";
      return foiamine::kExitUsage;
    }
    auto index = OpenForReading(db_path, "eval");
    if (!index) return foiamine::kExitUsage;
    auto records = foiamine::ReadClauses(*index, {});
    if (!records.ok()) {
      std::cerr << "foiamine eval: " << records.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    auto report = foiamine::EvaluateClauses(*records, (std::filesystem::path(labels_dir) / "clauses.jsonl").string());
    if (!report.ok()) {
      std::cerr << "foiamine eval: " << report.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    foiamine::PrintEvalReport(*report, verbose, std::cout);
    // Divergences, when the labels folder has them.
    auto divergence_labels = std::filesystem::path(labels_dir) / "divergences.jsonl";
    std::error_code ec;
    if (std::filesystem::exists(divergence_labels, ec)) {
      const auto jurisdictions = JurisdictionsForDivergence("eval");
      foiamine::DivergeOptions options;
      options.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
      auto pairs = foiamine::FindDivergences(*records, options);
      auto score = foiamine::EvaluateDivergences(
          pairs, divergence_labels.string(), (std::filesystem::path(labels_dir) / "clauses.jsonl").string());
      if (!score.ok()) {
        std::cerr << "foiamine eval: " << score.status().message() << "\n";
        return foiamine::kExitUsage;
      }
      std::cout << "\n";
      foiamine::PrintDivergenceScore(*score, verbose, std::cout);
    }
    return 0;
  }

  if (*diverge) {
    auto index = OpenForReading(db_path, "diverge");
    if (!index) return foiamine::kExitUsage;
    auto records = foiamine::ReadClauses(*index, {});
    if (!records.ok()) {
      std::cerr << "foiamine diverge: " << records.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    std::ofstream file;
    if (!diverge_out.empty()) {
      file.open(diverge_out, std::ios::binary);
      if (!file) {
        std::cerr << "foiamine diverge: cannot write " << diverge_out << "\n";
        return foiamine::kExitUsage;
      }
    }
    std::ostream& out = diverge_out.empty() ? std::cout : file;
    foiamine::ReportOptions report_options;
    report_options.source = db_path;
    report_options.color = diverge_out.empty() && diverge_format == "text" && isatty(STDOUT_FILENO);
    // The matrix needs agreements whatever --agreements says.
    const auto jurisdictions = JurisdictionsForDivergence("diverge");
    foiamine::DivergeOptions all = diverge_options;
    all.agreements = true;
    all.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
    auto all_pairs = foiamine::FindDivergences(*records, all);
    std::vector<foiamine::Divergence> pairs;
    for (const auto& d : all_pairs) {
      if (!d.agreement || diverge_options.agreements) pairs.push_back(d);
    }
    if (diverge_format == "json") {
      foiamine::WriteDivergenceJson(pairs, out);
    } else if (diverge_format == "csv") {
      foiamine::WriteDivergenceCsv(pairs, out);
    } else if (diverge_format == "html") {
      auto matrix = foiamine::BuildMatrix(*records, all_pairs, diverge_options.topic, all.jurisdictions);
      foiamine::WriteDivergenceHtml(pairs, matrix, *records, report_options, out);
    } else if (diverge_matrix) {
      auto matrix = foiamine::BuildMatrix(*records, all_pairs, diverge_options.topic, all.jurisdictions);
      foiamine::WriteMatrixText(matrix, *records, out);
    } else {
      foiamine::WriteDivergenceText(pairs, report_options, out);
    }
    out.flush();
    if (!out) {
      std::cerr << "foiamine diverge: write failed" << (diverge_out.empty() ? "" : " (" + diverge_out + ")") << "\n";
      return foiamine::kExitUsage;
    }
    return 0;
  }
  if (*cite) {
    auto index = OpenForReading(db_path, "cite");
    if (!index) return foiamine::kExitUsage;
    auto citation = foiamine::ReadClauseCitation(*index, cite_id);
    if (!citation.ok()) {
      std::cerr << "foiamine cite: " << citation.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    if (citation->changed) {
      // A citation must quote the file it names: one whose bytes changed
      // since indexing is not that file any more.
      std::cerr << "foiamine cite: refusing to cite clause " << citation->clause.id << ": "
                << citation->changed_detail << ". The quote, page and section may no longer be in it; re-run "
                << "`foiamine run` on its drop to index the file as it is now, or restore the original.\n";
      return foiamine::kExitPartial;
    }
    foiamine::PrintCitation(*citation, std::cout);
    if (!exhibit_path.empty()) {
      auto written = foiamine::WriteExhibit(*citation, exhibit_path, exhibit_options);
      if (!written.ok()) {
        std::cerr << "foiamine cite: " << written.status().message() << "\n";
        return foiamine::kExitUsage;
      }
      std::cout << "Exhibit:   " << exhibit_path << " (" << written->png_w << "x" << written->png_h << " px)\n";
    }
    return 0;
  }

  if (*verify) {
    auto index = OpenForReading(db_path, "verify");
    if (!index) return foiamine::kExitUsage;
    auto report = foiamine::VerifySources(*index);
    if (!report.ok()) {
      std::cerr << "foiamine verify: " << report.status().message() << "\n";
      return foiamine::kExitUsage;
    }
    foiamine::PrintVerifyReport(*report, verify_all, std::cout);
    return report->all_match() ? 0 : foiamine::kExitPartial;
  }
  return foiamine::kExitUsage;
}
