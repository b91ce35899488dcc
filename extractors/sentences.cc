#include "extractors/sentences.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// Abbreviations after which a sentence break is spurious.
bool EndsWithAbbreviation(std::string_view s) {
  static const RE2 kAbbrev(
      R"((?:^|[\s(\[])(?:[A-Za-z]|(?:[A-Za-z]{1,2}\.){1,3}[A-Za-z]{1,2}|No|Nos|Sec|Secs|Art|v|vs|Inc|Corp|Co|Dept|Mr|Mrs|Ms|Dr|St|Jr|Sr|Ch|Stat|Ann|Rev|Reg|Fed|Cir|Supp|para|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|US|Gen|Ord|Q\d{1,3}|)"
      // states and code titles as legal citations abbreviate them: "Cal. Gov. Code", "Fla. Stat.", "Tex. Code Crim. Proc."
      R"(Ala|Ariz|Ark|Cal|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Mass|Md|Me|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|)"
      R"(Gov|Govt|Pen|Civ|Crim|Proc|Admin|Mun|Crt|Res|Subd|Subsec|Tit|Amend|Const|Cty|Twp|Hon|Lt|Sgt|Capt|Cmdr|Det|Ofc|Insp|Atty|Asst|Ave|Blvd|Bldg|Rm|Ste|Fig|Exh|Encl|Ref|Vol|pp|cf|art|sec|ch|subd|)"
      R"(Ltd|Esq|Prof|Rep|Reps|Sen|Col|Maj|Mt|Ft|Op|Ops|Pub|Div|Dist|Univ|Assn|Bros|Mfg|Natl|Intl|Cong|Sess|Leg|Comm|Exec|Supt|Dep|Cnty|Ctr|Hwy|Rd|Cert|Dkt|Ex|Ins|Misc|Sch|Serv|Svcs|Hosp|Med|Soc|Ed|Eds|Corr|Cor|Pol|Enf|etc|e\.g|i\.e)\.$)");
  s = Trim(s);
  if (s.empty() || s.back() != '.') return false;  // what kAbbrev ends with, checked without it
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kAbbrev);
}

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

bool StartsLowerOrSection(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (std::islower(c)) return true;
  return s.rfind("§", 0) == 0;
}

// "...? No." ends with an answer, not with the abbreviation of "No. 5".
bool EndsWithAnswerNo(std::string_view prev) {
  static const RE2 kAnswerNo(R"((?i)\?\s*(?:(?:answer|a)\s*[:.)-]\s*)?no\.\s*$)");
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

std::vector<std::pair<size_t, size_t>> SentenceSplitter::Split(std::string_view block) {
  std::vector<std::pair<size_t, size_t>> out;
  if (!breaker_) {
    out.emplace_back(0, block.size());
    return out;
  }
  // utf16 index -> byte offset (the identity for ASCII, most blocks: no map)
  const bool ascii = IsAscii(block);
  char16_t* wide = ascii ? text_.getBuffer(static_cast<int32_t>(block.size())) : nullptr;
  if (wide != nullptr) {
    // Widened in place: no UTF-8 decoding, no new buffer per block.
    for (size_t i = 0; i < block.size(); ++i) wide[i] = static_cast<char16_t>(block[i]);
    text_.releaseBuffer(static_cast<int32_t>(block.size()));
  } else {
    text_ = icu::UnicodeString::fromUTF8(icu::StringPiece(block.data(), static_cast<int32_t>(block.size())));
  }
  const icu::UnicodeString& u = text_;
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
  breaker_->setText(text_);
  std::vector<size_t> bounds;
  for (int32_t b = breaker_->first(); b != icu::BreakIterator::DONE; b = breaker_->next())
    bounds.push_back(ascii ? static_cast<size_t>(std::min<int32_t>(b, u.length())) : u16_to_byte[std::min<int32_t>(b, u.length())]);
  if (bounds.empty() || bounds.front() != 0) bounds.insert(bounds.begin(), 0);
  if (bounds.back() != block.size()) bounds.push_back(block.size());
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
          in_number)
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
