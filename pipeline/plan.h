// The plan: what a run does with each file of a drop. One decision, two
// callers: the run acts on it (pipeline/runner.cc), `run --dry-run` prints
// it (PrintRunPlan), so the two cannot drift apart.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <set>
#include <string>

#include "extractors/rulebook.h"
#include "pipeline/drop_scan.h"
#include "pipeline/index.h"
#include "pipeline/reprocess.h"
#include "pipeline/runner.h"

namespace foiamine {

struct FilePlan {
  enum class Action {
    kUnreadable,     // its content (or the index) cannot be read: a failure of its path
    kOtherShard,     // another shard's document (--shard): not ours, not a failure
    kIndexed,        // indexed content, first found in this run: `rework` says what to redo
    kIndexedAgain,   // indexed content already dealt with in this run: only its path is recorded
    kSkipFailed,     // failed earlier with this very content, not retried (--retry-failed retries)
    kDuplicate,      // the same content as a new file of this run still being processed: a path of it
    kNew,            // content to index (new, changed since a failure, or a failure retried)
  };
  Action action = Action::kNew;
  std::string sha256;  // empty for kUnreadable
  std::string reason;  // kUnreadable: why
  std::optional<IndexedDocument> indexed;                 // kIndexed, kIndexedAgain
  Rework rework;                                          // kIndexed
  std::optional<Index::RecordedFailure> failure;          // the path's recorded failure, if any
};

// Decides file by file, remembering what this run has seen.
class RunPlanner {
 public:
  // `index`: null when there is none yet (a dry run on an absent index).
  RunPlanner(Index* index, const RunOptions& options, CurrentVersions current, ReworkPolicy policy);

  // The plan for `file`, found now. `pending(sha)`: whether a new document
  // with that content is still being processed in this run (the run: in
  // flight, not yet written; a dry run: every new content seen so far).
  FilePlan Decide(const DropFile& file, const std::function<bool(const std::string& sha)>& pending);

  // Whether this run has met the content before (indexed or new).
  bool Seen(const std::string& sha) const { return seen_.count(sha) > 0; }

 private:
  Index* index_;
  const RunOptions& options_;
  CurrentVersions current_;
  ReworkPolicy policy_;
  std::set<std::string> seen_;
};

// `run --dry-run`: prints the plan of every file of the drops and what a
// changed rulebook would re-extract, changing nothing (an absent index is
// not created; an existing one is opened read-only). Returns an ExitCode.
int PrintRunPlan(const RunOptions& options, const extractors::Rulebook& rulebook, std::optional<ForcedStage> forced,
                 std::ostream& out, std::ostream& err);

}  // namespace foiamine
