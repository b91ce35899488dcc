// Jurisdictions: who made a law or runs an agency, as data
// (schemas/jurisdictions.yaml, documented at its top), and the decisions
// made with it: a document's jurisdiction, whether its text makes it law,
// whom its clauses can name, and whether a law binds an agency.
//
//   StatusOr<Jurisdictions> j = LoadJurisdictions(yaml_text);  // the caller reads the file
//   std::string code = InferJurisdiction(*j, first_pages, "Urbana Police Department");
//   LawForm form = RecognizeLaw(*j, first_pages);  // {"statute", "law"} for "ORS 181A.820 ..."
//
// Codes: "DC", "US" (federal), "US-IL" (a state), "US-IL/Cook County" (a
// county or city inside it); "/" is containment.
//
// Pure: no I/O. Thread safety: a loaded Jurisdictions is immutable; copies
// share the compiled data and may be used from any number of threads.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace foiamine::extractors {

class Jurisdictions {
 public:
  struct Compiled;  // jurisdiction.cc

  // "fnv1a64:..." of the YAML text: part of the extract stage's version.
  const std::string& hash() const;
  std::vector<std::string> codes() const;  // in file order
  // The jurisdiction's (or its nearest listed ancestor's) name, "" if unknown.
  std::string Name(std::string_view code) const;

  const Compiled& compiled() const { return *compiled_; }

 private:
  friend foiamine::StatusOr<Jurisdictions> LoadJurisdictions(std::string_view yaml);
  explicit Jurisdictions(std::shared_ptr<const Compiled> c) : compiled_(std::move(c)) {}
  std::shared_ptr<const Compiled> compiled_;
};

// Parses and compiles jurisdictions.yaml. Fails (InvalidArgument, naming the
// jurisdiction and field) on malformed YAML, a missing code or a pattern RE2
// rejects.
foiamine::StatusOr<Jurisdictions> LoadJurisdictions(std::string_view yaml);

// "US-IL" contains "US-IL" and "US-IL/Cook County"; "US" contains no state
// (see jurisdictions.yaml); "" contains and is contained by nothing; an
// unnamed place ("US-WA/(unnamed county)") contains nothing, itself included:
// two such documents need not be of one county.
bool JurisdictionContains(std::string_view outer, std::string_view inner);

// A document's jurisdiction from its first pages' text (`head`) and its
// agency (given or inferred, may be ""): its own heading's citation form,
// else the jurisdiction with the most text and agency cues; an agency named
// by place adds the place ("US-IL/North Riverside"); a law (`law`) that
// speaks as a city or county names its place, or is placed in an unnamed one
// ("US-WA/(unnamed county)", jurisdictions.yaml `unnamed_localities`); a law
// that names its locality or speaks as one but names no state is placed in
// "US-(state unknown)/<place>". "" when nothing says.
std::string InferJurisdiction(const Jurisdictions& j, const std::string& head, const std::string& agency,
                              bool law = false);

// What a document's first pages make it, whatever its jurisdiction: a law
// headed by a citation form of some jurisdiction's laws ("RCW 2.28.300
// Definitions", "(5 ILCS 805/15) Sec. 15.", "California Penal Code Section
// 1016.3") or carrying an enactment formula ("Be it enacted", "BE IT
// ORDAINED") is {statute|ordinance, law}; a 287(g) memorandum of agreement
// is {agreement, policy}; anything else {"", ""}.
struct LawForm {
  std::string doc_kind;
  std::string authority;
  bool caption = false;  // a form of the heading's first lines (a code's caption), not a formula anywhere in the head
};
LawForm RecognizeLaw(const Jurisdictions& j, const std::string& head);

// Identity inference's hook (identity.cc): when the text makes the document
// law or an agreement (RecognizeLaw) and its kind was inferred as neither law
// nor practice (correspondence, log, transcript keep theirs), replaces
// `kind` and `authority`. Given (manifest) values are the caller's to keep.
void ApplyLawForm(const Jurisdictions& j, const std::string& head, std::string& kind, std::string& authority);

// Whom a document's clauses can name, from its jurisdiction.
struct ActorScope {
  // The actor of a law clause no cue names ("District" in DC, "law
  // enforcement agency" in a state); "" = the rulebook's law_actor.
  std::string law_actor;
  // Actors of other jurisdictions (DC's DOC, MPD, District in an Oregon
  // statute), lower-cased: their cues do not apply here.
  std::set<std::string> foreign_actors;
};
// Empty scope for an unknown jurisdiction (the rulebook's DC defaults apply).
ActorScope ActorScopeOf(const Jurisdictions& j, std::string_view jurisdiction);

// Divergence: does a law clause of a document in `law_jurisdiction`, binding
// `law_actor`, bind `actor` in a document of `jurisdiction`?
//  * The law's jurisdiction must contain the document's (never across
//    states). When either is unknown, only the same named actor is bound,
//    or — both unknown — as before jurisdictions: "District" binds any.
//  * An actor class of the law's jurisdiction ("District", "law
//    enforcement agency") binds its agencies of the kinds the data lists;
//    any other actor binds only itself (case-insensitive).
bool LawBinds(const Jurisdictions* j, std::string_view law_jurisdiction, std::string_view law_actor,
              std::string_view jurisdiction, std::string_view actor);

// The actor of a law clause that names none (a law binds its jurisdiction's
// agencies, not its author): the jurisdiction's law_actor, "District" when
// the jurisdiction or the data is unknown.
std::string DefaultLawActor(const Jurisdictions* j, std::string_view jurisdiction);

}  // namespace foiamine::extractors
