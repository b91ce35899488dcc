// foiamine_bm25(pages_fts, K): FTS5's bm25(), for a top-K query.
//
// The same score, bit for bit, as SQLite's built-in bm25() with no column
// weights (same formula, same constants, same order of operations), for
// every row that can still be among the K best. A row that cannot gets
// kBm25Pruned instead, which sorts after every real score (bm25 is <= 0).
//
//   SELECT rowid, foiamine_bm25(pages_fts, 40) AS score FROM pages_fts
//   WHERE pages_fts MATCH ?1 ORDER BY score, rowid LIMIT 40
//
// returns exactly the rows and scores that bm25() gives, as long as the
// LIMIT is at most K. K <= 0 prunes nothing.
//
// Why: bm25() reads every matching row's length from the %_docsize table (a
// B-tree lookup per row), and that lookup is most of the cost of a word on
// most pages. A row's phrase frequencies and the offset of its last match
// come with the match itself; the offset bounds the row's length from below,
// so they bound its score from above without the lookup. Once K rows are
// scored, a row whose bound is below the K-th best score is skipped. The
// pruning is exact: floating-point rounding is monotone, so the bound as
// computed is never below the score as computed, and a row is skipped only
// when its bound is strictly lower, so ties (ordered by rowid) are kept.
#pragma once

#include "base/status.h"
#include "index/sqlite.h"

namespace foiamine {

// What foiamine_bm25 gives a row that cannot be among the K best.
inline constexpr double kBm25Pruned = 1e300;

// Registers foiamine_bm25 with `db`'s FTS5 module. IndexReader::Open does.
[[nodiscard]] Status RegisterFtsRank(Database& db);

}  // namespace foiamine
