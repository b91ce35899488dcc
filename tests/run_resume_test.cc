// Incremental and resumable runs (issue 7): failed inputs are not retried
// unless changed or asked to; a killed or interrupted run resumes to the
// same index content.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

int64_t FailureCount(const fs::path& db_path) {
  auto db = Database::Open(db_path.string(), Database::Mode::kReadOnly);
  REQUIRE(db.ok());
  auto stmt = db->Prepare("SELECT count(*) FROM failures");
  REQUIRE(stmt.ok());
  REQUIRE(stmt->Step());
  return stmt->Int(0);
}

}  // namespace

TEST_CASE("a failed file is skipped while unchanged, retried when changed or with --retry-failed",
          "[e2e][resume]") {
  ScratchDir dir;
  fs::path drop = dir / "drop";
  WriteFile(drop / "memo.txt", "Release desk memo.\n");
  WriteFile(drop / "zero.txt", "");
  const std::string args = "run " + Quote(drop.string()) + " --db " + Quote((dir / "i.db").string());

  auto first = RunFoiamine(args);
  INFO(first.out << first.err);
  CHECK(first.exit_code == 2);
  CHECK(first.out.find("failed          1") != std::string::npos);
  CHECK(FailureCount(dir / "i.db") == 1);

  // Unchanged: not retried, but listed with its reason, and still partial.
  auto second = RunFoiamine(args);
  INFO(second.out << second.err);
  CHECK(second.exit_code == 2);
  CHECK(second.out.find("failed          0") != std::string::npos);
  CHECK(second.out.find("failed earlier, unchanged: skipped 1") != std::string::npos);
  CHECK(second.out.find("zero.txt: empty file (0 bytes)") != std::string::npos);
  CHECK(second.err.find("skipped: zero.txt") != std::string::npos);
  CHECK(FailureCount(dir / "i.db") == 1);

  // --retry-failed: retried (and fails again, recorded again).
  auto retried = RunFoiamine(args + " --retry-failed");
  INFO(retried.out << retried.err);
  CHECK(retried.exit_code == 2);
  CHECK(retried.out.find("failed          1") != std::string::npos);
  CHECK(retried.out.find("skipped") == std::string::npos);
  CHECK(retried.err.find("zero.txt: empty file (0 bytes)") != std::string::npos);

  // Changed content: retried, indexed, its failure cleared, exit 0.
  WriteFile(drop / "zero.txt", "Now it has words: detainer notice.\n");
  auto changed = RunFoiamine(args);
  INFO(changed.out << changed.err);
  CHECK(changed.exit_code == 0);
  CHECK(changed.out.find("new documents   1 (1 pages)") != std::string::npos);
  CHECK(changed.out.find("failed          0") != std::string::npos);
  CHECK(FailureCount(dir / "i.db") == 0);
  auto search = RunFoiamine("search detainer --json --db " + Quote((dir / "i.db").string()));
  REQUIRE(search.exit_code == 0);
  auto hits = JsonLines(search.out);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["doc_path"] == "zero.txt");
}

namespace {

std::string IntegrityCheck(const fs::path& db) {
  auto d = Database::Open(db.string(), Database::Mode::kReadOnly);
  REQUIRE(d.ok());
  auto stmt = d->Prepare("PRAGMA integrity_check");
  REQUIRE(stmt.ok());
  REQUIRE(stmt->Step());
  return stmt->Text(0);
}

// Starts `foiamine ARGS` in the background, sends it `signal` after
// `seconds`, waits for it; returns the shell output: stdout of the run, then
// "exit=N" (128+signal when it died of it).
CommandResult RunAndSignal(const std::string& args, double seconds, const std::string& signal) {
  char delay[32];
  std::snprintf(delay, sizeof delay, "%.2f", seconds);
  return RunShell(Quote(FOIAMINE_BIN) + " " + args + " 2>/dev/null & p=$!; sleep " + delay + "; kill -" + signal +
                  " $p 2>/dev/null; wait $p; echo exit=$?");
}

}  // namespace

