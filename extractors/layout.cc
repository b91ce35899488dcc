#include "extractors/layout.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

struct Line {
  int page_idx = 0;
  size_t begin = 0;
  size_t end = 0;
  bool blank_before = false;
  bool ignored = false;
  int printed_line = 0;  // transcript margin number cut off the line (MarkTranscriptLines), 0 = none
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Header/footer key: lower-case, digits -> '#', spaces folded.
std::string LineKey(std::string_view line) {
  std::string key;
  for (char c : Trim(line)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
    } else {
      key.push_back(static_cast<char>(std::tolower(u)));
    }
  }
  return key;
}

bool IsPageNumberKey(const std::string& key) {
  static const RE2 kPageNo(
      R"(^(?:page\s*#+(?:\s*(?:of|/)\s*#+)?|#+\s*(?:of|/)\s*#+|#+|-\s*#+\s*-|p\.\s*#+)$)");
  return RE2::FullMatch(key, kPageNo);
}

// Marks running headers/footers: lines near the top or bottom of a page that
// repeat (digits ignored) on at least half of the pages, and page numbers.
void MarkHeadersFooters(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  constexpr int kEdge = 5;
  const int n = static_cast<int>(pages.size());
  std::vector<std::vector<size_t>> by_page(n);
  for (size_t i = 0; i < lines.size(); ++i) by_page[lines[i].page_idx].push_back(i);
  auto is_edge = [&](int page, size_t pos_in_page) {
    size_t count = by_page[page].size();
    return pos_in_page < kEdge || pos_in_page + kEdge >= count;
  };
  std::map<std::string, std::set<int>> pages_with_key;
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < by_page[p].size(); ++k) {
      if (!is_edge(p, k)) continue;
      const Line& l = lines[by_page[p][k]];
      pages_with_key[LineKey(std::string_view(pages[p].text).substr(l.begin, l.end - l.begin))].insert(p);
    }
  }
  const size_t threshold = std::max<size_t>(2, static_cast<size_t>((n + 1) / 2));
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < by_page[p].size(); ++k) {
      if (!is_edge(p, k)) continue;
      Line& l = lines[by_page[p][k]];
      std::string key = LineKey(std::string_view(pages[p].text).substr(l.begin, l.end - l.begin));
      if (IsPageNumberKey(key)) {
        l.ignored = true;
        continue;
      }
      size_t letters = std::count_if(key.begin(), key.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
      if (n >= 2 && letters >= 3 && pages_with_key[key].size() >= threshold) l.ignored = true;
    }
  }
}

// Transcripts print a number (1 to 25 or so, restarting on every page) in
// the left margin of each line. A pin cite names them ("Tr. 43:12-14"); they
// are no part of what was said, so they must stay out of sentences ("3
// occasions, our officers drove ..."). A page is read as numbered when at
// least five of its body lines, and most of them, start with a number that
// carries on the sequence. OCR reads a margin "1" as "l" or "|" at times: such
// a token counts only where it is the number expected next (a line's own
// first word is never a number's look-alike elsewhere). On a numbered page
// each number in the ascending sequence is cut off its line (`begin` moves
// past it) and kept as the line's `printed_line`; a numbered line with no
// text is dropped.
void MarkTranscriptLines(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  static const RE2 kNumber(R"(^([0-9l|]{1,2})(?:\s+|$))");
  constexpr size_t kMinNumbered = 5;
  std::map<int, std::vector<size_t>> by_page;  // body lines of each page, in order
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].ignored) by_page[lines[i].page_idx].push_back(i);
  struct Numbered {
    size_t line;
    int value;
    size_t length;  // bytes of the number and the spaces after it
  };
  for (const auto& [page, body] : by_page) {
    std::vector<Numbered> found;
    int last = 0;
    size_t in_sequence = 0;
    for (size_t li : body) {
      const Line& l = lines[li];
      const std::string_view text = std::string_view(pages[page].text).substr(l.begin, l.end - l.begin);
      re2::StringPiece in(text.data(), text.size());
      re2::StringPiece token;
      if (!RE2::Consume(&in, kNumber, &token)) continue;
      std::string digits(token);
      const bool damaged = digits.find_first_of("l|") != std::string::npos;
      for (char& c : digits)
        if (c == 'l' || c == '|') c = '1';
      const int value = std::atoi(digits.c_str());
      if (value <= last || (damaged && value != last + 1)) continue;  // the sequence only ascends
      if (value == last + 1 || (found.empty() && value <= 3)) ++in_sequence;
      found.push_back(Numbered{li, value, static_cast<size_t>(in.data() - text.data())});
      last = value;
    }
    if (found.size() < kMinNumbered || found.size() * 5 < body.size() * 3 || in_sequence * 5 < found.size() * 4)
      continue;
    for (const Numbered& n : found) {
      Line& l = lines[n.line];
      l.begin += n.length;
      l.printed_line = n.value;
      if (l.begin >= l.end) l.ignored = true;
    }
  }
}

int RomanValue(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = 0;
    switch (std::tolower(static_cast<unsigned char>(*it))) {
      case 'i': v = 1; break;
      case 'v': v = 5; break;
      case 'x': v = 10; break;
      case 'l': v = 50; break;
      case 'c': v = 100; break;
      default: return 0;
    }
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

bool AllRoman(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos; });
}

// One level of numbering on the section stack.
struct Level {
  std::string style;    // "sec", "dec", "word:part", "word:section", "1.", "a.", "A.", "i.", "I.", "(1)", "(a)", ...
  std::string printed;  // path part: "(b)", "9.", "24-211.07", "Part IV", "3" (for "Sec. 3.")
  int value = 0;
  int section = -1;
};

struct Marker {
  std::string style;
  std::string printed;
  std::string part;  // what the marker contributes to a path, if not `printed`
  int value = 0;
  size_t length = 0;  // bytes of the marker and the spaces after it
  bool bullet = false;
  bool closed = false;  // a word marker ended by '.' or ':' ("Sec. 3.")
  bool lower_rest = false;  // "2. arrest or detain ...": an item only inside a list
};

const Level* FindStyle(const std::vector<Level>& stack, const std::string& style) {
  for (const Level& l : stack)
    if (l.style == style) return &l;
  return nullptr;
}

