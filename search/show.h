// `foiamine show DOC[:PAGE]`: one page's text as indexed, with the clauses
// on it marked, so that a hit can be read in its context.
//
//   auto target = ResolveShowTarget(index, "560999bc:2");  // or a path, or a clause id prefix
//   auto page = ReadShownPage(index, *target);
//   std::cout << MarkedPageText(*page, "[[", "]]");
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/reader.h"
#include "search/clauses.h"

namespace foiamine {

struct ShowTarget {
  int64_t document_id = 0;
  int page = 1;
  std::string clause_id;  // set when the target was a clause: only it is marked
};

// DOC[:PAGE]: a document's path as indexed, SHA-256 or unique prefix of it
// (search/choices.h ResolveDocument), with an optional 1-based page (default
// 1); or a clause id or unique prefix of one (its page, that clause marked).
// Unknown or ambiguous is kInvalidArgument naming the candidates.
StatusOr<ShowTarget> ResolveShowTarget(IndexReader& index, const std::string& spec);

// A clause id by unique prefix (4+ hex digits); kInvalidArgument naming the
// candidates when ambiguous or unknown.
StatusOr<std::string> ResolveClauseId(IndexReader& index, const std::string& prefix);

struct ShownPage {
  std::string doc_sha256, doc_path, doc_title, doc_number, agency;
  int page = 0, page_count = 0;
  std::string method;  // text | ocr
  std::optional<double> ocr_confidence;
  std::string text;    // normalized page text
  // The clauses to mark: every clause on the page, or only the target's.
  // Each span is the clause's part on this page (code points of `text`).
  struct Marked {
    ClauseRecord clause;
    int start = 0, end = 0;
  };
  std::vector<Marked> clauses;
};
StatusOr<ShownPage> ReadShownPage(IndexReader& index, const ShowTarget& target);

// The page text with `open`N`: ` before and `close` after each marked span
// (N: the clause's 1-based number in `clauses`; spans of several clauses
// marked once, "1,2: "). Spans that overlap without nesting are merged.
std::string MarkedPageText(const ShownPage& page, const std::string& open, const std::string& close);

}  // namespace foiamine
