// ClauseVerifier: a trained second signal on the rules' clauses (issue 11).
//
// A linear model (LIBLINEAR logistic regression, one-vs-rest) that reads a
// clause's words, rule id, stance, topic and its document's authority and
// says which stance labellers give that sentence for that topic, or none at
// all. It only revises what the rules found: it never adds a clause or moves
// one to another topic. Trained and measured by
// bench/classifier/verifier_train.py, which writes schemas/clause_verifier.tsv;
// the rules alone stay testable (rulebook examples run without it).
//
//   StatusOr<ClauseVerifier> v = ParseClauseVerifier(file_text);
//   v->Revise(authority, clauses);  // after the rules, once per document
//
// A clause it changes keeps its rule id with "@verifier(old->new)" appended,
// so every clause still records which rule or model produced its stance.
// Thread safety: immutable once parsed; Revise may run on any thread.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extractors/clause.h"

namespace foiamine::extractors {

class ClauseVerifier {
 public:
  // The model's classes, in the file's `classes` order.
  static constexpr std::array<std::string_view, 5> kClasses = {"none", "permits", "reports", "requires", "restricts"};
  using Probabilities = std::array<double, kClasses.size()>;

  // P(class) for one clause of a document whose authority is `authority`
  // ("law", "policy", ...; "" when unknown), as LIBLINEAR's
  // predict_probability gives it: a logistic per class, normalised to sum 1.
  Probabilities Classify(const Clause& clause, std::string_view authority) const;

  // Applies the thresholds to every clause: a binding clause the model calls
  // `none` (p > demote) becomes `mentions`; one whose stance the model
  // prefers another to by more than `change` takes it; a `mentions` clause
  // the model gives a binding stance with p > promote takes that stance.
  void Revise(std::string_view authority, std::vector<Clause>& clauses) const;

  // Fnv1a64 of the file text: part of the extract stage's version.
  const std::string& hash() const { return hash_; }
  size_t feature_count() const { return weights_.size(); }

 private:
  friend foiamine::StatusOr<ClauseVerifier> ParseClauseVerifier(std::string_view text);
  // Looked up by string_view (no key string built per feature).
  struct FeatureHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::array<float, kClasses.size()>, FeatureHash, std::equal_to<>> weights_;
  Probabilities bias_{};
  double demote_ = 1, change_ = 1, promote_ = 1;  // 1: never (probabilities never exceed it)
  std::string hash_;
};

// Parses the model file (tab-separated lines; see verifier_train.py). Fails
// with the line number on a malformed line, an unknown key, other classes,
// or a missing `thresholds` / `bias` line.
foiamine::StatusOr<ClauseVerifier> ParseClauseVerifier(std::string_view text);

// The model's features of one clause (exposed for tests): the distinct runs of
// ASCII letters of its text, lower-cased, each pair of neighbours joined by
// '_', and RULE=, RS= (stance), TOP=, AU= (authority, "none" when empty),
// RSAU=, TOPRS= (the same as verifier_train.py's features()).
std::vector<std::string> ClauseVerifierFeatures(const Clause& clause, std::string_view authority);

}  // namespace foiamine::extractors
