#include "extractors/literal_set.h"

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace foiamine::extractors::internal {
namespace {

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

// One byte at a time through `next` (targets are state numbers, those from
// `first_reporting` on reporting a literal), noting the reporting states
// reached in `reached` (room for one a byte), then appending what they report,
// each literal once: `seen` (a bit per literal, all clear on entry) marks those
// appended. Every tenth byte or so reaches a reporting state; keeping their
// outputs out of the byte loop keeps the loop small, and appending every report
// to sort the repeats out afterwards cost more than the scan. The tables come
// in as plain pointers.
template <typename T>
void Scan(std::string_view text, const uint8_t* class_of, size_t classes, const T* next, uint32_t first_reporting,
          const uint32_t* output_begin, const int* outputs, uint32_t* reached, uint64_t* seen, std::vector<int>* found) {
  size_t reports_reached = 0;
  size_t row = 0;
  for (unsigned char c : text) {
    const size_t state = next[row + class_of[c]];
    row = state * classes;
    if (state >= first_reporting) reached[reports_reached++] = static_cast<uint32_t>(state);
  }
  for (size_t r = 0; r < reports_reached; ++r) {
    const uint32_t state = reached[r];
    for (uint32_t k = output_begin[state]; k < output_begin[state + 1]; ++k) {
      const int literal = outputs[k];
      const uint64_t bit = uint64_t{1} << (literal & 63);
      if (seen[literal >> 6] & bit) continue;
      seen[literal >> 6] |= bit;
      found->push_back(literal);
    }
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
  seen_words_ = (literals.size() + 63) / 64;

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
  // Renumbered: the states that report a literal last, from
  // first_reporting_ on, so the scan tells them by comparing the state it
  // reads (no flag bit to mask off at every byte). The start state reports
  // nothing (no literal is empty) and stays 0.
  std::vector<uint32_t> number(states);
  uint32_t numbered = 0;
  for (size_t s = 0; s < states; ++s)
    if (all[s].empty()) number[s] = numbered++;
  first_reporting_ = numbered;
  for (size_t s = 0; s < states; ++s)
    if (!all[s].empty()) number[s] = numbered++;
  std::vector<uint32_t> by_number(states);
  for (size_t s = 0; s < states; ++s) by_number[number[s]] = static_cast<uint32_t>(s);
  output_begin_.reserve(states + 1);
  for (uint32_t n = 0; n < states; ++n) {
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), all[by_number[n]].begin(), all[by_number[n]].end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
  wide_ = states > UINT16_MAX;
  if (wide_) next_wide_.resize(next.size()); else next_.resize(next.size());
  for (size_t s = 0; s < states; ++s)
    for (uint32_t c = 0; c < classes_; ++c) {
      const uint32_t target = number[next[s * classes_ + c]];
      const size_t at = number[s] * size_t{classes_} + c;
      if (wide_) next_wide_[at] = target; else next_[at] = static_cast<uint16_t>(target);
    }
}

void LiteralSet::Find(std::string_view text, std::vector<int>* found) const {
  found->clear();
  // Scan's scratch, kept by the thread between calls: the reporting states
  // reached, and the bits of the literals seen (clear between calls: each call
  // clears the words it set), shared by every LiteralSet the thread uses.
  thread_local std::vector<uint32_t> reached;
  thread_local std::vector<uint64_t> seen;
  if (reached.size() < text.size()) reached.resize(text.size());
  if (seen.size() < seen_words_) seen.resize(seen_words_, 0);
  if (wide_)
    Scan<uint32_t>(text, class_of_.data(), classes_, next_wide_.data(), first_reporting_, output_begin_.data(), outputs_.data(),
                   reached.data(), seen.data(), found);
  else
    Scan<uint16_t>(text, class_of_.data(), classes_, next_.data(), first_reporting_, output_begin_.data(), outputs_.data(),
                   reached.data(), seen.data(), found);
  for (int literal : *found) seen[literal >> 6] = 0;
  std::sort(found->begin(), found->end());
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
