#include "extractors/extract.h"

#include <cctype>

#include "extractors/actor_names.h"
#include "extractors/clause_matcher.h"
#include "extractors/layout.h"
#include "extractors/rulebook_compiled.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors {
Extraction ExtractDocument(const Rulebook& rulebook, const DocumentInput& input) {
  Extraction x;
  const Jurisdictions* jurisdictions = rulebook.jurisdictions();
  x.identity = InferIdentity(input, jurisdictions);
  internal::DocumentLayout layout(input.pages, input.sections);
  x.sections = layout.sections();
  const ActorScope scope = jurisdictions ? ActorScopeOf(*jurisdictions, x.identity.jurisdiction.value) : ActorScope{};
  std::string actor = internal::NormalizeAgency(rulebook.compiled(), x.identity.agency.value);
  // "Department of Corrections" in a California document is not DC's DOC.
  if (scope.foreign_actors.count(internal::AsciiLower(actor))) actor = x.identity.agency.value;
  x.clauses = internal::MatchClauses(rulebook.compiled(), layout, actor, x.identity.authority.value, scope);
  x.citations = FindCitations(input.pages);
  return x;
}

std::vector<Section> FindSections(const DocumentInput& input) {
  return internal::DocumentLayout(input.pages, input.sections).sections();
}

}  // namespace foiamine::extractors
