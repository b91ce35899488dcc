// `foiamine redactions`: what a production withheld, page by page -- the
// redaction boxes, the page's redacted share, the exemption codes, bad
// redactions (text still in the text layer under a box) and the clauses a
// redaction sits in or next to (CONTRACTS.md, the redaction record).
#pragma once

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/reader.h"

namespace foiamine {

struct RedactionBoxRecord {
  std::array<double, 4> bbox{};  // x0, y0, x1, y1: PDF points, top-left origin
  std::string source;            // vector | image
  std::string label;             // text drawn on the box, "" when none
  std::string code;              // the nearest exemption code on the page, "" when none
};

struct BadRedaction {
  std::array<double, 4> bbox{};  // the box
  std::string text;              // the words still in the text layer under it
};

// One page with any finding: a box or an exemption code.
struct RedactionPageRecord {
  std::string doc_sha256, doc_path, doc_title;
  int page = 0;
  std::string bates;  // "" when the page has no stamp
  std::vector<RedactionBoxRecord> boxes;
  double area_share = 0;           // union of the boxes / the page's area, 0-1
  std::vector<std::string> codes;  // every code printed on the page, in text order (repeats kept)
  std::vector<BadRedaction> bad;
  std::vector<std::string> near_clauses;  // ids of clauses a box overlaps or touches (within kNearPoints)
  // Beyond the contract, for the text form: those clauses' topics, stances,
  // citations and sentences.
  std::vector<std::string> near_topics, near_citations, near_texts;
};

// How far (PDF points) a clause's box may be from a redaction box and still
// sit "next to" it: about one printed line.
inline constexpr double kNearPoints = 12.0;

// Pages of `document_id` (0: all documents) with a finding, by document path
// then page.
StatusOr<std::vector<RedactionPageRecord>> ReadRedactions(IndexReader& index, int64_t document_id);

// The union area of `boxes` over a page of width x height points (0-1).
double RedactedShare(const std::vector<std::array<double, 4>>& boxes, double width, double height);

// The record as one JSON line (no newline): exactly CONTRACTS' fields.
std::string RedactionJson(const RedactionPageRecord& page);
// CSV: a header row, then one row per page; lists joined by "; ", cells
// formula-safe (search/diverge_report.h CsvField).
void WriteRedactionsCsv(const std::vector<RedactionPageRecord>& pages, std::ostream& out);
// For people: per document, its totals and codes, then one line per page
// with boxes, share, codes, bad redactions and nearby clauses. Document text
// is escaped for the terminal.
void WriteRedactionsText(const std::vector<RedactionPageRecord>& pages, std::ostream& out);

// The codes with their counts, in order of first appearance:
// "(b)(6) x3, (b)(7)(C) x2".
std::string CodeCounts(const std::vector<std::string>& codes);

// Index-wide counts for `status`.
struct RedactionCounts {
  int64_t boxes = 0, pages = 0, documents = 0, bad = 0, codes = 0;
};
StatusOr<RedactionCounts> CountRedactions(IndexReader& index);

}  // namespace foiamine
