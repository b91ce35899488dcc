#include "search/diverge_report.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "base/terminal_text.h"
#include "search/report_model.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

namespace foiamine {
namespace {

using nlohmann::json;

// Byte offsets of each code point start in `s`, plus s.size() at the end.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// Word-wraps `text` to `width` code points, every line prefixed by `indent`.
// Escape sequences (ANSI) are not counted.
std::string Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::string out, line;
  size_t line_len = 0;
  size_t pos = 0;
  auto visible = [](const std::string& w) {
    size_t n = 0;
    bool esc = false;
    for (size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (c == 0x1B) esc = true;
      if (esc) {
        if (c == 'm') esc = false;
        continue;
      }
      if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
  };
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string::npos) space = text.size();
    std::string word = text.substr(pos, space - pos);
    size_t len = visible(word);
    if (line_len > 0 && line_len + 1 + len > width) {
      out += indent + line + "\n";
      line.clear();
      line_len = 0;
    }
    if (line_len > 0) {
      line += ' ';
      ++line_len;
    }
    line += word;
    line_len += len;
    pos = space + 1;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

std::string Topic(const std::string& topic) {
  std::string t = topic;
  for (auto& c : t) {
    if (c == '_') c = ' ';
  }
  return t;
}

void WriteSide(const char* label, const ClauseRecord& c, const ReportOptions& options, std::ostream& out) {
  char head[16];
  std::snprintf(head, sizeof head, "  %-10s", label);
  const std::string indent(12, ' ');
  // Text from the documents is made inert for a terminal (the report's text
  // format is read there, or in a pager).
  out << head << EscapeForTerminal(c.citation) << "   [clause " << c.id << "]\n";
  if (!c.doc_title.empty()) out << Wrap(EscapeForTerminal(c.doc_title), 90, indent);
  out << indent << EscapeForTerminal(c.doc_path) << " | section "
      << (c.section.empty() ? "(none)" : EscapeForTerminal(c.section)) << " | " << PagesOf(c) << "\n";
  out << indent << c.stance << " | " << DocumentDates(c) << " | " << ExtractionMethod(c) << "\n";
  auto inert = [](const std::string& t) { return EscapeForTerminal(t); };
  std::string quote = options.color ? MarkedText(c, MarkStyle{"\033[1m", "\033[22m", "\033[4m", "\033[24m", inert})
                                    : MarkedText(c, MarkStyle{"**", "**", "__", "__", inert});
  out << Wrap("\"" + quote + "\"", 90, indent);
}

}  // namespace

namespace {

// The cue spans [begin, end) as code point indices of the clause text,
// clipped to it; a span that is empty, unset (negative) or wholly outside
// the clause text is empty (begin == end == 0) and marks nothing.
struct ClipSpan {
  size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};
ClipSpan Clip(const ClauseRecord& c, int begin, int end, size_t n) {
  if (begin < 0 || end <= begin) return {};
  long b = static_cast<long>(begin) - c.char_start, e = static_cast<long>(end) - c.char_start;
  if (e <= 0 || b >= static_cast<long>(n)) return {};
  ClipSpan s{static_cast<size_t>(std::max(0L, b)), static_cast<size_t>(std::min<long>(e, static_cast<long>(n)))};
  return s.empty() ? ClipSpan{} : s;
}

}  // namespace

std::vector<MarkedRun> MarkClause(const ClauseRecord& c) {
  const std::vector<size_t> starts = CodePointStarts(c.text);
  const size_t n = starts.size() - 1;
  std::vector<unsigned char> flags(n, 0);
  auto mark = [&](const ClipSpan& s, unsigned char bit) {
    for (size_t i = s.begin; i < s.end; ++i) flags[i] |= bit;
  };
  mark(Clip(c, c.cue_start, c.cue_end, n), 1);
  mark(Clip(c, c.topic_cue_start, c.topic_cue_end, n), 2);
  std::vector<MarkedRun> runs;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && flags[j] == flags[i]) ++j;
    runs.push_back(MarkedRun{c.text.substr(starts[i], starts[j] - starts[i]), (flags[i] & 1) != 0,
                             (flags[i] & 2) != 0});
    i = j;
  }
  return runs;
}

