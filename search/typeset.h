// Typesetting for the court-ready PDFs (the divergence memo, the exhibit
// bundle): cairo's PDF surface draws, Pango lays text out (line breaking,
// fonts from fontconfig: Liberation Serif/Sans and DejaVu Sans Mono, which
// scripts/setup.sh installs; PDF text stays text, fonts embedded as subsets).
// Pages are US Letter. Text from documents enters only through Markup(),
// which makes any bytes safe for Pango's markup parser.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace foiamine {

inline constexpr double kLetterWidthPt = 612, kLetterHeightPt = 792;

// `text` as Pango markup: invalid UTF-8 repaired, control characters other
// than newline and tab dropped, & < > " ' escaped.
std::string Markup(const std::string& text);

struct GObjectDeleter {
  void operator()(void* object) const;  // g_object_unref
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

// A paragraph laid out at a width: `markup` in `font` (a Pango font
// description, e.g. "Liberation Serif 10.5").
LayoutPtr LayOut(cairo_t* cr, const std::string& markup, const std::string& font, double width_pt,
                 PangoAlignment align = PANGO_ALIGN_LEFT);
double HeightOf(PangoLayout* layout);  // points

// A cairo PDF file of Letter pages written top to bottom: a cursor `y`
// inside the margins, a new page when a block does not fit, and a
// decoration (running header/footer) drawn on every page when it is closed.
class PdfPages {
 public:
  struct Margins {
    double left = 72, right = 72, top = 66, bottom = 72;
  };
  // `decorate(cr, page_number)` draws the page's furniture (page numbers).
  // An empty path writes nowhere (a layout pass that only counts pages).
  static StatusOr<std::unique_ptr<PdfPages>> Open(const std::filesystem::path& path, Margins margins,
                                                  std::function<void(cairo_t*, int)> decorate);
  ~PdfPages();
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  cairo_t* cr() const { return cr_; }
  cairo_surface_t* surface() const { return surface_; }
  double left() const { return margins_.left; }
  double width() const { return page_w_ - margins_.left - margins_.right; }
  double body_bottom() const { return page_h_ - margins_.bottom; }
  double page_width() const { return page_w_; }
  double page_height() const { return page_h_; }
  int page() const { return page_; }

  double y = 0;  // the cursor: where the next block starts
  // Starts a new page unless at least `height` points are left below y.
  void Need(double height);
  void NewPage();
  // Sets the size of the pages that follow (e.g. landscape); takes effect at the next NewPage().
  void SetNextPageSize(double w, double h);
  // Draws a laid-out paragraph at x = left() + indent, line by line, going
  // on to new pages as needed; y ends below it plus `space_after`.
  void Paragraph(PangoLayout* layout, double indent = 0, double space_after = 0);
  // Lays out and draws `markup` across the full width.
  void Paragraph(const std::string& markup, const std::string& font, double space_after = 4,
                 PangoAlignment align = PANGO_ALIGN_LEFT);
  // Ends the last page and writes the file; the page count.
  StatusOr<int> Finish();

 private:
  PdfPages() = default;
  void ClosePage();
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  Margins margins_;
  std::function<void(cairo_t*, int)> decorate_;
  double page_w_ = kLetterWidthPt, page_h_ = kLetterHeightPt, next_w_ = kLetterWidthPt, next_h_ = kLetterHeightPt;
  int page_ = 1;
  bool page_closed_ = false;
};

// A table drawn row by row: a header row repeated on each page, cells of
// Pango markup with padding and rules, an optional fill per cell (rows never
// split across pages).
struct TableStyle {
  std::string font = "Liberation Sans 9", header_font = "Liberation Sans Bold 9";
  double pad = 3;
  double header_fill = 0.90;  // grey level of the header row
};
struct TableCell {
  std::string markup;
  double fill_r = -1, fill_g = 0, fill_b = 0;  // fill_r < 0: no fill
};
void DrawTable(PdfPages& pages, const std::vector<double>& widths, const std::vector<std::string>& header,
               const std::vector<std::vector<TableCell>>& rows, const TableStyle& style = {});

}  // namespace foiamine

namespace foiamine {
// The height DrawTable would give the header plus `rows` (no page break).
double TableHeight(cairo_t* cr, const std::vector<double>& widths, const std::vector<std::string>& header,
                   const std::vector<std::vector<TableCell>>& rows, const TableStyle& style = {});
}  // namespace foiamine
