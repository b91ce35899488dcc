#include "pipeline/page_image.h"

#include <catch2/catch.hpp>

#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;

TEST_CASE("a PDF page renders to 8-bit gray at the requested dpi", "[page_image]") {
  ScratchDir dir;
  WriteTextPdf(dir / "a.pdf", {{"Hello"}, {"World"}});
  auto image = RenderPdfPage(dir / "a.pdf", 1, 150);
  REQUIRE(image.ok());
  CHECK(pixGetDepth(image->pix.get()) == 8);
  CHECK(pixGetWidth(image->pix.get()) == 1275);  // 8.5 in x 150 dpi
  CHECK(pixGetHeight(image->pix.get()) == 1650);
  CHECK(image->dpi == 150);
  CHECK_FALSE(RenderPdfPage(dir / "a.pdf", 2, 150).ok());  // no third page
}

TEST_CASE("image files: resolution, multi-page TIFF, corrupt and huge images", "[page_image]") {
  ScratchDir dir;
  PixPtr pix(pixCreate(300, 200, 1));
  pixSetResolution(pix.get(), 200, 200);
  REQUIRE(pixWrite((dir / "a.png").c_str(), pix.get(), IFF_PNG) == 0);
  auto png = ReadImagePage(dir / "a.png", 0, 300);
  REQUIRE(png.ok());
  CHECK(png->dpi == 200);
  CHECK(pixGetDepth(png->pix.get()) == 8);

  // Two TIFF frames of different sizes.
  PixPtr second(pixCreate(120, 80, 8));
  REQUIRE(pixWriteTiff((dir / "m.tif").c_str(), pix.get(), IFF_TIFF_G4, "w") == 0);
  REQUIRE(pixWriteTiff((dir / "m.tif").c_str(), second.get(), IFF_TIFF_ZIP, "a") == 0);
  auto frame2 = ReadImagePage(dir / "m.tif", 1, 300);
  REQUIRE(frame2.ok());
  CHECK(pixGetWidth(frame2->pix.get()) == 120);

  std::string bytes = ReadFile(dir / "a.png");
  WriteFile(dir / "cut.png", bytes.substr(0, bytes.size() / 2));
  WriteFile(dir / "junk.png", "\x89PNG\r\n\x1a\nnot really");
  CHECK_FALSE(ReadImagePage(dir / "cut.png", 0, 300).ok());
  CHECK_FALSE(ReadImagePage(dir / "junk.png", 0, 300).ok());

  // 20000 x 20000: refused from the header, before 400 MB of pixels are decoded.
  PixPtr huge(pixCreate(20000, 20000, 1));
  REQUIRE(pixWrite((dir / "huge.png").c_str(), huge.get(), IFF_PNG) == 0);
  huge.reset();
  auto refused = ReadImagePage(dir / "huge.png", 0, 300);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("megapixel limit") != std::string::npos);
}