// Lists ("(a)", "1.") and outlines ("II."), as opposed to divisions ("§ ...",
// "413.4", "Part IV") and bullets: the styles whose values run in sequence.
bool IsListOrOutlineStyle(const std::string& style) {
  return !style.empty() && style != "sec" && style != "dec" && style != "bullet" && style.rfind("word:", 0) != 0;
}

// Decides whether a single-letter marker (or a roman-looking one) is a
// letter or a roman numeral, given the numbering already open.
void ClassifyLetters(const std::string& token, const std::string& open, const std::string& close,
                     const std::vector<Level>& stack, Marker& m) {
  const bool upper = std::isupper(static_cast<unsigned char>(token[0]));
  const std::string alpha_style = open + (upper ? "A" : "a") + close;
  const std::string roman_style = open + (upper ? "I" : "i") + close;
  const int letter_value = (token.size() == 1) ? std::tolower(static_cast<unsigned char>(token[0])) - 'a' + 1
                                               : 26 + std::tolower(static_cast<unsigned char>(token[0])) - 'a' + 1;
  bool roman = false;
  if (AllRoman(token)) {
    const Level* alpha = FindStyle(stack, alpha_style);
    const Level* rom = FindStyle(stack, roman_style);
    const bool doubled_letter = token.size() == 2 && token[0] == token[1];
    if (alpha != nullptr && alpha->value + 1 == letter_value) {
      roman = false;
    } else if (rom != nullptr && rom->value + 1 == RomanValue(token)) {
      roman = true;
    } else if (token.size() > 1 && !doubled_letter) {
      roman = true;
    } else if (token == "i" || token == "I") {
      roman = alpha == nullptr || alpha->value != 8;
    } else if (doubled_letter && (token[0] == 'i' || token[0] == 'I')) {
      roman = true;
    }
  }
  if (roman) {
    m.style = roman_style;
    m.value = RomanValue(token);
  } else {
    m.style = alpha_style;
    m.value = letter_value;
  }
  m.printed = open + token + close;
}

bool StartsUpper(std::string_view rest) {
  if (rest.empty()) return true;
  unsigned char c = static_cast<unsigned char>(rest[0]);
  return std::isupper(c) || c == '"' || c == '\'' || c == '(' || c >= 0x80;
}

