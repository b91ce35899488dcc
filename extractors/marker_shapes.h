// Internal to extractors: the shapes of the markers a line may open with, read from its first bytes where that
// is exact (numbering.cc's ParseMarker asks on every line of a document; a regex call costs more than the bytes).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foiamine::extractors::internal {

// Code section numbers opening a line: a title-chapter-section ("27-16-801. Immigration detainer requests",
// "2-173-020 Immigration enforcement prohibited."), a title-section closed by its period ("18-9005. COOPERATION
// WITH FEDERAL AUTHORITIES."), a decimal ("413.4.2 IMMIGRATION CHECKS", "27A.3 Completion of sentence").
extern const char* const kDashedSectionPattern;
extern const char* const kTitleSectionPattern;
extern const char* const kDecimalSectionPattern;
// Cheap tests of the first bytes of a line that opens with a digit: false only where the patterns above cannot
// match, so ParseMarker skips them on most numbered lines ("1. PROCEDURES", "3) The officer ...").
// Both dashed patterns open with one to three digits, an optional letter and a '-'.
bool MayOpenWithDashedNumber(std::string_view line);
// One to four digits, at most two capitals, a '.' and a digit.
bool MayOpenWithDecimalNumber(std::string_view line);

// A list or outline marker closed by '.' or ')' ("1.", "a)", "iv.", "XII."), then spaces or the line's end (or a
// run-in word's first three letters, "II.Questioning": `length` holds them; the caller gives them back): what
// kDotMarkerPattern matches, the token its second group, the closing byte its third, `length` the bytes of the whole
// match (spaces included). Nullopt where the pattern does not match. A test holds it to the pattern.
extern const char* const kDotMarkerPattern;
struct DotMarker {
  std::string_view token;
  char close = '.';
  size_t length = 0;
};
std::optional<DotMarker> ReadDotMarker(std::string_view line);

// Bullets as a scanner reads them: a round bullet comes out "+", "¢", "«" or "·" (or "*"), a dash "~".
// Whether `glyph` is one of the round bullet's readings that is a bullet only before a capital ("+ Directs County
// employees ...", but "+ 2"), as the Word sub-bullet "o" is ("o la fecha" is Spanish "or"); and the glyph a bulleted
// item's list knows it by (bullet_ordinals.cc): "•" for any round bullet's reading, "-" for "~", else itself.
bool IsReadBulletGlyph(std::string_view glyph);
std::string_view BulletGlyphClass(std::string_view glyph);

// OCR-damaged markers (numbering.cc's repair): each character's confusion class (l/1/I/i/|/[/] ; O/0/o ; S/5 ; B/8 ;
// "rn"/m ; H/II, as in "Hi." for "III." ; e/c ; h/b ; a comma for the period), so that two tokens one confusion apart fold alike.
std::string FoldConfusions(std::string_view token);
// FoldConfusions of the token and of each letter a symbol in it may stand for: "(@)" is an "(a)" or an "(e)", "(£)"
// an "(f)" (a fax's OCR).
std::vector<std::string> FoldedReadings(const std::string& token);
// 3 -> "III".
std::string ToRoman(int value);
// A token shaped like a list or outline marker ("lil.", "(l)", "1V)", "1,"), with
// the bytes it takes (spaces after it included, and a second point run into a
// heading, "2..RELEASE"); nullopt when the line does not start with one. A
// speck read as "_" before it is skipped ("_ 1. PURPOSE").
struct MarkerToken {
  std::string text;
  size_t length = 0;
};
std::optional<MarkerToken> LeadingMarkerToken(std::string_view line);

// A parenthesized marker: "(2)" (kind '1', value 2), "(b)" ('a', 2), "(C)" ('A', 3); `text` as printed.
struct ParenMarker {
  char kind = '1';
  int value = 0;
  std::string_view text;
};
// `marker` ("(12)", "(b)") read whole; nullopt for any other shape ("(ii)", "(1.5)"). A single letter is read as a
// letter ("(i)" is the ninth): only whether one marker follows another is asked of it.
std::optional<ParenMarker> ReadParenMarker(std::string_view marker);
// The one or two parenthesized markers a sentence opens with, the text after them starting with a capital or a
// quote: "(3)(a) An unauthorized alien ..." -> (3), (a); "(2) Except as ..." -> (2); "(ii) the scope" -> none.
std::vector<ParenMarker> LeadingParenMarkers(std::string_view sentence);

// A roman numeral's value, either case ("XII" -> 12), 0 for any other letter; AllRoman: a non-empty run of roman digits.
int RomanValue(std::string_view s);
bool AllRoman(std::string_view s);

// The letter of a scan's damaged "APPENDIX A" alone on its line, as OCR text layers print it ("A.P.P.E 'lHX A",
// "APPE1''1>IX A": the word's letters, 1 and l read as I, within three edits of APPENDIX, then a space and a
// capital A-H); nullopt for anything else, "APPENDIX A" itself included (read as printed).
std::optional<char> DamagedAppendixLetter(std::string_view line);

}  // namespace foiamine::extractors::internal
