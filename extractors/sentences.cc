#include "extractors/sentences.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

#include "base/utf8.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// The words after which a period ends no sentence (each a run of ASCII letters): titles, months, legal
// abbreviations, and states and code titles as legal citations abbreviate them ("Cal. Gov. Code", "Fla. Stat.",
// "Tex. Code Crim. Proc.").
constexpr std::string_view kAbbreviationWords[] = {
    "No", "Nos", "Sec", "Secs", "Art", "v", "vs", "Inc", "Corp", "Co", "Dept", "Mr", "Mrs", "Ms", "Dr", "St", "Jr",
    "Sr", "Ch", "Stat", "Ann", "Rev", "Reg", "Fed", "Cir", "Supp", "para", "approx", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "US", "Gen", "Ord", "Ala", "Ariz", "Ark", "Cal",
    "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Mass", "Md", "Me",
    "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash",
    "Wis", "Wyo", "Gov", "Govt", "Pen", "Civ", "Crim", "Proc", "Admin", "Mun", "Crt", "Res", "Subd", "Subsec",
    "Tit", "Amend", "Const", "Cty", "Twp", "Hon", "Lt", "Sgt", "Capt", "Cmdr", "Det", "Ofc", "Insp", "Atty",
    "Asst", "Ave", "Blvd", "Bldg", "Rm", "Ste", "Fig", "Exh", "Encl", "Ref", "Vol", "pp", "cf", "art", "sec", "ch",
    "subd", "Ltd", "Esq", "Prof", "Rep", "Reps", "Sen", "Col", "Maj", "Mt", "Ft", "Op", "Ops", "Pub", "Div",
    "Dist", "Univ", "Assn", "Bros", "Mfg", "Natl", "Intl", "Cong", "Sess", "Leg", "Comm", "Exec", "Supt", "Dep",
    "Cnty", "Ctr", "Hwy", "Rd", "Cert", "Dkt", "Ex", "Ins", "Misc", "Sch", "Serv", "Svcs", "Hosp", "Med", "Soc",
    "Ed", "Eds", "Corr", "Cor", "Pol", "Enf", "etc",
    // ranks an incident report names officers by ("escorted into the R&D area by Cpl. Moore", "Tpr. Diaz")
    "Cpl", "Pvt", "Ofcr", "Cpt", "Tpr", "Agt", "Lieut"};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

const std::string& AbbreviationPattern() {
  static const std::string kPattern = [] {
    // One letter ("J. Smith"), initials ("U.S.C.", "C.F.R."), the abbreviations with a period or a number in them,
    // and the words.
    std::string pattern = R"((?:^|[\s(\[])(?:[A-Za-z]|(?:[A-Za-z]{1,2}\.){1,3}[A-Za-z]{1,2}|U\.S|Q\d{1,3}|e\.g|i\.e)";
    for (std::string_view word : kAbbreviationWords) {
      pattern += '|';
      pattern += word;
    }
    return pattern + R"()\.$)";
  }();
  return kPattern;
}

bool EndsWithAbbreviation(std::string_view s) {
  static const RE2 kAbbrev(AbbreviationPattern());
  static const std::unordered_set<std::string_view> kWords(std::begin(kAbbreviationWords), std::end(kAbbreviationWords));
  s = Trim(s);
  if (s.empty() || s.back() != '.') return false;  // what kAbbrev ends with, checked without it
  // Every abbreviation is made of ASCII letters, digits and periods, and the pattern wants a space, '(' or '[' (or
  // the start) before it: it can only be the whole run of such bytes before the last period. Most sentences end on
  // a run of letters ("... to the facility."): an abbreviation exactly when it is one letter or a word of the list,
  // without the regex (one call per sentence end). A run with a digit or a period in it goes to the pattern.
  const size_t end = s.size() - 1;
  size_t start = end;
  bool letters_only = true;
  for (; start > 0; --start) {
    const char c = s[start - 1];
    const bool letter = IsAsciiLetter(c);
    if (!letter && c != '.' && !(c >= '0' && c <= '9')) break;
    letters_only = letters_only && letter;
  }
  if (start > 0 && std::string_view(" \t\n\f\r([").find(s[start - 1]) == std::string_view::npos) return false;
  if (letters_only) return end - start == 1 || kWords.count(s.substr(start, end - start)) > 0;
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kAbbrev);
}

namespace {

// "1." or "(b)" alone: a list marker, not a sentence.
bool IsBareMarker(std::string_view s) {
  // A marker is at most six bytes ("(viii)"): a longer text, RE2's \s aside,
  // is none. Every sentence break asks; most need not pay RE2's fixed cost.
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  size_t begin = 0, end = s.size();
  while (begin < end && is_space(s[begin])) ++begin;
  while (end > begin && is_space(s[end - 1])) --end;
  if (end - begin > 6) return false;
  static const RE2 kMarker(R"(^\s*(?:\(?[0-9A-Za-z]{1,4}[.)]|Q\d{1,3}[.:])\s*$)");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kMarker);
}