// `next_line_starts_upper`: a bare "7284.6." is a section number when text
// follows on the next line.
std::optional<Marker> ParseMarker(std::string_view line, const std::vector<Level>& stack,
                                  bool next_line_starts_upper = false) {
  static const RE2 kSec(R"(^(§+\s*(\d+[A-Za-z]?-\d+(?:\.\d+)?[a-z]?)\.?)(?:\s+|$))");
  static const RE2 kCodeSection(
      R"(^((?:§+\s*|(?:ORS|RCW)\s+)(\d+[A-Za-z]{0,2}(?:\.\d+[A-Za-z]?)*)\.?)(?:\s+|$))");
  static const RE2 kWord(
      R"(^((Part|PART|Article|ARTICLE|Section|SECTION|Sec\.|SEC\.|Chapter|CHAPTER|Title|TITLE)\s+([IVXLC]+|\d+(?:\.\d+)*|[A-Z])\b[.:]?)(?:\s+|$))");
  static const RE2 kDecimal(R"(^((\d{1,4}(?:\.\d{1,3})+)\.?)(?:\s+|$))");
  // A space or the end after the marker, or a second marker run in: "(12)(a)".
  static const RE2 kParen(R"(^(\(([0-9]{1,3}|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,6})\))(?:\s+|$|\(\S))");
  static const RE2 kDot(R"(^(([0-9]{1,3}|[A-Za-z]|[IVXLC]{2,6}|[ivxlc]{2,6})([.)]))(?:\s+|$))");
  // A bullet alone on its line (PDF text often puts the glyph on a line of
  // its own) is a bare marker for the next line; "o" is the sub-bullet of
  // Word documents after text extraction ("o Upon transfer ...").
  static const RE2 kBullet("^((?:\xE2\x80\xA2|\xE2\x97\x8F|\xE2\x96\xAA|\xE2\x97\xA6|\xE2\x96\xA0|\xE2\x9E\xA2|\xE2\x96\xBA|\xEF\x82\xB7|[-*o]))(?:\\s+|$)");
  re2::StringPiece sp(line.data(), line.size());
  re2::StringPiece whole, a, b, c;
  Marker m;
  auto consumed = [&](re2::StringPiece input) {
    // length of the full match = bytes up to where the remaining text starts
    return static_cast<size_t>(input.data() - line.data());
  };
  re2::StringPiece in = sp;
  if (RE2::Consume(&in, kSec, &whole, &a)) {
    m.style = "sec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  // "§ 1373. Communication ...", "§ 7284.6.", "ORS 181A.820", "RCW 2.28.310
  // Definitions": a code section as its code prints it. Its number starts the
  // path ("1373(b)(2)", "181A.820(1)"): a section of a code is cited by its
  // own number, without its title or chapter. A lower-case word after it is
  // prose ("§ 1373 and ...", "RCW 2.28.310 through 2.28.330").
  in = sp;
  if (RE2::Consume(&in, kCodeSection, &whole, &a) && StartsUpper(Trim(std::string_view(in.data(), in.size())))) {
    m.style = "sec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (RE2::Consume(&in, kWord, &whole, &a, &b)) {
    std::string word(a);
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    // "Sec. 3." and "Section 3" are one numbering, and like a code's "§ 24-211.07"
    // their path part is the bare number: a lawyer cites "3(a)", not "Section 3 (a)".
    const bool section_word = word == "section" || word == "sec.";
    m.style = section_word ? "word:section" : "word:" + word;
    std::string printed_word(a);
    if (printed_word.size() > 1) {
      for (size_t i = 1; i < printed_word.size(); ++i)
        printed_word[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(printed_word[i])));
    }
    m.printed = printed_word + " " + std::string(b);
    if (section_word) m.part = std::string(b);
    m.closed = !whole.empty() && (whole[whole.size() - 1] == '.' || whole[whole.size() - 1] == ':');
    m.value = AllRoman(b) ? RomanValue(b) : std::atoi(std::string(b).c_str());
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (RE2::Consume(&in, kDecimal, &whole, &a)) {
    // "413.4.2 IMMIGRATION CHECKS": a decimal is a section number only with
    // a heading or sentence after it (bare ones are reference lists).
    // "7284.6." alone on its line, its text below, is a code's section number.
    std::string_view after = Trim(std::string_view(in.data(), in.size()));
    const bool bare_section = after.empty() && whole.ends_with(".") && next_line_starts_upper;
    if (!bare_section && (after.empty() || !StartsUpper(after))) return std::nullopt;
    m.style = "dec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (RE2::Consume(&in, kParen, &whole, &a)) {
    // A run-in second marker is left for the next level: "(12)" of "(12)(a)".
    if (whole.size() < sp.size() && sp[whole.size()] == '(')
      in = re2::StringPiece(sp.data() + whole.size(), sp.size() - whole.size());
    std::string token(a);
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      m.style = "(1)";
      m.value = std::atoi(token.c_str());
      m.printed = "(" + token + ")";
    } else {
      if (token.size() == 2 && token[0] != token[1] && !AllRoman(token)) return std::nullopt;
      ClassifyLetters(token, "(", ")", stack, m);
    }
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (RE2::Consume(&in, kDot, &whole, &a, &b)) {
    std::string token(a), close(b);
    m.lower_rest = !StartsUpper(Trim(std::string_view(in.data(), in.size())));
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      m.style = "1" + close;
      m.value = std::atoi(token.c_str());
      m.printed = token + close;
    } else {
      ClassifyLetters(token, "", close, stack, m);
    }
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (RE2::Consume(&in, kBullet, &whole)) {
    // "o" bullets only before a capital ("o la fecha" is Spanish "or").
    if (whole == "o" && !StartsUpper(Trim(std::string_view(in.data(), in.size())))) return std::nullopt;
    m.style = "bullet";
    m.bullet = true;
    m.length = consumed(in);
    return m;
  }
  return std::nullopt;
}

// --- OCR-damaged numbering -------------------------------------------------
//
// A scanner reads "III." as "lil.", "1." as "l.", "IV" as "1V", "10" as "l0",
// "B." as "8.". Such a marker is read as the value its sequence expects next,
// but only when the printed token and the expected one are the same up to
// these confusions: a marker that is merely out of order stays what it says.

// Maps each character to its OCR confusion class (l/1/I/i/| ; O/0/o ; S/5 ;
// B/8 ; "rn"/m ; H/II, as in "Hi." for "III." ; a comma for the period,
// "1," for "1."), so that two tokens one confusion apart fold alike.
std::string FoldConfusions(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == 'r' && i + 1 < token.size() && token[i + 1] == 'n') {
      out.push_back('m');
      ++i;
      continue;
    }
    switch (c) {
      case 'l': case '1': case 'I': case 'i': case '|': out.push_back('1'); break;
      case 'O': case '0': case 'o': out.push_back('0'); break;
      case 'S': case '5': out.push_back('5'); break;
      case 'B': case '8': out.push_back('8'); break;
      case 'H': out += "11"; break;
      case ',': out.push_back('.'); break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string ToRoman(int value) {
  static constexpr std::pair<int, const char*> kDigits[] = {{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
                                                            {9, "IX"},  {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [v, s] : kDigits)
    for (; value >= v; value -= v) out += s;
  return out;
}

// The token a list/outline style prints for `value`: ("(a)", 2) -> "(b)",
// ("I.", 3) -> "III.", ("1.", 10) -> "10.". Empty for divisions and bullets.
std::string RenderMarker(const std::string& style, int value) {
  if (value <= 0 || !IsListOrOutlineStyle(style)) return {};
  const bool paren = style.front() == '(';
  const char kind = style[paren ? 1 : 0];
  std::string token;
  if (kind == '1') {
    token = std::to_string(value);
  } else if (kind == 'a' || kind == 'A') {
    if (value > 52) return {};
    token.assign(value > 26 ? 2 : 1, static_cast<char>(kind + (value - 1) % 26));  // "aa" = 27, as ClassifyLetters
  } else {
    token = ToRoman(value);
    if (kind == 'i')
      for (char& ch : token) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return (paren ? "(" : "") + token + style.back();
}

// Does a parsed list/outline marker carry on a sequence already open?
bool ContinuesOpenLevel(const Marker& m, const std::vector<Level>& stack) {
  const Level* open = FindStyle(stack, m.style);
  return open != nullptr && m.value == open->value + 1;
}

// A token shaped like a list or outline marker ("lil.", "(l)", "1V)", "1,"), with
// the bytes it takes (spaces after it included); nullopt when the line does
// not start with one.
struct MarkerToken {
  std::string text;
  size_t length = 0;
};

std::optional<MarkerToken> LeadingMarkerToken(std::string_view line) {
  static const RE2 kToken(R"(^(\([0-9A-Za-z|]{1,6}\)|[0-9A-Za-z|]{1,6}[.),])(?:\s+|$))");
  re2::StringPiece in(line.data(), line.size());
  re2::StringPiece token;
  if (!RE2::Consume(&in, kToken, &token)) return std::nullopt;
  return MarkerToken{std::string(token), static_cast<size_t>(in.data() - line.data())};
}

// Reads a damaged marker as the value a sequence expects: the next value of
// any open level, or the first value of the sequence the next marker in the
// text continues (`next`: "2." after "l." makes "l." a "1.").
using NextMarkerFn = std::function<std::optional<Marker>()>;

std::optional<Marker> RepairMarker(std::string_view line, const MarkerToken& token, const std::vector<Level>& stack,
                                   const NextMarkerFn& next_marker) {
  std::vector<std::pair<std::string, int>> expected;  // (style, value), innermost first
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) expected.emplace_back(it->style, it->value + 1);
  // A sequence already open cannot start again: "i." between "1." and "2." stays a roman "i.".
  if (const std::optional<Marker> next = next_marker();
      next && next->value == 2 && IsListOrOutlineStyle(next->style) && FindStyle(stack, next->style) == nullptr)
    expected.emplace_back(next->style, 1);
  const std::string folded = FoldConfusions(token.text);
  const std::string_view rest = Trim(line.substr(token.length));
  for (const auto& [style, value] : expected) {
    const std::string want = RenderMarker(style, value);
    if (want.empty() || want == token.text || FoldConfusions(want) != folded) continue;
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

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

double UpperRatio(std::string_view s, size_t* letters_out) {
  size_t letters = 0, upper = 0;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      ++letters;
      if (std::isupper(u)) ++upper;
    }
  }
  if (letters_out) *letters_out = letters;
  return letters == 0 ? 0.0 : static_cast<double>(upper) / static_cast<double>(letters);
}

bool TitleIsh(std::string_view s) {
  size_t long_words = 0, capitalized = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view w = s.substr(i, j - i);
    if (w.size() >= 4) {
      ++long_words;
      if (std::isupper(static_cast<unsigned char>(w[0]))) ++capitalized;
    }
    i = j;
  }
  return long_words > 0 && capitalized * 10 >= long_words * 6;
}

// Is the text after a marker (or a whole unnumbered line) a heading?
bool IsHeadingText(std::string_view rest, const std::string& style, bool has_marker, bool next_starts_upper) {
  rest = Trim(rest);
  if (rest.empty()) return false;
  const size_t words = CountWords(rest);
  const char last = rest.back();
  if (last == ',' || last == ';' || last == '-') return false;
  size_t letters = 0;
  const double upper = UpperRatio(rest, &letters);
  if (!has_marker) {
    return words <= 10 && letters >= 4 && upper >= 0.8;
  }
  if (style == "sec") return words <= 20;
  if (words > 12) return false;
  if (letters >= 3 && upper >= 0.8) return true;
  if (last == ':') return false;
  if (style.rfind("word:", 0) == 0) return true;
  if (last == '.' || last == '?') return false;
  return words <= 8 && TitleIsh(rest) && next_starts_upper;
}

// Could `token` be a numeral or list letter a scanner damaged ("XlV.",
// "1V.", "l0.", "|I.")? Words and abbreviations ("Dr.", "Vol.", "No.") are
// not: a capital followed by lower case is read as a word.
bool LooksLikeDamagedNumeral(const MarkerToken& token) {
  static const RE2 kNumeralChars(R"(^\(?[0-9IVXLCivxlc|Oo]{1,6}[.)]$)");
  static const RE2 kWord(R"(^\(?[A-Z][a-z]+[.)]$)");
  return RE2::FullMatch(token.text, kNumeralChars) && !RE2::FullMatch(token.text, kWord);
}

// A heading whose marker fits no sequence ("XlV. PROCEDURES" between "II."
// and "IV.") still starts a section, or everything after it would be filed
// under the section before (a DEFINITIONS section turns every rule after it
// into a mention). It takes the place of the outermost open level printed
// the same way ("II." for "XlV."), keeping that level's value, so the
// sequence carries on; its path shows the marker as printed.
Marker UnplacedHeadingMarker(const MarkerToken& token, const std::vector<Level>& stack) {
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

bool AllCapsText(std::string_view s) {
  size_t letters = 0;
  return UpperRatio(s, &letters) >= 0.8 && letters >= 3;
}

// The marker a line starts with, placed in the numbering open in `stack`:
// - a marker that carries on an open sequence is taken as printed;
// - after a strong break (blank line, end of sentence, heading; an all-caps
//   heading after the marker is one too), a damaged marker is read as the
//   value a sequence expects (RepairMarker), else a marker that starts a
//   sequence or jumps in one is taken as printed, else a damaged heading
//   marker is kept as printed (UnplacedHeadingMarker);
// - otherwise the line has no marker ("3. The ..." inside a sentence).
// A numbered line whose text starts in lower case ("2. arrest or detain ...")
// is an item only after a strong break, carrying on an open list or starting
// one after a lead-in's ':' (`after_colon`); elsewhere it is wrapped prose.
std::optional<Marker> PlaceMarker(std::string_view line, const std::vector<Level>& stack, bool strong,
                                  bool after_colon, bool next_starts_upper, const NextMarkerFn& next_marker) {
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
  }
  if (parsed) return parsed;
  if (token && LooksLikeDamagedNumeral(*token) && IsHeadingText(rest, "I.", true, next_starts_upper))
    return UnplacedHeadingMarker(*token, stack);
  return std::nullopt;
}

// "(5 ILCS 805/15)": Illinois prints the Act's citation above each section;
// a lawyer cites the section as "805/15". Leaves the outputs alone when the
// line is something else.
void ReadIlcsCitation(std::string_view line, std::string& act, std::string& section) {
  static const RE2 kIlcs(R"(^\(\d+\s+ILCS\s+(\d+)/([0-9][0-9A-Za-z.-]*)\)$)");
  std::string a, s;
  if (RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kIlcs, &a, &s)) {
    act = a;
    section = s;
  }
}

// "(c) U.S. Customs and Border Protection (CBP)" then "An officer shall
// verify ...": after a one-line item that only names something (a few
// words, no closing punctuation, ending in a name or an acronym), a line that
// starts a sentence is the paragraph after the list, not more of the item.
bool ParagraphAfterNamingItem(std::string_view item_rest, std::string_view line) {
  static const RE2 kSentenceStart(R"(^[A-Z][a-z]*\s+[a-z])");
  item_rest = Trim(item_rest);
  if (item_rest.empty() || CountWords(item_rest) > 10) return false;
  const char last = item_rest.back();
  const size_t word = item_rest.find_last_of(' ');
  const char last_word_start = item_rest[word == std::string_view::npos ? 0 : word + 1];
  if (last != ')' && !std::isupper(static_cast<unsigned char>(last_word_start))) return false;
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kSentenceStart);
}

// "LABEL: value" lines of forms, memos, faxes and e-mail headers. Header
// fields (addressing, subject, dates, numbers) are headings: they name the
// document, they never state a rule or an act. Other fields ("NOTICE:",
// "REMARKS:") start a unit of their own.
enum class Field { kNone, kHeader, kBody };

Field FieldLine(std::string_view line) {
  static const RE2 kField(R"(^([A-Z][A-Za-z.'/&-]*(?: [A-Z][A-Za-z.'/&-]*){0,3})\s*:(?:\s|$))");
  static const RE2 kHeader(
      R"((?i)^(?:from|to|cc|bcc|sent|date|subject|re|fax|pages|title|topic|series|number|no\.|attn|attention|)"
      R"((?:effective|review|issue|issued|revision) date|related to|replaces|supersedes|rescinds|opi|originating agency|)"
      R"(attachments?|enclosures?|asunto|fecha|para|de|memorandum for|through|thru)$)");
  re2::StringPiece label;
  if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kField, &label)) return Field::kNone;
  return RE2::FullMatch(label, kHeader) ? Field::kHeader : Field::kBody;
}

