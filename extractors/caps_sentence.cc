#include "extractors/caps_sentence.h"

#include <re2/re2.h>

#include "extractors/numbering.h"

namespace foiamine::extractors::internal {

bool OpensModalSentenceInCapitals(std::string_view line,
                                  const std::function<std::optional<std::string_view>(size_t)>& below) {
  static const RE2 kModal(R"((?:^|[\s,])(?:SHALL|MUST|MAY|WILL)\s)");
  constexpr size_t kLinesBelow = 6;
  std::optional<std::string_view> next = line;
  for (size_t i = 0; next && i <= kLinesBelow; ++i) {
    std::string_view text = *next;
    if (!AllCapsText(text)) return false;
    // (the sentence's end: what follows it is another's)
    const size_t end = text.find_first_of(".;:");
    if (end != std::string_view::npos) text = text.substr(0, end);
    if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kModal)) return true;
    if (end != std::string_view::npos) return false;
    next = below(i);
  }
  return false;
}

}  // namespace foiamine::extractors::internal