// A point after a word no English sentence ends with is a speck OCR read as one: "staff shall forward it to the." /
// "Office of the General Counsel before taking any action." (a scanned memo). Articles, possessives, "of", "and", "or",
// the prepositions that need an object and the modals: not "to", "for", "in" or "on", which end sentences ("as it is
// required to."), nor a letter alone ("a." is a list's marker).
// (Asked at every sentence break: the sentence's last word is compared, no pass over the sentence.)
bool EndsWithDanglingWord(std::string_view s) {
  static constexpr std::string_view kWords[] = {"the", "an",  "their", "its",  "our",   "your", "his",  "her",  "of",
                                                "and", "or",  "with",  "by",   "from",  "shall", "must", "will", "would"};
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty() || s.back() != '.') return false;
  s.remove_suffix(1);
  size_t start = s.size();
  while (start > 0 && std::isalpha(static_cast<unsigned char>(s[start - 1]))) --start;
  // (a word's own end: not "marshall." nor "o'the.", whose letters before it are part of it)
  if (start > 0 && (s[start - 1] == '\'' || s[start - 1] == '-' || s[start - 1] == '_' ||
                    std::isdigit(static_cast<unsigned char>(s[start - 1]))))
    return false;
  const std::string_view last = s.substr(start);
  return std::any_of(std::begin(kWords), std::end(kWords), [last](std::string_view w) {
    return last.size() == w.size() &&
           std::equal(w.begin(), w.end(), last.begin(), [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  });
}

bool StartsLowerOrSection(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (std::islower(c)) return true;
  return s.rfind("§", 0) == 0;
}

// "...? No." ends with an answer, not with the abbreviation of "No. 5".
bool EndsWithAnswerNo(std::string_view prev) {
  // (after the question, or as a speaker's whole turn in a transcript: "DEPUTY DIRECTOR: No.")
  static const RE2 kAnswerNo(R"((?i)(?:\?|^\s*[a-z][\w .'-]{0,40}:)\s*(?:(?:answer|a)\s*[:.)-]\s*)?no\.\s*$)");
  return prev.size() >= 3 && prev[prev.size() - 1] != '?' && RE2::PartialMatch(re2::StringPiece(prev.data(), prev.size()), kAnswerNo);
}

// "...: 1." (a run-in list's first number after its lead-in's colon).
bool EndsWithRunInNumber(std::string_view prev) {
  // (every sentence end asks: read the tail by hand, no regex over the sentence)
  prev = Trim(prev);
  if (prev.size() < 4 || !prev.ends_with("1.")) return false;
  size_t i = prev.size() - 2;
  while (i > 0 && (prev[i - 1] == ' ' || prev[i - 1] == '\t' || prev[i - 1] == '\n')) --i;
  return i > 0 && prev[i - 1] == ':';
}

}  // namespace

// Is `next` a yes-or-no answer to the question `prev` ends with ("? No.", "?\nAnswer: Yes, the TCSO ...")?
bool AnswersQuestion(std::string_view prev, std::string_view next) {
  prev = Trim(prev);
  if (prev.empty() || prev.back() != '?') return false;
  static const RE2 kAnswer(R"((?i)^\s*(?:(?:answer|a)\s*[:.)-]\s*)?(?:yes|no)\b(?:[.,;:!-]|\s*$))");
  return RE2::PartialMatch(re2::StringPiece(next.data(), next.size()), kAnswer);
}

// "This includes <doing> ...", "These include <doing> ...": a sentence that only lists what the one before covers.
bool ElaboratesPrevious(std::string_view next) {
  next = Trim(next);
  if (next.size() < 16 || (next[0] != 'T' && next[0] != 't')) return false;
  static const RE2 kIncludes(R"(^(?:This|That|These|Those|this|that|these|those) (?:also )?(?:includes?|would include|will include|covers?|would cover|means|would mean),? (?:[\w'-]+ ){0,2}?[a-z]+ing\b)");
  return RE2::PartialMatch(re2::StringPiece(next.data(), next.size()), kIncludes);
}

SentenceSplitter::SentenceSplitter() {
  UErrorCode status = U_ZERO_ERROR;
  // Plain en_US, not "@ss=standard": ICU's abbreviation filter also swallows
  // real sentence ends in text set in capitals ("... IMMIGRATION ENFORCEMENT.
  // POLICE OFFICERS SHALL NOT ...", a bill's new matter), and
  // EndsWithAbbreviation above knows the abbreviations legal text uses.
  breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en_US"), status));
  if (U_FAILURE(status)) breaker_.reset();
}

