// `foiamine serve`: the local web interface (serve/server.h).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pipeline/runner.h"
#include "search/query_expansion.h"
#include "serve/server.h"

namespace foiamine::cli {
namespace {

int Serve(ServeOptions options) {
  std::error_code ec;
  if (!std::filesystem::exists(options.db_path, ec)) {
    std::cerr << "foiamine serve: no index at " << options.db_path << " (create one with `foiamine run DROP --db "
              << options.db_path << "`)\n";
    return kExitUsage;
  }
  if (!IsLoopbackHost(options.host)) {
    std::cerr << "foiamine serve: warning: listening on " << options.host
              << ", not on loopback: anyone who can reach this machine can read the index and its documents "
                 "(there is no login)\n";
  }
  const auto jurisdictions = JurisdictionsForDivergence("serve");
  options.jurisdictions = jurisdictions ? &*jurisdictions : nullptr;
  std::optional<QueryLexicons> lexicons;
  if (auto loaded = LoadQueryLexicons(RulebookPath()); loaded.ok()) {
    lexicons = std::move(*loaded);
    options.lexicons = &*lexicons;
  }
  options.rulebook_topics = RulebookTopics("serve");
  const Status served = foiamine::Serve(options, [](const std::string& url) {
    std::cout << "listening on " << url << std::endl;
    std::cerr << "foiamine serve: open " << url << " in a browser; Ctrl-C stops\n";
  });
  if (!served.ok()) {
    std::cerr << "foiamine serve: " << served.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Command AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* serve = app.add_subcommand(
      "serve", "A local web interface: search with facets, page images with clauses highlighted, clauses with both\n"
               "sides of their divergences, the law-vs-practice matrix, status, and a JSON API (/api/search ...)");
  serve->add_option("--db", options->db_path, "Index file")->required();
  serve->add_option("--host", options->host, "Address to listen on (default 127.0.0.1; any other prints a warning)");
  serve->add_option("--port", options->port, "Port (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  serve->add_option("--threads", options->threads, "Worker threads (default: cores, at least 4)")->check(CLI::Range(1, 256));
  serve->add_option("--render-timeout", options->render_timeout_seconds,
                    "Seconds one page image or exhibit may take to draw (default 15)")
      ->check(CLI::Range(1, 600));
  return {serve, [options] { return Serve(*options); }};
}

}  // namespace foiamine::cli
