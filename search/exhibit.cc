// WriteExhibit (cite.h): the page picture a lawyer attaches as an exhibit.
// Poppler renders PDF pages (born-digital or scanned alike); Leptonica
// decodes image files; cairo composes the page, the highlight and the
// citation margin and writes the PNG. Every library handle is owned by a
// unique_ptr with its release function.
#include <cairo.h>
#include <zlib.h>
#include <leptonica/allheaders.h>

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
#include "render/page_image.h"
#include "search/cite.h"
#include "search/page_picture.h"

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

// A page picture (8-bit gray or 32-bit RGB Pix) as an opaque RGB24 cairo surface.
StatusOr<Surface> SurfaceOf(const PageImage& image) {
  PixPtr rgb(pixGetDepth(image.pix.get()) == 32 ? pixClone(image.pix.get()) : pixConvertTo32(image.pix.get()));
  if (!rgb) return Status::Internal("cannot convert the page image to RGB");
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

// Page `page_no` (1-based) of a drop file, in colour, from the one bounded
// renderer (render/page_image.h): a PDF page at `dpi`, refused past the pixel
// cap before a pixel is made (a 14400 pt page took 1.85 GB) or when it would
// come out a sliver; an image file's frame, its size checked from the header.
// With options.helper_executable the PDF page renders in a child killed after
// options.timeout_seconds.
StatusOr<PageImage> RenderSourcePage(const std::filesystem::path& source, const std::string& file_type, int page_no,
                                     int dpi, const ExhibitOptions& options = {}) {
  RenderLimits limits;
  limits.dpi = dpi;
  limits.color = true;
  limits.shrink_to_fit = false;  // the user chose the dpi: say which fits rather than change it
  limits.min_side_pixels = 16;
  limits.timeout_seconds = options.timeout_seconds;
  limits.helper_executable = options.helper_executable;
  auto image = file_type == "pdf" ? RenderPage(source, page_no - 1, limits) : ReadImagePage(source, page_no - 1, limits);
  if (!image.ok()) return image.status().WithPrefix(source.string() + ": page " + std::to_string(page_no) + ": ");
  return image;
}

// The page as a cairo surface and its pixels per point: the render dpi for
// PDFs; for images, the image's width over the page width the index stored
// (the OCR stage's box space).
StatusOr<PagePicture> PictureOf(const std::filesystem::path& source, const std::string& file_type, int page_no,
                                double width_pt, int dpi, const ExhibitOptions& options = {}) {
  auto image = RenderSourcePage(source, file_type, page_no, dpi, options);
  if (!image.ok()) return image.status();
  auto surface = SurfaceOf(*image);
  if (!surface.ok()) return surface.status();
  const double w = cairo_image_surface_get_width(surface->get());
  const double scale = file_type == "pdf" || !(width_pt > 0) ? image->dpi / 72.0 : w / width_pt;
  return PagePicture{CairoSurface(surface->release()), scale};
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

Status CheckExhibitSource(const ClauseCitation& cc) {
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
  return Status::Ok();
}

StatusOr<PagePicture> RenderPagePicture(const ClauseCitation& cc, int page_no, double width_pt, int dpi) {
  return PictureOf(cc.source, cc.file_type, page_no, width_pt, dpi);
}

StatusOr<ExhibitGeometry> WriteExhibit(const ClauseCitation& cc, const std::filesystem::path& png_path,
                                       const ExhibitOptions& options) {
  const ClauseRecord& c = cc.clause;
  if (Status ok = CheckExhibitSource(cc); !ok.ok()) return ok;
  auto render = [&](int page_no, double width_pt) -> StatusOr<std::pair<Surface, double>> {
    auto picture = PictureOf(cc.source, cc.file_type, page_no, width_pt, options.dpi, options);
    if (!picture.ok()) return picture.status();
    return std::make_pair(Surface(picture->surface.release()), picture->scale);
  };
  auto first = render(c.page, cc.page_width_pt);
  if (!first.ok()) return first.status();
  ExhibitGeometry g;
  g.page_px_w = cairo_image_surface_get_width(first->first.get());
  g.page_px_h = cairo_image_surface_get_height(first->first.get());
  g.scale = first->second;

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
  placed.push_back(Placed{std::move(first->first), c.page, 0, g.scale, std::move(first_boxes)});
  for (const ClauseCitation::Continuation& more : cc.continuation) {
    auto next = render(more.page, more.width_pt);
    if (!next.ok()) return next.status();
    placed.push_back(Placed{std::move(next->first), more.page, 0, next->second, more.line_boxes});
  }
  // (in the order they are printed: a clause cited on the page of its decisive words may start on the page before)
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.page_no < b.page_no; });

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
    margin_text.push_back("The quoted sentence runs from p. " + std::to_string(placed.front().page_no) + " to p. " +
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

namespace {

// The page as an 8-bit RGB PNG ("" when zlib fails), compressed for speed (zlib level 1, each row
// filtered "Up"): cairo's PNG writer spends ~1 s of CPU on a noisy 1,000 px
// scan at its default level, ten times the render; the page images of a
// server are read once over a local connection, where bytes are cheap.
std::string EncodePngFast(cairo_surface_t* surface) {
  const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::string raw;
  raw.reserve(static_cast<size_t>(h) * (1 + 3 * static_cast<size_t>(w)));
  std::vector<unsigned char> prev(3 * static_cast<size_t>(w), 0), row(3 * static_cast<size_t>(w));
  for (int y = 0; y < h; ++y) {
    const auto* px = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      row[3 * x] = static_cast<unsigned char>(px[x] >> 16);
      row[3 * x + 1] = static_cast<unsigned char>(px[x] >> 8);
      row[3 * x + 2] = static_cast<unsigned char>(px[x]);
    }
    raw += '\2';  // filter: Up
    for (size_t i = 0; i < row.size(); ++i) raw += static_cast<char>(row[i] - prev[i]);
    prev.swap(row);
  }
  uLongf packed_size = compressBound(raw.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(raw.data()),
                raw.size(), Z_BEST_SPEED) != Z_OK) {
    return "";  // out of memory
  }
  packed.resize(packed_size);
  std::string png("\x89PNG\r\n\x1a\n", 8);
  auto be32 = [](std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
  };
  auto chunk = [&](const char* type, const std::string& body) {
    be32(png, static_cast<uint32_t>(body.size()));
    std::string typed = std::string(type, 4) + body;
    png += typed;
    be32(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()), typed.size())));
  };
  std::string ihdr;
  be32(ihdr, static_cast<uint32_t>(w));
  be32(ihdr, static_cast<uint32_t>(h));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no interlace
  chunk("IHDR", ihdr);
  chunk("IDAT", packed);
  chunk("IEND", "");
  return png;
}

}  // namespace

