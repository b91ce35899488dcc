// HTML for `foiamine serve`: escaping, URLs and the page frame. Every string
// that comes from a document (or a request) goes into a page through Esc(),
// or through UrlEncode() into a URL; nothing is ever written raw.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "search/clauses.h"

namespace foiamine::serve {

// & < > " ' escaped: safe in element text and in quoted attribute values.
std::string Esc(std::string_view text);
// Percent-encoding of everything but unreserved characters (RFC 3986).
std::string UrlEncode(std::string_view text);
// "?a=1&b=2" from the non-empty values (empty: ""); values URL-encoded, the
// result HTML-escaped for an href.
std::string QueryString(const std::map<std::string, std::string>& params);

// The page frame: <head> (the stylesheet and script from /static/), the
// navigation (search, divergences, status) with `active` marked, and the
// closing tags. `title` is escaped.
std::string PageStart(std::string_view title, std::string_view active);
std::string PageEnd();

// Text with two private-use marks (U+E000 open, U+E001 close) around matches:
// escaped, the marks turned into <mark class="CLASS">...</mark>.
inline constexpr const char* kMarkOpen = "\xEE\x80\x80";
inline constexpr const char* kMarkClose = "\xEE\x80\x81";
std::string MarkedHtml(const std::string& text, std::string_view mark_class = "hit");

// Small pieces shared by the views.
std::string ClauseBadge(const ClauseRecord& clause);  // topic / stance, linking to /clause/ID
std::string MethodBadge(const std::string& method, const std::optional<double>& ocr_confidence);
std::string DocLink(const std::string& sha256, int page, const std::string& clause_id, std::string_view text_html);
// The clause's sentence with its stance and topic cues marked (escaped).
std::string ClauseQuoteHtml(const ClauseRecord& clause);

}  // namespace foiamine::serve
