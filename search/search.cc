#include "search/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "extractors/ocr_readings.h"
#include "index/citation_string.h"
#include "index/fts_rank.h"
#include "index/schema.h"
#include "search/query_expansion.h"
#include "search/query_text.h"

namespace foiamine {

std::string Fts5SyntaxHelp() {
  return "Query syntax (SQLite FTS5):\n"
         "  detainer release          pages with both words (AND is implied)\n"
         "  \"notify ICE\"              an exact phrase (quotes must be balanced)\n"
         "  NEAR(notify ICE, 5)       words within 5 words of each other\n"
         "  notif*                    a prefix\n"
         "  ICE OR ERO, ICE NOT transport, (a OR b) AND c   operators in capitals; parentheses balanced\n"
         "  I-247A, 287(g), 24-211.07  words with punctuation are read as phrases (quoting them is the same)\n"
         "  topic:facility_access     pages with a clause of that topic; alone, lists the clauses\n"
         "  stance:requires           likewise for a stance";
}

Status CheckQueryBounds(const SearchOptions& o) {
  // FTS5's cost grows with the query's terms (20,000 terms took > 30 s);
  // no person types more than a few dozen.
  if (o.query.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query of " + std::to_string(o.query.size()) + " bytes is too long (at most " +
                                   std::to_string(kMaxQueryBytes) + ")");
  }
  int terms = 0;
  bool in_term = false;
  for (char c : o.query) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_term) ++terms;
    in_term = !space;
  }
  if (terms > kMaxQueryTerms) {
    return Status::InvalidArgument("query of " + std::to_string(terms) + " terms is too long (at most " +
                                   std::to_string(kMaxQueryTerms) + ")");
  }
  if (o.limit < 1 || o.limit > kMaxSearchLimit) {
    return Status::InvalidArgument("limit " + std::to_string(o.limit) + " is out of range (1 to " +
                                   std::to_string(kMaxSearchLimit) + ")");
  }
  return Status::Ok();
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
    // A document's date is its issued date, else its effective date; an
    // undated document passes no date filter.
    const std::string jurisdiction = HasColumn(db, "documents", "jurisdiction") ? "coalesce(jurisdiction,'')" : "''";
    auto document = db.Prepare(
        "SELECT (?2 = '' OR doc_kind = ?2) AND (?3 = '' OR authority = ?3) "
        "AND (?4 = '' OR lower(coalesce(agency,'')) = lower(?4)) "
        "AND (?5 = '' OR " + jurisdiction + " = ?5 OR substr(" + jurisdiction + ", 1, length(?5) + 1) = ?5 || '/') "
        "AND (?6 = '' OR coalesce(issued, effective, '') >= ?6) "
        "AND (?7 = '' OR (coalesce(issued, effective, '') != '' AND coalesce(issued, effective) <= ?7)) "
        "AND (?8 = 0 OR id = ?8) FROM documents WHERE id = ?1");
    if (!document.ok()) return document.status();
    auto topic = db.Prepare(
        "SELECT 1 FROM clauses WHERE document_id = ?1 AND page_no = ?2 AND (?3 = '' OR topic = ?3) "
        "AND (?4 = '' OR stance = ?4) LIMIT 1");
    if (!topic.ok()) return topic.status();
    // A prefix test by substr(), not LIKE: '_' and '%' are common in stamps.
    auto bates = db.Prepare("SELECT 1 FROM page_bates WHERE page_id = ?1 AND substr(bates, 1, length(?2)) = ?2");
    if (!bates.ok()) return bates.status();
    return PageFilter(o, std::move(*page), std::move(*document), std::move(*topic), std::move(*bates));
  }

  bool active() const {
    return !o_.kind.empty() || !o_.authority.empty() || !o_.topic.empty() || !o_.bates.empty() || !o_.stance.empty() ||
           !o_.agency.empty() || !o_.jurisdiction.empty() || !o_.after.empty() || !o_.before.empty() ||
           o_.document_id != 0;
  }

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
      document_.Bind(1, document_id).Bind(2, o_.kind).Bind(3, o_.authority).Bind(4, o_.agency);
      document_.Bind(5, o_.jurisdiction).Bind(6, o_.after).Bind(7, o_.before).Bind(8, o_.document_id);
      bool passes = document_.Step(&status) && document_.Int(0) != 0;
      if (!status.ok()) return status;
      known = documents_.emplace(document_id, passes).first;
    }
    if (!known->second) return false;
    if (o_.topic.empty() && o_.stance.empty()) return true;
    topic_.Reset();
    topic_.Bind(1, document_id).Bind(2, page_no).Bind(3, o_.topic).Bind(4, o_.stance);
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

