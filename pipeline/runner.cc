// The runner: orchestrates a run over the drops. Each step lives in its own
// file: drop scanning (drop_scan.h), the plan for each file (plan.h, shared
// with --dry-run), the document job (document_job.h), the progress display
// (progress.h), re-processing decisions (reprocess.h), the index writer
// (index.h).
#include "pipeline/runner.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <iostream>
#include <map>
#include <optional>

#include "base/terminal_text.h"
#include "base/cancel.h"
#include "pipeline/derived_files.h"
#include "pipeline/document_job.h"
#include "pipeline/drop_scan.h"
#include "pipeline/extract_stage.h"
#include "pipeline/file_type.h"
#include "pipeline/index.h"
#include "pipeline/ocr_pool.h"
#include "pipeline/pdf_text.h"
#include "pipeline/plan.h"
#include "pipeline/progress.h"
#include "pipeline/reprocess.h"
#include "pipeline/run_start.h"
#include "pipeline/run_summary.h"
#include "pipeline/compute_thread.h"
#include "pipeline/reextract_batch.h"
#include "pipeline/writer_lock.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_stop_requested{false};

// Text extraction helpers of a run: two read ahead of the writer, whatever
// --jobs says (each is one process; more than the cores only queue).
int TextHelpers() { return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 2); }

// One run over its drops, once the usage checks passed and the run is
// recorded: plans each file (plan.h), prepares new and re-processed
// documents (document_job.h) while the pool OCRs their pages, and writes
// them in the order found. This thread is the index's only writer.
class DropRun {
 public:
  DropRun(const RunOptions& options, Index& index, int64_t run_id, const extractors::Rulebook& rulebook,
          std::optional<ForcedStage> forced, RunReadAhead& text, std::ostream& err)
      : options_(options),
        index_(index),
        run_id_(run_id),
        rulebook_(rulebook),
        err_(err),
        pool_(OcrSettingsOf(options), options.jobs > 0 ? options.jobs : 1, options.db_path,
              RenderLimitsOf(options)),
        text_(text),
        planner_(&index, options,
                 CurrentStageVersions(OcrSettingsOf(options), ExtractStageVersion(rulebook)),
                 ReworkPolicy{forced, options.force_ocr, options.retry_failed}),
        max_in_flight_(std::max<size_t>(static_cast<size_t>(std::max(1, options.jobs)) * 2 + 2, 64)),
        compute_(std::max(1, options.jobs)),
        progress_(err, !options.quiet, &err == &std::cerr && isatty(STDERR_FILENO) != 0) {}

  // Every drop, then the documents --force extract named, then those a
  // changed rulebook left stale (both re-extracted in batches). Stops
  // early (counts.interrupted) when a stop is requested.
  void Run() {
    for (const auto& drop : options_.drops) {
      ProcessDrop(drop);
      if (counts_.interrupted || !index_error_.ok()) break;
    }
    WriteReady(true);
    progress_.Clear();
    // A stop asked for while the last documents were in flight: they were
    // written, but the run still reports the interruption (exit 3) and skips
    // the re-extraction below.
    if (g_stop_requested.load()) counts_.interrupted = true;
    if (!counts_.interrupted && index_error_.ok()) ReExtractForced();
    if (g_stop_requested.load()) counts_.interrupted = true;
    if (!counts_.interrupted && index_error_.ok()) ReExtractStale();
  }

  // The first failed read or write of the index (disk full, I/O error),
  // else OK. It stops the run: RunDropsWith exits 1.
  const Status& index_error() const { return index_error_; }

  RunCounts& counts() { return counts_; }

 private:
  static RenderLimits RenderLimitsOf(const RunOptions& options) {
    RenderLimits limits;
    limits.timeout_seconds = options.pdf_timeout_seconds;
    limits.helper_executable = options.helper_executable;
    return limits;
  }

  static OcrSettings OcrSettingsOf(const RunOptions& options) {
    OcrSettings settings;
    settings.languages = options.languages;
    settings.dpi = options.dpi;
    return settings;
  }

