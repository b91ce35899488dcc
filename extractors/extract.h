// The extraction façade: one pure function from a document's normalized text
// (+ metadata) to everything the index stores about its content.
#pragma once

#include <vector>

#include "extractors/citation.h"
#include "extractors/clause.h"
#include "extractors/document_text.h"
#include "extractors/identity.h"
#include "extractors/rulebook.h"
#include "extractors/section.h"

namespace foiamine::extractors {

struct Extraction {
  DocumentIdentity identity;
  std::vector<Section> sections;    // document order
  std::vector<Clause> clauses;      // ordered by (page, char_start, topic)
  std::vector<Citation> citations;  // ordered by (page, char_start)
};

// Pure and deterministic: the same input and rulebook give the same output.
// No I/O. REQUIRES: input.pages in page order, texts normalized as described
// in document_text.h.
Extraction ExtractDocument(const Rulebook& rulebook, const DocumentInput& input);

// The sections only (what ExtractDocument returns in `sections`).
std::vector<Section> FindSections(const DocumentInput& input);

}  // namespace foiamine::extractors
