// Internal to extractors: every match of a regular expression in a text,
// and the modal and report cues of a unit with overlaps resolved.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {

// A cue's match in a unit's folded text and the stance it speaks for.
struct CueHit {
  size_t start = 0;
  size_t end = 0;
  Stance stance = Stance::kMentions;
  bool inert = false;  // shadows what it overlaps, then dropped (FindCues)
};

// Every non-overlapping match of `re` in `text`, left to right, as byte ranges.
std::vector<std::pair<size_t, size_t>> AllMatches(const RE2& re, std::string_view text);

// All cue matches; where cues overlap the longest wins (so "no member will
// prohibit" beats "will", and "shall not" beats "shall"). Sorted by start.
// Inert cues win overlaps too but are not returned, and so does a cue that
// loses only to longer cues of its own stance: in "will not be allowed to"
// the "will not" that "not be allowed to" beats still keeps its "will" from
// reading as a duty. No match reaches from a
// leading condition into the main clause (LeadingConditionEnd): "When no
// warrant is presented, staff will notify ICE ..." is no "no ... will".
std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text);
// The same, with the text's LeadingConditionEnd already known (a unit's
// several cue lists are scanned over one text).
std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text, size_t condition_end);
// The same over a rulebook's cue list: only the cues its Set finds somewhere in `text` are run (the same hits).
std::vector<CueHit> FindCues(const Rulebook::Compiled::CueList& cues, std::string_view text);
std::vector<CueHit> FindCues(const Rulebook::Compiled::CueList& cues, std::string_view text, size_t condition_end);

// Where a unit's negation scopes start (0 first, ascending): at each match
// of a scope break, except inside a modal cue, whose subject the break would
// split ("No state agency or school resource officer may enter into ...": the
// "or ... may" there joins two subjects of one "no ... may", not two clauses),
// and except a break that opens a modal ("..., or local entities will") with
// no modal before it: that "or" joins the subjects of the first clause. A
// break that opens a contrast (OpensContrast) always cuts.
std::vector<size_t> ScopeCuts(const std::vector<std::unique_ptr<RE2>>& breaks, std::string_view text,
                              const std::vector<CueHit>& modal);

// Does `rest` (a unit from a scope's start on) open on a contrasting
// conjunction ("but", "yet", "pero", "sino"), past any punctuation? The
// clause it opens is not the one before it: "We do notify ICE after an inmate
// has been released but cannot hold them" (a jail's spokeswoman, 2015) is a
// notice and a refusal. (Not a "however" set off by commas: "The D.C. DOC
// will, however, provide ICE with the 48 hour warning" is one clause.)
bool OpensContrast(std::string_view rest);

// A lead-in's governing cue among its `modal` cues (non-empty) in `text`: the
// last, unless that one sits in a relative clause ("does not prevent any
// agency from doing any of the following that does not violate any policy
// ...:"), which qualifies a noun.
const CueHit& MainClauseCue(const std::vector<CueHit>& modal, std::string_view text);

// Does an item start with an act of prohibiting or limiting (or imposing
// conditions, requiring a warrant to be obtained, directing officers not to)? Under a prohibition
// ("may not: (1) adopt a policy under which the entity prohibits or
// materially limits the enforcement of immigration laws") it permits.
bool StartsWithLimitingAct(std::string_view text);

// Does a lead-in define a policy the law forbids ("\"sanctuary policy\" means
// an order, ordinance, or law enforcement policy ... that:")? Its items name
// limits on cooperation the law thereby forbids: each permits what it limits.
bool DefinesForbiddenPolicy(std::string_view lead_in);

// Does a lead-in disclaim a construction ("Nothing in this section shall be
// construed to:")? Its items that start with a limiting act ("(2) Prohibit or
// restrict any District employee from sending ...") permit what they name.
bool DisclaimsConstruction(std::string_view lead_in);

// In a document where "DHS" is the Department of Human Services (a D.C. and
// state agency), the acronym names no immigration agency: the rulebook's
// case-sensitive (?-i:DHS) must not see it. True when the text defines DHS as
// Human Services, or names Human Services and never Homeland Security.
bool DhsMeansHumanServices(std::string_view text);
// Its three tests (RE2 sources): defined as Human Services; either name (in
// Spanish too: "el Departamento de Servicios Humanos (DHS)", a police flyer).
inline constexpr std::string_view kDhsDefinedAsHumanServicesPattern = R"re((?i)(?:human services|servicios humanos)\W{0,6}(?:\(\s*)?"?DHS\b)re";
inline constexpr std::string_view kHumanServicesPattern = R"re((?i)\b(?:human services|servicios humanos)\b)re";
inline constexpr std::string_view kHomelandSecurityPattern = R"re((?i)\b(?:homeland security|seguridad nacional)\b)re";

// Does a lead-in end by introducing exceptions ("except:", "other than:")?
// What a prohibition excepts, it permits.
bool ListsExceptions(std::string_view text);

// Does a permission by negation end by listing what it leaves open ("Nothing
// in subsection (1) or (2) of this section prohibits the collection, use, or
// disclosure of information that is: (a) Required to comply with state or
// federal law; (b) In response to a lawfully issued court order", RCW
// 43.17.425(3))? Each item is then a permission of its own, in the lead-in's
// topic. (Not so an exception list: "No person is subject to civil arrest ...
// except: (a) ..." restricts in its lead-in, and its items are the lead-in's.)
bool ListsWhatItLeavesOpen(std::string_view text);

// Does the text open with a connective that elaborates the sentence before
// it ("Specifically,", "In particular,", "To that end,"), or with a subject
// that points back at it ("The prohibition set forth in this Chapter shall
// include:", "Such restrictions")? That sentence is then context for what it
// introduces.
bool StartsWithElaboration(std::string_view text);

