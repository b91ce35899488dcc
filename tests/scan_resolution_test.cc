// render/scan_resolution.h: the resolution OCR renders a scanned PDF page
// at, read from the page's pictures; and near-blank pages (render_process.h
// IsBlankPageImage), on the corpus' real scans and pages made here.
#include "render/scan_resolution.h"

#include <catch2/catch.hpp>

#include <random>

#include "pipeline/ocr_pool.h"
#include "render/page_image.h"
#include "render/render_process.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// A page content stream that draws a `w` x `h` gray picture (inline, hex)
// over `width_pt` x `height_pt` points from the bottom-left corner.
std::string PicturePage(int w, int h, double width_pt, double height_pt, int bits = 8) {
  std::string hex;
  const int row_bytes = (w * bits + 7) / 8;  // (rows are padded to whole bytes)
  for (int i = 0; i < row_bytes * h; ++i) hex += (i % 7 == 0) ? "00" : "ff";
  return "q " + std::to_string(width_pt) + " 0 0 " + std::to_string(height_pt) + " 0 0 cm BI /W " + std::to_string(w) +
         " /H " + std::to_string(h) + " /BPC " + std::to_string(bits) + " /CS /G /F /AHx ID " + hex + "> EI Q";
}

}  // namespace

TEST_CASE("scan resolution: a corpus scan is a 250-dpi picture, a born-digital page is text",
          "[scan_resolution][corpus]") {
  const fs::path scan = SourceDir() / "corpus/drop/law/council-act-23-621-scan.pdf";  // 2125 x 2750 px on Letter
  const fs::path born = SourceDir() / "corpus/drop/policies/doc-ps-4020-1f.pdf";
  REQUIRE(fs::exists(scan));
  REQUIRE(fs::exists(born));
  auto s = ReadPageDrawing(scan, 0);
  REQUIRE(s.ok());
  CHECK(s->covered == Approx(1.0).margin(0.01));
  CHECK(s->picture_ppi == Approx(250).margin(0.5));
  CHECK(s->visible_glyphs == 0);
  // Above kMaxNativeScanDpi: rendered at --dpi, as before.
  CHECK(ScanRenderDpi(*s, 300) == 300);
  PageDrawing low = *s;
  low.picture_ppi = 149.99;  // a 150-dpi scan of a page a rounded size
  CHECK(ScanRenderDpi(low, 300) == 150);
  CHECK(ScanRenderDpi(low, 120) == 120);  // --dpi is the most asked for

  auto b = ReadPageDrawing(born, 0);
  REQUIRE(b.ok());
  CHECK(b->visible_glyphs > 100);
  CHECK(ScanRenderDpi(*b, 300) == 300);

  auto missing = ReadPageDrawing(scan, 9);
  CHECK_FALSE(missing.ok());
}

TEST_CASE("scan resolution: OCR renders a 150-dpi scan at its own resolution, in process and through the helper",
          "[scan_resolution][render_process]") {
  ScratchDir dir;
  // The real 250-dpi corpus scan at 150 dpi, in a PDF of the same page size.
  const fs::path scan = SourceDir() / "corpus/drop/law/council-act-23-621-scan.pdf";
  auto picture = RenderPage(scan, 1, RenderLimits::AtDpi(150));
  REQUIRE(picture.ok());
  PIX* pix = picture->pix.get();
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  REQUIRE(w == 1275);
  std::string hex;
  hex.reserve(static_cast<size_t>(w) * h * 2);
  static const char kDigits[] = "0123456789abcdef";
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(pix, x, y, &v);
      hex += kDigits[(v >> 4) & 15];
      hex += kDigits[v & 15];
    }
  }
  WriteRawPdf(dir / "scan150.pdf", {"q 612 0 0 792 0 0 cm BI /W " + std::to_string(w) + " /H " + std::to_string(h) +
                                    " /BPC 8 /CS /G /F /AHx ID " + hex + "> EI Q"});
  for (bool helper : {false, true}) {
    INFO("helper " << helper);
    RenderLimits base;
    if (helper) base.helper_executable = FOIAMINE_BIN;
    RenderProcess process(OcrRenderLimits(base, 300));
    auto page = process.Render(dir / "scan150.pdf", 0);
    REQUIRE(page.ok());
    CHECK(page->image.dpi == 150);
    REQUIRE(page->image.pix);
    CHECK(pixGetWidth(page->image.pix.get()) == 1275);  // the scan's own pixels, not 2550
    CHECK(page->width_pt == Approx(612).margin(0.5));
    CHECK_FALSE(page->blank);
    // The corpus' 250-dpi original stays at --dpi.
    auto original = process.Render(scan, 1);
    REQUIRE(original.ok());
    CHECK(original->image.dpi == 300);
  }
}

