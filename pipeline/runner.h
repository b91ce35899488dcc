// `foiamine run`: the batch job over one or more drops.
//
// For every regular file under each DROP (recursively; hidden files and the
// manifest excepted): hash it, skip it if its content is already indexed
// (recording the new path), otherwise detect its type, extract its pages,
// normalize them and write the document in one transaction. A file that
// fails is recorded with its reason in `failures`; the rest go on.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "pipeline/shard.h"

namespace foiamine {

struct RunOptions {
  std::vector<std::string> drops;
  std::string db_path;
  int jobs = 0;                  // 0: number of cores
  bool quiet = false;            // no per-document lines on stderr
  int pdf_timeout_seconds = 300; // per-document bound for Poppler
  std::string command_line;      // recorded in runs.arguments
  std::string helper_executable; // the foiamine binary, for isolated Poppler (see PdfTextLimits)
  std::string rulebook_path;     // empty: see ResolveRulebookPath
  Shard shard;                   // --shard K/N: only documents of shard K are indexed (pipeline/shard.h)
};

// Exit codes of CONTRACTS.md.
enum ExitCode : int { kExitOk = 0, kExitUsage = 1, kExitPartial = 2, kExitInterrupted = 3 };

// Runs the job; the summary goes to `out`, diagnostics to `err`. Returns an
// ExitCode. Usage errors (missing drop, unwritable index) change nothing.
int RunDrops(const RunOptions& options, std::ostream& out, std::ostream& err);

// Asks a running RunDrops to stop after the document in progress (signal-safe).
void RequestStop();

}  // namespace foiamine
