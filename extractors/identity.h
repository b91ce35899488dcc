// Document identity: what a document is, from its manifest metadata or,
// failing that, inferred from its text.
#pragma once

#include <string>
#include <vector>

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
  IdentityField review;     // a past review / revision / reissue ("Revised: ...", "Reviewed ..."); never
                            // in the manifest. Evidence the document was still in force at that date.
  IdentityField review_due; // a scheduled review ("REVIEW DATE", "Next review") after the issue date:
                            // a plan, not proof of reissue
  IdentityField agency;     // as given, or inferred ("DOC", "MPD", "Urbana Police Department")
  IdentityField doc_kind;   // see DocumentMetadata::doc_kind
  IdentityField authority;  // law | policy | practice
  IdentityField jurisdiction;  // "DC", "US", "US-IL", "US-IL/Cook County"; see jurisdiction.h
};

// A reference the document makes to another document on its face
// ("Related To: GO-OPS-201.26", "SUPERSEDES: PS 4020.1E (June 4, 2018)").
// Such lines name other documents, so they never give the document its own
// number: they become relations.
struct DocumentRelation {
  // related_to | replaces | supersedes | rescinds | amends | modifies | see | references
  std::string kind;
  std::string number;  // the referenced number as printed ("GO-OPS-201.26"), "" when none is recognized
  std::string text;    // the rest of the line as printed ("GO-OPS-201.26 (Interactions with ...)")
  int page = 0;        // 1-based
};

// A date found on the document's face, with the words it came from.
struct DocumentDate {
  std::string kind;   // issued | effective | reviewed | review_due
  std::string date;   // ISO
  std::string words;  // the label and date as printed ("REVIEW DATE: September 15, 2023")
};

// Given metadata wins field by field; empty fields are inferred from the text
// (mostly its first page) and marked inferred. Dates are returned as ISO.
// With `jurisdictions`, laws of any jurisdiction are recognised from their
// text and the jurisdiction is inferred; without, only DC's cues are known
// and the jurisdiction stays as given.
DocumentIdentity InferIdentity(const DocumentInput& input, const Jurisdictions* jurisdictions = nullptr);

// The references to other documents on the first two pages, in text order.
std::vector<DocumentRelation> FindDocumentRelations(const std::vector<PageText>& pages);

// The dates printed on the first two pages, one per kind (the first found),
// as InferIdentity reads them (a review date after the given or printed issue
// date is review_due).
std::vector<DocumentDate> FindDocumentDates(const DocumentInput& input);

}  // namespace foiamine::extractors
