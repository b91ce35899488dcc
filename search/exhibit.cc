// WriteExhibit (cite.h): the page picture a lawyer attaches as an exhibit.
// Poppler renders PDF pages (born-digital or scanned alike); Leptonica
// decodes image files; cairo composes the page, the highlight and the
// citation margin and writes the PNG. Every library handle is owned by a
// unique_ptr with its release function.
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "base/pix.h"
#include "base/sha256.h"
#include "extractors/ocr_readings.h"
#include "search/cite.h"

namespace foiamine {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;
using Pix = std::unique_ptr<PIX, PixDeleter>;

// The largest page image an exhibit draws: the OCR renderer's bound
// (kMaxPagePixels, pipeline/page_image.h), ~ a 40x40 inch page at 300 dpi.
constexpr int64_t kMaxExhibitPixels = int64_t{150} * 1000 * 1000;

// A page image as an opaque ARGB32 cairo surface.
StatusOr<Surface> RenderPdf(const std::filesystem::path& path, int page_no, int dpi) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc || doc->is_locked()) return Status::Corrupt(path.string() + ": Poppler cannot open the PDF");
  if (page_no < 1 || page_no > doc->pages()) {
    return Status::Corrupt(path.string() + ": has no page " + std::to_string(page_no));
  }
  std::unique_ptr<poppler::page> page(doc->create_page(page_no - 1));
  if (!page) return Status::Corrupt(path.string() + ": cannot load page " + std::to_string(page_no));
  // The OCR renderer's bound (pipeline/page_image.h), checked before any
  // pixel is made: a 14400 pt page took 1.85 GB; a page that would come out
  // a sliver of a pixel is no exhibit either.
  const poppler::rectf box = page->page_rect(poppler::crop_box);
  const double w_px = std::abs(box.width()) * dpi / 72.0, h_px = std::abs(box.height()) * dpi / 72.0;
  if (!(w_px >= 16) || !(h_px >= 16)) {
    return Status::Corrupt(path.string() + ": page " + std::to_string(page_no) + " is too small to draw (" +
                           std::to_string(static_cast<int>(w_px)) + "x" + std::to_string(static_cast<int>(h_px)) +
                           " px at " + std::to_string(dpi) + " dpi)");
  }
  if (w_px * h_px > static_cast<double>(kMaxExhibitPixels)) {
    return Status::Unsupported(path.string() + ": page " + std::to_string(page_no) + " would be " +
                               std::to_string(static_cast<int64_t>(w_px)) + "x" +
                               std::to_string(static_cast<int64_t>(h_px)) + " px at " + std::to_string(dpi) +
                               " dpi, more than the " + std::to_string(kMaxExhibitPixels / 1000000) +
                               "-megapixel limit; give a lower --dpi");
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::Internal(path.string() + ": Poppler rendered nothing for page " + std::to_string(page_no));
  }
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width(), image.height()));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return Status::Internal("cairo: out of memory");
  cairo_surface_flush(surface.get());
  unsigned char* dst = cairo_image_surface_get_data(surface.get());
  const int dst_stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < image.height(); ++y) {
    std::memcpy(dst + static_cast<size_t>(y) * dst_stride, image.const_data() + static_cast<size_t>(y) * image.bytes_per_row(),
                static_cast<size_t>(image.width()) * 4);
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

StatusOr<Surface> DecodeImage(const std::filesystem::path& path, const std::string& file_type, int page_no) {
  // The header check the OCR decoder makes (pipeline/page_image.h): the
  // pixel count is known before a pixel is decoded.
  {
    int format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0, res = 0;
    if (pixReadHeader(path.c_str(), &format, &w, &h, &bps, &spp, &iscmap) != 0) {
      return Status::Corrupt(path.string() + ": Leptonica cannot read the image header");
    }
    if (file_type == "tiff" && page_no > 1 &&
        readHeaderTiff(path.c_str(), page_no - 1, &w, &h, &bps, &spp, &res, &iscmap, &format) != 0) {
      return Status::Corrupt(path.string() + ": cannot read the header of TIFF frame " + std::to_string(page_no));
    }
    if (w <= 0 || h <= 0 || int64_t{w} * h > kMaxExhibitPixels) {
      return Status::Unsupported(path.string() + ": image of " + std::to_string(w) + "x" + std::to_string(h) +
                                 " pixels is outside the " + std::to_string(kMaxExhibitPixels / 1000000) +
                                 "-megapixel limit");
    }
  }
  Pix pix(file_type == "tiff" ? pixReadTiff(path.c_str(), page_no - 1) : pixRead(path.c_str()));
  if (!pix) return Status::Corrupt(path.string() + ": Leptonica cannot decode the image");
  Pix rgb(pixConvertTo32(pix.get()));
  if (!rgb) return Status::Internal(path.string() + ": cannot convert the image to RGB");
  const int w = static_cast<int>(pixGetWidth(rgb.get())), h = static_cast<int>(pixGetHeight(rgb.get()));
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return Status::Internal("cairo: out of memory");
  cairo_surface_flush(surface.get());
  unsigned char* dst = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const l_uint32* src = pixGetData(rgb.get());
  const int wpl = pixGetWpl(rgb.get());
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(dst + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      extractRGBValues(src[static_cast<size_t>(y) * wpl + x], &r, &g, &b);
      row[x] = 0xFF000000u | (static_cast<uint32_t>(r) << 16) | (static_cast<uint32_t>(g) << 8) | static_cast<uint32_t>(b);
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

// Splits `text` into lines no wider than `width` pixels in the current font.
std::vector<std::string> WrapToWidth(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string::npos) space = text.size();
    std::string word = text.substr(pos, space - pos);
    std::string candidate = line.empty() ? word : line + " " + word;
    cairo_text_extents_t ext;
    cairo_text_extents(cr, candidate.c_str(), &ext);
    if (!line.empty() && ext.x_advance > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    pos = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

StatusOr<ExhibitGeometry> WriteExhibit(const ClauseCitation& cc, const std::filesystem::path& png_path,
                                       const ExhibitOptions& options) {
  const ClauseRecord& c = cc.clause;
  if (cc.file_type != "pdf" && cc.file_type != "png" && cc.file_type != "jpeg" && cc.file_type != "tiff") {
    return Status::Unsupported(c.doc_path + " is a " + cc.file_type +
                               " file: it has no page picture to exhibit; cite the quote instead");
  }
  if (cc.source.empty()) {
    return Status::NotFound("cannot draw the exhibit: " + cc.missing_reason +
                            "; restore the file (same content) and retry, or run `foiamine verify`");
  }
  auto hash = Sha256File(cc.source);
  if (!hash.ok()) return hash.status();
  if (*hash != c.doc_sha256) {
    return Status::Corrupt(cc.source.string() + " changed since it was indexed (SHA-256 " + *hash + ", indexed " +
                           c.doc_sha256 + "); re-run `foiamine run` before drawing an exhibit");
  }

  auto render = [&](int page_no) {
    return cc.file_type == "pdf" ? RenderPdf(cc.source, page_no, options.dpi)
                                 : DecodeImage(cc.source, cc.file_type, page_no);
  };
  // Pixels per point: the render dpi for PDFs; for images, the image's width
  // over the page width the index stored (the OCR stage's box space).
  auto scale_of = [&](const Surface& s, double width_pt) {
    return cc.file_type == "pdf" ? options.dpi / 72.0
                                 : (width_pt > 0 ? cairo_image_surface_get_width(s.get()) / width_pt : options.dpi / 72.0);
  };
  StatusOr<Surface> page = render(c.page);
  if (!page.ok()) return page.status();
  ExhibitGeometry g;
  g.page_px_w = cairo_image_surface_get_width(page->get());
  g.page_px_h = cairo_image_surface_get_height(page->get());
  g.scale = scale_of(*page, cc.page_width_pt);

  // A quote that crosses a page break is exhibited whole: a court reads the
  // sentence, not the half of it on the first page. Every page it is printed
  // on is shown in full (the context of the words, as the document prints
  // them), one below the other, each with its words boxed.
  struct Placed {
    Surface surface;
    int page_no = 0;
    int top = 0;  // pixel row of the page in the exhibit
    double scale = 0;
    std::vector<PointBox> boxes;
  };
  std::vector<Placed> placed;
  std::vector<PointBox> first_boxes = cc.line_boxes;
  if (first_boxes.empty() && c.bbox) first_boxes.push_back(*c.bbox);
  placed.push_back(Placed{std::move(*page), c.page, 0, g.scale, std::move(first_boxes)});
  for (const ClauseCitation::Continuation& more : cc.continuation) {
    StatusOr<Surface> next = render(more.page);
    if (!next.ok()) return next.status();
    const double scale = scale_of(*next, more.width_pt);
    placed.push_back(Placed{std::move(*next), more.page, 0, scale, more.line_boxes});
  }

  // The margin: citation, document, file and hash, clause id and method.
  std::vector<std::string> margin_text = {c.citation};
  if (!c.doc_title.empty()) margin_text.push_back(c.doc_title);
  margin_text.push_back("File: " + (cc.file_names.empty() ? c.doc_path : cc.file_names.front()) +
                        "   SHA-256: " + c.doc_sha256);
  std::string method = c.method == "ocr" ? "OCR" : "PDF text layer";
  if (cc.file_type != "pdf" && c.method != "ocr") method = "text";
  if (c.method == "ocr" && c.ocr_confidence) method += " (confidence " + std::to_string(static_cast<int>(*c.ocr_confidence + 0.5)) + ")";
  // OCR text is what OCR read, not the print: the picture is the record;
  // known damaged tokens are given with their reading.
  if (c.method == "ocr") {
    method += ", quote as OCR read it";
    if (!c.ocr_readings.empty()) method += ": " + extractors::OcrReadingsNote(c.ocr_readings);
  }
  margin_text.push_back("Clause " + c.id + " | section " + (c.section.empty() ? "(none)" : c.section) + " | page " +
                        std::to_string(c.page) + " | " + method + " | foiamine");
  if (placed.size() > 1) {
    margin_text.push_back("The quoted sentence runs from p. " + std::to_string(c.page) + " to p. " +
                          std::to_string(placed.back().page_no) +
                          ": every page it is printed on is shown above, top to bottom, its words boxed on each.");
  }
  const double font_px = std::max(10.0, g.page_px_w / 75.0);
  const double pad = font_px;

  // Measure the wrapped margin lines on a scratch context.
  Surface scratch(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1));
  Cairo measure(cairo_create(scratch.get()));
  cairo_select_font_face(measure.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(measure.get(), font_px);
  std::vector<std::string> lines;
  for (const auto& t : margin_text) {
    for (auto& l : WrapToWidth(measure.get(), t, g.page_px_w - 2 * pad)) lines.push_back(std::move(l));
  }
  const int margin_h = static_cast<int>(std::ceil(2 * pad + lines.size() * font_px * 1.35));
  // Between pages: a strip naming the page that follows.
  const int strip_h = static_cast<int>(std::ceil(2 * pad + font_px));
  int pages_h = 0;
  g.png_w = 0;
  for (size_t k = 0; k < placed.size(); ++k) {
    if (k > 0) {
      pages_h += strip_h;
      g.continuation_top.push_back(pages_h);
    }
    placed[k].top = pages_h;
    pages_h += cairo_image_surface_get_height(placed[k].surface.get());
    g.png_w = std::max(g.png_w, cairo_image_surface_get_width(placed[k].surface.get()));
  }
  g.png_h = pages_h + margin_h;

  Surface out(cairo_image_surface_create(CAIRO_FORMAT_RGB24, g.png_w, g.png_h));
  if (cairo_surface_status(out.get()) != CAIRO_STATUS_SUCCESS) return Status::Internal("cairo: out of memory");
  Cairo cr(cairo_create(out.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  for (size_t k = 0; k < placed.size(); ++k) {
    cairo_set_source_surface(cr.get(), placed[k].surface.get(), 0, placed[k].top);
    cairo_paint(cr.get());
    if (k == 0) continue;
    const double strip_top = placed[k].top - strip_h;
    cairo_set_source_rgb(cr.get(), 0.93, 0.93, 0.93);
    cairo_rectangle(cr.get(), 0, strip_top, g.png_w, strip_h);
    cairo_fill(cr.get());
    cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr.get(), font_px);
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_move_to(cr.get(), pad, strip_top + pad + font_px * 0.8);
    const std::string label = "The quote continues on p. " + std::to_string(placed[k].page_no) + " (page break)";
    cairo_show_text(cr.get(), label.c_str());
  }

  // The highlight: a translucent fill over each line's words, then an opaque
  // outline (no antialiasing, so its colour is exact) just outside them.
  auto pixel_box = [](const Placed& p, const PointBox& b) {
    return std::array<double, 4>{std::floor((b[0] - kHighlightPadPt) * p.scale),
                                 std::floor((b[1] - kHighlightPadPt) * p.scale) + p.top,
                                 std::ceil((b[2] + kHighlightPadPt) * p.scale),
                                 std::ceil((b[3] + kHighlightPadPt) * p.scale) + p.top};
  };
  const double line_w = std::max(2.0, std::round(g.scale * 1.2));
  for (const Placed& p : placed) {
    for (const auto& b : p.boxes) {
      const auto [x0, y0, x1, y1] = pixel_box(p, b);
      cairo_rectangle(cr.get(), x0, y0, x1 - x0, y1 - y0);
      cairo_set_source_rgba(cr.get(), 1.0, 0.86, 0.0, 0.30);
      cairo_fill(cr.get());
    }
  }
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  cairo_set_line_width(cr.get(), line_w);
  cairo_set_source_rgb(cr.get(), ((kHighlightOutlineRgb >> 16) & 0xFF) / 255.0, ((kHighlightOutlineRgb >> 8) & 0xFF) / 255.0,
                       (kHighlightOutlineRgb & 0xFF) / 255.0);
  for (const Placed& p : placed) {
    for (const auto& b : p.boxes) {
      // Outline drawn inside the padded box: its outer edge is the padded box.
      const auto [x0, y0, x1, y1] = pixel_box(p, b);
      cairo_rectangle(cr.get(), x0 + line_w / 2, y0 + line_w / 2, x1 - x0 - line_w, y1 - y0 - line_w);
      cairo_stroke(cr.get());
    }
  }
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_DEFAULT);

  // The margin.
  cairo_set_source_rgb(cr.get(), 0.35, 0.35, 0.35);
  cairo_set_line_width(cr.get(), 1);
  cairo_move_to(cr.get(), 0, pages_h + 0.5);
  cairo_line_to(cr.get(), g.png_w, pages_h + 0.5);
  cairo_stroke(cr.get());
  cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr.get(), font_px);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  double y = pages_h + pad + font_px;
  for (size_t i = 0; i < lines.size(); ++i) {
    cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           i == 0 ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_move_to(cr.get(), pad, y);
    cairo_show_text(cr.get(), lines[i].c_str());
    y += font_px * 1.35;
  }
  cr.reset();
  cairo_surface_flush(out.get());
  if (cairo_surface_write_to_png(out.get(), png_path.c_str()) != CAIRO_STATUS_SUCCESS) {
    return Status::IoError("cannot write " + png_path.string());
  }
  return g;
}

}  // namespace foiamine