std::string MarkedText(const ClauseRecord& clause, const MarkStyle& style) {
  const std::vector<size_t> starts = CodePointStarts(clause.text);
  const size_t n = starts.size() - 1;
  // 0 = stance, 1 = topic.
  const ClipSpan span[2] = {Clip(clause, clause.cue_start, clause.cue_end, n),
                            Clip(clause, clause.topic_cue_start, clause.topic_cue_end, n)};
  const std::string* open[2] = {&style.stance_open, &style.topic_open};
  const std::string* close[2] = {&style.stance_close, &style.topic_close};
  auto escape = [&](size_t from, size_t to) {
    std::string t = clause.text.substr(starts[from], starts[to] - starts[from]);
    return style.escape ? style.escape(t) : t;
  };
  // Boundaries where a mark opens or closes, in order.
  std::vector<size_t> cuts = {0, n};
  for (const auto& s : span) {
    if (!s.empty()) cuts.insert(cuts.end(), {s.begin, s.end});
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  // Marks always nest: the one open longer is outside (the stance one when
  // both cover the same words). When a mark must close while one opened
  // after it is still going on (spans that cross), the inner one is closed
  // and reopened around the rest of its words.
  std::vector<int> stack;
  std::string out;
  for (size_t k = 0; k + 1 < cuts.size(); ++k) {
    const size_t at = cuts[k], next = cuts[k + 1];
    auto active = [&](int m) { return span[m].begin <= at && at < span[m].end; };
    // Close down to the deepest mark that ends here.
    size_t keep = stack.size();
    for (size_t d = 0; d < stack.size(); ++d) {
      if (!active(stack[d])) {
        keep = d;
        break;
      }
    }
    while (stack.size() > keep) {
      out += *close[stack.back()];
      stack.pop_back();
    }
    // Open (or reopen) what covers the next words, the longer-lasting first.
    std::vector<int> to_open;
    for (int m = 0; m < 2; ++m) {
      if (active(m) && std::find(stack.begin(), stack.end(), m) == stack.end()) to_open.push_back(m);
    }
    std::stable_sort(to_open.begin(), to_open.end(), [&](int a, int b) { return span[a].end > span[b].end; });
    for (int m : to_open) {
      out += *open[m];
      stack.push_back(m);
    }
    out += escape(at, next);
  }
  while (!stack.empty()) {
    out += *close[stack.back()];
    stack.pop_back();
  }
  return out;
}

std::string MarkedText(const ClauseRecord& clause, const std::string& stance_open, const std::string& stance_close,
                       const std::string& topic_open, const std::string& topic_close) {
  return MarkedText(clause, MarkStyle{stance_open, stance_close, topic_open, topic_close, nullptr});
}

void WriteDivergenceText(const std::vector<Divergence>& pairs, const ReportOptions& options, std::ostream& out) {
  std::map<std::string, std::pair<int, int>> by_topic;  // topic -> (divergences, agreements)
  int divergences = 0, agreements = 0;
  for (const auto& d : pairs) {
    (d.agreement ? by_topic[d.topic].second : by_topic[d.topic].first)++;
    (d.agreement ? agreements : divergences)++;
  }
  out << "LAW vs PRACTICE: " << divergences << " divergence" << (divergences == 1 ? "" : "s");
  if (agreements) out << ", " << agreements << " agreement" << (agreements == 1 ? "" : "s");
  out << " in " << by_topic.size() << " topic" << (by_topic.size() == 1 ? "" : "s");
  if (!options.source.empty()) out << "  (" << options.source << ")";
  out << "\n";
  for (const auto& [topic, counts] : by_topic) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-24s %3d divergence%s", topic.c_str(), counts.first,
                  counts.first == 1 ? "" : "s");
    out << line;
    if (counts.second) out << ", " << counts.second << " agreement" << (counts.second == 1 ? "" : "s");
    out << "\n";
  }
  if (options.color) {
    out << "Marks: \033[1mstance words\033[0m, \033[4mtopic words\033[0m\n";
  } else {
    out << "Marks: **stance words**, __topic words__\n";
  }
  std::string topic;
  bool in_agreements = false;
  int number = 0;
  for (const auto& d : pairs) {
    if (d.topic != topic) {
      topic = d.topic;
      in_agreements = false;
      number = 0;
      auto counts = by_topic[topic];
      out << "\n== " << Topic(topic) << " (" << topic << "): " << counts.first << " divergence"
          << (counts.first == 1 ? "" : "s");
      if (counts.second) out << ", " << counts.second << " agreement" << (counts.second == 1 ? "" : "s");
      out << " ==\n";
    }
    if (d.agreement && !in_agreements) {
      in_agreements = true;
      out << "\n  -- agreements: policy/practice that restricts what the law restricts --\n";
    }
    ++number;
    out << "\n" << Wrap("[" + std::string(d.agreement ? "A" : "D") + std::to_string(number) + "] " +
                            EscapeForTerminal(d.actor) + ": " + EscapeForTerminal(d.summary),
                        100, "");
    WriteSide("LAW", d.law, options, out);
    WriteSide(d.agreement ? "COMPLIES" : (d.practice.authority == "practice" ? "PRACTICE" : "POLICY"), d.practice,
              options, out);
  }
  if (pairs.empty()) out << "\nNo pairs found.\n";
}

