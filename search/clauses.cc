#include "search/clauses.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <unordered_map>

#include "base/terminal_text.h"
#include "base/utf8.h"
#include "index/schema.h"

namespace foiamine {
namespace {

using nlohmann::json;

}  // namespace

std::string FoldForMatching(const std::string& s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

StatusOr<std::vector<json>> ReadLabelLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read labels " + path);
  std::vector<json> lines;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return Status::Corrupt(path + ":" + std::to_string(line_no) + ": not a JSON object");
    }
    lines.push_back(std::move(j));
  }
  return lines;
}

StatusOr<std::vector<ClauseRecord>> ReadClauses(IndexReader& index, const ClauseFilter& f) {
  // An index written before documents.jurisdiction existed reads as unknown.
  const std::string jurisdiction =
      HasColumn(index.db(), "documents", "jurisdiction") ? "coalesce(d.jurisdiction,'')" : "''";
  // Only the filters given, so that SQLite can use the id key and the
  // (topic, stance) index: a search reads one topic's clauses per hit.
  std::string where = "1";
  if (!f.topic.empty()) where += " AND c.topic=?1";
  if (!f.stance.empty()) where += " AND c.stance=?2";
  if (!f.authority.empty()) where += " AND d.authority=?3";
  if (!f.id.empty()) where += " AND c.id=?4";
  // Any of `ids`: parameters ?5, ?6, ... (one statement for a search's hits).
  std::string in_ids;
  for (size_t i = 0; i < f.ids.size(); ++i) in_ids += (i ? ",?" : "?") + std::to_string(5 + i);
  if (!f.ids.empty()) where += " AND c.id IN (" + in_ids + ")";
  auto stmt = index.db().Prepare(
      "SELECT c.id, d.sha256, (SELECT fl.path FROM files fl WHERE fl.document_id=d.id ORDER BY fl.id LIMIT 1), "
      "coalesce(d.title,''), coalesce(d.number,''), coalesce(d.authority,''), c.page_no, coalesce(c.section,''), "
      "c.topic, c.stance, coalesce(c.actor,''), c.text, c.char_start, c.char_end, c.x0, c.y0, c.x1, c.y1, "
      "p.method, p.ocr_confidence, c.rule, c.citation, coalesce(c.cue_start,-1), coalesce(c.cue_end,-1), "
      "coalesce(d.agency,''), coalesce(d.doc_kind,''), coalesce(d.issued,''), coalesce(d.effective,''), "
      "coalesce(d.review,''), coalesce(c.topic_cue_start,-1), coalesce(c.topic_cue_end,-1), " +
      jurisdiction + ", "
      "coalesce((SELECT b.bates FROM page_bates b WHERE b.page_id=p.id),''), "
      "coalesce((SELECT dd.date FROM document_dates dd WHERE dd.document_id=d.id AND dd.kind='review_due'),'') "
      "FROM clauses c JOIN documents d ON d.id=c.document_id "
      "LEFT JOIN pages p ON p.document_id=c.document_id AND p.page_no=c.page_no "
      "WHERE " + where + " ORDER BY 3, c.page_no, c.char_start, c.topic");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, f.topic).Bind(2, f.stance).Bind(3, f.authority).Bind(4, f.id);
  for (size_t i = 0; i < f.ids.size(); ++i) stmt->Bind(static_cast<int>(5 + i), f.ids[i]);
  std::vector<ClauseRecord> out;
  Status status;
  while (stmt->Step(&status)) {
    ClauseRecord c;
    c.id = stmt->Text(0);
    c.doc_sha256 = stmt->Text(1);
    c.doc_path = stmt->Text(2);
    c.doc_title = stmt->Text(3);
    c.doc_number = stmt->Text(4);
    c.authority = stmt->Text(5);
    c.page = static_cast<int>(stmt->Int(6));
    c.section = stmt->Text(7);
    c.topic = stmt->Text(8);
    c.stance = stmt->Text(9);
    c.actor = stmt->Text(10);
    c.text = stmt->Text(11);
    c.char_start = static_cast<int>(stmt->Int(12));
    c.char_end = static_cast<int>(stmt->Int(13));
    if (!stmt->IsNull(14)) c.bbox = std::array<double, 4>{stmt->Real(14), stmt->Real(15), stmt->Real(16), stmt->Real(17)};
    c.method = stmt->Text(18);
    c.ocr_confidence = stmt->OptionalReal(19);
    c.rule = stmt->Text(20);
    c.citation = stmt->Text(21);
    c.cue_start = static_cast<int>(stmt->Int(22));
    c.cue_end = static_cast<int>(stmt->Int(23));
    c.agency = stmt->Text(24);
    c.doc_kind = stmt->Text(25);
    c.issued = stmt->Text(26);
    c.effective = stmt->Text(27);
    c.review = stmt->Text(28);
    c.topic_cue_start = static_cast<int>(stmt->Int(29));
    c.topic_cue_end = static_cast<int>(stmt->Int(30));
    c.jurisdiction = stmt->Text(31);
    c.bates = stmt->Text(32);
    c.review_due = stmt->Text(33);
    if (c.method == "ocr") c.ocr_readings = extractors::FindOcrReadings(c.text);
    out.push_back(std::move(c));
  }
  if (!status.ok()) return status;
  // Parts: only clauses that cross a page break or lie on a numbered
  // transcript page have rows, so one pass over the table is small.
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < out.size(); ++i) by_id.emplace(out[i].id, i);
  auto parts = index.db().Prepare(
      "SELECT clause_id, page_no, char_start, char_end, coalesce(first_line,0), coalesce(last_line,0), x0, y0, x1, y1 "
      "FROM clause_parts WHERE " +
      std::string(!f.id.empty() ? "clause_id=?1" : !f.ids.empty() ? "clause_id IN (" + in_ids + ")" : "1") +
      " ORDER BY clause_id, part");
  if (!parts.ok()) return parts.status();
  parts->Bind(1, f.id);
  for (size_t i = 0; i < f.ids.size(); ++i) parts->Bind(static_cast<int>(5 + i), f.ids[i]);
  while (parts->Step(&status)) {
    auto it = by_id.find(parts->Text(0));
    if (it == by_id.end()) continue;
    ClauseRecord::Part p;
    p.page = static_cast<int>(parts->Int(1));
    p.char_start = static_cast<int>(parts->Int(2));
    p.char_end = static_cast<int>(parts->Int(3));
    p.first_line = static_cast<int>(parts->Int(4));
    p.last_line = static_cast<int>(parts->Int(5));
    if (!parts->IsNull(6)) p.bbox = std::array<double, 4>{parts->Real(6), parts->Real(7), parts->Real(8), parts->Real(9)};
    out[it->second].parts.push_back(std::move(p));
  }
  if (!status.ok()) return status;
  for (ClauseRecord& c : out) {
    if (c.parts.empty()) c.parts.push_back(ClauseRecord::Part{c.page, c.char_start, c.char_end, 0, 0, c.bbox});
  }
  return out;
}