  // A failed write to the index (disk full, an I/O error) is the index's
  // fault, not a document's: the first one stops the run (exit 1). What was
  // committed stays; the documents not written are not recorded as failed
  // (that would skip them as "failed earlier, unchanged" next time), so the
  // next run retries them. Before, a full disk printed one error per file
  // for the rest of the drop and exited 2.
  void IndexFault(Status s) {
    if (s.ok() || !index_error_.ok()) return;
    index_error_ = std::move(s);
    progress_.Clear();
  }

  void ProcessDrop(const std::string& drop) {
    ScannedDrop scanned = text_.Scan(drop);
    DropScan& scan = scanned.scan;
    Manifest& manifest = scanned.manifest;
    progress_.AddFiles(static_cast<int64_t>(scan.files.size()));
    progress_.Clear();
    for (const auto& w : scanned.warnings) {
      err_ << "foiamine: " << w << "\n";
      IndexFault(index_.RecordEvent(run_id_, "warning", "", w));
    }
    for (const auto& warning : manifest.warnings) {
      err_ << "foiamine: " << manifest.file_name << ": " << warning << "\n";
      IndexFault(index_.RecordEvent(run_id_, "warning", manifest.file_name, warning));
    }
    counts_.hidden += scan.hidden_skipped;
    for (const auto& [path, reason] : scan.unreadable) {
      IndexFault(index_.RecordFailure(path, "", "ingest", reason, run_id_));
      counts_.failures.emplace_back(path.display, reason);
      ++counts_.totals.docs_failed;
    }
    // Manifest rows that name no file are worth a warning: a typo hides metadata.
    for (const auto& [rel, entry] : manifest.entries) {
      (void)entry;
      bool found = std::any_of(scan.files.begin(), scan.files.end(),
                               [&](const DropFile& f) { return f.path.raw_bytes == rel; });
      if (!found) {
        std::string message = manifest.file_name + " lists " + EscapeForTerminal(rel) + ", which is not in the drop";
        err_ << "foiamine: warning: " << message << "\n";
        IndexFault(index_.RecordEvent(run_id_, "warning", rel, message));
      }
    }
    for (const DropFile& file : scan.files) {
      if (g_stop_requested.load()) {
        counts_.interrupted = true;
        break;
      }
      if (!index_error_.ok()) break;
      ProcessFile(file, manifest);
    }
    // Documents waiting for their text keep a pointer to `manifest`: each
    // is prepared before it goes.
    PrepareStarted(true);
    // A ZIP drop's extracted entries are removed with `scanned`: finish
    // every document read from them first.
    if (scanned.zip) WriteReady(true);
  }

  void ProcessFile(const DropFile& file, const Manifest& manifest) {
    RunTotals& totals = counts_.totals;
    Tick();
    ++totals.files_seen;
    const FilePlan plan = planner_.Decide(file, [&](const std::string& sha) { return InFlight(sha) != nullptr; });
    DocumentPath path = file.path;
    path.in_manifest = manifest.Find(path.raw_bytes) != nullptr;
    switch (plan.action) {
      case FilePlan::Action::kUnreadable:
        IndexFault(index_.RecordFailure(file.path, "", "ingest", plan.reason, run_id_));
        counts_.failures.emplace_back(file.path.display, plan.reason);
        ++totals.docs_failed;
        progress_.Clear();
        if (!options_.quiet) err_ << "foiamine: error: " << file.path.display << ": " << plan.reason << "\n";
        return;
      case FilePlan::Action::kOtherShard: return;  // another shard's document: not ours, not a failure
      case FilePlan::Action::kIndexed:
      case FilePlan::Action::kIndexedAgain: {
        auto added = index_.AddPath(plan.indexed->id, path, run_id_);
        if (!added.ok()) err_ << "foiamine: error: " << path.display << ": " << added.status().message() << "\n";
        if (plan.action == FilePlan::Action::kIndexedAgain) ++counts_.duplicate_paths;
        else OnIndexed(*plan.indexed, plan.rework, file, path, manifest, plan.sha256);
        // A run stopped between an e-mail and its attachments left them
        // unwritten: an indexed container is opened again (cheap: no OCR),
        // and its attachments already indexed are found unchanged.
        if (plan.action == FilePlan::Action::kIndexed &&
            (plan.indexed->file_type == "email" || plan.indexed->file_type == "mbox")) {
          PendingDocument again;
          again.sha = plan.sha256;
          PrepareDocument(again, file, manifest, options_, pool_, nullptr);
          for (const DerivedDocument& d : again.derived) ProcessDerived(file, plan.sha256, d, manifest);
        }
        return;
      }
      case FilePlan::Action::kSkipFailed:
        counts_.skipped_failures.emplace_back(path.display, plan.failure->reason);
        if (!options_.quiet) {
          progress_.Clear();
          err_ << "foiamine: skipped: " << path.display << ": failed earlier, unchanged (" << plan.failure->reason
               << "); --retry-failed retries it\n";
        }
        return;
      case FilePlan::Action::kDuplicate:
        // The same content found earlier in this run and still in flight:
        // this path is written with it.
        InFlight(plan.sha256)->record.paths.push_back(path);
        ++counts_.duplicate_paths;
        return;
      case FilePlan::Action::kNew: {
        PendingDocument pending;
        pending.ordinal = totals.files_seen;
        pending.sha = plan.sha256;
        pending.path = path;
        if (IsPdfFile(file.absolute)) {
          // Its text is read by a helper while earlier documents are
          // written; it keeps its place in the queue (PrepareStarted).
          pending.text = text_.Text(file.absolute);
          pending.text_file = file;
          pending.text_manifest = &manifest;
          in_flight_.push_back(std::move(pending));
          ++texts_started_;
          WriteReady(false);
          return;
        }
        PrepareDocument(pending, file, manifest, options_, pool_, nullptr);
        // Documents found inside it (attachments, a mailbox's messages) follow it.
        std::vector<DerivedDocument> derived = std::move(pending.derived);
        Enqueue(std::move(pending));
        for (const DerivedDocument& d : derived) ProcessDerived(file, plan.sha256, d, manifest);
        return;
      }
    }
  }

