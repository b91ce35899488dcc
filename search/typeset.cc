#include "search/typeset.h"

#include <cairo-pdf.h>
#include <glib.h>

#include <algorithm>

namespace foiamine {

std::string Markup(const std::string& text) {
  gchar* valid = g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size()));
  std::string clean;
  for (const char* p = valid; *p; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x20 && c != '\n' && c != '\t') continue;
    if (c == 0x7F) continue;
    clean += *p;
  }
  g_free(valid);
  gchar* escaped = g_markup_escape_text(clean.c_str(), static_cast<gssize>(clean.size()));
  std::string out = escaped;
  g_free(escaped);
  return out;
}

void GObjectDeleter::operator()(void* object) const {
  if (object) g_object_unref(object);
}

LayoutPtr LayOut(cairo_t* cr, const std::string& markup, const std::string& font, double width_pt,
                 PangoAlignment align) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  // Pango's default resolution is 96 dpi; a PDF's user unit is the point
  // (72 per inch): at 72 a "10 pt" font is 10 points on paper.
  pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), 72);
  pango_layout_context_changed(layout.get());
  PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
  pango_layout_set_font_description(layout.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout.get(), static_cast<int>(width_pt * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), align);
  // Markup we build from Markup()-escaped text always parses; should it not,
  // the text is shown as it is rather than dropped.
  if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, nullptr, nullptr, nullptr)) {
    pango_layout_set_text(layout.get(), markup.c_str(), -1);
  } else {
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
  }
  return layout;
}

double HeightOf(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

namespace {
cairo_status_t Discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }
}  // namespace

StatusOr<std::unique_ptr<PdfPages>> PdfPages::Open(const std::filesystem::path& path, Margins margins,
                                                   std::function<void(cairo_t*, int)> decorate) {
  std::unique_ptr<PdfPages> pages(new PdfPages());
  pages->surface_ = path.empty() ? cairo_pdf_surface_create_for_stream(Discard, nullptr, kLetterWidthPt, kLetterHeightPt)
                                 : cairo_pdf_surface_create(path.c_str(), kLetterWidthPt, kLetterHeightPt);
  if (cairo_surface_status(pages->surface_) != CAIRO_STATUS_SUCCESS) {
    return Status::IoError("cannot write " + path.string() + ": " +
                           cairo_status_to_string(cairo_surface_status(pages->surface_)));
  }
  cairo_pdf_surface_set_metadata(pages->surface_, CAIRO_PDF_METADATA_CREATOR, "foiamine");
  pages->cr_ = cairo_create(pages->surface_);
  pages->margins_ = margins;
  pages->decorate_ = std::move(decorate);
  pages->y = margins.top;
  return pages;
}

PdfPages::~PdfPages() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfPages::ClosePage() {
  if (decorate_) {
    cairo_save(cr_);
    decorate_(cr_, page_);
    cairo_restore(cr_);
  }
  cairo_show_page(cr_);
}

void PdfPages::NewPage() {
  ClosePage();
  ++page_;
  if (next_w_ != page_w_ || next_h_ != page_h_) {
    page_w_ = next_w_;
    page_h_ = next_h_;
    cairo_pdf_surface_set_size(surface_, page_w_, page_h_);
  }
  y = margins_.top;
}

void PdfPages::SetNextPageSize(double w, double h) {
  next_w_ = w;
  next_h_ = h;
}

void PdfPages::Need(double height) {
  if (y + height > body_bottom() && y > margins_.top + 0.5) NewPage();
}

void PdfPages::Paragraph(PangoLayout* layout, double indent, double space_after) {
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  double page_offset = y;  // where the layout's y = 0 lies on the current page
  double shift = 0;        // layout y of the first line on this page
  bool first = true;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double bottom = top + static_cast<double>(logical.height) / PANGO_SCALE;
    if (page_offset + bottom - shift > body_bottom() && !(first && y <= margins_.top + 0.5)) {
      NewPage();
      page_offset = y;
      shift = top;
    }
    first = false;
    const int baseline = pango_layout_iter_get_baseline(it);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    cairo_move_to(cr_, left() + indent + static_cast<double>(logical.x) / PANGO_SCALE,
                  page_offset + static_cast<double>(baseline) / PANGO_SCALE - shift);
    pango_cairo_show_layout_line(cr_, line);
    y = page_offset + bottom - shift;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  y += space_after;
}