namespace {

// The detail of a ranked page: snippet, citation parts, the section and the
// clauses holding the match (with their divergences). Prepared once per search.
class HitDetail {
 public:
  static StatusOr<HitDetail> Make(IndexReader& index, const SearchOptions& o) {
    // The first document path stands for the document.
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
        "            ORDER BY part DESC LIMIT 1), 0), "
        "  c.id, c.topic, c.stance "
        "FROM clauses c WHERE c.document_id = ?1 AND c.page_no = ?2 ORDER BY c.char_start");
    if (!clauses.ok()) return clauses.status();
    return HitDetail(index, o, std::move(*detail), std::move(*section), std::move(*clauses));
  }

  // The hit for a ranked page; nullopt when the page no longer matches.
  StatusOr<std::optional<SearchHit>> Read(int64_t page_id, double score) {
    Status status;
    detail_.Reset();
    detail_.Bind(1, o_.query).Bind(2, o_.mark_open).Bind(3, o_.mark_close).Bind(4, page_id);
    if (!detail_.Step(&status)) {
      if (!status.ok()) return status;
      return std::optional<SearchHit>();
    }
    SearchHit h;
    h.doc_sha256 = detail_.Text(0);
    h.doc_path = detail_.Text(1);
    h.doc_title = detail_.Text(2);
    h.page = static_cast<int>(detail_.Int(3));
    h.snippet = detail_.Text(4);
    h.score = score;
    h.method = detail_.Text(7);
    h.ocr_confidence = detail_.OptionalReal(8);
    h.bates = detail_.IsNull(11) ? "" : detail_.Text(11);
    const int64_t document_id = detail_.Int(9);
    const std::vector<MatchSpan> matches = MatchSpans(detail_.Text(10));
    const int dense_offset = DensestMatchOffset(matches);
    const int dense_terms = Coverage(matches, dense_offset, dense_offset + kMatchReach).first;
    // The section cited is the clause's that holds the most of the query's
    // terms on the page (its section as extracted), else the innermost
    // section containing the densest run of matches; never the section
    // where the snippet or the first stray match starts.
    std::pair<int, int> best_clause{0, 0};
    int clause_start = -1;
    std::string clause_section;
    int first_line = 0, end_page = 0, last_line = 0;  // the clause's transcript lines, if any
    struct Matched {
      std::pair<int, int> coverage;
      std::string id, topic;
    };
    std::vector<Matched> matched;  // clauses holding a match (and passing --topic/--stance)
    clauses_.Reset();
    clauses_.Bind(1, document_id).Bind(2, h.page);
    while (clauses_.Step(&status)) {
      const int start = static_cast<int>(clauses_.Int(0)), end = static_cast<int>(clauses_.Int(1));
      auto coverage = Coverage(matches, start, end);
      if (coverage.first == 0) continue;
      if (coverage > best_clause) {
        best_clause = coverage;
        clause_start = start;
        clause_section = clauses_.Text(2);
        first_line = static_cast<int>(clauses_.Int(3));
        end_page = static_cast<int>(clauses_.Int(4));
        last_line = static_cast<int>(clauses_.Int(5));
      }
      if ((o_.topic.empty() || clauses_.Text(7) == o_.topic) && (o_.stance.empty() || clauses_.Text(8) == o_.stance)) {
        matched.push_back({coverage, clauses_.Text(6), clauses_.Text(7)});
      }
    }
    if (!status.ok()) return status;
    // A clause wins unless a run of matches outside it holds more of the
    // query's terms.
    const bool clause_wins = clause_start >= 0 && best_clause.first >= dense_terms;
    if (clause_wins && !clause_section.empty()) {
      h.section = clause_section;
    } else {
      section_.Reset();
      section_.Bind(1, document_id).Bind(2, h.page).Bind(3, clause_wins ? clause_start : dense_offset);
      if (section_.Step(&status)) h.section = section_.Text(0);
      if (!status.ok()) return status;
    }
    CitationParts cite{detail_.Text(6), detail_.Text(5), h.doc_title, h.doc_path, h.section, h.page, h.bates};
    if (clause_wins && first_line > 0) {
      // A transcript clause: pin-cited by page and line, as its clause is.
      cite.first_line = first_line;
      cite.end_page = end_page;
      cite.last_line = last_line;
    }
    h.citation = FormatCitation(cite);
    // The clauses holding the most of the query first, then in page order.
    std::stable_sort(matched.begin(), matched.end(),
                     [](const Matched& a, const Matched& b) { return a.coverage > b.coverage; });
    std::vector<std::string> ids, topics;
    for (const Matched& m : matched) {
      ids.push_back(m.id);
      topics.push_back(m.topic);
    }
    // Placeholders (id and topic): FillClauses reads the records of every
    // hit at once, when the hits are known.
    for (size_t i = 0; i < ids.size(); ++i) {
      HitClause placeholder;
      placeholder.clause.id = ids[i];
      placeholder.clause.topic = topics[i];
      h.clauses.push_back(std::move(placeholder));
    }
    return std::optional<SearchHit>(std::move(h));
  }

