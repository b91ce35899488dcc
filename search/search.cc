#include "search/search.h"

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

StatusOr<std::vector<SearchHit>> Search(Index& index, const SearchOptions& o) {
  if (o.query.find_first_not_of(" \t\n") == std::string::npos) {
    return Status::InvalidArgument("empty query\n" + Fts5SyntaxHelp());
  }
  // The first document path stands for the document; the section is the last
  // one starting on or before the hit's page (sections are filled by the
  // extract stage).
  // Two steps, so the costly per-row work happens only for the hits shown:
  // `top` ranks the matching pages by bm25 (with the filters) and keeps
  // `limit`; the outer query computes snippets, paths and sections for those.
  std::string sql =
      "WITH top AS ("
      "  SELECT pages_fts.rowid AS page_id, bm25(pages_fts) AS score "
      "  FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid JOIN documents d ON d.id = p.document_id "
      "  WHERE pages_fts MATCH ?1 "
      "    AND (?4 = '' OR d.doc_kind = ?4) AND (?5 = '' OR d.authority = ?5) "
      "    AND (?6 = '' OR EXISTS (SELECT 1 FROM clauses c WHERE c.document_id=d.id AND c.page_no=p.page_no "
      "                            AND c.topic = ?6)) "
      "  ORDER BY score LIMIT ?7) "
      "SELECT d.sha256, (SELECT f.path FROM files f WHERE f.document_id=d.id ORDER BY f.id LIMIT 1), "
      "       coalesce(d.title,''), p.page_no, "
      "       snippet(pages_fts, 0, ?2, ?3, '…', 16), top.score, coalesce(d.number,''), "
      "       coalesce(d.agency,''), p.method, p.ocr_confidence, "
      "       (SELECT s.path FROM sections s WHERE s.document_id=d.id AND s.page_no<=p.page_no "
      "        ORDER BY s.page_no DESC, s.char_start DESC LIMIT 1) "
      "FROM top JOIN pages_fts ON pages_fts.rowid = top.page_id JOIN pages p ON p.id = top.page_id "
      "JOIN documents d ON d.id = p.document_id "
      "WHERE pages_fts MATCH ?1 "
      "ORDER BY top.score, p.id";
  auto stmt = index.db().Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, o.query).Bind(2, o.mark_open).Bind(3, o.mark_close).Bind(4, o.kind).Bind(5, o.authority);
  stmt->Bind(6, o.topic).Bind(7, static_cast<int64_t>(o.limit));
  std::vector<SearchHit> hits;
  Status status;
  while (stmt->Step(&status)) {
    SearchHit h;
    h.doc_sha256 = stmt->Text(0);
    h.doc_path = stmt->Text(1);
    h.doc_title = stmt->Text(2);
    h.page = static_cast<int>(stmt->Int(3));
    h.snippet = stmt->Text(4);
    h.score = stmt->Real(5);
    h.method = stmt->Text(8);
    h.ocr_confidence = stmt->OptionalReal(9);
    h.section = stmt->Text(10);
    h.citation = FormatCitation(CitationParts{stmt->Text(7), stmt->Text(6), h.doc_title, h.doc_path, h.section, h.page});
    hits.push_back(std::move(h));
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
