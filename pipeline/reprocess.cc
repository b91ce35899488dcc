#include "pipeline/reprocess.h"

#include <vector>

#include "index/word_boxes.h"
#include "pipeline/extract_stage.h"
#include "pipeline/normalize.h"
#include "pipeline/pdf_text.h"

namespace foiamine {

// text-3: e-mail, mailbox, CSV, HTML, .docx and .xlsx readers (a .txt
// holding an e-mail or a CSV table is now read as one).
// text-4: PDF pages' drawn redaction boxes and the text they leak
// (pipeline/redactions.h), read in the text layer's pass.
// text-5: a text layer that splits modals ("sha ll", "w ill") sends its page
// to OCR (pipeline/ocr_triage.h); the OCR cache keeps pages already read.
// text-6: a Markdown text file's heading marks ("#### § 1357. ...") are markup, not words (pipeline/text_file.h).
// text-7: a text layer that runs words together or misreads modals ("ofthe", "wil") sends its page to OCR too.
std::string TextStageVersion() { return "poppler-" + PopplerVersion() + "/text-7"; }

std::string DocumentOcrVersion(const OcrSettings& settings, bool rendered_from_pdf) {
  // Image files are read at their own resolution: --dpi does not touch them.
  return OcrStageVersion(settings) + (rendered_from_pdf ? "/" + std::to_string(settings.dpi) + "dpi" : "");
}

std::optional<RecordedOcrSettings> ParseDocumentOcrVersion(std::string_view version) {
  // "tesseract-5.3.0/eng+spa/lstm-psm3/osd/deskew/ocr-3[/300dpi]"
  std::vector<std::string_view> parts;
  while (!version.empty()) {
    size_t slash = version.find('/');
    parts.push_back(version.substr(0, slash));
    version = slash == std::string_view::npos ? std::string_view() : version.substr(slash + 1);
  }
  if (parts.size() < 3 || parts[0].rfind("tesseract-", 0) != 0 || parts[1].empty()) return std::nullopt;
  RecordedOcrSettings recorded;
  recorded.languages = std::string(parts[1]);
  const std::string_view last = parts.back();
  if (last.size() > 3 && last.substr(last.size() - 3) == "dpi") {
    int dpi = 0;
    for (char c : last.substr(0, last.size() - 3)) {
      if (c < '0' || c > '9') return recorded;
      dpi = dpi * 10 + (c - '0');
    }
    recorded.dpi = dpi;
  }
  return recorded;
}

CurrentVersions CurrentStageVersions(const OcrSettings& settings, const std::string& rulebook_hash) {
  return CurrentVersions{TextStageVersion(), kNormalizeVersion, DocumentOcrVersion(settings, true),
                         DocumentOcrVersion(settings, false), rulebook_hash};
}

std::optional<ForcedStage> ParseForcedStage(std::string_view name) {
  if (name == "text") return ForcedStage::kText;
  if (name == "ocr") return ForcedStage::kOcr;
  if (name == "extract") return ForcedStage::kExtract;
  return std::nullopt;
}

const char* ReworkName(Rework::Kind kind) {
  switch (kind) {
    case Rework::Kind::kText: return "text";
    case Rework::Kind::kOcr: return "ocr";
    case Rework::Kind::kExtract: return "extract";
    case Rework::Kind::kNone: break;
  }
  return "none";
}

namespace {

std::vector<std::string> SplitVersion(const std::string& version) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = version.find('/', start);
    parts.push_back(version.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

bool IsOcrAble(const std::string& file_type) {
  return file_type == "pdf" || file_type == "png" || file_type == "jpeg" || file_type == "tiff";
}

// An OCR version recorded before the render resolution was part of it (an
// index made by an earlier foiamine) names the engine only. The resolution
// it was read at is unknown; counting that as a change would re-render every
// scanned page of such an index once, for nothing in the usual case (the
// default 300 dpi). It is compared on the engine part.
bool SameOcrVersion(const std::string& stored, const std::string& current) {
  if (stored == current) return true;
  const size_t slash = current.rfind('/');
  if (slash == std::string::npos || current.size() < 4 || current.compare(current.size() - 3, 3, "dpi") != 0) {
    return false;
  }
  return stored == current.substr(0, slash);
}

}  // namespace

std::string DescribeVersionChange(const std::string& from, const std::string& to) {
  if (from.empty() || to.empty()) return (from.empty() ? "(none)" : from) + " -> " + (to.empty() ? "(none)" : to);
  std::vector<std::string> a = SplitVersion(from), b = SplitVersion(to);
  if (a.size() != b.size()) return from + " -> " + to;
  std::string old_parts, new_parts;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    old_parts += (old_parts.empty() ? "" : "/") + a[i];
    new_parts += (new_parts.empty() ? "" : "/") + b[i];
  }
  if (old_parts.empty()) return from + " (unchanged)";
  return old_parts + " -> " + new_parts;
}

Rework PlanRework(const IndexedDocument& doc, const CurrentVersions& current, const ReworkPolicy& policy) {
  using Kind = Rework::Kind;
  const bool ocr_able = IsOcrAble(doc.file_type);
  // Pages a rebuild sends to OCR: those triage marked before (the text layer
  // is read by the same Poppler, so triage decides the same), or all of
  // them under --force-ocr.
  const int64_t ocr_pages = policy.force_ocr && ocr_able ? doc.page_count : doc.pages_needing_ocr;
  const std::string& ocr_version = doc.file_type == "pdf" ? current.ocr_pdf : current.ocr_image;

  // A rebuild from the file under --force ocr still reads its pages afresh.
  const bool forced_ocr = policy.forced == ForcedStage::kOcr;
  if (policy.forced == ForcedStage::kText) return {Kind::kText, "forced", ocr_pages, false};
  if (doc.text_version != current.text) {
    return {Kind::kText, "text version " + DescribeVersionChange(doc.text_version, current.text), ocr_pages,
            forced_ocr};
  }
  if (doc.normalize_version != current.normalize) {
    return {Kind::kText, "normalize version " + DescribeVersionChange(doc.normalize_version, current.normalize),
            ocr_pages, forced_ocr};
  }
  if (forced_ocr) {
    if (ocr_pages == 0) return {Kind::kNone, "forced ocr: no page needs OCR (--force-ocr reads every page)", 0, false};
    return {Kind::kOcr, "forced", ocr_pages, true};
  }
  if (doc.pages_needing_ocr > 0 && !SameOcrVersion(doc.ocr_version, ocr_version)) {
    return {Kind::kOcr, "ocr version " + DescribeVersionChange(doc.ocr_version, ocr_version), ocr_pages, false};
  }
  if (policy.retry_failed && doc.pages_awaiting_ocr > 0) {
    return {Kind::kOcr,
            std::to_string(doc.pages_awaiting_ocr) + " page" + (doc.pages_awaiting_ocr == 1 ? "" : "s") +
                " awaiting OCR (--retry-failed)",
            ocr_pages, false};
  }
  if (policy.forced == ForcedStage::kExtract) return {Kind::kExtract, "forced", 0, false};
  return {};
}

StatusOr<StoredDocumentFacts> ReadStoredDocumentFacts(Index& index, int64_t document_id) {
  auto doc = index.db().Prepare(
      "SELECT sha256, file_type, coalesce(inferred_fields,''), coalesce(title,''), coalesce(number,''), "
      "coalesce(agency,''), coalesce(doc_kind,''), coalesce(authority,''), coalesce(issued,''), "
      "coalesce(effective,''), (SELECT path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1), "
      "coalesce(pdf_title,''), coalesce(jurisdiction,'') FROM documents d WHERE id=?");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, document_id);
  if (!doc->Step()) {
    // "Failed" and "not there" are different answers.
    if (!doc->status().ok()) return doc->status();
    return Status::NotFound("document " + std::to_string(document_id) + " is not in the index");
  }
  StoredDocumentFacts facts;
  facts.sha256 = doc->Text(0);
  facts.file_type = doc->Text(1);
  const std::string inferred = "," + doc->Text(2) + ",";
  auto given = [&](const char* field, int column) {
    return inferred.find("," + std::string(field) + ",") == std::string::npos ? doc->Text(column) : std::string();
  };
  facts.given = extractors::DocumentMetadata{given("title", 3),    given("number", 4),    given("agency", 5),
                                             given("doc_kind", 6), given("authority", 7), given("issued", 8),
                                             given("effective", 9), given("jurisdiction", 12)};
  facts.display_path = doc->Text(10);
  facts.pdf_title = doc->Text(11);
  return facts;
}

