// WriteDivergenceMemo (memo_pdf.h): the divergence memo as a PDF.
//
// Laid out twice: a first pass into nothing counts the pages, so that every
// page can say "Page N of M"; the second writes the file. Both passes are
// the same function of the same input, so they break pages alike.
#include <cairo-pdf.h>

#include <cctype>
#include <cstdlib>
#include <ctime>
#include <set>

#include "search/diverge_report.h"
#include "search/memo_pdf.h"
#include "search/memo_redactions.h"
#include "search/typeset.h"

namespace foiamine {
namespace {

const char* kBody = "Liberation Serif 11.5";
const char* kSmall = "Liberation Sans 8.5";
const char* kMono = "DejaVu Sans Mono 7";

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The quote with its decisive words marked: stance words bold, topic words
// underlined (the key under the matrix says so).
std::string QuoteMarkup(const ClauseRecord& c) {
  return "\u201C" + MarkedText(c, MarkStyle{"<b>", "</b>", "<u>", "</u>", Markup}) + "\u201D";
}

std::string SideLabel(const Divergence& d) {
  if (d.agreement) return "COMPLIES: " + Markup(d.practice.authority == "practice" ? "PRACTICE" : "POLICY");
  return d.practice.authority == "practice" ? "PRACTICE" : "POLICY";
}

// One side of a pair, as a table cell.
std::string SideMarkup(const ClauseRecord& c, const ExhibitList& exhibits) {
  std::string s = "<b>" + Markup(c.citation) + "</b>";
  if (!c.doc_title.empty()) s += "\n" + Markup(c.doc_title);
  s += "\n<span size=\"small\" foreground=\"#333333\">" + Markup(c.doc_path) + " \u00B7 section " +
       Markup(c.section.empty() ? "(none)" : c.section) + " \u00B7 " + Markup(PagesOf(c)) + " \u00B7 " +
       Markup(c.stance) + " \u00B7 " + Markup(DocumentDates(c, "reviewed/reissued")) + "</span>";
  s += "\n\n" + QuoteMarkup(c) + "\n\n";
  const std::string ref = exhibits.RefOf(c);
  s += "<span size=\"small\"><b>" + Markup(ref.empty() ? "no exhibit" : ref) + "</b>";
  if (!c.bates.empty()) s += " \u00B7 Bates " + Markup(c.bates);
  s += " \u00B7 " + Markup(ExtractionMethod(c)) + " \u00B7 clause <tt>" + Markup(c.id) + "</tt></span>";
  return s;
}

void Heading(PdfPages& pages, const std::string& text, double size = 14) {
  pages.Need(size * 5);
  pages.y += size * 0.6;
  pages.Paragraph("<b>" + Markup(text) + "</b>", "Liberation Sans " + std::to_string(size), 4);
}

TableCell Fill(const std::string& markup, CellState state) {
  TableCell c{markup};
  switch (state) {
    case CellState::kConflicts: c.fill_r = 0.97, c.fill_g = 0.80, c.fill_b = 0.80; break;
    case CellState::kComplies: c.fill_r = 0.82, c.fill_g = 0.93, c.fill_b = 0.82; break;
    case CellState::kSilent: c.fill_r = 0.93, c.fill_g = 0.93, c.fill_b = 0.93; break;
    case CellState::kUnrestricted: break;
  }
  return c;
}

std::string TopicLines(const std::vector<AgencyTopic>& topics, bool with_counts) {
  if (topics.empty()) return "\u2014";
  std::string s;
  for (const auto& t : topics) {
    if (!s.empty()) s += "\n";
    s += Markup(TopicLabel(t.topic));
    if (with_counts && t.state == CellState::kConflicts) {
      s += " <span foreground=\"#444444\">(" + Plural(t.pairs, "pair", "pairs") + ", " +
           Plural(t.practice_clauses, "clause", "clauses") + ")</span>";
    } else if (with_counts && t.state == CellState::kComplies) {
      s += " <span foreground=\"#444444\">(" + Plural(t.agreements, "agreement", "agreements") + ")</span>";
    }
  }
  return s;
}

void WriteCaption(PdfPages& pages, const Caption& caption) {
  pages.Paragraph("<b>" + Markup(caption.title) + "</b>", "Liberation Serif 20", 6, PANGO_ALIGN_CENTER);
  pages.Paragraph("Stated law against written policy and recorded practice, with exhibits", "Liberation Serif Italic 12",
                  10, PANGO_ALIGN_CENTER);
  std::vector<std::vector<TableCell>> rows = {
      {{"<b>Prepared by</b>"}, {Markup(caption.prepared_by.empty() ? "(not stated)" : caption.prepared_by)}},
      {{"<b>Generated</b>"}, {Markup(caption.generated) + " by foiamine from the document index"}},
      {{"<b>Index</b>"}, {Markup(caption.index_path)}},
      {{"<b>Index digest</b>"},
       {"<span font=\"" + std::string(kMono) + "\">" + Markup(caption.index_digest) +
        "</span>\n<span size=\"small\">SHA-256 over the index's documents, pages and findings (`foiamine status` "
        "prints it): the same digest, the same memo.</span>"}},
  };
  TableStyle style;
  style.font = "Liberation Sans 9.5";
  style.header_font = "Liberation Sans Bold 9.5";
  DrawTable(pages, {100, pages.width() - 100}, {}, rows, style);
  pages.y += 8;
}

// The whole memo, onto `pages`; `total_pages` is 0 on the counting pass.
void Compose(PdfPages& pages, const std::vector<Divergence>& listed, const std::vector<Divergence>& all,
             const Matrix& matrix, const ExhibitList& exhibits, const Caption& caption,
             const std::vector<RedactionPageRecord>& redactions) {
  cairo_t* cr = pages.cr();
  WriteCaption(pages, caption);

  const PairCounts counts = CountPairs(listed);
  Heading(pages, "Summary");
  pages.Paragraph(Markup(CountsSentence(counts)) + " " + Plural(static_cast<int>(exhibits.exhibits().size()), "page is", "pages are") +
                      " cited as exhibits (an exhibit is one cited page; see the exhibit index at the end).",
                  kBody, 6);

  // Per agency: which topics conflict, comply, or are silent.
  Heading(pages, "Summary by agency");
  pages.Paragraph("<b>Conflicts</b>: a law restricts the topic for the agency and a policy or practice record of the "
                  "agency requires, permits or reports it (pairs; distinct policy or practice clauses). "
                  "<b>Complies</b>: only clauses that restrict it too or report it not done. <b>Silent</b>: a law restricts the topic and "
                  "none of the agency's documents has a binding clause on it.",
                  kSmall, 4);
  const auto summaries = SummarizeAgencies(matrix, all);
  std::vector<std::vector<TableCell>> rows;
  for (const auto& s : summaries) {
    rows.push_back({{"<b>" + Markup(s.agency) + "</b>"},
                    Fill(TopicLines(s.conflicts, true), s.conflicts.empty() ? CellState::kUnrestricted : CellState::kConflicts),
                    Fill(TopicLines(s.complies, true), s.complies.empty() ? CellState::kUnrestricted : CellState::kComplies),
                    Fill(TopicLines(s.silent, false), CellState::kUnrestricted)});
  }
  const double w = pages.width();
  DrawTable(pages, {60, (w - 60) * 0.42, (w - 60) * 0.25, (w - 60) * 0.33}, {"Agency", "Conflicts", "Complies", "Silent"},
            rows);
  pages.y += 6;

  // The matrix: topics down, agencies across (few agencies, many topics: it
  // fits a portrait page whatever the topic names).
  {
    std::vector<std::string> header = {"Topic"};
    for (const auto& a : matrix.agencies) header.push_back(Markup(a));
    const double topic_w = 130;
    std::vector<double> widths = {topic_w};
    for (size_t k = 0; k < matrix.agencies.size(); ++k) {
      widths.push_back((w - topic_w) / static_cast<double>(std::max<size_t>(1, matrix.agencies.size())));
    }
    std::vector<std::vector<TableCell>> mrows;
    for (const auto& t : matrix.topics) {
      std::vector<TableCell> row = {{Markup(TopicLabel(t))}};
      for (const auto& a : matrix.agencies) {
        const MatrixCell& cell = matrix.at(a, t);
        std::string text = cell.state == CellState::kUnrestricted ? "\u2013" : CellStateName(cell.state);
        if (cell.state == CellState::kConflicts) text = "<b>conflicts</b>: " + Plural(cell.conflicts, "pair", "pairs");
        if (cell.state == CellState::kComplies) text = "complies: " + Plural(cell.agreements, "agreement", "agreements");
        if (cell.state == CellState::kSilent) text = "<i>silent</i>";
        row.push_back(Fill(text, cell.state));
      }
      mrows.push_back(std::move(row));
    }
    TableStyle style;
    style.font = "Liberation Sans 9";
    style.header_font = "Liberation Sans Bold 9";
    // The matrix is read whole: it starts on a new page rather than split
    // (unless it is longer than a page).
    const double table_h = TableHeight(cr, widths, header, mrows, style);
    if (table_h + 40 < pages.body_bottom() - PdfPages::Margins{}.top) pages.Need(table_h + 40);
    Heading(pages, "Topic \u00D7 agency matrix");
    DrawTable(pages, widths, header, mrows, style);
    pages.y += 4;
    pages.Paragraph("\u2013: no law in the index restricts the topic for the agency. In the quotations below, "
                    "<b>bold</b> marks the words that decide the stance (\u201Cshall not\u201D, \u201Cshall\u201D) "
                    "and <u>underlining</u> the words that decide the topic.",
                    kSmall, 6);
  }

  // The pairs, by topic; numbers run through the whole memo.
  int d_number = 0, a_number = 0;
  std::string topic;
  const double half = w / 2;
  for (const auto& d : listed) {
    if (d.topic != topic) {
      topic = d.topic;
      int n_div = 0, n_agr = 0;
      for (const auto& e : listed) {
        if (e.topic == topic) (e.agreement ? n_agr : n_div)++;
      }
      std::string head = TopicLabel(topic);
      if (!head.empty()) head[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(head[0])));
      head += ": " + Plural(n_div, "divergence", "divergences");
      if (n_agr) head += ", " + Plural(n_agr, "agreement", "agreements");
      Heading(pages, head);
    }
    const std::string label = d.agreement ? "A" + std::to_string(++a_number) : "D" + std::to_string(++d_number);
    std::string title = "<b>" + label + "</b>  <tt>" + Markup(DivergenceId(d)) + "</tt>  \u00B7  <b>" +
                        Markup(d.actor) + "</b>  \u00B7  " + Markup(TopicLabel(d.topic)) + "\n" + Markup(d.summary);
    // The dates, when the summary does not already say them.
    const std::string timing = TimingNote(d);
    if (!timing.empty() && d.summary.find(timing) == std::string::npos) title += "\n<i>" + Markup(timing) + "</i>";
    LayoutPtr title_layout = LayOut(cr, title, "Liberation Sans 10", w);
    std::vector<std::vector<TableCell>> pair_row = {{{SideMarkup(d.law, exhibits)}, {SideMarkup(d.practice, exhibits)}}};
    const std::vector<std::string> header = {"LAW", SideLabel(d)};
    TableStyle style;
    style.font = "Liberation Serif 10";
    style.header_font = "Liberation Sans Bold 8.5";
    style.pad = 4;
    const double table_h = TableHeight(cr, {half, half}, header, pair_row, style);
    pages.Need(HeightOf(title_layout.get()) + 4 + table_h + 10);
    cairo_set_source_rgb(cr, 0, 0, 0);
    pages.Paragraph(title_layout.get(), 0, 3);
    DrawTable(pages, {half, half}, header, pair_row, style);
    pages.y += 12;
  }
  if (listed.empty()) pages.Paragraph("No divergences were found in this index.", kBody, 6);

