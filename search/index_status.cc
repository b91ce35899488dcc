#include "search/index_status.h"

#include "search/redactions.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "index/format.h"
#include "index/schema.h"
#include "search/index_digest.h"

namespace foiamine {
namespace {

// OCR pages below this mean word confidence are flagged for a human look.

// The count `sql` answers; 0 with *error set (the first error kept) when it
// cannot be read, so that ReadIndexStatus fails instead of showing a 0.
int64_t Count(IndexReader& index, const char* sql, Status* error) {
  auto stmt = index.db().Prepare(sql);
  if (!stmt.ok()) {
    if (error->ok()) *error = stmt.status();
    return 0;
  }
  if (!stmt->Step()) {
    if (error->ok()) *error = stmt->status().ok() ? Status::Internal(std::string("no row from ") + sql) : stmt->status();
    return 0;
  }
  return stmt->Int(0);
}

}  // namespace

StatusOr<IndexStatus> ReadIndexStatus(IndexReader& index, bool with_digest) {
  IndexStatus s;
  Status error;
  s.documents = Count(index, "SELECT count(*) FROM documents", &error);
  s.files = Count(index, "SELECT count(*) FROM files", &error);
  s.pages = Count(index, "SELECT count(*) FROM pages", &error);
  s.pages_text = Count(index, "SELECT count(*) FROM pages WHERE method='text'", &error);
  s.pages_ocr = Count(index, "SELECT count(*) FROM pages WHERE method='ocr'", &error);
  s.pages_none = Count(index, "SELECT count(*) FROM pages WHERE method='none'", &error);
  s.pages_needing_ocr = Count(index, "SELECT count(*) FROM pages WHERE needs_ocr=1 AND method<>'ocr'", &error);
  s.documents_needing_ocr =
      Count(index, "SELECT count(DISTINCT document_id) FROM pages WHERE needs_ocr=1 AND method<>'ocr'", &error);
  s.pages_low_confidence = Count(index, ("SELECT count(*) FROM pages WHERE method='ocr' AND ocr_confidence < " +
                                         std::to_string(kLowOcrConfidence)).c_str(), &error);
  s.clauses = Count(index, "SELECT count(*) FROM clauses", &error);
  s.sections = Count(index, "SELECT count(*) FROM sections", &error);
  if (!error.ok()) return error;

  auto failures = index.db().Prepare(
      "SELECT path, drop_root, stage, reason, at FROM failures ORDER BY drop_root, path_bytes");
  if (!failures.ok()) return failures.status();
  while (failures->Step()) {
    s.failures.push_back({failures->Text(0), failures->Text(1), failures->Text(2), failures->Text(3), failures->Text(4)});
  }
  if (!failures->status().ok()) return failures->status();
  auto runs = index.db().Prepare(
      "SELECT id, started_at, drops, exit_code, files_seen, docs_new, docs_unchanged, docs_failed, pages_indexed, "
      "wall_seconds FROM runs ORDER BY id");
  if (!runs.ok()) return runs.status();
  while (runs->Step()) {
    IndexStatus::Run r;
    r.id = runs->Int(0);
    r.started_at = runs->Text(1);
    r.drops = runs->Text(2);
    if (!runs->IsNull(3)) r.exit_code = runs->Int(3);
    r.files_seen = runs->Int(4);
    r.docs_new = runs->Int(5);
    r.docs_unchanged = runs->Int(6);
    r.docs_failed = runs->Int(7);
    r.pages_indexed = runs->Int(8);
    r.wall_seconds = runs->OptionalReal(9);
    s.runs.push_back(r);
  }
  if (!runs->status().ok()) return runs->status();
  auto ocr = index.db().Prepare(
      "SELECT (SELECT f.path FROM files f WHERE f.document_id=p.document_id ORDER BY f.id LIMIT 1), count(*) "
      "FROM pages p WHERE p.needs_ocr=1 AND p.method<>'ocr' GROUP BY p.document_id ORDER BY 1");
  if (!ocr.ok()) return ocr.status();
  while (ocr->Step()) s.needing_ocr.push_back({ocr->Text(0), ocr->Int(1)});
  if (!ocr->status().ok()) return ocr->status();
  if (HasColumn(index.db(), "documents", "jurisdiction")) {
    auto by = index.db().Prepare(
        "SELECT coalesce(jurisdiction,''), count(*) FROM documents GROUP BY 1 ORDER BY 1=='', 1");
    if (!by.ok()) return by.status();
    while (by->Step()) s.jurisdictions.emplace_back(by->Text(0), by->Int(1));
    if (!by->status().ok()) return by->status();
  }
  auto bates = index.db().Prepare(
      "SELECT prefix, "
      "  (SELECT b2.bates FROM page_bates b2 WHERE b2.prefix=b.prefix ORDER BY b2.sequence LIMIT 1), "
      "  (SELECT b3.bates FROM page_bates b3 WHERE b3.prefix=b.prefix ORDER BY b3.sequence DESC LIMIT 1), "
      "  count(*), count(DISTINCT p.document_id), max(sequence) - min(sequence) + 1 - count(DISTINCT sequence) "
      "FROM page_bates b JOIN pages p ON p.id=b.page_id GROUP BY prefix ORDER BY prefix");
  if (!bates.ok()) return bates.status();
  while (bates->Step()) {
    s.bates.push_back({bates->Text(0), bates->Text(1), bates->Text(2), bates->Int(3), bates->Int(4), bates->Int(5)});
  }
  if (!bates->status().ok()) return bates->status();
  auto redactions = CountRedactions(index);
  if (!redactions.ok()) return redactions.status();
  s.redaction_boxes = redactions->boxes;
  s.redacted_pages = redactions->pages;
  s.redacted_documents = redactions->documents;
  s.bad_redactions = redactions->bad;
  s.exemption_codes = redactions->codes;
  if (with_digest) {
    if (auto digest = IndexDigest(index); digest.ok()) s.digest = digest.value();
  }
  return s;
}

void PrintIndexStatus(const IndexStatus& s, std::ostream& out) {
  out << "documents  " << s.documents << " (" << s.files << " file paths)\n";
  out << "pages      " << s.pages << ": " << s.pages_text << " text layer, " << s.pages_ocr << " OCR, "
      << s.pages_none << " without text\n";
  if (s.pages_low_confidence) out << "low-confidence OCR pages " << s.pages_low_confidence << " (mean word confidence < " << kLowOcrConfidence << ")\n";
  out << "sections   " << s.sections << "\nclauses    " << s.clauses << "\n";
  if (!s.jurisdictions.empty()) {
    out << "jurisdictions";
    for (size_t i = 0; i < s.jurisdictions.size(); ++i)
      out << (i ? ", " : " ") << (s.jurisdictions[i].first.empty() ? "unknown" : s.jurisdictions[i].first) << " "
          << s.jurisdictions[i].second;
    out << "\n";
  }
  out << "needing OCR: " << s.documents_needing_ocr << " documents, " << s.pages_needing_ocr << " pages\n";
  for (const auto& n : s.needing_ocr) {
    out << "  " << n.path << " (" << n.pages << (n.pages == 1 ? " page" : " pages") << ")\n";
  }
  if (!s.bates.empty()) out << "Bates ranges: " << s.bates.size() << "\n";
  for (const auto& b : s.bates) {
    out << "  " << b.first << " - " << b.last << " (" << b.pages << (b.pages == 1 ? " page" : " pages") << " in "
        << b.documents << (b.documents == 1 ? " document" : " documents");
    if (b.missing) out << "; " << b.missing << " numbers in the range on no indexed page";
    out << ")\n";
  }
  out << "redactions " << s.redaction_boxes << " boxes on " << s.redacted_pages << " pages of " << s.redacted_documents
      << " documents; " << s.bad_redactions << " bad (text still under the box); " << s.exemption_codes
      << " exemption codes\n";
  out << "failed inputs: " << s.failures.size() << "\n";
  for (const auto& f : s.failures) out << "  " << f.path << " [" << f.stage << "]: " << f.reason << "\n";
  out << "runs: " << s.runs.size() << "\n";
  for (const auto& r : s.runs) {
    char wall[32] = "?";
    if (r.wall_seconds) std::snprintf(wall, sizeof wall, "%.2f", *r.wall_seconds);
    std::string drops = r.drops;
    for (auto& c : drops) if (c == '\n') c = ' ';
    out << "  #" << r.id << " " << r.started_at << " " << drops << ": " << r.files_seen << " files, " << r.docs_new
        << " new, " << r.docs_unchanged << " unchanged, " << r.docs_failed << " failed, " << r.pages_indexed
        << " pages, " << wall << " s, exit "
        << (r.exit_code ? std::to_string(*r.exit_code) : std::string("- (unfinished)")) << "\n";
  }
}

void PrintIndexStatusJson(const IndexStatus& s, std::ostream& out) {
  nlohmann::json j;
  j["documents"] = s.documents;
  j["files"] = s.files;
  j["pages"] = {{"total", s.pages}, {"text", s.pages_text}, {"ocr", s.pages_ocr}, {"none", s.pages_none},
                {"needing_ocr", s.pages_needing_ocr}, {"low_confidence", s.pages_low_confidence}};
  j["documents_needing_ocr"] = s.documents_needing_ocr;
  j["sections"] = s.sections;
  j["clauses"] = s.clauses;
  // Documents per jurisdiction code; "" counts those of unknown jurisdiction.
  j["jurisdictions"] = nlohmann::json::object();
  for (const auto& [code, n] : s.jurisdictions) j["jurisdictions"][code] = n;
  j["digest"] = s.digest;
  j["bates"] = nlohmann::json::array();
  for (const auto& b : s.bates) {
    j["bates"].push_back({{"prefix", b.prefix}, {"first", b.first}, {"last", b.last}, {"pages", b.pages},
                          {"documents", b.documents}, {"missing", b.missing}});
  }
  j["redactions"] = {{"boxes", s.redaction_boxes}, {"pages", s.redacted_pages}, {"documents", s.redacted_documents},
                     {"bad", s.bad_redactions}, {"exemption_codes", s.exemption_codes}};
  j["failures"] = nlohmann::json::array();
  for (const auto& f : s.failures) {
    j["failures"].push_back({{"path", f.path}, {"drop", f.drop_root}, {"stage", f.stage}, {"reason", f.reason}, {"at", f.at}});
  }
  j["runs"] = nlohmann::json::array();
  for (const auto& r : s.runs) {
    nlohmann::json run = {{"id", r.id}, {"started_at", r.started_at}, {"drops", r.drops},
                          {"files_seen", r.files_seen}, {"new", r.docs_new}, {"unchanged", r.docs_unchanged},
                          {"failed", r.docs_failed}, {"pages", r.pages_indexed}};
    run["exit_code"] = r.exit_code ? nlohmann::json(*r.exit_code) : nlohmann::json(nullptr);
    run["wall_seconds"] = r.wall_seconds ? nlohmann::json(*r.wall_seconds) : nlohmann::json(nullptr);
    j["runs"].push_back(run);
  }
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

StatusOr<std::vector<PageRecord>> ReadPages(IndexReader& index, const std::string& doc, bool with_words) {
  auto stmt = index.db().Prepare(
      "SELECT d.sha256, (SELECT f.path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1), p.page_no, "
      "p.method, p.ocr_confidence, p.text, p.id FROM pages p JOIN documents d ON d.id=p.document_id "
      "WHERE ?1 = '' OR d.sha256 = ?1 OR (length(?1) >= 8 AND d.sha256 LIKE ?1 || '%') "
      "   OR EXISTS (SELECT 1 FROM files f WHERE f.document_id=d.id AND (f.path = ?1 OR f.drop_root || '/' || f.path = ?1)) "
      "ORDER BY (SELECT min(f.path) FROM files f WHERE f.document_id=d.id), p.page_no");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, doc);
  std::vector<PageRecord> pages;
  Status status;
  while (stmt->Step(&status)) {
    pages.push_back(PageRecord{stmt->Text(0), stmt->Text(1), stmt->Text(3), stmt->Text(5),
                               static_cast<int>(stmt->Int(2)), stmt->OptionalReal(4), std::nullopt});
    if (with_words) {
      auto words = ReadPageWords(index.db(), stmt->Int(6));
      if (!words.ok()) return words.status();
      pages.back().words = std::move(*words);
    }
  }
  if (!status.ok()) return status;
  if (pages.empty() && !doc.empty()) return Status::NotFound("no document in the index matches '" + doc + "'");
  return pages;
}

std::string PageJson(const PageRecord& p) {
  using nlohmann::json;
  json j = {{"doc_sha256", p.doc_sha256}, {"doc_path", p.doc_path}, {"page", p.page}, {"method", p.method},
                  {"ocr_confidence", p.ocr_confidence ? json(*p.ocr_confidence) : json(nullptr)}, {"text", p.text}};
  if (p.words) {
    // As the `words` view's columns: [text, x0, y0, x1, y1, char_start, char_end, confidence].
    json words = json::array();
    for (const WordBox& w : *p.words) {
      auto opt = [](bool has, double v) { return has ? json(v) : json(nullptr); };
      words.push_back({w.text, opt(w.box.has_value(), w.box ? w.box->x0 : 0), opt(w.box.has_value(), w.box ? w.box->y0 : 0),
                       opt(w.box.has_value(), w.box ? w.box->x1 : 0), opt(w.box.has_value(), w.box ? w.box->y1 : 0),
                       w.char_start, w.char_end, opt(w.confidence.has_value(), w.confidence.value_or(0))});
    }
    j["words"] = std::move(words);
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace foiamine
