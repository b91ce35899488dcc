// GET /clause/ID: one clause as a lawyer cites it, with both sides of every
// divergence it is part of; GET /clause/ID/exhibit.png: its exhibit.
#include <string>

#include "extractors/ocr_readings.h"
#include "search/cite.h"
#include "search/diverge_report.h"
#include "search/hit_clauses.h"
#include "search/show.h"
#include "serve/html.h"
#include "serve/views.h"

namespace foiamine::serve {
namespace {

// One side of a pair (or the clause itself), fully cited.
std::string SideHtml(const ClauseRecord& c, const std::string& label) {
  return "<div class=\"side " + Esc(c.authority) + "\"><h3>" + label + "</h3><p class=\"citation\">" +
         DocLink(c.doc_sha256, c.page, c.id, Esc(c.citation)) + "</p><blockquote>" + ClauseQuoteHtml(c) +
         "</blockquote><p class=\"meta\">" + ClauseBadge(c) + " " + MethodBadge(c.method, c.ocr_confidence) + "<br>" +
         Esc(c.doc_title) + "<br>" + Esc(DocumentDates(c)) + " · " + Esc(PagesOf(c)) + "<br><span class=\"path\">" +
         Esc(c.doc_path) + "</span></p><p><a href=\"/clause/" + Esc(c.id) + "\">clause " + Esc(c.id) + "</a> · <a href=\"/clause/" +
         Esc(c.id) + "/exhibit.png\" download=\"exhibit-" + Esc(c.id) + ".png\">exhibit PNG</a></p></div>";
}

}  // namespace

Reply ClauseView(Context& ctx, const std::string& id_in) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto id = ResolveClauseId(**index, id_in);
  if (!id.ok()) return HtmlError(Status::NotFound(id.status().message()));
  ClauseFilter filter;
  filter.id = *id;
  auto found = ReadClauses(**index, filter);
  if (!found.ok()) return HtmlError(found.status());
  if (found->empty()) return HtmlError(Status::NotFound("no clause " + *id));
  const ClauseRecord& c = found->front();
  HitClauseReader reader(**index, ctx.options().jurisdictions);
  auto with = reader.Read({c.id}, {c.topic});
  if (!with.ok()) return HtmlError(with.status());
  const std::vector<HitDivergence> divergences = with->empty() ? std::vector<HitDivergence>{} : with->front().divergences;

  Reply reply;
  std::string& html = reply.body;
  html = PageStart(c.citation, "");
  html += "<h1 class=\"citation\"><span id=\"citation\">" + Esc(c.citation) +
          "</span> <button type=\"button\" class=\"copy\" data-copy-from=\"cite-text\">Copy citation</button></h1>";
  // What a brief quotes: the citation, the quote, the file and its hash.
  const std::string cite_text = c.citation + ": \u201c" + c.text + "\u201d (" + c.doc_path + ", SHA-256 " + c.doc_sha256 + ")";
  html += "<textarea id=\"cite-text\" class=\"cite-text\" readonly rows=\"3\">" + Esc(cite_text) + "</textarea>";
  html += "<div class=\"clause-main\">" + SideHtml(c, c.authority == "law" ? "Law" : "Clause") +
          "<figure class=\"page-thumb\"><a href=\"/doc/" + Esc(c.doc_sha256) + "/" + std::to_string(c.page) + "?clause=" +
          Esc(c.id) + "\"><img src=\"/page/" + Esc(c.doc_sha256) + "/" + std::to_string(c.page) + ".png?clause=" + Esc(c.id) +
          "\" alt=\"the page with the clause boxed\"></a></figure></div>";
  html += "<p><a class=\"button\" id=\"exhibit-link\" href=\"/clause/" + Esc(c.id) + "/exhibit.png\" download=\"exhibit-" +
          Esc(c.id) + ".png\">Download exhibit (PNG)</a> <span class=\"note\">the page with the quote boxed and the "
          "citation, file and SHA-256 in its margin, as <code>foiamine cite " + Esc(c.id) + " --exhibit</code> draws it</span></p>";
  if (!c.ocr_readings.empty()) {
    html += "<p class=\"note ocr\">OCR readings: " + Esc(extractors::OcrReadingsNote(c.ocr_readings)) + "</p>";
  }
  html += "<section id=\"divergences\"><h2>Divergences (" + std::to_string(divergences.size()) + ")</h2>";
  if (divergences.empty()) {
    html += "<p class=\"note\">This clause is part of no law-vs-practice pair.</p>";
  }
  for (const HitDivergence& d : divergences) {
    const ClauseRecord& law = d.role == "law" ? c : d.other;
    const ClauseRecord& practice = d.role == "law" ? d.other : c;
    html += "<article class=\"pair\" id=\"d-" + Esc(d.id) + "\"><p class=\"summary\">" + Esc(d.summary) +
            (d.timing.empty() || d.summary.find(d.timing) != std::string::npos ? "" : " <span class=\"timing\">" + Esc(d.timing) + "</span>") +
            " <span class=\"pair-id\">divergence " + Esc(d.id) + "</span></p><div class=\"sides\">" + SideHtml(law, "Law") +
            SideHtml(practice, practice.authority == "practice" ? "Practice" : "Policy") + "</div></article>";
  }
  html += "</section>" + PageEnd();
  return reply;
}

Reply ExhibitDownload(Context& ctx, const std::string& id_in) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto id = ResolveClauseId(**index, id_in);
  if (!id.ok()) return HtmlError(Status::NotFound(id.status().message()));
  auto png = ctx.images().Exhibit(**index, *id);
  if (!png.ok()) return HtmlError(png.status());
  Reply reply;
  reply.content_type = "image/png";
  reply.body = std::move(*png);
  reply.headers = {{"Content-Disposition", "attachment; filename=\"exhibit-" + *id + ".png\""}};
  return reply;
}

}  // namespace foiamine::serve