  // A document found inside `parent`: a file of the drop of its own (pipeline/derived_files.h).
  void ProcessDerived(const DropFile& parent, const std::string& parent_sha, const DerivedDocument& d,
                      const Manifest& manifest) {
    if (g_stop_requested.load() || !index_error_.ok()) return;
    auto child = derived_files_.Write(parent, parent_sha, d);
    if (child.ok()) return ProcessFile(*child, manifest);
    const DocumentPath path = DerivedFiles::PathOf(parent, d);
    ++counts_.totals.files_seen;
    IndexFault(index_.RecordFailure(path, "", "ingest", child.status().message(), run_id_));
    counts_.failures.emplace_back(path.display, child.status().message());
    ++counts_.totals.docs_failed;
  }

  // An indexed document found again, first time in this run: left as it
  // is, re-extracted, or re-read from its file (pipeline/reprocess.h).
  void OnIndexed(const IndexedDocument& existing, const Rework& rework, const DropFile& file,
                 const DocumentPath& path, const Manifest& manifest, const std::string& sha) {
    if (rework.kind == Rework::Kind::kNone || rework.kind == Rework::Kind::kExtract) {
      counts_.awaiting_ocr_earlier += existing.pages_awaiting_ocr;
    }
    if (rework.kind == Rework::Kind::kNone) {
      ++counts_.totals.docs_unchanged;
      return;
    }
    if (rework.kind == Rework::Kind::kExtract) {
      // From the stored text (no Poppler, no OCR), after the drop, in one
      // batch on several threads (ReExtractForced).
      forced_extract_.push_back({existing.id, path, sha, rework});
      return;
    }
    // Read again from the file (whose content is the indexed one: same
    // SHA-256), then written over the old rows in one transaction.
    auto facts = ReadStoredDocumentFacts(index_, existing.id);
    if (!facts.ok()) {
      if (facts.status().code() == Status::Code::kIoError) IndexFault(facts.status());
      else ReprocessFailed(path, sha, rework, "index", facts.status().message());
      return;
    }
    PendingDocument pending;
    pending.ordinal = counts_.totals.files_seen;
    pending.sha = sha;
    pending.path = path;
    pending.replaces = existing.id;
    pending.rework = rework;
    pending.citation_path = facts->display_path;
    PrepareDocument(pending, file, manifest, options_, pool_, &facts->given);
    Enqueue(std::move(pending));
  }

