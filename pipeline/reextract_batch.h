// Re-extraction of many stored documents (a changed rulebook, `run --force
// extract`): the extract stage is most of the work (RE2 over every unit of
// text), and each document's is independent of the others', so it runs on
// several threads while this one, the index's only reader and writer, reads
// the next documents' stored text and writes the finished ones in order.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "base/status.h"
#include "extractors/rulebook.h"
#include "pipeline/index.h"

namespace foiamine {

struct ReExtractOutcome {
  int64_t document_id = 0;
  Status status;         // kIoError: the index's fault (the caller stops)
  int64_t clauses = 0;   // the document's clauses after it, when ok
};

struct ReExtractBatchOptions {
  int workers = 1;                      // extraction threads (clamped to 1..16)
  std::function<bool()> stop_requested;  // asked before each document is read; may be empty
};

// Re-extracts `document_ids` in their order (pipeline/reprocess.h: each
// read with ReadExtractionInput, run through ExtractStoredDocument, and its
// sections, clauses and citations replaced by Index::ReplaceExtraction in one
// transaction), and tells `done` of each in that order
// (`done` runs on the calling thread). Stops early, leaving the rest as they
// are, when stop_requested() says so or `done` returns false. Returns the
// number of documents handed to `done`. An exception thrown by the extract
// stage fails that document (kInternal, its message), not the batch.
int64_t ReExtractDocuments(Index& index, const extractors::Rulebook& rulebook,
                           const std::vector<int64_t>& document_ids, const ReExtractBatchOptions& options,
                           const std::function<bool(const ReExtractOutcome&)>& done);

}  // namespace foiamine
