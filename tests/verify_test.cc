// search/verify: `foiamine verify` re-hashes the indexed sources and reports
// changed and vanished files (exit 2), or exits 0 when all match.
#include <catch2/catch.hpp>

#include "tests/test_support.h"

using namespace foiamine::testing;
namespace fs = std::filesystem;

TEST_CASE("verify detects a changed and a vanished file", "[verify][e2e]") {
  ScratchDir dir;
  WriteFile(dir / "drop" / "a.txt", "The Department shall not notify ICE of a release date.\n");
  WriteFile(dir / "drop" / "b.txt", "Members shall not inquire about immigration status.\n");
  WriteFile(dir / "drop" / "c.txt", "A third record.\n");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  auto clean = RunFoiamine("verify --db " + db);
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("3 files checked: 3 unchanged, 0 changed, 0 vanished") != std::string::npos);

  WriteFile(dir / "drop" / "a.txt", "The Department shall notify ICE of a release date.\n");
  fs::remove(dir / "drop" / "b.txt");
  auto dirty = RunFoiamine("verify --db " + db);
  INFO(dirty.out << dirty.err);
  CHECK(dirty.exit_code == 2);
  CHECK(dirty.out.find("CHANGED   " + (dir / "drop" / "a.txt").string()) != std::string::npos);
  CHECK(dirty.out.find("VANISHED  " + (dir / "drop" / "b.txt").string()) != std::string::npos);
  CHECK(dirty.out.find("c.txt") == std::string::npos);  // matching files are not listed by default
  CHECK(dirty.out.find("3 files checked: 1 unchanged, 1 changed, 1 vanished") != std::string::npos);

  auto listed = RunFoiamine("verify --all --db " + db);
  CHECK(listed.out.find("ok        " + (dir / "drop" / "c.txt").string()) != std::string::npos);

  auto help = RunFoiamine("verify --help");
  CHECK(help.out.find("Exit 0 when every file matches, 2 when some changed") != std::string::npos);
}
