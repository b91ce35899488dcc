#include "render/pdf_layer.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>

namespace foiamine {
namespace {

// More rectangles than this on one page are not redactions but a drawing
// (a chart, a hatching, a hostile file): the rest are ignored.
constexpr size_t kMaxRectanglesPerPage = 2000;

void AppendUtf8(std::string& out, Unicode u) {
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    if (u >= 0xD800 && u <= 0xDFFF) return;
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x110000) {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

double Luminance(const GfxRGB& rgb) {
  return 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
}

// TextOutputDev (the text layer, as poppler-cpp's text_list() configures it)
// that also keeps the dark rectangles filled on the page, and the glyphs
// drawn visibly on top of them.
class LayerOutputDev : public TextOutputDev {
 public:
  LayerOutputDev() : TextOutputDev(nullptr, false, 0, false, false) {}

  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    Keep(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    Keep(state);
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x, double origin_y,
                CharCode code, int n_bytes, const Unicode* u, int u_len) override {
    TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, code, n_bytes, u, u_len);
    if (rectangles_.empty()) return;
    // Render modes 3 and 7 draw nothing a reader sees.
    if ((state->getRender() & 3) == 3 || state->getFillOpacity() < 0.5) return;
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (Luminance(rgb) < 0.5) return;  // dark ink on a dark box: hidden
    double x0, y0, x1, y1;
    state->transform(x, y, &x0, &y0);
    state->transform(x + dx, y + dy, &x1, &y1);
    const double size = state->getTransformedFontSize();
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2 - 0.35 * size;
    for (DarkRectangle& r : rectangles_) {
      if (cx < r.x0 || cx > r.x1 || cy < r.y0 || cy > r.y1) continue;
      for (int i = 0; i < u_len && r.overlay_text.size() < 400; ++i) AppendUtf8(r.overlay_text, u[i]);
      if (r.overlay_points.size() < 4000) {
        r.overlay_points.push_back(cx);
        r.overlay_points.push_back(cy);
      }
    }
  }

  std::vector<DarkRectangle> TakeRectangles() { return std::move(rectangles_); }

 private:
  // Each closed subpath of four straight sides parallel to the page's edges.
  void Keep(GfxState* state) {
    if (rectangles_.size() >= kMaxRectanglesPerPage) return;
    if (state->getFillColorSpace()->getMode() == csPattern) return;
    if (state->getFillOpacity() < 0.99) return;  // a highlight, not a redaction
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (Luminance(rgb) > kDarkFillLuminance) return;
    const GfxPath* path = state->getPath();
    if (!path) return;
    for (int s = 0; s < path->getNumSubpaths() && rectangles_.size() < kMaxRectanglesPerPage; ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      const int n = sub->getNumPoints();
      if (n < 4 || n > 5) continue;
      double xs[5], ys[5];
      bool straight = true;
      for (int i = 0; i < n; ++i) {
        straight &= !sub->getCurve(i);
        state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
      }
      if (!straight) continue;
      if (n == 5 && (std::abs(xs[4] - xs[0]) > 0.5 || std::abs(ys[4] - ys[0]) > 0.5)) continue;
      const double x0 = *std::min_element(xs, xs + 4), x1 = *std::max_element(xs, xs + 4);
      const double y0 = *std::min_element(ys, ys + 4), y1 = *std::max_element(ys, ys + 4);
      bool corners = true;  // every point on a corner: axis-aligned
      for (int i = 0; i < 4; ++i) {
        corners &= (std::abs(xs[i] - x0) < 0.5 || std::abs(xs[i] - x1) < 0.5) &&
                   (std::abs(ys[i] - y0) < 0.5 || std::abs(ys[i] - y1) < 0.5);
      }
      if (!corners || x1 - x0 <= 4 || y1 - y0 <= 4) continue;
      if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) continue;
      rectangles_.push_back(DarkRectangle{x0, y0, x1, y1, {}, {}});
    }
  }

  std::vector<DarkRectangle> rectangles_;
};

}  // namespace

PdfLayerReader::PdfLayerReader(std::unique_ptr<PDFDoc> doc) : doc_(std::move(doc)) {}
PdfLayerReader::~PdfLayerReader() = default;

StatusOr<std::unique_ptr<PdfLayerReader>> PdfLayerReader::Open(const std::filesystem::path& path) {
  if (!globalParams) return Status::Internal("Poppler is not initialised (open the file with poppler-cpp first)");
  auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path.string()));
  if (!doc->isOk()) return Status::Corrupt("Poppler cannot open it (error " + std::to_string(doc->getErrorCode()) + ")");
  return std::unique_ptr<PdfLayerReader>(new PdfLayerReader(std::move(doc)));
}

int PdfLayerReader::pages() const { return doc_->getNumPages(); }

std::optional<PdfLayerReader::PageSize> PdfLayerReader::MediaBoxSize(int index) const {
  if (index < 0 || index >= doc_->getNumPages()) return std::nullopt;
  Page* page = doc_->getPage(index + 1);
  if (!page) return std::nullopt;
  // poppler-cpp 22.12: page_rect(media_box) is rectf(x1, y1, x2 - x1, y2 - y1)
  // of Page::getMediaBox(), and width() / height() give those differences back.
  const PDFRectangle* box = page->getMediaBox();
  return PageSize{box->x2 - box->x1, box->y2 - box->y1};
}

PageLayer PdfLayerReader::Read(int index) {
  PageLayer out;
  LayerOutputDev dev;
  if (!dev.isOk()) return out;
  // The arguments of poppler-cpp's page::text_list() (22.12), so the words
  // and their boxes are the ones the text stage has always stored.
  doc_->displayPageSlice(&dev, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr, nullptr,
                         nullptr, true);
  std::unique_ptr<TextWordList> list = dev.makeWordList();
  const int n = list ? list->getLength() : 0;
  out.words.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const TextWord* word = list->get(i);
    std::unique_ptr<GooString> text(word->getText());
    LayerWord w;
    if (text) w.text = text->c_str();  // as text_list(): up to a NUL
    word->getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
    // As text_list()'s rectf (x, y, width, height) gives right() and
    // bottom(): bit for bit the boxes the index has always stored.
    w.x1 = w.x0 + (w.x1 - w.x0);
    w.y1 = w.y0 + (w.y1 - w.y0);
    out.words.push_back(std::move(w));
  }
  out.rectangles = dev.TakeRectangles();
  return out;
}

}  // namespace foiamine
