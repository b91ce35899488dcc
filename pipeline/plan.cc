#include "pipeline/plan.h"

#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>

#include "base/sha256.h"
#include "pipeline/extract_stage.h"
#include "pipeline/shard.h"

namespace foiamine {
namespace fs = std::filesystem;

RunPlanner::RunPlanner(Index* index, const RunOptions& options, CurrentVersions current, ReworkPolicy policy)
    : index_(index), options_(options), current_(std::move(current)), policy_(std::move(policy)) {}

FilePlan RunPlanner::Decide(const DropFile& file, const std::function<bool(const std::string&)>& pending) {
  FilePlan plan;
  auto sha = Sha256File(file.absolute);
  if (!sha.ok()) {
    plan.action = FilePlan::Action::kUnreadable;
    plan.reason = sha.status().message();
    return plan;
  }
  plan.sha256 = std::move(sha.value());
  // A file found inside another (an e-mail's attachment) goes with its
  // container's shard: only the shard that opens the container sees it.
  if (!file.derived && !InShard(plan.sha256, options_.shard)) {
    plan.action = FilePlan::Action::kOtherShard;
    return plan;
  }
  // An index that cannot be read is not an absent document: the file is
  // not processed, and says why.
  auto cannot_read = [&](const Status& status) {
    plan.action = FilePlan::Action::kUnreadable;
    plan.reason = "the index cannot be read: " + status.message();
    return plan;
  };
  if (index_) {
    auto indexed = index_->FindIndexedDocument(plan.sha256);
    if (!indexed.ok()) return cannot_read(indexed.status());
    plan.indexed = std::move(*indexed);
  }
  if (plan.indexed) {
    // A document is redone once, under the first path the run finds.
    if (!seen_.insert(plan.sha256).second) {
      plan.action = FilePlan::Action::kIndexedAgain;
      return plan;
    }
    plan.action = FilePlan::Action::kIndexed;
    plan.rework = PlanRework(*plan.indexed, current_, policy_);
    return plan;
  }
  // A file that failed before with this very content fails again: skipped
  // (its failure stays recorded) unless asked to retry.
  if (index_) {
    auto failure = index_->FindFailure(file.path);
    if (!failure.ok()) return cannot_read(failure.status());
    plan.failure = std::move(*failure);
  }
  if (plan.failure && !options_.retry_failed && !plan.failure->sha256.empty() && plan.failure->sha256 == plan.sha256) {
    plan.action = FilePlan::Action::kSkipFailed;
    return plan;
  }
  if (pending(plan.sha256)) {
    plan.action = FilePlan::Action::kDuplicate;
    return plan;
  }
  seen_.insert(plan.sha256);
  plan.action = FilePlan::Action::kNew;
  return plan;
}

int PrintRunPlan(const RunOptions& options, const extractors::Rulebook& rulebook, std::optional<ForcedStage> forced,
                 std::ostream& out, std::ostream& err) {
  std::optional<Index> index;
  std::error_code ec;
  if (fs::exists(options.db_path, ec)) {
    auto opened = Index::Open(options.db_path, Index::Access::kRead);
    if (!opened.ok()) {
      err << "foiamine run: " << opened.status().message() << "\n";
      return kExitUsage;
    }
    index.emplace(std::move(opened.value()));
  }
  OcrSettings ocr_settings;
  ocr_settings.languages = options.languages;
  ocr_settings.dpi = options.dpi;
  const CurrentVersions current = CurrentStageVersions(ocr_settings, ExtractStageVersion(rulebook));
  const ReworkPolicy policy{forced, options.force_ocr, options.retry_failed};
  std::map<std::string, int64_t> counts;
  std::map<Rework::Kind, int64_t> reprocess;
  int64_t files = 0;
  std::ostringstream lines;
  // `what` is counted in the plan line; `label` (default: what) is shown.
  auto line = [&](const std::string& what, const std::string& path, const std::string& detail = "",
                  const std::string& label = "") {
    ++counts[what];
    const std::string& shown = label.empty() ? what : label;
    lines << "  " << shown << std::string(shown.size() < 28 ? 28 - shown.size() : 1, ' ') << path
          << (detail.empty() ? "" : ": " + detail) << "\n";
  };
  // An indexed document found again: what the run would redo, and why.
  auto indexed_line = [&](const IndexedDocument& doc, const Rework& rework, const std::string& path) {
    const std::string awaiting =
        doc.pages_awaiting_ocr > 0 && rework.kind != Rework::Kind::kText && rework.kind != Rework::Kind::kOcr
            ? std::to_string(doc.pages_awaiting_ocr) + " page" + (doc.pages_awaiting_ocr == 1 ? "" : "s") +
                  " awaiting OCR (--retry-failed retries)"
            : "";
    auto join = [](const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + "; " + b; };
    switch (rework.kind) {
      case Rework::Kind::kNone:
        if (doc.extract_version != current.extract) {
          line("re-extract", path, join("rulebook changed", awaiting));
        } else {
          line("unchanged", path, join(rework.reason, awaiting));
        }
        return;
      case Rework::Kind::kExtract:
        line("re-extract", path, join(rework.reason, awaiting));
        break;
      case Rework::Kind::kOcr:
        line("re-OCR", path, rework.reason,
             "re-OCR (" + std::to_string(rework.ocr_pages) + " page" + (rework.ocr_pages == 1 ? ")" : "s)"));
        break;
      case Rework::Kind::kText:
        line("re-text", path,
             rework.reason + (rework.ocr_pages ? "; " + std::to_string(rework.ocr_pages) + " page" +
                                                     (rework.ocr_pages == 1 ? "" : "s") + " to OCR" +
                                                     (rework.bypass_ocr_cache ? "" : " (the OCR cache may answer)")
                                               : ""));
        break;
    }
    ++reprocess[rework.kind];
  };
  RunPlanner planner(index ? &*index : nullptr, options, current, policy);
  const auto pending = [&](const std::string& sha) { return planner.Seen(sha); };
  for (const auto& drop : options.drops) {
    ScannedDrop scanned = ScanDrop(drop);
    for (const auto& w : scanned.warnings) err << "foiamine: " << w << "\n";
    for (const auto& [path, reason] : scanned.scan.unreadable) line("unreadable", path.display, reason);
    for (const auto& file : scanned.scan.files) {
      ++files;
      const FilePlan plan = planner.Decide(file, pending);
      const std::string& shown = file.path.display;
      switch (plan.action) {
        case FilePlan::Action::kUnreadable: line("unreadable", shown, plan.reason); break;
        case FilePlan::Action::kOtherShard: line("other shard", shown); break;
        case FilePlan::Action::kIndexed: indexed_line(*plan.indexed, plan.rework, shown); break;
        // The run redoes a document once, under the first path it finds.
        case FilePlan::Action::kIndexedAgain: line("unchanged", shown); break;
        case FilePlan::Action::kSkipFailed: line("failed-unchanged (skipped)", shown, plan.failure->reason); break;
        case FilePlan::Action::kDuplicate: line("duplicate", shown, "same content as another new file"); break;
        case FilePlan::Action::kNew:
          if (plan.failure && !plan.failure->sha256.empty() && plan.failure->sha256 == plan.sha256) {
            line("failed-unchanged (retried)", shown, plan.failure->reason);
          } else if (plan.failure) {
            line("changed-since-failure", shown);
          } else {
            line("new", shown);
          }
          break;
      }
    }
  }
  int64_t stale = 0;
  if (index) {
    auto ids = index->DocumentsWithStaleExtraction(ExtractStageVersion(rulebook));
    if (ids.ok()) stale = static_cast<int64_t>(ids->size());
  }
  out << "foiamine run --dry-run: " << files << " file" << (files == 1 ? "" : "s") << " -> " << options.db_path
      << (index ? "" : " (absent: would be created)") << "; nothing was changed\n";
  out << lines.str();
  out << "  plan:";
  bool first = true;
  for (const char* what : {"new", "changed-since-failure", "failed-unchanged (retried)", "re-text", "re-OCR",
                           "re-extract", "unchanged", "duplicate", "failed-unchanged (skipped)", "other shard",
                           "unreadable"}) {
    if (!counts.count(what)) continue;
    out << (first ? " " : ", ") << what << " " << counts[what];
    first = false;
  }
  if (first) out << " no files";
  out << "\n";
  const int64_t reprocess_total =
      reprocess[Rework::Kind::kText] + reprocess[Rework::Kind::kOcr] + reprocess[Rework::Kind::kExtract];
  out << "  re-process      " << reprocess_total << " document" << (reprocess_total == 1 ? "" : "s")
      << " (text: " << reprocess[Rework::Kind::kText] << ", ocr: " << reprocess[Rework::Kind::kOcr]
      << ", extract: " << reprocess[Rework::Kind::kExtract] << ")\n";
  out << "  re-extract      " << stale << " document" << (stale == 1 ? "" : "s")
      << " (rulebook changed; text and OCR reused)\n";
  return kExitOk;
}

}  // namespace foiamine
