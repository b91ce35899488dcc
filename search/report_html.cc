// The HTML divergence report (diverge_report.h): one self-contained file.
// No scripts, fonts, images or links outside the page: an advocate can open
// it offline, print it, or attach it to an e-mail.
#include <map>
#include <ostream>
#include <set>

#include "search/html_escape.h"
#include "search/diverge_report.h"
#include "search/report_model.h"

namespace foiamine {
namespace {

std::string Esc(const std::string& s) { return HtmlEscape(s); }

// Nested <mark>s (valid HTML: phrasing content), never crossing.
std::string Quote(const ClauseRecord& c) {
  return MarkedText(c, MarkStyle{"<mark class=\"stance\">", "</mark>", "<mark class=\"topic\">", "</mark>", Esc});
}

void Side(const std::string& label, const ClauseRecord& c, const ExhibitList& exhibits, std::ostream& out) {
  out << "<div class=\"side\"><div class=\"label\">" << Esc(label) << "</div>"
      << "<div class=\"cite\"><a href=\"#clause-" << Esc(c.id) << "\">" << Esc(c.citation) << "</a></div>"
      << "<div class=\"meta\">" << Esc(c.doc_title.empty() ? c.doc_path : c.doc_title) << " &middot; <code>"
      << Esc(c.doc_path) << "</code><br>section " << Esc(c.section.empty() ? "(none)" : c.section) << " &middot; "
      << Esc(PagesOf(c)) << " &middot; " << Esc(c.stance) << " &middot; " << Esc(DocumentDates(c, "reviewed/reissued"))
      << "</div><blockquote>" << Quote(c) << "</blockquote><div class=\"meta\">";
  const std::vector<int> numbers = exhibits.NumbersOf(c);
  for (size_t k = 0; k < numbers.size(); ++k) {
    const Exhibit& e = exhibits.exhibits()[static_cast<size_t>(numbers[k] - 1)];
    out << (k ? "; " : "") << "<a class=\"ex\" href=\"#ex-" << e.number << "\">Ex. " << e.number << ", p. " << e.page
        << "</a>";
  }
  if (!c.bates.empty()) out << " &middot; Bates " << Esc(c.bates);
  out << " &middot; " << Esc(ExtractionMethod(c)) << "</div></div>\n";
}

const char* kCss = R"(
body{font:15px/1.45 Georgia,'Liberation Serif','DejaVu Serif',serif;max-width:72em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:2px solid #333;margin-top:2em;break-after:avoid;page-break-after:avoid}
h3{font-size:1em;margin:1.2em 0 .4em}
nav ul{columns:2} a{color:#1a4f8a}
.caption td{padding:.1em .8em .1em 0;vertical-align:top}
.pair{border:1px solid #bbb;border-left:5px solid #b30000;margin:1em 0;padding:.6em .8em;break-inside:avoid;page-break-inside:avoid}
.pair.agree{border-left-color:#2b7a2b}
.summary{font-weight:bold;margin-bottom:.4em} .pid{font:12px monospace;color:#555;font-weight:normal}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{margin:.3em 0;min-width:0;overflow-wrap:anywhere}.label{font:bold 11px sans-serif;letter-spacing:.08em;color:#555}
.cite{font-weight:bold}.meta{font:12px sans-serif;color:#444}
blockquote{margin:.3em 0 .3em .4em;padding-left:.6em;border-left:3px solid #ddd}
mark.stance{background:#ffd54a;font-weight:bold} mark.topic{background:#bfe3ff;text-decoration:underline}
mark.stance mark.topic,mark.topic mark.stance{background:#ffb74a}
table.grid{border-collapse:collapse;font:13px sans-serif;width:100%;table-layout:fixed}
table.grid th,table.grid td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
td.conflicts{background:#f6c7c7} td.complies{background:#cfeccf} td.silent{background:#eee;font-style:italic}
.clause{font-size:13px;margin:.6em 0;break-inside:avoid;page-break-inside:avoid}
code{font-size:12px} code.hash{font-size:10px;overflow-wrap:anywhere}
@page{margin:14mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt} a{color:#000;text-decoration:none}
 nav{break-after:page;page-break-after:always} table.grid{font-size:8.5pt} .meta{font-size:8pt} .sides{gap:.6em}}
)";

}  // namespace

void WriteDivergenceHtml(const std::vector<Divergence>& pairs, const Matrix& matrix,
                         const std::vector<ClauseRecord>& clauses, const ReportOptions& options, std::ostream& out) {
  std::map<std::string, std::pair<int, int>> by_topic;
  for (const auto& d : pairs) (d.agreement ? by_topic[d.topic].second : by_topic[d.topic].first)++;
  const ExhibitList exhibits = ExhibitList::ForPairs(pairs);
  const PairCounts counts = CountPairs(pairs);
  auto plural = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  const std::string title = options.title.empty() ? "Law vs practice: divergence report" : options.title;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<title>" << Esc(title) << "</title>\n<style>" << kCss << "</style></head><body>\n"
      << "<h1>" << Esc(title) << "</h1>\n<table class=\"caption\">";
  if (!options.prepared_by.empty()) out << "<tr><td>Prepared by</td><td>" << Esc(options.prepared_by) << "</td></tr>";
  if (!options.generated.empty()) out << "<tr><td>Generated</td><td>" << Esc(options.generated) << "</td></tr>";
  if (!options.source.empty()) out << "<tr><td>Index</td><td><code>" << Esc(options.source) << "</code></td></tr>";
  if (!options.digest.empty()) out << "<tr><td>Index digest</td><td><code class=\"hash\">" << Esc(options.digest) << "</code></td></tr>";
  out << "</table>\n<p>" << Esc(CountsSentence(counts)) << " "
      << plural(static_cast<int>(exhibits.exhibits().size()), "page is", "pages are")
      << " cited as exhibits. A divergence pairs a clause of a law that <em>restricts</em> a topic for an agency with a "
         "policy or practice clause that <em>requires</em>, <em>permits</em> or <em>reports</em> it. Marked: "
         "<mark class=\"stance\">stance words</mark>, <mark class=\"topic\">topic words</mark>.</p>\n";

  // Table of contents by topic.
  out << "<nav><h2>Contents</h2><ul>\n<li><a href=\"#agencies\">Summary by agency</a></li>\n"
         "<li><a href=\"#matrix\">Topic &times; agency matrix</a></li>\n";
  for (const auto& [topic, n] : by_topic) {
    out << "<li><a href=\"#topic-" << Esc(topic) << "\">" << Esc(topic) << "</a> (" << plural(n.first, "divergence", "divergences");
    if (n.second) out << ", " << plural(n.second, "agreement", "agreements");
    out << ")</li>\n";
  }
  out << "<li><a href=\"#exhibits\">Exhibit index</a></li>\n<li><a href=\"#clauses\">Clauses cited</a></li>\n</ul></nav>\n";

  // Summary per agency.
  out << "<h2 id=\"agencies\">Summary by agency</h2>\n<p class=\"meta\"><b>conflicts</b>: a law restricts the topic "
         "for the agency and its policy or practice requires, permits or reports it (pairs; distinct policy or "
         "practice clauses); <b>complies</b>: only clauses that restrict it too or report it not done; <b>silent</b>: a law restricts the "
         "topic and none of the agency's documents has a binding clause on it.</p>\n"
         "<table class=\"grid\"><tr><th style=\"width:12%\">agency</th><th>conflicts</th><th>complies</th><th>silent</th></tr>\n";
  for (const auto& s : SummarizeAgencies(matrix, pairs)) {
    auto cell = [&](const std::vector<AgencyTopic>& topics, const char* cls) {
      out << "<td" << (topics.empty() ? "" : std::string(" class=\"") + cls + "\"") << ">";
      if (topics.empty()) out << "&ndash;";
      for (size_t k = 0; k < topics.size(); ++k) {
        const AgencyTopic& t = topics[k];
        out << (k ? "<br>" : "") << "<a href=\"#topic-" << Esc(t.topic) << "\">" << Esc(TopicLabel(t.topic)) << "</a>";
        if (t.state == CellState::kConflicts) {
          out << " (" << plural(t.pairs, "pair", "pairs") << ", " << plural(t.practice_clauses, "clause", "clauses") << ")";
        }
        if (t.state == CellState::kComplies) out << " (" << plural(t.agreements, "agreement", "agreements") << ")";
      }
      out << "</td>";
    };
    out << "<tr><th>" << Esc(s.agency) << "</th>";
    cell(s.conflicts, "conflicts");
    cell(s.complies, "complies");
    cell(s.silent, "silent");
    out << "</tr>\n";
  }
  out << "</table>\n";

  // The matrix: topics down, agencies across; counts, never raw ids.
  out << "<h2 id=\"matrix\">Topic &times; agency matrix</h2>\n<p class=\"meta\">&ndash;: no law restricts the topic "
         "for the agency. Cells link to the pairs behind them.</p>\n<table class=\"grid matrix\"><tr><th>topic</th>";
  for (const auto& a : matrix.agencies) out << "<th>" << Esc(a) << "</th>";
  out << "</tr>\n";
  for (const auto& t : matrix.topics) {
    out << "<tr><th>" << Esc(TopicLabel(t)) << "</th>";
    for (const auto& a : matrix.agencies) {
      const MatrixCell& cell = matrix.at(a, t);
      out << "<td class=\"" << (cell.state == CellState::kUnrestricted ? "none" : CellStateName(cell.state)) << "\">";
      if (cell.state == CellState::kConflicts) {
        out << "<a href=\"#topic-" << Esc(t) << "\">conflicts</a>: " << plural(cell.conflicts, "pair", "pairs");
      } else if (cell.state == CellState::kComplies) {
        out << "complies: " << plural(cell.agreements, "agreement", "agreements");
      } else {
        out << (cell.state == CellState::kSilent ? "silent" : "&ndash;");
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";

  // The pairs, by topic; numbers run through the whole report, and each
  // pair carries its stable id (its anchor too).
  std::set<std::string> cited;
  std::string topic;
  bool in_agreements = false;
  int d_number = 0, a_number = 0;
  for (const auto& d : pairs) {
    if (d.topic != topic) {
      if (!topic.empty()) out << "</section>\n";
      topic = d.topic;
      in_agreements = false;
      auto n = by_topic[topic];
      out << "<section><h2 id=\"topic-" << Esc(topic) << "\">" << Esc(topic) << ": " << plural(n.first, "divergence", "divergences");
      if (n.second) out << ", " << plural(n.second, "agreement", "agreements");
      out << "</h2>\n";
    }
    if (d.agreement && !in_agreements) {
      in_agreements = true;
      out << "<h3>Agreements: policy or practice that restricts what the law restricts</h3>\n";
    }
    cited.insert(d.law.id);
    cited.insert(d.practice.id);
    const std::string id = DivergenceId(d);
    out << "<div class=\"pair" << (d.agreement ? " agree" : "") << "\" id=\"d-" << id << "\"><div class=\"summary\">"
        << (d.agreement ? "A" + std::to_string(++a_number) : "D" + std::to_string(++d_number)) << ". <span class=\"pid\">"
        << id << "</span> " << Esc(d.actor) << ": " << Esc(d.summary) << "</div>\n<div class=\"sides\">";
    Side("LAW", d.law, exhibits, out);
    Side(d.agreement ? "COMPLIES" : (d.practice.authority == "practice" ? "PRACTICE" : "POLICY"), d.practice, exhibits, out);
    out << "</div></div>\n";
  }
  if (!topic.empty()) out << "</section>\n";
  if (pairs.empty()) out << "<p>No pairs found.</p>\n";

  // The exhibit index: one exhibit per cited page (the PDF bundle's numbers).
  out << "<h2 id=\"exhibits\">Exhibit index</h2>\n<p class=\"meta\">One exhibit per cited page; <code>foiamine "
         "diverge --exhibits FILE.pdf</code> draws them with the cited words boxed, numbered as here.</p>\n"
         "<table class=\"grid\"><tr><th style=\"width:5%\">Ex.</th><th style=\"width:30%\">document</th>"
         "<th style=\"width:6%\">page</th><th style=\"width:17%\">Bates</th><th>file and SHA-256</th></tr>\n";
  for (const auto& e : exhibits.exhibits()) {
    out << "<tr id=\"ex-" << e.number << "\"><td>" << e.number << "</td><td>"
        << Esc(e.doc_title.empty() ? e.doc_path : e.doc_title) << (e.doc_number.empty() ? "" : "<br>" + Esc(e.doc_number))
        << "</td><td>" << e.page << "</td><td>" << (e.bates.empty() ? "&ndash;" : Esc(e.bates)) << "</td><td><code>"
        << Esc(e.doc_path) << "</code><br><code class=\"hash\">" << Esc(e.doc_sha256) << "</code></td></tr>\n";
  }
  out << "</table>\n";

  // Every clause referenced above (and behind silent cells), with an anchor.
  for (const auto& [key, cell] : matrix.cells) {
    if (cell.state == CellState::kSilent) cited.insert(cell.clause_ids.begin(), cell.clause_ids.end());
  }
  out << "<h2 id=\"clauses\">Clauses cited</h2>\n";
  for (const auto& c : clauses) {
    if (!cited.count(c.id)) continue;
    out << "<div class=\"clause\" id=\"clause-" << Esc(c.id) << "\"><b>" << Esc(c.citation) << "</b> &middot; "
        << Esc(c.topic) << " / " << Esc(c.stance) << " &middot; actor " << Esc(ResolvedActor(c)) << " &middot; <code>"
        << Esc(c.doc_path) << "</code> &middot; " << Esc(PagesOf(c)) << " &middot; clause <code>" << Esc(c.id) << "</code> &middot; " << Esc(DocumentDates(c, "reviewed/reissued"))
        << " &middot; " << Esc(ExtractionMethod(c)) << "<blockquote>" << Quote(c) << "</blockquote></div>\n";
  }
  out << "<p class=\"meta\">Generated by foiamine. Verify a quotation with <code>foiamine cite CLAUSE_ID</code>, which "
         "re-hashes the source file and prints its SHA-256.</p>\n</body></html>\n";
}

}  // namespace foiamine
