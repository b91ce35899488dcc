// Internal to extractors: what one printed line's text says about its place
// in the reading (the layout asks of every line): whether it stops
// mid-sentence or where a citation's number must follow, opens with a log
// row's date, or is a form's "LABEL: value" field.
#pragma once

#include <string_view>

namespace foiamine::extractors::internal {

// Does a line stop on a word no sentence ends with ("the", "of", "§")? The
// sentence goes on after it, whatever blank line follows.
// (A list item's "; and" or "; or" ends the item: the next item follows.)
bool EndsWithJoiningWord(std::string_view line);

// A line's last character, past a scanner's speck read as a lone quote
// after a space ("... do not stop, question, '": the comma).
char LastCharPastSpeck(std::string_view line);

// Does text open with a code's title number and abbreviation ("20 V.S.A.
// chapter 151A is added", "8 U.S.C. 1373", "18 Pa.C.S. 2709")?
bool StartsWithCodeTitle(std::string_view text);

// Does a line end a list item: ";", or a last-but-one item's "; and" / "; or"?
// (The next line's marker is then an item's, its text in lower case or not.)
bool EndsListItem(std::string_view line);

// Does a line open with a date ("03/02/2020", "3/2/20", "2020-03-02"), as a
// log's rows do? (kLineDatePattern, matched anywhere: it is anchored.)
bool StartsWithDate(std::string_view line);
extern const char* const kLineDatePattern;

// Is a line a row of a table printed with pipes ("25-005 | 02/10/2025 | I-247A
// ... | No hold placed; ... | LIE M. Oduya"), as a spreadsheet exported to text
// or a Markdown table prints one: two cell separators or more.
bool IsPipeTableRow(std::string_view line);

// Does a line stop where a citation's number must follow ("§§", "8 U.S.C.",
// "subsection", "... pursuant to Article")?
bool EndsWithCitationLead(std::string_view line);
extern const char* const kCitationLeadPattern;  // what it matches (a test holds its byte tests to it)

// "LABEL: value" lines of forms, memos, faxes and e-mail headers. Header
// fields (addressing, subject, dates, numbers) are headings: they name the
// document, they never state a rule or an act. Other fields ("NOTICE:",
// "REMARKS:") start a unit of their own.
enum class Field { kNone, kHeader, kBody };
Field FieldLine(std::string_view line);

}  // namespace foiamine::extractors::internal
