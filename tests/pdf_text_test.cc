#include "pipeline/pdf_text.h"

#include <catch2/catch.hpp>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <atomic>
#include <memory>
#include <thread>

#include "pipeline/normalize.h"
#include "tests/test_support.h"

using namespace foiamine;

namespace {

std::string PageText(const SourceDocument& doc, int page) { return NormalizePage(doc.pages.at(page).words).text; }

}  // namespace

TEST_CASE("Poppler text layer: words in reading order with top-left boxes", "[pdf_text]") {
  testing::ScratchDir dir;
  testing::WriteTextPdf(dir / "a.pdf", {{"GENERAL ORDER 201.26", "Members shall not inquire about status."}, {}},
                        "Immigration Enforcement");
  auto doc = ExtractPdfTextInProcess(dir / "a.pdf");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pdf_title == "Immigration Enforcement");
  CHECK(PageText(*doc, 0) == "GENERAL ORDER 201.26\nMembers shall not inquire about status.");
  const SourcePage& first = doc->pages[0];
  CHECK(first.method == PageMethod::kText);
  CHECK(first.width_pt == Approx(612));
  CHECK(first.height_pt == Approx(792));
  // The first line is drawn at baseline y=72 from the top, x=72.
  REQUIRE(first.words.front().box.has_value());
  CHECK(first.words.front().box->x0 == Approx(72).margin(1));
  CHECK(first.words.front().box->y1 == Approx(72).margin(5));
  CHECK(first.words.front().box->y0 < first.words.front().box->y1);
  // An empty page needs OCR, with the reason recorded.
  CHECK(doc->pages[1].needs_ocr);
  CHECK(doc->pages[1].ocr_reason == "no text layer");
}

TEST_CASE("page sizes are poppler-cpp's media box, and a page of few words still gets its ink test", "[pdf_text]") {
  testing::ScratchDir dir;
  // A media box off the origin, on a rotated page (the size is the box's,
  // unrotated, as poppler-cpp gives it); a few words and a filled block.
  const std::string few_words = "BT /F1 12 Tf 72 500 Td (Release desk memo) Tj ET\n0 0 0 rg 100 100 200 200 re f";
  testing::WriteRawPdf(dir / "odd.pdf", {few_words, few_words},
                       "/MediaBox [10.5 20.25 410.75 620.5] /Rotate 90");
  auto doc = ExtractPdfTextInProcess(dir / "odd.pdf");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  std::unique_ptr<poppler::document> oracle(poppler::document::load_from_file((dir / "odd.pdf").string()));
  REQUIRE(oracle);
  for (int i = 0; i < 2; ++i) {
    const SourcePage& page = doc->pages[static_cast<size_t>(i)];
    std::unique_ptr<poppler::page> p(oracle->create_page(i));
    REQUIRE(p);
    const poppler::rectf rect = p->page_rect(poppler::media_box);
    REQUIRE(page.width_pt.has_value());
    REQUIRE(page.height_pt.has_value());
    CHECK(*page.width_pt == rect.width());  // bit for bit
    CHECK(*page.height_pt == rect.height());
    CHECK(*page.width_pt == 400.25);
    CHECK(*page.height_pt == 600.25);
    CHECK(page.method == PageMethod::kText);
    CHECK(page.words.size() == 3);
    // Fewer than kFewWords words: the ink outside the text was measured.
    REQUIRE(page.ink_outside_text.has_value());
    CHECK(*page.ink_outside_text > 0.0);
  }
}

TEST_CASE("isolated extraction gives the same result, forked or exec'd", "[pdf_text]") {
  testing::ScratchDir dir;
  testing::WriteTextPdf(dir / "a.pdf", {{"Records office staff shall notify ICE."}});
  PdfTextLimits limits;
  auto forked = ExtractPdfText(dir / "a.pdf", limits);
  REQUIRE(forked.ok());
  CHECK(PageText(*forked, 0) == "Records office staff shall notify ICE.");

  // With another thread running, the child exec()s the helper binary.
  std::atomic<bool> done{false};
  std::thread other([&] {
    while (!done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  });
  limits.helper_executable = FOIAMINE_BIN;
  auto execd = ExtractPdfText(dir / "a.pdf", limits);
  limits.helper_executable = (dir / "no-such-helper").string();
  auto broken = ExtractPdfText(dir / "a.pdf", limits);
  done = true;
  other.join();
  REQUIRE(execd.ok());
  CHECK(PageText(*execd, 0) == "Records office staff shall notify ICE.");
  CHECK(execd->pages[0].words.size() == forked->pages[0].words.size());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("cannot start the text extraction helper") != std::string::npos);
}

TEST_CASE("a PDF Poppler cannot open is kCorrupt with a reason", "[pdf_text]") {
  testing::ScratchDir dir;
  testing::WriteTextPdf(dir / "a.pdf", {{"text"}});
  std::string bytes = testing::ReadFile(dir / "a.pdf");
  testing::WriteFile(dir / "cut.pdf", bytes.substr(0, 300));
  auto cut = ExtractPdfText(dir / "cut.pdf", PdfTextLimits{});
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().code() == Status::Code::kCorrupt);
  CHECK(cut.status().message().find("truncated") != std::string::npos);
}
