// WriteExhibitBundle (memo_pdf.h): the exhibits as one PDF.
//
// Why a picture with the text under it, and not the source page's vectors:
// one way for every exhibit — born-digital PDF pages, scans and image files
// alike go through the one bounded exhibit renderer (page_picture.h), so a
// hostile PDF meets the same pixel bounds here as in `cite --exhibit`, and
// a page looks in the bundle as it looks in the PNG. What vectors would add,
// searchable and copyable words, comes from the index: each word the text
// layer (or OCR) gave is set at its box under the picture, as OCR'd PDFs do.
// The picture is 200 dpi by default: print quality for a court filing.
#include <cairo-pdf.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/utf8.h"
#include "index/word_boxes.h"
#include "search/memo_pdf.h"
#include "search/page_picture.h"
#include "search/typeset.h"

namespace foiamine {
namespace {

constexpr double kTopBand = 58, kFooter = 118, kSide = 36;

// A PDF or an image file has a page picture; any other document (plain
// text, law XML, and whatever text formats come) is exhibited as its text.
bool HasPagePicture(const std::string& file_type) {
  return file_type == "pdf" || file_type == "png" || file_type == "jpeg" || file_type == "tiff";
}

// The distinct citations of an exhibit's clauses, each with its clause ids
// (several clauses of one section share a citation), in order.
std::vector<std::pair<std::string, std::vector<std::string>>> CitationsOf(
    const Exhibit& e, const std::map<std::string, const ClauseCitation*>& by_id) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& id : e.clause_ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    const std::string& citation = it->second->clause.citation;
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.first == citation; });
    if (same == out.end()) out.push_back({citation, {id}});
    else same->second.push_back(id);
  }
  return out;
}

struct PageFacts {
  std::string bates, text, method;
  double width_pt = 0, height_pt = 0;
  struct Word {
    std::string text;
    PointBox box;
  };
  std::vector<Word> words;
};

StatusOr<PageFacts> ReadPageFacts(IndexReader& index, const std::string& sha256, int page) {
  PageFacts f;
  auto stmt = index.db().Prepare(
      "SELECT coalesce(b.bates,''), p.text, coalesce(p.width_pt,0), coalesce(p.height_pt,0), p.id, p.method FROM pages p "
      "JOIN documents d ON d.id=p.document_id LEFT JOIN page_bates b ON b.page_id=p.id "
      "WHERE d.sha256=?1 AND p.page_no=?2");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, sha256).Bind(2, page);
  Status status;
  if (!stmt->Step(&status)) {
    return status.ok() ? Status::NotFound("document " + sha256 + " has no page " + std::to_string(page)) : status;
  }
  f.bates = stmt->Text(0);
  f.text = stmt->Text(1);
  f.width_pt = stmt->Real(2);
  f.height_pt = stmt->Real(3);
  const int64_t page_id = stmt->Int(4);
  f.method = stmt->Text(5);
  auto words = ReadPageWords(index.db(), page_id);
  if (!words.ok()) return words.status();
  for (WordBox& w : *words) {
    if (!w.box || !(w.box->x1 > w.box->x0) || !(w.box->y1 > w.box->y0)) continue;
    f.words.push_back({std::move(w.text), {w.box->x0, w.box->y0, w.box->x1, w.box->y1}});
  }
  return f;
}

// The cited clauses' line boxes on `page` of their document.
std::vector<PointBox> BoxesOn(const ClauseCitation& cc, int page) {
  if (cc.clause.page == page) {
    std::vector<PointBox> boxes = cc.line_boxes;
    if (boxes.empty() && cc.clause.bbox) boxes.push_back(*cc.clause.bbox);
    return boxes;
  }
  for (const auto& more : cc.continuation) {
    if (more.page == page) return more.line_boxes;
  }
  return {};
}

// The code point spans [start, end) of the clauses' text on `page`.
std::vector<std::pair<int, int>> SpansOn(const ClauseRecord& c, int page) {
  std::vector<std::pair<int, int>> spans;
  if (c.parts.empty() && c.page == page) spans.push_back({c.char_start, c.char_end});
  for (const auto& part : c.parts) {
    if (part.page == page) spans.push_back({part.char_start, part.char_end});
  }
  return spans;
}

// The page text with the spans highlighted, as Pango markup.
std::string HighlightedText(const std::string& text, std::vector<std::pair<int, int>> spans) {
  std::sort(spans.begin(), spans.end());
  const int n = static_cast<int>(CountCodePoints(text));
  std::string out;
  int at = 0;
  for (auto [b, e] : spans) {
    b = std::clamp(std::max(b, at), 0, n);
    e = std::clamp(e, 0, n);
    if (e <= b) continue;
    out += Markup(SubstrCodePoints(text, at, b));
    out += "<span background=\"#FFD84A\">" + Markup(SubstrCodePoints(text, b, e)) + "</span>";
    at = e;
  }
  return out + Markup(SubstrCodePoints(text, at, n));
}

void SetRgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

// The words of the page, each set at its box (in points, page space).
// Words whose box is not inside the page (width_pt x height_pt) are left out.
void SetWordsUnder(cairo_t* cr, const PageFacts& facts, double width_pt, double height_pt) {
  LayoutPtr layout = LayOut(cr, "", "DejaVu Sans 10", -1);
  pango_layout_set_width(layout.get(), -1);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const auto& w : facts.words) {
    if (w.box[0] < 0 || w.box[1] < 0 || w.box[2] > width_pt || w.box[3] > height_pt) continue;
    const double bw = w.box[2] - w.box[0], bh = w.box[3] - w.box[1];
    const std::string text = Markup(w.text);
    if (text.empty()) continue;
    pango_layout_set_markup(layout.get(), text.c_str(), -1);
    PangoFontDescription* desc = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(desc, std::max(1.0, bh * 0.8) * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    int lw = 0, lh = 0;
    pango_layout_get_size(layout.get(), &lw, &lh);
    if (lw <= 0 || lh <= 0) continue;
    cairo_save(cr);
    cairo_translate(cr, w.box[0], w.box[1]);
    cairo_scale(cr, bw / (static_cast<double>(lw) / PANGO_SCALE), bh / (static_cast<double>(lh) / PANGO_SCALE));
    cairo_move_to(cr, 0, 0);
    pango_cairo_show_layout(cr, layout.get());
    cairo_restore(cr);
  }
}

// What the running header and footer of a sheet say (decorate draws them
// when the sheet is closed).
struct Sheet {
  std::optional<Exhibit> exhibit;  // none: the cover
  std::string footer;              // markup
  int first_page = 0;              // the exhibit's first sheet; later ones say "(continued)"
};

}  // namespace

