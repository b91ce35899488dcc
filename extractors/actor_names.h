// Internal to extractors: who the people and short names of a document are.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
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

// Short names a document defines for an actor: 'The Department of
// Corrections ("Department")' makes "the Department" DOC. Each alias is a
// case-insensitive pattern with its actor; actors `foreign` says belong to
// another jurisdiction define none.
std::vector<std::pair<std::unique_ptr<RE2>, std::string>> DefinedAliases(
    const std::string& stream, const Rulebook::Compiled& rules, const std::function<bool(const std::string&)>& foreign);

}  // namespace foiamine::extractors::internal