namespace {

// UAX #29's Sentence_Break classes that occur in ASCII (ICU's data says
// which byte has which), and kUnmodeled for any other, which sends a block
// holding it to ICU.
enum SentenceClass : uint8_t { kOther, kCR, kLF, kSp, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kUnmodeled };

const std::array<uint8_t, 128>& AsciiSentenceClasses() {
  static const std::array<uint8_t, 128> kClasses = [] {
    std::array<uint8_t, 128> classes{};
    for (UChar32 c = 0; c < 128; ++c) {
      switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
        case U_SB_OTHER: classes[c] = kOther; break;
        case U_SB_CR: classes[c] = kCR; break;
        case U_SB_LF: classes[c] = kLF; break;
        case U_SB_SP: classes[c] = kSp; break;
        case U_SB_LOWER: classes[c] = kLower; break;
        case U_SB_UPPER: classes[c] = kUpper; break;
        case U_SB_NUMERIC: classes[c] = kNumeric; break;
        case U_SB_ATERM: classes[c] = kATerm; break;
        case U_SB_STERM: classes[c] = kSTerm; break;
        case U_SB_CLOSE: classes[c] = kClose; break;
        case U_SB_SCONTINUE: classes[c] = kSContinue; break;
        default: classes[c] = kUnmodeled; break;
      }
    }
    return classes;
  }();
  return kClasses;
}

}  // namespace

bool AsciiSentenceBreaks(std::string_view block, std::vector<size_t>* breaks) {
  const std::array<uint8_t, 128>& classes = AsciiSentenceClasses();
  static const bool kAllModeled = std::none_of(classes.begin(), classes.end(), [](uint8_t k) { return k == kUnmodeled; });
  static const std::array<bool, 128> kEnds = [&] {  // the bytes a break can follow
    std::array<bool, 128> ends{};
    for (size_t c = 0; c < ends.size(); ++c)
      ends[c] = classes[c] == kATerm || classes[c] == kSTerm || classes[c] == kCR || classes[c] == kLF;
    return ends;
  }();
  if (!kAllModeled || !IsAscii(block)) return false;
  const auto at = [&](size_t i) { return classes[static_cast<unsigned char>(block[i])]; };
  const auto para = [](uint8_t k) { return k == kCR || k == kLF; };
  const auto sa_term = [](uint8_t k) { return k == kATerm || k == kSTerm; };
  breaks->assign(1, 0);
  // Whether the text so far ends with SATerm Close* Sp* (a terminator, its
  // closing punctuation, spaces), which terminator, where, and any spaces.
  bool after_term = false, spaces = false;
  uint8_t term = kOther;
  size_t term_at = 0;
  for (size_t p = 1; p < block.size(); ++p) {
    if (!after_term) {
      // Nothing breaks but after a terminator or a line end: skip to the next.
      while (p < block.size() && !kEnds[static_cast<unsigned char>(block[p - 1])]) ++p;
      if (p == block.size()) break;
    }
    const uint8_t before = at(p - 1), next = at(p);
    if (sa_term(before)) {
      after_term = true;
      term = before;
      term_at = p - 1;
      spaces = false;
    } else if (after_term && before == kSp) {
      spaces = true;
    } else if (!(after_term && before == kClose && !spaces)) {
      after_term = false;
    }
    if (before == kCR && next == kLF) continue;                  // SB3
    if (para(before)) {                                           // SB4
      breaks->push_back(p);
      continue;
    }
    if (!after_term) continue;                                    // SB998
    const bool adjacent = term_at + 1 == p;
    if (term == kATerm && adjacent && next == kNumeric) continue;  // SB6
    if (term == kATerm && adjacent && next == kUpper && term_at > 0 && (at(term_at - 1) == kUpper || at(term_at - 1) == kLower))
      continue;                                                   // SB7
    if (term == kATerm) {                                         // SB8
      size_t r = p;
      while (r < block.size() && at(r) != kLower && at(r) != kUpper && !para(at(r)) && !sa_term(at(r))) ++r;
      if (r < block.size() && at(r) == kLower) continue;
    }
    if (next == kSContinue || sa_term(next)) continue;            // SB8a
    if (!spaces && (next == kClose || next == kSp || para(next))) continue;  // SB9
    if (next == kSp || para(next)) continue;                      // SB10
    breaks->push_back(p);                                         // SB11
  }
  if (!block.empty()) breaks->push_back(block.size());
  return true;
}

