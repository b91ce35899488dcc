#include "extractors/lost_bullets.h"

#include <string>

namespace foiamine::extractors::internal {
namespace {

constexpr size_t kSharedWords = 3;
// An item (its sub-items too) runs to this many lines at most: a longer stretch ends the list, and no line is
// looked at more than a few times.
constexpr size_t kMaxItemLines = 40;

// The line's first `kSharedWords` words, lower-cased ASCII letters only; fewer words: empty.
std::string Opening(std::string_view line) {
  std::string out;
  size_t words = 0;
  bool in_word = false;
  for (const char c : line) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
    if (letter) {
      if (!in_word && words == kSharedWords) break;
      if (!in_word) {
        ++words;
        if (!out.empty()) out += ' ';
      }
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c != ' ' && c != '-' && in_word == false && words == 0) {
      return std::string();  // opens with a digit or a sign: a number, a citation, no item's words
    }
    in_word = letter;
  }
  return words == kSharedWords ? out : std::string();
}

bool EndsListItem(std::string_view line) { return line.ends_with(";") || line.ends_with("; and") || line.ends_with("; or"); }

bool EndsSentenceOrItem(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == ':' || EndsListItem(line));
}

bool StartsCapital(std::string_view line) { return !line.empty() && line.front() >= 'A' && line.front() <= 'Z'; }

}  // namespace

std::vector<bool> LostBulletItems(const std::vector<std::string_view>& lines, const std::function<bool(size_t)>& has_marker) {
  std::vector<bool> items(lines.size(), false);
  for (size_t first = 1; first < lines.size(); ++first) {
    if (lines[first - 1].empty() || lines[first - 1].back() != ':' || !StartsCapital(lines[first]) || has_marker(first))
      continue;
    const std::string opening = Opening(lines[first]);
    if (opening.empty()) continue;
    std::vector<size_t> run{first};
    bool closed = false;  // the current item has reached its ';'
    for (size_t at = first + 1; at < lines.size() && at <= run.back() + kMaxItemLines; ++at) {
      const std::string_view line = lines[at];
      if (EndsListItem(lines[at - 1])) closed = true;
      if (!EndsSentenceOrItem(lines[at - 1]) || !StartsCapital(line) || has_marker(at)) continue;
      if (Opening(line) != opening || !closed) break;
      run.push_back(at);
      closed = false;
    }
    if (run.size() < 2) continue;
    for (const size_t at : run) items[at] = true;
    first = run.back();
  }
  return items;
}

}  // namespace foiamine::extractors::internal
