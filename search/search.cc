#include "search/search.h"

#include <cctype>
#include <set>
#include <unordered_map>
#include <utility>

#include "pipeline/citation_string.h"

namespace foiamine {

std::string Fts5SyntaxHelp() {
  return "Query syntax (SQLite FTS5):\n"
         "  detainer release          pages with both words (AND is implied)\n"
         "  \"notify ICE\"              an exact phrase (quotes must be balanced)\n"
         "  NEAR(notify ICE, 5)       words within 5 words of each other\n"
         "  notif*                    a prefix\n"
         "  ICE OR ERO, ICE NOT transport, (a OR b) AND c   operators in capitals; parentheses balanced\n"
         "  Quote words that contain punctuation, e.g. \"24-211.07\" or \"I-247A\".";
}

namespace {

// A match on a page: its code point span in the page text and the matched
// word, lowercased (so "ICE" and "ice" are one term).
struct MatchSpan {
  int start = 0, end = 0;
  std::string term;
};

// The matches on a page, from FTS5's highlight() of the page text with
// char(1) / char(2) around every match.
std::vector<MatchSpan> MatchSpans(const std::string& highlighted) {
  std::vector<MatchSpan> out;
  int code_points = 0;
  bool inside = false;
  for (char c : highlighted) {
    if (c == '\x01') {
      inside = true;
      out.push_back({code_points, code_points, ""});
      continue;
    }
    if (c == '\x02') {
      inside = false;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
    if (inside) {
      out.back().end = code_points;
      out.back().term += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// How well a span of the page holds the query: distinct terms matched in
// it first, then the number of matches.
std::pair<int, int> Coverage(const std::vector<MatchSpan>& matches, int start, int end) {
  std::set<std::string> terms;
  int count = 0;
  for (const MatchSpan& m : matches) {
    if (m.start < start || m.end > end) continue;
    terms.insert(m.term);
    ++count;
  }
  return {static_cast<int>(terms.size()), count};
}

// Where on the page the hit is: the start of the densest run of matches
// (most distinct query terms within a sentence's reach), so that a query
// whose words are scattered over the page is placed where they come
// together, not where the first of them happens to occur.
constexpr int kMatchReach = 240;  // code points: about a long sentence
int DensestMatchOffset(const std::vector<MatchSpan>& matches) {
  std::pair<int, int> best{-1, -1};
  int offset = matches.empty() ? 0 : matches.front().start;
  for (const MatchSpan& m : matches) {
    auto coverage = Coverage(matches, m.start, m.start + kMatchReach);
    if (coverage > best) {
      best = coverage;
      offset = m.start;
    }
  }
  return offset;
}

// Decides, page by page, whether a ranked page passes the --kind,
// --authority and --topic filters; a document's kind/authority verdict is
// looked up once.
class PageFilter {
 public:
  static StatusOr<PageFilter> Make(Database& db, const SearchOptions& o) {
    auto page = db.Prepare("SELECT document_id, page_no FROM pages WHERE id = ?1");
    if (!page.ok()) return page.status();
    auto document = db.Prepare(
        "SELECT (?2 = '' OR doc_kind = ?2) AND (?3 = '' OR authority = ?3) FROM documents WHERE id = ?1");
    if (!document.ok()) return document.status();
    auto topic = db.Prepare("SELECT 1 FROM clauses WHERE document_id = ?1 AND page_no = ?2 AND topic = ?3 LIMIT 1");
    if (!topic.ok()) return topic.status();
    // A prefix test by substr(), not LIKE: '_' and '%' are common in stamps.
    auto bates = db.Prepare("SELECT 1 FROM page_bates WHERE page_id = ?1 AND substr(bates, 1, length(?2)) = ?2");
    if (!bates.ok()) return bates.status();
    return PageFilter(o, std::move(*page), std::move(*document), std::move(*topic), std::move(*bates));
  }

  bool active() const { return !o_.kind.empty() || !o_.authority.empty() || !o_.topic.empty() || !o_.bates.empty(); }

  StatusOr<bool> Passes(int64_t page_id) {
    Status status;
    if (!o_.bates.empty()) {
      bates_.Reset();
      bates_.Bind(1, page_id).Bind(2, o_.bates);
      const bool stamped = bates_.Step(&status);
      if (!status.ok()) return status;
      if (!stamped) return false;
    }
    page_.Reset();
    page_.Bind(1, page_id);
    if (!page_.Step(&status)) return status.ok() ? StatusOr<bool>(false) : StatusOr<bool>(status);
    const int64_t document_id = page_.Int(0), page_no = page_.Int(1);
    auto known = documents_.find(document_id);
    if (known == documents_.end()) {
      document_.Reset();
      document_.Bind(1, document_id).Bind(2, o_.kind).Bind(3, o_.authority);
      bool passes = document_.Step(&status) && document_.Int(0) != 0;
      if (!status.ok()) return status;
      known = documents_.emplace(document_id, passes).first;
    }
    if (!known->second) return false;
    if (o_.topic.empty()) return true;
    topic_.Reset();
    topic_.Bind(1, document_id).Bind(2, page_no).Bind(3, o_.topic);
    bool has_topic = topic_.Step(&status);
    if (!status.ok()) return status;
    return has_topic;
  }

 private:
  PageFilter(const SearchOptions& o, Statement page, Statement document, Statement topic, Statement bates)
      : o_(o), page_(std::move(page)), document_(std::move(document)), topic_(std::move(topic)), bates_(std::move(bates)) {}
  const SearchOptions& o_;
  Statement page_, document_, topic_, bates_;
  std::unordered_map<int64_t, bool> documents_;
};

}  // namespace

StatusOr<std::vector<SearchHit>> Search(Index& index, const SearchOptions& o) {
  if (o.query.find_first_not_of(" \t\n") == std::string::npos) {
    return Status::InvalidArgument("empty query\n" + Fts5SyntaxHelp());
  }
  // Two steps, so that latency follows what FTS5 must rank, not the cost of
  // touching every matching page's row:
  //  1. rank: bm25 over the FTS index alone, best first (ties by page id);
  //     SQLite keeps only the best `window` pages (a top-k sort, cheaper
  //     than sorting every match). Without filters the window is `limit`.
  //     With filters the ranked pages are checked in order until `limit`
  //     pass; when a selective filter exhausts the window, the ranking is
  //     re-run with a window 8 times larger (in the end unbounded).
  //  2. detail: snippet, citation parts and section, for the hits only.
  // bm25 itself is computed for every matching page: that is the floor
  // (bench/README.md measures it).
  auto filter = PageFilter::Make(index.db(), o);
  if (!filter.ok()) return filter.status();
  auto ranked = index.db().Prepare(
      "SELECT rowid, bm25(pages_fts) AS score FROM pages_fts WHERE pages_fts MATCH ?1 "
      "ORDER BY score, rowid LIMIT ?2");
  if (!ranked.ok()) return ranked.status();
  std::vector<std::pair<int64_t, double>> top;
  Status status;
  int64_t window = filter->active() ? int64_t{32} * o.limit : o.limit;
  int64_t checked = 0;  // ranked pages already checked against the filters
  for (;;) {
    ranked->Reset();
    ranked->Bind(1, o.query).Bind(2, window);
    int64_t row = 0;
    while (static_cast<int>(top.size()) < o.limit && ranked->Step(&status)) {
      if (row++ < checked) continue;  // seen in a smaller window
      ++checked;
      const int64_t page_id = ranked->Int(0);
      if (filter->active()) {
        auto passes = filter->Passes(page_id);
        if (!passes.ok()) return passes.status();
        if (!*passes) continue;
      }
      top.emplace_back(page_id, ranked->Real(1));
    }
    const bool window_exhausted = window >= 0 && row == window;
    if (!status.ok() || static_cast<int>(top.size()) >= o.limit || !window_exhausted) break;
    window = window > (int64_t{1} << 24) ? -1 : window * 8;
  }
  std::vector<SearchHit> hits;
  if (status.ok() && !top.empty()) {
    // The first document path stands for the document. The section cited
    // is the clause's that holds the most of the query's terms on the page
    // (its section as extracted), else the innermost section containing
    // the densest run of matches; never the section where the snippet or
    // the first stray match starts.
    auto detail = index.db().Prepare(
        "SELECT d.sha256, (SELECT f.path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1), "
        "       coalesce(d.title,''), p.page_no, snippet(pages_fts, 0, ?2, ?3, '…', 16), coalesce(d.number,''), "
        "       coalesce(d.agency,''), p.method, p.ocr_confidence, d.id, "
        "       highlight(pages_fts, 0, char(1), char(2)), "
        "       (SELECT b.bates FROM page_bates b WHERE b.page_id = p.id) "
        "FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid JOIN documents d ON d.id = p.document_id "
        "WHERE pages_fts MATCH ?1 AND pages_fts.rowid = ?4");
    if (!detail.ok()) return detail.status();
    auto section = index.db().Prepare(
        "SELECT path FROM sections WHERE document_id = ?1 "
        "AND (page_no < ?2 OR (page_no = ?2 AND char_start <= ?3)) "
        "AND (end_page > ?2 OR (end_page = ?2 AND end_char > ?3)) "
        "ORDER BY depth DESC, page_no DESC, char_start DESC LIMIT 1");
    if (!section.ok()) return section.status();
    auto clauses = index.db().Prepare(
        "SELECT c.char_start, c.char_end, coalesce(c.section,''), "
        "  coalesce((SELECT first_line FROM clause_parts cp WHERE cp.clause_id = c.id AND cp.part = 0), 0), "
        "  coalesce((SELECT page_no FROM clause_parts cp WHERE cp.clause_id = c.id AND cp.last_line IS NOT NULL "
        "            ORDER BY part DESC LIMIT 1), 0), "
        "  coalesce((SELECT last_line FROM clause_parts cp WHERE cp.clause_id = c.id AND cp.last_line IS NOT NULL "
        "            ORDER BY part DESC LIMIT 1), 0) "
        "FROM clauses c WHERE c.document_id = ?1 AND c.page_no = ?2 ORDER BY c.char_start");
    if (!clauses.ok()) return clauses.status();
    for (const auto& [page_id, score] : top) {
      detail->Reset();
      detail->Bind(1, o.query).Bind(2, o.mark_open).Bind(3, o.mark_close).Bind(4, page_id);
      if (!detail->Step(&status)) break;
      SearchHit h;
      h.doc_sha256 = detail->Text(0);
      h.doc_path = detail->Text(1);
      h.doc_title = detail->Text(2);
      h.page = static_cast<int>(detail->Int(3));
      h.snippet = detail->Text(4);
      h.score = score;
      h.method = detail->Text(7);
      h.ocr_confidence = detail->OptionalReal(8);
      h.bates = detail->IsNull(11) ? "" : detail->Text(11);
      const std::vector<MatchSpan> matches = MatchSpans(detail->Text(10));
      const int dense_offset = DensestMatchOffset(matches);
      const int dense_terms = Coverage(matches, dense_offset, dense_offset + kMatchReach).first;
      std::pair<int, int> best_clause{0, 0};
      int clause_start = -1;
      std::string clause_section;
      int first_line = 0, end_page = 0, last_line = 0;  // the clause's transcript lines, if any
      clauses->Reset();
      clauses->Bind(1, detail->Int(9)).Bind(2, h.page);
      while (clauses->Step(&status)) {
        const int start = static_cast<int>(clauses->Int(0)), end = static_cast<int>(clauses->Int(1));
        auto coverage = Coverage(matches, start, end);
        if (coverage.first > 0 && coverage > best_clause) {
          best_clause = coverage;
          clause_start = start;
          clause_section = clauses->Text(2);
          first_line = static_cast<int>(clauses->Int(3));
          end_page = static_cast<int>(clauses->Int(4));
          last_line = static_cast<int>(clauses->Int(5));
        }
      }
      if (!status.ok()) break;
      // A clause wins unless a run of matches outside it holds more of the
      // query's terms.
      const bool clause_wins = clause_start >= 0 && best_clause.first >= dense_terms;
      if (clause_wins && !clause_section.empty()) {
        h.section = clause_section;
      } else {
        section->Reset();
        section->Bind(1, detail->Int(9)).Bind(2, h.page).Bind(3, clause_wins ? clause_start : dense_offset);
        if (section->Step(&status)) h.section = section->Text(0);
        if (!status.ok()) break;
      }
      CitationParts cite{detail->Text(6), detail->Text(5), h.doc_title, h.doc_path, h.section, h.page, h.bates};
      if (clause_wins && first_line > 0) {
        // A transcript clause: pin-cited by page and line, as its clause is.
        cite.first_line = first_line;
        cite.end_page = end_page;
        cite.last_line = last_line;
      }
      h.citation = FormatCitation(cite);
      hits.push_back(std::move(h));
    }
  }
  if (!status.ok()) {
    const std::string& raw = status.message();
    std::string detail;
    // Keep SQLite's pointer to the bad token ("syntax error near ...") but
    // say it in the user's terms.
    if (raw.find("fts5") != std::string::npos || raw.find("syntax") != std::string::npos ||
        raw.find("unterminated") != std::string::npos || raw.find("no such column") != std::string::npos ||
        raw.find("unknown special query") != std::string::npos) {
      detail = raw;
      for (const char* prefix : {"fts5: ", "fts5:"}) {
        if (detail.rfind(prefix, 0) == 0) detail = detail.substr(std::string(prefix).size());
      }
      if (detail.rfind("no such column", 0) == 0) {
        detail = "a word followed by ':' is read as a column name (" + detail + "); quote it";
      }
      return Status::InvalidArgument("malformed query " + std::string("'") + o.query + "': " + detail + "\n" +
                                     Fts5SyntaxHelp());
    }
    return Status::IoError("search failed: " + raw);
  }
  return hits;
}

}  // namespace foiamine