void WriteMatrixText(const Matrix& m, const std::vector<ClauseRecord>& clauses, std::ostream& out) {
  std::map<std::string, const ClauseRecord*> by_id;
  for (const auto& c : clauses) by_id.emplace(c.id, &c);
  out << "AGENCY x TOPIC: conflicts (a divergence), complies (only agreeing clauses), silent (a law restricts\n"
         "the topic; no binding clause in any of the agency's documents), - (no law restricts it)\n\n";
  size_t topic_width = 8, cell_width = 16;
  for (const auto& t : m.topics) topic_width = std::max(topic_width, t.size());
  for (const auto& a : m.agencies) cell_width = std::max(cell_width, a.size() + 2);
  std::vector<std::string> notes;
  out << std::string(topic_width + 2, ' ');
  for (const auto& a : m.agencies) out << a << std::string(cell_width - a.size(), ' ');
  out << "\n";
  for (const auto& t : m.topics) {
    out << t << std::string(topic_width + 2 - t.size(), ' ');
    for (const auto& a : m.agencies) {
      const MatrixCell& cell = m.at(a, t);
      std::string text = CellStateName(cell.state);
      if (!cell.clause_ids.empty()) {
        notes.push_back("");
        std::string& note = notes.back();
        note = "[" + std::to_string(notes.size()) + "] " + a + " / " + t + " " + CellStateName(cell.state) + ":";
        if (cell.state == CellState::kSilent) note += " restricted by";
        for (const auto& id : cell.clause_ids) {
          auto it = by_id.find(id);
          note += "\n      " + id + (it != by_id.end() ? "  " + it->second->citation + " (" + it->second->stance + ")" : "");
        }
        text += " [" + std::to_string(notes.size()) + "]";
      }
      out << text << std::string(text.size() < cell_width ? cell_width - text.size() : 1, ' ');
    }
    out << "\n";
  }
  if (!notes.empty()) out << "\nClauses behind the cells (`foiamine cite ID --db ...` prints one):\n";
  for (const auto& n : notes) out << "  " << n << "\n";
}

void WriteDivergenceJson(const std::vector<Divergence>& pairs, std::ostream& out) {
  auto nullable = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
  };
  // Exhibit numbers: those of the memo and bundle of the same pairs.
  const ExhibitList exhibits = ExhibitList::ForPairs(pairs);
  auto exhibit = [&](const ClauseRecord& c) {
    const std::vector<int> numbers = exhibits.NumbersOf(c);
    return numbers.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(numbers.front());
  };
  for (const auto& d : pairs) {
    // ClauseJson's output is re-parsed so both sides are exactly the Clause record.
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["topic"] = d.topic;
    j["actor"] = d.actor;
    j["law"] = nlohmann::ordered_json::parse(ClauseJson(d.law));
    j["practice"] = nlohmann::ordered_json::parse(ClauseJson(d.practice));
    j["law_effective"] = nullable(d.law_effective);
    j["practice_issued"] = nullable(d.practice_issued);
    j["summary"] = d.summary;
    j["id"] = DivergenceId(d);  // stable; the id a search hit gives the same pair
    j["law_exhibit"] = exhibit(d.law);
    j["practice_exhibit"] = exhibit(d.practice);
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
}

