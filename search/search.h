// `foiamine search`: FTS5 full-text search over page text, bm25-ranked, with
// a snippet and a citation per hit.
#pragma once

#include <string>
#include <vector>

#include "pipeline/index.h"
#include "pipeline/status.h"

namespace foiamine {

struct SearchOptions {
  std::string query;      // FTS5 query language: words, "phrases", NEAR(a b, 5), pre*, AND/OR/NOT
  int limit = 20;
  std::string topic;      // only pages with a clause of this topic
  std::string kind;       // documents.doc_kind
  std::string authority;  // law | policy | practice
  std::string bates;      // only pages whose Bates stamp starts with this (a production prefix or one stamp)
  // Marks around matched words in snippets.
  std::string mark_open = "[", mark_close = "]";
};

struct SearchHit {
  std::string doc_sha256, doc_path, doc_title;
  int page = 0;
  std::string section;  // of the clause holding the match, else of the densest run of matches; "" when none
  std::string snippet;
  double score = 0;     // bm25: lower is better (SQLite's convention)
  std::string citation;
  std::string bates;    // the page's Bates stamp, "" when none
  std::string method;   // text | ocr
  std::optional<double> ocr_confidence;
};

// Runs the query. A malformed query is kInvalidArgument with a message that
// explains the FTS5 syntax; it never leaks a raw SQLite error.
StatusOr<std::vector<SearchHit>> Search(Index& index, const SearchOptions& options);

// The explanation shown for a malformed query.
std::string Fts5SyntaxHelp();

}  // namespace foiamine