StatusOr<StoredExtractionInput> ReadExtractionInput(Index& index, int64_t document_id) {
  Database& db = index.db();
  auto stored = ReadStoredDocumentFacts(index, document_id);
  if (!stored.ok()) return stored.status();
  StoredExtractionInput input;
  input.document_id = document_id;
  input.facts = std::move(*stored);  // read from input.facts below: `stored` is moved from

  std::vector<PageForExtraction>& pages = input.pages;
  auto page_rows = db.Prepare(
      "SELECT id, page_no, text, EXISTS (SELECT 1 FROM redactions r WHERE r.page_id=pages.id) FROM pages "
      "WHERE document_id=? ORDER BY page_no");
  if (!page_rows.ok()) return page_rows.status();
  page_rows->Bind(1, document_id);
  while (page_rows->Step()) {
    PageForExtraction page;
    page.page_no = static_cast<int>(page_rows->Int(1));
    page.text = page_rows->Text(2);
    page.redacted = page_rows->Int(3) != 0;
    auto words = ReadPageWords(db, page_rows->Int(0));
    if (!words.ok()) return words.status();
    for (const WordBox& w : *words) {
      if (!w.box) continue;
      page.word_boxes.emplace_back(Span{static_cast<size_t>(w.char_start), static_cast<size_t>(w.char_end)},
                                   Box{w.box->x0, w.box->y0, w.box->x1, w.box->y1});
    }
    pages.push_back(std::move(page));
  }
  // A read error here once saved a re-extraction of the first pages only,
  // as final.
  if (!page_rows->status().ok()) return page_rows->status();
  // Official law XML's sections are exact, not inferred: they are kept; so
  // are a spreadsheet's rows (pipeline/sheet_file.h).
  std::vector<extractors::Section>& explicit_sections = input.explicit_sections;
  const std::string& file_type = input.facts.file_type;
  if (file_type == "xml" || file_type == "csv" || file_type == "xlsx") {
    auto rows = db.Prepare(
        "SELECT path, coalesce(marker,''), coalesce(heading,''), depth, page_no, char_start, end_page, end_char "
        "FROM sections WHERE document_id=? ORDER BY id");
    if (!rows.ok()) return rows.status();
    rows->Bind(1, document_id);
    while (rows->Step()) {
      extractors::Section sec;
      sec.path = rows->Text(0);
      sec.marker = rows->Text(1);
      sec.heading = rows->Text(2);
      sec.depth = static_cast<int>(rows->Int(3));
      sec.page = static_cast<int>(rows->Int(4));
      sec.char_start = static_cast<int>(rows->Int(5));
      sec.end_page = static_cast<int>(rows->Int(6));
      sec.end_char = static_cast<int>(rows->Int(7));
      explicit_sections.push_back(std::move(sec));
    }
    if (!rows->status().ok()) return rows->status();
  }
  return input;
}

ExtractedDocument ExtractStoredDocument(const StoredExtractionInput& input, const extractors::Rulebook& rulebook) {
  const StoredDocumentFacts& facts = input.facts;
  ExtractedDocument extracted =
      RunExtractStage(rulebook, facts.sha256, facts.display_path, facts.given, input.pages, input.explicit_sections);
  if (extracted.identity.title.value.empty()) {
    std::vector<NormalizedPage> normalized(input.pages.size());
    for (size_t i = 0; i < input.pages.size(); ++i) normalized[i].text = input.pages[i].text;
    extracted.identity.title = {InferTitle(normalized, facts.pdf_title), true};
  }
  return extracted;
}

}  // namespace foiamine
