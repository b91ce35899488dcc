// `foiamine serve`: a local web interface over one index, read-only.
//
//   ServeOptions options;
//   options.db_path = "out/index.db";
//   Status s = Serve(options, [](const std::string& url) { std::cout << "listening on " << url << "\n"; });
//
// The URLs are a contract (CONTRACTS.md "Web interface"): the search page,
// the document viewer, the clause and divergence views, page images, and the
// JSON API returning the same records as the CLI's --json. Loopback by
// default; files are served only by a document's SHA-256 as the index knows
// it, never by a path; every string taken from a document is HTML-escaped;
// the Content-Security-Policy allows no inline script (the CSS and JS are
// compiled in, serve/assets.cc). Each worker thread reads the index through a
// read-only connection of its own. Page images are drawn in a child process
// with a wall-clock limit and kept in a bounded in-memory cache
// (serve/page_images.h).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extractors/jurisdiction.h"
#include "search/query_expansion.h"

namespace foiamine {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;            // 0: any free port (the URL says which)
  int threads = 0;            // worker threads; 0: the number of cores, at least 4
  // As for search and diverge (may be null / empty: see cli/commands.h).
  const extractors::Jurisdictions* jurisdictions = nullptr;
  const QueryLexicons* lexicons = nullptr;
  std::vector<std::string> rulebook_topics;
  // Page images and exhibits: wall-clock limit per render, and the cache.
  int render_timeout_seconds = 15;
  size_t image_cache_bytes = size_t{96} << 20;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

// Binds, calls `on_listening` with "http://HOST:PORT/" once requests can be
// served, and serves until SIGINT or SIGTERM. Errors: the index cannot be
// opened (kNotFound / kCorrupt ...), the address cannot be bound (kIoError).
Status Serve(const ServeOptions& options, const std::function<void(const std::string& url)>& on_listening);

}  // namespace foiamine
