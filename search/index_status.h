// `foiamine status` and `foiamine pages`: what an index holds.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "index/reader.h"
#include "index/word_boxes.h"
#include "base/status.h"

namespace foiamine {

struct IndexStatus {
  int64_t documents = 0, files = 0, pages = 0;
  int64_t pages_text = 0, pages_ocr = 0, pages_none = 0;
  int64_t documents_needing_ocr = 0, pages_needing_ocr = 0, pages_low_confidence = 0;
  int64_t clauses = 0, sections = 0;
  struct Failure {
    std::string path, drop_root, stage, reason, at;
  };
  std::vector<Failure> failures;
  struct Run {
    int64_t id = 0;
    std::string started_at, drops;
    std::optional<int64_t> exit_code;
    int64_t files_seen = 0, docs_new = 0, docs_unchanged = 0, docs_failed = 0, pages_indexed = 0;
    std::optional<double> wall_seconds;
  };
  std::vector<Run> runs;
  struct NeedsOcr {
    std::string path;
    int64_t pages = 0;
  };
  std::vector<NeedsOcr> needing_ocr;
  // Documents per jurisdiction (documents.jurisdiction; "" = unknown), by code.
  std::vector<std::pair<std::string, int64_t>> jurisdictions;
  // One per production (Bates prefix): its first and last stamp, how many
  // pages carry one and in how many documents, and how many counters
  // between first and last no indexed page carries (pages not produced, or
  // not indexed, or stamps OCR could not read).
  struct BatesRange {
    std::string prefix, first, last;
    int64_t pages = 0, documents = 0, missing = 0;
  };
  std::vector<BatesRange> bates;
  // Redactions (search/redactions.h): boxes, the pages and documents that
  // carry them, bad redactions (text still under a box), exemption codes.
  int64_t redaction_boxes = 0, redacted_pages = 0, redacted_documents = 0, bad_redactions = 0, exemption_codes = 0;
  std::string digest;  // content digest (search/index_digest.h); empty if it could not be computed
};

// `with_digest`: also compute the content digest (reads every page's text;
// only `status --json` prints it).
StatusOr<IndexStatus> ReadIndexStatus(IndexReader& index, bool with_digest = false);
void PrintIndexStatus(const IndexStatus& status, std::ostream& out);
void PrintIndexStatusJson(const IndexStatus& status, std::ostream& out);

struct PageRecord {
  std::string doc_sha256, doc_path, method, text;
  int page = 0;
  std::optional<double> ocr_confidence;
  std::optional<std::vector<WordBox>> words;  // with_words only (index/word_boxes.h)
};

// Pages of every document, or of the one whose path or SHA-256 is `doc`
// (a unique SHA-256 prefix of at least 8 characters works too).
// `with_words`: each page's words with their boxes too (`pages --words`).
StatusOr<std::vector<PageRecord>> ReadPages(IndexReader& index, const std::string& doc, bool with_words = false);

// The page as one line of `pages --json` (CONTRACTS.md, the page record),
// without a newline.
std::string PageJson(const PageRecord& page);

}  // namespace foiamine