TEST_CASE("kill -9 at several points, then a re-run: same digest as an uninterrupted run, and Ctrl-C exits 3",
          "[e2e][resume][corpus]") {
  ScratchDir dir;
  fs::path drop = dir / "drop";
  fs::copy(SourceDir() / "corpus" / "drop", drop, fs::copy_options::recursive);
  // Test time: keep two OCR'd pages (the Spanish scan and the fax image),
  // drop the four other scans (nine pages of OCR).
  for (const char* scan : {"policies/mpd-go-ops-201-26-2021-scan.pdf", "law/council-act-23-621-scan.pdf",
                           "practice/judiciary-committee-hearing-2024-03-07-scan.pdf",
                           "practice/iru-release-desk-log-2023-06-scan.pdf"}) {
    REQUIRE(fs::remove(drop / scan));
  }
  auto args = [&](const fs::path& db) {
    return "run " + Quote(drop.string()) + " --lang eng+spa --quiet --jobs 2 --db " + Quote(db.string());
  };

  const auto t0 = std::chrono::steady_clock::now();
  auto reference = RunFoiamine(args(dir / "ref.db"));
  const double full_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  INFO(reference.out << reference.err);
  REQUIRE((reference.exit_code == 0 || reference.exit_code == 2));
  const std::string want = IndexDigest(dir / "ref.db");
  REQUIRE(want.size() == 64);

  // Killed at three points (fractions of a full run; each resumes the last,
  // so later kills land further in), then run to completion.
  fs::path killed = dir / "killed.db";
  int deaths = 0;
  for (double fraction : {0.1, 0.3, 0.5}) {
    auto r = RunAndSignal(args(killed), std::max(0.3, fraction * full_seconds), "9");
    INFO(r.out);
    deaths += r.out.find("exit=137") != std::string::npos;
  }
  CHECK(deaths >= 1);  // at least one kill landed mid-run
  auto resumed = RunFoiamine(args(killed));
  INFO(resumed.out << resumed.err);
  CHECK(resumed.exit_code == reference.exit_code);
  CHECK(IntegrityCheck(killed) == "ok");
  CHECK(IndexDigest(killed) == want);

  // Ctrl-C: stops after the documents in flight, exit 3, says so; a re-run
  // completes to the same content.
  fs::path interrupted = dir / "interrupted.db";
  auto i = RunAndSignal(args(interrupted), std::max(0.3, 0.3 * full_seconds), "INT");
  INFO(i.out);
  CHECK(i.out.find("exit=3") != std::string::npos);
  CHECK(i.out.find("interrupted: re-run the same command to resume") != std::string::npos);
  auto again = RunFoiamine(args(interrupted));
  INFO(again.out << again.err);
  CHECK(again.exit_code == reference.exit_code);
  CHECK(IntegrityCheck(interrupted) == "ok");
  CHECK(IndexDigest(interrupted) == want);
}