  // A prepared document: its failure recorded now, or queued for its write.
  void Enqueue(PendingDocument pending) {
    if (!pending.outcome.ok) {
      Record(pending);
    } else {
      pages_in_flight_ += pending.record.pages.size();
      in_flight_.push_back(std::move(pending));
      StartCompute(in_flight_.back());
    }
    WriteReady(false);
  }

  // Prepares the new PDFs whose text has arrived, in the order found; with
  // `all`, or while more are being read than the helpers can work on,
  // waits for the oldest. Their OCR starts here.
  void PrepareStarted(bool all) {
    for (PendingDocument& pending : in_flight_) {
      if (!pending.text) continue;
      const bool arrived = pending.text->wait_for(std::chrono::seconds(0)) == std::future_status::ready;
      if (!arrived && !all && texts_started_ <= kTextAhead) break;
      FinishPreparation(pending);
    }
  }

  void FinishPreparation(PendingDocument& pending) {
    StatusOr<SourceDocument> text = pending.text->get();
    pending.text.reset();
    --texts_started_;
    const DropFile file = std::move(*pending.text_file);
    pending.text_file.reset();
    PrepareDocument(pending, file, *pending.text_manifest, options_, pool_, nullptr, &text);
    pending.text_manifest = nullptr;
    pages_in_flight_ += pending.record.pages.size();
    if (pending.outcome.ok) StartCompute(pending);
  }

  // Hands a prepared document's compute step to the compute thread. The
  // document stays put in in_flight_ (a deque: pushing at the back and
  // popping the front keep the others' addresses) until it is written.
  void StartCompute(PendingDocument& pending) {
    pending.computed = compute_.Submit([this, p = &pending] { ComputeDocument(*p, pool_, rulebook_); });
  }

  // Writes finished documents from the front; with `all`, waits for every one.
  void WriteReady(bool all) {
    PrepareStarted(false);
    while (!in_flight_.empty() && (all || in_flight_.size() > max_in_flight_ || pages_in_flight_ > kMaxPagesInFlight ||
                                   in_flight_.front().Ready())) {
      if (in_flight_.front().text) FinishPreparation(in_flight_.front());
      // Keep the display alive while OCR runs.
      while (!options_.quiet && !in_flight_.front().Ready()) {
        in_flight_.front().WaitFor(std::chrono::milliseconds(200));
        Tick();
      }
      pages_in_flight_ -= in_flight_.front().record.pages.size();
      Record(in_flight_.front());
      Tick();
      in_flight_.pop_front();
    }
  }

