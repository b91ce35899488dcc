#include "serve/html.h"

#include <cstdio>

#include "index/format.h"
#include "search/diverge_report.h"
#include "search/html_escape.h"
#include "serve/views.h"

namespace foiamine::serve {

std::string Esc(std::string_view text) { return HtmlEscape(text); }

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string QueryString(const std::map<std::string, std::string>& params) {
  std::string q;
  for (const auto& [k, v] : params) {
    if (v.empty()) continue;
    q += (q.empty() ? "?" : "&") + UrlEncode(k) + "=" + UrlEncode(v);
  }
  return Esc(q);
}

std::string PageStart(std::string_view title, std::string_view active) {
  auto nav = [&](std::string_view href, std::string_view name, std::string_view key) {
    return std::string("<a href=\"") + std::string(href) + "\"" + (active == key ? " class=\"active\"" : "") + ">" +
           std::string(name) + "</a>";
  };
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + Esc(title) + " — foiamine</title>"
         "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
         "<link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script>"
         "</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">foiamine</a><nav>" +
         nav("/", "Search", "search") + nav("/diverge", "Divergences", "diverge") + nav("/status", "Index status", "status") +
         "</nav></header><main>";
}

std::string PageEnd() {
  return "</main><footer>foiamine serve — read-only on the index; quotes are as indexed (OCR text as OCR read it: "
         "the page image is the record)</footer></body></html>\n";
}

std::string MarkedHtml(const std::string& text, std::string_view mark_class) {
  std::string out = Esc(text);
  const std::string open = "<mark class=\"" + std::string(mark_class) + "\">", close = "</mark>";
  for (const auto& [from, to] : {std::pair<std::string, std::string>{kMarkOpen, open}, {kMarkClose, close}}) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

std::string ClauseBadge(const ClauseRecord& c) {
  return "<a class=\"badge stance-" + Esc(c.stance) + "\" href=\"/clause/" + Esc(c.id) + "\" title=\"clause " +
         Esc(c.id) + "\">" + Esc(c.topic) + " / " + Esc(c.stance) + (c.actor.empty() ? "" : " / " + Esc(c.actor)) +
         "</a>";
}

std::string MethodBadge(const std::string& method, const std::optional<double>& conf) {
  if (method != "ocr") return "<span class=\"badge method\">text layer</span>";
  const bool low = conf && *conf < kLowOcrConfidence;
  std::string label = "OCR";
  if (conf) label += ", confidence " + std::to_string(static_cast<int>(*conf + 0.5));
  return std::string("<span class=\"badge ocr") + (low ? " low" : "") + "\" title=\"text read by OCR: the page image is "
         "the record\">" + label + (low ? " (low)" : "") + "</span>";
}

std::string DocLink(const std::string& sha256, int page, const std::string& clause_id, std::string_view text_html) {
  std::string href = "/doc/" + UrlEncode(sha256) + "/" + std::to_string(page);
  if (!clause_id.empty()) href += "?clause=" + UrlEncode(clause_id);
  return "<a href=\"" + Esc(href) + "\">" + std::string(text_html) + "</a>";
}

std::string ClauseQuoteHtml(const ClauseRecord& clause) {
  MarkStyle style;
  style.stance_open = "<b class=\"cue-stance\">";
  style.stance_close = "</b>";
  style.topic_open = "<u class=\"cue-topic\">";
  style.topic_close = "</u>";
  style.escape = [](const std::string& s) { return Esc(s); };
  return MarkedText(clause, style);
}

Reply HtmlError(const Status& status) {
  Reply reply;
  reply.status = HttpStatusOf(status);
  const char* title = reply.status == 404 ? "Not found" : reply.status == 400 ? "Cannot do that" : "Something failed";
  reply.body = PageStart(title, "") + "<section class=\"error\" role=\"alert\"><h1>" + title + "</h1><pre>" +
               Esc(status.message()) + "</pre><p><a href=\"/\">Back to search</a></p></section>" + PageEnd();
  return reply;
}

}  // namespace foiamine::serve
