// The HTML divergence report (diverge_report.h): one self-contained file.
// No scripts, fonts, images or links outside the page: an advocate can open
// it offline, print it, or attach it to an e-mail.
#include <map>
#include <ostream>
#include <set>

#include "search/diverge_report.h"

namespace foiamine {
namespace {

std::string Esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Nested <mark>s (valid HTML: phrasing content), never crossing.
std::string Quote(const ClauseRecord& c) {
  return MarkedText(c, MarkStyle{"<mark class=\"stance\">", "</mark>", "<mark class=\"topic\">", "</mark>", Esc});
}

void Side(const char* label, const ClauseRecord& c, std::ostream& out) {
  out << "<div class=\"side\"><div class=\"label\">" << label << "</div>"
      << "<div class=\"cite\"><a href=\"#clause-" << Esc(c.id) << "\">" << Esc(c.citation) << "</a></div>"
      << "<div class=\"meta\">" << Esc(c.doc_title.empty() ? c.doc_path : c.doc_title) << " &middot; <code>"
      << Esc(c.doc_path) << "</code><br>section " << Esc(c.section.empty() ? "(none)" : c.section) << " &middot; "
      << Esc(PagesOf(c)) << " &middot; " << Esc(c.stance) << " &middot; " << Esc(DocumentDates(c, "reviewed/reissued")) << " &middot; " << Esc(ExtractionMethod(c))
      << "</div><blockquote>" << Quote(c) << "</blockquote></div>\n";
}

const char* kCss = R"(
body{font:15px/1.45 Georgia,'DejaVu Serif',serif;max-width:62em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:2px solid #333;margin-top:2em;page-break-after:avoid}
h3{font-size:1em;margin:1.2em 0 .4em}
nav ul{columns:2} a{color:#1a4f8a}
.pair{border:1px solid #bbb;border-left:5px solid #b30000;margin:1em 0;padding:.6em .8em;page-break-inside:avoid}
.pair.agree{border-left-color:#2b7a2b}
.summary{font-weight:bold;margin-bottom:.4em}
.side{margin:.5em 0}.label{font:bold 11px sans-serif;letter-spacing:.08em;color:#555}
.cite{font-weight:bold}.meta{font:12px sans-serif;color:#444}
blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ddd}
mark.stance{background:#ffd54a;font-weight:bold} mark.topic{background:#bfe3ff;text-decoration:underline}
mark.stance mark.topic,mark.topic mark.stance{background:#ffb74a}
table.matrix{border-collapse:collapse;font:13px sans-serif}
table.matrix th,table.matrix td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}
td.conflicts{background:#f6c7c7} td.complies{background:#cfeccf} td.silent{background:#eee;font-style:italic}
.clause{font-size:13px;margin:.6em 0;page-break-inside:avoid}
code{font-size:12px}
@media print{a{color:#000;text-decoration:none} nav{page-break-after:always}}
)";

}  // namespace

void WriteDivergenceHtml(const std::vector<Divergence>& pairs, const Matrix& matrix,
                         const std::vector<ClauseRecord>& clauses, const ReportOptions& options, std::ostream& out) {
  std::map<std::string, std::pair<int, int>> by_topic;
  int divergences = 0, agreements = 0;
  for (const auto& d : pairs) {
    (d.agreement ? by_topic[d.topic].second : by_topic[d.topic].first)++;
    (d.agreement ? agreements : divergences)++;
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<title>Law vs practice: divergence report</title>\n<style>" << kCss << "</style></head><body>\n"
      << "<h1>Law vs practice: divergence report</h1>\n<p>" << divergences << " divergence"
      << (divergences == 1 ? "" : "s");
  if (agreements) out << " and " << agreements << " agreement" << (agreements == 1 ? "" : "s");
  out << " in " << by_topic.size() << " topic" << (by_topic.size() == 1 ? "" : "s");
  if (!options.source.empty()) out << ", from the index <code>" << Esc(options.source) << "</code>";
  out << ". A divergence pairs a clause of a law that <em>restricts</em> a topic for an agency with a policy or "
         "practice clause that <em>requires</em>, <em>permits</em> or <em>reports</em> it. Marked: "
         "<mark class=\"stance\">stance words</mark>, <mark class=\"topic\">topic words</mark>.</p>\n";

  // Table of contents by topic.
  out << "<nav><h2>Contents</h2><ul>\n<li><a href=\"#matrix\">Agency &times; topic matrix</a></li>\n";
  for (const auto& [topic, counts] : by_topic) {
    out << "<li><a href=\"#topic-" << Esc(topic) << "\">" << Esc(topic) << "</a> (" << counts.first << " divergence"
        << (counts.first == 1 ? "" : "s");
    if (counts.second) out << ", " << counts.second << " agreement" << (counts.second == 1 ? "" : "s");
    out << ")</li>\n";
  }
  out << "<li><a href=\"#clauses\">Clauses cited</a></li>\n</ul></nav>\n";

  // The matrix.
  std::set<std::string> cited;
  out << "<h2 id=\"matrix\">Agency &times; topic matrix</h2>\n<p><b>conflicts</b>: a divergence; <b>complies</b>: "
         "only agreeing clauses; <b>silent</b>: a law restricts the topic and none of the agency's documents has a "
         "binding clause on it; &ndash;: no law restricts it. Cells link to the clauses behind them.</p>\n"
         "<table class=\"matrix\"><tr><th>agency</th>";
  for (const auto& t : matrix.topics) out << "<th>" << Esc(t) << "</th>";
  out << "</tr>\n";
  for (const auto& a : matrix.agencies) {
    out << "<tr><th>" << Esc(a) << "</th>";
    for (const auto& t : matrix.topics) {
      const MatrixCell& cell = matrix.at(a, t);
      out << "<td class=\"" << (cell.state == CellState::kUnrestricted ? "none" : CellStateName(cell.state)) << "\">"
          << CellStateName(cell.state);
      for (const auto& id : cell.clause_ids) {
        out << "<br><a href=\"#clause-" << Esc(id) << "\"><code>" << Esc(id) << "</code></a>";
        cited.insert(id);
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";

  // The pairs, by topic.
  std::string topic;
  bool in_agreements = false;
  int number = 0;
  for (const auto& d : pairs) {
    if (d.topic != topic) {
      if (!topic.empty()) out << "</section>\n";
      topic = d.topic;
      in_agreements = false;
      number = 0;
      auto counts = by_topic[topic];
      out << "<section><h2 id=\"topic-" << Esc(topic) << "\">" << Esc(topic) << ": " << counts.first
          << " divergence" << (counts.first == 1 ? "" : "s");
      if (counts.second) out << ", " << counts.second << " agreement" << (counts.second == 1 ? "" : "s");
      out << "</h2>\n";
    }
    if (d.agreement && !in_agreements) {
      in_agreements = true;
      out << "<h3>Agreements: policy or practice that restricts what the law restricts</h3>\n";
    }
    ++number;
    cited.insert(d.law.id);
    cited.insert(d.practice.id);
    out << "<div class=\"pair" << (d.agreement ? " agree" : "") << "\"><div class=\"summary\">"
        << (d.agreement ? "A" : "D") << number << ". " << Esc(d.actor) << ": " << Esc(d.summary) << "</div>\n";
    Side("LAW", d.law, out);
    Side(d.agreement ? "COMPLIES" : (d.practice.authority == "practice" ? "PRACTICE" : "POLICY"), d.practice, out);
    out << "</div>\n";
  }
  if (!topic.empty()) out << "</section>\n";
  if (pairs.empty()) out << "<p>No pairs found.</p>\n";

  // Every clause referenced above, with an anchor.
  out << "<h2 id=\"clauses\">Clauses cited</h2>\n";
  for (const auto& c : clauses) {
    if (!cited.count(c.id)) continue;
    out << "<div class=\"clause\" id=\"clause-" << Esc(c.id) << "\"><b>" << Esc(c.citation) << "</b> &middot; "
        << Esc(c.topic) << " / " << Esc(c.stance) << " &middot; actor " << Esc(ResolvedActor(c)) << " &middot; <code>"
        << Esc(c.doc_path) << "</code> &middot; " << Esc(PagesOf(c)) << " &middot; clause <code>" << Esc(c.id) << "</code> &middot; " << Esc(DocumentDates(c, "reviewed/reissued"))
        << " &middot; " << Esc(ExtractionMethod(c)) << "<blockquote>" << Quote(c) << "</blockquote></div>\n";
  }
  out << "<p class=\"meta\">Generated by foiamine. Verify a quotation with <code>foiamine cite CLAUSE_ID</code>, which "
         "prints the source file's SHA-256.</p>\n</body></html>\n";
}

}  // namespace foiamine