void PdfPages::Paragraph(const std::string& markup, const std::string& font, double space_after,
                         PangoAlignment align) {
  LayoutPtr layout = LayOut(cr_, markup, font, width(), align);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  Paragraph(layout.get(), 0, space_after);
}

StatusOr<int> PdfPages::Finish() {
  ClosePage();
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) return Status::IoError(std::string("writing the PDF: ") + cairo_status_to_string(status));
  return page_;
}

void DrawTable(PdfPages& pages, const std::vector<double>& widths, const std::vector<std::string>& header,
               const std::vector<std::vector<TableCell>>& rows, const TableStyle& style) {
  cairo_t* cr = pages.cr();
  auto lay_row = [&](const std::vector<std::string>& cells, const std::string& font, double& height) {
    std::vector<LayoutPtr> layouts;
    height = 0;
    for (size_t k = 0; k < widths.size(); ++k) {
      layouts.push_back(LayOut(cr, k < cells.size() ? cells[k] : "", font, widths[k] - 2 * style.pad));
      height = std::max(height, HeightOf(layouts.back().get()) + 2 * style.pad);
    }
    return layouts;
  };
  auto draw_row = [&](std::vector<LayoutPtr>& layouts, double height, const std::vector<TableCell>* fills,
                      double grey) {
    double x = pages.left();
    for (size_t k = 0; k < widths.size(); ++k) {
      cairo_rectangle(cr, x, pages.y, widths[k], height);
      if (grey >= 0) {
        cairo_set_source_rgb(cr, grey, grey, grey);
        cairo_fill_preserve(cr);
      } else if (fills && k < fills->size() && (*fills)[k].fill_r >= 0) {
        cairo_set_source_rgb(cr, (*fills)[k].fill_r, (*fills)[k].fill_g, (*fills)[k].fill_b);
        cairo_fill_preserve(cr);
      }
      cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
      cairo_set_line_width(cr, 0.5);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, x + style.pad, pages.y + style.pad);
      pango_cairo_show_layout(cr, layouts[k].get());
      x += widths[k];
    }
    pages.y += height;
  };
  double header_h = 0;
  auto header_layouts = lay_row(header, style.header_font, header_h);
  pages.Need(header_h + 24);
  if (!header.empty()) draw_row(header_layouts, header_h, nullptr, style.header_fill);
  for (const auto& row : rows) {
    std::vector<std::string> markups;
    for (const auto& c : row) markups.push_back(c.markup);
    double h = 0;
    auto layouts = lay_row(markups, style.font, h);
    if (pages.y + h > pages.body_bottom()) {
      pages.NewPage();
      if (!header.empty()) {
        auto again = lay_row(header, style.header_font, header_h);
        draw_row(again, header_h, nullptr, style.header_fill);
      }
    }
    draw_row(layouts, h, &row, -1);
  }
}

}  // namespace foiamine

namespace foiamine {
double TableHeight(cairo_t* cr, const std::vector<double>& widths, const std::vector<std::string>& header,
                   const std::vector<std::vector<TableCell>>& rows, const TableStyle& style) {
  auto row_height = [&](const std::vector<std::string>& cells, const std::string& font) {
    double h = 0;
    for (size_t k = 0; k < widths.size() && k < cells.size(); ++k) {
      LayoutPtr layout = LayOut(cr, cells[k], font, widths[k] - 2 * style.pad);
      h = std::max(h, HeightOf(layout.get()) + 2 * style.pad);
    }
    return h;
  };
  double total = header.empty() ? 0 : row_height(header, style.header_font);
  for (const auto& row : rows) {
    std::vector<std::string> markups;
    for (const auto& c : row) markups.push_back(c.markup);
    total += row_height(markups, style.font);
  }
  return total;
}
}  // namespace foiamine
