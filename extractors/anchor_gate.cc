#include "extractors/anchor_gate.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {
namespace {

// Atoms shorter than this are dropped from the prefilter (an anchor whose
// only literal is "ice" keeps it; one-letter atoms would let every unit in).
constexpr int kMinAtomLength = 3;

// The most anchors a key atom alone may let through for a unit holding no other key atom to be matched against
// them directly (MarkKeyAtoms); past it the unit's own atoms are propagated.
constexpr size_t kMostAnchorsAlone = 3;

}  // namespace

AnchorGate::AnchorGate(const RE2::Options& options) : options_(options), filter_(kMinAtomLength) {}

AnchorGate::AnchorGate(const std::vector<std::string>& anchors, const RE2::Options& options) : AnchorGate(options) {
  std::string error;
  for (const std::string& anchor : anchors) {
    if (Add(anchor, &error)) continue;
    rejected_ = true;  // cannot reason about it: pass all
    const int index = static_cast<int>(anchor_count_++);
    same_as_.push_back(first_with_source_.emplace(anchor, index).first->second);
  }
  Compile();
}

const RE2* AnchorGate::Add(const std::string& anchor, std::string* error) {
  int id = 0;
  if (filter_.Add(anchor, options_, &id) != RE2::NoError) {
    // FilteredRE2 keeps no message: RE2's own, from a compile of its own
    // (only on this error path).
    *error = RE2(anchor, options_).error();
    return nullptr;
  }
  const int index = static_cast<int>(anchor_count_++);
  same_as_.push_back(first_with_source_.emplace(anchor, index).first->second);
  return &filter_.GetRE2(id);
}

void AnchorGate::Compile() {
  first_with_source_.clear();
  if (anchor_count_ == 0 || rejected_) return;
  filter_.Compile(&atom_strings_);
  // An anchor with no atoms (its prefilter is "match anything") passes every
  // text, and so would the gate: then it only costs time.
  std::vector<int> potentials;
  filter_.AllPotentials({}, &potentials);
  if (!potentials.empty() || atom_strings_.empty()) return;
  // The atoms are lowercase; RE2's case-insensitive literal match folds case
  // at least as widely as lowercasing the text would, so the scan finds every
  // atom the prefilter needs (and maybe more, which only lets more units in).
  RE2::Options literal = options_;
  literal.set_case_sensitive(false);
  literal.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(literal, RE2::UNANCHORED);
  for (const std::string& atom : atom_strings_)
    if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) return;
  if (!set->Compile()) return;
  atoms_ = std::move(set);
  MarkKeyAtoms();

  std::vector<std::string> ascii, other;
  for (size_t i = 0; i < atom_strings_.size(); ++i) {
    const std::string& atom = atom_strings_[i];
    const bool is_ascii = std::all_of(atom.begin(), atom.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    (is_ascii ? ascii : other).push_back(atom);
    (is_ascii ? ascii_index_ : other_index_).push_back(static_cast<int>(i));
  }
  if (!other.empty()) {
    auto rest = std::make_unique<RE2::Set>(literal, RE2::UNANCHORED);
    for (const std::string& atom : other)
      if (rest->Add(RE2::QuoteMeta(atom), nullptr) < 0) return;  // no fast path; the Set alone is exact
    if (!rest->Compile()) return;
    other_atoms_ = std::move(rest);
  }
  ascii_atoms_ = std::make_unique<LiteralSet>(ascii);
}

void AnchorGate::MarkKeyAtoms() {
  // Most units hold atoms ("the ", " of", "shall") and most fire nothing; the
  // prefilter's propagation for each costs more than finding the atoms. The
  // formula is monotone, so when a set of atoms ("common") lets no anchor
  // through, neither does any subset of it: a unit whose atoms are all
  // common is skipped without propagating. Common is grown greedily; an atom
  // that would let an anchor through stays a key atom. Which atoms get in
  // depends on the order they are tried in, so two sets are grown: short atoms
  // first (the short ones are the frequent ones), and atoms holding a space
  // first ("the ", " with", " for ": whole words, which the first set may
  // leave out for the sake of a shorter atom they would complete an anchor
  // with). A unit either set holds whole is skipped.
  std::vector<int> by_length(atom_strings_.size());
  for (size_t i = 0; i < by_length.size(); ++i) by_length[i] = static_cast<int>(i);
  std::stable_sort(by_length.begin(), by_length.end(),
                   [&](int a, int b) { return atom_strings_[a].size() < atom_strings_[b].size(); });
  std::vector<int> words_first = by_length;
  std::stable_partition(words_first.begin(), words_first.end(),
                        [&](int a) { return atom_strings_[a].find(' ') != std::string::npos; });
  commons_.clear();
  for (const std::vector<int>* order : {&by_length, &words_first}) {
    CommonAtoms& set = commons_.emplace_back();
    set.key.assign(atom_strings_.size(), 1);
    std::vector<int> common, trial, potentials;
    for (int atom : *order) {
      trial = common;
      trial.insert(std::upper_bound(trial.begin(), trial.end(), atom), atom);
      filter_.AllPotentials(trial, &potentials);
      if (!potentials.empty()) continue;
      common.swap(trial);
      set.key[atom] = 0;
    }
    set.atoms = std::move(common);
    set.alone.assign(atom_strings_.size(), {});
    set.alone_once = std::make_unique<std::once_flag[]>(atom_strings_.size());
  }
}

