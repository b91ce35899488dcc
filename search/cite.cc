#include "search/cite.h"

#include <ostream>

#include "base/sha256.h"
#include "base/terminal_text.h"
#include "index/word_boxes.h"
#include "search/verify.h"

namespace foiamine {
namespace fs = std::filesystem;

namespace {

// Groups word boxes (in reading order) into printed lines: a word starts a
// new line when it does not overlap the current line vertically by at
// least half its height, or when it lies left of the line's last word.
std::vector<PointBox> LineBoxes(const std::vector<PointBox>& words) {
  std::vector<PointBox> lines;
  double last_x1 = 0;
  for (const auto& w : words) {
    if (!lines.empty()) {
      PointBox& line = lines.back();
      double overlap = std::min(line[3], w[3]) - std::max(line[1], w[1]);
      if (overlap >= 0.5 * (w[3] - w[1]) && w[0] >= last_x1 - 1.0) {
        line = {std::min(line[0], w[0]), std::min(line[1], w[1]), std::max(line[2], w[2]), std::max(line[3], w[3])};
        last_x1 = w[2];
        continue;
      }
    }
    lines.push_back(w);
    last_x1 = w[2];
  }
  return lines;
}

}  // namespace

StatusOr<ClauseCitation> ReadClauseCitation(IndexReader& index, const std::string& clause_id) {
  // An empty id would match every clause (the filter's "any"): refuse it.
  if (clause_id.find_first_not_of(" \t\n") == std::string::npos) {
    return Status::InvalidArgument("an empty clause id (list the clauses and their ids with `foiamine clauses --db ...`)");
  }
  ClauseFilter filter;
  filter.id = clause_id;
  auto clauses = ReadClauses(index, filter);
  if (!clauses.ok()) return clauses.status();
  if (clauses->empty()) {
    return Status::NotFound("no clause with id " + clause_id + " (list them with `foiamine clauses --db ...`)");
  }
  ClauseCitation out;
  out.clause = clauses->front();

  auto doc = index.db().Prepare(
      "SELECT d.id, d.file_type, p.id, coalesce(p.width_pt,0), coalesce(p.height_pt,0) FROM documents d "
      "LEFT JOIN pages p ON p.document_id=d.id AND p.page_no=?2 WHERE d.sha256=?1");
  if (!doc.ok()) return doc.status();
  doc->Bind(1, out.clause.doc_sha256).Bind(2, out.clause.page);
  Status status;
  if (!doc->Step(&status)) return status.ok() ? Status::NotFound("document of clause " + clause_id + " is gone") : status;
  const int64_t document_id = doc->Int(0);
  out.file_type = doc->Text(1);
  const int64_t page_id = doc->IsNull(2) ? -1 : doc->Int(2);
  out.page_width_pt = doc->Real(3);
  out.page_height_pt = doc->Real(4);

  auto files = index.db().Prepare("SELECT drop_root, path, path_bytes FROM files WHERE document_id=?1 ORDER BY id");
  if (!files.ok()) return files.status();
  files->Bind(1, document_id);
  std::string first_path;
  while (files->Step(&status)) {
    out.file_names.push_back(files->Text(1));
    const std::string drop_root = files->Text(0), path_bytes = files->Blob(2);
    fs::path full = fs::path(drop_root) / fs::path(path_bytes);
    if (first_path.empty()) first_path = full.string();
    const FileCheck check = CheckSource(drop_root, path_bytes, files->Text(1), out.clause.doc_sha256);
    std::error_code ec;
    const bool on_disk = fs::is_regular_file(full, ec);
    if (check.state == FileCheck::State::kOk) {
      out.verified = true;
      if (out.source.empty() && on_disk) out.source = full;
      if (!on_disk && out.in_archive.empty()) out.in_archive = drop_root + ": " + files->Text(1);
    } else if (check.state == FileCheck::State::kChanged && out.changed_detail.empty()) {
      out.changed_detail = (on_disk ? full.string() : drop_root + ": " + files->Text(1)) + " changed since it was indexed (SHA-256 now " +
                           check.current_sha256 + ", indexed " + check.indexed_sha256 + ")";
    }
  }
  if (!status.ok()) return status;
  out.changed = !out.verified && !out.changed_detail.empty();
  if (out.source.empty()) {
    out.missing_reason = !out.in_archive.empty()
                             ? "the document is an entry of a ZIP drop (" + out.in_archive + "), verified in place"
                             : "the source file is no longer present (indexed at " + first_path + ")";
  }

  // The words of each part of the clause on its page, grouped into printed
  // lines: the start page's, then each page a sentence continues on.
  auto page_of = index.db().Prepare("SELECT id FROM pages WHERE document_id=?1 AND page_no=?2");
  if (!page_of.ok()) return page_of.status();
  auto part_lines = [&](const ClauseRecord::Part& part) -> StatusOr<std::vector<PointBox>> {
    page_of->Reset();
    page_of->Bind(1, document_id).Bind(2, part.page);
    Status step;
    std::vector<PointBox> boxes;
    if (page_of->Step(&step)) {
      auto words = ReadPageWords(index.db(), page_of->Int(0));
      if (!words.ok()) return words.status();
      for (const WordBox& w : *words) {
        if (w.box && w.char_end > part.char_start && w.char_start < part.char_end && w.char_end > w.char_start) {
          boxes.push_back({w.box->x0, w.box->y0, w.box->x1, w.box->y1});
        }
      }
    }
    if (!step.ok()) return step;
    std::vector<PointBox> lines = LineBoxes(boxes);
    if (lines.empty() && part.bbox) lines.push_back(*part.bbox);
    return lines;
  };
  if (page_id >= 0) {
    ClauseRecord::Part first{out.clause.page, out.clause.char_start, out.clause.char_end, 0, 0, out.clause.bbox};
    for (const ClauseRecord::Part& part : out.clause.parts)
      if (part.page == out.clause.page) first = part;
    auto lines = part_lines(first);
    if (!lines.ok()) return lines.status();
    out.line_boxes = std::move(*lines);
    if (out.line_boxes.empty() && out.clause.bbox) out.line_boxes.push_back(*out.clause.bbox);
  }
  auto size = index.db().Prepare(
      "SELECT coalesce(width_pt,0), coalesce(height_pt,0) FROM pages WHERE document_id=?1 AND page_no=?2");
  if (!size.ok()) return size.status();
  for (const ClauseRecord::Part& part : out.clause.parts) {
    if (part.page == out.clause.page) continue;
    ClauseCitation::Continuation more;
    more.page = part.page;
    size->Reset();
    size->Bind(1, document_id).Bind(2, part.page);
    if (size->Step(&status)) {
      more.width_pt = size->Real(0);
      more.height_pt = size->Real(1);
    }
    if (!status.ok()) return status;
    auto lines = part_lines(part);
    if (!lines.ok()) return lines.status();
    more.line_boxes = std::move(*lines);
    out.continuation.push_back(std::move(more));
  }
  return out;
}

void PrintCitation(const ClauseCitation& cc, std::ostream& out) {
  // Text from the documents, made inert for a terminal (base/terminal_text.h).
  ClauseRecord c = cc.clause;
  for (std::string* field : {&c.citation, &c.bates, &c.doc_title, &c.doc_number, &c.agency, &c.section, &c.text}) {
    *field = EscapeForTerminal(*field);
  }
  out << c.citation << "\n\n";
  if (!c.bates.empty()) out << "Bates:     " << c.bates << "\n";
  out << "Document:  " << (c.doc_title.empty() ? "(untitled)" : c.doc_title) << "\n";
  if (!c.doc_number.empty()) out << "Number:    " << c.doc_number << "\n";
  if (!c.agency.empty()) out << "Agency:    " << c.agency << (c.authority.empty() ? "" : " (" + c.authority + ")") << "\n";
  std::string dates;
  for (const auto& [what, date] : {std::pair<const char*, const std::string&>{"issued", c.issued},
                                   {"effective", c.effective}, {"reviewed/reissued", c.review},
                                   {"review due (scheduled, not a reissue)", c.review_due}}) {
    if (date.empty()) continue;
    dates += (dates.empty() ? "" : ", ") + std::string(what) + " " + date;
  }
  if (!dates.empty()) out << "Dates:     " << dates << "\n";
  out << "Section:   " << (c.section.empty() ? "(none)" : c.section) << "\n";
  out << "Page:      " << c.page;
  if (c.parts.size() > 1)
    out << " (the sentence is printed on pp. " << c.parts.front().page << "-" << c.parts.back().page << ")";
  out << "\n";
  if (!c.parts.empty() && c.parts.front().first_line > 0) {
    // Transcript lines as printed in the margin, page:line.
    const ClauseRecord::Part& first = c.parts.front();
    const ClauseRecord::Part& last = c.parts.back().first_line > 0 ? c.parts.back() : first;
    out << "Lines:     " << first.page << ":" << first.first_line << " to " << last.page << ":" << last.last_line
        << " (printed transcript lines)\n";
  }
  out << "Quote:     \"" << c.text << "\"" << (c.method == "ocr" ? "  [OCR text: as OCR read the scan]" : "") << "\n";
  if (!c.ocr_readings.empty()) out << "Reading:   " << extractors::OcrReadingsNote(c.ocr_readings) << "\n";
  out << "Clause:    " << c.topic << " / " << c.stance << (c.actor.empty() ? "" : " / " + c.actor) << "  [" << c.id
      << ", rule " << c.rule << "]\n";
  for (size_t i = 0; i < cc.file_names.size(); ++i) {
    out << (i == 0 ? "File:      " : "           ") << EscapeForTerminal(cc.file_names[i]) << "\n";
  }
  out << "SHA-256:   " << c.doc_sha256 << (cc.verified ? " (re-hashed now: matches)" : " (not re-hashed: no copy present)")
      << "\n";
  out << "Method:    ";
  if (c.method == "ocr") {
    out << "OCR (Tesseract)";
    if (c.ocr_confidence) out << ", mean word confidence " << static_cast<int>(*c.ocr_confidence + 0.5) << "/100";
  } else if (cc.file_type == "pdf") {
    out << "PDF text layer";
  } else {
    out << "text (" << cc.file_type << " file)";
  }
  out << "\n";
  if (c.bbox) {
    char box[128];
    std::snprintf(box, sizeof box, "[%.1f, %.1f, %.1f, %.1f] pt, top-left origin", (*c.bbox)[0], (*c.bbox)[1],
                  (*c.bbox)[2], (*c.bbox)[3]);
    out << "Location:  " << box << "\n";
  }
  if (cc.source.empty()) out << "Note:      " << cc.missing_reason << "\n";
}

}  // namespace foiamine
