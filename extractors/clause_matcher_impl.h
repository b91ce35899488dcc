// Internal to clause_matcher: the matcher's per-document state and steps,
// split over clause_matcher.cc (units, cues, stance, actors, emission),
// clause_context.cc (the text a rule's terms may come from beyond the unit,
// and the scopes that define terms), clause_lead_ins.cc (what list lead-ins and cross-references hand to other
// units once every unit has been matched) and clause_answers.cc (questions
// answered with a bare "No.").
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/clause_matcher.h"
#include "extractors/cross_reference.h"
#include "extractors/cue_scan.h"
#include "extractors/document_phrases.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal::matching {

using Compiled = Rulebook::Compiled;

using Hit = CueHit;

// Per-unit analysis, computed on demand and cached (lead-ins are shared by
// their items).
struct UnitInfo {
  bool folded_done = false;
  bool verbatim = false;  // the folded text is the unit's own bytes (nothing folded or repaired)
  bool done = false;  // cues, scopes and actors analysed
  FoldedText folded;
  std::vector<Hit> modal;
  std::vector<Hit> reports;
  std::vector<Hit> imperative;
  std::vector<Hit> habitual;
  std::vector<size_t> cuts;  // segment starts (folded offsets), first is 0
  size_t condition_end = std::string::npos;  // LeadingConditionEnd of the folded text
  std::optional<std::pair<size_t, size_t>> taken_up;  // MainClauseTakesUp of the folded text
  std::vector<std::pair<size_t, std::string>> actors;  // folded offset, actor
  // Asked of every candidate in the unit, so found once (-1: not yet asked).
  int8_t explains = -1;    // an explanation cue (a definition, a court's ruling)
  int8_t elaborates = -1;  // opens by elaborating the sentence before it (StartsWithElaboration)
  int8_t background = -1;  // a background cue here or in its lead-in (another law retold)
  int8_t summary = -1;     // a summary cue here or in its lead-in (a bill's digest)
  int8_t glossary = -1;    // opens with a glossary entry or a definition (GlossaryEntry)
  std::optional<std::string> paragraph_before;  // EarlierInParagraph's text, once asked ("" when there is none)
  std::optional<std::optional<Stance>> heading_stance;  // HeadingStance(ui), once asked
};

struct Candidate {
  std::string rule;
  double confidence = 0;
  Stance stance = Stance::kMentions;
  bool inherited = false;
  bool fallback = false;
  bool retold = false;  // a bill's summary or another law retold: it mentions, whatever stance a rule fixes
  size_t segment = 0;
  Hit anchor;
  std::optional<Hit> cue;  // folded offsets in this unit
  std::string actor;
};

class Matcher {
 public:
  Matcher(const Compiled& rules, const DocumentLayout& layout, const std::string& default_actor, const std::string& authority, const ActorScope& scope);

  std::vector<Clause> Run();

 private:
  std::string_view UnitText(size_t ui) const;

  UnitInfo& Folded(size_t ui);

  UnitInfo& Info(size_t ui);

  // Text a rule's non-anchor terms may come from: the chain of list
  // lead-ins and the headings of the enclosing sections.
  std::string Context(size_t ui);

  // The sentence before a unit (or its topmost lead-in) that opens by
  // elaborating it ("Specifically, ...", "The prohibition ... shall
  // include:"), folded; "" when it does not. Only a rule's last term (its
  // subject matter) may come from there.
  std::string_view ElaboratedSentence(size_t ui);

  // Transcripts: each speaker's turn (actor_names.h, SpeakerTurns), found once.
  const std::vector<std::pair<size_t, std::string>>& Speakers();

  // Transcripts: the agency of the speaker whose turn holds stream byte
  // `pos` (actor_names.h); "" when unknown.
  std::string SpeakerActor(size_t pos);

  // Transcripts: the question the turn holding unit `ui` answers, when the
  // unit is not the turn's first (the unit right before a turn is its
  // question, if it asks one); -1 otherwise.
  int AnsweredQuestion(size_t ui);

  // Transcripts and interviews: the unit right after question `q` when it answers with a bare "No." or "We do not."
  // in a turn of its own; -1 otherwise (clause_answers.cc). Such a question is matched as what the answer reports.
  int BareAnswerTo(size_t q);
  // A candidate found in a question unit, as the bare answer `answer` tells it: a report, by the answering speaker.
  void AsAnswered(Candidate& c, size_t answer);

  // An actor of another jurisdiction (DC's DOC in a California document).
  bool Foreign(const std::string& actor) const;

  // The folded text of the unit before `ui` when it is in the same section
  // or is a sibling item of the same list; "" otherwise.
  std::string_view PreviousUnit(size_t ui);
  // Whether `re` matches the text of the three units before `ui` in its paragraph (and section), read as one: the
  // agents a log's entry or a news paragraph named two sentences back ("Two ICE ERO officers ... arrived and requested
  // escort to NW-1 ... No consent form on file. Officers were informed that entry to the housing unit is not
  // permitted"). False where only the unit before is there (PreviousUnit's).
  bool EarlierInParagraph(size_t ui, const RE2& re);
  bool ContrastBetween(const UnitInfo& info, size_t from, size_t to) const;
  // Whether `re` matches a unit before `ui` in its section (the same section, a sibling under the same parent, or an
  // enclosing one), back to the nearest heading (rule context `section`).
  bool EarlierInSection(size_t ui, const RE2& re);
  // The nearest correspondence header line ("TO: ...") above unit `ui`, folded; "" when none.
  std::string_view NearestAddressee(size_t ui);

  // Correspondence header lines ("TO: ...") in stream order, folded.
  const std::vector<std::pair<size_t, std::string>>& Addressees();

