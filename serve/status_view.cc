// GET /status: what the index holds — documents, pages, OCR, failures with
// their reasons, runs, Bates ranges.
#include <string>

#include "search/index_status.h"
#include "serve/html.h"
#include "serve/views.h"

namespace foiamine::serve {

Reply StatusView(Context& ctx) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto s = ReadIndexStatus(**index);
  if (!s.ok()) return HtmlError(s.status());
  auto n = [](int64_t v) { return std::to_string(v); };
  Reply reply;
  std::string& html = reply.body;
  html = PageStart("Index status", "status");
  html += "<h1>Index status</h1><p class=\"path\">" + Esc(ctx.options().db_path) + "</p><table class=\"counts\">"
          "<tr><th>Documents</th><td id=\"documents\">" + n(s->documents) + " (" + n(s->files) + " file paths)</td></tr>"
          "<tr><th>Pages</th><td id=\"pages\">" + n(s->pages) + ": " + n(s->pages_text) + " text layer, " + n(s->pages_ocr) +
          " OCR, " + n(s->pages_none) + " without text</td></tr>"
          "<tr><th>OCR pages below confidence 70</th><td>" + n(s->pages_low_confidence) + "</td></tr>"
          "<tr><th>Awaiting OCR</th><td>" + n(s->documents_needing_ocr) + " documents, " + n(s->pages_needing_ocr) + " pages</td></tr>"
          "<tr><th>Sections</th><td>" + n(s->sections) + "</td></tr><tr><th>Clauses</th><td>" + n(s->clauses) + "</td></tr></table>";
  if (!s->jurisdictions.empty()) {
    html += "<h2>Jurisdictions</h2><table><tr><th>code</th><th>documents</th></tr>";
    for (const auto& [code, count] : s->jurisdictions) html += "<tr><td>" + Esc(code.empty() ? "(unknown)" : code) + "</td><td>" + n(count) + "</td></tr>";
    html += "</table>";
  }
  if (!s->bates.empty()) {
    html += "<h2>Bates ranges</h2><table><tr><th>first</th><th>last</th><th>pages</th><th>documents</th><th>gaps</th></tr>";
    for (const auto& b : s->bates) {
      html += "<tr><td>" + Esc(b.first) + "</td><td>" + Esc(b.last) + "</td><td>" + n(b.pages) + "</td><td>" + n(b.documents) +
              "</td><td>" + n(b.missing) + "</td></tr>";
    }
    html += "</table>";
  }
  html += "<h2 id=\"failures\">Failed inputs (" + n(static_cast<int64_t>(s->failures.size())) + ")</h2>";
  if (s->failures.empty()) html += "<p class=\"note\">None: every input was indexed.</p>";
  else {
    html += "<table><tr><th>file</th><th>stage</th><th>reason</th><th>when</th></tr>";
    for (const auto& f : s->failures) {
      html += "<tr><td>" + Esc(f.path) + "<br><small>" + Esc(f.drop_root) + "</small></td><td>" + Esc(f.stage) + "</td><td>" +
              Esc(f.reason) + "</td><td>" + Esc(f.at) + "</td></tr>";
    }
    html += "</table>";
  }
  if (!s->needing_ocr.empty()) {
    html += "<h2>Awaiting OCR</h2><ul>";
    for (const auto& d : s->needing_ocr) html += "<li>" + Esc(d.path) + ": " + n(d.pages) + " pages</li>";
    html += "</ul>";
  }
  html += "<h2>Runs</h2><table><tr><th>#</th><th>started</th><th>drops</th><th>files</th><th>new</th><th>unchanged</th>"
          "<th>failed</th><th>pages</th><th>seconds</th><th>exit</th></tr>";
  for (const auto& r : s->runs) {
    html += "<tr><td>" + n(r.id) + "</td><td>" + Esc(r.started_at) + "</td><td>" + Esc(r.drops) + "</td><td>" + n(r.files_seen) +
            "</td><td>" + n(r.docs_new) + "</td><td>" + n(r.docs_unchanged) + "</td><td>" + n(r.docs_failed) + "</td><td>" +
            n(r.pages_indexed) + "</td><td>" + (r.wall_seconds ? std::to_string(static_cast<int>(*r.wall_seconds + 0.5)) : "") +
            "</td><td>" + (r.exit_code ? n(*r.exit_code) : "running or killed") + "</td></tr>";
  }
  html += "</table><p><a href=\"/api/status\">as JSON</a></p>" + PageEnd();
  return reply;
}

}  // namespace foiamine::serve