TEST_CASE("scan resolution: small pictures, low-resolution scans and scans with printed text", "[scan_resolution]") {
  ScratchDir dir;
  // One-inch pages: a picture of N x N pixels over the whole page is N dpi.
  WriteRawPdf(dir / "p.pdf",
              {
                  PicturePage(60, 60, 20, 20),              // 0: a picture on 8% of the page
                  PicturePage(72, 72, 72, 72),              // 1: a full-page 72-dpi picture
                  PicturePage(150, 150, 72, 72),            // 2: a full-page 150-dpi picture
                  PicturePage(150, 150, 72, 72) +           // 3: the same with a 300-dpi stamp on it
                      " " + PicturePage(50, 50, 12, 12),
                  PicturePage(150, 150, 72, 72) +           // 4: the same with printed text on it
                      " BT /F1 12 Tf 10 10 Td (Bates 0001) Tj ET",
                  PicturePage(150, 150, 72, 72) +           // 5: the same with an invisible text layer
                      " BT 3 Tr /F1 12 Tf 10 10 Td (hidden words) Tj ET",
                  PicturePage(90, 90, 72, 72),              // 6: a full-page 90-dpi gray picture
                  PicturePage(90, 90, 72, 72, 1),           // 7: the same in black and white (a fax)
                  PicturePage(60, 60, 72, 72),              // 8: a full-page 60-dpi gray picture
              },
              "/MediaBox [0 0 72 72]");
  std::vector<int> dpi;
  for (int p = 0; p < 9; ++p) {
    auto d = ReadPageDrawing(dir / "p.pdf", p);
    REQUIRE(d.ok());
    dpi.push_back(ScanRenderDpi(*d, 300));
  }
  // A gray scan below 150 dpi is read at its own resolution, down to 90; a bilevel one at 150.
  CHECK(dpi == std::vector<int>{300, 90, 150, 300, 300, 150, 90, 150, 90});
  CHECK(kMinScanDpi == 90);
  CHECK(kMinBilevelScanDpi == 150);
}

TEST_CASE("near-blank: a sheet of specks is blank, a scanned page of text and a lone word are not",
          "[scan_resolution][render_process][corpus]") {
  // A real scan, and the same pixels with every mark but specks erased.
  const fs::path scan = SourceDir() / "corpus/drop/practice/iru-release-desk-log-2023-06-scan.pdf";
  auto page = RenderPage(scan, 0, RenderLimits::AtDpi(300));
  REQUIRE(page.ok());
  CHECK_FALSE(IsBlankPageImage(*page));

  PIX* pix = page->pix.get();
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  PixPtr specks(pixCreate(w, h, 8));
  pixSetAll(specks.get());  // white
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {  // 1-3 px specks of toner and dust
    const int x = static_cast<int>(rng() % (w - 4)), y = static_cast<int>(rng() % (h - 4)), s = 1 + rng() % 3;
    for (int dy = 0; dy < s; ++dy)
      for (int dx = 0; dx < s; ++dx) pixSetPixel(specks.get(), x + dx, y + dy, 40);
  }
  PageImage speckled{PixPtr(pixClone(specks.get())), 300};
  CHECK(IsBlankPageImage(speckled));

  // The scan's title ("RELEASE DESK LOG", 0.2 in high) alone on the
  // speckled sheet: little ink, but letters: not blank.
  BOX* title = boxCreate(1060, 310, 480, 60);
  PixPtr strip(pixClipRectangle(pix, title, nullptr));
  boxDestroy(&title);
  REQUIRE(strip);
  l_int32 dark = 0;
  PixPtr strip_binary(pixThresholdToBinary(strip.get(), 128));
  REQUIRE(pixCountPixels(strip_binary.get(), &dark, nullptr) == 0);
  REQUIRE(dark > 2000);  // the letters are there
  pixRasterop(specks.get(), 1060, 310, pixGetWidth(strip.get()), pixGetHeight(strip.get()), PIX_SRC, strip.get(), 0, 0);
  PageImage with_word{PixPtr(pixClone(specks.get())), 300};
  CHECK_FALSE(IsBlankPageImage(with_word));
}
