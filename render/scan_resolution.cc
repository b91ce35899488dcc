#include "render/scan_resolution.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "render/poppler_document.h"

namespace foiamine {
namespace {

// Sees every picture and glyph the page draws; draws nothing. Pictures'
// data is never decoded (an inline image's bytes are skipped by the base
// class, as any device that does not draw them must).
class DrawingProbe : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void startPage(int, GfxState* state, XRef*) override {
    page_w_ = state ? state->getPageWidth() : 0;
    page_h_ = state ? state->getPageHeight() : 0;
  }

  void drawChar(GfxState* state, double, double, double, double, double, double, CharCode, int, const Unicode*,
                int) override {
    // Modes 3 and 7 draw nothing a reader sees (an OCR'd PDF's hidden layer).
    if ((state->getRender() & 3) != 3) ++drawing_.visible_glyphs;
  }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_img) override {
    Picture(state, width, height, 1);  // a stencil mask: one bit a pixel
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_img) override {
    Picture(state, width, height, Bits(color_map));
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_img);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                       bool interpolate, Stream* mask_str, int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    Picture(state, width, height, Bits(color_map));
    OutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                               mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    Picture(state, width, height, Bits(color_map));
    OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                   mask_height, mask_color_map, mask_interpolate);
  }

  PageDrawing Result() const {
    PageDrawing out = drawing_;
    out.covered = std::min(1.0, out.covered);
    return out;
  }

 private:
  // A picture is the unit square drawn through the current transform
  // (device space here: points, top-left origin, the crop box).
  static int Bits(GfxImageColorMap* color_map) { return color_map ? color_map->getBits() : 8; }

  void Picture(GfxState* state, int width, int height, int bits) {
    if (!state || width <= 0 || height <= 0 || !(page_w_ > 0) || !(page_h_ > 0)) return;
    const double* m = state->getCTM();
    // Lengths of the picture's edges on the page, in points.
    const double edge_x = std::hypot(m[0], m[1]), edge_y = std::hypot(m[2], m[3]);
    if (!(edge_x > 0.5) || !(edge_y > 0.5) || !std::isfinite(edge_x) || !std::isfinite(edge_y)) return;
    double xs[4], ys[4];
    state->transform(0, 0, &xs[0], &ys[0]);
    state->transform(1, 0, &xs[1], &ys[1]);
    state->transform(0, 1, &xs[2], &ys[2]);
    state->transform(1, 1, &xs[3], &ys[3]);
    const double x0 = std::clamp(*std::min_element(xs, xs + 4), 0.0, page_w_);
    const double x1 = std::clamp(*std::max_element(xs, xs + 4), 0.0, page_w_);
    const double y0 = std::clamp(*std::min_element(ys, ys + 4), 0.0, page_h_);
    const double y1 = std::clamp(*std::max_element(ys, ys + 4), 0.0, page_h_);
    const double share = (x1 - x0) * (y1 - y0) / (page_w_ * page_h_);
    if (!std::isfinite(share) || share <= 0) return;
    drawing_.covered += share;
    // Image columns run along the unit square's x edge, rows along its y edge.
    const double ppi = std::max(width / (edge_x / 72.0), height / (edge_y / 72.0));
    if (std::isfinite(ppi)) drawing_.picture_ppi = std::max(drawing_.picture_ppi, ppi);
    drawing_.picture_bits = std::max(drawing_.picture_bits, bits);
  }

  double page_w_ = 0, page_h_ = 0;
  PageDrawing drawing_;
};

}  // namespace

StatusOr<PageDrawing> ReadPageDrawing(const std::filesystem::path& path, int page_index) {
  // Poppler's globals live while a poppler-cpp document does: open the file
  // that way too (it also refuses encrypted files, and routes Poppler's
  // messages away from the terminal).
  auto opened = OpenPdf(path);
  if (!opened.ok()) return opened.status();
  if (!globalParams) return Status::Internal("Poppler is not initialised");
  PDFDoc doc(std::make_unique<GooString>(path.string()));
  if (!doc.isOk()) return Status::Corrupt("Poppler cannot open it (error " + std::to_string(doc.getErrorCode()) + ")");
  if (page_index < 0 || page_index >= doc.getNumPages()) {
    return Status::Corrupt("page " + std::to_string(page_index + 1) + " does not exist");
  }
  DrawingProbe probe;
  // 72 dpi, crop box, upright as displayed: the renderer's page (RenderOpenPage).
  doc.displayPage(&probe, page_index + 1, 72, 72, 0, false, true, false);
  return probe.Result();
}

int ScanRenderDpi(const PageDrawing& drawing, int requested) {
  if (drawing.visible_glyphs > 0 || drawing.covered < kMinScanCoverage || !(drawing.picture_ppi > 0)) {
    return requested;
  }
  // 149.98 ppi (a rounded page size) is a 150-dpi scan.
  const int native = static_cast<int>(std::ceil(drawing.picture_ppi - 0.05));
  if (native > kMaxNativeScanDpi) return requested;
  const int least = drawing.picture_bits > 1 ? kMinScanDpi : kMinBilevelScanDpi;
  return std::min(requested, std::max(least, native));
}

}  // namespace foiamine
