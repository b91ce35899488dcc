// The plan (pipeline/plan.h): one decision per file, shared by the run and
// `run --dry-run`.
#include <catch2/catch.hpp>

#include <filesystem>

#include "base/sha256.h"
#include "pipeline/extract_stage.h"
#include "pipeline/plan.h"
#include "pipeline/shard.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

const DropFile& FileNamed(const ScannedDrop& scanned, const std::string& name) {
  for (const auto& f : scanned.scan.files) {
    if (f.path.raw_bytes == name) return f;
  }
  throw std::runtime_error("no file " + name + " in the drop");
}

const auto kNothingPending = [](const std::string&) { return false; };
const auto kAllPending = [](const std::string&) { return true; };

}  // namespace

TEST_CASE("the plan tells indexed, again, failed, new, duplicate, other-shard and unreadable files apart", "[plan]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  WriteFile(drop / "a.txt", "The Department shall notify ICE before release.\n");
  WriteFile(drop / "empty.txt", "");
  const std::string db = (dir / "i.db").string();
  REQUIRE(RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + Quote(db)).exit_code == 2);  // empty.txt failed

  WriteFile(drop / "copy" / "a.txt", "The Department shall notify ICE before release.\n");
  WriteFile(drop / "b.txt", "A new memo.\n");
  WriteFile(drop / "b-again.txt", "A new memo.\n");
  const ScannedDrop scanned = ScanDrop(drop.string());

  auto index = Index::Open(db, Index::Access::kRead);
  REQUIRE(index.ok());
  RunOptions options;
  options.db_path = db;
  const CurrentVersions current = CurrentStageVersions(OcrSettings{}, ExtractStageVersion(ShippedRulebook()));
  RunPlanner planner(&*index, options, current, ReworkPolicy{});

  const FilePlan a = planner.Decide(FileNamed(scanned, "a.txt"), kNothingPending);
  CHECK(a.action == FilePlan::Action::kIndexed);
  REQUIRE(a.indexed.has_value());
  CHECK(a.rework.kind == Rework::Kind::kNone);  // same versions: nothing to redo
  CHECK(a.sha256 == Sha256Hex("The Department shall notify ICE before release.\n"));
  CHECK(planner.Decide(FileNamed(scanned, "copy/a.txt"), kNothingPending).action == FilePlan::Action::kIndexedAgain);

  const FilePlan empty = planner.Decide(FileNamed(scanned, "empty.txt"), kNothingPending);
  CHECK(empty.action == FilePlan::Action::kSkipFailed);
  REQUIRE(empty.failure.has_value());
  CHECK(empty.failure->reason.find("empty file") != std::string::npos);

  CHECK(planner.Decide(FileNamed(scanned, "b-again.txt"), kNothingPending).action == FilePlan::Action::kNew);
  CHECK(planner.Seen(Sha256Hex("A new memo.\n")));
  // The same content while the first is still being processed: a second path of it.
  CHECK(planner.Decide(FileNamed(scanned, "b.txt"), kAllPending).action == FilePlan::Action::kDuplicate);
  // ... and once that one failed (no longer pending, not indexed): new again.
  CHECK(planner.Decide(FileNamed(scanned, "b.txt"), kNothingPending).action == FilePlan::Action::kNew);

  DropFile gone = FileNamed(scanned, "b.txt");
  gone.absolute = dir / "nowhere.txt";
  const FilePlan unreadable = planner.Decide(gone, kNothingPending);
  CHECK(unreadable.action == FilePlan::Action::kUnreadable);
  CHECK_FALSE(unreadable.reason.empty());
}

TEST_CASE("with --retry-failed a failed file is planned as new with its failure attached, and --shard skips other shards", "[plan]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  WriteFile(drop / "empty.txt", "");
  const std::string db = (dir / "i.db").string();
  REQUIRE(RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + Quote(db)).exit_code == 2);
  const ScannedDrop scanned = ScanDrop(drop.string());
  auto index = Index::Open(db, Index::Access::kRead);
  REQUIRE(index.ok());
  const CurrentVersions current = CurrentStageVersions(OcrSettings{}, ExtractStageVersion(ShippedRulebook()));

  RunOptions retry;
  retry.retry_failed = true;
  RunPlanner retrying(&*index, retry, current, ReworkPolicy{std::nullopt, false, true});
  const FilePlan plan = retrying.Decide(FileNamed(scanned, "empty.txt"), kNothingPending);
  CHECK(plan.action == FilePlan::Action::kNew);
  REQUIRE(plan.failure.has_value());
  CHECK(plan.failure->sha256 == plan.sha256);

  RunOptions sharded;
  sharded.shard.count = 2;
  sharded.shard.index = 1 - ShardOf(Sha256Hex(""), 2);
  RunPlanner other(&*index, sharded, current, ReworkPolicy{});
  CHECK(other.Decide(FileNamed(scanned, "empty.txt"), kNothingPending).action == FilePlan::Action::kOtherShard);

  // No index yet (a dry run before the first run): everything is new.
  RunOptions fresh;
  RunPlanner first(nullptr, fresh, current, ReworkPolicy{});
  CHECK(first.Decide(FileNamed(scanned, "empty.txt"), kNothingPending).action == FilePlan::Action::kNew);
}
