// Internal to extractors: a cheap literal gate in front of the rules' anchor
// scan (the RE2::Set of Rulebook::Compiled).
//
// Most sentences of a real production fire no anchor, and the RE2::Set pass
// that proves it is the extractors' largest cost: its DFA has many states
// (windowed anchors, word boundaries) and meets new ones with every new
// vocabulary. The gate asks first whether a unit holds any of the literal
// strings ("atoms") an anchor cannot match without; only a unit that does
// goes through the Set. The atoms are derived from the anchors themselves
// when the rulebook is loaded (re2::FilteredRE2's prefilter), so a rule added
// to rulebook.yaml is covered without anyone listing its words.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/literal_set.h"
#include "extractors/rulebook.h"

namespace foiamine::extractors::internal {

class AnchorGate {
 public:
  // Built in two steps, as the rulebook is loaded: Add every anchor, then
  // Compile. `options`: the anchors' (the Set's).
  explicit AnchorGate(const RE2::Options& options);
  // Compiles `anchor` (an RE2 source) as the next anchor. The gate keeps the
  // compiled RE2, and the rulebook matches the anchor with it (one compile
  // serves both). Null, with RE2's error in `error`, when RE2 rejects it.
  const RE2* Add(const std::string& anchor, std::string* error);
  // Builds the gate from the anchors added. Never fails: an anchor the
  // prefilter cannot reduce to literals (or a failure to build the gate)
  // makes the gate pass every text.
  void Compile();
  // Both steps for `anchors` (an anchor RE2 rejects makes the gate pass every text).
  AnchorGate(const std::vector<std::string>& anchors, const RE2::Options& options);
  AnchorGate(const AnchorGate&) = delete;
  AnchorGate& operator=(const AnchorGate&) = delete;

  // False only when no anchor can match `text`: then the Set would report
  // no match either. True says nothing (the Set decides).
  bool MayMatch(std::string_view text) const;
  // The same, and the anchors (indices in the order given, sorted) that may
  // match: every anchor the prefilter lets through, perhaps a few more (a
  // unit with one key atom gets the anchors that atom lets through with every
  // common one); every anchor when the gate does not filter.
  bool Potentials(std::string_view text, std::vector<int>* anchors) const;

  // Whether the gate can ever say no (false when some anchor has no atom).
  bool filters() const { return atoms_ != nullptr; }
  const std::vector<std::string>& atoms() const { return atom_strings_; }
  // The first anchor (index in the order given) whose source is the same as
  // `anchor`'s: rules that share an anchor (a topic's lexicon) put it in the
  // Set once each, and one match answers for all of them.
  int same_as(int anchor) const { return same_as_[anchor]; }

 private:
  RE2::Options options_;
  size_t anchor_count_ = 0;
  bool rejected_ = false;  // an anchor RE2 rejected: pass every text
  std::vector<int> same_as_;
  std::map<std::string, int, std::less<>> first_with_source_;  // while adding: source -> first anchor
  re2::FilteredRE2 filter_;
  std::vector<std::string> atom_strings_;
  std::unique_ptr<RE2::Set> atoms_;  // the atoms as case-insensitive literals; null: pass everything
  // The same search, faster, on texts where it is exact (literal_set.h): the
  // ASCII atoms in a LiteralSet (indices in ascii_index_), the others, if
  // any, in a small Set of their own (indices in other_index_).
  void MarkKeyAtoms();
  // A set of atoms that lets no anchor through (MarkKeyAtoms grows two):
  // `atoms`, sorted; key[i] says atom i is not in it; alone[k], for a key
  // atom k, holds the anchors the prefilter lets through for the whole set and
  // k when they are few (else it is empty): a superset of what it lets through
  // for any unit whose only key atom is k. Filled by AnchorsAlone, once per k
  // (alone_once[k]), from whichever thread needs it first.
  struct CommonAtoms {
    std::vector<int> atoms;
    std::vector<uint8_t> key;  // (bytes, not std::vector<bool>'s bits: Potentials reads one per atom a unit holds)
    mutable std::vector<std::vector<int>> alone;
    std::unique_ptr<std::once_flag[]> alone_once;
  };
  const std::vector<int>& AnchorsAlone(const CommonAtoms& set, int key) const;
  std::vector<CommonAtoms> commons_;
  std::unique_ptr<LiteralSet> ascii_atoms_;
  std::vector<int> ascii_index_;
  std::unique_ptr<RE2::Set> other_atoms_;
  std::vector<int> other_index_;
};

// The anchors (indices into rules.set) that match `text`: exactly what
// rules.set->Match reports, sorted. The gate rules out most units outright;
// in the others only the anchors it lets through are tried, each with its
// own RE2 (small DFAs that stay warm), instead of the whole Set, whose
// combined DFA grows with every new vocabulary. False when none matches.
bool MatchAnchors(const Rulebook::Compiled& rules, std::string_view text, std::vector<int>* hits);

}  // namespace foiamine::extractors::internal
