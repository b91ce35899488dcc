#include "search/show.h"

#include <algorithm>
#include <cctype>

#include "search/choices.h"

namespace foiamine {
namespace {

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool Hex(const std::string& s) {
  return s.size() >= 4 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

}  // namespace

StatusOr<std::string> ResolveClauseId(IndexReader& index, const std::string& prefix) {
  if (!Hex(prefix) || prefix.size() > 16) {
    return Status::InvalidArgument("'" + prefix + "' is not a clause id (16 hex digits, or a unique prefix of 4+)");
  }
  auto stmt = index.db().Prepare(
      "SELECT id, citation FROM clauses WHERE substr(id, 1, length(?1)) = lower(?1) ORDER BY id LIMIT 11");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, prefix);
  std::vector<std::pair<std::string, std::string>> found;
  Status status;
  while (stmt->Step(&status)) found.emplace_back(stmt->Text(0), stmt->Text(1));
  if (!status.ok()) return status;
  if (found.size() == 1) return found.front().first;
  if (found.empty()) return Status::InvalidArgument("no clause with id starting '" + prefix + "'");
  std::string candidates;
  for (size_t i = 0; i < found.size() && i < 10; ++i) candidates += "\n  " + found[i].first + "  " + found[i].second;
  if (found.size() > 10) candidates += "\n  ...";
  return Status::InvalidArgument("clause prefix '" + prefix + "' is ambiguous; candidates:" + candidates);
}

StatusOr<ShowTarget> ResolveShowTarget(IndexReader& index, const std::string& spec) {
  std::string doc = spec;
  std::optional<int> page;
  if (const size_t colon = spec.rfind(':'); colon != std::string::npos && AllDigits(spec.substr(colon + 1))) {
    doc = spec.substr(0, colon);
    const std::string digits = spec.substr(colon + 1);
    if (digits.size() > 6 || std::stoi(digits) < 1) return Status::InvalidArgument("page '" + digits + "' is not a page number");
    page = std::stoi(digits);
  }
  ShowTarget target;
  auto document = ResolveDocument(index, doc);
  if (document.ok()) {
    target.document_id = *document;
    target.page = page.value_or(1);
    return target;
  }
  // Not a document: a clause id (prefix)?
  if (!page && Hex(doc) && doc.size() <= 16) {
    auto clause = ResolveClauseId(index, doc);
    if (clause.ok()) {
      auto stmt = index.db().Prepare("SELECT document_id, page_no FROM clauses WHERE id = ?1");
      if (!stmt.ok()) return stmt.status();
      stmt->Bind(1, *clause);
      Status status;
      if (!stmt->Step(&status)) return status.ok() ? Status::NotFound("clause " + *clause + " vanished") : status;
      target.document_id = stmt->Int(0);
      target.page = static_cast<int>(stmt->Int(1));
      target.clause_id = *clause;
      return target;
    }
    if (clause.status().message().find("ambiguous") != std::string::npos) return clause.status();
  }
  return document.status();
}

StatusOr<ShownPage> ReadShownPage(IndexReader& index, const ShowTarget& target) {
  auto stmt = index.db().Prepare(
      "SELECT d.sha256, (SELECT f.path FROM files f WHERE f.document_id = d.id ORDER BY f.id LIMIT 1), "
      "coalesce(d.title,''), coalesce(d.number,''), coalesce(d.agency,''), "
      "(SELECT count(*) FROM pages c WHERE c.document_id = d.id), p.method, p.ocr_confidence, p.text "
      "FROM documents d LEFT JOIN pages p ON p.document_id = d.id AND p.page_no = ?2 WHERE d.id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, target.document_id).Bind(2, static_cast<int64_t>(target.page));
  Status status;
  if (!stmt->Step(&status)) return status.ok() ? Status::NotFound("no such document") : status;
  ShownPage page;
  page.doc_sha256 = stmt->Text(0);
  page.doc_path = stmt->Text(1);
  page.doc_title = stmt->Text(2);
  page.doc_number = stmt->Text(3);
  page.agency = stmt->Text(4);
  page.page_count = static_cast<int>(stmt->Int(5));
  page.page = target.page;
  if (stmt->IsNull(8)) {
    return Status::InvalidArgument(page.doc_path + " has no page " + std::to_string(target.page) + " (it has " +
                                   std::to_string(page.page_count) + ")");
  }
  page.method = stmt->Text(6);
  page.ocr_confidence = stmt->OptionalReal(7);
  page.text = stmt->Text(8);
  ClauseFilter filter;
  filter.id = target.clause_id;
  auto clauses = ReadClauses(index, filter);
  if (!clauses.ok()) return clauses.status();
  for (const ClauseRecord& c : *clauses) {
    if (c.doc_sha256 != page.doc_sha256) continue;
    for (const ClauseRecord::Part& part : c.parts) {
      if (part.page == target.page) page.clauses.push_back({c, part.char_start, part.char_end});
    }
  }
  return page;
}

std::string MarkedPageText(const ShownPage& page, const std::string& open, const std::string& close) {
  // Merge the spans into disjoint runs, each with the numbers of its clauses.
  struct Run {
    int start, end;
    std::vector<int> numbers;
  };
  std::vector<Run> spans;
  for (size_t i = 0; i < page.clauses.size(); ++i) {
    spans.push_back({page.clauses[i].start, page.clauses[i].end, {static_cast<int>(i) + 1}});
  }
  std::sort(spans.begin(), spans.end(), [](const Run& a, const Run& b) { return a.start < b.start; });
  std::vector<Run> runs;
  for (const Run& s : spans) {
    if (s.end <= s.start) continue;
    if (!runs.empty() && s.start < runs.back().end) {
      runs.back().end = std::max(runs.back().end, s.end);
      runs.back().numbers.insert(runs.back().numbers.end(), s.numbers.begin(), s.numbers.end());
    } else {
      runs.push_back(s);
    }
  }
  std::string out;
  int cp = 0;
  size_t next = 0;
  bool inside = false;
  auto open_mark = [&](const Run& r) {
    std::string label;
    for (int n : r.numbers) label += (label.empty() ? "" : ",") + std::to_string(n);
    return open + label + ": ";
  };
  for (size_t i = 0; i <= page.text.size(); ++i) {
    const bool starts_code_point = i == page.text.size() || (static_cast<unsigned char>(page.text[i]) & 0xC0) != 0x80;
    if (starts_code_point) {
      if (inside && cp == runs[next].end) {
        out += close;
        inside = false;
        ++next;
      }
      if (!inside && next < runs.size() && cp == runs[next].start) {
        out += open_mark(runs[next]);
        inside = true;
      }
      ++cp;
    }
    if (i < page.text.size()) out += page.text[i];
  }
  if (inside) out += close;
  return out;
}

}  // namespace foiamine
