// One pass over a PDF page's content stream that yields both its text layer
// (words with boxes, exactly as poppler-cpp's page::text_list() makes them)
// and the filled dark rectangles drawn on it (candidate redaction boxes).
//
// Why Poppler's private API (libpoppler-private-dev) and not qpdf: the
// boxes need the fill colour, its opacity and the current transform as the
// page's drawing operations leave them (colour spaces, form XObjects, q/Q,
// cm), which Poppler's Gfx interpreter already tracks; qpdf hands out tokens
// and would need a second interpreter of our own. And it costs nothing: the
// text layer already runs Gfx over the content stream with a TextOutputDev;
// a subclass of it also sees every fill (Gfx calls fill() for solid fills
// even for text-only devices; patterns, shadings and images stay skipped),
// so the rectangles come from the same interpretation, not a second one.
// The private API is not ABI-stable across Poppler versions: Debian builds
// both packages from one source, so they always match.
//
// Used by the text stage's isolated child (pipeline/pdf_text.cc) only:
// documents are untrusted.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

class PDFDoc;

namespace foiamine {

// A word of the text layer, in PDF points, top-left origin (as text_list()).
struct LayerWord {
  std::string text;  // UTF-8 as Poppler gave it (may be invalid: callers check)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A filled, opaque, near-black, axis-aligned rectangle larger than 4 x 4
// points (thinner ones are rules and table lines, as x-ray decides).
struct DarkRectangle {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // Text drawn on top of the rectangle, after it, in a contrasting colour:
  // visible to a reader (a label such as "(b)(6)", or a table header cell's
  // words). Glyph centres in `overlay_points` (x, y pairs).
  std::string overlay_text;
  std::vector<double> overlay_points;
};

struct PageLayer {
  std::vector<LayerWord> words;            // reading order
  std::vector<DarkRectangle> rectangles;   // drawing order
};

// Rectangles with a fill luminance at or below this (0 black .. 1 white).
inline constexpr double kDarkFillLuminance = 0.25;

class PdfLayerReader {
 public:
  // Opens the file with Poppler's core (the caller has already opened it
  // with poppler-cpp, which set up Poppler's globals and refused encrypted
  // files). Errors: kCorrupt when Poppler cannot open it.
  static StatusOr<std::unique_ptr<PdfLayerReader>> Open(const std::filesystem::path& path);
  ~PdfLayerReader();
  PdfLayerReader(const PdfLayerReader&) = delete;
  PdfLayerReader& operator=(const PdfLayerReader&) = delete;

  int pages() const;
  // Page `index`'s (0-based) media box size in points, width then height,
  // bit for bit what poppler-cpp's page::page_rect(media_box) gives; none
  // when Poppler cannot load the page (poppler-cpp's create_page() gives no
  // page then either).
  struct PageSize {
    double width = 0, height = 0;
  };
  std::optional<PageSize> MediaBoxSize(int index) const;
  // Page `index` (0-based): its words and dark rectangles.
  PageLayer Read(int index);

 private:
  explicit PdfLayerReader(std::unique_ptr<PDFDoc> doc);
  std::unique_ptr<PDFDoc> doc_;
};

}  // namespace foiamine
