// Placing a line's marker in the numbering already open (numbering.h PlaceMarker, LookAheadMarker), and reading a
// scanner's damaged marker ("lil." for "III.", "l." for "1.", "{2}" for "(2)") as the value its sequence expects.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extractors/heading_text.h"
#include "extractors/marker_shapes.h"
#include "extractors/numbering.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

// --- OCR-damaged numbering: a scanner reads "III." as "lil.", "1." as "l.", "IV" as "1V", "10" as "l0", "B." as "8.". Such
// a marker is read as the value its sequence expects next, only when the printed token and the expected one are the same
// up to these confusions (FoldConfusions, marker_shapes.h): a marker merely out of order stays as it is.

// A roman numeral printed whole, in capitals ("III", not the "Ill" a scanner makes of it).
static bool IsCapitalRoman(std::string_view numeral) {
  return !numeral.empty() && numeral.find_first_not_of("IVXLC") == std::string_view::npos;
}

// Does a parsed list/outline marker carry on a sequence already open?
static bool ContinuesOpenLevel(const Marker& m, const std::vector<Level>& stack) {
  const Level* open = FindStyle(stack, m.style);
  return open != nullptr && m.value == open->value + 1;
}

// Reads a damaged marker as the value a sequence expects: the next value of any open level, or the first value of the
// sequence the next marker in the text continues (`next`: "2." after "l." makes "l." a "1.").
static std::optional<Marker> RepairMarker(std::string_view line, const MarkerToken& token, const std::vector<Level>& stack,
                                   const NextMarkerFn& next_marker) {
  std::vector<std::pair<std::string, int>> expected;  // (style, value), innermost first
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) expected.emplace_back(it->style, it->value + 1);
  // (an excerpt's roman parts skip some, its headings in capitals: "VI. IMPACT ON EXISTING LAW" then "VIli. SECTION-BY-
  // SECTION ANALYSIS", a committee report's VIII. scanned at 100 dpi, written for a probe)
  // (read so only where the token folds to that numeral alike, no stroke run together: "ID. CARDS" after "I." is no III.)
  const bool caps_heading = AllCapsText(Trim(line.substr(token.length)));
  const size_t first_skip = expected.size();
  if (caps_heading)
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
      if (it->style == "I.")
        for (int skip = 2; skip <= 3; ++skip) expected.emplace_back(it->style, it->value + skip);
  const size_t end_of_skips = expected.size();
  // A sequence already open cannot start again: "i." between "1." and "2." stays a roman "i.".
  if (const std::optional<Marker> next = next_marker();
      next && next->value == 2 && IsListOrOutlineStyle(next->style) && FindStyle(stack, next->style) == nullptr)
    expected.emplace_back(next->style, 1);
  // (a symbol read for an item's letter too: "(@)" is an "(a)" or an "(e)")
  const std::vector<std::string> folded = FoldedReadings(token.text);
  const auto folds_alike = [&folded](const std::string& want) {
    return std::find(folded.begin(), folded.end(), FoldConfusions(want)) != folded.end();
  };
  const std::string_view rest = Trim(line.substr(token.length));
  // The first part of an outline, its numeral damaged ("I, PURPOSE", "l. SCOPE"): a lettered token before an all-caps
  // heading opens the roman parts when none is open (the next part, "Il. REGULATIONS", is then a "II.").
  if (FindStyle(stack, "I.") == nullptr && AllCapsText(rest) &&
      std::none_of(token.text.begin(), token.text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    expected.emplace_back("I.", 1);
    expected.emplace_back("I.", 2);  // (or its "II.", "[[. POLICY", where its "I." was read "1." or lost)
    // (or an excerpt's first part further on: "Ill. RESULTS OF AUDIT" atop an audit's page 7, scanned for a probe; a
    // numeral printed whole, "II. SCOPE", is what it says)
    const std::string_view numeral = std::string_view(token.text).substr(0, token.text.size() - 1);
    if (!IsCapitalRoman(numeral)) {
      expected.emplace_back("I.", 3);
      expected.emplace_back("I.", 4);
    }
  }
  // A roman numeral's three strokes run together read as an "m" ("m. AUTHORITY" for "III. AUTHORITY", a scanned 287(g)
  // agreement): only where a roman part is expected.
  std::string strokes = token.text;
  for (size_t at = strokes.find('m'); at != std::string::npos; at = strokes.find('m', at + 3)) strokes.replace(at, 1, "III");
  // (and two strokes closed into a "D": "ID. AUTHORITY" for "III. AUTHORITY", Tulsa County's 287(g) agreement, 2020)
  for (size_t at = strokes.find('D'); at != std::string::npos; at = strokes.find('D', at + 2)) strokes.replace(at, 1, "II");
  const std::string folded_strokes = FoldConfusions(strokes);
  // ... and a stroke read twice, its echo in lower case ("Vv." for "V.", a police order scanned for a probe): the token
  // without its echoes
  std::string echo_dropped;
  for (size_t i = 0; i < token.text.size(); ++i)
    if (i == 0 || !std::islower(static_cast<unsigned char>(token.text[i])) ||
        std::tolower(static_cast<unsigned char>(token.text[i])) != std::tolower(static_cast<unsigned char>(token.text[i - 1])))
      echo_dropped.push_back(token.text[i]);
  for (size_t e = 0; e < expected.size(); ++e) {
    const auto& [style, value] = expected[e];
    const std::string want = RenderMarker(style, value);
    const bool roman = style == "I." || style == "I)" || style == "(I)";
    if (want.empty() || want == token.text) continue;
    if (e >= first_skip && e < end_of_skips) {
      if (!folds_alike(want) || !StartsUpper(rest)) continue;
      Marker m;
      m.style = style;
      m.value = value;
      m.printed = want;
      m.length = token.length;
      return m;
    }
    // (or one of its three strokes lost, in a heading: "Il. LIMITATIONS" for "III. LIMITATIONS", a scanned draft MOA)
    const bool stroke_lost = roman && value == 3 && AllCapsText(rest) && folded_strokes == FoldConfusions(want).substr(1);
    // (or a stroke read twice, its echo in lower case, in a heading: "Vv. PROCEDURES" for "V. PROCEDURES")
    const bool stroke_echoed = roman && echo_dropped.size() < token.text.size() && echo_dropped == want && AllCapsText(rest);
    if (!folds_alike(want) && !(roman && FoldConfusions(want) == folded_strokes) && !stroke_lost && !stroke_echoed) continue;
    if (style.front() != '(' && !StartsUpper(rest)) continue;  // as ParseMarker: "l. the" is prose
    Marker m;
    m.style = style;
    m.value = value;
    m.printed = want;  // cited as the sequence reads it, so a rescan cites alike
    m.length = token.length;
    return m;
  }
  return std::nullopt;
}

