#include "pipeline/runner.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <deque>
#include <future>
#include <cstring>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "extractors/dc_law_xml.h"
#include "pipeline/extract_stage.h"
#include "pipeline/file_type.h"
#include "pipeline/index.h"
#include "pipeline/manifest.h"
#include "pipeline/normalize.h"
#include "pipeline/ocr_cache.h"
#include "pipeline/ocr_pool.h"
#include "pipeline/ocr_triage.h"
#include "pipeline/pdf_text.h"
#include "pipeline/reprocess.h"
#include "pipeline/sha256.h"
#include "pipeline/text_file.h"
#include "pipeline/utf8.h"
#include "pipeline/zip_drop.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_stop_requested{false};

// A regular file found in a drop.
struct DropFile {
  fs::path absolute;
  DocumentPath path;  // drop root + relative path
};

struct DropScan {
  std::vector<DropFile> files;
  std::vector<std::pair<DocumentPath, std::string>> unreadable;  // directories we could not list
  int hidden_skipped = 0;
};

DocumentPath MakePath(const fs::path& root, const fs::path& relative) {
  DocumentPath p;
  p.drop_root = root.string();
  p.raw_bytes = relative.generic_string();
  p.display = EscapeInvalidUtf8(p.raw_bytes);
  return p;
}

// Walks `dir` recursively in byte order of names; does not follow links to
// directories (loops), does follow links to files.
void Walk(const fs::path& root, const fs::path& relative, DropScan& scan) {
  std::error_code ec;
  fs::directory_iterator it(root / relative, ec);
  if (ec) {
    scan.unreadable.emplace_back(MakePath(root, relative.empty() ? fs::path(".") : relative),
                                 "cannot list directory: " + ec.message());
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename().native() < b.path().filename().native(); });
  for (const auto& entry : entries) {
    fs::path name = entry.path().filename();
    fs::path rel = relative / name;
    if (name.native().front() == '.') {
      ++scan.hidden_skipped;
      continue;
    }
    if (relative.empty() && IsManifestName(name.native())) continue;
    std::error_code type_ec;
    bool is_link = entry.is_symlink(type_ec);
    if (entry.is_directory(type_ec)) {
      if (!is_link) Walk(root, rel, scan);
      continue;
    }
    if (entry.is_regular_file(type_ec)) {
      scan.files.push_back(DropFile{entry.path(), MakePath(root, rel)});
    }
  }
}

// A ZIP drop (pipeline/zip_drop.h): its accepted entries become the drop's
// files (drop_root = the archive, relative path = the entry's name), its
// refused entries failures, and a root manifest.csv/json its manifest.
// Returns the ZipDrop, which must outlive the processing of scan.files.
std::optional<ZipDrop> ScanZipDrop(const fs::path& zip_path, DropScan& scan, Manifest& manifest,
                                   std::vector<std::string>& warnings) {
  auto zip = ZipDrop::Open(zip_path);
  if (!zip.ok()) {
    scan.unreadable.emplace_back(MakePath(zip_path.parent_path(), zip_path.filename()), zip.status().message());
    return std::nullopt;
  }
  for (const auto& refusal : zip->refusals()) scan.unreadable.emplace_back(MakePath(zip_path, refusal.name), refusal.reason);
  auto loaded = LoadManifest(zip->dir());
  if (loaded.ok()) manifest = std::move(loaded.value());
  else warnings.push_back(loaded.status().message() + " (manifest ignored)");
  for (const auto& entry : zip->entries()) {
    if (entry.name.find('/') == std::string::npos && IsManifestName(entry.name)) continue;
    scan.files.push_back(DropFile{entry.extracted, MakePath(zip_path, entry.name)});
  }
  return std::move(zip.value());
}

// One drop, listed: its files, manifest and (for a ZIP drop) the archive
// whose extracted entries the files are; warnings about the manifest or ZIP.
struct ScannedDrop {
  DropScan scan;
  Manifest manifest;
  std::optional<ZipDrop> zip;  // must outlive the processing of scan.files
  std::vector<std::string> warnings;
};

ScannedDrop ScanDrop(const std::string& drop) {
  ScannedDrop out;
  fs::path drop_path = fs::absolute(drop).lexically_normal();
  if (drop_path.has_filename() == false) drop_path = drop_path.parent_path();
  std::error_code ec;
  if (!fs::is_directory(drop_path, ec) && IsZipFile(drop_path)) {
    out.zip = ScanZipDrop(drop_path, out.scan, out.manifest, out.warnings);
  } else if (fs::is_directory(drop_path, ec)) {
    auto loaded = LoadManifest(drop_path);
    if (loaded.ok()) {
      out.manifest = std::move(loaded.value());
    } else {
      out.warnings.push_back(loaded.status().message() + " (manifest ignored)");
    }
    Walk(drop_path, fs::path(), out.scan);
  } else {
    out.scan.files.push_back(DropFile{drop_path, MakePath(drop_path.parent_path(), drop_path.filename())});
  }
  return out;
}

