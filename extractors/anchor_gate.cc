#include "extractors/anchor_gate.h"

#include <algorithm>

namespace foiamine::extractors::internal {
namespace {

// Atoms shorter than this are dropped from the prefilter (an anchor whose
// only literal is "ice" keeps it; one-letter atoms would let every unit in).
constexpr int kMinAtomLength = 3;

}  // namespace

AnchorGate::AnchorGate(const std::vector<std::string>& anchors, const RE2::Options& options)
    : filter_(kMinAtomLength) {
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
  if (!atoms_) return true;
  std::vector<int> found;
  // A DFA failure (out of memory) is no proof of absence: pass.
  RE2::Set::ErrorInfo error;
  if (!atoms_->Match(re2::StringPiece(text.data(), text.size()), &found, &error))
    return error.kind != RE2::Set::kNoError;
  std::sort(found.begin(), found.end());
  std::vector<int> potentials;
  filter_.AllPotentials(found, &potentials);
  return !potentials.empty();
}

}  // namespace foiamine::extractors::internal