std::string ClauseJson(const ClauseRecord& c) {
  return ClauseJsonObject(c).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json ClauseJsonObject(const ClauseRecord& c) {
  // ordered_json: the keys come out in the contract's order.
  using json = nlohmann::ordered_json;
  json j = {{"id", c.id},
            {"doc_sha256", c.doc_sha256},
            {"doc_path", c.doc_path},
            {"doc_title", c.doc_title},
            {"doc_number", c.doc_number.empty() ? json(nullptr) : json(c.doc_number)},
            {"authority", c.authority.empty() ? json(nullptr) : json(c.authority)},
            {"jurisdiction", c.jurisdiction.empty() ? json(nullptr) : json(c.jurisdiction)},
            {"page", c.page},
            {"section", c.section.empty() ? json(nullptr) : json(c.section)},
            {"topic", c.topic},
            {"stance", c.stance},
            {"actor", c.actor.empty() ? json(nullptr) : json(c.actor)},
            {"text", c.text},
            {"char_start", c.char_start},
            {"char_end", c.char_end},
            {"bbox", c.bbox ? json(*c.bbox) : json(nullptr)},
            {"method", c.method},
            {"ocr_confidence", c.ocr_confidence ? json(*c.ocr_confidence) : json(nullptr)},
            {"rule", c.rule},
            {"citation", c.citation}};
  // After the contract's keys: the page's Bates stamp, and the readings of
  // OCR-damaged known tokens in "text" (README, Contracts).
  j["bates"] = c.bates.empty() ? json(nullptr) : json(c.bates);
  json readings = json::array();
  for (const auto& r : c.ocr_readings) readings.push_back({{"raw", r.raw}, {"reading", r.reading}});
  j["ocr_readings"] = readings;
  // Where the sentence is printed: one part per page (two when it crosses a
  // page break), with the printed transcript lines where the page has them.
  json parts = json::array();
  for (const auto& p : c.parts) {
    parts.push_back({{"page", p.page},
                     {"char_start", p.char_start},
                     {"char_end", p.char_end},
                     {"bbox", p.bbox ? json(*p.bbox) : json(nullptr)},
                     {"lines", p.first_line > 0 ? json({p.first_line, p.last_line}) : json(nullptr)}});
  }
  j["parts"] = parts;
  return j;
}

StatusOr<EvalReport> EvaluateClauses(const std::vector<ClauseRecord>& clauses, const std::string& labels_path) {
  auto lines = ReadLabelLines(labels_path);
  if (!lines.ok()) return lines.status();
  struct Label {
    std::string doc_path, topic, stance, quote;
    int page = 0;
  };
  std::vector<Label> labels;
  for (const json& j : *lines) {
    labels.push_back(Label{j.value("doc_path", ""), j.value("topic", ""), j.value("stance", ""),
                           FoldForMatching(j.value("quote", "")), j.value("page", 0)});
  }
  EvalReport report;
  auto matches = [](const ClauseRecord& c, const Label& l) {
    return c.doc_path == l.doc_path && c.page == l.page && c.topic == l.topic && c.stance == l.stance &&
           FoldForMatching(c.text).find(l.quote) != std::string::npos;
  };
  for (const auto& l : labels) {
    TopicScore& t = report.by_topic[l.topic];
    ++t.expected;
    ++report.overall.expected;
    bool hit = std::any_of(clauses.begin(), clauses.end(), [&](const ClauseRecord& c) { return matches(c, l); });
    if (hit) {
      ++t.labels_matched;
      ++report.overall.labels_matched;
    } else {
      report.missed.push_back(l.doc_path + " p." + std::to_string(l.page) + " " + l.topic + " " + l.stance + ": " +
                              l.quote);
    }
  }
  for (const auto& c : clauses) {
    TopicScore& t = report.by_topic[c.topic];
    ++t.found;
    ++report.overall.found;
    bool hit = std::any_of(labels.begin(), labels.end(), [&](const Label& l) { return matches(c, l); });
    if (hit) {
      ++t.true_positives;
      ++report.overall.true_positives;
    } else {
      report.unexpected.push_back(c.doc_path + " p." + std::to_string(c.page) + " " + c.topic + " " + c.stance +
                                  " [" + c.rule + "]: " + std::string(Utf8Prefix(c.text, 140)));
    }
  }
  return report;
}

void PrintEvalReport(const EvalReport& r, bool verbose, std::ostream& out) {
  char line[160];
  std::snprintf(line, sizeof line, "%-24s %6s %8s %6s %9s %7s\n", "topic", "found", "expected", "right", "precision",
                "recall");
  out << line;
  auto row = [&](const std::string& name, const TopicScore& t) {
    std::snprintf(line, sizeof line, "%-24s %6d %8d %6d %9.2f %7.2f\n", name.c_str(), t.found, t.expected,
                  t.true_positives, t.precision(), t.recall());
    out << line;
  };
  for (const auto& [topic, t] : r.by_topic) row(topic, t);
  row("overall", r.overall);
  if (verbose || r.missed.size() + r.unexpected.size() <= 20) {
    // Quotes and clause text come from the documents: escaped, as everywhere else they are shown.
    for (const auto& m : r.missed) out << "missed:     " << EscapeForTerminal(m) << "\n";
    for (const auto& u : r.unexpected) out << "unexpected: " << EscapeForTerminal(u) << "\n";
  } else {
    out << r.missed.size() << " labels missed, " << r.unexpected.size()
        << " clauses unexpected (--verbose lists them)\n";
  }
}

}  // namespace foiamine
