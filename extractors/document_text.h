// The input contract of the extractors: a document's normalized page texts
// plus the metadata the pipeline knows (from a manifest), if any.
#pragma once

#include <string>
#include <vector>

#include "extractors/section.h"

namespace foiamine::extractors {

// One page of normalized text, as produced by the pipeline's normalize stage.
//
// `text` is UTF-8 in NFKC with: curly quotes -> straight ' and ", every dash
// -> '-', soft hyphens removed, words hyphenated at a line end joined, runs of
// spaces folded to one. '\n' separates printed lines (line structure is kept
// so numbering at a line start stays visible); "\n\n" marks a large vertical
// gap. Running headers, footers and page numbers are still present; the
// extractors keep them out of section paths and sentences.
// Every offset the extractors report is a Unicode code point offset into
// `text`.
struct PageText {
  int page_no = 0;  // 1-based
  std::string text;
};

// What the pipeline knows about a document before reading it (manifest
// columns, see CONTRACTS.md). Empty string = unknown.
struct DocumentMetadata {
  std::string title;
  std::string number;     // "GO-OPS-201.26", "PS 4020.1F", "D.C. Code § 24-211.07"
  std::string agency;     // "DOC", "MPD", "Metropolitan Police Department", ...
  std::string doc_kind;   // statute|council_record|mayors_order|jail_policy|police_order|correspondence|log|other
  std::string authority;  // law|policy|practice
  std::string issued;     // ISO date
  std::string effective;  // ISO date
  std::string jurisdiction;  // "DC", "US", "US-CA", "US-IL/Cook County"
};

struct DocumentInput {
  DocumentMetadata metadata;
  std::vector<PageText> pages;  // in page order
  // Optional explicit structure (e.g. from official law XML, see
  // dc_law_xml.h). When non-empty it is used as is and section numbering is
  // not inferred from the text; every clause gets the innermost section
  // containing its start.
  std::vector<Section> sections;
};

}  // namespace foiamine::extractors