// List items ("(a)", "(1)", "a.", "1)") as opposed to divisions ("§ ...",
// "413.4", "Part IV") and top-level roman parts ("II.").
bool IsListStyle(const std::string& style) {
  return IsListOrOutlineStyle(style) && style != "I." && style != "I)";
}

// "Part IV (a)"; a section number is extended directly, like a code
// section's: "Sec. 3." + "(a)" -> "3(a)", "Section 5.2" + "(a)" + "(1)" -> "5.2(a)(1)".
bool IsSectionNumber(const std::string& style) { return style == "sec" || style == "dec"; }

// How level i reads in a path: as printed, except that an item numbered
// "1." or "a." right under a section number is cited in parentheses,
// "415.2(1)": "415.21." would read as another section.
std::string PathPart(const std::vector<Level>& stack, size_t i) {
  const Level& l = stack[i];
  const bool under_number = i > 0 && (stack[i - 1].style == "sec" || stack[i - 1].style == "dec");
  if (under_number && IsListOrOutlineStyle(l.style) && l.style.front() != '(' && l.printed.size() >= 2)
    return "(" + l.printed.substr(0, l.printed.size() - 1) + ")";
  return l.printed;
}

std::string BuildPath(const std::vector<Level>& stack) {
  std::string path;
  // A code section is cited by its own number: "8 U.S.C. § 1373(b)", never
  // "Title 8 Chapter 12 1373(b)".
  size_t first = 0;
  for (size_t i = 0; i < stack.size(); ++i)
    if (stack[i].style == "sec") first = i;
  for (size_t i = first; i < stack.size(); ++i) {
    const std::string printed = PathPart(stack, i);
    const bool number = stack[i].style == "word:section";
    const bool last = i + 1 == stack.size();
    const std::string next = last ? printed : PathPart(stack, i + 1);
    // "9." then "9.1"; "Section 5" then "5.1"
    if (!last && next.rfind(number ? printed + "." : printed, 0) == 0) continue;
    path += printed;
    if (last) continue;
    if (number ? std::isdigit(static_cast<unsigned char>(next[0])) != 0 : stack[i].style.rfind("word:", 0) == 0)
      path += " ";
  }
  return path;
}

