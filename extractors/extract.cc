#include "extractors/extract.h"

#include <re2/re2.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

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

// Whether a headline and the sentence made of it are the same words, whatever their punctuation, quotes, case or
// line breaks: letters and digits (and any non-ASCII byte) compared in order, ASCII case folded.
bool SameWords(std::string_view a, std::string_view b) {
  const auto next = [](std::string_view s, size_t& i) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i])) && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i < s.size() ? std::tolower(static_cast<unsigned char>(s[i++])) : -1;
  };
  size_t i = 0, j = 0;
  for (;;) {
    const int x = next(a, i), y = next(b, j);
    if (x != y) return false;
    if (x < 0) return true;
  }
}

// A document's own title, a line of its own on its first page ("Ypsilanti won't ask about immigration status under
// new ordinance", "Jail Data Shows Kootenai County Honors ICE Detainers"), names the document: it binds and reports
// nothing, whether it heads the page or a story's lead paragraphs run above it. Its clauses mention their topic. (A
// sentence that ends as one, or a page that is nothing but it, is the document's text, whatever title was inferred
// from it.)
void TitleMentions(const std::string& title, const std::vector<PageText>& pages, std::vector<Clause>& clauses) {
  if (title.size() < 12 || pages.empty() || pages.front().text.size() < title.size() + 40) return;
  for (Clause& c : clauses) {
    if (c.page != 1) continue;
    const size_t last = c.text.find_last_not_of(" \t\r\n\"'");
    const bool ends_sentence = last != std::string::npos && std::string_view(".;:!?").find(c.text[last]) != std::string_view::npos;
    if (!ends_sentence && SameWords(c.text, title)) c.stance = Stance::kMentions;
  }
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
  TitleMentions(x.identity.title.value, input.pages, x.clauses);
  // Last, so that it sees each clause as the index will store it (as it was trained).
  if (const ClauseVerifier* verifier = rulebook.verifier()) verifier->Revise(x.identity.authority.value, x.clauses);
  x.citations = FindCitations(input.pages);
  return x;
}

std::vector<Section> FindSections(const DocumentInput& input) {
  return internal::DocumentLayout(input.pages, input.sections).sections();
}

}  // namespace foiamine::extractors
