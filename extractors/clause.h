// Clause: a sentence (or list item) that speaks to one rulebook topic, with
// the stance it takes and the actor it binds.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foiamine::extractors {

enum class Stance {
  kRestricts,  // "shall not", "may not", "no member shall", "no deberá"
  kRequires,   // "shall", "must", "should", "will notify", "deberá"
  kPermits,    // "may", "is authorized to", "nothing ... shall prohibit"
  kReports,    // a described act: "the night clerk emailed ERO the list"
  kMentions,   // on topic, but neither a rule nor a reported act
};

// "restricts" | "requires" | "permits" | "reports" | "mentions".
std::string_view StanceName(Stance stance);
// Inverse of StanceName; nullopt for an unknown name.
std::optional<Stance> ParseStance(std::string_view name);

// A span of code point offsets [start, end) in one page's text.
struct Span {
  int start = 0;
  int end = 0;
};

// The part of a clause printed on one page. A sentence that runs across a
// page break has one part per page; an exhibit boxes the words of each.
struct ClausePart {
  int page = 0;        // 1-based
  int char_start = 0;  // code point offsets in that page's text
  int char_end = 0;
  // Transcripts: the printed margin numbers of the first and last line the
  // part covers (pin cites "Tr. 2:6-7"); 0 when the page has no numbered
  // lines.
  int first_line = 0;
  int last_line = 0;
};

// One clause found in a document.
//
// Identity: (page, char_start, topic) is unique within a document and the
// same on every run over the same text and rulebook, so the pipeline can
// derive a stable id from doc_sha256 + page + char_start + topic.
//
// Page breaks: `page` is the page the clause is cited on and [char_start,
// char_end) are offsets in that page's text. A sentence printed on one page is
// cited there. One printed across a page break (`crosses_page_break` set;
// `text` holds the whole sentence, its parts joined with one space) is cited
// on the page that holds its decisive words, the rule's anchor and the stance
// cue, as a reader quotes it; else on the page that holds most of it.
// [char_start, char_end) is then its part on that page: from the sentence's
// start or the page's first body line, to the sentence's end or the page's
// last body line. `parts` holds the span on every page it is printed on, in
// page order (the part on `page` is char_start / char_end).
//
// Transcripts: the margin line numbers are not in `text` (nor in any span);
// `parts` carry the printed lines, and `section` is "line N", N the printed
// line holding the rule's anchor term (the words a quote is about; the line
// where the sentence starts when the anchor is on a later page).
struct Clause {
  std::string topic;      // rulebook topic, e.g. "release_notification"
  Stance stance = Stance::kMentions;
  std::string actor;      // "DOC", "MPD", "District", ... ("" when unknown)
  int page = 0;           // 1-based
  std::string section;    // section path, "" when outside any section
  int char_start = 0;
  int char_end = 0;
  bool crosses_page_break = false;
  std::string text;       // the sentence / list item, lines joined by spaces
  std::vector<ClausePart> parts;  // its span on each page, in order (never empty)
  // Decisive words, offsets in the page's text (same page as char_start):
  // stance_cue is the modal/negation that set the stance (start == end when
  // the stance came from a list lead-in or is "mentions"); topic_cue is the
  // rule's anchor term (e.g. "notify").
  Span stance_cue;
  Span topic_cue;
  std::string rule;       // rule id, e.g. "release_notification/notify_agency_release"
  double confidence = 0;  // 0..1
};

}  // namespace foiamine::extractors