// The first item of a list its lead-in's colon opens, its parentheses damaged ("may not:" / "{2} adopt ...", "of
// birth:" / "{A} sending ...": a fax read by Tesseract): a list starts at its first value, whatever the scanner made
// of it, so the items after it ("(2}", "{B)") carry on from there. Only a token in braces or with a symbol for its
// letter: a well-formed one says what it is.
static std::optional<Marker> DamagedFirstItem(const MarkerToken& token, const std::vector<Level>& stack) {
  static const RE2 kDamagedParen(R"(^[({]([0-9]{1,2}|[A-Za-z|]|@|£)[)}]$)");
  std::string inner;
  if (token.text.find_first_of("{}@") == std::string::npos && token.text.find("\xC2\xA3") == std::string::npos)
    return std::nullopt;
  if (!RE2::FullMatch(token.text, kDamagedParen, &inner)) return std::nullopt;
  const char c = inner[0];  // (its kind: "{2}" a number, "{A}" a capital, "{b)" a letter, "{i)" a roman numeral)
  const bool number = std::isdigit(static_cast<unsigned char>(c)) || c == 'l' || c == '|';
  const std::string style = number ? "(1)" : c == 'i' ? "(i)" : std::isupper(static_cast<unsigned char>(c)) ? "(A)" : "(a)";
  if (FindStyle(stack, style) != nullptr) return std::nullopt;
  Marker m;
  m.style = style;
  m.value = 1;
  m.printed = RenderMarker(style, 1);
  m.length = token.length;
  return m;
}

// Could `token` be a numeral or list letter a scanner damaged ("XlV.", "1V.", "l0.", "|I.")? Words and abbreviations
// ("Dr.", "Vol.", "No.") are not: a capital followed by lower case is read as a word.
static bool LooksLikeDamagedNumeral(const MarkerToken& token) {
  static const RE2 kNumeralChars(R"(^\(?[0-9IVXLCivxlc|Oo]{1,6}[.)]$)");
  static const RE2 kWord(R"(^\(?[A-Z][a-z]+[.)]$)");
  return RE2::FullMatch(token.text, kNumeralChars) && !RE2::FullMatch(token.text, kWord);
}

// A heading whose marker fits no sequence ("XlV. PROCEDURES" between "II." and "IV.") still starts a section, or
// everything after it would be filed under the section before (a DEFINITIONS section turns every rule after it into a
// mention). It takes the place of the outermost open level printed the same way ("II." for "XlV."), keeping that
// level's value, so the sequence carries on; its path shows the marker as printed.
static Marker UnplacedHeadingMarker(const MarkerToken& token, const std::vector<Level>& stack) {
  const bool paren = token.text.front() == '(';
  const char close = token.text.back();
  Marker m;
  m.printed = token.text;
  m.length = token.length;
  m.style = std::string(paren ? "(" : "") + "?" + close;  // a level of its own when none is printed alike
  for (const Level& l : stack) {
    if (IsListOrOutlineStyle(l.style) && (l.style.front() == '(') == paren && l.style.back() == close) {
      m.style = l.style;
      m.value = l.value;
      break;
    }
  }
  return m;
}