TEST_CASE("run --dry-run prints the plan and changes nothing", "[e2e][resume][dry_run]") {
  ScratchDir dir;
  fs::path drop = dir / "drop";
  WriteFile(drop / "memo.txt", "Release desk memo.\n");
  WriteFile(drop / "zero.txt", "");
  std::string rules = ReadFile(ShippedRulebookPath());
  WriteFile(dir / "rulebook.yaml", rules);
  const fs::path db = dir / "i.db";
  const std::string args = "run " + Quote(drop.string()) + " --rulebook " + Quote((dir / "rulebook.yaml").string()) +
                           " --db " + Quote(db.string());

  // No index yet: everything is new, and the index is not created.
  auto fresh = RunFoiamine(args + " --dry-run");
  INFO(fresh.out << fresh.err);
  CHECK(fresh.exit_code == 0);
  CHECK(fresh.out.find("(absent: would be created); nothing was changed") != std::string::npos);
  CHECK(fresh.out.find("  new                         memo.txt\n") != std::string::npos);
  CHECK(fresh.out.find("plan: new 2\n") != std::string::npos);
  CHECK_FALSE(fs::exists(db));

  REQUIRE(RunFoiamine(args + " --quiet").exit_code == 2);  // zero.txt fails
  const std::string digest = IndexDigest(db);
  WriteFile(drop / "added.txt", "A new memo about detainers.\n");
  std::string db_bytes_before = ReadFile(db);

  auto plan = RunFoiamine(args + " --dry-run");
  INFO(plan.out << plan.err);
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("  new                         added.txt\n") != std::string::npos);
  CHECK(plan.out.find("  unchanged                   memo.txt\n") != std::string::npos);
  CHECK(plan.out.find("  failed-unchanged (skipped)  zero.txt: empty file (0 bytes)\n") != std::string::npos);
  CHECK(plan.out.find("plan: new 1, unchanged 1, failed-unchanged (skipped) 1\n") != std::string::npos);
  CHECK(plan.out.find("re-extract      0 documents") != std::string::npos);

  // A changed failed file, and a rulebook edit.
  WriteFile(drop / "zero.txt", "Now with words.\n");
  WriteFile(dir / "rulebook.yaml", rules + "\n# reviewed\n");
  auto changed = RunFoiamine(args + " --dry-run");
  INFO(changed.out << changed.err);
  CHECK(changed.out.find("  changed-since-failure       zero.txt\n") != std::string::npos);
  CHECK(changed.out.find("re-extract      1 document (rulebook changed") != std::string::npos);
  // Another shard's files are named as such.
  auto sharded = RunFoiamine(args + " --dry-run --shard 0/2");
  auto other = RunFoiamine(args + " --dry-run --shard 1/2");
  CHECK((sharded.out + other.out).find("  other shard") != std::string::npos);

  // Nothing changed: same content, same runs.
  CHECK(IndexDigest(db) == digest);
  CHECK(ReadFile(db) == db_bytes_before);
  auto status = nlohmann::json::parse(RunFoiamine("status --json --db " + Quote(db.string())).out);
  CHECK(status["documents"] == 1);
}

TEST_CASE("progress: one redrawn line on a terminal, nothing with --quiet", "[e2e][progress]") {
  ScratchDir dir;
  fs::path drop = dir / "drop";
  for (int i = 0; i < 5; ++i) WriteFile(drop / ("memo-" + std::to_string(i) + ".txt"), "Memo " + std::to_string(i) + ".\n");
  WriteFile(drop / "zero.txt", "");
  // script(1) gives the run a terminal; stdout and stderr both go to it.
  auto tty = RunShell("script -qec " +
                      Quote(Quote(FOIAMINE_BIN) + " run " + Quote(drop.string()) + " --db " +
                            Quote((dir / "tty.db").string())) +
                      " /dev/null");
  INFO(tty.out << tty.err);
  CHECK(tty.out.find("\r") != std::string::npos);
  CHECK(tty.out.find("pages/s, ETA") != std::string::npos);
  CHECK(tty.out.find("\x1b[K") != std::string::npos);
  CHECK(tty.out.find("] memo-0.txt: 1 page") == std::string::npos);  // no per-document lines on a terminal
  CHECK(tty.out.find("zero.txt: empty file (0 bytes)") != std::string::npos);
  CHECK(tty.out.find("new documents   5 (5 pages)") != std::string::npos);

  // Not a terminal: the per-document lines as before, no control characters.
  auto plain = RunFoiamine("run " + Quote(drop.string()) + " --db " + Quote((dir / "plain.db").string()));
  CHECK(plain.err.find("] memo-0.txt: 1 page") != std::string::npos);
  CHECK(plain.err.find("\r") == std::string::npos);
  CHECK(plain.err.find("\x1b") == std::string::npos);

  auto quiet = RunShell("script -qec " +
                        Quote(Quote(FOIAMINE_BIN) + " run " + Quote(drop.string()) + " --quiet --db " +
                              Quote((dir / "quiet.db").string()) + " >/dev/null") +
                        " /dev/null");
  INFO(quiet.out);
  CHECK(quiet.out.find("pages/s") == std::string::npos);
  CHECK(quiet.out.find("\r\x1b") == std::string::npos);
}
