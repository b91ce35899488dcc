#include "search/memo_redactions.h"

#include <cstdio>

#include "base/utf8.h"
#include "search/report_model.h"

namespace foiamine {
namespace {

const char* kSmall = "Liberation Sans 8.5";

// The pages of one document in `redactions` (sorted by document, page).
struct DocumentRedactions {
  const RedactionPageRecord* first = nullptr;
  std::vector<const RedactionPageRecord*> pages;
};

std::vector<DocumentRedactions> ByDocument(const std::vector<RedactionPageRecord>& redactions) {
  std::vector<DocumentRedactions> out;
  for (const auto& r : redactions) {
    if (out.empty() || out.back().first->doc_sha256 != r.doc_sha256) out.push_back({&r, {}});
    out.back().pages.push_back(&r);
  }
  return out;
}

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", share * 100);
  return text;
}

// "detainer_hold / mentions" as the memo names topics: "detainer hold (mentions)".
std::string TopicAndStance(const std::string& topic_stance) {
  const size_t slash = topic_stance.find(" / ");
  if (slash == std::string::npos) return TopicLabel(topic_stance);
  return TopicLabel(topic_stance.substr(0, slash)) + " (" + topic_stance.substr(slash + 3) + ")";
}

}  // namespace

void ComposeRedactionsAppendix(PdfPages& pages, const std::vector<RedactionPageRecord>& redactions) {
  pages.Need(80);
  pages.y += 8;
  pages.Paragraph("<b>Appendix: Redactions</b>", "Liberation Sans 14", 4);
  pages.Paragraph("What the documents of the index withhold (`foiamine redactions` gives the same page by page). "
                  "<b>Boxes</b>: filled dark rectangles drawn in a PDF, or solid dark regions of a scanned page; the "
                  "share is the part of the page they cover. <b>Codes</b>: exemption codes as printed on the pages "
                  "(5 U.S.C. \u00A7 552(b), D.C. Code \u00A7 2-534(a)), with how often. <b>Bad redactions</b>: text "
                  "still in the file's text layer under a box, which anyone can copy out: quoted as recovered. "
                  "Below the table, the immigration clauses that a redaction sits in or next to (within about one "
                  "printed line).",
                  kSmall, 6);
  const auto documents = ByDocument(redactions);
  if (documents.empty()) {
    pages.Paragraph("No page of the index carries a redaction box or an exemption code.", "Liberation Serif 11.5", 6);
    return;
  }
  std::vector<std::vector<TableCell>> rows;
  for (const auto& d : documents) {
    const RedactionPageRecord& head = *d.first;
    std::string doc = "<b>" + Markup(head.doc_title.empty() ? head.doc_path : head.doc_title) + "</b>\n<span size=\"small\">" +
                      Markup(head.doc_path) + "</span>";
    std::string boxed, bad;
    std::vector<std::string> codes;
    size_t boxes = 0, bad_count = 0;
    for (const RedactionPageRecord* r : d.pages) {
      codes.insert(codes.end(), r->codes.begin(), r->codes.end());
      for (const auto& b : r->bad) {
        ++bad_count;
        bad += (bad.empty() ? "" : "\n") + std::string("p. ") + std::to_string(r->page) + ": <b>\u201C" + Markup(b.text) +
               "\u201D</b>";
      }
      if (r->boxes.empty()) continue;
      boxes += r->boxes.size();
      boxed += (boxed.empty() ? "" : "\n") + std::string("p. ") + std::to_string(r->page) + ": " +
               std::to_string(r->boxes.size()) + (r->boxes.size() == 1 ? " box, " : " boxes, ") + Percent(r->area_share);
      if (!r->bates.empty()) boxed += "\n<span size=\"small\">   Bates " + Markup(r->bates) + "</span>";
    }
    if (boxed.empty()) boxed = "\u2014 (codes only)";
    else boxed = std::to_string(boxes) + " in all\n" + boxed;
    TableCell bad_cell{bad.empty() ? "none" : std::to_string(bad_count) + " BAD\n" + bad};
    if (!bad.empty()) bad_cell.fill_r = 0.97, bad_cell.fill_g = 0.80, bad_cell.fill_b = 0.80;
    rows.push_back({{doc}, {boxed}, {codes.empty() ? "none read" : Markup(CodeCounts(codes))}, bad_cell});
  }
  const double w = pages.width();
  TableStyle style;
  style.font = "Liberation Sans 8.5";
  style.header_font = "Liberation Sans Bold 8.5";
  DrawTable(pages, {w * 0.31, w * 0.27, w * 0.20, w * 0.22},
            {"Document", "Pages with boxes (share)", "Codes (count)", "Bad redactions"}, rows, style);
  pages.y += 8;

  bool any_near = false;
  for (const auto& d : documents) {
    std::string items;
    for (const RedactionPageRecord* r : d.pages) {
      for (size_t k = 0; k < r->near_clauses.size(); ++k) {
        std::string quote = r->near_texts[k];
        for (char& c : quote) c = c == '\n' ? ' ' : c;
        if (CountCodePoints(quote) > 160) quote = SubstrCodePoints(quote, 0, 157) + "...";
        // The citation names the page (and the Bates number when stamped).
        items += "\u2022 <b>" + Markup(r->near_citations[k]) + "</b> \u00B7 " + Markup(TopicAndStance(r->near_topics[k])) + "\n   \u201C" + Markup(quote) +
                 "\u201D  <span size=\"small\">clause <tt>" + Markup(r->near_clauses[k]) + "</tt></span>\n";
      }
    }
    if (items.empty()) continue;
    if (!any_near) {
      pages.Need(60);
      pages.Paragraph("<b>Clauses next to a redaction</b>", "Liberation Sans 11", 3);
      any_near = true;
    }
    items.pop_back();
    const RedactionPageRecord& head = *d.first;
    pages.Paragraph("<i>" + Markup(head.doc_title.empty() ? head.doc_path : head.doc_title) + "</i>", "Liberation Serif 10.5",
                    2);
    pages.Paragraph(items, "Liberation Serif 10", 6);
  }
  if (!any_near) pages.Paragraph("No clause found by the rulebook sits in or next to a redaction.", kSmall, 4);
}

}  // namespace foiamine
