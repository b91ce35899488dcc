#include "extractors/extract.h"

#include "extractors/clause_matcher.h"
#include "extractors/layout.h"
#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors {

Extraction ExtractDocument(const Rulebook& rulebook, const DocumentInput& input) {
  Extraction x;
  x.identity = InferIdentity(input);
  internal::DocumentLayout layout(input.pages, input.sections);
  x.sections = layout.sections();
  const std::string actor = internal::NormalizeAgency(rulebook.compiled(), x.identity.agency.value);
  x.clauses = internal::MatchClauses(rulebook.compiled(), layout, actor, x.identity.authority.value);
  x.citations = FindCitations(input.pages);
  return x;
}

std::vector<Section> FindSections(const DocumentInput& input) {
  return internal::DocumentLayout(input.pages, input.sections).sections();
}

}  // namespace foiamine::extractors