StatusOr<std::string> RenderPagePng(const std::filesystem::path& source, const std::string& file_type, int page_no,
                                    double page_width_pt, const std::vector<PointBox>& boxes, int dpi,
                                    int max_width_px) {
  if (file_type == "text" || file_type == "xml") {
    return Status::Unsupported("a " + file_type + " file has no page picture");
  }
  StatusOr<PagePicture> picture = PictureOf(source, file_type, page_no, page_width_pt, dpi);
  if (!picture.ok()) return picture.status();
  Surface page(picture->surface.release());
  const int src_w = cairo_image_surface_get_width(page.get()), src_h = cairo_image_surface_get_height(page.get());
  // Pixels per point of the rendered page, then the display scale-down.
  double scale = picture->scale;
  const double shrink = max_width_px > 0 && src_w > max_width_px ? static_cast<double>(max_width_px) / src_w : 1.0;
  const int w = std::max(1, static_cast<int>(std::lround(src_w * shrink)));
  const int h = std::max(1, static_cast<int>(std::lround(src_h * shrink)));
  scale *= shrink;
  Surface out(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(out.get()) != CAIRO_STATUS_SUCCESS) return Status::Internal("cairo: out of memory");
  Cairo cr(cairo_create(out.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_save(cr.get());
  cairo_scale(cr.get(), shrink, shrink);
  cairo_set_source_surface(cr.get(), page.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr.get()), CAIRO_FILTER_GOOD);
  cairo_paint(cr.get());
  cairo_restore(cr.get());
  // The exhibit's highlight: a translucent fill, then the opaque outline.
  auto pixel_box = [&](const PointBox& b) {
    return std::array<double, 4>{std::floor((b[0] - kHighlightPadPt) * scale), std::floor((b[1] - kHighlightPadPt) * scale),
                                 std::ceil((b[2] + kHighlightPadPt) * scale), std::ceil((b[3] + kHighlightPadPt) * scale)};
  };
  for (const auto& b : boxes) {
    const auto [x0, y0, x1, y1] = pixel_box(b);
    cairo_rectangle(cr.get(), x0, y0, x1 - x0, y1 - y0);
    cairo_set_source_rgba(cr.get(), 1.0, 0.86, 0.0, 0.30);
    cairo_fill(cr.get());
  }
  const double line_w = std::max(2.0, std::round(scale * 1.2));
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  cairo_set_line_width(cr.get(), line_w);
  cairo_set_source_rgb(cr.get(), ((kHighlightOutlineRgb >> 16) & 0xFF) / 255.0, ((kHighlightOutlineRgb >> 8) & 0xFF) / 255.0,
                       (kHighlightOutlineRgb & 0xFF) / 255.0);
  for (const auto& b : boxes) {
    const auto [x0, y0, x1, y1] = pixel_box(b);
    cairo_rectangle(cr.get(), x0 + line_w / 2, y0 + line_w / 2, x1 - x0 - line_w, y1 - y0 - line_w);
    cairo_stroke(cr.get());
  }
  cr.reset();
  cairo_surface_flush(out.get());
  std::string png = EncodePngFast(out.get());
  if (png.empty()) return Status::Internal("cannot compress the page image (out of memory)");
  return png;
}

}  // namespace foiamine

