// GET / and /search: the query box, facets with counts, and the hits.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "search/choices.h"
#include "serve/html.h"
#include "serve/views.h"

namespace foiamine::serve {
namespace {

constexpr int kPerPage = 20;
// Facet counts are taken over at most this many hits of the query (the
// page says so when the window is full).
constexpr int kFacetWindow = 100;

std::string Param(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

bool Flag(const Params& params, const std::string& name) {
  const std::string v = Param(params, name);
  return !v.empty() && v != "0" && v != "false" && v != "off";
}

// A document's attributes the facets count, read once per document.
struct DocFacts {
  std::string agency, jurisdiction, authority, kind, year;
};

StatusOr<std::map<std::string, DocFacts>> ReadDocFacts(IndexReader& index, const std::set<std::string>& shas) {
  auto stmt = index.db().Prepare(
      "SELECT coalesce(agency,''), coalesce(jurisdiction,''), coalesce(authority,''), coalesce(doc_kind,''), "
      "substr(coalesce(issued, effective, ''), 1, 4) FROM documents WHERE sha256 = ?1");
  if (!stmt.ok()) return stmt.status();
  std::map<std::string, DocFacts> out;
  for (const std::string& sha : shas) {
    stmt->Reset();
    stmt->Bind(1, sha);
    Status status;
    if (stmt->Step(&status)) out[sha] = {stmt->Text(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4)};
    if (!status.ok()) return status;
  }
  return out;
}

const std::vector<std::string> kSearchParams = {"q",      "topic", "stance", "agency", "jurisdiction", "authority",
                                                "kind",   "after", "before", "bates",  "doc",          "fuzzy",
                                                "expand", "clauses_only"};

Params StateOf(const Params& params) {
  Params state;
  for (const auto& name : kSearchParams) {
    if (auto v = Param(params, name); !v.empty()) state[name] = v;
  }
  return state;
}

std::string SearchUrl(Params state, const std::string& name, const std::string& value, int page = 1) {
  state[name] = value;
  if (page > 1) state["page"] = std::to_string(page);
  return "/search" + QueryString(state);
}

std::string Select(const std::string& name, const std::string& label, const std::vector<std::string>& values,
                   const std::string& current) {
  std::string html = "<label>" + Esc(label) + " <select name=\"" + Esc(name) + "\"><option value=\"\">any</option>";
  for (const auto& v : values) {
    html += "<option" + std::string(v == current ? " selected" : "") + " value=\"" + Esc(v) + "\">" + Esc(v) + "</option>";
  }
  return html + "</select></label>";
}

std::string Form(const Params& params, const OptionChoices* choices) {
  const std::string q = Param(params, "q");
  std::string html =
      "<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\">"
      "<div class=\"qline\"><input id=\"q\" type=\"search\" name=\"q\" autofocus value=\"" + Esc(q) +
      "\" placeholder='e.g. detainer, \"notify ICE\", NEAR(release ICE, 8), I-247A, topic:facility_access ICE' "
      "aria-label=\"query\"><button type=\"submit\">Search</button></div><details class=\"more\"" +
      std::string(StateOf(params).size() > (q.empty() ? 0u : 1u) ? " open" : "") + "><summary>Filters and options</summary><div class=\"filters\">";
  if (choices) {
    html += Select("topic", "Topic", choices->topics, Param(params, "topic"));
    html += Select("stance", "Stance", kStances, Param(params, "stance"));
    html += Select("agency", "Agency", choices->agencies, Param(params, "agency"));
    html += Select("jurisdiction", "Jurisdiction", choices->jurisdictions, Param(params, "jurisdiction"));
    html += Select("authority", "Authority", kAuthorities, Param(params, "authority"));
    html += Select("kind", "Document kind", choices->kinds, Param(params, "kind"));
  }
  auto text = [&](const std::string& name, const std::string& label, const std::string& placeholder) {
    return "<label>" + label + " <input name=\"" + name + "\" value=\"" + Esc(Param(params, name)) +
           "\" placeholder=\"" + placeholder + "\"></label>";
  };
  html += text("after", "Dated on/after", "YYYY-MM-DD") + text("before", "on/before", "YYYY-MM-DD") +
          text("bates", "Bates prefix", "DOC-FOIA-00317-") + text("doc", "Document", "path or SHA-256 prefix");
  auto check = [&](const std::string& name, const std::string& label) {
    return "<label class=\"check\"><input type=\"checkbox\" name=\"" + name + "\" value=\"1\"" +
           (Flag(params, name) ? " checked" : "") + "> " + label + "</label>";
  };
  html += check("fuzzy", "OCR-tolerant (fuzzy)") + check("expand", "Expand with the rulebook's lexicons") +
          check("clauses_only", "Only matches inside a clause");
  return html + "</div></details></form>";
}

// One facet: value (count) links that add the filter; the active one removes it.
std::string Facet(const std::string& title, const std::string& name, const std::map<std::string, int>& counts,
                  const Params& state) {
  if (counts.empty()) return "";
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
  const std::string current = Param(state, name);
  std::string html = "<section class=\"facet\" data-facet=\"" + Esc(name) + "\"><h3>" + Esc(title) + "</h3><ul>";
  for (const auto& [value, count] : sorted) {
    const bool on = value == current;
    Params next = state;
    if (on) next.erase(name);
    else next[name] = value;
    html += std::string("<li") + (on ? " class=\"on\"" : "") + "><a href=\"/search" + QueryString(next) + "\">" +
            Esc(value.empty() ? "(unknown)" : value) + "</a> <span class=\"count\">" + std::to_string(count) + "</span></li>";
  }
  return html + "</ul></section>";
}

std::string HitHtml(const SearchHit& h, const std::string& q) {
  const std::string first_clause = h.clauses.empty() ? "" : h.clauses.front().clause.id;
  std::string html = "<article class=\"hit\"><h2 class=\"citation\">" +
                     DocLink(h.doc_sha256, h.page, first_clause, Esc(h.citation)) + "</h2><div class=\"meta\">" +
                     "<span class=\"path\">" + Esc(h.doc_path) + "</span> · p. " + std::to_string(h.page);
  if (!h.bates.empty()) html += " · <span class=\"bates\">Bates " + Esc(h.bates) + "</span>";
  html += " " + MethodBadge(h.method, h.ocr_confidence) + "</div>";
  html += "<p class=\"snippet\">" + MarkedHtml(h.snippet) + "</p>";
  if (!h.clauses.empty()) {
    html += "<div class=\"clauses\">";
    for (const HitClause& hc : h.clauses) {
      html += "<div class=\"hit-clause\">" + ClauseBadge(hc.clause);
      if (!hc.divergences.empty()) {
        const bool law = hc.divergences.front().role == "law";
        html += " <a class=\"badge diverge\" href=\"/clause/" + Esc(hc.clause.id) + "#divergences\">" +
                std::to_string(hc.divergences.size()) + (law ? " contradicted by practice" : " diverges from law") +
                "</a>";
        html += "<ul class=\"others\">";
        for (size_t i = 0; i < hc.divergences.size() && i < 3; ++i) {
          const HitDivergence& d = hc.divergences[i];
          html += "<li>" + std::string(d.role == "practice" ? "law: " : "practice: ") +
                  DocLink(d.other.doc_sha256, d.other.page, d.other.id, Esc(d.other.citation)) + " (" +
                  Esc(d.other.stance) + ")" + (d.timing.empty() ? "" : " — " + Esc(d.timing)) + "</li>";
        }
        html += "</ul>";
      }
      html += "</div>";
    }
    html += "</div>";
  }
  (void)q;
  return html + "</article>";
}

}  // namespace

StatusOr<SearchOptions> SearchOptionsFrom(Context& ctx, IndexReader& index, const Params& params) {
  SearchOptions o;
  o.query = Param(params, "q");
  o.topic = Param(params, "topic");
  o.stance = Param(params, "stance");
  o.agency = Param(params, "agency");
  o.jurisdiction = Param(params, "jurisdiction");
  o.authority = Param(params, "authority");
  o.kind = Param(params, "kind");
  o.after = Param(params, "after");
  o.before = Param(params, "before");
  o.bates = Param(params, "bates");
  o.fuzzy = Flag(params, "fuzzy");
  o.expand = Flag(params, "expand");
  o.clauses_only = Flag(params, "clauses_only");
  if (const std::string limit = Param(params, "limit"); !limit.empty()) {
    if (limit.size() > 6 || limit.find_first_not_of("0123456789") != std::string::npos) {
      return Status::InvalidArgument("limit must be a number from 1 to " + std::to_string(kMaxSearchLimit));
    }
    o.limit = std::stoi(limit);
  }
  if (Status checked = CheckSearchOptions(index, o, Param(params, "doc"), ctx.options().rulebook_topics); !checked.ok()) {
    return checked;
  }
  o.jurisdictions = ctx.options().jurisdictions;
  o.lexicons = ctx.options().lexicons;
  return o;
}

Reply SearchView(Context& ctx, const Params& params) {
  auto index = ctx.Index();
  if (!index.ok()) return HtmlError(index.status());
  auto choices = ReadOptionChoices(**index, ctx.options().rulebook_topics);
  const Params state = StateOf(params);
  const bool asked = !Param(params, "q").empty() || !Param(params, "topic").empty() || !Param(params, "stance").empty();
  Reply reply;
  std::string& html = reply.body;
  html = PageStart(asked ? "Search: " + Param(params, "q") : "Search", "search");
  html += Form(params, choices.ok() ? &*choices : nullptr);
  if (!asked) {
    html += "<section class=\"intro\"><p>Search every page of the index: words, \"exact phrases\", NEAR(a b, 8), "
            "prefixes (notif*), I-247A and 287(g) as typed, and concepts: <code>topic:release_notification</code>, "
            "<code>stance:restricts</code>. Each hit is cited (document, section, page, Bates) and shows the clauses "
            "it lies in and where law and practice diverge.</p><p><a href=\"/diverge\">The law-vs-practice matrix</a> · "
            "<a href=\"/status\">What the index holds</a></p></section>" + PageEnd();
    return reply;
  }
  int page = 1;
  if (const std::string p = Param(params, "page"); !p.empty() && p.size() < 5 &&
                                                   p.find_first_not_of("0123456789") == std::string::npos) {
    page = std::max(1, std::stoi(p));
  }
  auto options = SearchOptionsFrom(ctx, **index, params);
  StatusOr<std::vector<SearchHit>> hits = options.ok() ? StatusOr<std::vector<SearchHit>>(std::vector<SearchHit>{})
                                                       : StatusOr<std::vector<SearchHit>>(options.status());
  std::vector<std::string> notes;
  if (options.ok()) {
    options->limit = std::min(kMaxSearchLimit, std::max(kFacetWindow, page * kPerPage + 1));
    options->mark_open = kMarkOpen;
    options->mark_close = kMarkClose;
    hits = Search(**index, *options, &notes);
  }
  if (!hits.ok()) {
    reply.status = HttpStatusOf(hits.status());
    html += "<section class=\"error\" role=\"alert\"><h2>That query cannot be run</h2><pre>" + Esc(hits.status().message()) +
            "</pre></section>" + PageEnd();
    return reply;
  }
  // Facets over the window of hits.
  std::set<std::string> shas;
  for (const auto& h : *hits) shas.insert(h.doc_sha256);
  auto facts = ReadDocFacts(**index, shas);
  if (!facts.ok()) return HtmlError(facts.status());
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& h : *hits) {
    const DocFacts& f = (*facts)[h.doc_sha256];
    counts["agency"][f.agency]++;
    counts["jurisdiction"][f.jurisdiction]++;
    counts["authority"][f.authority]++;
    counts["kind"][f.kind]++;
    counts["year"][f.year]++;
    std::set<std::string> topics, stances;
    for (const HitClause& c : h.clauses) {
      topics.insert(c.clause.topic);
      stances.insert(c.clause.stance);
    }
    for (const auto& t : topics) counts["topic"][t]++;
    for (const auto& s : stances) counts["stance"][s]++;
  }
  const int total = static_cast<int>(hits->size());
  const int first = (page - 1) * kPerPage;
  html += "<div class=\"results\"><aside class=\"facets\"><h2>Refine</h2>";
  if (total >= kFacetWindow) html += "<p class=\"note\">Counts over the first " + std::to_string(kFacetWindow) + " hits.</p>";
  html += Facet("Topic (clauses matched)", "topic", counts["topic"], state) +
          Facet("Stance", "stance", counts["stance"], state) + Facet("Agency", "agency", counts["agency"], state) +
          Facet("Jurisdiction", "jurisdiction", counts["jurisdiction"], state) +
          Facet("Authority", "authority", counts["authority"], state) + Facet("Document kind", "kind", counts["kind"], state);
  // Year is shown, and filters by the after/before dates.
  if (!counts["year"].empty()) {
    html += "<section class=\"facet\" data-facet=\"year\"><h3>Year</h3><ul>";
    for (const auto& [year, count] : counts["year"]) {
      Params next = state;
      if (!year.empty()) {
        next["after"] = year + "-01-01";
        next["before"] = year + "-12-31";
      }
      html += "<li>" + (year.empty() ? std::string("(undated)") : "<a href=\"/search" + QueryString(next) + "\">" + Esc(year) + "</a>") +
              " <span class=\"count\">" + std::to_string(count) + "</span></li>";
    }
    html += "</ul></section>";
  }
  html += "</aside><section class=\"hits\" aria-label=\"hits\">";
  for (const auto& n : notes) html += "<p class=\"note\">" + Esc(n) + "</p>";
  const int shown_to = std::min(total, first + kPerPage);
  html += "<p class=\"count\" id=\"hit-count\">" +
          (total == 0 ? std::string("No page matches.")
                      : "Hits " + std::to_string(first + 1) + "–" + std::to_string(shown_to) + " of " +
                            (total >= options->limit ? "more than " + std::to_string(total - 1) : std::to_string(total))) +
          " · <a href=\"/api/search" + QueryString(state) + "\">as JSON</a></p>";
  for (int i = first; i < shown_to; ++i) html += HitHtml((*hits)[i], Param(params, "q"));
  html += "<nav class=\"pages\">";
  if (page > 1) html += "<a rel=\"prev\" href=\"" + SearchUrl(state, "q", Param(params, "q"), page - 1) + "\">← previous</a>";
  if (total > first + kPerPage) {
    html += "<a rel=\"next\" href=\"" + SearchUrl(state, "q", Param(params, "q"), page + 1) + "\">next →</a>";
  }
  html += "</nav></section></div>" + PageEnd();
  return reply;
}

}  // namespace foiamine::serve