// In a glossary or a findings section, does a sentence state a rule of its
// own: a modal verb ("personnel may assist ICE ..."), and no term it defines
// at its start ("DETAINER: a request ...", "\"Detainer\" means")? A finding's
// past tense ("RCW 10.70.140 required ...") states none.
bool StatesOwnRule(std::string_view text);

// Does a cue at the start of `text` describe what is done rather than state
// a rule ("do not", "does not", "did not", a bare "never", "can", and the
// Spanish present negated, "no aplica", "no preguntan", but not "no permite")? Modal verbs
// ("shall not", "may") state rules on a page of practice, and so does a
// passive ban ("officers are prohibited from asking", "are not allowed to
// detain"): a page of practice that tells a policy's ban tells the rule (on
// the labelled dev documents it was a rule 13 times to 4 told as done).
bool DescribesPresentPractice(std::string_view text);

// Does a sentence with no modal tell an act in its course, in the past ("the
// Detention Center was sending a weekly email to ICE", "had been honoring
// detainers", "has been sharing inmate information")? A policy (or a story the
// pipeline took for one, because it quotes a procedure) then reports it: an
// agency's rule is not written in the past progressive.
bool NarratesPastCourse(std::string_view text);

// The stance of a modal cue at `cue_start` of a sentence on a page of
// practice: a described practice reports (DescribesPresentPractice), and so
// does a routine told as such ("Generally the jail will telephone ICE"); what
// the agency "will" do if a condition holds ("If ICE provides a warrant ...,
// we will hold that person on behalf of ICE") is what it allows, so it
// permits; else the cue's own stance.
Stance PracticeStance(Stance cue_stance, std::string_view sentence, size_t cue_start);

// On a page of practice (a news story, a statement), does a sentence tell what
// a written rule says, naming the rule as its source: "According to the SLCPD
// policy, the department may offer ...", "\"No individual should be held ...,\"
// the policy states", "The policy adds that any requests ... should be
// directed to a supervisor", "Under the new policy, deputies will not ..."?
// Or is it a lead-in to rules listed ("Among the rules re-stated by the
// department:")? Their modals then state the rule, as the policy itself does.
bool CitesWrittenRule(std::string_view text);
bool IntroducesRules(std::string_view lead_in);

// Does the text end with a colon (a list lead-in), trailing spaces aside?
bool EndsWithColon(std::string_view text);

// Does [start, end) lie inside a condition that opens the sentence, before
// the comma where the main clause's subject and modal begin? "If a local law
// enforcement agency provides ICE with notification that an individual is
// being released ..., the agency shall promptly provide the same notification
// in writing to the individual": the release notice is the condition, the
// duty is another act, so the condition's topic is no clause of the sentence.
// A concession opens the same way: "Although officers have the authority to
// assist in enforcing immigration laws, officers shall not ...".
// `condition_end`: the sentence's LeadingConditionEnd.
bool InLeadingCondition(size_t condition_end, size_t start, size_t end);
// The byte offset of that comma, or npos when the sentence opens with no
// condition followed by a main clause.
size_t LeadingConditionEnd(std::string_view sentence);
// The same for an exception that opens the sentence ("Unless presented with
// a valid ... warrant, no agency or agent shall:"). It is kept apart from
// LeadingConditionEnd because an exception's topic often is the main clause's
// own ("without a judicial warrant, ... shall not hold"), so only a list's
// lead-in treats it as a condition (Matcher::AnchoredInLeadingCondition).
size_t LeadingExceptionEnd(std::string_view sentence);

// Where the main clause after such a condition takes up what the condition
// names, as the object of its own act: "If an agent receives a request to
// assist in an immigration enforcement operation, the supervisor shall
// decline the request". The condition's topic is then the act's, and the
// clause is decided at the words that take it up. The span of "decline the
// request", "honor such detainer", "refuse it" ..., or nothing.
// `condition_end`: the sentence's LeadingConditionEnd.
std::optional<std::pair<size_t, size_t>> MainClauseTakesUp(std::string_view sentence, size_t condition_end);

// Does the text end in a question mark (closing quotes and spaces aside), or
// record a member's question as minutes do ("Commissioner Perea asked whether
// inmate release dates are provided", and it tells nothing besides)?
bool IsQuestion(std::string_view text);

// Where what a notice or advisement tells begins, when the cue at `cue_start`
// lies inside it: "shall provide the individual with a written consent form
// that explains ... that the individual may decline to be interviewed or may
// choose to be interviewed only with the individual's attorney present" (the
// "may"s are the form's words, not the law's permission; the telling's own
// "shall" governs). The offset of the telling verb, or npos.
size_t ToldContentStart(std::string_view sentence, size_t cue_start);

// Does a prohibition of release at `cue_start` hold the release back until the
// act at `act_start` is done: "Jail staff shall not release an inmate subject
// to a detainer without first contacting the ICE duty officer", "may not release
// a detainee until ICE has been notified"? Such a limit requires the act.
bool ReleaseWithheldUntil(std::string_view sentence, size_t cue_start, size_t act_start);

// Is the cue at `cue_start` the tense of a clause inside a list item that opens
// with its lead-in's verb in lower case: "staff may not:" / "b. tell ICE ... the
// date or time at which a resident will be released"? The "will" is the
// release's, not a duty of the item, which stays the lead-in's predicate.
bool CueInItemSubclause(std::string_view item, size_t cue_start);
// ... or, in any sentence, the tense of a clause of time, place or object
// ("telling ICE when the person will be released"); a relative clause ("who
// shall decline the request") only with `relative_too`: it may bind.
bool CueInSubclause(std::string_view text, size_t cue_start, bool relative_too = false);

}  // namespace foiamine::extractors::internal
