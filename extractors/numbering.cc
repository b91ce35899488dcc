#include "extractors/numbering.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>

#include "extractors/marker_shapes.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

const Level* FindStyle(const std::vector<Level>& stack, const std::string& style) {
  for (const Level& l : stack)
    if (l.style == style) return &l;
  return nullptr;
}

// Lists ("(a)", "1.") and outlines ("II."), not divisions ("§ ...", "413.4", "Part IV") or bullets: in sequence.
bool IsListOrOutlineStyle(const std::string& style) {
  return !style.empty() && style != "sec" && style != "dec" && style != "bullet" && style.rfind("word:", 0) != 0;
}

// Decides whether a single-letter marker (or a roman-looking one) is a letter or a roman numeral, given the open stack.
static void ClassifyLetters(const std::string& token, const std::string& open, const std::string& close,
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

// `s` past a code section's catchline dash ("- ", "– ", "— ": "25-1-119 - Public bodies ...", "19.20. - General city
// services."), or `s` itself.
static std::string_view AfterCatchlineDash(std::string_view s) {
  for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
    if (s.substr(0, dash.size()) == dash) return Trim(s.substr(dash.size()));
  return s;
}

bool StartsUpper(std::string_view rest) {
  // (past a scanner's specks: "I. ._BACKGROUND"; or a bracketed editor's note: "SECTION 1. [NEW MATERIAL] NON-ENFORCEMENT")
  const size_t at = rest.find_first_not_of("._~ ");
  if (at == std::string_view::npos) return rest.empty();
  const unsigned char c = static_cast<unsigned char>(rest[at]);
  return std::isupper(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c >= 0x80;
}

// A signature's name, its initials first ("C. M. Cronen" under an agreement's signature line): no lettered item, and
// no damaged numeral either.
bool IsInitialsAndName(std::string_view line) {
  static const RE2 kInitialsAndName(R"(^[A-Z]\s?\.\s?[A-Z]\.\s+[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s*$)");
  return line.size() > 2 && line[0] >= 'A' && line[0] <= 'Z' && (line[1] == '.' || line[1] == ' ') &&
         RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kInitialsAndName);
}

std::optional<Marker> ParseMarker(std::string_view line, const std::vector<Level>& stack,
                                  bool next_line_starts_upper) {
  // A Markdown heading's hashes ("## Section 2", as legal texts on GitHub print them) are no part of its marker, nor a
  // speck read as "_" ("_ 1. PURPOSE"), nor a bill's quotation mark before each paragraph it enacts ('"(b)(1) The ...').
  const size_t quote = line.rfind('"', 0) == 0 ? 1 : line.rfind("\xE2\x80\x9C", 0) == 0 ? 3 : 0;
  if (!line.empty() && (line[0] == '#' || line[0] == '_' || quote > 0)) {
    const size_t hashes = quote > 0 ? quote : line.find_first_not_of(line[0]);
    if (hashes == std::string_view::npos || hashes > 6 || (quote == 0 && line[hashes] != ' ')) return std::nullopt;
    const size_t text = line.find_first_not_of(' ', hashes);
    if (text == std::string_view::npos) return std::nullopt;
    std::optional<Marker> inner = ParseMarker(line.substr(text), stack, next_line_starts_upper);
    if (inner) inner->length += text;
    return inner;
  }
  // ("§ 24-211.07", Virginia's "§ 53.1-218", "§ 19.2-83.2": a decimal title; a title-chapter-section, Tennessee's "§ 4-7-121.")
  static const RE2 kSec(R"(^(§+\s*(\d+(?:\.\d+)?[A-Za-z]?(?:-\d+(?:\.\d+)*[a-z]?){1,2})\.?)(?:\s+|$))");
  static const RE2 kCodeSection(
      R"(^((?:§+\s*|(?:ORS|RCW)\s+)(\d+[A-Za-z]{0,2}(?:\.\d+[A-Za-z]?)*(?:-[A-Za-z]{1,2}\b)?)\.?)(?:\s+|$))");
  static const RE2 kWord(
      R"(^((Part|PART|Article|ARTICLE|Art\.|ART\.|Section|SECTION|Sec\.|SEC\.|Chapter|CHAPTER|Title|TITLE|Appendix|APPENDIX|Attachment|ATTACHMENT|Exhibit|EXHIBIT|Annex|ANNEX)\s+((?:[IVXLC]+|\d+[a-z]?(?:\.\d+)*|[A-Z])\b|[|\[\]lH1IVXLC]*[|\[\]lH][|\[\]lH1IVXLC]*|[IVXLC]*1[IVXLC]+|[IVXLC]+1[IVXLC]*)[.:]?)(?:\s+|$))");
  // (the last alternatives: a roman number as a scanner damages it, "ARTICLE | - PURPOSE", "ARTICLE [X - ACCESS",
  // "ARTICLE 1X": read below as the roman it stands for, or no marker)
  // "Section 31-13-18 - Verification of legal status ...": a code's dashed section number after the word, its
  // catchline after a dash, as code sites head a section (the number alone starts the path, as "§ 31-13-18" would);
  // and a city code's chapter-section, as Municode prints it: "Sec. 2-157. - Use of city resources.".
  static const RE2 kWordDashedSection(
      "^((?:Section|SECTION|Sec\\.|SEC\\.)\\s+(\\d{1,3}[A-Za-z]?-\\d{1,4}[A-Za-z]?(?:-\\d{1,5})?(?:\\.\\d{1,3})?[A-Za-z]?)\\.?)"
      "(?:\\s+(?:-|\xE2\x80\x93|\xE2\x80\x94)\\s+|\\s+|$)");
  // (a chapter may carry capital letters: Iowa Code "27A.3 Completion of sentence ...")
  static const RE2 kDecimal(kDecimalSectionPattern);
  // "27-16-801. Immigration detainer requests ...", "2-173-020 Immigration enforcement prohibited.":
  // a code's title-chapter-section number, as code sites print it without "§".
  static const RE2 kDashedSection(kDashedSectionPattern);
  // "18-9005. COOPERATION WITH FEDERAL AUTHORITIES. (1) ...": a title-section number, as Idaho's code
  // and others print it; closed by its period (a bare "12-345" is too often a count or a case number).
  static const RE2 kTitleSection(kTitleSectionPattern);
  // A space or the end after the marker, a second marker run in: "(12)(a)", or a word
  // run in by a copied web page: "(a)sending to" (three letters: "(s)he" is a word), "(1)The city shall".
  static const RE2 kParen(R"(^(\(([0-9]{1,3}|[A-Za-z]{1,2}|[ivxlcIVXLC]{1,6})\))(?:\s+|$|\(\S|[a-z]{3}|[A-Z][a-z]))");
  // A bullet alone on its line (PDF text often puts the glyph on a line of
  // its own) is a bare marker for the next line; "o" is the sub-bullet of
  // Word documents after text extraction ("o Upon transfer ...").
  // A scanner reads a round bullet as "+", "¢", "«" or "·" before a capital ("+ Directs County employees ..."), a dash as "~".
  static const RE2 kBullet("^((?:\xE2\x80\xA2|\xE2\x97\x8F|\xE2\x96\xAA|\xE2\x97\xA6|\xE2\x96\xA0|\xE2\x9E\xA2|\xE2\x96\xBA|\xEF\x82\xB7|\xC2\xA2|\xC2\xAB|\xC2\xB7|[-*o+~]))(?:\\s+|$)");
  // Most lines are prose: a line that opens with a word no pattern above can start (not a marker word, "ORS", "RCW" or
  // the bullet "o", and not a letter run of one to six closed by '.' or ')') is none, without the eight regular
  // expressions. (ASCII tests, as the patterns' classes are, whatever the C locale.) A line opening with one of those
  // words ("The", "Staff", "Officers") is refused too unless the word is a marker word itself: each pattern needs its
  // word followed by a space (or, for "o", the end).
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  // A code section headed by its code's name: "Code of Virginia § 53.1-218. Duty of officer ...", "Utah Code
  // 76-9-1007.  Determining ...", "Humboldt County Code, Section 9121-5": the number starts the path, as "§ 53.1-218."
  // would ("53.1-218(a)"). Only a number with a dot or dash in it ("Iowa Code 27A.3"), never a bare "Code 3".
  // (and by its statutes' name, as code sites title a section: "Oregon Statutes 181A.823 - Prohibitions ...", "Kansas
  // Statutes 12-16,140. Certain actions by municipalities ...", Kansas numbering a section after a comma)
  if (!line.empty() && line[0] >= 'A' && line[0] <= 'Z' &&
      (line.substr(0, 60).find("Code") != std::string_view::npos || line.substr(0, 60).find("Statutes") != std::string_view::npos)) {
    static const RE2 kTitledSection(
        R"(^((?:[A-Z][A-Za-z.']*,?\s+){0,5}?(?:Code|Statutes)(?:\s+Ann\.|\s+Annotated)?(?:\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})?,?\s+(?:§+\s*|Section\s+|Sec\.\s+)?(\d{1,4}[A-Z]?(?:[.-]\d{1,5}[A-Za-z]?)+(?:,\d{1,4})?)\.?)(?:\s+|$))");
    re2::StringPiece in(line.data(), line.size()), whole, number;
    if (RE2::Consume(&in, kTitledSection, &whole, &number)) {
      // (a catchline after a dash: "Mississippi Code 25-1-119 - Public bodies ... prohibited")
      const std::string_view after = AfterCatchlineDash(Trim(std::string_view(in.data(), in.size())));
      if (after.empty() || StartsUpper(after)) {
        Marker m;
        m.style = "sec";
        m.printed = std::string(number.data(), number.size());
        m.length = static_cast<size_t>(in.data() - line.data());
        return m;
      }
    }
  }
  // Hawaii's bracketed section number, as its statutes print a section the revisor numbered: "[§286-104.5]  Limited
  // purpose driver's license ..." is "§286-104.5".
  if (line.size() > 4 && line[0] == '[' && line.substr(1, 2) == "\xC2\xA7") {
    const size_t close = line.find(']');
    if (close != std::string_view::npos && close < 24) {
      const std::string inner = std::string(line.substr(1, close - 1)) + " " + std::string(line.substr(close + 1));
      std::optional<Marker> section = ParseMarker(inner, stack, next_line_starts_upper);
      if (section && section->style == "sec") {
        section->length += 1;  // the brackets, less the space put for the closing one
        return section;
      }
    }
  }
  // A checkbox glyph that text extraction reads as "x", alone on its line above its item (287(g) agreements list their
  // delegated functions so: "x" / "" / "The power and authority to interrogate ..."), is a bare bullet.
  if (Trim(line) == "x") {
    Marker box;
    box.style = "bullet";
    box.bullet = true;
    box.length = line.size();
    return box;
  }
  // A scan's damaged "APPENDIX A" ("APPE1''1>IX A") is that appendix: read as printed, it is no marker, and a 287(g)
  // agreement's standard operating procedure falls under the section before it.
  if (const std::optional<char> letter = DamagedAppendixLetter(line)) {
    std::optional<Marker> repaired = ParseMarker(std::string("APPENDIX ") + *letter, stack, next_line_starts_upper);
    if (repaired) repaired->length = line.size();
    return repaired;
  }
  if (IsInitialsAndName(line)) return std::nullopt;
  if (!line.empty() && ascii_letter(line[0])) {
    size_t run = 0;
    while (run < line.size() && ascii_letter(line[run])) ++run;
    const bool closed_run = run <= 6 && run < line.size() && (line[run] == '.' || line[run] == ')');
    static constexpr std::string_view kWords[] = {"Part",  "PART",    "Article", "ARTICLE", "Section", "SECTION", "Chapter",
                                                  "CHAPTER", "Title", "TITLE",   "ORS",     "RCW",     "RSA",     "o",
                                                  "Appendix", "APPENDIX", "Attachment", "ATTACHMENT", "Exhibit",
                                                  "EXHIBIT", "Annex", "ANNEX"};
    // ("APPENDIXB": the word and its letter run together)
    const auto glued = [&] {
      for (std::string_view word : {"APPENDIX", "ATTACHMENT", "EXHIBIT", "ANNEX"})
        if (run == word.size() + 1 && line.substr(0, word.size()) == word && line[word.size()] >= 'A' && line[word.size()] <= 'Z')
          return true;
      return false;
    };
    if (!closed_run && std::find(std::begin(kWords), std::end(kWords), line.substr(0, run)) == std::end(kWords) && !glued())
      return std::nullopt;
  }
  // What a code section's number must be followed by: its text or catchline, or its first
  // subsection run in ("67.307. 1. As used in this section, ..."); the catchline may follow a dash, as
  // Municode prints it ("19.20. - General city services.").
  auto text_follows = [](re2::StringPiece input) {
    const std::string_view after = Trim(std::string_view(input.data(), input.size()));
    const std::string_view catchline = AfterCatchlineDash(after);
    if (catchline.size() < after.size()) return !catchline.empty() && std::isupper(static_cast<unsigned char>(catchline[0]));
    return StartsUpper(after) || (after.size() > 3 && after.substr(0, 3) == "1. " && StartsUpper(Trim(after.substr(3))));
  };
  re2::StringPiece sp(line.data(), line.size());
  re2::StringPiece whole, a, b, c;
  Marker m;
  auto consumed = [&](re2::StringPiece input) {
    // length of the full match = bytes up to where the remaining text starts
    return static_cast<size_t>(input.data() - line.data());
  };
  re2::StringPiece in = sp;
  // Each pattern can start with only a few bytes: a failing regex call costs more than the test.
  const unsigned char first = line.empty() ? 0 : static_cast<unsigned char>(line[0]);
  const bool digit = first >= '0' && first <= '9';
  // (A lower-case word after it is prose too, a reference wrapped to the line's start: "... facially sufficient as
  // defined by" / "§15-16-1 of this code, comply with the requests ..." (W. Va. Code 15-16-3(a)(3)).)
  if (first == 0xC2 && RE2::Consume(&in, kSec, &whole, &a) && !(!in.empty() && std::islower(static_cast<unsigned char>(in[0])))) {
    m.style = "sec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  // "§ 1373. Communication ...", "§ 7284.6.", "ORS 181A.820", "RCW 2.28.310 Definitions": a code section as its code
  // prints it. Its number starts the path ("1373(b)(2)", "181A.820(1)"): a section of a code is cited by its own
  // number, without its title or chapter. A lower-case word after it is prose ("§ 1373 and ...", "RCW 2.28.310 through
  // 2.28.330").
  in = sp;
  if ((first == 0xC2 || first == 'O' || first == 'R') && RE2::Consume(&in, kCodeSection, &whole, &a) && StartsUpper(Trim(std::string_view(in.data(), in.size())))) {
    m.style = "sec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  in = sp;
  // (a chapter-section of two parts only closed by its period or a catchline's dash, its catchline on the line: a
  // bill's "Section 5-104.1" alone on its line names the section it amends; "Section 54-192h - Civil immigration
  // detainers." heads Conn. Gen. Stat. 54-192h on a code site)
  const auto catchline_follows = [&] {
    const std::string_view sep(whole.data() + whole.size(), static_cast<size_t>(in.data() - (whole.data() + whole.size())));
    return (whole.ends_with(".") || sep.find('-') != std::string_view::npos || sep.find("\xE2\x80") != std::string_view::npos) &&
           !Trim(std::string_view(in.data(), in.size())).empty();
  };
  if (first == 'S' && RE2::Consume(&in, kWordDashedSection, &whole, &a) && StartsUpper(Trim(std::string_view(in.data(), in.size()))) &&
      (std::count(a.begin(), a.end(), '-') > 1 || catchline_follows())) {
    m.style = "sec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  in = sp;
  // (an appendix's word and letter run together alone on a line, as a scan's text layer prints them: "APPENDIXB")
  static const RE2 kGluedAppendix(R"(^((APPENDIX|ATTACHMENT|EXHIBIT|ANNEX)([A-Z]))\s*$)");
  if (std::string_view("PASCTE").find(static_cast<char>(first)) != std::string_view::npos &&
      (RE2::Consume(&in, kWord, &whole, &a, &b) || RE2::Consume(&(in = sp), kGluedAppendix, &whole, &a, &b))) {
    std::string word(a);
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    // An appendix (attachment, exhibit, annex) opens a part of its own only as a heading: "APPENDIX A" alone on its
    // line, or before its all-caps title (a 287(g) agreement's "APPENDIX A" then "STANDARD OPERATING PROCEDURE"),
    // never "Appendix A lists the functions ..." in prose, which cites it.
    // A lower-case word after the number is prose that wrapped onto the line: "Chapter 753 to read as follows:",
    // "Section 3 of this act is amended".
    {
      const std::string_view after = Trim(std::string_view(in.data(), in.size()));
      if (!after.empty() && after[0] >= 'a' && after[0] <= 'z') return std::nullopt;
    }
    if (IsAppendedPart("word:" + word)) {
      const std::string_view after = Trim(std::string_view(in.data(), in.size()));
      if (!after.empty() && !AllCapsText(after)) return std::nullopt;
    }
    // "Sec. 3." and "Section 3" are one numbering, and like a code's "§ 24-211.07"
    // their path part is the bare number: a lawyer cites "3(a)", not "Section 3 (a)".
    if (word == "art.") word = "article";  // one numbering however abbreviated: Texas's "Art. 2.245."
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
    // A scanner's reading of a roman number ("ARTICLE H - COVERED PRISONERS" after "ARTICLE I", "ARTICLE [X - ACCESS",
    // "ARTICLE | - PURPOSE": scanned draft agreements written for a probe): the roman its strokes stand for, where it
    // comes after the open one (an excerpt skips parts: "ARTICLE V" then "ARTICLE IX").
    if (m.value == 0) {
      // (the scanner's confusions as the repair of list markers folds them, a stroke read as "1": "[X" -> "1X" -> "IX")
      std::string strokes = FoldConfusions(std::string_view(b.data(), b.size()));
      std::replace(strokes.begin(), strokes.end(), '1', 'I');
      const Level* open = FindStyle(stack, m.style);
      const int value = AllRoman(strokes) ? RomanValue(strokes) : 0;
      // (after a roman or numbered part only: "PART H" after "PART G" is a letter)
      if (open == nullptr ? value == 1 : open->value > 0 && value > open->value && value <= open->value + 8) {
        m.printed = printed_word + " " + strokes;
        if (section_word) m.part = strokes;
        m.value = value;
      }
    }
    // (a damaged token read as no roman is no marker)
    if (m.value == 0 && !std::isalnum(static_cast<unsigned char>(b[0]))) return std::nullopt;
    m.length = consumed(in);
    return m;
  }
  // New Hampshire's RSA numbers a section by its chapter and a colon: "106-P:2 Prohibition of Sanctuary Policies.",
  // "RSA 103-A:3 Cooperation with ...", "594:2 Arrest Defined." (a chapter with its letter, after "RSA", or of 100
  // or more: never a time of day, "10:30 Meeting").
  in = sp;
  if (digit || first == 'R') {
    static const RE2 kColonSection(R"(^((RSA\s+)?((\d{1,3})(?:-[A-Z]{1,2})?:\d{1,3}(?:-[a-z])?)\.?)(?:\s+|$))");
    re2::StringPiece rsa, number, chapter;
    if (RE2::Consume(&in, kColonSection, &whole, &rsa, &number, &chapter) && text_follows(in) &&
        (!rsa.empty() || number.find('-') != re2::StringPiece::npos || std::atoi(std::string(chapter).c_str()) >= 100)) {
      m.style = "sec";
      m.printed = std::string(number);
      m.length = consumed(in);
      return m;
    }
  }
  in = sp;
  const bool dashed = digit && MayOpenWithDashedNumber(line);
  if (dashed && RE2::Consume(&in, kDashedSection, &whole, &a, &b, &c) && text_follows(in)) {
    // Not a date ("12-01-2018 Minutes", "3-14-21 Log"): a day and month, or a year, where the chapter and section stand.
    // (and a telephone number, "202-732-4242"). A title no month or day can be ("64-13-10.7.", Utah), or a decimal
    // section, is no date.
    const bool decimal = std::string_view(a.data(), a.size()).find('.') != std::string_view::npos;
    const bool date_like = !decimal && (c.size() == 4 || (c.size() == 2 && b.size() <= 2 && std::atoi(std::string(b).c_str()) <= 31 &&
                                                          std::atoi(std::string(a).c_str()) <= 31));
    if (!date_like) {
      m.style = "sec";
      m.printed = std::string(a);
      m.length = consumed(in);
      return m;
    }
  }
  in = sp;
  if (dashed && RE2::Consume(&in, kTitleSection, &whole, &a, &b) && text_follows(in)) {
    // Not a month and year ("11-2019. Minutes"): a year where the section stands.
    const int section = std::atoi(std::string(b).c_str());
    if (!(b.size() == 4 && section >= 1900 && section <= 2099)) {
      m.style = "sec";
      m.printed = std::string(a);
      m.length = consumed(in);
      return m;
    }
  }
  in = sp;
  if (digit && MayOpenWithDecimalNumber(line) && RE2::Consume(&in, kDecimal, &whole, &a)) {
    // "413.4.2 IMMIGRATION CHECKS": a decimal is a section number only with a heading or sentence after it (bare ones
    // are reference lists). "7284.6." alone on its line, its text below, is a code's section number.
    std::string_view after = Trim(std::string_view(in.data(), in.size()));
    const bool bare_section = after.empty() && whole.ends_with(".") && next_line_starts_upper;
    if (!bare_section && (after.empty() || !text_follows(in))) return std::nullopt;
    m.style = "dec";
    m.printed = std::string(a);
    m.length = consumed(in);
    return m;
  }
  in = sp;
  if (first == '(' && RE2::Consume(&in, kParen, &whole, &a)) {
    // A run-in second marker is left for the next level: "(12)" of "(12)(a)".
    if (whole.size() < sp.size() && (sp[whole.size()] == '(' || std::islower(static_cast<unsigned char>(sp[whole.size()]))))
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
  // "1.", "a)", "iv.": as kDotMarkerPattern reads them (marker_shapes.h), most numbered lines' marker.
  if (const std::optional<DotMarker> dot = ReadDotMarker(line)) {
    const std::string token(dot->token), close(1, dot->close);
    // (a heading's word run in after the numeral, "II.Questioning ...", is the text's)
    const size_t closed = dot->token.size() + 1;
    const size_t length = closed < line.size() && !std::isspace(static_cast<unsigned char>(line[closed])) ? closed : dot->length;
    m.lower_rest = !StartsUpper(Trim(line.substr(length)));
    if (std::isdigit(static_cast<unsigned char>(token[0]))) {
      m.style = "1" + close;
      m.value = std::atoi(token.c_str());
      m.printed = token + close;
    } else {
      ClassifyLetters(token, "", close, stack, m);
    }
    m.length = length;
    return m;
  }
  in = sp;
  if ((first >= 0x80 || first == '-' || first == '*' || first == 'o' || first == '+' || first == '~') && RE2::Consume(&in, kBullet, &whole)) {
    // "o" bullets only before a capital ("o la fecha" is Spanish "or"); so are a scanner's readings of a bullet.
    if (IsReadBulletGlyph(whole) && !StartsUpper(Trim(std::string_view(in.data(), in.size())))) return std::nullopt;
    // A code section a web page lists under a bullet ("  • § 4652. Authorization to enter ...", Vermont's statutes
    // online) is the section, not an item; so is a list marker after a bullet ("  • A." with its text below, as
    // Municode lists a section's items).
    const std::string_view after = Trim(std::string_view(in.data(), in.size()));
    if (!after.empty()) {
      std::optional<Marker> section = ParseMarker(after, stack, next_line_starts_upper);
      if (section && !section->bullet) {
        section->length += static_cast<size_t>(after.data() - line.data());
        return section;
      }
    }
    m.style = "bullet";
    m.bullet = true;
    m.length = consumed(in);
    return m;
  }
  return std::nullopt;
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

bool ContinuesRunInLine(const Marker& m, const std::vector<Level>& stack, std::string_view previous_line,
                        std::string_view line) {
  if (!IsListStyle(m.style) || m.style.front() != '(') return false;
  if (m.value == 1) {
    const std::string_view rest = Trim(line.substr(std::min(m.length, line.size())));
    const char last = previous_line.empty() ? '\0' : previous_line.back();
    // (its second item on the same line: an item list of its own, "(1) stop, arrest, detain ... a person" / "(A)
    // solely on ...", keeps its lines)
    const std::string second = RenderMarker(m.style, 2);
    return !rest.empty() && std::islower(static_cast<unsigned char>(rest.front())) &&
           (last == ',' || std::islower(static_cast<unsigned char>(last))) && !second.empty() &&
           rest.find(", " + second) != std::string_view::npos;
  }
  const Level* open = FindStyle(stack, m.style);
  if (open != nullptr && open->value + 1 == m.value) return false;
  const std::string before = RenderMarker(m.style, m.value - 1);
  const size_t at = before.empty() ? std::string_view::npos : previous_line.find(before);
  return at != std::string_view::npos && at > 0;
}

bool IsAppendedPart(const std::string& style) {
  return style == "word:appendix" || style == "word:attachment" || style == "word:exhibit" || style == "word:annex";
}

// List items ("(a)", "(1)", "a.", "1)") as opposed to divisions ("§ ...",
// "413.4", "Part IV") and top-level roman parts ("II.").
bool IsListStyle(const std::string& style) {
  return IsListOrOutlineStyle(style) && style != "I." && style != "I)";
}

// "Part IV (a)"; a section number is extended directly, like a code
// section's: "Sec. 3." + "(a)" -> "3(a)", "Section 5.2" + "(a)" + "(1)" -> "5.2(a)(1)".
bool IsSectionNumber(const std::string& style) { return style == "sec" || style == "dec"; }

bool SameNumbering(const Level& open, const Marker& m) {
  if (open.style == m.style || (IsSectionNumber(m.style) && IsSectionNumber(open.style))) return true;
  // (a Level's `printed` is the marker's path part: "43.17.425" for "Section 43.17.425")
  const std::string& number = m.part.empty() ? m.printed : m.part;
  if (open.style == "word:section" && IsSectionNumber(m.style)) return open.printed == number;
  // Under a code section, "Section" with a code's number ("43.17.430", "31-13-18") is the next section of that
  // code, never a part of the open one; "Section 2" there may be a session law's own numbering.
  return IsSectionNumber(open.style) && m.style == "word:section" &&
         (open.printed == number || number.find_first_of(".-") != std::string::npos);
}

size_t LevelFor(const std::vector<Level>& stack, const Marker& m, bool after_colon) {
  size_t innermost = stack.size();
  for (size_t i = stack.size(); i-- > 0;)
    if (SameNumbering(stack[i], m)) {
      innermost = i;
      break;
    }
  if (innermost == stack.size()) return innermost;
  // (an outer level still at 1 is restated, not restarted: "(1)(a)(i)" under "(1)(a) ... the officer:")
  if (after_colon && m.value == 1 && stack[innermost].value > 1 && innermost + 1 < stack.size() &&
      IsListStyle(stack.back().style))
    return stack.size();
  if (stack[innermost].value + 1 != m.value)
    for (size_t i = 0; i < innermost; ++i)
      if (SameNumbering(stack[i], m) && stack[i].value + 1 == m.value) return i;
  return innermost;
}

// How level i reads in a path: as printed, except that an item numbered "1." or "a." right under a section number is
// cited in parentheses, "415.2(1)": "415.21." would read as another section.
static std::string PathPart(const std::vector<Level>& stack, size_t i) {
  const Level& l = stack[i];
  // (and under "Section 2" / "Sec. 2.": "2(1)", not "2 1.")
  const bool under_number = i > 0 && (stack[i - 1].style == "sec" || stack[i - 1].style == "dec" || stack[i - 1].style == "word:section");
  if (under_number && IsListOrOutlineStyle(l.style) && l.style.front() != '(' && l.printed.size() >= 2)
    return std::string("(").append(l.printed, 0, l.printed.size() - 1).append(")");  // (not '"(" + substr': GCC 12's -Wrestrict misreads it)
  return l.printed;
}

std::string BuildPath(const std::vector<Level>& stack) {
  std::string path;
  // A code section is cited by its own number: "8 U.S.C. § 1373(b)", never "Title 8 Chapter 12 1373(b)".
  // A decimal section number under headings of chapter, title, part, article or section words carries its
  // chapter itself: "Chapter 17.25" then "7284.10." is "7284.10(b)(1)", and a session law's "SEC. 2." then the
  // code section it enacts, "7282.5.", is "7282.5(a)".
  size_t first = 0;
  bool under_words = true;
  // So does a code's "Sec. 493.015." under its chapter's breadcrumb ("Chapter 493 - Texas Department of ..."): "493.015(d)".
  const auto decimal_word_section = [&](size_t i) {
    const std::string_view printed = stack[i].printed;
    const std::string_view n = printed.substr(printed.rfind(' ') == std::string_view::npos ? 0 : printed.rfind(' ') + 1);
    const size_t dot = n.find('.');
    // (and a code's decimal article: Texas's Code of Criminal Procedure "Art. 2.245(a)")
    return (stack[i].style == "word:section" || stack[i].style == "word:article") && dot != std::string::npos && dot > 0 && dot + 1 < n.size() &&
           std::isdigit(static_cast<unsigned char>(n[dot - 1])) && std::isdigit(static_cast<unsigned char>(n[dot + 1]));
  };
  for (size_t i = 0; i < stack.size(); ++i) {
    if (stack[i].style == "sec" || ((stack[i].style == "dec" || decimal_word_section(i)) && under_words)) first = i;
    under_words = under_words && stack[i].style.rfind("word:", 0) == 0;
  }
  for (size_t i = first; i < stack.size(); ++i) {
    const std::string printed = PathPart(stack, i);
    const bool number = stack[i].style == "word:section" || decimal_word_section(i);
    const bool last = i + 1 == stack.size();
    const std::string next = last ? printed : PathPart(stack, i + 1);
    // "9." then "9.1"; "Section 5" then "5.1" (but "67.307(1)" then its own "(1)" is "(1)(1)")
    if (!last && next.size() > printed.size() && next.rfind(number ? printed + "." : printed, 0) == 0) continue;
    path += printed;
    if (last) continue;
    // (a section number before another part's word: "1 Chapter 753", not "1Chapter 753")
    if (number ? std::isalnum(static_cast<unsigned char>(next[0])) != 0 : stack[i].style.rfind("word:", 0) == 0)
      path += " ";
  }
  return path;
}

std::string JoinedPath(const std::string& path, const std::string& marker) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!path.empty() && !marker.empty() && digit(path.back()) && digit(marker.front())) return path + " " + marker;
  return path + marker;
}

}  // namespace foiamine::extractors::internal
