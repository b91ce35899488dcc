// Internal to extractors: which of a fixed set of ASCII literals occur in a
// text, ASCII letters compared without case, in one pass (an Aho-Corasick
// automaton with a dense transition table).
//
// The anchor gate (anchor_gate.h) asks this of every unit a document has.
// A case-insensitive RE2::Set of the same literals gives the same answer on
// the texts `CaselessAsciiEquivalent` accepts, but its DFA, over a thousand
// literals and run to the end of the text to report every one, costs about
// ten times more per byte.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace foiamine::extractors::internal {

class LiteralSet {
 public:
  // REQUIRES: every literal non-empty and ASCII. Literals may repeat.
  explicit LiteralSet(const std::vector<std::string>& literals);

  // The indices (into the constructor's vector) of the literals that occur in
  // `text`, ASCII letters matched without case; sorted, each once. Bytes
  // >= 0x80 match no literal byte.
  void Find(std::string_view text, std::vector<int>* found) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  bool wide_ = false;                     // too many states for 16 bits: next_wide_ instead
  std::vector<uint32_t> next_wide_;
  std::array<uint8_t, 256> class_of_{};  // byte -> input class (0: in no literal)
  uint32_t classes_ = 1;
  // state * classes_ + class -> next state, complete (no failure walk); the
  // states from first_reporting_ on report a literal. 16 bits: the table of
  // the shipped rulebook's atoms (~9,100 states x 43 classes) then fits in
  // the cache; the scan is one dependent load per byte.
  std::vector<uint16_t> next_;
  uint32_t first_reporting_ = 0;
  std::vector<uint32_t> output_begin_;    // state -> its outputs in outputs_ (own and suffixes'), size states + 1
  std::vector<int> outputs_;
  size_t seen_words_ = 0;                 // 64-bit words of Find's bit per literal (its `seen`)
};

// True when a case-insensitive RE2 match of ASCII literals over `text` finds
// exactly what an ASCII-lowercased byte comparison finds: the text holds
// neither U+017F (long s) nor U+212A (Kelvin sign), the only code points RE2
// folds onto an ASCII letter ('s', 'k'; a test checks every code point).
bool CaselessAsciiEquivalent(std::string_view text);

}  // namespace foiamine::extractors::internal