std::string ReadHead(const fs::path& path, size_t n, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot read: ") + std::strerror(errno);
    return {};
  }
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

StatusOr<std::string> ReadAll(const fs::path& path, uintmax_t limit) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::IoError("cannot stat: " + ec.message());
  if (size > limit) return Status::Unsupported("text file larger than " + std::to_string(limit >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return Status::IoError("cannot read the whole file");
  return bytes;
}

struct Outcome {
  bool ok = false;
  std::string stage, reason;
  int pages = 0, pages_need_ocr = 0, clauses = 0;
  std::vector<std::string> warnings;
  int ocr_pages = 0, ocr_cached = 0, ocr_failed = 0;
};

// A document between extraction and its write: its pages' OCR may still be
// running on the pool's workers.
struct PendingDocument {
  int64_t ordinal = 0;  // files_seen when it was found, for progress lines
  std::string sha;
  DocumentPath path;
  Outcome outcome;
  DocumentRecord record;
  std::vector<std::pair<size_t, std::future<OcrOutcome>>> ocr;  // page index -> result
  extractors::DocumentMetadata known;                 // what the extractors are told
  std::vector<extractors::Section> explicit_sections;  // official law XML's own structure
  bool law_xml = false;  // pages are already normalized text (no words to normalize)
  // Re-processing an indexed document (pipeline/reprocess.h): its id, what
  // is redone and why, and the path its citations name (its first path).
  std::optional<int64_t> replaces;
  Rework rework;
  std::string citation_path;

  // Waits up to `d` for the first page whose OCR is still running.
  void WaitFor(std::chrono::milliseconds d) const {
    for (const auto& [page, future] : ocr) {
      if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        future.wait_for(d);
        return;
      }
    }
  }

  bool Ready() const {
    for (const auto& [page, future] : ocr) {
      if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    }
    return true;
  }
};

