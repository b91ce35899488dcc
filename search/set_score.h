// `foiamine eval --set NAME`: one labeled set scored the way the acceptance
// checks score it (../shared/checks/lib/eval.py), broken down by topic,
// stance and document genre, with the misses and false clauses listed.
// bench/eval_sets.sh runs it on every labeled set (ARCHITECTURE "Measuring
// extraction").
//
// The rule (CONTRACTS "Ground-truth labels", as eval.py applies it):
//  * Binding stances only (restricts, requires, permits, reports), on both
//    sides; `mentions` is ignored.
//  * Documents are compared by file name (the last path component).
//  * Labels are taken in file order; each takes the first clause not yet
//    taken with the same document, page, topic and stance whose text
//    contains the label's quote, both normalized by NormalizeForScoring.
//  * A found clause that duplicates a taken one (same document and topic,
//    same normalized text) is not a false positive.
//  * Divergence pairs are keys (topic, law file name, practice file name);
//    found = the distinct keys of FindDivergences (agreements excluded).
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "search/clauses.h"
#include "search/diverge.h"

namespace foiamine {

// eval.py's norm(): lowercased, then only 0-9 a-z á é í ó ú ñ ü § kept
// (spaces, punctuation, hyphens and other letters dropped).
std::string NormalizeForScoring(std::string_view utf8);

// Section paths, as a label writes them and as foiamine cites them, brought to
// one form: a code's name before the number dropped ("CPL 145.05",
// "Exec. Law 319-a(1)"), case, "§", "Sec."/"Section" and "Art."/"Article"
// dropped, "Appendix"/"App." alike, and every "(x)" or space a part boundary
// ("9.24.010(A)(1)" and "9.24.010(A)1." both "9.24.010.a.1").
std::string NormalizeSectionPath(std::string_view path);
// Does a label's section name a numbered part (not "para.2", "memo (quoted)
// sent.1" or a heading's words)? Only those are compared.
bool IsNumberedSection(std::string_view label_section);
// The same part: equal once normalized, or one ends with the other at a
// part boundary ("A." under a one-section document cited "19.2-11.02(A)").
bool SectionPathsAgree(std::string_view label_section, std::string_view found_section);

// law | policy | agreement | practice, or "unknown". An agreement is a
// document whose kind mentions "agreement", "MOA" or "memorandum" (case
// ignored), whatever its authority; otherwise the authority when it is one
// of the four.
std::string GenreOf(const std::string& authority, const std::string& doc_kind);

// Counts behind a precision and a recall. A ratio with nothing to divide
// by is nullopt (printed "-", JSON null).
struct Tally {
  int found = 0;         // binding clauses found
  int found_right = 0;   // of them: matched a label, or duplicate a matched clause
  int labels = 0;        // binding labels
  int labels_found = 0;  // of them: matched by a clause
  std::optional<double> precision() const;
  std::optional<double> recall() const;
};

struct SetScore {
  std::string name;
  Tally clauses;
  std::map<std::string, Tally> by_topic, by_stance, by_genre;
  int pairs_found = 0, pairs_expected = 0, pairs_matched = 0;
  std::optional<double> pairs_precision() const;
  std::optional<double> pairs_recall() const;
  // One line each, e.g. "policy-414.pdf p.2 status_inquiry/restricts: shall not inquire".
  std::vector<std::string> missed, false_clauses, missed_pairs, false_pairs;
  // Of the labels matched whose section is a numbered part (IsNumberedSection):
  // how many the clause cites alike, and the others listed.
  int sections_compared = 0, sections_agree = 0;
  std::vector<std::string> section_mismatches;
};

// What one set is scored on; everything already read, so ScoreSet is pure.
struct SetInput {
  std::string name;
  std::vector<ClauseRecord> clauses;   // as ReadClauses returns them (its order matters: first match wins)
  std::vector<Divergence> pairs;       // FindDivergences; agreements are ignored
  std::vector<nlohmann::json> clause_labels, divergence_labels;
  std::map<std::string, std::string> genre_by_file;  // file name -> genre; absent: "unknown"
  std::optional<std::set<std::string>> only_files;   // a split: only these file names count
};
SetScore ScoreSet(const SetInput& input);

// Reads everything for one set: the index's clauses, pairs and document
// genres, and LABELS_DIR/{clauses,divergences,documents}.jsonl (clauses
// required; the others optional). Genres come from documents.jsonl when it
// has the file, else from the index's authority and doc_kind. `split`, when
// given, names a split of LABELS_DIR/../split.tsv (lines "doc_path<TAB>name"):
// only its documents are scored. Pairs are found as `diverge` finds them,
// with `jurisdictions` (null: by jurisdiction codes only).
StatusOr<SetInput> ReadSetInput(IndexReader& index, const std::string& name, const std::string& labels_dir,
                                const std::string& split = "",
                                const extractors::Jurisdictions* jurisdictions = nullptr);

// The file names of split `name` in a split.tsv; InvalidArgument when none.
StatusOr<std::set<std::string>> ReadSplit(const std::string& tsv_path, const std::string& name);

// A table for people; `verbose` lists every miss and false clause (else
// the first few and a count).
void PrintSetScore(const SetScore& score, bool verbose, std::ostream& out);
// One JSON line (no newline): set, clauses, pairs, by_topic, by_stance,
// by_genre, each with counts and P/R; the misses counted.
std::string SetScoreJson(const SetScore& score);

}  // namespace foiamine
