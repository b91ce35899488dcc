// `foiamine merge SHARD.db... --into INDEX.db`: combines indexes written by
// `run --shard K/N` (or any foiamine indexes) into one.
//
// Contract:
//   * Documents are deduplicated by SHA-256: a document present in several
//     sources (or already in the target) is stored once; its file paths are
//     unioned. Its pages, words, findings and stage versions come from the
//     first source that had it (they are a function of its bytes).
//   * Each source document is copied in one transaction (a crash leaves the
//     whole document or none of it); re-running the same merge is harmless.
//   * Every table is copied generically, columns discovered with
//     PRAGMA table_info (the intersection of the source's and the target's
//     columns, so sources of an older schema work): row ids are reassigned;
//     columns named document_id, page_id, run_id and first_run_id are
//     remapped to the target's ids. Tables with a document_id or page_id
//     column travel with their document; any other table (e.g. a cache keyed
//     by content) is copied with INSERT OR IGNORE. Virtual tables (FTS) are
//     not copied: the target's triggers index the pages as they arrive.
//     Other integer references between rows are NOT remapped: a new table
//     that needs one must key by content or by document_id/page_id.
//   * Source runs are copied (once) so `status` shows how each shard ran,
//     and the merge itself is recorded as a run of the target.
//   * A failure recorded for a path that some source indexed is dropped;
//     the other failures are kept (once per path).
// The result has the same content digest (search/index_digest.h) as one
// run over the whole drop.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"

namespace foiamine {

struct MergeOptions {
  std::vector<std::string> sources;  // shard index files (read only)
  std::string into;                  // target index (created if missing)
  std::string command_line;          // recorded in runs.arguments
};

struct MergeTotals {
  int64_t documents_new = 0;        // copied into the target
  int64_t documents_duplicate = 0;  // already there: paths unioned
  int64_t pages = 0;                // pages copied
  int64_t failures_seen = 0;        // failure rows in the sources
  int64_t failures_kept = 0;        // failures in the target after the merge (once per path,
                                    // none for a path some source indexed)
  std::vector<std::string> warnings;
};

// REQUIRES: no source is the target file. The merge is written into
// MergeTemporaryPath(into) (a copy of the target when it exists), which
// replaces the target by a rename only when the merge is complete: an error,
// a full disk or a kill leaves the target exactly as it was (and no partial
// index for readers to see); re-running the merge redoes it. The WAL is
// checkpointed as the merge goes, so it stays small. A target that another
// process has open (a reader) is not replaced: an error says so.
StatusOr<MergeTotals> MergeIndexes(const MergeOptions& options);

// INTO.merging: where a merge into INTO is written before the rename.
std::string MergeTemporaryPath(const std::string& into);

}  // namespace foiamine