  // `scope: segment` rules: every other all_of term in the anchor's
  // negation scope, or in the context.
  bool InScope(size_t ui, const Compiled::Rule& rule, size_t anchor_start, std::string& context, bool& context_built);

  // Is `pos` inside a scope that defines a term ("\"Detainer\" means ...")? A modal sentence of a glossary's entry that names no term states a rule.
  bool InDefinition(size_t ui, const UnitInfo& info, size_t pos);

  // Is the unit inside a section headed "Definitions" (or the like)?
  bool InDefinitionSection(size_t ui);
  // Is the unit in a section that tells what happened, its caption "What happened", "Incident", "Review" ...: a
  // memorandum that tells an incident and then restates the rules reports in that part (clause_context.cc).
  bool InNarrativeSection(size_t ui);
  bool GlossaryEntry(size_t ui);

  size_t SegmentOf(const UnitInfo& info, size_t pos) const;

  // The stance a lead-in hands down to its items: its last modal cue, or
  // its own lead-in's.
  std::optional<Stance> LeadInStance(int li);
  std::optional<Stance> HeadingStance(size_t ui);
  bool Explains(size_t ui);
  bool CuedHereOrInLeadIn(size_t ui, const Rulebook::Compiled::CueList& cues, int8_t UnitInfo::*cache);
  bool RetellsBackground(size_t ui);
  bool SummarizesBill(size_t ui);

  Candidate Decide(size_t ui, Hit anchor);

  Span ToSpan(size_t ui, int page_idx, size_t folded_start, size_t folded_end);

  bool SkippedUnit(const std::string& folded) const;  // ruled out by skip_units, whatever it mentions

  // Does the lead-in end by introducing conditions, exceptions or purposes
  // ("unless:", "for any lawful purpose, including:")?
  bool IsConditionLeadIn(size_t lead);

  // Is the lead-in, or one above it, a condition's? Items that complete a condition ("an individual who: (1) is an alien
  // illegally present ...", "except: (a) where ...") or list the purposes a
  // permission serves ("for any lawful purpose, including: (1) determining
  // ...") are not acts of their own: the lead-in stays the clause. The
  // condition may be stated a level up: "may comply only if: ... (2) The
  // individual sought to be detained: (A) Is 18 years of age or older".
  bool UnderConditionLeadIn(int lead);

  // A lead-in may hold a rule's anchor and its items the rest ("may not
  // enter into ... an agreement for either of the following: (1) To exercise
  // federal civil immigration authority ...; (2) To detain ... individuals
  // in the custody of a federal immigration authority"): each item that
  // completes the rule is a clause of the topic, in the lead-in's stance,
  // and it outranks the item's mere mention of the topic.
  void CompleteLeadInTopics(std::vector<Clause>& clauses);

  // A unit that lifts or limits another provision's duty ("is not required to
  // perform a duty imposed by Subsection (a)") speaks, in its own stance, to
  // the topics of that provision's clauses (cross_reference.h).
  void ReferencedTopics(std::vector<Clause>& clauses);
  // FindProvisionReference in the unit's folded text.
  std::optional<ProvisionReference> ProvisionReferenceIn(size_t ui);

  // Removes the clauses marked in `drop` (one flag per clause, or fewer: the rest are kept), keeping emitted_unit_ in step.
  void DropClauses(const std::vector<bool>& drop, std::vector<Clause>& clauses);

  // A list lead-in that speaks to a topic ("may exchange information with
  // ICE ... in order to: (a) ...; (b) ...") hands the topic to its items that
  // speak to no topic of their own, as it hands them its modality: the items
  // are the clauses a lawyer cites, so the lead-in's own clause of that topic
  // gives way to them (labels follow the same convention).
  void CarryLeadInTopics(std::vector<Clause>& clauses);
  // Does the rule `rule_id` find its anchor only in the lead-in's leading condition ("Unless presented with a valid
  // and properly issued criminal warrant, no agency or agent shall:")?
  bool AnchoredInLeadingCondition(size_t lead, const std::string& rule_id);

  void Emit(size_t ui, const std::string& topic, const std::vector<Candidate>& candidates, std::vector<Clause>& out);
  size_t PastStrandedBullet(size_t sb, size_t se) const;

  const Compiled& rules_;
  const DocumentLayout& layout_;
  // A law's issuer (the Council, the Mayor) is not whom it binds: in law
  // documents uncued clauses bind `law_actor`.
  const std::string default_actor_;
  const std::string& authority_;
  const ActorScope& scope_;
  std::vector<UnitInfo> info_;
  std::vector<std::pair<std::unique_ptr<RE2>, std::string>> aliases_;
  bool speakers_built_ = false;
  std::vector<std::pair<size_t, std::string>> speakers_;  // turn start, speaker's actor ("" unknown)
  std::vector<int8_t> definition_section_;  // per section: -1 unknown, 0 no, 1 yes
  std::vector<int8_t> narrative_section_;  // per section: -1 not yet asked, 0 no, 1 tells what happened
  std::vector<size_t> emitted_unit_;  // the unit of each clause Emit produced, in order
  int answer_ = -1;  // the bare answer to the question unit being matched (BareAnswerTo); its clauses run to its end
  // Which rare phrases the document holds (DHS as Human Services; split
  // words, "sha ll": rejoin the rules' words; OCR misreadings; lifted duties).
  DocumentPhrases phrases_;
  std::vector<int> bullet_ordinals_;  // BulletOrdinals(layout_), on the first clause
  const std::map<size_t, std::vector<size_t>> items_of_;  // lead-in unit -> its direct items
  bool addressees_built_ = false;
  std::vector<std::pair<size_t, std::string>> addressees_;
};

}  // namespace foiamine::extractors::internal::matching
