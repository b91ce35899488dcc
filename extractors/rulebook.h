// Rulebook: the clause rules (topics, lexicons, stance and actor cues, with
// their examples), loaded from YAML (schemas/rulebook.yaml) and compiled to
// RE2 once.
//
//   StatusOr<Rulebook> rules = LoadRulebook(yaml_text);  // the caller reads the file
//   if (!rules.ok()) { report rules.status().message(); }
//   Extraction e = ExtractDocument(*rules, input);       // see extract.h
//
// Thread safety: a loaded Rulebook is immutable; copies share the compiled
// rules and may be used from any number of threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/clause.h"
#include "extractors/clause_verifier.h"
#include "extractors/jurisdiction.h"
#include "base/status.h"

namespace foiamine::extractors {

// Whether a load reads the rulebook's examples (each topic's `examples:` and the
// top-level `negatives:`). A run has no use for them (only the tests and
// CheckRulebookExamples do), and they are about two fifths of the file: left
// out before the YAML is parsed, they take that share of the parse with them.
enum class RulebookExamples { kLoad, kSkip };

// One example sentence from the rulebook; every example is a test case (see
// rule_check.h).
struct RuleExample {
  std::string topic;              // the topic it illustrates; "" for global negatives
  std::string text;               // one sentence or a short passage (may contain '\n')
  std::optional<Stance> stance;   // expected stance; nullopt when expect_none
  std::string actor;              // expected actor, "" = not checked
  std::string agency;             // the document's agency for this example, "" = none
  std::string authority;          // the document's authority, "" = none
  bool expect_none = false;       // no clause of `topic` (of any topic when topic == "")
};

class Rulebook {
 public:
  struct Compiled;  // defined in rulebook_compiled.h (extractors internal)

  // Stable hash of the YAML text this rulebook was loaded from, e.g.
  // "fnv1a64:3f2a...": a stage version (any edit re-runs extraction).
  const std::string& hash() const;
  // The short name (the `agencies:` key, e.g. "DOC") of the first agency
  // whose names match `name` ("District of Columbia Department of
  // Corrections" -> "DOC"); `name` itself when none does.
  std::string CanonicalAgency(std::string_view name) const;
  int version() const;                      // the file's `version:`
  std::vector<std::string> topics() const;  // topic names in file order
  const std::vector<RuleExample>& examples() const;

  // Internal: the compiled rules, for the extractors' own use.
  const Compiled& compiled() const { return *compiled_; }

  // This rulebook with the jurisdictions its documents are placed in
  // (jurisdiction.h): extraction then infers each document's jurisdiction,
  // recognises any jurisdiction's laws and resolves actors within it, and
  // hash() covers both files. Without (nullptr), DC's cues only.
  Rulebook WithJurisdictions(Jurisdictions jurisdictions) const;
  const Jurisdictions* jurisdictions() const { return jurisdictions_.get(); }

  // This rulebook with a trained clause verifier (clause_verifier.h) that
  // revises the stance of the rules' clauses; hash() then covers its file too.
  // Without (nullptr), the rules alone decide, as the rulebook's examples test.
  Rulebook WithVerifier(ClauseVerifier verifier) const;
  const ClauseVerifier* verifier() const { return verifier_.get(); }

 private:
  friend foiamine::StatusOr<Rulebook> LoadRulebook(std::string_view yaml, RulebookExamples examples);
  explicit Rulebook(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
  std::shared_ptr<const Compiled> compiled_;
  std::shared_ptr<const Jurisdictions> jurisdictions_;
  std::shared_ptr<const ClauseVerifier> verifier_;
  std::string hash_;  // rulebook + jurisdictions (+ verifier); empty: the rulebook's own
};

// Parses and compiles a rulebook. Fails (InvalidArgument, with the topic,
// rule or lexicon named in the message) on malformed YAML, an unknown lexicon
// reference, or a pattern RE2 rejects. With kSkip, examples() is empty and a
// malformed example is not noticed; everything else (hash() included: it is
// the whole file's) is as with kLoad.
foiamine::StatusOr<Rulebook> LoadRulebook(std::string_view yaml, RulebookExamples examples = RulebookExamples::kLoad);

namespace internal {
// The rulebook's YAML text without its examples: each topic's `examples:`
// block (topics.<topic>.examples) and the top-level `negatives:` block, each
// the line holding only that key (and maybe a comment) and every line after it
// that is blank, a comment, more indented than the key, or a "- " item at the
// key's own indentation (YAML's compact form of a sequence under a key). A key
// of that name anywhere else (a lexicon called "examples") stays.
std::string WithoutExamples(std::string_view yaml);
}  // namespace internal

}  // namespace foiamine::extractors
