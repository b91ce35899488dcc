// Proof that the web server stands without the batch side: this program
// links only foiamine_serve (and what it needs: the query side and the
// exhibit renderer), and tests/dependency_rules.sh checks that its link
// command names no foiamine_pipeline or Tesseract and its binary needs no
// Tesseract or OpenMP. Given an index, it serves it (as `foiamine serve`).
#include <iostream>

#include "serve/server.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: serve_link_check INDEX.db\n";
    return argc == 1 ? 0 : 1;
  }
  foiamine::ServeOptions options;
  options.db_path = argv[1];
  options.port = 0;
  auto served = foiamine::Serve(options, [](const std::string& url) { std::cout << "listening on " << url << std::endl; });
  if (!served.ok()) std::cerr << served.message() << "\n";
  return served.ok() ? 0 : 1;
}
