// `foiamine cite`: one clause as a citation ready for a brief, and
// `--exhibit`: the page picture with the clause's words boxed.
#pragma once

#include <array>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "index/reader.h"
#include "base/status.h"
#include "search/clauses.h"

namespace foiamine {

// A box in PDF points, top-left origin: x0, y0, x1, y1.
using PointBox = std::array<double, 4>;

// Everything a citation and an exhibit need about one clause.
struct ClauseCitation {
  ClauseRecord clause;
  std::string file_type;                 // pdf | png | jpeg | tiff | text | xml
  std::vector<std::string> file_names;   // every display path (relative to its drop) the content was found under
  std::filesystem::path source;          // the first of them still present on disk (absolute); empty if none
                                         // (a document inside a ZIP drop is not on disk: see `in_archive`)
  std::string missing_reason;            // why `source` is empty
  // Re-hashing at citation time: `verified` when some path (file, or entry
  // of its ZIP drop) still hashes to the indexed SHA-256; `changed` when
  // every path still present hashes to something else (the citation would
  // quote a file that is no longer the one cited); `changed_detail` says so.
  bool verified = false, changed = false;
  std::string changed_detail;
  std::string in_archive;                // "archive.zip: entry/name.pdf" when verified inside a ZIP drop
  double page_width_pt = 0, page_height_pt = 0;
  // The clause's words on its page, one box per printed line (the union of
  // the words of that line), in reading order. Empty for plain text.
  std::vector<PointBox> line_boxes;
  // A sentence that crosses a page break: its parts on the other pages it is
  // printed on (before or after the clause's own page), in page order, with
  // its words' line boxes there (empty otherwise).
  struct Continuation {
    int page = 0;
    double width_pt = 0, height_pt = 0;
    std::vector<PointBox> line_boxes;
  };
  std::vector<Continuation> continuation;
};

// Reads the clause `clause_id` (the 16-hex id of `clauses`) and its file
// and word boxes, and re-hashes its source (see `changed`). kNotFound when
// no clause has that id.
StatusOr<ClauseCitation> ReadClauseCitation(IndexReader& index, const std::string& clause_id);

// Prints the citation: document title and number, section, page, the exact
// quote, file name(s) and SHA-256, extraction method (text layer, or OCR with
// its confidence), clause id.
void PrintCitation(const ClauseCitation& citation, std::ostream& out);

struct ExhibitOptions {
  int dpi = 150;  // PDF pages are rendered at this resolution; image files keep their own
  // When set (the foiamine binary), PDF pages render in a helper process
  // killed after `timeout_seconds` (render/render_process.h); else in this
  // process, with no time limit.
  std::string helper_executable;
  int timeout_seconds = 300;
};

// The opaque outline colour of the highlight (0xRRGGBB), drawn without
// antialiasing, used nowhere else in an exhibit: tests find the highlight by
// it. Each line box is outlined `kHighlightPadPt` points outside the words.
inline constexpr unsigned kHighlightOutlineRgb = 0xE0007A;
inline constexpr double kHighlightPadPt = 2.0;

// Geometry of a written exhibit: the page occupies pixels [0, page_px_w) x
// [0, page_px_h) at the top-left of the PNG (a point (x, y) is pixel
// (x * scale, y * scale)); the citation margin is below it. A quote that
// crosses a page break shows every page it is printed on, one below the
// other, each with its words boxed: `continuation_top` holds the pixel row
// where each following page starts (after a separator strip), at the same
// scale; the margin is below the last.
struct ExhibitGeometry {
  int page_px_w = 0, page_px_h = 0, png_w = 0, png_h = 0;
  double scale = 0;  // pixels per PDF point
  std::vector<int> continuation_top;
};

// Renders the clause's page (Poppler for a PDF, Leptonica for an image
// file), and below it each page the sentence continues on, draws a
// translucent highlight with an outline around each line box on each page
// (the clause bbox when no word boxes are stored), prints the citation, file
// and SHA-256 in a bottom margin, and writes a PNG. Errors: the source file
// is missing or changed since indexing (kNotFound / kCorrupt, with a
// sentence saying so), the document is plain text (kUnsupported), the
// render or the write failed.
StatusOr<ExhibitGeometry> WriteExhibit(const ClauseCitation& citation, const std::filesystem::path& png_path,
                                       const ExhibitOptions& options);

// One page of a document as PNG bytes in memory, drawn by the exhibit's
// renderer (Poppler for a PDF page, Leptonica for a frame of an image file;
// the same pixel bound), with each of `boxes` (PDF points, top-left origin)
// highlighted as an exhibit highlights a clause, and no citation margin: the
// page images of `foiamine serve`. A PDF page is rendered at `dpi`; an image
// wider than `max_width_px` is scaled down to it. `page_width_pt` is the
// width the index stored for the page (the box space of an image file).
// REQUIRES: `source` is the document's file, its hash checked by the caller.
// Errors as WriteExhibit's.
StatusOr<std::string> RenderPagePng(const std::filesystem::path& source, const std::string& file_type, int page,
                                    double page_width_pt, const std::vector<PointBox>& boxes, int dpi,
                                    int max_width_px);

}  // namespace foiamine
