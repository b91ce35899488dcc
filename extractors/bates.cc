#include "extractors/bates.h"

#include "extractors/text_fold.h"

#include <re2/re2.h>

#include <vector>

namespace foiamine::extractors {
namespace {

}  // namespace

std::optional<BatesStamp> FindBatesStamp(const std::string& text) {
  // The prefix is lazy, so the counter is the whole final run of digits.
  static const RE2 kStamp(R"((?:^|\s)(([A-Z][A-Za-z0-9_.-]*?)(\d{4,}))(?:\s|$))");
  struct Line {
    size_t start, end;
  };
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (text.find_first_not_of(" \t", pos) < nl) lines.push_back({pos, nl});
    pos = nl + 1;
  }
  std::optional<BatesStamp> found;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= 3 && i + 3 < lines.size()) continue;
    const re2::StringPiece line(text.data() + lines[i].start, lines[i].end - lines[i].start);
    re2::StringPiece in = line;
    re2::StringPiece whole, prefix, counter;
    while (RE2::FindAndConsume(&in, kStamp, &whole, &prefix, &counter)) {
      int letters = 0;
      for (char c : prefix) letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      // Counter: zero-padded (4+ digits) or 6+ digits, so that years and
      // counts ("FY 2023", "Sheet 1 of 2") never read as a Bates counter.
      const bool padded = counter.size() >= 4 && counter[0] == '0';
      if (letters < 2 || !(padded || counter.size() >= 6)) continue;
      BatesStamp stamp;
      stamp.number = std::string(whole.data(), whole.size());
      stamp.prefix = std::string(prefix.data(), prefix.size());
      stamp.sequence = std::stoll(std::string(counter.data(), counter.size()));
      const size_t at = static_cast<size_t>(whole.data() - text.data());
      stamp.char_start = internal::CodePointsBefore(text, at);
      stamp.char_end = stamp.char_start + internal::CodePointsBefore(stamp.number, stamp.number.size());
      found = stamp;
      break;
    }
  }
  return found;
}

}  // namespace foiamine::extractors
