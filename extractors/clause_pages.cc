// Where a clause's sentence is printed: its parts page by page, and the page it is cited on (PlaceOnPages in
// extractors/layout.h).
#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

#include "extractors/layout.h"

namespace foiamine::extractors::internal {

namespace {

// The page (index) of `parts` (the range's parts, two or more) a clause is cited on: the one holding both the rule's
// anchor and the stance cue (the anchor alone when the stance has no cue), else the one holding most of the sentence.
int CitedPageIdx(const DocumentLayout& layout, size_t begin, size_t end, const std::vector<DocumentLayout::PagePart>& parts,
                 size_t anchor, std::optional<size_t> cue) {
  const auto page_of = [&](size_t at) { return at >= begin && at < end ? layout.Locate(at).page_idx : -1; };
  const int anchor_page = page_of(anchor);
  if (anchor_page >= 0 && (!cue || page_of(*cue) == anchor_page)) return anchor_page;
  const DocumentLayout::PagePart* most = &parts.front();
  for (const DocumentLayout::PagePart& part : parts)
    if (part.byte_end - part.byte_begin > most->byte_end - most->byte_begin) most = &part;
  return most->page_idx;
}

}  // namespace

int PlaceOnPages(const DocumentLayout& layout, size_t begin, size_t end, size_t anchor, std::optional<size_t> cue,
                 Clause& clause) {
  const std::vector<DocumentLayout::PagePart> parts = layout.PartsByPage(begin, end);
  for (const DocumentLayout::PagePart& part : parts)
    clause.parts.push_back(ClausePart{layout.PageNo(part.page_idx), layout.CodePoint(PagePos{part.page_idx, part.byte_begin}),
                                      layout.CodePoint(PagePos{part.page_idx, part.byte_end}), part.first_line,
                                      part.last_line});
  const PagePos start = layout.Locate(begin);
  const PagePos last = layout.Locate(end - 1);
  clause.crosses_page_break = last.page_idx != start.page_idx;
  const int cited_page_idx = parts.size() < 2 ? start.page_idx : CitedPageIdx(layout, begin, end, parts, anchor, cue);
  clause.page = layout.PageNo(cited_page_idx);
  auto cited = std::find_if(clause.parts.begin(), clause.parts.end(), [&](const ClausePart& p) { return p.page == clause.page; });
  if (cited == clause.parts.end())
    cited = clause.parts.insert(std::upper_bound(clause.parts.begin(), clause.parts.end(), clause.page,
                                                 [](int page, const ClausePart& p) { return page < p.page; }),
                                ClausePart{clause.page, 0, 0, 0, 0});
  // The sentence's own start and end where the cited page holds them; its part's lines' where it runs on past the
  // page (the start page's body end, as before).
  if (cited_page_idx == start.page_idx) cited->char_start = layout.CodePoint(start);
  if (cited_page_idx == last.page_idx) cited->char_end = layout.CodePoint(last) + 1;
  else if (cited_page_idx == start.page_idx) cited->char_end = layout.CodePoint(PagePos{start.page_idx, layout.PageBodyEnd(start.page_idx)});
  clause.char_start = cited->char_start;
  clause.char_end = cited->char_end;
  return cited_page_idx;
}

void OrderByIndexKey(std::vector<Clause>& clauses) {
  const auto key = [](const Clause& c) { return std::tie(c.page, c.char_start, c.topic); };
  std::stable_sort(clauses.begin(), clauses.end(), [&](const Clause& a, const Clause& b) { return key(a) < key(b); });
  std::vector<Clause> kept;
  kept.reserve(clauses.size());
  for (size_t i = 0; i < clauses.size(); ++i)
    if (i + 1 == clauses.size() || key(clauses[i]) != key(clauses[i + 1])) kept.push_back(std::move(clauses[i]));
  clauses = std::move(kept);
}

}  // namespace foiamine::extractors::internal
