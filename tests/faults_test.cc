// Faults (issue 18): a full disk or an I/O error stops a run with exit 1,
// keeps what was committed and leaves every document not written retryable;
// nothing is recorded as failed that is not the document's fault.
//
// The full disk is simulated without root: the run is started under
// `ulimit -f` (RLIMIT_FSIZE) with SIGXFSZ ignored, so a write past the limit
// fails with EFBIG, which SQLite reports like a full disk.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/test_support.h"

using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// `count` text files of distinct words, ~`bytes` each, so that each one
// grows the index (its pages and their FTS5 rows).
void WriteWordyDrop(const fs::path& drop, int count, size_t bytes) {
  uint32_t seed = 12345;
  for (int i = 0; i < count; ++i) {
    std::string text;
    while (text.size() < bytes) {
      std::string word;
      seed = seed * 1103515245u + 12345u;
      const int length = 4 + static_cast<int>((seed >> 16) % 7);
      for (int k = 0; k < length; ++k) {
        seed = seed * 1103515245u + 12345u;
        word += static_cast<char>('a' + (seed >> 16) % 26);
      }
      text += word + ((seed >> 8) % 12 == 0 ? ".\n" : " ");
    }
    WriteFile(drop / ("doc" + std::to_string(100 + i) + ".txt"), text);
  }
}

uintmax_t FileSizeOrZero(const fs::path& path) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

TEST_CASE("faults: a full disk stops the run with exit 1, keeps what was written, and a re-run finishes it",
          "[faults][e2e]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  constexpr int kDocs = 40;
  WriteWordyDrop(drop, kDocs, 24 << 10);
  // How big the whole index gets, to set the limit at half of it.
  const fs::path reference = dir / "reference.db";
  auto full = RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + Quote(reference.string()));
  REQUIRE(full.exit_code == 0);
  REQUIRE(QueryInt(reference, "SELECT count(*) FROM documents") == kDocs);
  const uintmax_t whole = FileSizeOrZero(reference) + FileSizeOrZero(reference.string() + "-wal");
  REQUIRE(whole > (256u << 10));

  const fs::path db = dir / "i.db";
  const uintmax_t limit_blocks = whole / 2 / 512;  // ulimit -f counts 512-byte blocks under sh
  auto faulted = RunShell("trap '' XFSZ; ulimit -f " + std::to_string(limit_blocks) + "; " + Quote(FOIAMINE_BIN) +
                          " run " + Quote(drop.string()) + " --quiet --db " + Quote(db.string()));
  INFO("stderr: " << faulted.err);
  CHECK(faulted.exit_code == 1);  // before: 2, as if some documents were bad
  CHECK(faulted.err.find("cannot write to the index") != std::string::npos);
  CHECK(faulted.err.find("re-run the same command") != std::string::npos);
  // One message, not one per remaining file (before: an error line for
  // every file after the disk filled).
  size_t error_lines = 0;
  for (size_t at = faulted.err.find("error"); at != std::string::npos; at = faulted.err.find("error", at + 1)) {
    ++error_lines;
  }
  CHECK(error_lines <= 2);
  const int64_t kept = QueryInt(db, "SELECT count(*) FROM documents");
  CHECK(kept < kDocs);
  // Nothing was blamed on a document (before: the files that failed were
  // recorded, then skipped by the next run as "failed earlier, unchanged").
  CHECK(QueryInt(db, "SELECT count(*) FROM failures") == 0);

  // Space again: the same command finishes the drop.
  auto again = RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + Quote(db.string()));
  INFO("re-run stderr: " << again.err);
  CHECK(again.exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM documents") == kDocs);
  CHECK(QueryInt(db, "SELECT count(*) FROM failures") == 0);
  CHECK(IndexDigest(db) == IndexDigest(reference));
}

TEST_CASE("faults: a merge that fails midway (full disk) leaves the target as it was, and the re-run completes it",
          "[faults][merge][e2e]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  constexpr int kDocs = 30;
  WriteWordyDrop(drop, kDocs, 24 << 10);
  const fs::path single = dir / "single.db";
  REQUIRE(RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + Quote(single.string())).exit_code == 0);
  std::string shards;
  for (int k = 0; k < 2; ++k) {
    const fs::path shard = dir / ("shard-" + std::to_string(k) + ".db");
    REQUIRE(RunFoiamine("run " + Quote(drop.string()) + " --quiet --shard " + std::to_string(k) + "/2 --db " +
                        Quote(shard.string()))
                .exit_code == 0);
    shards += " " + Quote(shard.string());
  }
  const uintmax_t whole = FileSizeOrZero(single);
  REQUIRE(whole > (256u << 10));
  const fs::path merged = dir / "merged.db";
  const std::string merge = Quote(FOIAMINE_BIN) + " merge" + shards + " --into " + Quote(merged.string());

  // A disk that fills halfway: exit 1, and no target at all (before: a
  // partial index that readers took for the whole).
  auto faulted = RunShell("trap '' XFSZ; ulimit -f " + std::to_string(whole / 2 / 512) + "; " + merge);
  INFO("stderr: " << faulted.err);
  CHECK(faulted.exit_code == 1);
  CHECK_FALSE(fs::exists(merged));
  CHECK_FALSE(fs::exists(merged.string() + ".merging"));

  // Files may grow to twice the merged index, no more: the merge fits,
  // because the WAL is checkpointed as it goes (before: 120 times the shard).
  auto bounded = RunShell("trap '' XFSZ; ulimit -f " + std::to_string(whole * 2 / 512) + "; " + merge);
  INFO("stderr: " << bounded.err);
  REQUIRE(bounded.exit_code == 0);
  CHECK(IndexDigest(merged) == IndexDigest(single));
  CHECK_FALSE(fs::exists(merged.string() + ".merging"));

  // Into an existing target: a failed merge leaves it exactly as it was.
  const std::string before = IndexDigest(merged);
  const fs::path other = dir / "other";
  WriteFile(other / "extra.txt", "An extra document about wombats and the release of records.");
  const fs::path extra = dir / "extra.db";
  REQUIRE(RunFoiamine("run " + Quote(other.string()) + " --quiet --db " + Quote(extra.string())).exit_code == 0);
  auto tiny = RunShell("trap '' XFSZ; ulimit -f 64; " + Quote(FOIAMINE_BIN) + " merge " + Quote(extra.string()) +
                       " --into " + Quote(merged.string()));
  CHECK(tiny.exit_code == 1);
  CHECK(IndexDigest(merged) == before);
  auto fine = RunFoiamine("merge " + Quote(extra.string()) + " --into " + Quote(merged.string()));
  CHECK(fine.exit_code == 0);
  CHECK(QueryInt(merged, "SELECT count(*) FROM documents") == kDocs + 1);
}
