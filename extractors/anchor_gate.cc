#include "extractors/anchor_gate.h"

#include <algorithm>

#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {
namespace {

// Atoms shorter than this are dropped from the prefilter (an anchor whose
// only literal is "ice" keeps it; one-letter atoms would let every unit in).
constexpr int kMinAtomLength = 3;

}  // namespace

AnchorGate::AnchorGate(const std::vector<std::string>& anchors, const RE2::Options& options)
    : anchor_count_(anchors.size()), filter_(kMinAtomLength) {
  if (anchors.empty()) return;
  for (const std::string& anchor : anchors) {
    int id = 0;
    if (filter_.Add(anchor, options, &id) != RE2::NoError) return;  // cannot reason about it: pass all
  }
  filter_.Compile(&atom_strings_);
  // An anchor with no atoms (its prefilter is "match anything") passes every
  // text, and so would the gate: then it only costs time.
  std::vector<int> potentials;
  filter_.AllPotentials({}, &potentials);
  if (!potentials.empty() || atom_strings_.empty()) return;
  // The atoms are lowercase; RE2's case-insensitive literal match folds case
  // at least as widely as lowercasing the text would, so the scan finds every
  // atom the prefilter needs (and maybe more, which only lets more units in).
  RE2::Options literal = options;
  literal.set_case_sensitive(false);
  literal.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(literal, RE2::UNANCHORED);
  for (const std::string& atom : atom_strings_)
    if (set->Add(RE2::QuoteMeta(atom), nullptr) < 0) return;
  if (!set->Compile()) return;
  atoms_ = std::move(set);
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
  std::vector<int> found;
  // A DFA failure (out of memory) is no proof of absence: every anchor may match.
  RE2::Set::ErrorInfo error;
  if (!atoms_->Match(re2::StringPiece(text.data(), text.size()), &found, &error)) {
    if (error.kind == RE2::Set::kNoError) return false;
    for (size_t i = 0; i < anchor_count_; ++i) anchors->push_back(static_cast<int>(i));
    return true;
  }
  std::sort(found.begin(), found.end());
  filter_.AllPotentials(found, anchors);
  return !anchors->empty();
}

bool MatchAnchors(const Rulebook::Compiled& rules, std::string_view text, std::vector<int>* hits) {
  hits->clear();
  const re2::StringPiece piece(text.data(), text.size());
  std::vector<int> potentials;
  if (rules.anchor_gate && !rules.anchor_gate->Potentials(text, &potentials)) return false;
  if (!rules.anchor_gate || !rules.anchor_gate->filters()) {
    if (!rules.set->Match(piece, hits)) return false;
    std::sort(hits->begin(), hits->end());
    return true;
  }
  for (int a : potentials)
    if (RE2::PartialMatch(piece, *rules.patterns[rules.set_to_pattern[a]].re)) hits->push_back(a);
  return !hits->empty();
}

}  // namespace foiamine::extractors::internal
