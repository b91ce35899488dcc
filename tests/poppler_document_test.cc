// render/poppler_document.h: the one place Poppler documents are opened.
#include "render/poppler_document.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "render/page_image.h"
#include "render/render_process.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// Runs `fn` with this process's stderr sent to a file; returns what was written.
template <typename Fn>
std::string StderrOf(const fs::path& file, Fn fn) {
  fflush(stderr);
  const int saved = dup(STDERR_FILENO);
  const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(fd, STDERR_FILENO);
  close(fd);
  fn();
  fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  return ReadFile(file);
}

}  // namespace

TEST_CASE("OpenPdf opens a PDF and names why it cannot", "[poppler_document]") {
  ScratchDir dir;
  WriteRawPdf(dir / "two.pdf", {"", ""});
  auto two = OpenPdf(dir / "two.pdf");
  REQUIRE(two.ok());
  CHECK((*two)->pages() == 2);

  const std::string whole = ReadFile(dir / "two.pdf");
  WriteFile(dir / "cut.pdf", whole.substr(0, 40));
  auto cut = OpenPdf(dir / "cut.pdf");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().code() == Status::Code::kCorrupt);
  CHECK(cut.status().message().find("no end-of-file trailer") != std::string::npos);

  WriteFile(dir / "junk.pdf", "not a PDF at all\nstartxref\n0\n%%EOF\n");
  auto junk = OpenPdf(dir / "junk.pdf");
  REQUIRE_FALSE(junk.ok());
  CHECK(junk.status().message().find("Poppler cannot open it: damaged PDF") != std::string::npos);

  CHECK_FALSE(OpenPdf(dir / "absent.pdf").ok());
}

TEST_CASE("Poppler's messages are counted in the innermost scope and never printed", "[poppler_document][hostile]") {
  ScratchDir dir;
  // An unknown font and three unknown operators: five complaints from Poppler.
  WriteRawPdf(dir / "noisy.pdf", {"BT /F9 12 Tf 72 700 Td (x) Tj ET foo bar baz"});

  int outer_count = -1, inner_count = -1;
  std::string first;
  bool rendered = false;
  const std::string printed = StderrOf(dir / "stderr.txt", [&] {
    PopplerMessages outer;
    {
      PopplerMessages inner;
      rendered = RenderPage(dir / "noisy.pdf", 0, RenderLimits::AtDpi(10)).ok();
      inner_count = inner.count();
      first = inner.first();
    }
    outer_count = outer.count();
  });
  CHECK(rendered);
  CHECK(inner_count >= 3);
  CHECK(first.find("Unknown font tag") != std::string::npos);
  CHECK(outer_count == 0);
  CHECK(printed.empty());

  // No scope at all: dropped, still not printed.
  const std::string unscoped =
      StderrOf(dir / "stderr2.txt", [&] { CHECK(RenderPage(dir / "noisy.pdf", 0, RenderLimits::AtDpi(10)).ok()); });
  CHECK(unscoped.empty());

  // The helper process counts them and sends the first with the page.
  RenderLimits limits = RenderLimits::AtDpi(10);
  limits.helper_executable = FOIAMINE_BIN;
  RenderProcess helper(limits);
  auto page = helper.Render(dir / "noisy.pdf", 0);
  REQUIRE(page.ok());
  CHECK(page->poppler_messages >= 3);
  CHECK(page->first_poppler_message.find("Unknown font tag") != std::string::npos);
}
