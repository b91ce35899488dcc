// Proof that the query library stands alone: this program links only
// foiamine_query (search/, index/, extractors/), and tests/dependency_rules.sh
// checks that its binary needs no Tesseract, Poppler, Leptonica, cairo or
// libarchive. Given an index and a query, it prints the hits as JSON Lines,
// the way a server would answer.
#include <iostream>

#include "index/reader.h"
#include "search/clauses.h"
#include "search/search.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: query_link_check INDEX.db QUERY\n";
    return argc == 1 ? 0 : 1;
  }
  auto index = foiamine::IndexReader::Open(argv[1]);
  if (!index.ok()) {
    std::cerr << index.status().message() << "\n";
    return 1;
  }
  foiamine::SearchOptions options;
  options.query = argv[2];
  auto hits = foiamine::Search(*index, options);
  if (!hits.ok()) {
    std::cerr << hits.status().message() << "\n";
    return 1;
  }
  for (const auto& hit : *hits) std::cout << hit.citation << "\n";
  return 0;
}
