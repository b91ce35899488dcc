#include "pipeline/document_job.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "extractors/dc_law_xml.h"
#include "base/utf8.h"
#include "index/word_boxes.h"
#include "pipeline/docx_file.h"
#include "pipeline/email_file.h"
#include "pipeline/extract_stage.h"
#include "pipeline/file_type.h"
#include "pipeline/html_file.h"
#include "pipeline/normalize.h"
#include "pipeline/ocr_cache.h"
#include "pipeline/ocr_triage.h"
#include "pipeline/ooxml_package.h"
#include "pipeline/pdf_text.h"
#include "pipeline/redactions.h"
#include "pipeline/sheet_file.h"
#include "pipeline/text_file.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

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
  if (size > limit) return Status::Unsupported("file larger than " + std::to_string(limit >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return Status::IoError("cannot read the whole file");
  return bytes;
}

// The sections a format names itself (pipeline/page.h SectionAnchor), placed
// in the normalized pages: each starts where its label begins a line and
// ends where the next starts, or at its page's end.
std::vector<extractors::Section> SectionsOfAnchors(const std::vector<SectionAnchor>& anchors,
                                                   const std::vector<SourcePage>& pages,
                                                   const std::vector<NormalizedPage>& normalized) {
  std::vector<extractors::Section> out;
  size_t page = 0, from = 0;
  for (const SectionAnchor& anchor : anchors) {
    while (page < pages.size() && pages[page].page_no != anchor.page_no) {
      ++page;
      from = 0;
    }
    if (page >= pages.size()) break;
    const std::string& text = normalized[page].text;
    size_t at = text.find(anchor.label, from);
    while (at != std::string::npos && at > 0 && text[at - 1] != '\n') at = text.find(anchor.label, at + 1);
    if (at == std::string::npos) continue;
    size_t eol = text.find('\n', at);
    if (eol == std::string::npos) eol = text.size();
    extractors::Section section;
    section.path = anchor.path;
    section.marker = anchor.label;
    section.page = section.end_page = anchor.page_no;
    section.char_start = static_cast<int>(CountCodePoints(std::string_view(text).substr(0, at)));
    section.heading_end = static_cast<int>(CountCodePoints(std::string_view(text).substr(0, eol)));
    section.end_char = static_cast<int>(CountCodePoints(text));
    if (!out.empty() && out.back().page == section.page) out.back().end_char = section.char_start;
    out.push_back(std::move(section));
    from = eol;
  }
  return out;
}

}  // namespace

void PendingDocument::WaitFor(std::chrono::milliseconds d) const {
  if (text) {
    text->wait_for(d);
    return;
  }
  // The compute thread takes the OCR futures' results: only it may touch them.
  if (computed.valid()) {
    computed.wait_for(d);
    return;
  }
  for (const auto& [page, future] : ocr) {
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      future.wait_for(d);
      return;
    }
  }
}

bool PendingDocument::Ready() const {
  if (text) return false;  // prepared by the runner once its text arrives
  if (computed.valid()) return computed.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  for (const auto& [page, future] : ocr) {
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  }
  return true;
}

