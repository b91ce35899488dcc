#include "search/redactions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "search/diverge_report.h"

namespace foiamine {
namespace {

using Rect = std::array<double, 4>;

// Distance between two rectangles (0 when they overlap or touch).
double Gap(const Rect& a, const Rect& b) {
  const double dx = std::max({0.0, b[0] - a[2], a[0] - b[2]});
  const double dy = std::max({0.0, b[1] - a[3], a[1] - b[3]});
  return std::hypot(dx, dy);
}

struct CodeOnPage {
  std::string code;
  std::optional<Rect> box;
};

struct ClauseOnPage {
  std::string id, topic, citation;
  Rect box;
};

// The code a box is labelled with: the nearest on the page. A code printed
// after the box (to its right on the same line, or below) reads as its label
// before an equally near one printed before it ("[XXX] (b)(6) [XXX] (b)(7)(C)").
std::string NearestCode(const Rect& box, const std::vector<CodeOnPage>& codes) {
  std::string best;
  double best_score = 1e18;
  std::set<std::string> distinct;
  for (const CodeOnPage& c : codes) distinct.insert(c.code);
  for (const CodeOnPage& c : codes) {
    if (!c.box) continue;
    const Rect& r = *c.box;
    double score = Gap(box, r);
    if (r[2] <= box[0] + 0.5 || r[3] <= box[1] + 0.5) score += 6;  // before the box
    if (score < best_score) {
      best_score = score;
      best = c.code;
    }
  }
  // Plain text has no boxes: one code on the page is every box's.
  if (best.empty() && distinct.size() == 1) best = *distinct.begin();
  return best;
}

}  // namespace

double RedactedShare(const std::vector<Rect>& boxes, double width, double height) {
  if (boxes.empty() || width <= 0 || height <= 0) return 0;
  std::vector<double> xs;
  for (const Rect& b : boxes) {
    xs.push_back(std::clamp(b[0], 0.0, width));
    xs.push_back(std::clamp(b[2], 0.0, width));
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  double area = 0;
  for (size_t i = 0; i + 1 < xs.size(); ++i) {
    const double mid = (xs[i] + xs[i + 1]) / 2;
    std::vector<std::pair<double, double>> spans;
    for (const Rect& b : boxes) {
      if (b[0] <= mid && mid <= b[2]) spans.emplace_back(std::clamp(b[1], 0.0, height), std::clamp(b[3], 0.0, height));
    }
    std::sort(spans.begin(), spans.end());
    double covered = 0, start = -1, end = -1;
    for (const auto& [a, b] : spans) {
      if (a > end) {
        covered += end - start;
        start = a;
        end = b;
      } else {
        end = std::max(end, b);
      }
    }
    covered += end - start;
    area += covered * (xs[i + 1] - xs[i]);
  }
  return std::clamp(area / (width * height), 0.0, 1.0);
}

StatusOr<std::vector<RedactionPageRecord>> ReadRedactions(IndexReader& index, int64_t document_id) {
  Database& db = index.db();
  auto pages = db.Prepare(
      "SELECT p.id, d.sha256, (SELECT f.path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1), "
      "coalesce(d.title,''), p.page_no, coalesce(p.width_pt,0), coalesce(p.height_pt,0), "
      "coalesce((SELECT b.bates FROM page_bates b WHERE b.page_id=p.id),''), d.id "
      "FROM pages p JOIN documents d ON d.id=p.document_id "
      "WHERE (?1=0 OR d.id=?1) AND (EXISTS (SELECT 1 FROM redactions r WHERE r.page_id=p.id) "
      "OR EXISTS (SELECT 1 FROM exemption_codes e WHERE e.page_id=p.id)) ORDER BY 3, p.page_no");
  if (!pages.ok()) return pages.status();
  auto boxes = db.Prepare(
      "SELECT x0, y0, x1, y1, source, coalesce(label,''), leaked_text FROM redactions WHERE page_id=? ORDER BY seq");
  auto codes = db.Prepare("SELECT code, x0, y0, x1, y1 FROM exemption_codes WHERE page_id=? ORDER BY seq");
  // A clause's box on this page: its own row, or its part printed here.
  auto clauses = db.Prepare(
      "SELECT c.id, c.topic || ' / ' || c.stance, c.citation, c.x0, c.y0, c.x1, c.y1, c.text FROM clauses c "
      "WHERE c.document_id=?1 AND c.page_no=?2 AND c.x0 IS NOT NULL "
      "UNION SELECT c.id, c.topic || ' / ' || c.stance, c.citation, cp.x0, cp.y0, cp.x1, cp.y1, c.text "
      "FROM clause_parts cp "
      "JOIN clauses c ON c.id=cp.clause_id WHERE cp.document_id=?1 AND cp.page_no=?2 AND cp.x0 IS NOT NULL "
      "ORDER BY 3, 1");
  if (!boxes.ok()) return boxes.status();
  if (!codes.ok()) return codes.status();
  if (!clauses.ok()) return clauses.status();
  pages->Bind(1, document_id);
  std::vector<RedactionPageRecord> out;
  Status status;
  while (pages->Step(&status)) {
    RedactionPageRecord r;
    const int64_t page_id = pages->Int(0);
    r.doc_sha256 = pages->Text(1);
    r.doc_path = pages->Text(2);
    r.doc_title = pages->Text(3);
    r.page = static_cast<int>(pages->Int(4));
    const double width = pages->Real(5), height = pages->Real(6);
    r.bates = pages->Text(7);
    const int64_t doc_id = pages->Int(8);

    std::vector<CodeOnPage> on_page;
    codes->Reset();
    codes->Bind(1, page_id);
    Status step;
    while (codes->Step(&step)) {
      CodeOnPage c{codes->Text(0), std::nullopt};
      if (!codes->IsNull(1)) c.box = Rect{codes->Real(1), codes->Real(2), codes->Real(3), codes->Real(4)};
      r.codes.push_back(c.code);
      on_page.push_back(std::move(c));
    }
    if (!step.ok()) return step;

    std::vector<Rect> rects;
    boxes->Reset();
    boxes->Bind(1, page_id);
    while (boxes->Step(&step)) {
      RedactionBoxRecord b;
      b.bbox = Rect{boxes->Real(0), boxes->Real(1), boxes->Real(2), boxes->Real(3)};
      b.source = boxes->Text(4);
      b.label = boxes->Text(5);
      b.code = NearestCode(b.bbox, on_page);
      if (!boxes->IsNull(6)) r.bad.push_back(BadRedaction{b.bbox, boxes->Text(6)});
      rects.push_back(b.bbox);
      r.boxes.push_back(std::move(b));
    }
    if (!step.ok()) return step;
    r.area_share = RedactedShare(rects, width, height);

    if (!rects.empty()) {
      clauses->Reset();
      clauses->Bind(1, doc_id).Bind(2, r.page);
      while (clauses->Step(&step)) {
        const Rect box{clauses->Real(3), clauses->Real(4), clauses->Real(5), clauses->Real(6)};
        bool near = false;
        for (const Rect& b : rects) near |= Gap(box, b) <= kNearPoints;
        const std::string id = clauses->Text(0);
        if (!near || std::find(r.near_clauses.begin(), r.near_clauses.end(), id) != r.near_clauses.end()) continue;
        r.near_clauses.push_back(id);
        r.near_topics.push_back(clauses->Text(1));
        r.near_citations.push_back(clauses->Text(2));
        r.near_texts.push_back(clauses->Text(7));
      }
      if (!step.ok()) return step;
    }
    out.push_back(std::move(r));
  }
  if (!status.ok()) return status;
  return out;
}

std::string RedactionJson(const RedactionPageRecord& r) {
  nlohmann::json boxes = nlohmann::json::array(), bad = nlohmann::json::array();
  // Points to 0.01: finer than any print, and no float noise in the output.
  auto rounded = [](const Rect& b) {
    Rect out;
    for (size_t i = 0; i < 4; ++i) out[i] = std::round(b[i] * 100) / 100;
    return out;
  };
  for (const auto& b : r.boxes) boxes.push_back(rounded(b.bbox));
  for (const auto& b : r.bad) bad.push_back({{"bbox", rounded(b.bbox)}, {"text", b.text}});
  nlohmann::json j = {{"doc_sha256", r.doc_sha256},
                      {"doc_path", r.doc_path},
                      {"page", r.page},
                      {"bates", r.bates.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.bates)},
                      {"boxes", std::move(boxes)},
                      {"area_share", std::round(r.area_share * 10000) / 10000},
                      {"codes", r.codes},
                      {"bad", std::move(bad)},
                      {"near_clauses", r.near_clauses}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string BoxText(const Rect& b) {
  char text[96];
  std::snprintf(text, sizeof text, "[%.1f,%.1f,%.1f,%.1f]", b[0], b[1], b[2], b[3]);
  return text;
}

}  // namespace

std::string CodeCounts(const std::vector<std::string>& codes) {
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& c : codes) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == c; });
    if (it == counts.end()) counts.emplace_back(c, 1);
    else ++it->second;
  }
  std::string out;
  for (const auto& [code, n] : counts) out += (out.empty() ? "" : ", ") + code + (n > 1 ? " x" + std::to_string(n) : "");
  return out;
}

