#include "extractors/extract.h"

#include <re2/re2.h>

#include <cctype>

#include "extractors/actor_names.h"
#include "extractors/clause_matcher.h"
#include "extractors/layout.h"
#include "extractors/rulebook_compiled.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors {
namespace {

// Does the title or any page hold a word of immigration enforcement (the rulebook's immigration_documents)? A document that
// never does (the Interstate Agreement on Detainers, a jail's consular-notification order) states no clause on
// cooperation with immigration enforcement, whatever "detainer", "hold" or "release" it says.
bool SpeaksOfImmigration(const Rulebook::Compiled& rules, const DocumentInput& input) {
  if (rules.immigration_documents.empty()) return true;
  // (a manifest's title counts: "ICE detainer log, June 2023")
  for (const auto& re : rules.immigration_documents)
    if (RE2::PartialMatch(input.metadata.title, *re)) return true;
  for (const PageText& page : input.pages)
    for (const auto& re : rules.immigration_documents)
      if (RE2::PartialMatch(page.text, *re)) return true;
  return false;
}

}  // namespace

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
  if (SpeaksOfImmigration(rulebook.compiled(), input))
    x.clauses = internal::MatchClauses(rulebook.compiled(), layout, actor, x.identity.authority.value, scope);
  x.citations = FindCitations(input.pages);
  return x;
}

std::vector<Section> FindSections(const DocumentInput& input) {
  return internal::DocumentLayout(input.pages, input.sections).sections();
}

}  // namespace foiamine::extractors
