// What a run counts, and the summary `foiamine run` prints at its end.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/index.h"
#include "pipeline/reprocess.h"

namespace foiamine {

// What a run counts, for its summary and its runs row.
struct RunCounts {
  RunTotals totals;
  int64_t new_pages = 0;  // pages of new documents (totals.pages_indexed also counts re-processed ones)
  int64_t clauses_found = 0, duplicate_paths = 0, hidden = 0, re_extracted = 0;
  // Indexed documents found again and re-processed (pipeline/reprocess.h), by what was redone.
  std::map<Rework::Kind, int64_t> reprocessed;
  int64_t ocr_pages = 0, ocr_cached = 0, ocr_failed = 0;
  int64_t pages_awaiting_ocr = 0;    // pages of documents written this run whose OCR failed
  int64_t awaiting_ocr_earlier = 0;  // pages still awaiting OCR in documents left as they were
  std::vector<std::pair<std::string, std::string>> failures;  // display path, reason
  // Recorded failures of unchanged files, not retried (see --retry-failed).
  std::vector<std::pair<std::string, std::string>> skipped_failures;  // display path, reason
  bool interrupted = false;
};

// The summary printed at the end of a run (stdout).
void PrintRunSummary(const RunCounts& c, int64_t run_id, const std::string& db_path, const std::string& rulebook_path,
                     std::ostream& out);

}  // namespace foiamine