// Hashes were taken; detects the type, extracts pages, triages them for OCR
// and queues the OCR jobs. On failure pending.outcome.ok is false. `given`:
// for an indexed document being re-processed, the metadata it was given
// when first indexed (told to the extractors instead of this drop's manifest).
void PrepareDocument(PendingDocument& pending, const DropFile& file, const Manifest& manifest,
                     const RunOptions& options, OcrPool& pool, const extractors::DocumentMetadata* given) {
  Outcome& outcome = pending.outcome;
  auto fail = [&](const std::string& stage, const std::string& reason) {
    outcome.ok = false;
    outcome.stage = stage;
    outcome.reason = reason;
  };
  std::string head_error;
  std::string head = ReadHead(file.absolute, 4096, &head_error);
  if (!head_error.empty()) return fail("ingest", head_error);
  FileType type = DetectFileType(head);
  FileType claimed = TypeClaimedByName(file.path.raw_bytes);
  switch (type) {
    case FileType::kEmpty: return fail("ingest", "empty file (0 bytes)");
    case FileType::kHtml:
      return fail("ingest", std::string(claimed == FileType::kPdf ? "named .pdf but is an HTML page" : "HTML page") +
                                " (" + DescribeHead(head) + "); HTML is not a supported document type");
    case FileType::kZip:
      return fail("ingest", "ZIP archive inside a drop folder: pass it as a DROP of its own (foiamine run FILE.zip)");
    case FileType::kUnknown:
      return fail("ingest", "unrecognized file type (" + DescribeHead(head) + ")");
    default: break;
  }
  if (claimed != FileType::kUnknown && claimed != type && !(claimed == FileType::kText && type == FileType::kXml)) {
    if (claimed == FileType::kPdf) {
      return fail("ingest", std::string("named .pdf but its content is ") + FileTypeName(type) + " (" +
                                DescribeHead(head) + ")");
    }
    outcome.warnings.push_back(std::string("named as ") + FileTypeName(claimed) + " but its content is " +
                               FileTypeName(type) + "; read as " + FileTypeName(type));
  }

  StatusOr<SourceDocument> source = Status::Internal("unreachable");
  // Official law XML brings its own text layout and section structure.
  std::optional<extractors::DocumentInput> law_xml;
  switch (type) {
    case FileType::kPdf: {
      PdfTextLimits limits;
      limits.timeout_seconds = options.pdf_timeout_seconds;
      limits.helper_executable = options.helper_executable;
      source = ExtractPdfText(file.absolute, limits);
      break;
    }
    case FileType::kPng:
    case FileType::kJpeg:
    case FileType::kTiff: source = ProbeImage(file.absolute, type); break;
    case FileType::kText:
    case FileType::kXml: {
      auto bytes = ReadAll(file.absolute, uintmax_t{256} << 20);
      if (!bytes.ok()) return fail("text", bytes.status().message());
      if (type == FileType::kXml) {
        auto parsed = extractors::ParseDcCodeXml(bytes.value());
        if (parsed.ok()) {
          law_xml = std::move(parsed.value());
        } else {
          outcome.warnings.push_back("XML is not D.C. Code XML (" + parsed.status().message() +
                                     "); indexed as plain text");
        }
      }
      source = PagesFromText(bytes.value());
      break;
    }
    default: break;
  }
  if (!source.ok()) return fail("text", source.status().message());
  for (auto& w : source->warnings) outcome.warnings.push_back(w);

  DocumentRecord& record = pending.record;
  record.sha256 = pending.sha;
  record.file_type = FileTypeName(type);
  std::error_code ec;
  record.size_bytes = static_cast<int64_t>(fs::file_size(file.absolute, ec));
  record.pdf_title = source->pdf_title;
  record.text_version = TextStageVersion();
  record.pages = std::move(source->pages);
  const bool ocr_able = type == FileType::kPdf || type == FileType::kPng || type == FileType::kJpeg ||
                        type == FileType::kTiff;
  for (size_t i = 0; i < record.pages.size(); ++i) {
    SourcePage& page = record.pages[i];
    if (!ocr_able) continue;
    OcrDecision decision = TriagePage(page, options.force_ocr);
    if (!decision.needs_ocr) continue;
    page.needs_ocr = true;
    page.ocr_reason = decision.reason;
    ++outcome.pages_need_ocr;
    OcrJob job{file.absolute, type == FileType::kPdf, static_cast<int>(i), pending.rework.bypass_ocr_cache};
    pending.ocr.emplace_back(i, pool.Submit(std::move(job)));
  }
  if (law_xml) {
    // The law XML's pages replace the raw markup: its text is already
    // normalized and its sections are exact.
    record.pages.clear();
    record.normalized.clear();
    for (const auto& page : law_xml->pages) {
      SourcePage source_page;
      source_page.page_no = page.page_no;
      source_page.method = PageMethod::kText;
      record.pages.push_back(std::move(source_page));
      NormalizedPage normalized;
      normalized.text = page.text;
      record.normalized.push_back(std::move(normalized));
    }
  }
  outcome.pages = static_cast<int>(record.pages.size());

  DocumentPath path = file.path;
  if (const ManifestEntry* entry = manifest.Find(path.raw_bytes)) {
    path.in_manifest = true;
    DocumentMetadata& m = record.metadata;
    m = DocumentMetadata{entry->title,  entry->number, entry->agency, entry->doc_kind, entry->authority,
                         entry->issued, entry->effective, "",        entry->source,   true,
                         entry->jurisdiction};
  }
  record.paths.push_back(path);

  // What the extractors are told up front: the manifest's fields, filled
  // where empty by what official law XML says of itself.
  extractors::DocumentMetadata& known = pending.known;
  known = extractors::DocumentMetadata{record.metadata.title,    record.metadata.number,
                                       record.metadata.agency,   record.metadata.doc_kind,
                                       record.metadata.authority, record.metadata.issued,
                                       record.metadata.effective, record.metadata.jurisdiction};
  if (given) known = *given;
  if (law_xml) {
    const auto& x = law_xml->metadata;
    for (auto [mine, theirs] : {std::pair{&known.title, &x.title}, {&known.number, &x.number},
                                {&known.agency, &x.agency}, {&known.doc_kind, &x.doc_kind},
                                {&known.authority, &x.authority}, {&known.effective, &x.effective}}) {
      if (mine->empty()) *mine = *theirs;
    }
    pending.explicit_sections = law_xml->sections;
    pending.law_xml = true;
  }
  outcome.ok = true;
}

