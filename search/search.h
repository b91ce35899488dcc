// `foiamine search`: FTS5 full-text search over page text, bm25-ranked, with
// a snippet and a citation per hit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "extractors/jurisdiction.h"
#include "index/reader.h"
#include "search/hit_clauses.h"
#include "search/query_expansion.h"

namespace foiamine {

struct SearchOptions {
  std::string query;      // FTS5 query language: words, "phrases", NEAR(a b, 5), pre*, AND/OR/NOT
  int limit = 20;
  std::string topic;      // only pages with a clause of this topic
  std::string kind;       // documents.doc_kind
  std::string authority;  // law | policy | practice
  std::string bates;      // only pages whose Bates stamp starts with this (a production prefix or one stamp)
  std::string stance;     // only pages with a clause of this stance (of --topic, with it)
  std::string agency;     // documents.agency (e.g. "MPD"), as listed in the index
  std::string jurisdiction;  // documents.jurisdiction, or one containing it ("US-IL" holds "US-IL/Cook County")
  std::string after, before;  // ISO dates, inclusive: the document's issued date, else its effective date
  int64_t document_id = 0;    // one document (ResolveDocument, search/choices.h); 0: all
  bool clauses_only = false;  // only hits whose match lies in a clause
  bool fuzzy = false;         // also OCR readings of each word (search/query_expansion.h)
  // Expansion from the rulebook's lexicons (search/query_expansion.h): with
  // `expand`, always; otherwise only when the query as typed finds nothing.
  // Null lexicons: never.
  bool expand = false;
  const QueryLexicons* lexicons = nullptr;
  // schemas/jurisdictions.yaml, loaded, for pairing a hit's clause with the
  // laws that bind its actor (as `diverge` does); null: codes only.
  const extractors::Jurisdictions* jurisdictions = nullptr;
  // Each hit's clauses read in full with their divergences (the search-hit
  // record's "clauses"). false leaves "clauses" empty: what a search cost
  // before hits carried them, for bench/search_bench's comparison.
  bool hit_clauses = true;
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
  // The clauses on the page that hold a match, the one holding the most of
  // the query's terms first (it gives `section`), each with its divergences.
  std::vector<HitClause> clauses;
};

// Runs the query. Hits are ranked by bm25; of hits of equal score, those
// whose match lies in a clause come first. A malformed query is kInvalidArgument with a message that
// explains the FTS5 syntax; it never leaks a raw SQLite error.
// `notes`, when given, receives what was done to the query (fuzzy readings,
// lexicon expansion), one line each, for the output.
StatusOr<std::vector<SearchHit>> Search(IndexReader& index, const SearchOptions& options,
                                        std::vector<std::string>* notes = nullptr);

// The hit as one line of `search --json` (CONTRACTS.md, the search-hit
// record), without a newline: what the CLI prints and a server sends.
std::string SearchHitJson(const SearchHit& hit);

// Bounds on a query, checked before FTS5 sees it (kInvalidArgument).
inline constexpr size_t kMaxQueryBytes = 2048;
inline constexpr int kMaxQueryTerms = 64;  // whitespace-separated words and operators
inline constexpr int kMaxSearchLimit = 10000;
Status CheckQueryBounds(const SearchOptions& options);

// The explanation shown for a malformed query.
std::string Fts5SyntaxHelp();

}  // namespace foiamine
