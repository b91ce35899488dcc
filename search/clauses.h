// `foiamine clauses` and `foiamine eval`: the clauses found, and how they
// score against ground-truth labels (CONTRACTS.md).
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/ocr_readings.h"
#include "index/reader.h"
#include "base/status.h"

namespace foiamine {

// The Clause record of CONTRACTS.md (plus "bates", the page's Bates stamp or
// null).
struct ClauseRecord {
  std::string id, doc_sha256, doc_path, doc_title, doc_number, authority;
  int page = 0;
  std::string section, topic, stance, actor, text;
  int char_start = 0, char_end = 0;
  std::optional<std::array<double, 4>> bbox;  // x0, y0, x1, y1 in PDF points, top-left origin
  std::string method;                         // text | ocr
  std::optional<double> ocr_confidence;
  std::string rule, citation;
  // Beyond the contract, for reports: the stance cue span and the topic cue
  // span (code point offsets in the page text, like char_start; -1 when not
  // stored), and the document's agency, kind and dates.
  int cue_start = -1, cue_end = -1;
  int topic_cue_start = -1, topic_cue_end = -1;
  std::string agency, doc_kind, issued, effective;
  std::string review;      // a past review / reissue printed on the document
  std::string review_due;  // a scheduled review: not evidence the document was reissued
  std::string bates;       // the Bates stamp of the clause's page, "" when none
  // For OCR text: damaged known tokens in `text` and their readings
  // ("|-247A" reads "I-247A"); the quote itself stays as OCR read it.
  std::vector<extractors::OcrReading> ocr_readings;
  std::string jurisdiction;  // the document's ("DC", "US-IL/Cook County"); in the JSON record
  // Where the sentence is printed, one part per page (table clause_parts;
  // a clause with no rows there is the one part its own row describes, as
  // is every clause of an index older than schema version 3). Transcript
  // parts carry their printed margin lines (0 elsewhere).
  struct Part {
    int page = 0, char_start = 0, char_end = 0;
    int first_line = 0, last_line = 0;
    std::optional<std::array<double, 4>> bbox;
  };
  std::vector<Part> parts;
};

struct ClauseFilter {
  std::string topic, stance, authority, id;
  std::vector<std::string> ids;  // any of these ids (with `id`, neither filters alone: both apply)
};

StatusOr<std::vector<ClauseRecord>> ReadClauses(IndexReader& index, const ClauseFilter& filter);

// One JSON line per the contract.
std::string ClauseJson(const ClauseRecord& clause);
// The same record as an object (keys in the contract's order), for records
// that embed clauses (the search hit).
nlohmann::ordered_json ClauseJsonObject(const ClauseRecord& clause);

// Whitespace folded to single spaces, ASCII letters lowercased: the
// label-matching rule of CONTRACTS.md ("quote occurs in the found text").
std::string FoldForMatching(const std::string& text);

// A JSON Lines labels file (corpus/labels/*.jsonl): one object per non-blank
// line. NotFound when it cannot be read; Corrupt, naming file:line, for a
// line that is not a JSON object.
StatusOr<std::vector<nlohmann::json>> ReadLabelLines(const std::string& path);

// Scores clauses against labels: a clause matches a label when doc_path,
// page, topic and stance are equal and the label's quote occurs in the
// clause text (whitespace folded, case ignored).
struct TopicScore {
  int found = 0, expected = 0, true_positives = 0, labels_matched = 0;
  double precision() const { return found ? static_cast<double>(true_positives) / found : 1.0; }
  double recall() const { return expected ? static_cast<double>(labels_matched) / expected : 1.0; }
};
struct EvalReport {
  std::map<std::string, TopicScore> by_topic;
  TopicScore overall;
  std::vector<std::string> missed;      // labels no clause matched, as "doc_path p.N topic stance: quote"
  std::vector<std::string> unexpected;  // clauses matching no label
};
StatusOr<EvalReport> EvaluateClauses(const std::vector<ClauseRecord>& clauses, const std::string& labels_jsonl_path);
void PrintEvalReport(const EvalReport& report, bool verbose, std::ostream& out);

}  // namespace foiamine