// Waits for the document's OCR, merges it into its pages, normalizes and
// writes the document in one transaction. A page whose OCR failed keeps its
// text layer (if any) and its reason says why; the document is still written.
void FinishDocument(Index& index, PendingDocument& pending, const OcrPool& pool,
                    const extractors::Rulebook& rulebook, int64_t run_id) {
  const std::string& engine_version = pool.engine_version();
  Outcome& outcome = pending.outcome;
  DocumentRecord& record = pending.record;
  for (auto& [i, future] : pending.ocr) {
    OcrOutcome got = future.get();
    SourcePage& page = record.pages[i];
    if (!got.status.ok()) {
      ++outcome.ocr_failed;
      std::string what = got.stage == "render" ? "could not make the page image" : "OCR failed";
      page.ocr_reason += "; " + what + ": " + got.status.message();
      outcome.warnings.push_back("p. " + std::to_string(page.page_no) + ": " + what + ": " + got.status.message());
      continue;
    }
    ++outcome.ocr_pages;
    if (got.from_cache) ++outcome.ocr_cached;
    else {
      record.ocr_cache.push_back(OcrCacheEntry{got.cache_key, got.image_sha256, engine_version,
                                               EncodeOcrResult(got.result), got.result.mean_confidence});
    }
    page.words = std::move(got.result.words);
    page.method = PageMethod::kOcr;
    page.ocr_confidence = got.result.mean_confidence;
    if (!page.width_pt) page.width_pt = got.result.width_pt;
    if (!page.height_pt) page.height_pt = got.result.height_pt;
  }
  // Recorded when OCR was tried, read or not: pages that failed under this
  // version are retried when it changes (pipeline/reprocess.h).
  if (!pending.ocr.empty()) record.ocr_version = DocumentOcrVersion(pool.settings(), record.file_type == "pdf");
  if (!pending.law_xml) {
    for (const auto& page : record.pages) record.normalized.push_back(NormalizePage(page.words));
  }
  const std::string& citation_path = pending.replaces ? pending.citation_path : pending.path.display;
  record.extracted = RunExtractStage(rulebook, pending.sha, citation_path, pending.known,
                                     PagesForExtraction(record.pages, record.normalized), pending.explicit_sections);
  if (record.extracted->identity.title.value.empty()) {
    record.extracted->identity.title = {InferTitle(record.normalized, record.pdf_title), true};
  }
  outcome.clauses = static_cast<int>(record.extracted->clauses.size());
  Status written = pending.replaces ? index.ReplaceDocument(*pending.replaces, record)
                                     : index.WriteDocument(record, run_id).status();
  if (!written.ok()) {
    outcome.ok = false;
    outcome.stage = "index";
    outcome.reason = "cannot write to the index: " + written.message();
  }
}

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

