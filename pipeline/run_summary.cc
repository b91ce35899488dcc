#include "pipeline/run_summary.h"

#include <cstdio>

namespace foiamine {

void PrintRunSummary(const RunCounts& c, int64_t run_id, const std::string& db_path, const std::string& rulebook_path,
                     std::ostream& out) {
  const RunTotals& totals = c.totals;
  out << "foiamine run " << run_id << ": " << totals.files_seen << " file" << (totals.files_seen == 1 ? "" : "s")
      << " -> " << db_path << "\n";
  out << "  new documents   " << totals.docs_new << " (" << c.new_pages << " pages)\n";
  out << "  unchanged       " << totals.docs_unchanged << "\n";
  int64_t reprocessed_total = 0;
  for (const auto& [kind, n] : c.reprocessed) reprocessed_total += n;
  auto reprocessed = [&](Rework::Kind kind) {
    auto it = c.reprocessed.find(kind);
    return it == c.reprocessed.end() ? int64_t{0} : it->second;
  };
  out << "  re-processed    " << reprocessed_total << " (text: " << reprocessed(Rework::Kind::kText)
      << ", ocr: " << reprocessed(Rework::Kind::kOcr) << ", extract: " << reprocessed(Rework::Kind::kExtract) << ")\n";
  out << "  clauses found   " << c.clauses_found << " (in the documents written; rulebook " << rulebook_path << ")\n";
  if (c.re_extracted) out << "  re-extracted    " << c.re_extracted << " (rulebook changed; text and OCR reused)\n";
  if (c.duplicate_paths) out << "  duplicate paths " << c.duplicate_paths << " (same content as another file)\n";
  out << "  failed          " << totals.docs_failed << "\n";
  for (const auto& [path, reason] : c.failures) out << "    " << path << ": " << reason << "\n";
  if (!c.skipped_failures.empty()) {
    out << "  failed earlier, unchanged: skipped " << c.skipped_failures.size()
        << " (--retry-failed retries them)\n";
    for (const auto& [path, reason] : c.skipped_failures) out << "    " << path << ": " << reason << "\n";
  }
  if (c.ocr_pages || c.ocr_failed) {
    out << "  OCR'd pages     " << c.ocr_pages;
    if (c.ocr_cached) out << " (" << c.ocr_cached << " from the OCR cache)";
    out << "\n";
  }
  if (c.pages_awaiting_ocr) {
    out << "  pages awaiting OCR " << c.pages_awaiting_ocr
        << " (OCR failed; each reason is in `foiamine status` and the run's events)\n";
  }
  if (c.awaiting_ocr_earlier) {
    out << "  pages awaiting OCR from earlier runs " << c.awaiting_ocr_earlier
        << " (not retried: --retry-failed or --force ocr retries them)\n";
  }
  if (c.hidden) out << "  hidden files skipped " << c.hidden << "\n";
  char wall[32];
  std::snprintf(wall, sizeof wall, "%.2f", totals.wall_seconds);
  out << "  wall time       " << wall << " s\n";
  if (c.interrupted) out << "  interrupted: re-run the same command to resume\n";
}

}  // namespace foiamine
