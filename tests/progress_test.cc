// The progress display of `foiamine run` (pipeline/progress.h).
#include <catch2/catch.hpp>

#include <sstream>

#include "pipeline/progress.h"

using namespace foiamine;

TEST_CASE("a disabled progress display prints nothing", "[progress]") {
  std::ostringstream err;
  Progress progress(err, /*enabled=*/false, /*tty=*/true);
  progress.AddFiles(3);
  progress.Update(1, 10, 0);
  progress.Clear();
  CHECK(err.str().empty());
  CHECK_FALSE(progress.tty());
}

TEST_CASE("on a terminal the line is drawn at once, in place, and cleared before other messages", "[progress]") {
  std::ostringstream err;
  Progress progress(err, true, true);
  progress.AddFiles(4);
  progress.Update(1, 12, 1);
  const std::string line = err.str();
  CHECK(line.rfind("\r1/4 files, 12 pages, ", 0) == 0);
  CHECK(line.find("pages/s, ETA ") != std::string::npos);
  CHECK(line.find(", 1 failed\033[K") != std::string::npos);
  progress.Update(2, 13, 1);  // within 0.2 s: not redrawn
  CHECK(err.str() == line);
  progress.Clear();
  CHECK(err.str() == line + "\r\033[K");
  progress.Clear();  // nothing shown any more: nothing to clear
  CHECK(err.str() == line + "\r\033[K");
}

TEST_CASE("off a terminal, plain lines come at most every 5 s", "[progress]") {
  std::ostringstream err;
  Progress progress(err, true, false);
  progress.AddFiles(2);
  progress.Update(1, 1, 0);
  progress.Clear();
  CHECK(err.str().empty());  // the first line comes after 5 s
  CHECK_FALSE(progress.tty());
}