std::string CsvField(const std::string& value) {
  // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
  // before one) as a formula: =HYPERLINK(...) in a quoted log line would
  // become a live link. Such a cell gets a leading apostrophe (OWASP's
  // advice), which spreadsheets show as text and hide.
  const bool formula = !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos;
  const std::string v = formula ? "'" + value : value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteDivergenceCsv(const std::vector<Divergence>& pairs, std::ostream& out) {
  // Each side carries its file's SHA-256, page, Bates stamp and exhibit
  // number (the numbers of the PDF memo and bundle of the same pairs).
  const ExhibitList exhibits = ExhibitList::ForPairs(pairs);
  auto exhibit = [&](const ClauseRecord& c) {
    const std::vector<int> numbers = exhibits.NumbersOf(c);
    return numbers.empty() ? std::string() : std::to_string(numbers.front());
  };
  const std::vector<std::string> header = {
      "id",           "kind",          "topic",          "actor",            "law_citation",
      "law_doc_path", "law_sha256",    "law_page",       "law_bates",        "law_exhibit",
      "law_section",  "law_text",      "law_effective",  "practice_citation", "practice_doc_path",
      "practice_sha256", "practice_page", "practice_bates", "practice_exhibit", "practice_section",
      "practice_stance", "practice_text", "practice_issued", "summary",       "law_clause_id",
      "practice_clause_id"};
  auto row = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << CsvField(fields[i]);
    out << "\r\n";
  };
  row(header);
  for (const auto& d : pairs) {
    row({DivergenceId(d), d.agreement ? "agreement" : "divergence", d.topic, d.actor, d.law.citation,
         d.law.doc_path, d.law.doc_sha256, std::to_string(d.law.page), d.law.bates, exhibit(d.law), d.law.section,
         d.law.text, d.law_effective, d.practice.citation, d.practice.doc_path, d.practice.doc_sha256,
         std::to_string(d.practice.page), d.practice.bates, exhibit(d.practice), d.practice.section,
         d.practice.stance, d.practice.text, d.practice_issued, d.summary, d.law.id, d.practice.id});
  }
}

std::string DocumentDates(const ClauseRecord& c, const char* review_word) {
  std::string s;
  auto add = [&](const char* what, const std::string& date) {
    if (date.empty()) return;
    if (!s.empty()) s += ", ";
    s += std::string(what) + " " + date;
  };
  add("issued", c.issued);
  add("effective", c.effective);
  add(review_word, c.review);
  // A scheduled review is a plan, shown as one: never as a reissue.
  add("review due", c.review_due);
  return s.empty() ? "undated" : s;
}

std::string PagesOf(const ClauseRecord& c) {
  std::string s = "page " + std::to_string(c.page);
  if (c.parts.size() > 1)
    s += " (printed on pp. " + std::to_string(c.parts.front().page) + "-" + std::to_string(c.parts.back().page) + ")";
  return s;
}

std::string ExtractionMethod(const ClauseRecord& c) {
  if (c.method != "ocr") return "text layer";
  std::string s = "OCR";
  if (c.ocr_confidence) s += ", confidence " + std::to_string(static_cast<int>(*c.ocr_confidence + 0.5));
  // The quote is OCR output, not the printed text: say so, with the
  // readings of tokens OCR is known to damage.
  s += "; quote as OCR read it";
  if (!c.ocr_readings.empty()) s += ": " + extractors::OcrReadingsNote(c.ocr_readings);
  return s;
}

}  // namespace foiamine