void PrepareDocument(PendingDocument& pending, const DropFile& file, const Manifest& manifest,
                     const RunOptions& options, OcrPool& pool, const extractors::DocumentMetadata* given,
                     StatusOr<SourceDocument>* pdf_text) {
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
  // A ZIP package is a Word document or a workbook by its parts.
  if (type == FileType::kZip) type = DetectPackageType(file.absolute);
  // Text is text; its name may say which kind of text it was saved as (a
  // one-column CSV, an e-mail with few headers), never more.
  if (type == FileType::kText && (claimed == FileType::kCsv || claimed == FileType::kEmail || claimed == FileType::kMbox)) {
    type = claimed;
  }
  switch (type) {
    case FileType::kEmpty: return fail("ingest", "empty file (0 bytes)");
    case FileType::kHtml:
      if (claimed == FileType::kPdf) return fail("ingest", "named .pdf but is an HTML page (" + DescribeHead(head) + ")");
      break;
    case FileType::kOle2:
      return fail("ingest", std::string("an OLE2 compound file") +
                                (claimed == FileType::kOle2 ? " (Outlook .msg, Word .doc or Excel .xls)" : "") +
                                ": not supported, no Debian library reads these into text for foiamine; save it "
                                "as .eml, .docx, .xlsx or PDF and run again");
    case FileType::kZip:
      return fail("ingest", "ZIP archive inside a drop folder: pass it as a DROP of its own (foiamine run FILE.zip)");
    case FileType::kUnknown:
      return fail("ingest", "unrecognized file type (" + DescribeHead(head) + ")");
    default: break;
  }
  const bool text_kind = type == FileType::kXml || type == FileType::kCsv || type == FileType::kEmail ||
                         type == FileType::kMbox || type == FileType::kHtml;
  if (claimed != FileType::kUnknown && claimed != type && !(claimed == FileType::kText && text_kind) &&
      !(claimed == FileType::kXml && type == FileType::kHtml)) {
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
      if (pdf_text) {
        source = std::move(*pdf_text);
        break;
      }
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
    case FileType::kHtml:
    case FileType::kCsv:
    case FileType::kEmail:
    case FileType::kMbox: {
      auto bytes = ReadAll(file.absolute, uintmax_t{256} << 20);
      if (!bytes.ok()) return fail("text", bytes.status().message());
      if (type == FileType::kHtml) {
        source = PagesFromHtml(bytes.value());
      } else if (type == FileType::kCsv) {
        source = PagesFromCsv(bytes.value());
      } else if (type == FileType::kEmail) {
        auto mail = ReadEmail(bytes.value());
        if (!mail.ok()) return fail("text", "e-mail: " + mail.status().message());
        source = std::move(mail->doc);
        for (auto& a : mail->attachments) {
          pending.derived.push_back(DerivedDocument{"attachment " + std::to_string(a.seq) + " - " + a.name,
                                                    std::move(a.bytes), a.seq, a.name, mail->date, "attachment"});
        }
      } else {
        auto messages = SplitMbox(bytes.value());
        if (!messages.ok()) return fail("text", "mailbox: " + messages.status().message());
        // The mailbox itself is indexed as its table of contents; each
        // message is a document of its own (the runner queues them).
        std::string toc = "Mailbox of " + std::to_string(messages->size()) + " messages\n\n";
        int seq = 0;
        for (auto& m : *messages) {
          ++seq;
          auto mail = ReadEmail(m);
          toc += "Message " + std::to_string(seq) + ": " +
                 (mail.ok() ? mail->date + " " + mail->from + " - " + mail->doc.hints.title
                            : "unreadable (" + mail.status().message() + ")") +
                 "\n";
          pending.derived.push_back(DerivedDocument{"message " + std::to_string(seq) + ".eml", std::move(m), seq,
                                                    "", "", "message"});
        }
        source = PagesFromText(toc);
        source->hints.doc_kind = "correspondence";
        source->hints.authority = "practice";
      }
      break;
    }
    case FileType::kDocx: source = ReadDocx(file.absolute); break;
    case FileType::kXlsx: source = ReadXlsx(file.absolute); break;
    default: break;
  }
  if (!source.ok()) {
    outcome.cancelled = source.status().code() == Status::Code::kCancelled;
    return fail("text", source.status().message());
  }
  for (auto& w : source->warnings) outcome.warnings.push_back(w);
  if (source->pages.empty()) return fail("text", std::string(FileTypeName(type)) + " file with no text");
  pending.anchors = std::move(source->anchors);

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
  // First: paths of the same content found while its text was read came before it here.
  record.paths.insert(record.paths.begin(), path);

  // What the extractors are told up front: the manifest's fields, filled
  // where empty by what official law XML says of itself.
  extractors::DocumentMetadata& known = pending.known;
  known = extractors::DocumentMetadata{record.metadata.title,    record.metadata.number,
                                       record.metadata.agency,   record.metadata.doc_kind,
                                       record.metadata.authority, record.metadata.issued,
                                       record.metadata.effective, record.metadata.jurisdiction};
  if (given) known = *given;
  // What the format says of itself (an e-mail's Subject and Date, a page's
  // <title>), where neither a manifest nor the first indexing said otherwise.
  FormatHints& hints = source->hints;
  // A log names itself by its file name: its first line is its column header.
  if ((type == FileType::kCsv || type == FileType::kXlsx) && hints.title.empty()) {
    const size_t slash = file.path.display.rfind('/');
    hints.title = slash == std::string::npos ? file.path.display : file.path.display.substr(slash + 1);
  }
  for (auto [mine, theirs] : {std::pair{&known.title, &hints.title}, {&known.doc_kind, &hints.doc_kind},
                              {&known.authority, &hints.authority}, {&known.issued, &hints.issued},
                              {&known.number, &hints.number}}) {
    if (mine->empty()) *mine = *theirs;
  }
  if (file.derived) {
    const DerivedFrom& d = *file.derived;
    record.attachment = AttachmentLink{d.parent_sha256, d.seq, d.name, d.kind};
    // An attachment is cited as the e-mail's: "attachment 2 to the e-mail of 2023-07-11".
    if (d.kind == "attachment" && known.number.empty()) {
      known.number = "attachment " + std::to_string(d.seq) + " to the e-mail" +
                     (d.parent_date.empty() ? "" : " of " + d.parent_date);
    }
  }
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

void ComputeDocument(PendingDocument& pending, const OcrPool& pool, const extractors::Rulebook& rulebook) {
  const std::string& engine_version = pool.engine_version();
  Outcome& outcome = pending.outcome;
  DocumentRecord& record = pending.record;
  for (auto& [i, future] : pending.ocr) {
    OcrOutcome got = future.get();
    SourcePage& page = record.pages[i];
    if (!got.warning.empty()) outcome.warnings.push_back(got.warning);
    if (got.status.code() == Status::Code::kCancelled) outcome.cancelled = true;
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
    // The text layer the drawn boxes' leaks pointed into is replaced.
    for (auto& r : page.redactions) r.leaked_words.clear();
    AddImageRedactions(page, got.result.dark_regions);
    page.words = std::move(got.result.words);
    page.method = PageMethod::kOcr;
    page.ocr_confidence = got.result.mean_confidence;
    if (!page.width_pt) page.width_pt = got.result.width_pt;
    if (!page.height_pt) page.height_pt = got.result.height_pt;
  }
  if (outcome.cancelled) {
    outcome.ok = false;
    return;
  }
  // Recorded when OCR was tried, read or not: pages that failed under this
  // version are retried when it changes (pipeline/reprocess.h).
  if (!pending.ocr.empty()) record.ocr_version = DocumentOcrVersion(pool.settings(), record.file_type == "pdf");
  // The index keeps boxes and confidences to 1/100 (index/word_boxes.h):
  // clauses are found from the rounded values, so a re-extraction from the
  // index finds the same clause boxes.
  for (auto& page : record.pages) {
    for (auto& word : page.words) {
      if (word.box) {
        Box& b = *word.box;
        b = Box{QuantizeWordValue(b.x0), QuantizeWordValue(b.y0), QuantizeWordValue(b.x1), QuantizeWordValue(b.y1)};
      }
      if (word.confidence) word.confidence = QuantizeWordValue(*word.confidence);
    }
  }
  if (!pending.law_xml) {
    for (const auto& page : record.pages) record.normalized.push_back(NormalizePage(page.words));
  }
  if (!pending.anchors.empty()) {
    pending.explicit_sections = SectionsOfAnchors(pending.anchors, record.pages, record.normalized);
  }
  const std::string& citation_path = pending.replaces ? pending.citation_path : pending.path.display;
  record.extracted = RunExtractStage(rulebook, pending.sha, citation_path, pending.known,
                                     PagesForExtraction(record.pages, record.normalized), pending.explicit_sections);
  if (record.extracted->identity.title.value.empty()) {
    record.extracted->identity.title = {InferTitle(record.normalized, record.pdf_title), true};
  }
  outcome.clauses = static_cast<int>(record.extracted->clauses.size());
}

void WriteComputedDocument(Index& index, PendingDocument& pending, int64_t run_id) {
  Outcome& outcome = pending.outcome;
  if (!outcome.ok) return;
  DocumentRecord& record = pending.record;
  Status written = pending.replaces ? index.ReplaceDocument(*pending.replaces, record)
                                     : index.WriteDocument(record, run_id).status();
  if (!written.ok()) {
    outcome.ok = false;
    outcome.stage = "index";
    outcome.reason = "cannot write to the index: " + written.message();
    outcome.index_fault = written.code() == Status::Code::kIoError;
  }
}

void FinishDocument(Index& index, PendingDocument& pending, const OcrPool& pool,
                    const extractors::Rulebook& rulebook, int64_t run_id) {
  ComputeDocument(pending, pool, rulebook);
  WriteComputedDocument(index, pending, run_id);
}

}  // namespace foiamine
