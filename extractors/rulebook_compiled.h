// Internal to extractors: the compiled form of a Rulebook.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractors/anchor_gate.h"
#include "extractors/rulebook.h"

namespace foiamine::extractors {

struct Rulebook::Compiled {
  struct Pattern {
    std::string source;          // expanded, folded RE2 source
    const RE2* re = nullptr;     // owned by `terms`, or by `anchor_gate` for an anchor
  };
  struct Rule {
    std::string id;              // "topic/rule"
    std::string topic;
    std::vector<int> all_of;     // pattern indices; all_of[0] is the anchor
    std::vector<int> none_of;    // pattern indices that veto the rule in the unit
    double confidence = 0.8;
    // `stance:` fixes the clause's stance whatever the cues say (a count of
    // detainers is a mention of them, not a rule about holding).
    std::optional<Stance> stance;
    // `fallback: true`: the rule fires only when no other topic's rule fires
    // in the unit (a warrant as the exception of another rule is no clause
    // about warrants).
    bool fallback = false;
    // `scope: segment`: the other all_of terms must be in the anchor's
    // negation scope (or the context), not just anywhere in the unit.
    bool segment_scope = false;
    // `context: previous`: the last all_of term may come from the unit before
    // (same list or section): "You may call a lawyer." after "ICE has asked
    // to hold you.".
    bool previous_context = false;
    // `context: section`: ... or from any unit before it in the same numbered
    // section (its earlier subsections, up to a heading): "2. ... may perform
    // such a transfer ... into federal custody" in a section whose (1) names
    // the immigration detainer (Iowa Code 27A.3).
    bool section_context = false;
    // `context: addressee`: ... or from the addressee of the correspondence the
    // unit is in (the nearest "To:" header line above it): "The inmate listed
    // above is scheduled to be released tomorrow at 10:00 a.m." in an e-mail to ICE.
    bool addressee_context = false;
  };
  struct Cue {
    std::unique_ptr<RE2> re;
    Stance stance = Stance::kMentions;
    // `stance.inert`: a modal that governs nothing ("who may be the subject",
    // "as may be required"). It shadows the shorter cues it overlaps, then is dropped.
    bool inert = false;
  };
  // A list of cues, with one RE2::Set of their sources (their own options) that tells in one pass which of them
  // match anywhere in a text: FindCues then runs the RE2s of only those (a unit an anchor fired in is read by
  // every cue of several lists). Null `any`: every cue is run.
  struct CueList {
    std::vector<Cue> cues;
    std::unique_ptr<RE2::Set> any;
  };
  struct ActorCue {
    std::unique_ptr<RE2> re;
    std::string actor;           // may be "{agency}": the document's agency
    std::unique_ptr<RE2> not_followed_by;  // anchored at the match end; may be null
  };

  std::string hash;
  int version = 0;
  std::vector<std::string> topics;
  std::map<std::string, std::vector<std::string>> overrides;  // topic -> topics it suppresses
  std::vector<Pattern> patterns;   // every rule term
  // The terms that are not anchors, compiled once per distinct source (rules
  // share a topic's lexicon as a term): `patterns` points into it.
  std::vector<std::unique_ptr<RE2>> terms;
  std::vector<int> set_to_pattern; // anchor index (the gate's, the Set's) -> index in `patterns`
  // The anchors' literal gate (anchor_gate.h): a unit without any of the
  // anchors' literals cannot fire. It compiles and owns the anchors' RE2s.
  std::unique_ptr<internal::AnchorGate> anchor_gate;
  // The anchors in one RE2::Set, for the one-pass candidate scan. Built only
  // when the gate cannot filter (an anchor without literals): otherwise the
  // gate and the anchors' own RE2s give its answer (MatchAnchors).
  std::unique_ptr<RE2::Set> set;
  std::vector<Rule> rules;
  CueList modal_cues;     // restricts / requires / permits / mentions
  CueList imperative_cues;  // "Notify ICE ...": requires, when nothing else governs
  CueList report_cues;    // used only when no modal cue governs
  CueList habitual_cues;  // reports in any document ("routinely", "we still call")
  CueList explanation_cues;  // in practice documents: explains, reports no act (a definition, a link)
  CueList background_cues;   // in policy and practice: what another law says, retold (mentions)
  CueList summary_cues;      // in any document: a bill's digest or analysis, "This bill would ..." (mentions)
  std::vector<std::unique_ptr<RE2>> skip_units;    // units that are never clauses
  std::vector<std::unique_ptr<RE2>> definitions;   // scopes that define a term: no anchors there
  // A glossary's "TERM - the ..." entry: a definition only among others (the unit before or after is an entry or a
  // definition too) or under a definitions heading; alone, it is a news dateline ("OMAHA - The mayor ... said").
  std::vector<std::unique_ptr<RE2>> glossary_entries;
  std::vector<std::unique_ptr<RE2>> definition_sections;  // section headings whose units define terms
  // Words of immigration enforcement a document must hold somewhere to yield any clause: a text about criminal
  // detainers between states or consular notice of foreign nationals uses the topics' words in another sense.
  // Empty: every document is read.
  std::vector<std::unique_ptr<RE2>> immigration_documents;
  std::vector<std::unique_ptr<RE2>> scope_breaks;  // where a sentence's negation scope ends
  std::vector<ActorCue> actors;
  std::string law_actor;           // whom a law binds when no cue names an actor
  // Correspondence: a header line naming the addressee ("TO: ICE ERO ...",
  // "To: ...@ice.dhs.gov") is the context of the units below it: what a
  // letter or e-mail to the agency says of holding, release or records, it
  // says to the agency ("your office", or "We will not hold him past his
  // release time" in a reply to ERO).
  std::unique_ptr<RE2> addressee_header;
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> agencies;  // short name -> pattern
  std::vector<RuleExample> examples;
};

}  // namespace foiamine::extractors
