// Internal to extractors: UTF-8 offset bookkeeping and the diacritics-folded
// copy of a text that rules are matched on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foiamine::extractors::internal {

// `s` without leading and trailing spaces, tabs and carriage returns.
std::string_view Trim(std::string_view s);

// cp[i] = number of code points that start before byte i, for i in
// [0, text.size()]; for a byte inside a multi-byte sequence, the index of the
// code point it belongs to.
std::vector<int> CodePointOffsets(std::string_view text);

// The number of code points that start in text[0, bytes): the code point
// offset of byte `bytes` (offsets the extractors report are code points).
int CodePointsBefore(std::string_view text, size_t bytes);

// "fnv1a64:<16 hex digits>" of `text`: the stable hash of a data file's text
// that makes it a stage version (rulebook, jurisdictions).
std::string Fnv1a64(std::string_view text);

// Words of three letters or more that start in lower case (prose has them,
// a bare name such as "U.S. Customs and Border Protection" has few).
int CountLowercaseWords(std::string_view text);

// ASCII letters lower-cased, other bytes as they are.
std::string AsciiLower(std::string_view text);

// Lower-cases every whole-word occurrence of `acronym` in `text`, in place
// (same length, so offsets into the text stay valid).
void LowerAcronym(std::string& text, std::string_view acronym);

// A state's own homeland security agency ("Alabama Department of Homeland
// Security", "Ohio Homeland Security") is no federal immigration agency: its
// "Homeland Security" is masked, in place and at the same length, as
// "Homeland_Security", so no rule reads it as DHS (matching copy only).
void MaskStateHomelandSecurity(std::string& text);
// Its test for a state's agency (an RE2 source; most text has none).
inline constexpr std::string_view kStateHomelandSecurityPattern =
    R"((?i)\b(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|state)(?:'s)? (?:state )?(?:(?:department|office|division|bureau) of )?homeland security)";

// Repairs, in place and at the same length, the OCR misreadings of modal
// words that decide a clause's stance: "shaIl", "sha11" -> "shall", "wiIl" ->
// "will", "n0t" -> "not", "rnust" -> " must", "perfonn" -> "perform", and of the
// words most rules need: "faciIity" -> "facility", "inforrnation" -> " information"
// (matching copy only).
// (and a point OCR read in the space between two words, "We.do not" -> "We do not"; not in an address, a file name
// or an abbreviation)
void RepairOcrModals(std::string& text);
// Its test for any misreading it repairs (an RE2 source; most text has none).
inline constexpr std::string_view kOcrModalMisreadingPattern =
    R"(\b(?:(?i:sha|wi)(?:[I1|i][lI1|]|l[I1|i])\b|(?i:sho|wo|co)u[I1|](?i:d)\b|(?i:n)0(?i:t)\b|rnust\b|rnay\b|[l1|]mmigra|(?i:deta)[l1|](?i:ner)|(?i:re)[1|I](?i:eas))|[fF]onn|[a-z]1[a-z]|[a-z]{3}[ai]1\b|\b[iI](?:rnm|mrn|rnrn)igra|\b[iI]nrnate|\b[dD]epartrnent|\b(?:[iI]nfo|[fF]o|[pP]erfo)rrn|\b[cC]ornpl[iy]|\b[cC]ustorns?\b|\brnembers?\b|\b[mM]ernbers?\b|[a-z]I[a-z]|[a-z]{3}[ai]I\b|\{\w{1,4}[)}]|\(\w{1,4}\}|[a-z]{2}\. [a-z]|[a-z]{3}cien\b|[A-Za-z][a-z]\.[a-z]|(?i:sta)[l1|I](?i:us)\b|(?:[JL\[|1l]CE|IGE)\b|(?i:sha|wi)[l\]]\]|\b(?:shall|may|must|will|should|can|cannot|do|does|did) net\b|(?i:sha|wi)[li\]!][\]!]|\b[Uu]niess\b|\bummigra|\b[pP]ersonne[!\]|]|(?i:immigration|federal|state|civil) Jaws?\b|(?:^|\s)_[A-Za-z0-9]|[A-Za-z0-9.,;]_(?:\s|$))";

// `text` with combining marks removed (NFD, drop [:Mn:], recompose), for
// matching only ("deberá" -> "debera", "inmigración" -> "inmigracion"); a not
// sign used as a discretionary hyphen goes too ("sta¬tus" -> "status";
// before a space it becomes "-", which RepairSplitWords then joins across).
// ToOriginal(i), for i in [0, text.size()], is the byte offset in the
// original text of the code point that produced folded byte i (the
// original's size for i == text.size()).
struct FoldedText {
  std::string text;
  size_t ToOriginal(size_t i) const { return to_original.empty() ? i : to_original[i]; }
  // Empty when the text is ASCII and so folds to itself (most units: the map
  // would cost eight bytes per byte of text to say i -> i).
  std::vector<size_t> to_original;
};
FoldedText FoldDiacritics(std::string_view text);

// Takes the bytes at `starts` (ascending, each `width` bytes, not overlapping)
// out of the folded text, keeping its map to the original in step (an ASCII
// text has none yet: the identity until now).
void EraseFromFolded(FoldedText& folded, const std::vector<size_t>& starts, size_t width);
// Puts a space before each byte at `positions` (ascending) of the folded text; each space maps to the original
// offset of the byte it precedes, so a match that starts or ends at it still maps into the original.
void InsertSpacesIntoFolded(FoldedText& folded, const std::vector<size_t>& positions);

// Rejoins words that a line break split with a hyphen and that a copy of the
// text then joined with a space ("immigra- tion status" -> "immigration
// status", "sub- ject"; in a text set in capitals "IMMI- GRATION"): web pages,
// reports quoting a printed order and bills keep the break's hyphen. The
// second part must start in lower case (capitals after capitals) and not be
// "and", "or", "to", "nor" ("pre- and post-trial" is a real suspended hyphen);
// the first must end in lower case ("ICE- related" stays) or be four capitals
// or more. Matching copy only; the map to the original is kept in step.
void RepairSplitWords(FoldedText& folded);

// Convenience: the folded string only (used on rulebook patterns so that they
// match the folded text).
std::string FoldString(std::string_view text);

}  // namespace foiamine::extractors::internal
