// GET /diverge: the agency x topic matrix (cells link to their pairs), the
// pairs grouped by topic or agency under the same filters, and the report
// downloads; GET /diverge/report.html|csv|json: the report files of
// `foiamine diverge --format ...` for the same filters.
#include <map>
#include <sstream>
#include <string>

#include "search/choices.h"
#include "search/diverge.h"
#include "search/diverge_report.h"
#include "serve/html.h"
#include "serve/views.h"

namespace foiamine::serve {
namespace {

std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

struct Findings {
  std::vector<ClauseRecord> clauses;
  DivergenceFindings found;
  std::vector<Divergence> listed;  // found.listed, filtered by agency
  Matrix matrix;
};

StatusOr<Findings> Find(Context& ctx, IndexReader& index, const Params& params) {
  auto choices = ReadOptionChoices(index, ctx.options().rulebook_topics);
  if (!choices.ok()) return choices.status();
  DivergeOptions options;
  options.topic = Param(params, "topic");
  options.agreements = Param(params, "agreements") == "1";
  options.jurisdictions = ctx.options().jurisdictions;
  if (Status s = CheckChoice("topic", options.topic, choices->topics); !s.ok()) return s;
  Findings f;
  auto clauses = ReadClauses(index, {});
  if (!clauses.ok()) return clauses.status();
  f.clauses = std::move(*clauses);
  f.found = FindDivergencesToReport(f.clauses, options);
  f.matrix = BuildMatrix(f.clauses, f.found.all, options.topic, options.jurisdictions);
  const std::string agency = Param(params, "agency");
  for (const Divergence& d : f.found.listed) {
    if (agency.empty() || d.actor == agency) f.listed.push_back(d);
  }
  return f;
}

std::string PairHtml(const Divergence& d) {
  auto side = [](const ClauseRecord& c, const char* label) {
    return "<div class=\"side " + Esc(c.authority) + "\"><h4>" + std::string(label) + "</h4><p class=\"citation\">" +
           DocLink(c.doc_sha256, c.page, c.id, Esc(c.citation)) + "</p><blockquote>" + ClauseQuoteHtml(c) +
           "</blockquote><p class=\"meta\">" + ClauseBadge(c) + " " + MethodBadge(c.method, c.ocr_confidence) + "</p></div>";
  };
  return "<article class=\"pair" + std::string(d.agreement ? " agreement" : "") + "\" id=\"d-" + Esc(DivergenceId(d)) +
         "\"><p class=\"summary\">" + Esc(d.summary) +
         (d.summary.find(TimingNote(d)) != std::string::npos ? "" : " <span class=\"timing\">" + Esc(TimingNote(d)) + "</span>") +
         " <a class=\"pair-id\" href=\"/clause/" + Esc(d.practice.id) + "#d-" + Esc(DivergenceId(d)) + "\">divergence " +
         Esc(DivergenceId(d)) + "</a></p><div class=\"sides\">" + side(d.law, "Law") +
         side(d.practice, d.agreement ? "Complies" : (d.practice.authority == "practice" ? "Practice" : "Policy")) + "</div></article>";
}

}  // namespace

Reply DivergeView(Context& ctx, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto f = Find(ctx, **index, params);
  if (!f.ok()) return HtmlError(f.status());
  const std::string topic = Param(params, "topic"), agency = Param(params, "agency");
  const std::string group = Param(params, "group") == "agency" ? "agency" : "topic";
  Params state;
  for (const char* k : {"topic", "agency", "group", "agreements"}) state[k] = Param(params, k);
  Reply reply;
  std::string& html = reply.body;
  html = PageStart("Law vs practice", "diverge");
  html += "<h1>Law vs practice</h1><p class=\"intro\">Each pair: a law clause that restricts a topic for an agency, "
          "against a policy or practice clause of that agency that requires, permits or reports it. Both sides are "
          "cited; the decisive words are marked (<b class=\"cue-stance\">stance</b>, <u class=\"cue-topic\">topic</u>).</p>";
  // Filters.
  html += "<form class=\"filters\" method=\"get\" action=\"/diverge\"><label>Topic <select name=\"topic\"><option value=\"\">all</option>";
  for (const auto& t : f->matrix.topics) {
    html += "<option" + std::string(t == topic ? " selected" : "") + " value=\"" + Esc(t) + "\">" + Esc(t) + "</option>";
  }
  html += "</select></label><label>Agency <select name=\"agency\"><option value=\"\">all</option>";
  for (const auto& a : f->matrix.agencies) {
    html += "<option" + std::string(a == agency ? " selected" : "") + " value=\"" + Esc(a) + "\">" + Esc(a) + "</option>";
  }
  html += "</select></label><label>Group by <select name=\"group\"><option value=\"topic\">topic</option><option value=\"agency\"" +
          std::string(group == "agency" ? " selected" : "") + ">agency</option></select></label><label class=\"check\">"
          "<input type=\"checkbox\" name=\"agreements\" value=\"1\"" + (Param(params, "agreements") == "1" ? " checked" : "") +
          "> also list compliance</label><button type=\"submit\">Show</button></form>";
  // Downloads.
  Params report_state = state;
  report_state.erase("group");
  html += "<p class=\"downloads\">Report: <a id=\"report-html\" href=\"/diverge/report.html" + QueryString(report_state) +
          "\" download>HTML</a> · <a id=\"report-csv\" href=\"/diverge/report.csv" + QueryString(report_state) +
          "\" download>CSV</a> · <a id=\"report-json\" href=\"/diverge/report.json" + QueryString(report_state) +
          "\" download>JSON</a> <span class=\"note\">(PDF when the memo lands)</span></p>";
  // The matrix.
  html += "<table class=\"matrix\"><thead><tr><th>agency \\ topic</th>";
  for (const auto& t : f->matrix.topics) html += "<th><span>" + Esc(t) + "</span></th>";
  html += "</tr></thead><tbody>";
  for (const auto& a : f->matrix.agencies) {
    html += "<tr><th>" + Esc(a) + "</th>";
    for (const auto& t : f->matrix.topics) {
      const MatrixCell& cell = f->matrix.at(a, t);
      const std::string state_name = CellStateName(cell.state);
      std::string label = cell.state == CellState::kConflicts ? std::to_string(cell.conflicts) + " conflict" + (cell.conflicts == 1 ? "" : "s")
                          : cell.state == CellState::kComplies ? "complies"
                          : cell.state == CellState::kSilent   ? "silent"
                                                               : "–";
      const std::string css = cell.state == CellState::kUnrestricted ? "none" : state_name;
      Params cell_state = state;
      cell_state["topic"] = t;
      cell_state["agency"] = a;
      if (cell.state == CellState::kComplies) cell_state["agreements"] = "1";
      html += "<td class=\"cell " + Esc(css) + "\">" +
              (cell.state == CellState::kConflicts || cell.state == CellState::kComplies
                   ? "<a href=\"/diverge" + QueryString(cell_state) + "#pairs\">" + label + "</a>"
                   : label) + "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody></table><p class=\"note\">conflicts: a practice or policy clause goes against a law that binds the agency; "
          "complies: only clauses that restrict as the law does or report the act not done; silent: a law restricts the topic for the agency and none of "
          "its documents speaks to it; –: no law restricts it.</p>";
  // The pairs, grouped.
  std::map<std::string, std::vector<const Divergence*>> groups;
  for (const Divergence& d : f->listed) groups[group == "agency" ? d.actor : d.topic].push_back(&d);
  html += "<section id=\"pairs\"><h2>" + std::to_string(f->listed.size()) + " pair" + (f->listed.size() == 1 ? "" : "s") +
          (topic.empty() ? "" : " on " + Esc(topic)) + (agency.empty() ? "" : " for " + Esc(agency)) + "</h2>";
  for (const auto& [name, pairs] : groups) {
    html += "<h3 class=\"group\">" + Esc(name) + " (" + std::to_string(pairs.size()) + ")</h3>";
    for (const Divergence* d : pairs) html += PairHtml(*d);
  }
  html += "</section>" + PageEnd();
  return reply;
}

Reply DivergeReport(Context& ctx, const std::string& format, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto f = Find(ctx, **index, params);
  if (!f.ok()) return HtmlError(f.status());
  std::ostringstream out;
  Reply reply;
  if (format == "json") {
    WriteDivergenceJson(f->listed, out);
    reply.content_type = "application/x-ndjson; charset=utf-8";
  } else if (format == "csv") {
    WriteDivergenceCsv(f->listed, out);
    reply.content_type = "text/csv; charset=utf-8";
  } else {
    ReportOptions options;
    options.source = ctx.options().db_path;
    WriteDivergenceHtml(f->listed, f->matrix, f->clauses, options, out);
  }
  reply.body = out.str();
  reply.headers = {{"Content-Disposition", "attachment; filename=\"divergences." + format + "\""}};
  return reply;
}

}  // namespace foiamine::serve
