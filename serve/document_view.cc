// GET /doc/SHA256[/PAGE]: the document viewer (page image with the clause
// highlighted, the page text beside it, identity, clauses), and
// GET /page/SHA256/N.png: the page image itself.
#include <algorithm>
#include <cctype>
#include <string>

#include "search/choices.h"
#include "search/clauses.h"
#include "search/show.h"
#include "serve/html.h"
#include "serve/views.h"

namespace foiamine::serve {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A clause id as given in ?clause=: 4 to 16 hex digits, else empty.
std::string ClauseParam(const Params& params) {
  auto it = params.find("clause");
  if (it == params.end()) return "";
  const std::string& v = it->second;
  if (v.size() < 4 || v.size() > 16 || v.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return "";
  return Lower(v);
}

struct Identity {
  int64_t id = 0;
  std::string file_type, title, number, agency, kind, authority, jurisdiction, issued, effective, review, source,
      metadata_origin, inferred_fields;
  int64_t size_bytes = 0, page_count = 0;
  std::vector<std::string> paths;
  struct Relation {
    std::string kind, target, text, target_sha;
    int page = 0;
  };
  std::vector<Relation> relations;
  std::vector<std::pair<std::string, std::string>> dates;  // kind, "date (words)"
};

StatusOr<Identity> ReadIdentity(IndexReader& index, const std::string& sha) {
  auto doc = index.db().Prepare(
      "SELECT id, file_type, coalesce(title,''), coalesce(number,''), coalesce(agency,''), coalesce(doc_kind,''), "
      "coalesce(authority,''), coalesce(jurisdiction,''), coalesce(issued,''), coalesce(effective,''), "
      "coalesce(review,''), coalesce(source,''), metadata_origin, coalesce(inferred_fields,''), size_bytes, page_count "
      "FROM documents WHERE sha256 = ?1");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, sha);
  Status status;
  if (!doc->Step(&status)) return status.ok() ? Status::NotFound("no document with SHA-256 " + sha + " in the index") : status;
  Identity d;
  d.id = doc->Int(0);
  d.file_type = doc->Text(1);
  d.title = doc->Text(2);
  d.number = doc->Text(3);
  d.agency = doc->Text(4);
  d.kind = doc->Text(5);
  d.authority = doc->Text(6);
  d.jurisdiction = doc->Text(7);
  d.issued = doc->Text(8);
  d.effective = doc->Text(9);
  d.review = doc->Text(10);
  d.source = doc->Text(11);
  d.metadata_origin = doc->Text(12);
  d.inferred_fields = doc->Text(13);
  d.size_bytes = doc->Int(14);
  d.page_count = doc->Int(15);
  auto files = index.db().Prepare("SELECT path FROM files WHERE document_id = ?1 ORDER BY id");
  if (!files.ok()) return files.status();
  files->Bind(1, d.id);
  while (files->Step(&status)) d.paths.push_back(files->Text(0));
  if (!status.ok()) return status;
  auto relations = index.db().Prepare(
      "SELECT r.kind, coalesce(r.target_number,''), r.text, r.page_no, "
      "  coalesce((SELECT t.sha256 FROM documents t WHERE t.number = r.target_number LIMIT 1),'') "
      "FROM document_relations r WHERE r.document_id = ?1 ORDER BY r.seq");
  if (relations.ok()) {
    relations->Bind(1, d.id);
    while (relations->Step(&status)) {
      d.relations.push_back({relations->Text(0), relations->Text(1), relations->Text(2), relations->Text(4),
                             static_cast<int>(relations->Int(3))});
    }
    if (!status.ok()) return status;
  }
  auto dates = index.db().Prepare("SELECT kind, date, words FROM document_dates WHERE document_id = ?1 ORDER BY date");
  if (dates.ok()) {
    dates->Bind(1, d.id);
    while (dates->Step(&status)) d.dates.push_back({dates->Text(0), dates->Text(1) + " (\u201c" + dates->Text(2) + "\u201d)"});
    if (!status.ok()) return status;
  }
  return d;
}

std::string Row(const std::string& name, const std::string& value_html) {
  return value_html.empty() ? "" : "<tr><th>" + name + "</th><td>" + value_html + "</td></tr>";
}

std::string IdentityHtml(const Identity& d, const std::string& sha) {
  std::string paths;
  for (const auto& p : d.paths) paths += (paths.empty() ? "" : "<br>") + Esc(p);
  std::string relations;
  for (const auto& r : d.relations) {
    std::string target = Esc(r.target.empty() ? r.text : r.target);
    if (!r.target_sha.empty()) target = "<a href=\"/doc/" + Esc(r.target_sha) + "\">" + target + "</a>";
    relations += (relations.empty() ? "" : "<br>") + Esc(r.kind) + ": " + target + " (p. " + std::to_string(r.page) + ")";
  }
  std::string dates;
  for (const auto& [kind, value] : d.dates) dates += (dates.empty() ? "" : "<br>") + Esc(kind) + ": " + Esc(value);
  std::string inferred = d.metadata_origin == "manifest" ? "from the drop's manifest" : "inferred from the text";
  if (!d.inferred_fields.empty()) inferred += " (inferred: " + d.inferred_fields + ")";
  return "<table class=\"identity\">" + Row("Number", Esc(d.number)) + Row("Title", Esc(d.title)) +
         Row("Agency", Esc(d.agency)) + Row("Kind", Esc(d.kind)) + Row("Authority", Esc(d.authority)) +
         Row("Jurisdiction", Esc(d.jurisdiction)) + Row("Issued", Esc(d.issued)) + Row("Effective", Esc(d.effective)) +
         Row("Reviewed", Esc(d.review)) + Row("Dates on its face", dates) + Row("Source", Esc(d.source)) +
         Row("Relations", relations) + Row("File", paths) + Row("Type", Esc(d.file_type) + ", " +
         std::to_string(d.size_bytes) + " bytes, " + std::to_string(d.page_count) + " page" + (d.page_count == 1 ? "" : "s")) +
         Row("SHA-256", "<code class=\"sha\">" + Esc(sha) + "</code> <button type=\"button\" class=\"copy\" data-copy=\"" +
             Esc(sha) + "\">Copy</button>") +
         Row("Metadata", Esc(inferred)) + "</table>";
}

}  // namespace

