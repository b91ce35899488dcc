// The run's start (pipeline/run_start.h): the PDFs its text helpers read
// while the rulebook compiles, with the real helpers and real PDFs.
#include "pipeline/run_start.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "pipeline/normalize.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;

namespace {

// A `done` for ReadAheadWhile that never says the compile has ended: it
// waits as long as it is allowed to, as the rulebook's future would.
bool NeverDone(std::chrono::milliseconds wait) {
  std::this_thread::sleep_for(wait);
  return false;
}

}  // namespace

TEST_CASE("a fresh run reads its drop's PDFs ahead while the rulebook compiles, and no further", "[run_start]") {
  ScratchDir dir;
  for (int i = 0; i < 6; ++i)
    WriteTextPdf(dir / "drop" / ("p" + std::to_string(i) + ".pdf"),
                 {{"Records office staff shall notify ICE of release " + std::to_string(i) + "."}});
  WriteFile(dir / "drop" / "notes.txt", "Not a PDF: never read ahead.");
  RunOptions options;
  options.drops = {(dir / "drop").string()};
  options.db_path = (dir / "i.db").string();
  PdfTextLimits limits;
  limits.helper_executable = FOIAMINE_BIN;

  SECTION("a rulebook ready at once: the helpers' first requests only") {
    RunReadAhead text(options, limits, 2);
    text.ReadAheadWhile([](std::chrono::milliseconds) { return true; });
    CHECK(text.ahead() == 2);
    text.Started();
  }
  SECTION("a rulebook still compiling: every PDF of the drop, each text the run takes is its PDF's") {
    RunReadAhead text(options, limits, 2);
    text.ReadAheadWhile(NeverDone);  // returns once the drop's PDFs are all read
    CHECK(text.ahead() == 6);
    text.Started();
    const ScannedDrop scanned = text.Scan(options.drops.front());
    int pdfs = 0;
    for (const DropFile& file : scanned.scan.files) {
      if (file.absolute.extension() != ".pdf") continue;
      ++pdfs;
      auto document = text.Text(file.absolute).get();
      REQUIRE(document.ok());
      const std::string expected = "release " + file.absolute.stem().string().substr(1) + ".";
      CHECK(NormalizePage(document->pages.at(0).words).text.find(expected) != std::string::npos);
    }
    CHECK(pdfs == 6);
    CHECK(text.ahead() == 0);
  }
  SECTION("an index already there: nothing is read ahead") {
    WriteFile(dir / "i.db", "");
    RunReadAhead text(options, limits, 2);
    text.ReadAheadWhile(NeverDone);
    CHECK(text.ahead() == 0);
    text.Started();
  }
}