// Abbreviations after which a sentence break is spurious.
bool EndsWithAbbreviation(std::string_view s) {
  static const RE2 kAbbrev(
      R"((?:^|[\s(\[])(?:[A-Za-z]|(?:[A-Za-z]{1,2}\.){1,3}[A-Za-z]{1,2}|No|Nos|Sec|Secs|Art|v|vs|Inc|Corp|Co|Dept|Mr|Mrs|Ms|Dr|St|Jr|Sr|Ch|Stat|Ann|Rev|Reg|Fed|Cir|Supp|para|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|US|Gen|Ord|Q\d{1,3})\.$)");
  s = Trim(s);
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kAbbrev);
}

// "1." or "(b)" alone: a list marker, not a sentence.
bool IsBareMarker(std::string_view s) {
  static const RE2 kMarker(R"(^\s*(?:\(?[0-9A-Za-z]{1,4}[.)]|Q\d{1,3}[.:])\s*$)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kMarker);
}

bool StartsLowerOrSection(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (std::islower(c)) return true;
  return s.rfind("§", 0) == 0;
}

// ICU sentence segmentation of one block (byte ranges relative to the block),
// with spurious breaks after abbreviations merged back.
class SentenceSplitter {
 public:
  SentenceSplitter() {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
    if (U_FAILURE(status)) breaker_.reset();
  }

  std::vector<std::pair<size_t, size_t>> Split(std::string_view block) {
    std::vector<std::pair<size_t, size_t>> out;
    if (!breaker_) {
      out.emplace_back(0, block.size());
      return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(block.data(), static_cast<int32_t>(block.size())));
    // utf16 index -> byte offset
    std::vector<size_t> u16_to_byte(static_cast<size_t>(u.length()) + 1, block.size());
    {
      size_t byte = 0;
      int32_t i = 0;
      while (i < u.length() && byte < block.size()) {
        UChar32 c = u.char32At(i);
        u16_to_byte[i] = byte;
        if (U16_LENGTH(c) == 2) u16_to_byte[i + 1] = byte;
        unsigned char lead = static_cast<unsigned char>(block[byte]);
        size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        byte += len;
        i += U16_LENGTH(c);
      }
    }
    breaker_->setText(u);
    std::vector<size_t> bounds;
    for (int32_t b = breaker_->first(); b != icu::BreakIterator::DONE; b = breaker_->next())
      bounds.push_back(u16_to_byte[std::min<int32_t>(b, u.length())]);
    if (bounds.empty() || bounds.front() != 0) bounds.insert(bounds.begin(), 0);
    if (bounds.back() != block.size()) bounds.push_back(block.size());
    size_t start = 0;
    for (size_t k = 1; k < bounds.size(); ++k) {
      size_t b = bounds[k];
      if (b < block.size()) {
        std::string_view prev = block.substr(start, b - start);
        std::string_view next = block.substr(b);
        if (EndsWithAbbreviation(prev) || StartsLowerOrSection(next) || IsBareMarker(prev)) continue;
      }
      out.emplace_back(start, b);
      start = b;
    }
    return out;
  }

 private:
  std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace

void DocumentLayout::Append(std::string_view text, int page_idx, size_t page_byte, int printed_line) {
  if (text.empty()) return;
  pieces_.push_back(Piece{stream_.size(), text.size(), page_idx, page_byte, printed_line});
  stream_.append(text);
}

void DocumentLayout::AppendJoin(char c) { stream_.push_back(c); }

PagePos DocumentLayout::Locate(size_t pos) const {
  if (pieces_.empty()) return PagePos{};
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  if (it == pieces_.begin()) return PagePos{pieces_.front().page_idx, pieces_.front().page_byte};
  const Piece& piece = *(it - 1);
  size_t offset = std::min(pos - piece.stream_begin, piece.length);
  return PagePos{piece.page_idx, piece.page_byte + offset};
}

int DocumentLayout::PrintedLine(size_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  return it == pieces_.begin() ? 0 : (it - 1)->printed_line;
}

std::vector<DocumentLayout::PagePart> DocumentLayout::PartsByPage(size_t begin, size_t end) const {
  std::vector<PagePart> parts;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), begin,
                             [](size_t p, const Piece& piece) { return p < piece.stream_begin; });
  if (it != pieces_.begin()) --it;
  for (; it != pieces_.end() && it->stream_begin < end; ++it) {
    const size_t b = std::max(begin, it->stream_begin), e = std::min(end, it->stream_begin + it->length);
    if (b >= e) continue;
    const size_t page_b = it->page_byte + (b - it->stream_begin), page_e = it->page_byte + (e - it->stream_begin);
    if (parts.empty() || parts.back().page_idx != it->page_idx) {
      parts.push_back(PagePart{it->page_idx, page_b, page_e, 0, 0});
    } else {
      parts.back().byte_end = std::max(parts.back().byte_end, page_e);
    }
    if (it->printed_line > 0) {
      PagePart& p = parts.back();
      p.first_line = p.first_line == 0 ? it->printed_line : std::min(p.first_line, it->printed_line);
      p.last_line = std::max(p.last_line, it->printed_line);
    }
  }
  return parts;
}

