// The views and API of `foiamine serve` (serve/server.h), as functions from a
// request's parameters to a reply, so that they know nothing of HTTP
// plumbing: serve/server.cc routes URLs to them.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "index/reader.h"
#include "search/search.h"
#include "serve/page_images.h"
#include "serve/server.h"

namespace foiamine::serve {

// Query parameters (the last value of a repeated name wins).
using Params = std::map<std::string, std::string>;

struct Reply {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond the security headers every reply gets
};

// What every request shares: the options, the page-image cache, and each
// worker thread's own read-only connection to the index.
class Context {
 public:
  explicit Context(const ServeOptions& options);
  const ServeOptions& options() const { return options_; }
  PageImages& images() { return images_; }
  // This thread's reader (opened on first use). Thread-safe.
  StatusOr<IndexReader*> Index();

 private:
  ServeOptions options_;
  PageImages images_;
  uint64_t id_;
};

// Replies for failures: an HTML page, or {"error": ...} for the API. A
// kInvalidArgument is 400, kNotFound 404, anything else 500 (or 503 when a
// render timed out or the renderer is busy).
int HttpStatusOf(const Status& status);
Reply HtmlError(const Status& status);
Reply JsonError(const Status& status);

// The search of a request: q, topic, stance, agency, jurisdiction,
// authority, kind, after, before, bates, doc, fuzzy, expand, clauses_only,
// limit; each checked as the CLI checks it (kInvalidArgument naming the
// valid values). The jurisdictions and lexicons are the context's.
StatusOr<SearchOptions> SearchOptionsFrom(Context& ctx, IndexReader& index, const Params& params);

// GET / and /search (serve/search_view.cc).
Reply SearchView(Context& ctx, const Params& params);
// GET /doc/SHA256[/PAGE] (serve/document_view.cc).
Reply DocumentView(Context& ctx, const std::string& sha256, int page, const Params& params);
// GET /clause/ID and /clause/ID/exhibit.png (serve/clause_view.cc).
Reply ClauseView(Context& ctx, const std::string& clause_id);
Reply ExhibitDownload(Context& ctx, const std::string& clause_id);
// GET /diverge and /diverge/report.FORMAT (serve/diverge_view.cc).
Reply DivergeView(Context& ctx, const Params& params);
Reply DivergeReport(Context& ctx, const std::string& format, const Params& params);
// GET /status (serve/status_view.cc).
Reply StatusView(Context& ctx);
// GET /page/SHA256/N.png (serve/document_view.cc).
Reply PageImage(Context& ctx, const std::string& sha256, int page, const Params& params);
// GET /api/... (serve/api.cc).
Reply ApiSearch(Context& ctx, const Params& params);
Reply ApiClauses(Context& ctx, const Params& params);
Reply ApiDivergences(Context& ctx, const Params& params);
Reply ApiStatus(Context& ctx);
// GET /static/NAME: the compiled-in CSS and JS (serve/assets.cc); 404 for
// any other name.
Reply StaticAsset(const std::string& name);

}  // namespace foiamine::serve
