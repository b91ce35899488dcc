// Lays a Document out on US-letter pages with Pango and draws the pages on
// any cairo context. Layout is done once, in points, with unhinted metrics,
// so a page breaks the same way whether it becomes a PDF or a scan, and the
// text of every printed line is known exactly (the ground truth).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "document.h"

namespace corpus {

constexpr double kPageWidth = 612;   // points (8.5 in)
constexpr double kPageHeight = 792;  // points (11 in)

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* p) const { pango_font_description_free(p); }
};
using ContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

// A run of text on one line, or a redaction box (filled black, no text). A
// bad redaction (`leak`) is a box drawn over `text`, which is printed
// first: invisible on the page, still in a PDF's text layer.
struct Segment {
  std::string text;
  bool box = false;
  double width = 0;  // points
  bool leak = false;
};

struct Line {
  double x = 0, y = 0;  // top-left, points
  std::string font;     // Pango font description, e.g. "Liberation Serif Bold 11"
  std::vector<Segment> segments;
  bool rule = false;  // a horizontal line of width `rule_width` instead of text
  double rule_width = 0;
  double gray = 0;     // ink: 0 black .. 1 white
  bool framed = false; // draw a frame around the line (stamps)
  std::string truth;   // the line as printed
};

struct Page {
  std::vector<Line> lines;  // in reading order
};

class Typesetter {
 public:
  Typesetter();
  // Lays out `doc`: body, then header/footer/stamps on every page.
  std::vector<Page> Layout(const Document& doc) const;
  // Draws one page; `cr` must use points as user units.
  void Draw(cairo_t* cr, const Page& page) const;
  // The page's printed text: lines joined by '\n'.
  static std::string PageText(const Page& page);
  // The redaction boxes Draw() fills on the page: x0, y0, x1, y1 in points,
  // top-left origin (the ground truth of `foiamine redactions`).
  std::vector<std::array<double, 4>> RedactionBoxes(const Page& page) const;
  // The text under the page's bad-redaction boxes (`[[!text]]`), in order.
  static std::vector<std::string> LeakedTexts(const Page& page);

 private:
  double Width(const std::string& text, const std::string& font) const;
  std::array<double, 4> BoxOf(const Line& line, double x, const Segment& s) const;
  LayoutPtr MakeLayout(const std::string& text, const std::string& font) const;
  ContextPtr context_;
};

}  // namespace corpus