 private:
  HitDetail(IndexReader& index, const SearchOptions& o, Statement detail, Statement section, Statement clauses)
      : o_(o),
        detail_(std::move(detail)),
        section_(std::move(section)),
        clauses_(std::move(clauses)),
        clause_reader_(index, o.jurisdictions) {}
  const SearchOptions& o_;
  Statement detail_, section_, clauses_;
  HitClauseReader clause_reader_;

 public:
  // The hits' placeholder clauses replaced by their records and divergences.
  Status FillClauses(std::vector<SearchHit>& hits) {
    std::vector<std::string> ids, topics;
    for (const SearchHit& h : hits) {
      for (const HitClause& c : h.clauses) {
        ids.push_back(c.clause.id);
        topics.push_back(c.clause.topic);
      }
    }
    auto read = clause_reader_.Read(ids, topics);
    if (!read.ok()) return read.status();
    std::map<std::string, HitClause*> by_id;
    for (HitClause& c : *read) by_id.emplace(c.clause.id, &c);
    for (SearchHit& h : hits) {
      std::vector<HitClause> filled;
      for (const HitClause& c : h.clauses) {
        if (auto it = by_id.find(c.clause.id); it != by_id.end()) filled.push_back(*it->second);
      }
      h.clauses = std::move(filled);
    }
    return Status::Ok();
  }
};

// A SQLite error from a query, in the user's terms: the FTS5 syntax help for
// anything the query's text caused, an I/O error otherwise.
Status QueryError(const SearchOptions& o, const Status& status) {
  const std::string& raw = status.message();
  // The index itself failing (I/O, corruption, a lock) is no fault of the
  // query; anything else SQLite says while running a MATCH is about the
  // query's text ("syntax error near ...", "no such column", "expected
  // integer", "unknown special query"): explained in the user's terms,
  // keeping SQLite's pointer to the bad token.
  // Only the message's head speaks of the index: what follows ": " quotes the
  // query ("unknown special query: ...readonly..." is the query's fault; a
  // fuzzed query found that the whole message was searched).
  const std::string head = raw.substr(0, raw.find(": "));
  for (const char* index_fault : {"disk I/O", "database disk image", "locked", "busy", "out of memory", "readonly",
                                   "unable to open", "not a database"}) {
    if (head.find(index_fault) != std::string::npos) return Status::IoError("search failed: " + raw);
  }
  std::string detail = raw;
  for (const char* prefix : {"fts5: ", "fts5:"}) {
    if (detail.rfind(prefix, 0) == 0) detail = detail.substr(std::string(prefix).size());
  }
  if (detail.rfind("no such column", 0) == 0) {
    detail = "a word followed by ':' is read as a column name (" + detail + "); quote it";
  }
  return Status::InvalidArgument("malformed query '" + o.query + "': " + detail + "\n" + Fts5SyntaxHelp());
}

}  // namespace