// The marker a line starts with, placed in the numbering open in `stack`:
// - a marker that carries on an open sequence is taken as printed;
// - after a strong break (blank line, end of sentence, heading; an all-caps heading after the marker is one too), a
//   damaged marker is read as the value a sequence expects (RepairMarker), else a marker that starts a sequence or
//   jumps in one is taken as printed, else a damaged heading marker is kept as printed (UnplacedHeadingMarker);
// - otherwise the line has no marker ("3. The ..." inside a sentence).
// A numbered line whose text starts in lower case ("2. arrest or detain ...") is an item only after a strong break,
// carrying on an open list or starting one after a lead-in's ':' (`after_colon`); elsewhere it is wrapped prose.
std::optional<Marker> PlaceMarker(std::string_view line, const std::vector<Level>& stack, bool strong,
                                  bool after_colon, bool next_starts_upper, const NextMarkerFn& next_marker) {
  if (IsInitialsAndName(line)) return std::nullopt;
  // A speck read as a second point after a numeral ("3.. PROCEDURES", a teletype scanned for a probe) or as a point
  // after a parenthesized one ("(b). An immigration hold ...", a sheriff's custody policy scanned for a probe): the
  // marker as printed without it, its length counting it.
  static const RE2 kDoubledPoint(R"(^(\s*(?:[0-9IVXivxA-Za-z]{1,4}\.|\([0-9A-Za-z]{1,4}\)))\.\s+[A-Z])");
  re2::StringPiece first;
  if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kDoubledPoint, &first)) {
    std::string once(line);
    once.erase(first.size(), 1);
    std::optional<Marker> m = PlaceMarker(once, stack, strong, after_colon, next_starts_upper, next_marker);
    if (m) ++m->length;
    return m;
  }
  std::optional<Marker> parsed = ParseMarker(line, stack, next_starts_upper);
  if (parsed && (parsed->bullet || !IsListOrOutlineStyle(parsed->style))) return parsed;
  if (parsed && parsed->lower_rest) {
    const bool item = strong && (ContinuesOpenLevel(*parsed, stack) ||
                                 (after_colon && parsed->value == 1 && FindStyle(stack, parsed->style) == nullptr));
    if (item) return parsed;
    parsed.reset();
  }
  if (parsed && ContinuesOpenLevel(*parsed, stack)) return parsed;
  const std::optional<MarkerToken> token = LeadingMarkerToken(line);
  const std::string_view rest = token ? Trim(line.substr(token->length)) : std::string_view();
  strong = strong || (token && AllCapsText(rest));
  if (!strong) {
    if (parsed && parsed->value == 1 && FindStyle(stack, parsed->style) == nullptr) return parsed;
    return std::nullopt;
  }
  if (token) {
    if (std::optional<Marker> repaired = RepairMarker(line, *token, stack, next_marker)) return repaired;
    if (std::optional<Marker> first = after_colon && !parsed ? DamagedFirstItem(*token, stack) : std::nullopt)
      return first;
  }
  // An excerpt's roman part after a gap, before its heading in capitals ("III. POLICY" then "V.   DESIGNATION OF
  // AUTHORIZED FUNCTIONS", then "X. ICE SUPERVISION": a 287(g) agreement's pages left out, written for a probe) is the
  // outline's next part, not a letter item under the part before ("III.V.").
  if (parsed && parsed->style != "I." && token && token->text.size() >= 2 && token->text.back() == '.' && AllCapsText(rest)) {
    const std::string_view numeral = std::string_view(token->text).substr(0, token->text.size() - 1);
    const Level* part = FindStyle(stack, "I.");
    constexpr int kLongestGap = 6;
    if (part != nullptr && IsCapitalRoman(numeral)) {
      const int value = RomanValue(numeral);
      if (value > part->value + 1 && value <= part->value + kLongestGap) {
        Marker m;
        m.style = "I.";
        m.value = value;
        m.printed = token->text;
        m.length = token->length;
        return m;
      }
    }
  }
  if (parsed) return parsed;
  if (token && LooksLikeDamagedNumeral(*token) && IsHeadingText(rest, "I.", true, next_starts_upper))
    return UnplacedHeadingMarker(*token, stack);
  return std::nullopt;
}

// As printed, or a part's damaged numeral before a heading in capitals (numbering.h).
std::optional<Marker> LookAheadMarker(std::string_view line, const std::vector<Level>& stack) {
  if (std::optional<Marker> parsed = ParseMarker(line, stack)) return parsed;
  const std::optional<MarkerToken> token = LeadingMarkerToken(line);
  if (!token || !AllCapsText(Trim(line.substr(token->length)))) return std::nullopt;
  return RepairMarker(line, *token, stack, [] { return std::optional<Marker>(); });
}

}  // namespace foiamine::extractors::internal