  // Records a prepared document: written, or its failure recorded.
  void Record(PendingDocument& pending) {
    Outcome& outcome = pending.outcome;
    if (pending.computed.valid()) {
      pending.computed.get();  // the compute thread is done with it (rethrows what it threw)
      WriteComputedDocument(index_, pending, run_id_);
    } else if (outcome.ok) {
      FinishDocument(index_, pending, pool_, rulebook_, run_id_);
    }
    if (outcome.cancelled) return;  // not written, not failed: the next run does it
    if (!outcome.ok && outcome.index_fault) {
      // Not written, and not the document's failure: the run stops and the
      // next one retries it (IndexFault).
      std::string why = outcome.reason;
      const std::string prefix = "cannot write to the index: ";
      if (why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
      IndexFault(Status::IoError("writing " + pending.path.display + ": " + why));
      return;
    }
    const DocumentPath& path = pending.path;
    if (!options_.quiet && (!outcome.warnings.empty() || !outcome.ok)) progress_.Clear();
    for (const auto& warning : outcome.warnings) {
      IndexFault(index_.RecordEvent(run_id_, "warning", path.display, warning));
      if (!options_.quiet) err_ << "foiamine: warning: " << path.display << ": " << warning << "\n";
    }
    counts_.ocr_pages += outcome.ocr_pages;
    counts_.ocr_cached += outcome.ocr_cached;
    counts_.ocr_failed += outcome.ocr_failed;
    if (!outcome.ok && pending.replaces) {
      ReprocessFailed(path, pending.sha, pending.rework, outcome.stage, outcome.reason);
      return;
    }
    if (!outcome.ok) {
      IndexFault(index_.RecordFailure(path, pending.sha, outcome.stage, outcome.reason, run_id_));
      counts_.failures.emplace_back(path.display, outcome.reason);
      ++counts_.totals.docs_failed;
      if (!options_.quiet) err_ << "foiamine: error: " << path.display << ": " << outcome.reason << "\n";
      return;
    }
    // Clauses of every document written, re-processed ones too (a forced text
    // re-read re-extracts: "clauses found 0" after it misled).
    counts_.clauses_found += outcome.clauses;
    if (pending.replaces) {
      ReprocessDone(path, pending.rework);
    } else {
      ++counts_.totals.docs_new;
      counts_.new_pages += outcome.pages;
    }
    counts_.totals.pages_indexed += outcome.pages;
    counts_.pages_awaiting_ocr += outcome.ocr_failed;  // written, but these pages failed OCR
    if (!options_.quiet && !progress_.tty()) PrintDocumentLine(pending);
  }

  // "[7] policies/a.pdf: 3 pages (1 OCR'd)" on stderr, off a terminal.
  void PrintDocumentLine(const PendingDocument& pending) {
    const Outcome& outcome = pending.outcome;
    err_ << "[" << pending.ordinal << "] " << pending.path.display << ": ";
    if (pending.replaces) {
      err_ << "re-processed (" << ReworkName(pending.rework.kind) << ", " << pending.rework.reason << "): ";
    }
    err_ << outcome.pages << " page" << (outcome.pages == 1 ? "" : "s");
    if (outcome.ocr_pages) {
      err_ << " (" << outcome.ocr_pages << " OCR'd";
      if (outcome.ocr_cached) err_ << ", " << outcome.ocr_cached << " from cache";
      err_ << ")";
    }
    if (outcome.ocr_failed) err_ << " (" << outcome.ocr_failed << " failed OCR)";
    err_ << "\n";
  }

  // A re-processing that failed: the document's indexed version is whole
  // (its rewrite is one transaction); the failure is recorded for its path
  // (cleared when the path is next seen with its document intact).
  void ReprocessFailed(const DocumentPath& path, const std::string& sha, const Rework& rework,
                       const std::string& stage, const std::string& why) {
    const std::string reason = std::string("re-processing (") + ReworkName(rework.kind) + ", " + rework.reason +
                               ") failed; the indexed version is kept: " + why;
    IndexFault(index_.RecordFailure(path, sha, stage, reason, run_id_));
    counts_.failures.emplace_back(path.display, reason);
    ++counts_.totals.docs_failed;
    progress_.Clear();
    if (!options_.quiet) err_ << "foiamine: error: " << path.display << ": " << reason << "\n";
  }

  void ReprocessDone(const DocumentPath& path, const Rework& rework) {
    ++counts_.reprocessed[rework.kind];
    IndexFault(index_.RecordEvent(run_id_, "info", path.display,
                       std::string("re-processed (") + ReworkName(rework.kind) + "): " + rework.reason));
  }

  ReExtractBatchOptions ReExtractOptions() const {
    ReExtractBatchOptions batch;
    batch.workers = std::max(1, options_.jobs);
    batch.stop_requested = [] { return g_stop_requested.load(); };
    return batch;
  }

  // Documents of the drop whose extraction --force extract redoes.
  void ReExtractForced() {
    if (forced_extract_.empty()) return;
    std::vector<int64_t> ids;
    for (const ForcedExtract& f : forced_extract_) ids.push_back(f.document_id);
    size_t i = 0;
    progress_.StartStep("re-extracting (--force extract)", static_cast<int64_t>(ids.size()));
    ReExtractDocuments(index_, rulebook_, ids, ReExtractOptions(), [&](const ReExtractOutcome& outcome) {
      const ForcedExtract& f = forced_extract_[i++];
      progress_.UpdateStep(static_cast<int64_t>(i));
      if (outcome.status.ok()) {
        counts_.clauses_found += outcome.clauses;
        ReprocessDone(f.path, f.rework);
        return true;
      }
      if (outcome.status.code() == Status::Code::kIoError) {
        IndexFault(outcome.status);  // the index's fault: retried next run
        return false;
      }
      ReprocessFailed(f.path, f.sha, f.rework, "extract", outcome.status.message());
      return true;
    });
    progress_.Clear();
    forced_extract_.clear();
  }

  // Documents indexed under another rulebook: re-run extract + index only
  // (text and OCR are reused from the index).
  void ReExtractStale() {
    auto stale = index_.DocumentsWithStaleExtraction(ExtractStageVersion(rulebook_));
    if (!stale.ok()) return IndexFault(stale.status());
    if (stale->empty()) return;
    // Every document indexed under another rulebook: on a large index this is
    // the run's longest step, so it shows its own progress line.
    progress_.StartStep("re-extracting (rulebook changed)", static_cast<int64_t>(stale->size()));
    int64_t seen = 0;
    const int64_t handed =
        ReExtractDocuments(index_, rulebook_, *stale, ReExtractOptions(), [&](const ReExtractOutcome& outcome) {
          progress_.UpdateStep(++seen);
          if (outcome.status.ok()) {
            ++counts_.re_extracted;
            counts_.clauses_found += outcome.clauses;
            return true;
          }
          if (outcome.status.code() == Status::Code::kIoError) {
            IndexFault(outcome.status);
            return false;
          }
          const std::string id = std::to_string(outcome.document_id);
          progress_.Clear();
          err_ << "foiamine: error: re-extracting document " << id << ": " << outcome.status.message() << "\n";
          IndexFault(index_.RecordEvent(run_id_, "error", "", "re-extracting document " + id + ": " +
                                                                  outcome.status.message()));
          return true;
        });
    progress_.Clear();
    if (index_error_.ok() && handed < static_cast<int64_t>(stale->size())) counts_.interrupted = true;
  }

  // The document with this content among those in flight, if any.
  PendingDocument* InFlight(const std::string& sha) {
    auto it = std::find_if(in_flight_.begin(), in_flight_.end(), [&](const PendingDocument& p) { return p.sha == sha; });
    return it == in_flight_.end() ? nullptr : &*it;
  }

  void Tick() {
    const RunTotals& t = counts_.totals;
    progress_.Update(t.files_seen - static_cast<int64_t>(in_flight_.size()), t.pages_indexed,
                     t.docs_failed + static_cast<int64_t>(counts_.skipped_failures.size()));
  }

  const RunOptions& options_;
  Index& index_;
  const int64_t run_id_;
  const extractors::Rulebook& rulebook_;
  std::ostream& err_;
  RunCounts counts_;
  Status index_error_;  // see IndexFault
  // Attachments and messages found inside documents; declared before the
  // pool, so they outlive the OCR jobs that read them.
  DerivedFiles derived_files_;
  OcrPool pool_;
  // Reads new PDFs' text layers ahead of the writer (pipeline/pdf_text.h),
  // the first ones maybe before the run began (run_start.h).
  RunReadAhead& text_;
  static constexpr int kTextAhead = 3;  // requests outstanding: one queued behind two helpers
  int texts_started_ = 0;
  RunPlanner planner_;
  // --force extract: the drop's indexed documents to re-extract after it.
  struct ForcedExtract {
    int64_t document_id;
    DocumentPath path;
    std::string sha;
    Rework rework;
  };
  std::vector<ForcedExtract> forced_extract_;
  // Documents whose OCR is running, in the order they were found; each is
  // written (by this thread, the only writer) when it and all before it are done.
  // The window is wide so that text extraction (this thread) goes on while
  // the workers OCR a scanned page of an earlier document: with ~1% scanned
  // pages a narrow window stalled this thread behind every scan and the two
  // stages ran one after the other. It is bounded in pages too, because a
  // waiting document holds its text-layer words (page images never wait:
  // workers render them when they start a job).
  std::deque<PendingDocument> in_flight_;
  const size_t max_in_flight_;
  static constexpr size_t kMaxPagesInFlight = 4000;
  size_t pages_in_flight_ = 0;
  // One compute thread per job: documents are computed side by side (each
  // job touches only its own document; a scanned one waits on its OCR
  // without holding up the next) and written in the order found.
  // Declared after in_flight_ and pool_: destroyed (joined) before the
  // documents and OCR results its jobs use.
  ComputeThreads compute_;
  // A redrawn line on a terminal (which replaces the per-document lines),
  // periodic plain lines otherwise.
  Progress progress_;
};

int RunDropsWith(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  g_stop_requested.store(false);
  ClearCancel();
  // Usage checks first: nothing is created or changed when they fail.
  if (int usage = CheckRunUsage(options, err); usage != kExitOk) return usage;
  std::optional<ForcedStage> forced;
  if (!options.force_stage.empty()) forced = ParseForcedStage(options.force_stage);
  const std::string rulebook_path = ResolveRulebookPath(options.rulebook_path);
  // The rulebook compiles on a thread of its own while this one checks the
  // languages and the text helpers read the first PDFs (run_start.h); its
  // error still comes first and stops the run before anything changes.
  RulebookLoad rulebook_load(rulebook_path);
  OcrSettings check;
  check.languages = options.languages;
  // A language without its data is a usage error, found before anything changes.
  const Status languages = OcrEngine::CheckLanguages(check);
  PdfTextLimits text_limits;
  text_limits.timeout_seconds = options.pdf_timeout_seconds;
  text_limits.helper_executable = options.helper_executable;
  RunReadAhead text(options, text_limits, TextHelpers());
  text.ReadAheadWhile([&](std::chrono::milliseconds wait) { return rulebook_load.Done(wait); });
  const StatusOr<extractors::Rulebook>& rulebook = rulebook_load.Get();
  if (!rulebook.ok()) {
    err << "foiamine run: " << rulebook.status().message() << "\n";
    return kExitUsage;
  }
  if (!languages.ok()) {
    err << "foiamine run: --lang " << options.languages << ": " << languages.message() << "\n";
    return kExitUsage;
  }
  if (options.dry_run) return PrintRunPlan(options, rulebook.value(), forced, out, err);
  // One writer per index (pipeline/writer_lock.h); held until the run returns.
  auto writer_lock = WriterLock::Acquire(options.db_path);
  if (!writer_lock.ok()) {
    err << "foiamine run: " << writer_lock.status().message() << "\n";
    return kExitUsage;
  }
  auto index = Index::Open(options.db_path, Index::Access::kWrite);
  if (!index.ok()) {
    err << "foiamine run: " << index.status().message() << "\n";
    return kExitUsage;
  }
  std::string drops_text;
  for (const auto& d : options.drops) drops_text += (drops_text.empty() ? "" : "\n") + d;
  auto run_id = index->BeginRun(drops_text, options.command_line);
  if (!run_id.ok()) {
    err << "foiamine run: cannot record the run: " << run_id.status().message() << "\n";
    return kExitUsage;
  }

  text.Started();
  DropRun run(options, *index, *run_id, rulebook.value(), forced, text, err);
  run.Run();
  RunCounts& counts = run.counts();
  RunTotals& totals = counts.totals;
  totals.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // A page that could not be OCR'd is an input not fully processed: partial.
  // A failure recorded earlier and skipped as unchanged still leaves this
  // drop with a failed input in the index, so the run stays partial (exit 2)
  // until the file is fixed, removed, or retried successfully.
  // Likewise pages that failed OCR in an earlier run and were not retried.
  const bool partial = totals.docs_failed > 0 || counts.ocr_failed > 0 || !counts.skipped_failures.empty() ||
                       counts.awaiting_ocr_earlier > 0;
  totals.exit_code = counts.interrupted ? kExitInterrupted : partial ? kExitPartial : kExitOk;
  if (!run.index_error().ok()) totals.exit_code = kExitUsage;
  Status finished = index->FinishRun(*run_id, totals);
  PrintRunSummary(counts, *run_id, options.db_path, rulebook_path, out);
  const Status& fault = run.index_error().ok() ? finished : run.index_error();
  if (!fault.ok()) {
    err << "foiamine run: stopped: cannot write to the index " << options.db_path << ": " << fault.message()
        << "\n  every document written before this is kept; the rest were not marked failed: free space (or fix"
           " the error) and re-run the same command to resume\n";
    return kExitUsage;
  }
  return totals.exit_code;
}

}  // namespace

void RequestStop() {
  g_stop_requested.store(true);
  RequestCancel();
}

int RunDrops(const RunOptions& given, std::ostream& out, std::ostream& err) {
  return RunDropsWith(InheritOcrSettings(given, err), out, err);
}

}  // namespace foiamine