namespace {

// `--topic T` / `--stance S` (or topic:T in the query) with no words: the
// clauses themselves are the hits, in the order `clauses` lists them, each
// page passing the same filters as a word search.
StatusOr<std::vector<SearchHit>> ClauseHits(IndexReader& index, const SearchOptions& o) {
  ClauseFilter f;
  f.topic = o.topic;
  f.stance = o.stance;
  f.authority = o.authority;
  auto clauses = ReadClauses(index, f);
  if (!clauses.ok()) return clauses.status();
  auto filter = PageFilter::Make(index.db(), o);
  if (!filter.ok()) return filter.status();
  auto page = index.db().Prepare(
      "SELECT p.id FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.sha256 = ?1 AND p.page_no = ?2");
  if (!page.ok()) return page.status();
  HitClauseReader reader(index, o.jurisdictions);
  std::vector<SearchHit> hits;
  Status status;
  for (const ClauseRecord& c : *clauses) {
    if (static_cast<int>(hits.size()) >= o.limit) break;
    page->Reset();
    page->Bind(1, c.doc_sha256).Bind(2, c.page);
    if (!page->Step(&status)) {
      if (!status.ok()) return status;
      continue;
    }
    if (filter->active()) {
      auto passes = filter->Passes(page->Int(0));
      if (!passes.ok()) return passes.status();
      if (!*passes) continue;
    }
    SearchHit h;
    h.doc_sha256 = c.doc_sha256;
    h.doc_path = c.doc_path;
    h.doc_title = c.doc_title;
    h.page = c.page;
    h.section = c.section;
    h.snippet = c.text;
    h.citation = c.citation;
    h.bates = c.bates;
    h.method = c.method;
    h.ocr_confidence = c.ocr_confidence;
    auto with_divergences = reader.Read({c.id}, {c.topic});
    if (!with_divergences.ok()) return with_divergences.status();
    h.clauses = std::move(*with_divergences);
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace

namespace {

// The word search proper: `o.query` is what FTS5 reads.
StatusOr<std::vector<SearchHit>> RankedHits(IndexReader& index, const SearchOptions& o) {
  // Two steps, so that latency follows what FTS5 must rank, not the cost of
  // touching every matching page's row:
  //  1. rank: bm25 over the FTS index alone, best first (ties by page id);
  //     SQLite keeps only the best `window` pages (a top-k sort, cheaper
  //     than sorting every match). Without filters the window is `limit`.
  //     With filters the ranked pages are checked in order until `limit`
  //     pass; when a selective filter exhausts the window, the ranking is
  //     re-run with a window 8 times larger (in the end unbounded).
  //  2. detail: snippet, citation parts, section and clauses, for the hits
  //     only (and, with --clauses-only, for the pages checked).
  // The score is bm25's, through foiamine_bm25 (index/fts_rank.h): a page
  // that cannot be among the best `window` is not scored in full, which
  // spares a row-length lookup per matching page; the order and the scores
  // are bm25()'s. Pages tied with the last hit's score are
  // detailed too, so that a clause hit tied with a plain one is not cut off
  // by the limit.
  auto filter = PageFilter::Make(index.db(), o);
  if (!filter.ok()) return filter.status();
  auto detail = HitDetail::Make(index, o);
  if (!detail.ok()) return detail.status();
  auto ranked = index.db().Prepare(
      "SELECT rowid, foiamine_bm25(pages_fts, ?2) AS score FROM pages_fts WHERE pages_fts MATCH ?1 "
      "ORDER BY score, rowid LIMIT ?2");
  if (!ranked.ok()) return ranked.status();
  std::vector<SearchHit> hits;
  Status status;
  const bool selective = filter->active() || o.clauses_only;
  int64_t window = selective ? int64_t{32} * o.limit : int64_t{2} * o.limit;
  int64_t checked = 0;  // ranked pages already checked against the filters
  auto full = [&] {
    // Full once `limit` hits are in and the next page scores worse than the last.
    return static_cast<int>(hits.size()) >= o.limit;
  };
  bool tie_break_done = false;
  for (;;) {
    ranked->Reset();
    ranked->Bind(1, o.query).Bind(2, window);
    int64_t row = 0;
    while (!tie_break_done && ranked->Step(&status)) {
      if (row++ < checked) continue;  // seen in a smaller window
      ++checked;
      const int64_t page_id = ranked->Int(0);
      const double score = ranked->Real(1);
      // Never within the LIMIT (the window's best are scored first); a
      // guard, not a case.
      if (score == kBm25Pruned) break;
      if (full() && score != hits.back().score) {
        tie_break_done = true;
        break;
      }
      if (static_cast<int>(hits.size()) >= 2 * o.limit) {  // ties beyond reason: stop
        tie_break_done = true;
        break;
      }
      if (filter->active()) {
        auto passes = filter->Passes(page_id);
        if (!passes.ok()) return passes.status();
        if (!*passes) continue;
      }
      auto hit = detail->Read(page_id, score);
      if (!hit.ok()) {
        status = hit.status();
        break;
      }
      if (!*hit || (o.clauses_only && (*hit)->clauses.empty())) continue;
      hits.push_back(std::move(**hit));
    }
    const bool window_exhausted = window >= 0 && row == window;
    if (!status.ok() || tie_break_done || !window_exhausted) break;
    window = window > (int64_t{1} << 24) ? -1 : window * 8;
  }
  if (!status.ok()) return QueryError(o, status);
  // Of hits of equal score, clause hits first; then the limit.
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score < b.score;
    return !a.clauses.empty() && b.clauses.empty();
  });
  if (static_cast<int>(hits.size()) > o.limit) hits.resize(o.limit);
  if (!o.hit_clauses) {
    for (SearchHit& h : hits) h.clauses.clear();
    return hits;
  }
  if (Status filled = detail->FillClauses(hits); !filled.ok()) return filled;
  return hits;
}

std::string Joined(const std::vector<std::string>& notes) {
  std::string s;
  for (const auto& n : notes) s += (s.empty() ? "" : "; ") + n;
  return s;
}

}  // namespace

StatusOr<std::vector<SearchHit>> Search(IndexReader& index, const SearchOptions& options,
                                        std::vector<std::string>* notes) {
  if (Status bounded = CheckQueryBounds(options); !bounded.ok()) return bounded;
  // What FTS5 reads: punctuated words quoted, topic:/stance: lifted out.
  const PreparedQuery prepared = PrepareQuery(options.query);
  SearchOptions o = options;
  o.query = prepared.fts;
  if (!prepared.topic.empty()) o.topic = prepared.topic;
  if (!prepared.stance.empty()) o.stance = prepared.stance;
  if (o.query.find_first_not_of(" \t\n") == std::string::npos) {
    if (!o.topic.empty() || !o.stance.empty()) return ClauseHits(index, o);
    return Status::InvalidArgument("empty query: give words to search for, or a topic (--topic T, topic:T) or a "
                                   "stance to list clauses\n" + Fts5SyntaxHelp());
  }
  std::vector<std::string> said;
  if (o.fuzzy) {
    RewrittenQuery fuzzy = FuzzyQuery(o.query);
    if (fuzzy.changed()) said.push_back("fuzzy: " + Joined(fuzzy.notes));
    o.query = fuzzy.fts;
  }
  const bool can_expand = o.lexicons != nullptr;
  if (o.expand && can_expand) {
    RewrittenQuery expanded = ExpandQuery(o.query, *o.lexicons);
    if (expanded.changed()) said.push_back("expanded: " + Joined(expanded.notes));
    o.query = expanded.fts;
  }
  auto hits = RankedHits(index, o);
  if (hits.ok() && hits->empty() && !o.expand && can_expand) {
    // Nothing found as typed: the rulebook's lexicons may know the words in
    // the other language ("liberación" for the notice's "salida").
    RewrittenQuery expanded = ExpandQuery(o.query, *o.lexicons);
    if (expanded.changed()) {
      o.query = expanded.fts;
      hits = RankedHits(index, o);
      said.push_back("no page has the words as typed; expanded: " + Joined(expanded.notes));
    }
  }
  if (notes) *notes = said;
  return hits;
}

std::string SearchHitJson(const SearchHit& h) {
  // ordered_json: the keys come out in the contract's order.
  using json = nlohmann::ordered_json;
  // Readings of OCR-damaged known tokens in the snippet (none for text-layer pages).
  json readings = json::array();
  if (h.method == "ocr") {
    for (const auto& r : extractors::FindOcrReadings(h.snippet)) readings.push_back({{"raw", r.raw}, {"reading", r.reading}});
  }
  json clauses = json::array();
  for (const HitClause& c : h.clauses) clauses.push_back(HitClauseJson(c));
  const json j = {{"doc_sha256", h.doc_sha256}, {"doc_path", h.doc_path}, {"doc_title", h.doc_title},
                  {"page", h.page}, {"section", h.section.empty() ? json(nullptr) : json(h.section)},
                  {"snippet", h.snippet}, {"score", h.score}, {"citation", h.citation},
                  {"bates", h.bates.empty() ? json(nullptr) : json(h.bates)},
                  {"method", h.method}, {"ocr_confidence", h.ocr_confidence ? json(*h.ocr_confidence) : json(nullptr)},
                  {"ocr_readings", readings}, {"clauses", clauses}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace foiamine
