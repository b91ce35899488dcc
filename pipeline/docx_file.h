// Word 2007+ documents (.docx): the text stage of a WordprocessingML package.
//
// Text comes from word/document.xml in reading order (paragraphs, tables
// row by row with cells separated by " | ", content controls). A numbered
// paragraph starts with its number as Word prints it, computed from
// word/numbering.xml (the level's format, lvlText and start, counters per
// list with deeper levels restarting), so "a." / "1.a." / "(b)" reach the
// section finder as they would on paper. Bullets print as "•".
//
// Pages: Word lays pages out when it renders; the file holds no page
// numbers. A page ends where the file records one: an explicit page break
// (w:br w:type="page", w:pageBreakBefore) or where Word last rendered one
// (w:lastRenderedPageBreak). A file with neither is one pseudo-page. Either
// way "p. N" of a .docx counts these breaks, which the document says in a
// warning when there are none.
//
// Kept apart, as pages of their own after the body, each headed by what it is:
//   * headers and footers (word/header*.xml, word/footer*.xml);
//   * tracked changes and comments, as evidence: the body reads as the
//     document now stands (insertions in, deletions out), and this page lists
//     each deletion ("[deleted by AUTHOR, DATE] notify ICE ..."), insertion
//     and comment (word/comments.xml) with its author and date, so a deleted
//     clause is still found, on a page that says it was deleted.
// Bounded: the package is read under pipeline/ooxml_package.h's budget,
// tables nest at most 32 deep (deeper content is still read, flattened).
#pragma once

#include <filesystem>

#include "base/status.h"
#include "pipeline/page.h"

namespace foiamine {

// The pages of the .docx at `path`; hints.title from docProps/core.xml's
// title when it has one. kCorrupt when the package or its XML is damaged.
StatusOr<SourceDocument> ReadDocx(const std::filesystem::path& path);

}  // namespace foiamine
