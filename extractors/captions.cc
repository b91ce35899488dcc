#include "extractors/captions.h"

#include <re2/re2.h>

#include "extractors/heading_text.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// The first item after `caption` (a prefix of `rest`): "1." after a dash or the caption's period alone, else "(a)" or
// "(1)".
std::optional<CaptionThenFirst> FirstAfterCaption(std::string_view rest, std::string_view caption, bool dash, bool number,
                                                  const std::vector<Level>& stack) {
  std::string_view after = Trim(rest.substr(caption.size()));
  if (dash) {
    while (!after.empty() && (after.front() == '-' || static_cast<unsigned char>(after.front()) >= 0x80))
      after.remove_prefix(1);  // the dash: "-" (as normalizing folds an em dash), "--", or an em or en dash's bytes
    after = Trim(after);
  }
  std::optional<Marker> first = ParseMarker(after, stack);
  // (after a dash, "1." or a parenthesized first item: Florida's "811.103 Illegal reentry of an adult unauthorized
  // alien.— (1) An unauthorized alien ...")
  const bool parenthesized = first && first->style.front() == '(';
  if (!first || first->value != 1 || (dash ? first->style != "1." && !parenthesized : number ? first->style != "1." : !parenthesized))
    return std::nullopt;
  return CaptionThenFirst{caption, *first, static_cast<size_t>(after.data() - rest.data())};
}

}  // namespace

std::optional<CaptionThenFirst> FindCaptionThenFirst(std::string_view rest, const std::vector<Level>& stack,
                                                     bool all_caps_caption) {
  if (rest.empty() || !(rest.front() >= 'A' && rest.front() <= 'Z')) return std::nullopt;
  // (a Missouri caption may hold any punctuation before its closing period and dash: "status required. —1.")
  static const RE2 kCaptionThenParen(R"(^([A-Z][A-Za-z0-9 ,'&;-]{0,150}?\.)\s+\((?:a|1)\)(?:\s+[A-Z]|\s*$))");
  static const RE2 kCaptionThenDash("^([A-Z][^.\\n]{0,300}\\.)\\s*(?:\xE2\x80\x94|\xE2\x80\x93|-{1,2})\\s*(?:1\\.|\\((?:a|1)\\))\\s+[A-Z]");
  // (and New York's consolidated laws: "§ 28. Civil arrest; certain locations. 1. A person duly and in good faith ...")
  // (the first item may close the caption's line, its text on the next: "§ 319-A. ACCESS TO SERVICES, ASSISTANCE AND
  // ELIGIBLE BENEFITS. 1." / "EXCEPT WHERE EXPLICITLY REQUIRED ...", N.Y. S. 257, 2023)
  static const RE2 kCaptionThenNumber(R"(^([A-Z][^.\n]{0,150}\.)\s+1\.(?:\s+[A-Z]|\s*$))");
  re2::StringPiece in(rest.data(), rest.size()), cap;
  bool dash = false, number = false;
  if (!RE2::PartialMatch(in, kCaptionThenParen, &cap)) {
    if (RE2::PartialMatch(in, kCaptionThenDash, &cap)) dash = true;
    else if (RE2::PartialMatch(in, kCaptionThenNumber, &cap)) number = true;
    else return std::nullopt;
  }
  const std::string_view caption(cap.data(), cap.size());
  // (the dash is a surer sign than a parenthesis: Missouri's captions run to thirty words, "... unlawful when --
  // attorney general to issue opinion, when -- rights of public employees. --1.")
  if (CountWords(caption) > (dash ? 45u : 15u) || (all_caps_caption && !AllCapsText(caption))) return std::nullopt;
  return FirstAfterCaption(rest, caption, dash, number, stack);
}

std::optional<CaptionThenFirst> FindFirstInWrappedCaption(std::string_view line, const std::vector<Level>& stack) {
  static const RE2 kLastWordsThenDash("^([^.\\n]{0,300}\\.)\\s*(?:\xE2\x80\x94|\xE2\x80\x93|-{1,2})\\s*1\\.\\s+[A-Z]");
  // (Hawaii's: "[§286-104.5]  Limited purpose driver's" / "license, ... and limited purpose" / "instruction
  // permits.  (a)  Notwithstanding ...": no dash, the first subsection after the caption's period)
  static const RE2 kLastWordsThenParen(R"(^([^.\n]{0,300}\.)\s+\((?:a|1)\)\s+[A-Z])");
  re2::StringPiece in(line.data(), line.size()), cap;
  if (line.empty()) return std::nullopt;
  const bool dash = RE2::PartialMatch(in, kLastWordsThenDash, &cap);
  if (!dash && !RE2::PartialMatch(in, kLastWordsThenParen, &cap)) return std::nullopt;
  const std::string_view caption(cap.data(), cap.size());
  if (CountWords(caption) > (dash ? 45u : 15u)) return std::nullopt;
  return FirstAfterCaption(line, caption, dash, false, stack);
}

std::optional<std::string_view> FindCaptionThenText(std::string_view rest) {
  if (rest.empty() || rest.back() == '.') return std::nullopt;
  const size_t period = rest.find(". ");
  if (period == std::string_view::npos) return std::nullopt;
  const std::string_view head = rest.substr(0, period);
  const size_t space = head.find_last_of(" .");
  const size_t last_word = space == std::string_view::npos ? 0 : space + 1;
  if (head.empty() || !AllCapsText(head) || head.size() - last_word < 3 || CountWords(head) > 15 ||
      CountWords(rest.substr(period + 2)) < 2)
    return std::nullopt;
  return rest.substr(0, period + 1);
}

void ReadIlcsCitation(std::string_view line, std::string& act, std::string& section) {
  static const RE2 kIlcs(R"(^\(\d+\s+ILCS\s+(\d+)/([0-9][0-9A-Za-z.-]*)\)$)");
  if (line.empty() || line[0] != '(') return;  // (every unnumbered line asks: most open otherwise)
  std::string a, s;
  if (RE2::FullMatch(re2::StringPiece(line.data(), line.size()), kIlcs, &a, &s)) {
    act = a;
    section = s;
  }
}

}  // namespace foiamine::extractors::internal
