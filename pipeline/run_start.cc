#include "pipeline/run_start.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <utility>

#include "base/cancel.h"
#include "pipeline/extract_stage.h"
#include "pipeline/file_type.h"
#include "pipeline/index.h"
#include "pipeline/ocr_engine.h"
#include "pipeline/reprocess.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

bool CanCreateIndexAt(const std::string& db_path, std::string* why) {
  std::error_code ec;
  fs::path p(db_path);
  if (fs::exists(p, ec)) {
    if (fs::is_directory(p, ec)) {
      *why = "is a directory";
      return false;
    }
    return true;
  }
  fs::path parent = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  if (!fs::is_directory(parent, ec)) {
    *why = "its folder " + parent.string() + " does not exist";
    return false;
  }
  if (access(parent.c_str(), W_OK) != 0) {
    *why = "its folder " + parent.string() + " is not writable";
    return false;
  }
  return true;
}

}  // namespace

int CheckRunUsage(const RunOptions& options, std::ostream& err) {
  if (options.drops.empty()) {
    err << "foiamine run: no DROP given\n";
    return kExitUsage;
  }
  for (const auto& drop : options.drops) {
    std::error_code ec;
    if (!fs::exists(drop, ec)) {
      err << "foiamine run: drop not found: " << drop << "\n";
      return kExitUsage;
    }
  }
  if (!options.force_stage.empty() && !ParseForcedStage(options.force_stage)) {
    err << "foiamine run: --force " << options.force_stage << ": not a stage; one of text, ocr, extract\n";
    return kExitUsage;
  }
  std::string why;
  if (!CanCreateIndexAt(options.db_path, &why)) {
    err << "foiamine run: cannot write the index " << options.db_path << ": " << why << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

// --lang / --dpi not given and the index exists: take the OCR settings its
// newest OCR'd document was read with (stage_versions), so that a plain
// re-run of a drop indexed with --lang eng+spa neither re-OCRs it in the
// default eng nor reads the next instalment's scans with other settings.
// Says so on stderr when the inherited settings differ from the defaults.
RunOptions InheritOcrSettings(const RunOptions& given, std::ostream& err) {
  RunOptions options = given;
  if (options.languages_given && options.dpi_given) return options;
  std::error_code ec;
  if (!fs::exists(options.db_path, ec)) return options;
  auto index = Index::Open(options.db_path, Index::Access::kRead);
  if (!index.ok()) return options;  // reported by the caller's own open
  auto newest = index->db().Prepare(
      "SELECT version FROM stage_versions WHERE stage = 'ocr' AND document_id = "
      "(SELECT max(document_id) FROM stage_versions WHERE stage = 'ocr')");
  // Only defaults are chosen here: on a read error they stay as given, and
  // the run's own open and reads of the index report the error.
  if (!newest.ok() || !newest->Step()) return options;
  auto recorded = ParseDocumentOcrVersion(newest->Text(0));
  if (!recorded) return options;
  std::string note;
  if (!options.languages_given && recorded->languages != options.languages) {
    options.languages = recorded->languages;
    note += " --lang " + options.languages;
  }
  if (!options.dpi_given && recorded->dpi > 0 && recorded->dpi != options.dpi) {
    options.dpi = recorded->dpi;
    note += " --dpi " + std::to_string(options.dpi);
  }
  if (!note.empty() && !options.quiet) {
    err << "foiamine run: OCR settings as the index was last OCR'd with:" << note << " (give --lang/--dpi to change)\n";
  }
  return options;
}

// Whether the file's bytes are a PDF (file_type.h), by its first 4 KiB.
bool IsPdfFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return DetectFileType(head) == FileType::kPdf;
}

RulebookLoad::RulebookLoad(const std::string& path)
    : loading_(std::async(std::launch::async, [path] { return LoadRulebookFile(path); })) {}

const StatusOr<extractors::Rulebook>& RulebookLoad::Get() {
  if (!loaded_) loaded_.emplace(loading_.get());
  return *loaded_;
}

bool RulebookLoad::Done(std::chrono::milliseconds wait) const {
  return loaded_ || loading_.wait_for(wait) == std::future_status::ready;
}

RunReadAhead::RunReadAhead(const RunOptions& options, const PdfTextLimits& limits, int helpers)
    : helpers_(std::max(1, helpers)), service_(std::make_unique<PdfTextService>(limits, helpers)) {
  std::error_code ec;
  if (options.dry_run || options.shard.count > 1 || options.drops.empty() || fs::exists(options.db_path, ec) || ec)
    return;
  scanned_drop_ = options.drops.front();
  scanned_ = ScanDrop(scanned_drop_);
  for (int i = 0; i < helpers_; ++i)
    if (!SubmitNext()) break;
}

bool RunReadAhead::SubmitNext() {
  if (!scanned_) return false;
  const std::vector<DropFile>& files = scanned_->scan.files;
  while (next_file_ < files.size() && ahead_.size() < kDocuments && bytes_ < kBytes) {
    const DropFile& file = files[next_file_++];
    if (ahead_.count(file.absolute) || !IsPdfFile(file.absolute)) continue;
    std::error_code ec;
    const uintmax_t size = fs::file_size(file.absolute, ec);
    bytes_ += ec ? 0 : size;
    ahead_.emplace(file.absolute, service_->Submit(file.absolute));
    return true;
  }
  return false;
}

void RunReadAhead::ReadAheadWhile(const std::function<bool(std::chrono::milliseconds)>& done) {
  if (!scanned_) return;
  while (!done(std::chrono::milliseconds(0))) {
    size_t in_flight = 0;
    for (const auto& [path, text] : ahead_)
      if (text.wait_for(std::chrono::seconds(0)) != std::future_status::ready) ++in_flight;
    while (in_flight < static_cast<size_t>(helpers_) && SubmitNext()) ++in_flight;
    if (in_flight == 0) return;  // the drop's PDFs are all read (or a cap is reached)
    if (done(std::chrono::milliseconds(5))) return;
  }
}

RunReadAhead::~RunReadAhead() {
  if (started_ || ahead_.empty()) return;
  // A usage error after the reads began: the helpers stop at once (a slow
  // PDF would hold the exit otherwise), and the flag is down again after.
  RequestCancel();
  service_.reset();
  ClearCancel();
}

ScannedDrop RunReadAhead::Scan(const std::string& drop) {
  if (scanned_ && drop == scanned_drop_) {
    ScannedDrop scanned = std::move(*scanned_);
    scanned_.reset();
    return scanned;
  }
  return ScanDrop(drop);
}

std::future<StatusOr<SourceDocument>> RunReadAhead::Text(const std::filesystem::path& path) {
  if (auto it = ahead_.find(path); it != ahead_.end()) {
    auto text = std::move(it->second);
    ahead_.erase(it);
    return text;
  }
  return service_->Submit(path);
}

}  // namespace foiamine