bool DocumentLayout::IsDescendant(int section, int ancestor) const {
  if (section < 0) return false;
  if (ancestor < 0) return true;  // everything numbered is inside the unnumbered start
  for (int s = parents_[section]; s >= 0; s = parents_[s])
    if (s == ancestor) return true;
  return false;
}

DocumentLayout::DocumentLayout(const std::vector<PageText>& pages, const std::vector<Section>& given_sections) {
  const int n = static_cast<int>(pages.size());
  cp_.resize(n);
  page_nos_.resize(n);
  page_body_end_.assign(n, 0);
  std::vector<Line> lines;
  for (int p = 0; p < n; ++p) {
    page_nos_[p] = pages[p].page_no;
    cp_[p] = CodePointOffsets(pages[p].text);
    std::string_view text = pages[p].text;
    size_t pos = 0;
    bool blank = false;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view raw = text.substr(pos, nl - pos);
      std::string_view trimmed = Trim(raw);
      if (trimmed.empty() || trimmed == "\f") {
        blank = true;
      } else {
        size_t begin = static_cast<size_t>(trimmed.data() - text.data());
        lines.push_back(Line{p, begin, begin + trimmed.size(), blank, false});
        blank = false;
      }
      if (nl >= text.size()) break;
      pos = nl + 1;
    }
  }
  MarkHeadersFooters(lines, pages);
  MarkTranscriptLines(lines, pages);
  std::vector<size_t> body;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].ignored) body.push_back(i);
  for (size_t i : body) page_body_end_[lines[i].page_idx] = std::max(page_body_end_[lines[i].page_idx], lines[i].end);

  const bool infer_sections = given_sections.empty();
  std::vector<Level> stack;
  std::vector<size_t> section_begin, section_end;  // stream bytes
  std::vector<size_t> section_line_end;
  std::vector<bool> run_in;  // items of a run-in list ("shall not: (1) ...; (2) ..."), ends known
  int current_section = -1;
  // ICU's sentence iterator is costly to build: one per thread, reused.
  thread_local SentenceSplitter splitter;

  auto line_text = [&](size_t li) {
    const Line& l = lines[li];
    return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin);
  };

  // Block being built.
  size_t block_begin = 0;
  bool block_open = false;
  bool block_bullet = false;
  int block_section = -1;
  auto flush = [&]() {
    if (!block_open) return;
    block_open = false;
    const size_t block_end = stream_.size();
    std::string_view block = std::string_view(stream_).substr(block_begin, block_end - block_begin);
    bool first = true;
    for (auto [s, e] : splitter.Split(block)) {
      std::string_view sentence = block.substr(s, e - s);
      size_t lead = 0;
      while (lead < sentence.size() && sentence[lead] == ' ') ++lead;
      size_t trail = sentence.size();
      while (trail > lead && sentence[trail - 1] == ' ') --trail;
      if (trail <= lead) continue;
      Unit unit;
      unit.begin = block_begin + s + lead;
      unit.end = block_begin + s + trail;
      unit.section = block_section;
      unit.bullet = first && block_bullet;
      first = false;
      // Run-in list: "... shall not: (1) hold ...; (2) provide ...".
      std::string_view text = std::string_view(stream_).substr(unit.begin, unit.end - unit.begin);
      static const RE2 kItem(R"(([:;]\s*(?:and\s+|or\s+)?)\(([0-9]{1,2}|[a-z]{1,2}|[A-Z]|[ivx]{1,4})\)\s)");
      std::vector<std::pair<size_t, std::string>> items;  // item start offset in text, marker token
      re2::StringPiece in(text.data(), text.size());
      re2::StringPiece sep, token;
      while (RE2::FindAndConsume(&in, kItem, &sep, &token)) {
        size_t at = static_cast<size_t>(sep.data() - text.data());
        if (items.empty() && text[at] != ':') continue;
        items.emplace_back(at, std::string(token));
      }
      if (items.size() >= 2) {
        Unit lead_in = unit;
        lead_in.end = unit.begin + items[0].first + 1;  // through the ':'
        const int lead_index = static_cast<int>(units_.size());
        units_.push_back(lead_in);
        for (size_t k = 0; k < items.size(); ++k) {
          size_t sep_at = items[k].first;
          size_t marker_at = text.find('(', sep_at);
          size_t item_end = k + 1 < items.size() ? items[k + 1].first : text.size();
          // keep the ';' that ends an item
          if (k + 1 < items.size() && text[item_end] == ';') ++item_end;
          Unit item;
          item.begin = unit.begin + marker_at;
          item.end = unit.begin + item_end;
          item.lead_in = lead_index;
          item.section = block_section;
          if (infer_sections) {
            Section s;
            s.marker = "(" + items[k].second + ")";
            s.path = (block_section >= 0 ? sections_[block_section].path : std::string()) + s.marker;
            s.depth = block_section >= 0 ? sections_[block_section].depth + 1 : 0;
            sections_.push_back(s);
            parents_.push_back(block_section);
            section_begin.push_back(item.begin);
            section_end.push_back(item.end);
            section_line_end.push_back(item.begin + s.marker.size());
            run_in.push_back(true);
            item.section = static_cast<int>(sections_.size()) - 1;
          }
          units_.push_back(item);
        }
        continue;
      }
      units_.push_back(unit);
    }
  };


  bool prev_was_heading = false;
  bool prev_bare_marker = false;
  bool list_closed = false;  // a paragraph closed the innermost list since the last marker
  std::string_view prev_item_rest;  // text of the previous line when it opened a list item
  bool prev_item_paren = false;     // ... an item marked "(c)"
  std::string ilcs_act, ilcs_section;  // from a "(5 ILCS 805/15)" line, for the "Sec. 15." below it
  std::string_view prev_text;
  for (size_t bi = 0; bi < body.size(); ++bi) {
    const size_t li = body[bi];
    const Line& line = lines[li];
    std::string_view text = line_text(li);
    const bool next_upper = bi + 1 < body.size() && StartsUpper(line_text(body[bi + 1]));
    const char prev_last = prev_text.empty() ? '.' : prev_text.back();
    const bool strong = line.blank_before || prev_was_heading || prev_last == '.' || prev_last == ':' ||
                        prev_last == ';' || prev_bare_marker || prev_text.empty();
    // The first marker below this line, for a damaged first item ("l." then "2.").
    auto next_marker = [&]() -> std::optional<Marker> {
      constexpr size_t kLookahead = 40;
      for (size_t bj = bi + 1; bj < body.size() && bj <= bi + kLookahead; ++bj) {
        std::optional<Marker> m = ParseMarker(line_text(body[bj]), stack);
        if (m && !m->bullet) return m;
      }
      return std::nullopt;
    };
    std::optional<Marker> marker = PlaceMarker(text, stack, strong, prev_last == ':', next_upper, next_marker);
    std::string_view rest = marker ? Trim(text.substr(marker->length)) : text;
    // A word marker leads a heading ("Part IV - Custody", "Article 3"), but a
    // closed section number may run into its text: "Sec. 2. Chapter 2 of
    // Title 24 ... is amended ...". "Section 4 of the Act ..." is prose.
    if (marker && marker->style.rfind("word:", 0) == 0 && !rest.empty() &&
        !IsHeadingText(rest, marker->style, true, next_upper) && rest.front() != '-' && rest.front() != ':' &&
        !(marker->style == "word:section" && marker->closed && StartsUpper(rest))) {
      marker.reset();
      rest = text;
    }
    // "(12)(a) ...", "7284.6. (a) California ...": a second marker run in
    // after the first opens the first item below it.
    std::optional<Marker> inner;
    size_t inner_at = 0;
    if (marker && !marker->bullet && !rest.empty() && rest.front() == '(') {
      inner = ParseMarker(rest, stack);
      if (inner && inner->style.front() == '(' && inner->value == 1) {
        inner_at = static_cast<size_t>(rest.data() - text.data());
        rest = Trim(rest.substr(inner->length));
      } else {
        inner.reset();
      }
    }
    // "(5 ILCS 805/15)" above "Sec. 15.": the section is cited "805/15".
    if (marker && marker->style == "word:section" && !ilcs_act.empty() && marker->part == ilcs_section)
      marker->part = ilcs_act + "/" + marker->part;
    if (!marker) ReadIlcsCitation(text, ilcs_act, ilcs_section);
    else ilcs_act.clear();
    const Marker* last_marker = inner ? &*inner : marker ? &*marker : nullptr;
    const Field field = marker ? Field::kNone : FieldLine(text);
    const bool heading = field == Field::kHeader ||
                         IsHeadingText(rest, last_marker ? last_marker->style : std::string(), marker.has_value(),
                                       next_upper);
    const bool bare_marker = marker && rest.empty();

    // A blank line inside a sentence (OCR paragraphs, a page break) does not
    // end it: "... shall notify" / "the ICE field office ..." is one sentence;
    // nor does it start a paragraph below ("... non-conviction" / "information:").
    const bool continues_sentence =
        !marker && !prev_text.empty() && !text.empty() &&
        (std::isalnum(static_cast<unsigned char>(prev_last)) || prev_last == ',' || prev_last == '-') &&
        std::islower(static_cast<unsigned char>(text.front()));
    // Only "(c)" items: a "1. PURPOSE" or "1. Purpose" heading is followed by
    // its own text.
    const bool after_naming_item = !marker && prev_item_paren && !AllCapsText(prev_item_rest) &&
                                   ParagraphAfterNamingItem(prev_item_rest, text);
    const bool new_block = !block_open || marker.has_value() || heading || prev_was_heading || field != Field::kNone ||
                           (line.blank_before && !prev_bare_marker && !continues_sentence) || after_naming_item;
    if (new_block) {
      flush();
      if (!stream_.empty()) AppendJoin('\n');
    } else {
      AppendJoin(' ');
    }

    // A paragraph after a list (unnumbered, after a blank line) belongs to
    // the list's parent, not to its last item; a line that carries on an
    // unfinished sentence (continues_sentence) does not start a paragraph,
    // whatever blank line a scan put before it.
    // The text under an item's own heading ("(a) In general", a blank line,
    // then its text) is the item's.
    const bool under_item_title =
        prev_was_heading || (!prev_item_rest.empty() && std::isalnum(static_cast<unsigned char>(prev_last)));
    const bool paragraph =
        (line.blank_before && !prev_bare_marker && !under_item_title && !continues_sentence) || after_naming_item;
    // One paragraph closes one list; the paragraphs after it stay in the
    // parent ("2. ... is a list of peace officers:" then a name per line).
    if (!marker && !heading && paragraph && !list_closed && !stack.empty() && IsListStyle(stack.back().style)) {
      list_closed = true;
      // The item ends here, not at the next marker: the section table agrees
      // with the clauses that cite it.
      const int item = stack.back().section;
      if (infer_sections && item >= 0 && section_end[item] == 0) section_end[item] = stream_.size() - 1;
      stack.pop_back();
      current_section = stack.empty() ? -1 : stack.back().section;
    }
    // Section bookkeeping (the numbering stack is kept even when the
    // structure is given, to validate markers).
    auto open_section = [&](const Marker& m, size_t at, std::string_view heading_text) {
      // Code and policy section numbers are one numbering however printed
      // ("§ 7284.6." then "7284.10."): a later one replaces, never nests.
      auto same_numbering = [&](const Level& l) {
        return l.style == m.style || (IsSectionNumber(m.style) && IsSectionNumber(l.style));
      };
      auto it = std::find_if(stack.begin(), stack.end(), same_numbering);
      if (it != stack.end()) stack.erase(it, stack.end());
      // A division ("Sec. 4.", "§ 24-211.08", "Part V") closes the list items
      // open before it instead of nesting under the last one.
      if (IsSectionNumber(m.style) || m.style.rfind("word:", 0) == 0) {
        while (!stack.empty() && IsListStyle(stack.back().style)) stack.pop_back();
      }
      stack.push_back(Level{m.style, m.part.empty() ? m.printed : m.part, m.value, -1});
      if (!infer_sections) return;
      Section s;
      s.marker = m.printed;
      s.path = BuildPath(stack);
      s.heading = std::string(heading_text);
      s.depth = static_cast<int>(stack.size()) - 1;
      sections_.push_back(s);
      parents_.push_back(stack.size() >= 2 ? stack[stack.size() - 2].section : -1);
      stack.back().section = static_cast<int>(sections_.size()) - 1;
      current_section = stack.back().section;
      section_begin.push_back(stream_.size() + at);
      section_end.push_back(0);
      section_line_end.push_back(stream_.size() + text.size());
      run_in.push_back(false);
    };
    if (marker && !marker->bullet) {
      list_closed = false;
      const std::string_view heading_text = heading ? rest : std::string_view();
      open_section(*marker, 0, inner ? std::string_view() : heading_text);
      if (inner) open_section(*inner, inner_at, heading_text);
    }
    if (new_block) {
      block_begin = stream_.size();
      block_open = true;
      block_bullet = marker && marker->bullet;
      block_section = current_section;
    }
    Append(text, line.page_idx, line.begin, line.printed_line);
    if (heading) {
      // A heading is a unit of its own; the body that follows starts a block.
      block_open = false;
      Unit unit;
      unit.begin = block_begin;
      unit.end = stream_.size();
      unit.heading = true;
      unit.section = current_section;
      units_.push_back(unit);
    }
    prev_was_heading = heading;
    prev_bare_marker = bare_marker;
    prev_item_rest = marker && !marker->bullet && IsListStyle(last_marker->style) ? rest : std::string_view();
    prev_item_paren = !prev_item_rest.empty() && last_marker->style.front() == '(';
    prev_text = text;
  }
  flush();

  if (infer_sections) {
    // Section ends: the next section at the same or a shallower depth.
    for (size_t i = 0; i < sections_.size(); ++i) {
      if (section_end[i] != 0) continue;  // run-in items and list items a paragraph ended
      size_t end = stream_.size();
      for (size_t j = i + 1; j < sections_.size(); ++j) {
        if (sections_[j].depth <= sections_[i].depth && !run_in[j]) {
          end = section_begin[j] > 0 ? section_begin[j] - 1 : 0;
          break;
        }
      }
      section_end[i] = end;
    }
    for (size_t i = 0; i < sections_.size(); ++i) {
      PagePos start = Locate(section_begin[i]);
      PagePos line_end = Locate(std::max(section_begin[i], section_line_end[i]));
      size_t last = section_end[i] > section_begin[i] ? section_end[i] - 1 : section_begin[i];
      PagePos end = Locate(last);
      Section& s = sections_[i];
      s.page = PageNo(start.page_idx);
      s.char_start = CodePoint(start);
      s.heading_end = line_end.page_idx == start.page_idx ? CodePoint(line_end) : s.char_start;
      s.end_page = PageNo(end.page_idx);
      s.end_char = stream_.empty() ? 0 : cp_[end.page_idx][std::min(end.byte + 1, pages[end.page_idx].text.size())];
    }
  } else {
    sections_ = given_sections;
    parents_.assign(sections_.size(), -1);
    auto before = [](int pa, int ca, int pb, int cb) { return pa < pb || (pa == pb && ca <= cb); };
    for (size_t i = 0; i < sections_.size(); ++i) {
      for (size_t j = i; j-- > 0;) {
        const Section& a = sections_[j];
        const Section& b = sections_[i];
        if (a.depth < b.depth && before(a.page, a.char_start, b.page, b.char_start) &&
            before(b.page, b.char_start, a.end_page, a.end_char)) {
          parents_[i] = static_cast<int>(j);
          break;
        }
      }
    }
    for (Unit& u : units_) {
      PagePos p = Locate(u.begin);
      const int page = PageNo(p.page_idx);
      const int cp = CodePoint(p);
      u.section = -1;
      for (size_t i = 0; i < sections_.size(); ++i) {
        const Section& s = sections_[i];
        if (before(s.page, s.char_start, page, cp) && !before(s.end_page, s.end_char, page, cp) &&
            (u.section < 0 || s.depth >= sections_[u.section].depth))
          u.section = static_cast<int>(i);
      }
    }
  }

  // List lead-ins: a unit ending in ':' introduces the units nested below it
  // (deeper sections, or bullets in its own section).
  std::vector<int> leads;
  for (size_t i = 0; i < units_.size(); ++i) {
    Unit& u = units_[i];
    if (u.heading) {
      leads.clear();
      continue;
    }
    while (!leads.empty()) {
      const Unit& top = units_[leads.back()];
      if (IsDescendant(u.section, top.section) || (u.bullet && u.section == top.section)) break;
      leads.pop_back();
    }
    if (u.lead_in < 0 && !leads.empty()) u.lead_in = leads.back();
    std::string_view t = Trim(std::string_view(stream_).substr(u.begin, u.end - u.begin));
    // ':' introduces a list; so does the U.S. Code's dash ("... of a State— (A) to
    // communicate ..."), which normalization turned into '-' (a hyphen at a line
    // end was joined with its word, so a trailing '-' here is a dash).
    // A sentence that stops without punctuation before its nested items lost
    // its dash in copying ("... of a State" / "(A) to communicate ...").
    if (!t.empty() && (t.back() == ':' || (t.back() == '-' && t.size() >= 2 && std::isalpha(static_cast<unsigned char>(t[t.size() - 2]))) ||
                       std::islower(static_cast<unsigned char>(t.back()))))
      leads.push_back(static_cast<int>(i));
  }
}

}  // namespace foiamine::extractors::internal
