#include "extractors/literal_set.h"

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace foiamine::extractors::internal {
namespace {

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

// Transitions carry this bit when the target state reports a literal, so the
// scan loop reads the output table only there.
constexpr uint32_t kReports = 1u << 31;
constexpr uint16_t kReports16 = 1u << 15;

// One byte at a time through `next` (targets are state numbers, flagged with
// `reports`), appending what the states reached report.
template <typename T>
void Scan(std::string_view text, const std::array<uint8_t, 256>& class_of, uint32_t classes, const std::vector<T>& next,
          T reports, const std::vector<uint32_t>& output_begin, const std::vector<int>& outputs, std::vector<int>* found) {
  uint32_t row = 0;
  for (unsigned char c : text) {
    const T t = next[row + class_of[c]];
    const uint32_t state = t & static_cast<T>(~reports);
    row = state * classes;
    if (t & reports)
      found->insert(found->end(), outputs.begin() + output_begin[state], outputs.begin() + output_begin[state + 1]);
  }
}

}  // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& literals) {
  // Input classes: one per distinct (lowercased) byte the literals use, so the
  // table is states x classes, not states x 256.
  for (const std::string& literal : literals)
    for (unsigned char c : literal)
      if (class_of_[Lower(c)] == 0) class_of_[Lower(c)] = static_cast<uint8_t>(classes_++);
  for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c - 'A' + 'a'];

  // The trie (kNone: no edge yet), with each literal at the state it ends in.
  std::vector<uint32_t> trie(classes_, kNone);
  std::vector<std::vector<int>> own(1);
  for (size_t i = 0; i < literals.size(); ++i) {
    uint32_t state = 0;
    for (unsigned char c : literals[i]) {
      uint32_t& edge = trie[state * classes_ + class_of_[c]];
      if (edge == kNone) {
        edge = static_cast<uint32_t>(own.size());
        own.emplace_back();
        trie.resize(trie.size() + classes_, kNone);
      }
      state = trie[state * classes_ + class_of_[c]];  // `edge` may dangle after the resize
    }
    own[state].push_back(static_cast<int>(i));
  }
  const size_t states = own.size();

  // Breadth first: a state's failure link (its longest proper suffix that is
  // a trie state) is shallower, so done before it; missing edges become the
  // failure state's edge, which makes the scan one lookup per byte.
  std::vector<uint32_t> fail(states, 0), order, next(states * classes_, 0);
  std::vector<std::vector<int>> all(states);
  order.reserve(states);
  order.push_back(0);
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t u = order[k];
    all[u] = own[u];
    if (u != 0) all[u].insert(all[u].end(), all[fail[u]].begin(), all[fail[u]].end());
    for (uint32_t c = 0; c < classes_; ++c) {
      const uint32_t v = trie[u * classes_ + c];
      if (v == kNone) {
        next[u * classes_ + c] = u == 0 ? 0 : next[fail[u] * classes_ + c];
      } else {
        fail[v] = u == 0 ? 0 : next[fail[u] * classes_ + c];
        next[u * classes_ + c] = v;
        order.push_back(v);
      }
    }
  }
  output_begin_.reserve(states + 1);
  for (size_t s = 0; s < states; ++s) {
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), all[s].begin(), all[s].end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
  // Flag the targets that report.
  wide_ = states >= kReports16;
  if (wide_) next_wide_.reserve(next.size()); else next_.reserve(next.size());
  for (uint32_t target : next) {
    const bool reports = output_begin_[target + 1] > output_begin_[target];
    if (wide_) next_wide_.push_back(target | (reports ? kReports : 0));
    else next_.push_back(static_cast<uint16_t>(target | (reports ? kReports16 : 0)));
  }
}

void LiteralSet::Find(std::string_view text, std::vector<int>* found) const {
  found->clear();
  if (wide_) Scan<uint32_t>(text, class_of_, classes_, next_wide_, kReports, output_begin_, outputs_, found);
  else Scan<uint16_t>(text, class_of_, classes_, next_, kReports16, output_begin_, outputs_, found);
  std::sort(found->begin(), found->end());
  found->erase(std::unique(found->begin(), found->end()), found->end());
}

bool CaselessAsciiEquivalent(std::string_view text) {
  if (IsAscii(text)) return true;  // (most units)
  // UTF-8 of U+017F is C5 BF, of U+212A is E2 84 AA.
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) continue;
    if (c == 0xC5 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF) return false;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x84 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAA)
      return false;
  }
  return true;
}

}  // namespace foiamine::extractors::internal