StatusOr<PdfStats> WriteExhibitBundle(IndexReader& index, const std::vector<ClauseCitation>& citations,
                                      const ExhibitList& exhibits, const Caption& caption,
                                      const std::filesystem::path& pdf_path, const BundleOptions& options) {
  std::map<std::string, const ClauseCitation*> by_id;
  for (const auto& cc : citations) by_id.emplace(cc.clause.id, &cc);
  // Every exhibit can be drawn, or nothing is written.
  std::vector<const ClauseCitation*> first_of;
  for (const auto& e : exhibits.exhibits()) {
    const ClauseCitation* cc = nullptr;
    for (const auto& id : e.clause_ids) {
      if (by_id.count(id)) {
        cc = by_id[id];
        break;
      }
    }
    if (!cc) return Status::Internal("exhibit " + std::to_string(e.number) + " has no citation");
    if (HasPagePicture(cc->file_type)) {
      if (Status ok = CheckExhibitSource(*cc); !ok.ok()) return ok;
    }
    first_of.push_back(cc);
  }
  const std::filesystem::path partial = pdf_path.string() + ".partial";
  Sheet sheet;
  PdfPages* pages_ptr = nullptr;
  auto decorate = [&](cairo_t* cr, int page) {
    const double W = pages_ptr->page_width(), H = pages_ptr->page_height();
    if (sheet.exhibit) {
      std::string label = "<b>EXHIBIT " + std::to_string(sheet.exhibit->number) + "</b>";
      if (page > sheet.first_page) label += " <span size=\"small\">(continued)</span>";
      LayoutPtr head = LayOut(cr, label, "Liberation Sans 20", W - 2 * kSide);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, kSide, 22);
      pango_cairo_show_layout(cr, head.get());
      std::string right = sheet.exhibit->bates.empty() ? "" : "<b>" + Markup(sheet.exhibit->bates) + "</b>\n";
      right += "page " + std::to_string(sheet.exhibit->page) + " of " + Markup(sheet.exhibit->doc_path);
      LayoutPtr r = LayOut(cr, right, "Liberation Sans 10", W - 2 * kSide - 140, PANGO_ALIGN_RIGHT);
      cairo_move_to(cr, kSide + 140, 22);
      pango_cairo_show_layout(cr, r.get());
    }
    LayoutPtr foot = LayOut(cr, sheet.footer + (sheet.footer.empty() ? "" : "\n") + "Bundle page " + std::to_string(page),
                            "Liberation Sans 8.5", W - 2 * kSide);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kSide, H - kFooter + 8);
    cairo_line_to(cr, W - kSide, H - kFooter + 8);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, kSide, H - kFooter + 13);
    pango_cairo_show_layout(cr, foot.get());
  };
  auto opened = PdfPages::Open(partial, PdfPages::Margins{kSide, kSide, kTopBand, kFooter}, decorate);
  if (!opened.ok()) return opened.status();
  PdfPages& pages = **opened;
  pages_ptr = &pages;
  cairo_t* cr = pages.cr();
  cairo_pdf_surface_set_metadata(pages.surface(), CAIRO_PDF_METADATA_TITLE, ("Exhibits: " + caption.title).c_str());

  // The cover: caption and index.
  pages.y = 48;
  pages.Paragraph("<b>EXHIBITS</b>", "Liberation Serif 22", 2, PANGO_ALIGN_CENTER);
  pages.Paragraph(Markup(caption.title), "Liberation Serif Italic 12", 10, PANGO_ALIGN_CENTER);
  std::string cap = "Prepared by " + Markup(caption.prepared_by.empty() ? "(not stated)" : caption.prepared_by) +
                    " \u00B7 generated " + Markup(caption.generated) + " \u00B7 index " + Markup(caption.index_path) +
                    "\nIndex digest <tt>" + Markup(caption.index_digest) + "</tt>";
  pages.Paragraph(cap, "Liberation Sans 9", 8);
  pages.Paragraph("Each exhibit is one page of a source document, drawn from the file whose SHA-256 it names, with "
                  "the cited words boxed. The text under each picture is the index's text of that page (PDF text "
                  "layer, or OCR for scans), so the bundle can be searched; the picture is the record.",
                  "Liberation Sans 9", 8);
  std::vector<std::vector<TableCell>> rows;
  for (size_t k = 0; k < exhibits.exhibits().size(); ++k) {
    const Exhibit& e = exhibits.exhibits()[k];
    std::string cites;
    for (const auto& [citation, ids] : CitationsOf(e, by_id)) {
      cites += (cites.empty() ? "" : "\n") + Markup(citation) +
               (ids.size() > 1 ? " <span size=\"small\">(" + std::to_string(ids.size()) + " clauses)</span>" : "");
    }
    rows.push_back({{"<b>" + std::to_string(e.number) + "</b>"},
                    {"<b>" + Markup(e.doc_title.empty() ? e.doc_path : e.doc_title) + "</b>\n" + cites},
                    {std::to_string(e.page)},
                    {Markup(e.bates.empty() ? "\u2014" : e.bates)},
                    {Markup(e.doc_path) + "\n<span font=\"DejaVu Sans Mono 6.5\">" + Markup(e.doc_sha256) + "</span>"}});
  }
  const double w = pages.width();
  DrawTable(pages, {26, w - 26 - 28 - 112 - 160, 28, 112, 160}, {"Ex.", "Document and clauses cited", "p.", "Bates", "File and SHA-256"},
            rows);

  for (size_t k = 0; k < exhibits.exhibits().size(); ++k) {
    const Exhibit& e = exhibits.exhibits()[k];
    const ClauseCitation& cc = *first_of[k];
    auto facts = ReadPageFacts(index, e.doc_sha256, e.page);
    if (!facts.ok()) return facts.status();
    Exhibit shown = e;
    if (shown.bates.empty()) shown.bates = facts->bates;
    // The footer: what a court needs to tie the picture to the file.
    std::string footer = "<b>Exhibit " + std::to_string(e.number) + "</b>: " +
                         Markup(e.doc_title.empty() ? e.doc_path : e.doc_title) +
                         (e.doc_number.empty() ? "" : " (" + Markup(e.doc_number) + ")") + ", page " +
                         std::to_string(e.page) + (shown.bates.empty() ? "" : ", Bates " + Markup(shown.bates));
    const auto cited = CitationsOf(e, by_id);
    for (size_t k = 0; k < cited.size(); ++k) {
      if (k == 3) {
        footer += "\n<i>and " + std::to_string(cited.size() - 3) + " more citations (see the index)</i>";
        break;
      }
      std::string ids;
      for (const auto& id : cited[k].second) ids += (ids.empty() ? "" : ", ") + id;
      footer += "\nCited: " + Markup(cited[k].first) + " <span size=\"small\">[clause" +
                (cited[k].second.size() > 1 ? "s " : " ") + Markup(ids) + "]</span>";
    }
    footer += "\nFile: " + Markup(cc.file_names.empty() ? e.doc_path : cc.file_names.front()) +
              "\nSHA-256: <tt>" + Markup(e.doc_sha256) + "</tt>" + (cc.verified ? " (re-hashed now: matches)" : "");

    if (!HasPagePicture(cc.file_type)) {
      // No picture: the page's text as indexed, the cited sentence highlighted.
      pages.SetNextPageSize(kLetterWidthPt, kLetterHeightPt);
      pages.NewPage();
      sheet = Sheet{shown, footer, pages.page()};
      std::vector<std::pair<int, int>> spans;
      for (const auto& id : e.clause_ids) {
        if (!by_id.count(id)) continue;
        for (auto s : SpansOn(by_id[id]->clause, e.page)) spans.push_back(s);
      }
      pages.Paragraph("<i>" + Markup(cc.file_type) + " file: no page image exists; the page's text as indexed, "
                      "verbatim, cited words highlighted.</i>",
                      "Liberation Sans 9", 6);
      LayoutPtr text = LayOut(cr, HighlightedText(facts->text, spans), "DejaVu Sans Mono 9", pages.width());
      cairo_set_source_rgb(cr, 0, 0, 0);
      pages.Paragraph(text.get(), 0, 0);  // a long page goes on to sheets marked "(continued)"
      continue;
    }

    auto picture = RenderPagePicture(cc, e.page, facts->width_pt, options.dpi);
    if (!picture.ok()) return picture.status();
    // A scan (or an image file) is a photograph of paper: JPEG keeps it at a
    // sixth of the size; born-digital pages stay lossless.
    if (facts->method == "ocr" || cc.file_type != "pdf") {
      if (Status jpeg = AttachJpeg(*picture, 80); !jpeg.ok()) return jpeg;
    }
    const double px_w = cairo_image_surface_get_width(picture->surface.get());
    const double px_h = cairo_image_surface_get_height(picture->surface.get());
    const double page_w = px_w / picture->scale, page_h = px_h / picture->scale;  // points
    if (page_w > page_h) {
      pages.SetNextPageSize(kLetterHeightPt, kLetterWidthPt);
    } else {
      pages.SetNextPageSize(kLetterWidthPt, kLetterHeightPt);
    }
    pages.NewPage();
    sheet = Sheet{shown, footer, pages.page()};
    const double area_w = pages.page_width() - 2 * kSide, area_h = pages.page_height() - kTopBand - kFooter;
    const double s = std::min(area_w / page_w, area_h / page_h);
    const double x0 = kSide + (area_w - page_w * s) / 2, y0 = kTopBand;
    cairo_save(cr);
    cairo_translate(cr, x0, y0);
    cairo_scale(cr, s, s);
    // The text under the picture, then the picture over it.
    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, page_w, page_h);
    cairo_clip(cr);
    SetWordsUnder(cr, *facts, page_w, page_h);
    cairo_restore(cr);
    cairo_save(cr);
    cairo_scale(cr, 1 / picture->scale, 1 / picture->scale);
    cairo_set_source_surface(cr, picture->surface.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    // The highlight, as in the PNG exhibit: a translucent fill over each
    // line's words and an outline in the one highlight colour.
    std::vector<PointBox> boxes;
    for (const auto& id : e.clause_ids) {
      if (!by_id.count(id)) continue;
      for (const auto& b : BoxesOn(*by_id[id], e.page)) boxes.push_back(b);
    }
    for (const auto& b : boxes) {
      cairo_rectangle(cr, b[0] - kHighlightPadPt, b[1] - kHighlightPadPt, b[2] - b[0] + 2 * kHighlightPadPt,
                      b[3] - b[1] + 2 * kHighlightPadPt);
      cairo_set_source_rgba(cr, 1.0, 0.86, 0.0, 0.30);
      cairo_fill(cr);
    }
    SetRgb(cr, kHighlightOutlineRgb);
    cairo_set_line_width(cr, 1.2);
    for (const auto& b : boxes) {
      cairo_rectangle(cr, b[0] - kHighlightPadPt, b[1] - kHighlightPadPt, b[2] - b[0] + 2 * kHighlightPadPt,
                      b[3] - b[1] + 2 * kHighlightPadPt);
      cairo_stroke(cr);
    }
    // The page's edge.
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.6 / s);
    cairo_rectangle(cr, 0, 0, page_w, page_h);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  auto total = pages.Finish();
  opened->reset();
  if (!total.ok()) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    return total.status();
  }
  std::error_code ec;
  std::filesystem::rename(partial, pdf_path, ec);
  if (ec) return Status::IoError("cannot write " + pdf_path.string() + ": " + ec.message());
  return PdfStats{*total, static_cast<int>(exhibits.exhibits().size())};
}

}  // namespace foiamine

namespace foiamine {
StatusOr<std::vector<ClauseCitation>> ReadExhibitCitations(IndexReader& index, const ExhibitList& exhibits) {
  std::vector<ClauseCitation> out;
  std::set<std::string> seen;
  for (const auto& e : exhibits.exhibits()) {
    for (const auto& id : e.clause_ids) {
      if (!seen.insert(id).second) continue;
      auto cc = ReadClauseCitation(index, id);
      if (!cc.ok()) return cc.status();
      if (cc->changed) return Status::Corrupt("clause " + id + ": " + cc->changed_detail);
      out.push_back(std::move(*cc));
    }
  }
  return out;
}
}  // namespace foiamine