// --dry-run: what a run would do with each file, changing nothing (an
// absent index is not created; an existing one is opened read-only).
int PrintPlan(const RunOptions& options, const extractors::Rulebook& rulebook, std::optional<ForcedStage> forced,
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
  std::set<std::string> seen;
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
  auto indexed_line = [&](const IndexedDocument& doc, const std::string& path) {
    const Rework rework = PlanRework(doc, current, policy);
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
  for (const auto& drop : options.drops) {
    ScannedDrop scanned = ScanDrop(drop);
    for (const auto& w : scanned.warnings) err << "foiamine: " << w << "\n";
    for (const auto& [path, reason] : scanned.scan.unreadable) line("unreadable", path.display, reason);
    for (const auto& file : scanned.scan.files) {
      ++files;
      auto sha = Sha256File(file.absolute);
      if (!sha.ok()) {
        line("unreadable", file.path.display, sha.status().message());
        continue;
      }
      if (!InShard(sha.value(), options.shard)) {
        line("other shard", file.path.display);
        continue;
      }
      if (auto indexed = index ? index->FindIndexedDocument(sha.value()) : std::nullopt) {
        // The run redoes a document once, under the first path it finds.
        if (seen.insert(sha.value()).second) indexed_line(*indexed, file.path.display);
        else line("unchanged", file.path.display);
        continue;
      }
      if (seen.count(sha.value())) {
        line("duplicate", file.path.display, "same content as another new file");
        continue;
      }
      auto failed = index ? index->FindFailure(file.path) : std::nullopt;
      if (failed && failed->sha256 == sha.value() && !failed->sha256.empty()) {
        if (options.retry_failed) {
          line("failed-unchanged (retried)", file.path.display, failed->reason);
        } else {
          line("failed-unchanged (skipped)", file.path.display, failed->reason);
          continue;
        }
      } else if (failed) {
        line("changed-since-failure", file.path.display);
      } else {
        line("new", file.path.display);
      }
      seen.insert(sha.value());
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

// Progress on stderr: on a terminal one line redrawn in place (documents
// and pages done, pages/s, ETA, failures so far); otherwise a plain line
// every 5 s; nothing when disabled (--quiet).
class Progress {
 public:
  Progress(std::ostream& err, bool enabled, bool tty)
      : err_(err), enabled_(enabled), tty_(tty), start_(std::chrono::steady_clock::now()), last_(start_) {}
  bool tty() const { return enabled_ && tty_; }
  void AddFiles(int64_t n) { total_files_ += n; }
  // files_done: files dealt with (indexed, unchanged, failed, skipped).
  void Update(int64_t files_done, int64_t pages, int64_t failures) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const double since = std::chrono::duration<double>(now - last_).count();
    if (since < (tty_ ? 0.2 : 5.0) && !(tty_ && !shown_once_)) return;
    shown_once_ = true;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.1f", elapsed > 0 ? static_cast<double>(pages) / elapsed : 0.0);
    std::string eta = "--:--";
    if (files_done > 0 && total_files_ >= files_done) {
      const auto left = static_cast<int64_t>(elapsed / static_cast<double>(files_done) *
                                             static_cast<double>(total_files_ - files_done));
      char buf[32];
      std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(left / 60), static_cast<long long>(left % 60));
      eta = buf;
    }
    std::ostringstream line;
    line << files_done << "/" << total_files_ << " files, " << pages << " pages, " << rate << " pages/s, ETA " << eta
         << ", " << failures << " failed";
    if (tty_) {
      err_ << "\r" << line.str() << "\033[K" << std::flush;
      shown_ = true;
    } else {
      err_ << "foiamine: progress: " << line.str() << "\n";
    }
  }
  // Clears the terminal line before another message is printed.
  void Clear() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  std::ostream& err_;
  bool enabled_, tty_;
  std::chrono::steady_clock::time_point start_, last_;
  int64_t total_files_ = 0;
  bool shown_ = false, shown_once_ = false;
};

}  // namespace

void RequestStop() { g_stop_requested.store(true); }

namespace {

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

int RunDropsWith(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace

int RunDrops(const RunOptions& given, std::ostream& out, std::ostream& err) {
  return RunDropsWith(InheritOcrSettings(given, err), out, err);
}

namespace {

int RunDropsWith(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  g_stop_requested.store(false);
  // Usage checks first: nothing is created or changed when they fail.
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
  std::optional<ForcedStage> forced;
  if (!options.force_stage.empty()) {
    forced = ParseForcedStage(options.force_stage);
    if (!forced) {
      err << "foiamine run: --force " << options.force_stage << ": not a stage; one of text, ocr, extract\n";
      return kExitUsage;
    }
  }
  std::string why;
  if (!CanCreateIndexAt(options.db_path, &why)) {
    err << "foiamine run: cannot write the index " << options.db_path << ": " << why << "\n";
    return kExitUsage;
  }
  const std::string rulebook_path = ResolveRulebookPath(options.rulebook_path);
  auto rulebook = LoadRulebookFile(rulebook_path);
  if (!rulebook.ok()) {
    err << "foiamine run: " << rulebook.status().message() << "\n";
    return kExitUsage;
  }
  {
    // A language without its data is a usage error, found before anything changes.
    OcrSettings check;
    check.languages = options.languages;
    Status languages = OcrEngine::CheckLanguages(check);
    if (!languages.ok()) {
      err << "foiamine run: --lang " << options.languages << ": " << languages.message() << "\n";
      return kExitUsage;
    }
  }
  if (options.dry_run) return PrintPlan(options, *rulebook, forced, out, err);
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

  RunTotals totals;
  int64_t pages_need_ocr = 0, duplicate_paths = 0, hidden = 0, clauses_found = 0, re_extracted = 0;
  // Indexed documents found again and re-processed (pipeline/reprocess.h), by
  // what was redone; pages still awaiting OCR in documents left as they were.
  std::map<Rework::Kind, int64_t> reprocessed;
  int64_t awaiting_ocr_earlier = 0;
  int64_t new_pages = 0;  // pages of new documents (totals.pages_indexed also counts re-processed ones)
  std::vector<std::pair<std::string, std::string>> failures;  // display path, reason
  // Recorded failures of unchanged files, not retried (see --retry-failed).
  std::vector<std::pair<std::string, std::string>> skipped_failures;  // display path, reason
  std::set<std::string> seen_this_run;
  bool interrupted = false;
  int64_t ocr_pages = 0, ocr_cached = 0, ocr_failed = 0;

  OcrSettings ocr_settings;
  ocr_settings.languages = options.languages;
  ocr_settings.dpi = options.dpi;
  OcrPool pool(ocr_settings, options.jobs > 0 ? options.jobs : 1, options.db_path);
  const CurrentVersions current = CurrentStageVersions(ocr_settings, ExtractStageVersion(*rulebook));
  const ReworkPolicy rework_policy{forced, options.force_ocr, options.retry_failed};
  // Documents whose OCR is running, in the order they were found; each is
  // written (by this thread, the only writer) when it and all before it are done.
  // The window is wide so that text extraction (this thread) goes on while
  // the workers OCR a scanned page of an earlier document: with ~1% scanned
  // pages a narrow window stalled this thread behind every scan and the two
  // stages ran one after the other. It is bounded in pages too, because a
  // waiting document holds its text-layer words (page images never wait:
  // workers render them when they start a job).
  std::deque<PendingDocument> in_flight;
  const size_t max_in_flight = std::max<size_t>(static_cast<size_t>(std::max(1, options.jobs)) * 2 + 2, 64);
  constexpr size_t kMaxPagesInFlight = 4000;
  size_t pages_in_flight = 0;

  // Progress display: a redrawn line on a terminal (which replaces the
  // per-document lines), periodic plain lines otherwise.
  Progress progress(err, !options.quiet, &err == &std::cerr && isatty(STDERR_FILENO) != 0);
  auto tick = [&] {
    progress.Update(totals.files_seen - static_cast<int64_t>(in_flight.size()), totals.pages_indexed,
                    totals.docs_failed + static_cast<int64_t>(skipped_failures.size()));
  };
  // A re-processing that failed: the document's indexed version is whole
  // (its rewrite is one transaction); the failure is recorded for its path
  // (cleared when the path is next seen with its document intact).
  auto reprocess_failed = [&](const DocumentPath& path, const std::string& sha, const Rework& rework,
                              const std::string& stage, const std::string& why) {
    const std::string reason = std::string("re-processing (") + ReworkName(rework.kind) + ", " + rework.reason +
                               ") failed; the indexed version is kept: " + why;
    index->RecordFailure(path, sha, stage, reason, *run_id);
    failures.emplace_back(path.display, reason);
    ++totals.docs_failed;
    progress.Clear();
    if (!options.quiet) err << "foiamine: error: " << path.display << ": " << reason << "\n";
  };
  auto reprocess_done = [&](const DocumentPath& path, const Rework& rework) {
    ++reprocessed[rework.kind];
    index->RecordEvent(*run_id, "info", path.display,
                       std::string("re-processed (") + ReworkName(rework.kind) + "): " + rework.reason);
  };
  // Records a prepared document: written, or its failure recorded.
  auto finish = [&](PendingDocument& pending) {
    Outcome& outcome = pending.outcome;
    if (outcome.ok) FinishDocument(*index, pending, pool, *rulebook, *run_id);
    const DocumentPath& path = pending.path;
    if (!options.quiet && (!outcome.warnings.empty() || !outcome.ok)) progress.Clear();
    for (const auto& warning : outcome.warnings) {
      index->RecordEvent(*run_id, "warning", path.display, warning);
      if (!options.quiet) err << "foiamine: warning: " << path.display << ": " << warning << "\n";
    }
    ocr_pages += outcome.ocr_pages;
    ocr_cached += outcome.ocr_cached;
    ocr_failed += outcome.ocr_failed;
    if (!outcome.ok && pending.replaces) {
      reprocess_failed(path, pending.sha, pending.rework, outcome.stage, outcome.reason);
      return;
    }
    if (!outcome.ok) {
      index->RecordFailure(path, pending.sha, outcome.stage, outcome.reason, *run_id);
      failures.emplace_back(path.display, outcome.reason);
      ++totals.docs_failed;
      if (!options.quiet) err << "foiamine: error: " << path.display << ": " << outcome.reason << "\n";
      return;
    }
    if (pending.replaces) {
      reprocess_done(path, pending.rework);
    } else {
      ++totals.docs_new;
      new_pages += outcome.pages;
      clauses_found += outcome.clauses;
    }
    totals.pages_indexed += outcome.pages;
    pages_need_ocr += outcome.ocr_failed;
    if (!options.quiet && !progress.tty()) {
      err << "[" << pending.ordinal << "] " << path.display << ": ";
      if (pending.replaces) {
        err << "re-processed (" << ReworkName(pending.rework.kind) << ", " << pending.rework.reason << "): ";
      }
      err << outcome.pages << " page" << (outcome.pages == 1 ? "" : "s");
      if (outcome.ocr_pages) {
        err << " (" << outcome.ocr_pages << " OCR'd";
        if (outcome.ocr_cached) err << ", " << outcome.ocr_cached << " from cache";
        err << ")";
      }
      if (outcome.ocr_failed) err << " (" << outcome.ocr_failed << " failed OCR)";
      err << "\n";
    }
  };
  // Writes finished documents from the front; with `all`, waits for every one.
  auto write_ready = [&](bool all) {
    while (!in_flight.empty() && (all || in_flight.size() > max_in_flight || pages_in_flight > kMaxPagesInFlight ||
                                  in_flight.front().Ready())) {
      // Keep the display alive while OCR runs.
      while (!options.quiet && !in_flight.front().Ready()) {
        in_flight.front().WaitFor(std::chrono::milliseconds(200));
        tick();
      }
      pages_in_flight -= in_flight.front().record.pages.size();
      finish(in_flight.front());
      tick();
      in_flight.pop_front();
    }
  };

  // A prepared document: its failure recorded now, or queued for its write.
  auto enqueue = [&](PendingDocument pending) {
    if (!pending.outcome.ok) {
      finish(pending);
    } else {
      pages_in_flight += pending.record.pages.size();
      in_flight.push_back(std::move(pending));
    }
    write_ready(false);
  };

  // An indexed document found again, first time in this run: left as it
  // is, re-extracted, or re-read from its file (pipeline/reprocess.h).
  auto on_indexed = [&](const IndexedDocument& existing, const DropFile& file, const DocumentPath& path,
                        const Manifest& manifest, const std::string& sha) {
    const Rework rework = PlanRework(existing, current, rework_policy);
    if (rework.kind == Rework::Kind::kNone || rework.kind == Rework::Kind::kExtract) {
      awaiting_ocr_earlier += existing.pages_awaiting_ocr;
    }
    if (rework.kind == Rework::Kind::kNone) {
      ++totals.docs_unchanged;
      return;
    }
    if (rework.kind == Rework::Kind::kExtract) {
      // From the stored text: no Poppler, no OCR.
      Status s = ReExtractDocument(*index, existing.id, *rulebook);
      if (s.ok()) reprocess_done(path, rework);
      else reprocess_failed(path, sha, rework, "extract", s.message());
      return;
    }
    // Read again from the file (whose content is the indexed one: same
    // SHA-256), then written over the old rows in one transaction.
    auto facts = ReadStoredDocumentFacts(*index, existing.id);
    if (!facts.ok()) {
      reprocess_failed(path, sha, rework, "index", facts.status().message());
      return;
    }
    PendingDocument pending;
    pending.ordinal = totals.files_seen;
    pending.sha = sha;
    pending.path = path;
    pending.replaces = existing.id;
    pending.rework = rework;
    pending.citation_path = facts->display_path;
    PrepareDocument(pending, file, manifest, options, pool, &facts->given);
    enqueue(std::move(pending));
  };

  for (const auto& drop : options.drops) {
    ScannedDrop scanned = ScanDrop(drop);
    DropScan& scan = scanned.scan;
    Manifest& manifest = scanned.manifest;
    progress.AddFiles(static_cast<int64_t>(scan.files.size()));
    progress.Clear();
    for (const auto& w : scanned.warnings) {
      err << "foiamine: " << w << "\n";
      index->RecordEvent(*run_id, "warning", "", w);
    }
    for (const auto& warning : manifest.warnings) {
      err << "foiamine: " << manifest.file_name << ": " << warning << "\n";
      index->RecordEvent(*run_id, "warning", manifest.file_name, warning);
    }
    hidden += scan.hidden_skipped;
    for (const auto& [path, reason] : scan.unreadable) {
      index->RecordFailure(path, "", "ingest", reason, *run_id);
      failures.emplace_back(path.display, reason);
      ++totals.docs_failed;
    }
    // Manifest rows that name no file are worth a warning: a typo hides metadata.
    for (const auto& [rel, entry] : manifest.entries) {
      (void)entry;
      bool found = std::any_of(scan.files.begin(), scan.files.end(),
                               [&](const DropFile& f) { return f.path.raw_bytes == rel; });
      if (!found) {
        std::string message = manifest.file_name + " lists " + rel + ", which is not in the drop";
        err << "foiamine: warning: " << message << "\n";
        index->RecordEvent(*run_id, "warning", rel, message);
      }
    }

    for (size_t i = 0; i < scan.files.size(); ++i) {
      if (g_stop_requested.load()) {
        interrupted = true;
        break;
      }
      const DropFile& file = scan.files[i];
      tick();
      ++totals.files_seen;
      auto sha = Sha256File(file.absolute);
      if (!sha.ok()) {
        index->RecordFailure(file.path, "", "ingest", sha.status().message(), *run_id);
        failures.emplace_back(file.path.display, sha.status().message());
        ++totals.docs_failed;
        progress.Clear();
        if (!options.quiet) err << "foiamine: error: " << file.path.display << ": " << sha.status().message() << "\n";
        continue;
      }
      if (!InShard(sha.value(), options.shard)) continue;  // another shard's document: not ours, not a failure
      DocumentPath path = file.path;
      path.in_manifest = manifest.Find(path.raw_bytes) != nullptr;
      if (auto existing = index->FindIndexedDocument(sha.value())) {
        auto added = index->AddPath(existing->id, path, *run_id);
        if (!added.ok()) err << "foiamine: error: " << path.display << ": " << added.status().message() << "\n";
        if (seen_this_run.count(sha.value())) {
          ++duplicate_paths;
          continue;
        }
        seen_this_run.insert(sha.value());
        on_indexed(*existing, file, path, manifest, sha.value());
        continue;
      }
      // A file that failed before with this very content fails again:
      // skip it (its failure stays recorded) unless asked to retry.
      if (auto failed = index->FindFailure(path);
          failed && !options.retry_failed && !failed->sha256.empty() && failed->sha256 == sha.value()) {
        skipped_failures.emplace_back(path.display, failed->reason);
        if (!options.quiet) {
          progress.Clear();
          err << "foiamine: skipped: " << path.display << ": failed earlier, unchanged (" << failed->reason
              << "); --retry-failed retries it\n";
        }
        continue;
      }
      // The same content already found earlier in this run and still in
      // flight: this path is written with it.
      auto same = std::find_if(in_flight.begin(), in_flight.end(),
                               [&](const PendingDocument& p) { return p.sha == sha.value(); });
      if (same != in_flight.end()) {
        same->record.paths.push_back(path);
        ++duplicate_paths;
        continue;
      }
      seen_this_run.insert(sha.value());
      PendingDocument pending;
      pending.ordinal = totals.files_seen;
      pending.sha = sha.value();
      pending.path = path;
      PrepareDocument(pending, file, manifest, options, pool, nullptr);
      enqueue(std::move(pending));
    }
    // A ZIP drop's extracted entries are removed with `scanned`: finish
    // every document read from them first.
    if (scanned.zip) write_ready(true);
    if (interrupted) break;
  }

  write_ready(true);
  progress.Clear();
  // A stop asked for while the last documents were in flight: they were
  // written, but the run still reports the interruption (exit 3) and skips
  // the re-extraction below.
  if (g_stop_requested.load()) interrupted = true;
  // Documents indexed under another rulebook: re-run extract + index only
  // (text and OCR are reused from the index).
  if (!interrupted) {
    auto stale = index->DocumentsWithStaleExtraction(ExtractStageVersion(*rulebook));
    if (stale.ok()) {
      for (int64_t id : *stale) {
        if (g_stop_requested.load()) {
          interrupted = true;
          break;
        }
        Status s = ReExtractDocument(*index, id, *rulebook);
        if (s.ok()) {
          ++re_extracted;
        } else {
          err << "foiamine: error: re-extracting document " << id << ": " << s.message() << "\n";
          index->RecordEvent(*run_id, "error", "", "re-extracting document " + std::to_string(id) + ": " + s.message());
        }
      }
    }
  }

  totals.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // A page that could not be OCR'd is an input not fully processed: partial.
  // A failure recorded earlier and skipped as unchanged still leaves this
  // drop with a failed input in the index, so the run stays partial (exit 2)
  // until the file is fixed, removed, or retried successfully.
  // Likewise pages that failed OCR in an earlier run and were not retried.
  const bool partial =
      totals.docs_failed > 0 || ocr_failed > 0 || !skipped_failures.empty() || awaiting_ocr_earlier > 0;
  totals.exit_code = interrupted ? kExitInterrupted : partial ? kExitPartial : kExitOk;
  index->FinishRun(*run_id, totals);

  out << "foiamine run " << *run_id << ": " << totals.files_seen << " file" << (totals.files_seen == 1 ? "" : "s")
      << " -> " << options.db_path << "\n";
  out << "  new documents   " << totals.docs_new << " (" << new_pages << " pages)\n";
  out << "  unchanged       " << totals.docs_unchanged << "\n";
  int64_t reprocessed_total = 0;
  for (const auto& [kind, n] : reprocessed) reprocessed_total += n;
  out << "  re-processed    " << reprocessed_total << " (text: " << reprocessed[Rework::Kind::kText]
      << ", ocr: " << reprocessed[Rework::Kind::kOcr] << ", extract: " << reprocessed[Rework::Kind::kExtract] << ")\n";
  out << "  clauses found   " << clauses_found << " (rulebook " << rulebook_path << ")\n";
  if (re_extracted) out << "  re-extracted    " << re_extracted << " (rulebook changed; text and OCR reused)\n";
  if (duplicate_paths) out << "  duplicate paths " << duplicate_paths << " (same content as another file)\n";
  out << "  failed          " << totals.docs_failed << "\n";
  for (const auto& [path, reason] : failures) out << "    " << path << ": " << reason << "\n";
  if (!skipped_failures.empty()) {
    out << "  failed earlier, unchanged: skipped " << skipped_failures.size()
        << " (--retry-failed retries them)\n";
    for (const auto& [path, reason] : skipped_failures) out << "    " << path << ": " << reason << "\n";
  }
  if (ocr_pages || ocr_failed) {
    out << "  OCR'd pages     " << ocr_pages;
    if (ocr_cached) out << " (" << ocr_cached << " from the OCR cache)";
    out << "\n";
  }
  if (pages_need_ocr) {
    out << "  pages awaiting OCR " << pages_need_ocr
        << " (OCR failed; each reason is in `foiamine status` and the run's events)\n";
  }
  if (awaiting_ocr_earlier) {
    out << "  pages awaiting OCR from earlier runs " << awaiting_ocr_earlier
        << " (not retried: --retry-failed or --force ocr retries them)\n";
  }
  if (hidden) out << "  hidden files skipped " << hidden << "\n";
  char wall[32];
  std::snprintf(wall, sizeof wall, "%.2f", totals.wall_seconds);
  out << "  wall time       " << wall << " s\n";
  if (interrupted) out << "  interrupted: re-run the same command to resume\n";
  return totals.exit_code;
}

}  // namespace

}  // namespace foiamine
