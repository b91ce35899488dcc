// Document identity: what a document is, from its manifest metadata or,
// failing that, inferred from its text.
#pragma once

#include <string>

#include "extractors/document_text.h"
#include "extractors/jurisdiction.h"

namespace foiamine::extractors {

// One identity field. `inferred` is true when the value was taken from the
// text rather than from the given metadata.
struct IdentityField {
  std::string value;  // "" = unknown
  bool inferred = false;
};

struct DocumentIdentity {
  IdentityField title;
  IdentityField number;     // "General Order 201.26", "Program Statement 4020.1F", "EO-25-014"
  IdentityField issued;     // ISO dates (YYYY-MM-DD)
  IdentityField effective;
  IdentityField review;     // review / revision date; never in the manifest
  IdentityField agency;     // as given, or inferred ("DOC", "MPD", "Urbana Police Department")
  IdentityField doc_kind;   // see DocumentMetadata::doc_kind
  IdentityField authority;  // law | policy | practice
  IdentityField jurisdiction;  // "DC", "US", "US-IL", "US-IL/Cook County"; see jurisdiction.h
};

// Given metadata wins field by field; empty fields are inferred from the text
// (mostly its first page) and marked inferred. Dates are returned as ISO.
// With `jurisdictions`, laws of any jurisdiction are recognised from their
// text and the jurisdiction is inferred; without, only DC's cues are known
// and the jurisdiction stays as given.
DocumentIdentity InferIdentity(const DocumentInput& input, const Jurisdictions* jurisdictions = nullptr);

}  // namespace foiamine::extractors
