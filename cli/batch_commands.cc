// `foiamine run` and `foiamine merge`: the batch side (pipeline/).
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pipeline/merge.h"
#include "pipeline/runner.h"

namespace foiamine::cli {
namespace {

void OnInterrupt(int) { RequestStop(); }

struct RunArgs {
  RunOptions options;
  bool progress = false;
  std::string shard;
  CLI::Option* lang = nullptr;
  CLI::Option* dpi = nullptr;
};

int Run(RunArgs& args, const std::string& command_line) {
  RunOptions& options = args.options;
  if (options.jobs == 0) options.jobs = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
  if (!args.shard.empty()) {
    auto shard = ParseShard(args.shard);
    if (!shard.ok()) {
      std::cerr << "foiamine run: " << shard.status().message() << "\n";
      return kExitUsage;
    }
    options.shard = shard.value();
  }
  options.command_line = command_line;
  options.helper_executable = SelfExecutable();
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  options.languages_given = args.lang->count() > 0;
  options.dpi_given = args.dpi->count() > 0;
  return RunDrops(options, std::cout, std::cerr);
}

int Merge(MergeOptions& options, const std::string& command_line) {
  options.command_line = command_line;
  auto totals = MergeIndexes(options);
  if (!totals.ok()) {
    std::cerr << "foiamine merge: " << totals.status().message() << "\n";
    return kExitUsage;
  }
  for (const auto& w : totals->warnings) std::cerr << "foiamine merge: warning: " << w << "\n";
  std::cout << "foiamine merge: " << options.sources.size() << " index" << (options.sources.size() == 1 ? "" : "es")
            << " -> " << options.into << "\n"
            << "  new documents   " << totals->documents_new << " (" << totals->pages << " pages)\n"
            << "  duplicates      " << totals->documents_duplicate << " (paths unioned)\n"
            << "  failures        " << totals->failures_kept << " (of " << totals->failures_seen
            << " recorded in the sources)\n";
  return kExitOk;
}

}  // namespace

Command AddRunCommand(CLI::App& app, const std::string& command_line) {
  auto args = std::make_shared<RunArgs>();
  RunOptions& o = args->options;
  auto* run = app.add_subcommand("run", "Index one or more drops (folders or files) into an index");
  run->add_option("DROP", o.drops, "Drop folder(s) or file(s)")->required();
  run->add_option("--db", o.db_path, "Index file (created if missing)")->required();
  run->add_option("--jobs", o.jobs, "Worker count (default: number of cores)")->check(CLI::NonNegativeNumber);
  auto* quiet = run->add_flag("--quiet", o.quiet, "No progress on stderr (see --progress)");
  run->add_flag("--progress", args->progress,
                "Progress on stderr, the default (stated explicitly): one updating line on a terminal; otherwise "
                "per-document lines and a plain progress line every 5 s")
      ->excludes(quiet);
  args->lang = run->add_option("--lang", o.languages,
                               "OCR languages, '+'-joined Tesseract codes, e.g. eng+spa (default: as the index was last "
                               "OCR'd with, else eng)");
  args->dpi = run->add_option("--dpi", o.dpi,
                              "Resolution PDF pages are rendered at for OCR; a scan of lower resolution is rendered at "
                              "its own (default: as the index was last OCR'd with, else 300)")
                  ->check(CLI::Range(70, 1200));
  run->add_flag("--force-ocr", o.force_ocr, "OCR every PDF page, even those with a good text layer");
  run->add_option("--pdf-timeout", o.pdf_timeout_seconds, "Seconds allowed per PDF for text extraction")
      ->check(CLI::PositiveNumber);
  run->add_option("--rulebook", o.rulebook_path,
                  "Clause rulebook (default: $FOIAMINE_RULEBOOK, else the source tree's schemas/rulebook.yaml)");
  run->add_flag("--retry-failed", o.retry_failed,
                "Retry files whose failure is recorded even if unchanged, and pages whose OCR failed (by default "
                "an unchanged failed file, or a page that failed OCR under the same OCR settings, is skipped, "
                "listed in the summary, and the run still exits 2)");
  run->add_flag("--dry-run", o.dry_run,
                "Print the plan (per file: new, unchanged, re-text, re-OCR (N pages), re-extract with the reason, "
                "changed-since-failure, failed-unchanged (skipped), other shard; documents to re-extract for a "
                "changed rulebook) and change nothing");
  run->add_option("--force", o.force_stage,
                  "Redo one stage for the indexed documents found in the drops, unchanged ones included: text "
                  "(read the file again, OCR cache allowed), ocr (OCR again the pages that need it, bypassing the "
                  "OCR cache), extract (from the stored text). Without it a stage is redone only when its version "
                  "changed (Poppler, Tesseract, --lang, --dpi, the rulebook)")
      ->check(CLI::IsMember({"text", "ocr", "extract"}));
  run->add_option("--shard", args->shard, "Index only shard K of N (K from 0, e.g. $SLURM_ARRAY_TASK_ID/N)");
  return {run, [args, command_line] { return Run(*args, command_line); }};
}

Command AddMergeCommand(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<MergeOptions>();
  auto* merge = app.add_subcommand("merge", "Combine shard indexes (run --shard K/N) into one index");
  merge->add_option("SHARD", options->sources, "Shard index files, e.g. shard-*.db")->required();
  merge->add_option("--into", options->into, "Target index (created if missing)")->required();
  return {merge, [options, command_line] { return Merge(*options, command_line); }};
}

}  // namespace foiamine::cli