void SentenceSplitter::IcuBreaks(std::string_view block, std::vector<size_t>* bounds) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(block.data(), static_cast<int32_t>(block.size())));
  // utf16 index -> byte offset (the identity for ASCII: no map)
  const bool ascii = IsAscii(block);
  std::vector<size_t> u16_to_byte(ascii ? 0 : static_cast<size_t>(u.length()) + 1, block.size());
  if (!ascii) {
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
  bounds->clear();
  for (int32_t b = breaker_->first(); b != icu::BreakIterator::DONE; b = breaker_->next())
    bounds->push_back(ascii ? static_cast<size_t>(std::min<int32_t>(b, u.length())) : u16_to_byte[std::min<int32_t>(b, u.length())]);
}

namespace {

// A sentence break before each match's first capture in `block`, kept sorted and unique with the breaks there are.
void AddBreaksAtCaptures(std::string_view block, const RE2& re, std::vector<size_t>& bounds) {
  re2::StringPiece in(block.data(), block.size()), capture;
  bool added = false;
  while (RE2::FindAndConsume(&in, re, &capture)) {
    bounds.push_back(static_cast<size_t>(capture.data() - block.data()));
    added = true;
  }
  if (!added) return;
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
}

}  // namespace

std::vector<std::pair<size_t, size_t>> SentenceSplitter::Split(std::string_view block) {
  std::vector<std::pair<size_t, size_t>> out;
  if (!breaker_) {
    out.emplace_back(0, block.size());
    return out;
  }
  std::vector<size_t> bounds;
  if (!AsciiSentenceBreaks(block, &bounds)) IcuBreaks(block, &bounds);
  if (bounds.empty() || bounds.front() != 0) bounds.insert(bounds.begin(), 0);
  if (bounds.back() != block.size()) bounds.push_back(block.size());
  // A speck OCR read as a dash after a sentence's point runs the next sentence in: "... release time of any
  // inmate.-Staff shall not accept an ICE detainer ..." (a scanned memo). UAX #29 breaks nowhere without a space; a
  // lower-case word's point, the dash and a capitalised word start a sentence (not "U.S.-Mexico": upper case before).
  if (block.find(".-") != std::string_view::npos) {
    static const RE2 kPointDash(R"([a-z]{2}\.-([A-Z][a-z]))");
    AddBreaksAtCaptures(block, kPointDash, bounds);
  }
  // A statute printed on one line runs its subsections in: "... 1 year and 1 day. (3)(a) An unauthorized alien ...".
  // UAX #29 reads the item's letter as a lower-case word going on (SB8) and breaks nowhere; the subsection and its first
  // item start a sentence. (Only a number and a letter together: "(b) an ..." alone is no such sign.)
  if (block.find(")(") != std::string_view::npos) {
    static const RE2 kSubsectionAndItem(R"(\.\s+(\(\d{1,3}\)\([a-z]\))\s+[A-Z])");
    AddBreaksAtCaptures(block, kSubsectionAndItem, bounds);
  }
  size_t start = 0;
  for (size_t k = 1; k < bounds.size(); ++k) {
    size_t b = bounds[k];
    // ICU counts an opening bracket after a period as the sentence's closing punctuation:
    // "status.(B) Detaining" breaks after "(" and leaves the next item's marker as "B)". The
    // bracket opens the next sentence (web copies of statutes often drop the space there).
    while (b < block.size() && b > start + 1 && (block[b - 1] == '(' || block[b - 1] == '[') &&
           !std::isspace(static_cast<unsigned char>(block[b - 2])) && block[b - 2] != '(' && block[b - 2] != '[')
      --b;
    if (b < block.size()) {
      std::string_view prev = block.substr(start, b - start);
      std::string_view next = block.substr(b);
      // (A period between a number and a letter, with no space, ends no sentence: "8 C.F.R. § 287.S(a)(2)", an OCR'd 287.5.)
      const bool in_number = prev.size() >= 2 && prev.back() == '.' && std::isdigit(static_cast<unsigned char>(prev[prev.size() - 2])) &&
                             !std::isspace(static_cast<unsigned char>(next.front()));
      if ((EndsWithAbbreviation(prev) && !EndsWithAnswerNo(prev)) || StartsLowerOrSection(next) || IsBareMarker(prev) ||
          in_number || EndsWithDanglingWord(prev))
        continue;
      // A question answered yes or no is one statement: "Do Sheriff's deputies check citizenship status when
      // responding to a call? No." (alone, a question states nothing and yields no clause).
      if (AnswersQuestion(prev, next)) continue;
      // "... shall: 1." / "Stop, question ...": the first item of a list numbered with periods, run in
      // after its lead-in's colon, is no sentence end.
      if (EndsWithRunInNumber(prev)) continue;
    }
    out.emplace_back(start, b);
    start = b;
  }
  return out;
}

}  // namespace foiamine::extractors::internal