  // The exhibit index.
  Heading(pages, "Exhibit index");
  pages.Paragraph("One exhibit per cited page. `foiamine diverge --exhibits FILE.pdf` draws them with the cited words "
                  "boxed; `foiamine cite CLAUSE_ID` re-hashes the source file and prints the citation.",
                  kSmall, 4);
  std::vector<std::vector<TableCell>> erows;
  for (const auto& e : exhibits.exhibits()) {
    std::string doc = "<b>" + Markup(e.doc_title.empty() ? e.doc_path : e.doc_title) + "</b>";
    if (!e.doc_number.empty()) doc += "\n" + Markup(e.doc_number);
    doc += "\n<span size=\"small\">" + Markup(e.authority) + "</span>";
    erows.push_back({{"<b>" + std::to_string(e.number) + "</b>"},
                     {doc},
                     {std::to_string(e.page)},
                     {Markup(e.bates.empty() ? "\u2014" : e.bates)},
                     {Markup(e.doc_path) + "\n<span font=\"" + kMono + "\">" + Markup(e.doc_sha256) + "</span>"}});
  }
  DrawTable(pages, {26, w - 26 - 28 - 112 - 150, 28, 112, 150}, {"Ex.", "Document", "p.", "Bates", "File and SHA-256"}, erows);
  pages.y += 8;
  pages.Paragraph("<i>Method.</i> foiamine pairs each clause of a law that restricts a topic for an agency with each "
                  "clause of a policy or practice record of that agency that requires, permits or reports the same "
                  "topic. Clauses are found by the rulebook's patterns; quotations marked OCR are machine-read from a "
                  "scan and must be checked against the exhibit, which shows the page itself. Every quotation names "
                  "its file's SHA-256, so the cited file can be proven to be the one indexed.",
                  kSmall, 0);

