// Internal to extractors: rulebook clauses over a laid-out document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/clause.h"
#include "extractors/jurisdiction.h"
#include "extractors/layout.h"
#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {

// Every clause in the layout's units (headings and questions excluded).
// `default_actor` replaces "{agency}" in actor cues and is the actor when no
// cue applies. `authority` (law|policy|practice|"") decides what an uncued
// clause is: in practice documents (logs, emails, testimony) a described
// act, "reports"; in law and policy "mentions" (reports cues are not used);
// unknown: reports cues decide.
// `scope` (the document's jurisdiction, jurisdiction.h) replaces the
// rulebook's `law_actor` when it names one and drops actor cues of other
// jurisdictions' agencies (DC's DOC in a California statute).
std::vector<Clause> MatchClauses(const Rulebook::Compiled& rules, const DocumentLayout& layout,
                                 const std::string& default_actor, const std::string& authority,
                                 const ActorScope& scope = {});

}  // namespace foiamine::extractors::internal
