// The extract stage: runs the extractors (sections, clauses, citations,
// document identity) over a document's normalized pages and prepares what
// the index stores: clause ids, boxes on the page, citation strings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/bates.h"
#include "extractors/exemptions.h"
#include "extractors/extract.h"
#include "extractors/rulebook.h"
#include "pipeline/normalize.h"
#include "pipeline/page.h"
#include "base/status.h"

namespace foiamine {

// Where the rulebook is read from, first match wins: `explicit_path`, the
// FOIAMINE_RULEBOOK environment variable, schemas/rulebook.yaml of the source
// tree this binary was built from, /usr/share/foiamine/rulebook.yaml. Editing
// that file changes extraction on the next run without recompiling.
std::string ResolveRulebookPath(const std::string& explicit_path);
// Reads and compiles a rulebook file (errors name the file), with the
// jurisdictions file (ResolveJurisdictionsPath) and the clause verifier
// (ResolveClauseVerifierPath) attached: the extract stage's version then
// covers all three.
StatusOr<extractors::Rulebook> LoadRulebookFile(const std::string& path);

// Where the trained clause verifier (extractors/clause_verifier.h) is read
// from, first match wins: the FOIAMINE_CLAUSE_VERIFIER environment variable
// ("none": no verifier, the rules alone), schemas/clause_verifier.tsv of the
// source tree, /usr/share/foiamine/clause_verifier.tsv.
std::string ResolveClauseVerifierPath();

// Where jurisdictions.yaml is read from, first match wins: the
// FOIAMINE_JURISDICTIONS environment variable, schemas/jurisdictions.yaml of
// the source tree, /usr/share/foiamine/jurisdictions.yaml.
std::string ResolveJurisdictionsPath();
StatusOr<extractors::Jurisdictions> LoadJurisdictionsFile(const std::string& path);

// A clause ready for the index.
struct StoredClause {
  std::string id;  // stable: derived from doc sha256, page, char_start, topic
  extractors::Clause clause;
  std::optional<Box> box;  // union of its words' boxes on its page
  // One per clause.parts (the one on the clause's page is `box`): where a
  // sentence crosses a page break, the union of its words on each page it is
  // printed on.
  std::vector<std::optional<Box>> part_boxes;
  std::string citation;    // "DOC PS 4020.1F § 9.a.(b), p. 4"
};

// The extract stage's version: the rulebook's hash plus the version of the
// extraction code whose output the index stores beyond the rulebook's
// (identity, relations, dates, Bates stamps, clause parts and transcript
// lines). Changing either re-extracts
// every indexed document on the next run.
inline constexpr const char* kExtractCodeVersion = "identity-2/bates-1/parts-2/exemptions-1";
std::string ExtractStageVersion(const extractors::Rulebook& rulebook);

// Where exemptions.yaml is read from, first match wins: the
// FOIAMINE_EXEMPTIONS environment variable, schemas/exemptions.yaml of the
// source tree, /usr/share/foiamine/exemptions.yaml.
std::string ResolveExemptionsPath();
// The exemption schemes of this process, read once (the first call reads
// the file; LoadRulebookFile makes that call, so a broken file stops a run
// before it starts). Null when the file could not be read; the status says why.
const extractors::ExemptionSchemes* ExemptionSchemesInUse(Status* status = nullptr);

// An exemption code on a page, for the index (schemas/index.sql, exemption_codes).
struct PageExemption {
  int page_no = 0;
  extractors::ExemptionCode code;
  int char_start = 0, char_end = 0;  // code points in the page's text
  std::optional<Box> box;            // union of its words' boxes
};

// A page's Bates stamp, for the index.
struct PageBates {
  int page_no = 0;
  extractors::BatesStamp stamp;
};

struct ExtractedDocument {
  extractors::DocumentIdentity identity;
  std::vector<extractors::DocumentRelation> relations;  // references to other documents on its face
  std::vector<extractors::DocumentDate> dates;          // dates on its face, with their words
  std::vector<PageBates> bates;                         // pages with a Bates stamp, in page order
  std::vector<extractors::Section> sections;
  std::vector<StoredClause> clauses;
  std::vector<extractors::Citation> citations;
  std::vector<PageExemption> exemptions;                // FOIA exemption codes, in page order
  std::string rulebook_hash;  // the stage version: ExtractStageVersion()
};

// One page as the extract stage sees it: its normalized text and the boxes
// of its words with their spans in that text (no boxes for plain text).
struct PageForExtraction {
  int page_no = 0;
  std::string text;
  std::vector<std::pair<Span, Box>> word_boxes;
  bool redacted = false;  // the page carries redaction boxes (exemption codes' context)
};

// Known metadata (manifest) in; `display_path` names the document in a
// citation when it has neither number nor title. `explicit_sections`: when
// non-empty (official law XML), used instead of inferring sections.
ExtractedDocument RunExtractStage(const extractors::Rulebook& rulebook, const std::string& doc_sha256,
                                  const std::string& display_path, const extractors::DocumentMetadata& known,
                                  const std::vector<PageForExtraction>& pages,
                                  const std::vector<extractors::Section>& explicit_sections = {});

// The title inferred for a document that has none given or extracted: its
// PDF's own title when it looks like one, else the first line of its text
// with at least four letters, capped at 160 characters.
std::string InferTitle(const std::vector<NormalizedPage>& pages, const std::string& pdf_title);

// Builds PageForExtraction from the text stage's pages and their normalization.
std::vector<PageForExtraction> PagesForExtraction(const std::vector<SourcePage>& pages,
                                                  const std::vector<NormalizedPage>& normalized);

}  // namespace foiamine
