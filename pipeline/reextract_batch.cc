#include "pipeline/reextract_batch.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/compute_thread.h"
#include "pipeline/extract_stage.h"
#include "pipeline/reprocess.h"

namespace foiamine {
namespace {

// One document between its read and its write.
struct InFlight {
  int64_t document_id = 0;
  Status read_status;  // not ok: nothing to extract
  // Filled by the worker; the future says when.
  std::shared_ptr<StoredExtractionInput> input;
  std::shared_ptr<std::optional<ExtractedDocument>> extracted;
  std::shared_ptr<std::string> failure;
  std::future<void> computed;
};

}  // namespace

int64_t ReExtractDocuments(Index& index, const extractors::Rulebook& rulebook,
                           const std::vector<int64_t>& document_ids, const ReExtractBatchOptions& options,
                           const std::function<bool(const ReExtractOutcome&)>& done) {
  const int workers = std::clamp(options.workers, 1, 16);
  // Enough documents read ahead to keep every worker busy while this thread
  // writes; bounded, since each holds its pages' text and word boxes.
  const size_t window = static_cast<size_t>(workers) * 2 + 1;
  std::deque<InFlight> in_flight;
  int64_t handed = 0;
  size_t next = 0;
  bool stopping = false;
  // Declared after in_flight: destroyed (joined) first, so no job outlives
  // the slots it fills.
  ComputeThreads compute(workers);

  auto read_next = [&] {
    InFlight doc;
    doc.document_id = document_ids[next++];
    auto input = ReadExtractionInput(index, doc.document_id);
    if (!input.ok()) {
      doc.read_status = input.status();
    } else {
      doc.input = std::make_shared<StoredExtractionInput>(std::move(*input));
      doc.extracted = std::make_shared<std::optional<ExtractedDocument>>();
      doc.failure = std::make_shared<std::string>();
      doc.computed = compute.Submit([&rulebook, input = doc.input, out = doc.extracted, failure = doc.failure] {
        try {
          out->emplace(ExtractStoredDocument(*input, rulebook));
        } catch (const std::exception& e) {
          *failure = std::string("extraction failed: ") + e.what();
        }
      });
    }
    in_flight.push_back(std::move(doc));
  };

  while (true) {
    while (!stopping && next < document_ids.size() && in_flight.size() < window) {
      if (options.stop_requested && options.stop_requested()) {
        stopping = true;
        break;
      }
      read_next();
      // A read that failed for the index's sake ends the batch: nothing more
      // is read; what was read before it is still written.
      if (in_flight.back().read_status.code() == Status::Code::kIoError) stopping = true;
    }
    if (in_flight.empty()) break;
    InFlight doc = std::move(in_flight.front());
    in_flight.pop_front();
    ReExtractOutcome outcome;
    outcome.document_id = doc.document_id;
    if (!doc.read_status.ok()) {
      outcome.status = doc.read_status;
    } else {
      doc.computed.get();
      doc.input.reset();  // its pages are no longer needed
      if (!doc.extracted->has_value()) {
        outcome.status = Status::Internal(*doc.failure);
      } else {
        outcome.status = index.ReplaceExtraction(doc.document_id, **doc.extracted);
        if (outcome.status.ok()) outcome.clauses = static_cast<int64_t>((*doc.extracted)->clauses.size());
      }
    }
    ++handed;
    if (!done(outcome)) {
      // What was read ahead stays as it is; the pool drops or finishes its
      // jobs when it is destroyed.
      in_flight.clear();
      break;
    }
  }
  return handed;
}

}  // namespace foiamine
