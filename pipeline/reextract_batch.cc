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

// What a worker reads and fills for one document: shared by the writer and
// the worker's job, which may outlive the batch's slot when the batch stops.
struct ExtractionJob {
  std::optional<StoredExtractionInput> input;  // reset once extracted: its pages are no longer needed
  std::optional<ExtractedDocument> extracted;  // empty after the job: `failure` says why
  std::string failure;
};

// One document between its read and its write.
struct InFlight {
  int64_t document_id = 0;
  Status read_status;  // not ok: nothing to extract
  std::shared_ptr<ExtractionJob> job;  // null when the read failed
  std::future<void> computed;          // ready once the worker has filled `job`
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
      doc.job = std::make_shared<ExtractionJob>();
      doc.job->input.emplace(std::move(*input));
      doc.computed = compute.Submit([&rulebook, job = doc.job] {
        try {
          job->extracted.emplace(ExtractStoredDocument(*job->input, rulebook));
        } catch (const std::exception& e) {
          job->failure = std::string("extraction failed: ") + e.what();
        }
        job->input.reset();
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
      const ExtractionJob& job = *doc.job;
      if (!job.extracted) {
        outcome.status = Status::Internal(job.failure);
      } else {
        outcome.status = index.ReplaceExtraction(doc.document_id, *job.extracted);
        if (outcome.status.ok()) outcome.clauses = static_cast<int64_t>(job.extracted->clauses.size());
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