const std::vector<int>& AnchorGate::AnchorsAlone(const CommonAtoms& set, int key) const {
  // A unit whose only key atom is k holds nothing but k and common atoms: by monotony the prefilter lets through at
  // most what it lets through for all the common atoms and k. When that is an anchor or a few, they are the unit's
  // potentials, each tried by its own RE2 (a few cheap matches), without propagating the unit's atoms (the
  // propagation costs about what three matches do). Found at the first unit that needs it (a propagation of the
  // whole set, once per key atom met), not for every key atom at load.
  std::call_once(set.alone_once[key], [&] {
    std::vector<int> trial = set.atoms, potentials;
    trial.insert(std::upper_bound(trial.begin(), trial.end(), key), key);
    filter_.AllPotentials(trial, &potentials);
    if (potentials.size() <= kMostAnchorsAlone) set.alone[key] = std::move(potentials);
  });
  return set.alone[key];
}

bool AnchorGate::MayMatch(std::string_view text) const {
  std::vector<int> anchors;
  return Potentials(text, &anchors);
}

bool AnchorGate::Potentials(std::string_view text, std::vector<int>* anchors) const {
  anchors->clear();
  if (!atoms_) {
    for (size_t i = 0; i < anchor_count_; ++i) anchors->push_back(static_cast<int>(i));
    return !anchors->empty();
  }
  thread_local std::vector<int> found, other;
  found.clear();
  // A DFA failure (out of memory) is no proof of absence: every anchor may match.
  RE2::Set::ErrorInfo error;
  const re2::StringPiece piece(text.data(), text.size());
  if (ascii_atoms_ && CaselessAsciiEquivalent(text)) {
    ascii_atoms_->Find(text, &found);
    for (int& i : found) i = ascii_index_[i];
    if (other_atoms_) {
      other.clear();
      if (!other_atoms_->Match(piece, &other, &error) && error.kind != RE2::Set::kNoError) {
        for (size_t i = 0; i < anchor_count_; ++i) anchors->push_back(static_cast<int>(i));
        return true;
      }
      for (int i : other) found.push_back(other_index_[i]);
    }
    if (found.empty()) return false;
  } else if (!atoms_->Match(piece, &found, &error)) {
    if (error.kind == RE2::Set::kNoError) return false;
    for (size_t i = 0; i < anchor_count_; ++i) anchors->push_back(static_cast<int>(i));
    return true;
  }
  // Against each common set: no key atom, no anchor; one key atom, the anchors it lets through alone (the fewest
  // the sets give).
  const std::vector<int>* fewest = nullptr;
  for (const CommonAtoms& set : commons_) {
    int key = -1;  // the unit's one key atom; -2 when it holds more than one
    for (int atom : found) {
      if (!set.key[atom]) continue;
      key = key == -1 ? atom : -2;
      if (key == -2) break;
    }
    if (key == -1) return false;
    if (key < 0) continue;
    const std::vector<int>& alone = AnchorsAlone(set, key);
    if (!alone.empty() && (!fewest || alone.size() < fewest->size())) fewest = &alone;
  }
  if (fewest) {
    *anchors = *fewest;
    return true;
  }
  std::sort(found.begin(), found.end());
  filter_.AllPotentials(found, anchors);
  return !anchors->empty();
}

bool MatchAnchors(const Rulebook::Compiled& rules, std::string_view text, std::vector<int>* hits) {
  hits->clear();
  const re2::StringPiece piece(text.data(), text.size());
  thread_local std::vector<int> potentials;
  if (rules.anchor_gate && !rules.anchor_gate->Potentials(text, &potentials)) return false;
  if (!rules.anchor_gate || !rules.anchor_gate->filters()) {
    if (!rules.set->Match(piece, hits)) return false;
    std::sort(hits->begin(), hits->end());
    return true;
  }
  // Anchors with the same source (same options: the Set's) match alike: each
  // is tried once, its answer reused for the others.
  thread_local std::vector<std::pair<int, bool>> tried;  // (same_as, matched)
  tried.clear();
  for (int a : potentials) {
    const int same = rules.anchor_gate->same_as(a);
    auto it = std::find_if(tried.begin(), tried.end(), [same](const auto& t) { return t.first == same; });
    if (it == tried.end()) {
      tried.emplace_back(same, RE2::PartialMatch(piece, *rules.patterns[rules.set_to_pattern[a]].re));
      it = tried.end() - 1;
    }
    if (it->second) hits->push_back(a);
  }
  return !hits->empty();
}

}  // namespace foiamine::extractors::internal