  // What the productions withheld, on pages of its own.
  pages.NewPage();
  ComposeRedactionsAppendix(pages, redactions);
}

}  // namespace

std::string GenerationTime() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = std::strtoll(epoch, nullptr, 10);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

StatusOr<PdfStats> WriteDivergenceMemo(const std::vector<Divergence>& listed, const std::vector<Divergence>& all,
                                       const Matrix& matrix, const ExhibitList& exhibits, const Caption& caption,
                                       const std::vector<RedactionPageRecord>& redactions,
                                       const std::filesystem::path& pdf_path) {
  int total = 0;
  auto decorate = [&](cairo_t* cr, int page) {
    const std::string left = Markup(caption.title), right = "index " + Markup(caption.index_digest.substr(0, 12));
    const std::string mid = "Page " + std::to_string(page) + (total > 0 ? " of " + std::to_string(total) : "");
    for (const auto& [text, align] : {std::pair{left, PANGO_ALIGN_LEFT}, std::pair{mid, PANGO_ALIGN_CENTER},
                                      std::pair{right, PANGO_ALIGN_RIGHT}}) {
      LayoutPtr layout = LayOut(cr, text, "Liberation Sans 8", kLetterWidthPt - 144, align);
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
      if (align == PANGO_ALIGN_LEFT) pango_layout_set_width(layout.get(), static_cast<int>(180 * PANGO_SCALE));
      cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
      cairo_move_to(cr, 72, kLetterHeightPt - 48);
      pango_cairo_show_layout(cr, layout.get());
    }
  };
  for (int pass = 0; pass < 2; ++pass) {
    auto pages = PdfPages::Open(pass == 0 ? std::filesystem::path() : pdf_path, PdfPages::Margins{}, decorate);
    if (!pages.ok()) return pages.status();
    cairo_pdf_surface_set_metadata((*pages)->surface(), CAIRO_PDF_METADATA_TITLE, caption.title.c_str());
    Compose(**pages, listed, all, matrix, exhibits, caption, redactions);
    auto n = (*pages)->Finish();
    if (!n.ok()) return n.status();
    total = *n;
  }
  return PdfStats{total, static_cast<int>(exhibits.exhibits().size())};
}

}  // namespace foiamine
