// The exhibit renderer's page picture (search/exhibit.cc), for what composes
// exhibits other than the PNG of WriteExhibit: the PDF exhibit bundle. One
// renderer for every exhibit: Poppler for PDF pages (born-digital or scanned),
// Leptonica for image files, both bounded in pixels before a pixel is made.
#pragma once

#include <cairo.h>

#include <memory>

#include "base/status.h"
#include "search/cite.h"

namespace foiamine {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;

struct PagePicture {
  CairoSurface surface;  // an image surface (ARGB32 or RGB24), opaque
  double scale = 0;      // pixels per PDF point: (x, y) in points is pixel (x * scale, y * scale)
};

// The source of the citation may be drawn: it is a page-image file type
// (not text or xml: kUnsupported), present (kNotFound) and unchanged since
// indexing (kCorrupt, naming both hashes).
Status CheckExhibitSource(const ClauseCitation& citation);

// Page `page_no` (1-based) of the citation's source file as a picture.
// `width_pt`: the page width the index stored (the box space of its words),
// which gives an image file's scale. REQUIRES: CheckExhibitSource passed.
StatusOr<PagePicture> RenderPagePicture(const ClauseCitation& citation, int page_no, double width_pt, int dpi);

}  // namespace foiamine

namespace foiamine {
// Attaches a JPEG encoding of the picture (8-bit gray when every pixel is
// gray, else RGB) as its cairo mime data: a PDF surface then embeds the
// JPEG instead of a lossless copy. For scans, whose noise a lossless copy
// pays for many times over (1.3 MB against ~0.2 MB a Letter page at 200 dpi).
Status AttachJpeg(PagePicture& picture, int quality);
}  // namespace foiamine