Reply DocumentView(Context& ctx, const std::string& sha_in, int page_no, const Params& params) {
  const std::string sha = Lower(sha_in);
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto identity = ReadIdentity(**index, sha);
  if (!identity.ok()) return HtmlError(identity.status());
  const Identity& d = *identity;
  if (page_no < 1 || page_no > d.page_count) {
    return HtmlError(Status::NotFound("the document has " + std::to_string(d.page_count) + " page(s); there is no page " +
                                      std::to_string(page_no)));
  }
  ShowTarget target;
  target.document_id = d.id;
  target.page = page_no;
  auto shown = ReadShownPage(**index, target);
  if (!shown.ok()) return HtmlError(shown.status());
  // The clause to highlight: ?clause= when it is on this page, else the
  // page's first clause.
  std::string selected = ClauseParam(params);
  bool on_page = false;
  for (const auto& m : shown->clauses) on_page |= m.clause.id.rfind(selected, 0) == 0 && !selected.empty();
  if (!on_page) selected.clear();
  for (const auto& m : shown->clauses) {
    if (!selected.empty() && m.clause.id.rfind(selected, 0) == 0) selected = m.clause.id;
  }
  if (selected.empty() && !shown->clauses.empty()) selected = shown->clauses.front().clause.id;

  const std::string heading = d.number.empty() ? (d.title.empty() ? shown->doc_path : d.title) : d.number;
  Reply reply;
  std::string& html = reply.body;
  html = PageStart(heading + ", p. " + std::to_string(page_no), "");
  html += "<h1>" + Esc(heading) + (d.number.empty() || d.title.empty() ? "" : " <small>" + Esc(d.title) + "</small>") + "</h1>";
  // Page navigation.
  auto page_url = [&](int n) { return "/doc/" + sha + "/" + std::to_string(n); };
  html += "<nav class=\"pager\" aria-label=\"pages\">";
  if (page_no > 1) html += "<a rel=\"prev\" id=\"prev-page\" href=\"" + page_url(page_no - 1) + "\">← p. " + std::to_string(page_no - 1) + "</a>";
  html += "<span>page " + std::to_string(page_no) + " of " + std::to_string(d.page_count) + "</span>";
  if (page_no < d.page_count) html += "<a rel=\"next\" id=\"next-page\" href=\"" + page_url(page_no + 1) + "\">p. " + std::to_string(page_no + 1) + " →</a>";
  if (d.page_count > 2) {
    html += "<span class=\"jump\">";
    for (int n = 1; n <= d.page_count && n <= 60; ++n) {
      html += n == page_no ? "<b>" + std::to_string(n) + "</b>" : "<a href=\"" + page_url(n) + "\">" + std::to_string(n) + "</a>";
    }
    html += "</span>";
  }
  html += "</nav><div class=\"viewer\"><figure class=\"page-image\">";
  if (d.file_type == "text" || d.file_type == "xml") {
    html += "<p class=\"note\">A " + Esc(d.file_type) + " file: no page picture; its text is the record.</p>";
  } else {
    const std::string src = "/page/" + sha + "/" + std::to_string(page_no) + ".png" +
                            (selected.empty() ? "" : "?clause=" + selected);
    html += "<img id=\"page-image\" src=\"" + Esc(src) + "\" alt=\"page " + std::to_string(page_no) +
            " as printed" + (selected.empty() ? "" : ", clause " + selected + " highlighted") + "\">";
    html += "<figcaption>Page " + std::to_string(page_no) + (selected.empty() ? "" : ", clause <code>" + selected + "</code> boxed") +
            " · <a href=\"" + Esc(src) + "\" download>PNG</a></figcaption>";
  }
  html += "</figure><section class=\"page-text\"><h2>Page text " + MethodBadge(shown->method, shown->ocr_confidence) + "</h2>";
  if (shown->method == "ocr") {
    html += "<p class=\"note ocr\">This text was read by OCR" +
            (shown->ocr_confidence ? ", mean word confidence " + std::to_string(static_cast<int>(*shown->ocr_confidence + 0.5)) : std::string()) +
            ": it may misread the scan; the picture is the record.</p>";
  }
  // Clause spans marked; the selected one stands out.
  std::string marked = MarkedPageText(*shown, kMarkOpen, kMarkClose);
  // MarkedPageText writes "N: " after the open mark; keep it as a label.
  // The selected clause's spans (their label "N: " or "N,M: " holds its number) stand out.
  std::string text_html = MarkedHtml(marked, "clause");
  int selected_no = 0;
  for (size_t i = 0; i < shown->clauses.size(); ++i) {
    if (shown->clauses[i].clause.id == selected) selected_no = static_cast<int>(i) + 1;
  }
  const std::string plain = "<mark class=\"clause\">", chosen = "<mark class=\"clause selected\">";
  for (size_t at = text_html.find(plain); selected_no > 0 && at != std::string::npos; at = text_html.find(plain, at + 1)) {
    const size_t label = at + plain.size(), colon = text_html.find(": ", label);
    if (colon == std::string::npos || colon - label > 40) continue;
    const std::string numbers = "," + text_html.substr(label, colon - label) + ",";
    if (numbers.find("," + std::to_string(selected_no) + ",") != std::string::npos) text_html.replace(at, plain.size(), chosen);
  }
  html += "<pre class=\"text\">" + text_html + "</pre></section></div>";

  // Clauses on this page, then the rest of the document's.
  html += "<section class=\"doc-clauses\"><h2>Clauses on this page</h2>";
  if (shown->clauses.empty()) html += "<p class=\"note\">None.</p>";
  html += "<ol>";
  for (const auto& m : shown->clauses) {
    const ClauseRecord& c = m.clause;
    html += std::string("<li") + (c.id == selected ? " class=\"selected\"" : "") + ">" + ClauseBadge(c) + " " +
            DocLink(sha, page_no, c.id, "highlight") + " · <a href=\"/clause/" + Esc(c.id) + "\">" + Esc(c.citation) +
            "</a><blockquote>" + ClauseQuoteHtml(c) + "</blockquote></li>";
  }
  html += "</ol>";
  auto ids = (*index)->db().Prepare("SELECT id FROM clauses WHERE document_id = ?1 AND page_no != ?2 ORDER BY page_no, char_start");
  if (ids.ok()) {
    ids->Bind(1, d.id).Bind(2, page_no);
    ClauseFilter filter;
    Status status;
    while (ids->Step(&status)) filter.ids.push_back(ids->Text(0));
    if (!filter.ids.empty()) {
      auto others = ReadClauses(**index, filter);
      if (others.ok() && !others->empty()) {
        html += "<h2>Elsewhere in this document</h2><ul>";
        for (const auto& c : *others) {
          html += "<li>" + ClauseBadge(c) + " " + DocLink(sha, c.page, c.id, "p. " + std::to_string(c.page)) + " · " +
                  Esc(c.citation) + "</li>";
        }
        html += "</ul>";
      }
    }
  }
  html += "</section><section class=\"doc-identity\"><h2>Document</h2>" + IdentityHtml(d, sha) + "</section>" + PageEnd();
  return reply;
}

Reply PageImage(Context& ctx, const std::string& sha_in, int page, const Params& params) {
  const std::string sha = Lower(sha_in);
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  std::string clause = ClauseParam(params);
  if (params.count("clause") && clause.empty()) return HtmlError(Status::NotFound("no such clause"));
  if (!clause.empty() && clause.size() < 16) {
    auto full = ResolveClauseId(**index, clause);
    if (!full.ok()) return HtmlError(Status::NotFound(full.status().message()));
    clause = *full;
  }
  auto image = ctx.images().Page(**index, sha, page, clause);
  if (!image.ok()) return HtmlError(image.status());
  Reply reply;
  reply.content_type = "image/png";
  reply.body = *image->png;
  reply.headers = {{"X-Foiamine-Cache", image->cached ? "hit" : "miss"},
                   {"X-Foiamine-Render-Cpu-Ms", std::to_string(image->render_cpu_ms)},
                   {"Cache-Control", "private, max-age=600"}};
  return reply;
}

}  // namespace foiamine::serve
