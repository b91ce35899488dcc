// Internal to extractors: who the people and short names of a document are.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/rulebook_compiled.h"

namespace foiamine::extractors::internal {

// Each speaker's turn in `stream` ("ASSISTANT CHIEF QUARLES: ... our officers
// ..."), in stream order: the byte where the speaker's label starts, and the
// actor the speaker works for, found from the appearances page ("ASSISTANT
// CHIEF D. QUARLES, Metropolitan Police Department") through the rulebook's
// actor cues; "" when the appearances do not say.
std::vector<std::pair<size_t, std::string>> SpeakerTurns(const std::string& stream, const Rulebook::Compiled& rules);

// A speaker's label as SpeakerTurns finds it ("ASSISTANT CHIEF QUARLES: "):
// group 1 the label, group 2 the surname.
extern const char* const kSpeakerLabelPattern;

// Whether `text` may hold a speaker's label: a ':' and a space after three
// capitals, apostrophes or hyphens, as every label ends. False proves that
// kSpeakerLabelPattern matches nowhere in `text` (a colon search instead of
// the pattern's pass over a whole document that is no transcript).
bool MayHoldSpeakerLabel(std::string_view text);

// An actor cue's match in a unit's folded text.
struct ActorHit {
  size_t start, end;
  std::string actor;  // "none": a cue that names nobody ("ICE officers" in a list of agencies)
};

// The actors a unit names, by folded offset, in text order: where cues
// overlap the longest wins ("ICE officers" is not "officers"; on a tie the
// earlier hit, so put a document's own defined names first), and "none"
// hits only block shorter ones.
std::vector<std::pair<size_t, std::string>> ResolveActorHits(std::vector<ActorHit> hits);

// Short names a document defines for an actor: 'The Department of
// Corrections ("Department")' makes "the Department" DOC. Each alias is a
// case-insensitive pattern with its actor; actors `foreign` says belong to
// another jurisdiction define none.
std::vector<std::pair<std::unique_ptr<RE2>, std::string>> DefinedAliases(
    const std::string& stream, const Rulebook::Compiled& rules, const std::function<bool(const std::string&)>& foreign);

// The rulebook's short name for an agency ("Department of Corrections" ->
// "DOC"), or the input trimmed when no `agencies:` entry matches.
std::string NormalizeAgency(const Rulebook::Compiled& rules, std::string_view agency);

}  // namespace foiamine::extractors::internal
