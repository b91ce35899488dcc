// The divergence report's outputs: text (a terminal), JSON Lines (the
// Divergence record of CONTRACTS.md, exactly), CSV (one row per pair) and
// HTML (one self-contained file: inline CSS, no network, a table of contents
// by topic, printable). The pairs come from FindDivergences (diverge.h).
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "search/diverge.h"

namespace foiamine {

// A clause's sentence cut into runs by the decisive words it contains: the
// stance cue ("shall not") and the topic cue ("notify"), as stored. Offsets
// of the cues are code points of the page text; they are mapped into the
// clause text (which starts at char_start). A cue outside the sentence (a
// stance inherited from a list lead-in) marks nothing.
struct MarkedRun {
  std::string text;
  bool stance = false, topic = false;
};
std::vector<MarkedRun> MarkClause(const ClauseRecord& clause);
// The clause text with marks around the decisive words: stance words in
// `stance_open`..`stance_close`, topic words in `topic_open`..`topic_close`.
// Marks are well-formed whatever the spans: they nest (the longer span
// outside, the stance when both are the same words: "**was __held__**"),
// spans that cross are split so that they still nest, spans that touch are
// marked one after the other, empty spans mark nothing and spans reaching
// past the clause text are clipped to it. `escape` (e.g. HTML escaping), when
// set, applies to the text between the marks, never to the marks.
// "issued 2019-03-01, effective 2019-04-01, reviewed 2023-09-15" (or
// "undated"); `review_word` names the review date ("reviewed").
std::string DocumentDates(const ClauseRecord& clause, const char* review_word = "reviewed");
// "text layer", or "OCR, confidence 85; quote as OCR read it[: |-247A (reads I-247A)]".
std::string ExtractionMethod(const ClauseRecord& clause);
// "page 4", or for a sentence printed across a page break "page 1 (continues on p. 2)".
std::string PagesOf(const ClauseRecord& clause);

struct MarkStyle {
  std::string stance_open, stance_close, topic_open, topic_close;
  std::function<std::string(const std::string&)> escape;
};
std::string MarkedText(const ClauseRecord& clause, const MarkStyle& style);
std::string MarkedText(const ClauseRecord& clause, const std::string& stance_open, const std::string& stance_close,
                       const std::string& topic_open, const std::string& topic_close);

struct ReportOptions {
  bool color = false;        // text: ANSI bold/underline instead of ** and __ marks
  std::string source;        // e.g. the index path, named in the heading
  // HTML caption (each shown when not empty): title (else a default), who
  // prepared it, when it was generated, the index's content digest.
  std::string title, prepared_by, generated, digest;
};

// Text: grouped by topic with counts; each pair shows both sides fully.
// Pairs with agreement=true are listed after the divergences of each topic.
void WriteDivergenceText(const std::vector<Divergence>& pairs, const ReportOptions& options, std::ostream& out);
// The agency x topic matrix as a text table, each non-empty cell referring
// by a number to the clause ids (and citations) behind it.
void WriteMatrixText(const Matrix& matrix, const std::vector<ClauseRecord>& clauses, std::ostream& out);
// JSON Lines: one Divergence record per pair (agreements, when present, have
// the same shape; their practice side's stance is "restricts").
void WriteDivergenceJson(const std::vector<Divergence>& pairs, std::ostream& out);
// CSV (RFC 4180: fields quoted when they hold a comma, quote or line break;
// quotes doubled), a header row, then one row per pair. A field that starts
// with = + - @, tab or CR gets a leading apostrophe so that no spreadsheet
// runs it as a formula (text quoted from a hostile document).
void WriteDivergenceCsv(const std::vector<Divergence>& pairs, std::ostream& out);
std::string CsvField(const std::string& value);
// HTML: one self-contained page — TOC by topic, the matrix (cells link to
// the clauses), the pairs, and every referenced clause with an anchor.
void WriteDivergenceHtml(const std::vector<Divergence>& pairs, const Matrix& matrix,
                         const std::vector<ClauseRecord>& clauses, const ReportOptions& options, std::ostream& out);

}  // namespace foiamine
