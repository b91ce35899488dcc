#include "extractors/actor_names.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "extractors/cue_scan.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

const char* const kSpeakerLabelPattern = R"re((?:^|\s)((?:[A-Z][A-Z.'-]*\s){0,4}([A-Z][A-Z'-]{2,})):\s)re";

bool MayHoldSpeakerLabel(std::string_view text) {
  const auto label_byte = [](char c) { return (c >= 'A' && c <= 'Z') || c == '\'' || c == '-'; };
  // (RE2's \s is [\t\n\f\r ]; \v as well does no harm: the test only has to let every label through)
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'; };
  for (size_t p = text.find(':', 3); p != std::string_view::npos; p = text.find(':', p + 1))
    if (p + 1 < text.size() && space(text[p + 1]) && label_byte(text[p - 1]) && label_byte(text[p - 2]) &&
        label_byte(text[p - 3]))
      return true;
  return false;
}

std::vector<std::pair<size_t, std::string>> SpeakerTurns(const std::string& stream, const Rulebook::Compiled& rules) {
  std::vector<std::pair<size_t, std::string>> turns;
  // Most documents are no transcript: a colon search proves it without the pattern's pass over the whole text.
  if (!MayHoldSpeakerLabel(stream)) return turns;
  static const RE2 kSpeaker(kSpeakerLabelPattern);
  re2::StringPiece in(stream);
  re2::StringPiece label, surname;
  std::map<std::string, std::string> agency_of;  // surname -> actor, looked up once
  // An agency head with no line in the appearances ("DIRECTOR BOOTH:") speaks for the one agency the
  // hearing's caption names ("PUBLIC OVERSIGHT HEARING ON THE DEPARTMENT OF CORRECTIONS"), if it names one.
  static const RE2 kHeadTitle(R"re(^(?:(?:ACTING|DEPUTY|INTERIM|ASSISTANT)\s+)?(?:DIRECTOR|CHIEF|SHERIFF|WARDEN|COMMISSIONER|ADMINISTRATOR|SUPERINTENDENT)\b)re");
  std::optional<std::string> caption_agency;
  auto agency_of_caption = [&]() -> const std::string& {
    if (!caption_agency) {
      caption_agency.emplace();
      static const RE2 kCaption(R"re((?i)\b(?:hearing|roundtable|oversight)\b[^\n]{0,60}?\b(?:on|of|regarding|concerning)\s+(?:the\s+)?([^\n]{5,80}))re");
      const std::string head = FoldString(std::string_view(stream).substr(0, std::min<size_t>(stream.size(), 600)));
      std::string subject;
      std::set<std::string> named;
      if (RE2::PartialMatch(head, kCaption, &subject))
        for (const auto& cue : rules.actors)
          if (cue.actor != "{agency}" && cue.actor != "none" && RE2::PartialMatch(subject, *cue.re)) named.insert(cue.actor);
      if (named.size() == 1) *caption_agency = *named.begin();
    }
    return *caption_agency;
  };
  while (RE2::FindAndConsume(&in, kSpeaker, &label, &surname)) {
    std::string name(surname);
    auto it = agency_of.find(name);
    if (it == agency_of.end()) {
      std::string actor;
      const RE2 appearance("\\b" + RE2::QuoteMeta(name) + ",\\s*([^\\n,:]{3,80})");
      std::string who;
      if (RE2::PartialMatch(stream, appearance, &who)) {
        const std::string folded = FoldString(who);
        for (const auto& cue : rules.actors) {
          if (cue.actor == "{agency}" || cue.actor == "none") continue;
          if (RE2::PartialMatch(folded, *cue.re)) {
            actor = cue.actor;
            break;
          }
        }
      }
      if (actor.empty() && RE2::PartialMatch(label, kHeadTitle)) actor = agency_of_caption();
      it = agency_of.emplace(name, actor).first;
    }
    turns.emplace_back(static_cast<size_t>(label.data() - stream.data()), it->second);
  }
  return turns;
}

std::vector<std::pair<std::unique_ptr<RE2>, std::string>> DefinedAliases(
    const std::string& stream, const Rulebook::Compiled& rules, const std::function<bool(const std::string&)>& foreign) {
  static const RE2 kDefined(R"re(^\s*\(\s*(?:the\s+)?"([^"]{2,40})"\s*\))re");
  std::vector<std::pair<std::unique_ptr<RE2>, std::string>> aliases;
  // A definition needs its parenthesized quote somewhere: most documents
  // have none, and then no actor cue needs to be searched for.
  static const RE2 kAnyDefinition(R"re(\(\s*(?:the\s+)?"[^"]{2,40}"\s*\))re");
  if (!RE2::PartialMatch(stream, kAnyDefinition)) return aliases;
  std::set<std::string> seen;
  for (const auto& cue : rules.actors) {
    if (cue.actor == "{agency}" || cue.actor == "none" || foreign(cue.actor)) continue;
    for (auto [s, e] : AllMatches(*cue.re, stream)) {
      re2::StringPiece rest(stream.data() + e, stream.size() - e);
      std::string alias;
      if (!RE2::PartialMatch(rest, kDefined, &alias)) continue;
      if (!seen.insert(alias).second) continue;
      auto re = std::make_unique<RE2>("(?i)\\b(?:the\\s+)?" + RE2::QuoteMeta(FoldString(alias)) + "\\b");
      if (re->ok()) aliases.emplace_back(std::move(re), cue.actor);
    }
  }
  return aliases;
}

std::vector<std::pair<size_t, std::string>> ResolveActorHits(std::vector<ActorHit> hits) {
  std::stable_sort(hits.begin(), hits.end(), [](const ActorHit& a, const ActorHit& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<ActorHit> kept;
  for (auto& h : hits)
    if (std::none_of(kept.begin(), kept.end(), [&](const ActorHit& k) { return h.start < k.end && k.start < h.end; }))
      kept.push_back(std::move(h));
  std::vector<std::pair<size_t, std::string>> actors;
  for (auto& h : kept)
    if (h.actor != "none") actors.emplace_back(h.start, std::move(h.actor));
  std::stable_sort(actors.begin(), actors.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return actors;
}

std::string NormalizeAgency(const Rulebook::Compiled& rules, std::string_view agency) {
  std::string folded = FoldString(agency);
  for (const auto& [name, re] : rules.agencies)
    if (RE2::PartialMatch(folded, *re)) return name;
  size_t b = agency.find_first_not_of(' ');
  if (b == std::string_view::npos) return "";
  size_t e = agency.find_last_not_of(' ');
  return std::string(agency.substr(b, e - b + 1));
}

}  // namespace foiamine::extractors::internal
