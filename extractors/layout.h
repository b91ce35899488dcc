// Internal to extractors: a document's reading structure — body lines without
// running headers/footers, section numbering, and the units (headings,
// sentences, list items) that clauses are cut from.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/clause.h"
#include "extractors/document_text.h"
#include "extractors/section.h"

namespace foiamine::extractors::internal {

// A position in a page: page index (0-based into the pages vector) and byte
// offset into that page's text.
struct PagePos {
  int page_idx = 0;
  size_t byte = 0;
};

// One reading unit: a heading, a sentence, or a list item, as a byte range of
// the layout's stream (body lines joined by single spaces, headers/footers
// dropped, pages concatenated).
struct Unit {
  size_t begin = 0;
  size_t end = 0;
  bool heading = false;
  bool bullet = false;   // starts with a bullet ("•", "-", "*")
  bool in_bullet_item = false;  // a later sentence of a bulleted item (the item's first unit has `bullet`)
  int section = -1;      // index into DocumentLayout::sections, -1 = none
  int lead_in = -1;      // index of the unit whose ':' introduces this item
  int paragraph = -1;    // the block of lines it was cut from (its sentences share one); -1 for a heading
};

class DocumentLayout {
 public:
  // REQUIRES: pages in order. When `given_sections` is non-empty it is used
  // as the structure (offsets as in Section) instead of inferred numbering.
  DocumentLayout(const std::vector<PageText>& pages, const std::vector<Section>& given_sections);

  const std::string& stream() const { return stream_; }
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<Section>& sections() const { return sections_; }
  // Parent of section i, -1 for a top-level one.
  int parent(int section) const { return parents_[section]; }
  // Each list lead-in's direct items that are not headings: lead-in unit
  // index -> item unit indexes, in order.
  std::map<size_t, std::vector<size_t>> ItemsOfLeadIns() const;
  // True when `section` is strictly inside `ancestor` (ancestor -1: the
  // unnumbered top of the document, which holds every section).
  bool IsDescendant(int section, int ancestor) const;

  // Where stream byte `pos` comes from (joining spaces map to the end of the
  // preceding line).
  PagePos Locate(size_t pos) const;
  // Code point offset of a page position (on an ASCII page, its byte offset).
  int CodePoint(PagePos p) const {
    const std::vector<int>& cp = cp_[p.page_idx];
    return cp.empty() ? static_cast<int>(p.byte) : cp[p.byte];
  }
  int PageNo(int page_idx) const { return page_nos_[page_idx]; }
  // End (byte, exclusive) of the last body line of page `page_idx` that
  // starts at or before stream byte `pos`'s page; used to clip spans.
  size_t PageBodyEnd(int page_idx) const { return page_body_end_[page_idx]; }

  // The printed margin number of the transcript line stream byte `pos` comes
  // from; 0 when its page has no numbered lines (see MarkTranscriptLines in
  // layout.cc: the numbers themselves are kept out of the stream).
  int PrintedLine(size_t pos) const;

  // The stream range [begin, end) cut at page breaks: one part per page it
  // is printed on, in order, as byte ranges of that page's text (from the
  // first byte of its first line there to the end of its last line there),
  // with the printed transcript lines the part covers (0 when none).
  struct PagePart {
    int page_idx = 0;
    size_t byte_begin = 0, byte_end = 0;
    int first_line = 0, last_line = 0;
  };
  std::vector<PagePart> PartsByPage(size_t begin, size_t end) const;

 private:
  struct Piece {        // a run of stream bytes copied from one page
    size_t stream_begin;
    size_t length;
    int page_idx;
    size_t page_byte;
    int printed_line;   // transcript margin number of its line, 0 = none
  };
  void Append(std::string_view text, int page_idx, size_t page_byte, int printed_line = 0);
  void AppendJoin(char c);
  // After the units are cut (layout_links.cc): a given structure placed over them, and each list lead-in ("... shall
  // not:") linked to the units nested below it.
  void PlaceGivenSections(const std::vector<Section>& given_sections);
  void LinkLeadIns();

  std::string stream_;
  std::vector<Piece> pieces_;
  std::vector<Unit> units_;
  std::vector<Section> sections_;
  std::vector<int> parents_;
  // Per page, each byte's code point offset (and the end's); empty for an
  // ASCII page, where it is the identity (most pages: the table would cost
  // four bytes written per byte of text).
  std::vector<std::vector<int>> cp_;
  std::vector<int> page_nos_;
  std::vector<size_t> page_body_end_;
};

// Places `clause` on the pages of stream range [begin, end) and gives the
// page (index) it is cited on: one part per page it is printed on, in page
// order, so an exhibit boxes the words of each and a transcript cite names
// their printed lines; its page and code point span are those of the cited
// page's part. A sentence printed on one page is cited there. One printed
// across a page break is cited where its decisive words are, as a reader
// quotes and cites it: the page holding both the rule's anchor (`anchor`, a
// stream offset) and the stance cue (`cue`; none when the stance came from a
// lead-in), else the page holding most of the sentence (the first of equals).
int PlaceOnPages(const DocumentLayout& layout, size_t begin, size_t end, size_t anchor, std::optional<size_t> cue,
                 Clause& clause);

// Sorts clauses by page, start and topic, the key the index stores a clause
// under. Two clauses on one key keep their emission order and the later one
// stands (the index's INSERT OR REPLACE would keep it), so no output depends
// on how an unstable sort broke a tie.
void OrderByIndexKey(std::vector<Clause>& clauses);

}  // namespace foiamine::extractors::internal
