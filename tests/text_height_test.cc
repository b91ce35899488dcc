// render/text_height.h: a scan's text height measured on its pixels, and
// the 200-dpi render OCR gets when that text is tall enough there, on the
// corpus' real 250-dpi scan and on the same scan shrunk to half its size.
#include "render/text_height.h"

#include <catch2/catch.hpp>

#include "pipeline/ocr_pool.h"
#include "render/page_image.h"
#include "render/render_process.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// A PDF page of `width_pt` x `height_pt` points covered by the 8-bit gray
// picture `pix` (inline, hex): a scan of pix's size over the page.
std::string PictureContent(PIX* pix, double width_pt, double height_pt) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
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
  return "q " + std::to_string(width_pt) + " 0 0 " + std::to_string(height_pt) + " 0 0 cm BI /W " +
         std::to_string(w) + " /H " + std::to_string(h) + " /BPC 8 /CS /G /F /AHx ID " + hex + "> EI Q";
}

}  // namespace

TEST_CASE("text height: the corpus scan's glyphs are measured in inches at any resolution", "[text_height][corpus]") {
  const fs::path scan = SourceDir() / "corpus/drop/law/council-act-23-621-scan.pdf";
  REQUIRE(fs::exists(scan));
  std::optional<double> at[3];
  int k = 0;
  for (int dpi : {150, 200, 300}) {
    auto image = RenderPage(scan, 0, RenderLimits::AtDpi(dpi));
    REQUIRE(image.ok());
    at[k] = MedianGlyphHeightInches(*image);
    REQUIRE(at[k]);
    INFO("dpi " << dpi << ": median glyph " << *at[k] << " in");
    // 11-pt type: lower-case letters ~0.07-0.08 in, capitals and ascenders ~0.1.
    CHECK(*at[k] > 0.06);
    CHECK(*at[k] < 0.11);
    ++k;
  }
  // The same page, whatever its pixels: within a pixel at 150 dpi.
  CHECK(*at[0] == Approx(*at[2]).margin(1.0 / 150));
  CHECK(ReadsAtTextHeightDpi(*at[1]));
}

TEST_CASE("text height: a page without text, or with a few marks, is not measured", "[text_height]") {
  PageImage blank;
  blank.dpi = 200;
  blank.pix.reset(pixCreate(1700, 2200, 8));
  REQUIRE(blank.pix);
  pixSetAllArbitrary(blank.pix.get(), 255);
  CHECK_FALSE(MedianGlyphHeightInches(blank));
  // Ten letter-sized marks: fewer than kMinGlyphsMeasured.
  for (int i = 0; i < 10; ++i) {
    BOX* box = boxCreate(100 + 40 * i, 100, 12, 16);
    pixClearInRect(blank.pix.get(), box);
    boxDestroy(&box);
  }
  CHECK_FALSE(MedianGlyphHeightInches(blank));
  // Glyphs 12 px tall at 200 dpi (0.06 in) are too small to read there; 14 px are not.
  CHECK_FALSE(ReadsAtTextHeightDpi(12.0 / 200));
  CHECK(ReadsAtTextHeightDpi(14.0 / 200));
  CHECK(ReadsAtTextHeightDpi(static_cast<double>(kMinGlyphPixels) / kTextHeightDpi));
}

TEST_CASE("text height: OCR renders a sharp scan of ordinary type at 200 dpi, of small type at --dpi",
          "[text_height][render_process][corpus]") {
  ScratchDir dir;
  const fs::path scan = SourceDir() / "corpus/drop/law/council-act-23-621-scan.pdf";  // 250 dpi, 11-pt type
  REQUIRE(fs::exists(scan));
  // The same page's picture over half the page's width and height: a 300-dpi
  // scan of type half as tall (glyphs ~0.04 in, ~8 px at 200 dpi).
  auto picture = RenderPage(scan, 0, RenderLimits::AtDpi(150));
  REQUIRE(picture.ok());
  REQUIRE(pixGetWidth(picture->pix.get()) == 1275);
  WriteRawPdf(dir / "small-type.pdf", {PictureContent(picture->pix.get(), 306, 396)});
  for (bool helper : {false, true}) {
    INFO("helper " << helper);
    RenderLimits base;
    if (helper) base.helper_executable = FOIAMINE_BIN;
    RenderProcess process(OcrRenderLimits(base, 300));
    auto sharp = process.Render(scan, 0);
    REQUIRE(sharp.ok());
    CHECK(sharp->image.dpi == kTextHeightDpi);
    REQUIRE(sharp->image.pix);
    CHECK(pixGetWidth(sharp->image.pix.get()) == 1700);  // 8.5 in at 200 dpi
    CHECK(sharp->width_pt == Approx(612).margin(0.5));
    auto small = process.Render(dir / "small-type.pdf", 0);
    REQUIRE(small.ok());
    CHECK(small->image.dpi == 300);
    // --dpi below 200 is the most asked for.
    RenderProcess low(OcrRenderLimits(base, 180));
    auto at180 = low.Render(scan, 0);
    REQUIRE(at180.ok());
    CHECK(at180->image.dpi == 180);
  }
}