namespace foiamine {

Status AttachJpeg(PagePicture& picture, int quality) {
  cairo_surface_t* s = picture.surface.get();
  cairo_surface_flush(s);
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  if (!data || w <= 0 || h <= 0) return Status::Internal("cairo: no pixels to encode");
  auto pixel = [&](int x, int y) { return reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride)[x]; };
  bool gray = true;
  for (int y = 0; y < h && gray; ++y) {
    for (int x = 0; x < w; ++x) {
      const uint32_t p = pixel(x, y);
      if (((p >> 16) & 0xFF) != ((p >> 8) & 0xFF) || ((p >> 8) & 0xFF) != (p & 0xFF)) {
        gray = false;
        break;
      }
    }
  }
  Pix pix(pixCreate(w, h, gray ? 8 : 32));
  if (!pix) return Status::Internal("Leptonica: out of memory");
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    l_uint32* line = dst + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      const uint32_t p = pixel(x, y);
      if (gray) {
        SET_DATA_BYTE(line, x, p & 0xFF);
      } else {
        composeRGBPixel((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, line + x);
      }
    }
  }
  l_uint8* jpeg = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&jpeg, &size, pix.get(), quality, 0) != 0 || !jpeg) {
    return Status::Internal("Leptonica cannot encode the page picture as JPEG");
  }
  // cairo owns the buffer from here and frees it (lept_free) with the surface.
  if (cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jpeg, size, [](void* p) { lept_free(p); }, jpeg) !=
      CAIRO_STATUS_SUCCESS) {
    lept_free(jpeg);
    return Status::Internal("cairo: cannot attach the JPEG");
  }
  return Status::Ok();
}

}  // namespace foiamine
