// The court-ready outputs of `diverge` and `cite` as PDF (US Letter):
//  * the divergence memo (`diverge --format pdf`): a caption block, the
//    counts and what they count, a summary per agency, the topic x agency
//    matrix, then every divergence with law and practice side by side, each
//    side citing its exhibit ("Ex. 4, p. 2"), the exhibit index, and an
//    appendix of what the productions withheld (search/memo_redactions.h);
//  * the exhibit bundle (`diverge --exhibits`, `cite ID... --exhibit X.pdf`):
//    a cover index, then one labelled exhibit per cited page — the page's
//    picture (the exhibit renderer of search/page_picture.h) with the cited
//    clauses' words boxed, the index's text of the page laid invisibly under
//    it (so the exhibit is searchable and its words can be copied), and a
//    footer with citation, Bates number, file, SHA-256 and page.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "index/reader.h"
#include "search/cite.h"
#include "search/diverge.h"
#include "search/redactions.h"
#include "search/report_model.h"

namespace foiamine {

// The caption of a memo or bundle.
struct Caption {
  std::string title;        // e.g. "Law vs. Practice: Divergence Memorandum"
  std::string prepared_by;  // "" when not given
  std::string generated;    // "2026-11-30 07:12 UTC"
  std::string index_path, index_digest;
};
// Now in UTC ("YYYY-MM-DD HH:MM UTC"), or SOURCE_DATE_EPOCH's time when that
// is set (a reproducible render).
std::string GenerationTime();

struct PdfStats {
  int pages = 0;
  int exhibits = 0;
};

// REQUIRES: `listed` and `all` from FindDivergencesToReport, `matrix` from
// BuildMatrix over `all`, `exhibits` = ExhibitList::ForPairs(listed),
// `redactions` = ReadRedactions(index, 0) (the whole index, whatever the
// pairs' filters: the appendix is about the productions, not the pairs).
StatusOr<PdfStats> WriteDivergenceMemo(const std::vector<Divergence>& listed, const std::vector<Divergence>& all,
                                       const Matrix& matrix, const ExhibitList& exhibits, const Caption& caption,
                                       const std::vector<RedactionPageRecord>& redactions,
                                       const std::filesystem::path& pdf_path);

struct BundleOptions {
  int dpi = 200;  // page pictures of PDF pages are rendered at this resolution
};

// The exhibits of `exhibits` drawn from the citations of their clauses
// (`citations` holds one per clause id the exhibits name). A document that
// is plain text (no page picture) is exhibited as its page text, set in a
// monospaced font with the cited sentence highlighted. Errors: a source file
// missing or changed since indexing (see CheckExhibitSource), a render or
// the write failed. Nothing is written on error.
StatusOr<PdfStats> WriteExhibitBundle(IndexReader& index, const std::vector<ClauseCitation>& citations,
                                      const ExhibitList& exhibits, const Caption& caption,
                                      const std::filesystem::path& pdf_path, const BundleOptions& options);

}  // namespace foiamine

namespace foiamine {
// The citation of every clause the exhibits name, in exhibit order. A clause
// whose file changed since indexing is refused (kCorrupt): an exhibit must
// show the file it names.
StatusOr<std::vector<ClauseCitation>> ReadExhibitCitations(IndexReader& index, const ExhibitList& exhibits);
}  // namespace foiamine