void WriteRedactionsCsv(const std::vector<RedactionPageRecord>& pages, std::ostream& out) {
  out << "doc_sha256,doc_path,page,bates,boxes,area_share,codes,box_codes,bad_text,near_clauses\n";
  for (const auto& r : pages) {
    std::vector<std::string> boxes, box_codes, bad;
    for (const auto& b : r.boxes) {
      boxes.push_back(BoxText(b.bbox));
      box_codes.push_back(b.code.empty() ? "-" : b.code);
    }
    for (const auto& b : r.bad) bad.push_back(b.text);
    char share[32];
    std::snprintf(share, sizeof share, "%.4f", r.area_share);
    out << CsvField(r.doc_sha256) << ',' << CsvField(r.doc_path) << ',' << r.page << ',' << CsvField(r.bates) << ','
        << CsvField(Join(boxes, "; ")) << ',' << share << ',' << CsvField(Join(r.codes, "; ")) << ','
        << CsvField(Join(box_codes, "; ")) << ',' << CsvField(Join(bad, " | ")) << ','
        << CsvField(Join(r.near_clauses, "; ")) << "\n";
  }
}

void WriteRedactionsText(const std::vector<RedactionPageRecord>& pages, std::ostream& out) {
  size_t i = 0;
  int64_t total_boxes = 0, total_bad = 0;
  std::set<std::string> documents;  // with a box
  while (i < pages.size()) {
    const std::string& path = pages[i].doc_path;
    size_t end = i;
    int64_t boxes = 0, bad = 0, with_boxes = 0;
    std::vector<std::string> codes;
    for (; end < pages.size() && pages[end].doc_path == path; ++end) {
      boxes += static_cast<int64_t>(pages[end].boxes.size());
      bad += static_cast<int64_t>(pages[end].bad.size());
      with_boxes += !pages[end].boxes.empty();
      codes.insert(codes.end(), pages[end].codes.begin(), pages[end].codes.end());
    }
    if (boxes) documents.insert(path);
    total_boxes += boxes;
    total_bad += bad;
    out << "\n" << EscapeForTerminal(path)
        << (pages[i].doc_title.empty() ? "" : "  - " + EscapeTextForTerminal(pages[i].doc_title)) << "\n";
    out << "  " << boxes << " redaction box" << (boxes == 1 ? "" : "es") << " on " << with_boxes << " page"
        << (with_boxes == 1 ? "" : "s");
    if (!codes.empty()) out << "; codes: " << EscapeTextForTerminal(CodeCounts(codes));
    if (bad) out << "; " << bad << " BAD (text still under the box)";
    out << "\n";
    for (; i < end; ++i) {
      const RedactionPageRecord& r = pages[i];
      out << "  p. " << r.page << (r.bates.empty() ? "" : " (" + EscapeTextForTerminal(r.bates) + ")") << ": "
          << r.boxes.size() << " box" << (r.boxes.size() == 1 ? "" : "es");
      char share[32];
      std::snprintf(share, sizeof share, "%.1f%%", r.area_share * 100);
      if (!r.boxes.empty()) out << ", " << share << " of the page";
      if (!r.codes.empty()) out << "; codes " << EscapeTextForTerminal(CodeCounts(r.codes));
      out << "\n";
      for (const auto& b : r.bad) {
        out << "    BAD REDACTION " << BoxText(b.bbox) << ": \"" << EscapeTextForTerminal(b.text) << "\"\n";
      }
      for (size_t k = 0; k < r.near_clauses.size(); ++k) {
        std::string quote = r.near_texts[k];
        for (char& c : quote) c = c == '\n' ? ' ' : c;
        if (CountCodePoints(quote) > 90) quote = SubstrCodePoints(quote, 0, 87) + "...";
        out << "    next to clause " << r.near_clauses[k] << " (" << r.near_topics[k] << "): \""
            << EscapeTextForTerminal(quote) << "\"\n";
      }
    }
  }
  out << "\n" << total_boxes << " redaction box" << (total_boxes == 1 ? "" : "es") << " in " << documents.size()
      << " document" << (documents.size() == 1 ? "" : "s") << "; " << total_bad << " bad redaction"
      << (total_bad == 1 ? "" : "s") << "\n";
}

StatusOr<RedactionCounts> CountRedactions(IndexReader& index) {
  auto stmt = index.db().Prepare(
      "SELECT (SELECT count(*) FROM redactions), (SELECT count(DISTINCT page_id) FROM redactions), "
      "(SELECT count(DISTINCT p.document_id) FROM redactions r JOIN pages p ON p.id=r.page_id), "
      "(SELECT count(*) FROM redactions WHERE leaked_text IS NOT NULL), (SELECT count(*) FROM exemption_codes)");
  if (!stmt.ok()) return stmt.status();
  RedactionCounts c;
  Status status;
  if (stmt->Step(&status)) {
    c.boxes = stmt->Int(0);
    c.pages = stmt->Int(1);
    c.documents = stmt->Int(2);
    c.bad = stmt->Int(3);
    c.codes = stmt->Int(4);
  }
  if (!status.ok()) return status;
  return c;
}

}  // namespace foiamine
