#include "writers.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <stdexcept>

#include <cairo-pdf.h>
#include <leptonica/allheaders.h>

namespace corpus {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};
struct CairoDeleter {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
};
struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
struct PixaDeleter {
  void operator()(PIXA* p) const { pixaDestroy(&p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using PixPtr = std::unique_ptr<PIX, PixDeleter>;
using PixaPtr = std::unique_ptr<PIXA, PixaDeleter>;

PixPtr Check(PIX* pix, const char* what) {
  if (!pix) throw std::runtime_error(std::string("leptonica failed: ") + what);
  return PixPtr(pix);
}

// Rasterizes a page at `dpi` into an 8-bit gray Pix.
PixPtr Rasterize(const Typesetter& ts, const Page& page, int dpi) {
  const int w = static_cast<int>(std::lround(kPageWidth / 72 * dpi));
  const int h = static_cast<int>(std::lround(kPageHeight / 72 * dpi));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), dpi / 72.0, dpi / 72.0);
  ts.Draw(cr.get(), page);
  cairo_surface_flush(surface.get());

  PixPtr pix = Check(pixCreate(w, h, 8), "pixCreate");
  pixSetResolution(pix.get(), dpi, dpi);
  const unsigned char* src = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(src + y * stride);
    l_uint32* line = dst + y * wpl;
    for (int x = 0; x < w; ++x) SET_DATA_BYTE(line, x, (row[x] >> 8) & 0xff);  // green
  }
  return pix;
}

// What a tired office scanner does to a page: skew, a little blur, paper
// tone, sensor noise and a few specks. `rng` is seeded per document, so the
// result is the same on every run.
PixPtr Degrade(PixPtr pix, double skew_degrees, bool upside_down, std::mt19937& rng) {
  if (upside_down) pix = Check(pixRotate180(nullptr, pix.get()), "pixRotate180");
  const float radians = static_cast<float>(skew_degrees * std::numbers::pi / 180.0);
  pix = Check(pixRotate(pix.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0),
              "pixRotate");
  pix = Check(pixBlockconv(pix.get(), 1, 1), "pixBlockconv");
  const int w = pixGetWidth(pix.get()), h = pixGetHeight(pix.get());
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    l_uint32* line = data + y * wpl;
    for (int x = 0; x < w; ++x) {
      int v = GET_DATA_BYTE(line, x);
      v = 24 + v * (236 - 24) / 255;                // ink and paper tone
      v += static_cast<int>(rng() % 17) - 8;        // sensor noise
      if (rng() % 40000 == 0) v = 40;               // specks
      SET_DATA_BYTE(line, x, std::clamp(v, 0, 255));
    }
  }
  return pix;
}

}  // namespace

void WriteDigitalPdf(const Typesetter& ts, const Document& doc, const std::vector<Page>& pages,
                     const std::filesystem::path& out) {
  SurfacePtr surface(cairo_pdf_surface_create(out.c_str(), kPageWidth, kPageHeight));
  // Fixed metadata: regenerating must not change the file.
  const std::string date = doc.Get("pdf_date", "2024-01-01T00:00:00");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.Get("title").c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "foiamine-corpus-gen");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  CairoPtr cr(cairo_create(surface.get()));
  for (const Page& page : pages) {
    ts.Draw(cr.get(), page);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cairo could not write " + out.string());
}

void WriteScan(const Typesetter& ts, const Document& doc, const std::vector<Page>& pages,
               const std::filesystem::path& out) {
  const int dpi = static_cast<int>(doc.GetNumber("dpi", 250));
  const double skew = doc.GetNumber("skew", 0.6);
  const int upside_down = static_cast<int>(doc.GetNumber("upside_down", 0));
  std::mt19937 rng(static_cast<unsigned>(doc.GetNumber("seed", 1)));

  if (doc.Get("mode") == "image") {
    PixPtr pix = Degrade(Rasterize(ts, pages.at(0), dpi), skew, false, rng);
    if (doc.Get("binary") == "yes") pix = Check(pixThresholdToBinary(pix.get(), 150), "threshold");
    if (pixWrite(out.c_str(), pix.get(), IFF_PNG) != 0)
      throw std::runtime_error("cannot write " + out.string());
    return;
  }
  PixaPtr pixa(pixaCreate(0));
  for (size_t i = 0; i < pages.size(); ++i) {
    // Alternate the skew's sign a little from page to page, as a feeder does.
    const double page_skew = (i % 2 == 0) ? skew : -skew * 0.7;
    PixPtr pix = Degrade(Rasterize(ts, pages[i], dpi), page_skew,
                         static_cast<int>(i) + 1 == upside_down, rng);
    pixaAddPix(pixa.get(), pix.release(), L_INSERT);
  }
  l_pdfSetDateAndVersion(0);  // no timestamp: byte-identical regeneration
  const int quality = static_cast<int>(doc.GetNumber("quality", 45));
  if (pixaConvertToPdf(pixa.get(), dpi, 1.0, L_JPEG_ENCODE, quality, nullptr, out.c_str()) != 0)
    throw std::runtime_error("cannot write " + out.string());
}

}  // namespace corpus
