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

TEST_CASE("a step after the files is drawn at once with its documents done of all and its own ETA", "[progress]") {
  std::ostringstream err;
  Progress progress(err, true, true);
  progress.AddFiles(2);
  progress.Update(2, 5, 0);
  progress.Clear();
  const std::string files = err.str();
  progress.StartStep("re-extracting (rulebook changed)", 40);
  progress.UpdateStep(1);  // straight after the file line, yet drawn: the step's first line comes at once
  const std::string step = err.str().substr(files.size());
  CHECK(step.rfind("\rre-extracting (rulebook changed) 1/40 documents, ", 0) == 0);
  CHECK(step.find(" documents/s, ETA ") != std::string::npos);
  CHECK(step.find("\033[K") != std::string::npos);
  CHECK(step.find("files") == std::string::npos);
  progress.UpdateStep(2);  // within 0.2 s: not redrawn
  CHECK(err.str().substr(files.size()) == step);
  progress.Clear();
  CHECK(err.str() == files + step + "\r\033[K");
}

TEST_CASE("a disabled progress display shows no step either", "[progress]") {
  std::ostringstream err;
  Progress progress(err, false, false);
  progress.StartStep("re-extracting (rulebook changed)", 3);
  progress.UpdateStep(1);
  progress.Clear();
  CHECK(err.str().empty());
}
