// Internal to extractors: the printed lines of a document's pages and what
// stays out of the reading stream among them — page furniture (running
// headers and footers, page numbers, transcript margin line numbers), a log
// table's initials column, a draft's bracketed markup.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/document_text.h"

namespace foiamine::extractors::internal {

// One printed line: a byte range of its page's text.
struct Line {
  int page_idx = 0;
  size_t begin = 0;
  size_t end = 0;
  bool blank_before = false;
  bool ignored = false;
  int printed_line = 0;  // transcript margin number cut off the line (MarkTranscriptLines), 0 = none
};

// The pages' printed lines, in order: each trimmed, blank lines (and a form feed alone) dropped and noted on the line
// after them (`blank_before`).
std::vector<Line> CutLines(const std::vector<PageText>& pages);

// Marks running headers/footers: lines near the top or bottom of a page that
// repeat (digits ignored) on at least half of the pages, and page numbers.
void MarkHeadersFooters(std::vector<Line>& lines, const std::vector<PageText>& pages);
// Page furniture printed inside one page's text: a text file that holds a
// whole printed document repeats each printed page's footer ("Iowa
// Department of Public Safety", "Revised 03/07/2025") and page number in the
// middle of its one page, often inside a sentence that runs on after it
// ("... information regarding the alleged" / footer / "misconduct and/or
// violations"). A short line that opens with a letter, ends with no
// sentence's punctuation, stands before a blank line (or the page's end) and
// repeats so (digits ignored) at least three times on its page is marked, as
// is a page number next to one; so are numbers alone between blank lines
// that count up down the page (three or more). The lines around them then
// join as on a page break. A line that repeats inside paragraphs (a form's
// filled-in name) is no furniture there.
void MarkInPageFurniture(std::vector<Line>& lines, const std::vector<PageText>& pages);
// A text transcription of a printed document may mark its printed pages in its one page ("START OF PAGE 2", "END OF
// PAGE 2", as Maryland's bills are transcribed): the markers are furniture, and so is the printed page's running head
// on the line after a start marker when it opens or closes with that page's number, is short, and without the number
// is the line after another start marker too ("2 HOUSE BILL 675", "HOUSE BILL 675 3", page 1's "HOUSE BILL 675").
// Left in, the head reads as a heading inside the sentence the page break cut, and the list
// items after it lose their place ("(D) (1) ... SHALL, IF REQUESTED BY" / page / "FEDERAL IMMIGRATION AUTHORITIES:" /
// "(I) DETAIN ..." is "(D)(1)(I)").
void MarkPageMarkers(std::vector<Line>& lines, const std::vector<PageText>& pages);
// Is an edge line's key (lower case, digits as '#', spaces folded) a page number ("page # of #", "- # -")? As
// kPageNumberKeyPattern, a FullMatch; keys that cannot match are refused by their first and last bytes.
extern const char* const kPageNumberKeyPattern;
bool IsPageNumberKey(std::string_view key);
// A header/footer line's key: trimmed, ASCII capitals lower-cased, each run of digits one '#', each run of spaces
// and tabs one space.
std::string LineKey(std::string_view line);
// Is a line (a page's text, untrimmed) a page number: IsPageNumberKey of its key? Lines that cannot be one
// by their first and last bytes are refused before the key is built.
bool IsPageNumberLine(std::string_view line);

// Transcripts print a number (1 to 25 or so, restarting on every page) in
// the left margin of each line. A pin cite names them ("Tr. 43:12-14"); they
// are no part of what was said, so they must stay out of sentences ("3
// occasions, our officers drove ..."). A page is read as numbered when at
// least five of its body lines, and most of them, start with a number that
// carries on the sequence. OCR reads a margin "1" as "l" or "|" at times: such
// a token counts only where it is the number expected next (a line's own
// first word is never a number's look-alike elsewhere). On a numbered page
// each number in the ascending sequence (which may start again at 1 after
// 10 or more lines: a text file holding several printed pages, as a bill's
// numbered lines) is cut off its line (`begin` moves
// past it) and kept as the line's `printed_line`; a numbered line with no
// text is dropped.
// Text layers glue a margin number to its line at times ("4interrogation,
// detention ..."): such a number counts only as the one expected next (or
// the page's first, before a letter), and never as an ordinal ("1st").
// Wisconsin's bills also print a drafting locator before the number
// ("AB484,3,53 (c) No sheriff ...": locator 3,5, line 3); on a page with three
// or more the locators are cut too, the number may run on the locator's or a
// section number's digits ("1266.0112": line 12 of 66.0112), and the bill's
// unnumbered analysis may be most of the page.
void MarkTranscriptLines(std::vector<Line>& lines, const std::vector<PageText>& pages);
// A log printed as a table, its right-hand column the writer's initials ("TIME LOCATION ENTRY INITIALS" over "0912
// Front Lobby Two ICE ERO officers ... arrived and LIS"): the initials are cut off the rows (`end` moves back), or they
// read as a word of the entry ("... arrived and LIS requested escort ..."). Only below a header line in capitals whose
// last column is named so (INITIALS, INIT, STAFF, BY, OFFICER, OFC, EMP), and only a row's last token of two to four
// capitals that ends two rows or more and is no word of an entry ("ICE", "DOC", "OGC" ...).
void CutRowInitials(std::vector<Line>& lines, const std::vector<PageText>& pages);
// A draft marked up in brackets ("B. [DELETED: The Local Government shall provide ICE with a daily list ...]",
// "[INSERTED: C. The Local Government will not notify ICE ...]"): the deleted text is no part of what the draft says,
// and the insertion's brackets no part of its text (read in, "[INSERTED: C." is no item "C." and reads as a term being
// defined). Lines are cut around both (a line may become two); a line left with nothing is ignored. Openers: DELETED,
// DELETE, STRICKEN, STRUCK, STRIKE, REMOVED, and INSERTED, INSERT, ADDED, NEW TEXT, each with a colon; a bracket closes
// each, on its line or a later one.
void CutRedlines(std::vector<Line>& lines, const std::vector<PageText>& pages);

// A margin number as MarkTranscriptLines reads it at a line's start (group 1:
// the number, OCR's "l" and "|" for 1 included), and the test of the line's
// first byte that spares every other line the pattern: false proves the
// pattern cannot match at the line's start.
extern const char* const kMarginNumberPattern;
bool MayOpenWithMarginNumber(std::string_view line);

// Where a page's text wraps: the width (in characters) its full lines reach,
// per page; 0 where a page has too few lines to tell. Text set in a column
// wraps where the next word no longer fits, so a line that ends at the
// margin runs on ("(5) Requires United States Immigration and Customs" /
// "Enforcement to obtain a warrant ..."): it is neither a heading nor an
// item's title, however its words are capitalized.
std::vector<size_t> WrapWidths(const std::vector<Line>& lines, const std::vector<PageText>& pages);

// Did `line` end because `next` (the following line, no blank between) did
// not fit after it?
bool EndsByWrap(const Line& line, const Line& next, const std::vector<PageText>& pages,
                const std::vector<size_t>& wrap_widths);

// Is each line of the page a paragraph of its own (text saved without
// wrapping: a web page's or a mirror's copy, whose lines run to hundreds of
// characters)? A line there that stops without punctuation before a capital
// ("... despite federal requests" / "Julian Baron" / "The Baltimore Sun" /
// "June 4, 2024" / "Baltimore County authorities do not ...") is a headline,
// a byline or a date, not the first words of the sentence below it.
std::vector<bool> ParagraphPerLine(const std::vector<Line>& lines, const std::vector<PageText>& pages,
                                   const std::vector<size_t>& wrap_widths);

}  // namespace foiamine::extractors::internal
