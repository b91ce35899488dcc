// Where a matched unit looks past its own words (clause_matcher_impl.h): the text a rule's other terms may come from
// (the chain of list lead-ins, the enclosing headings, a transcript's question, the unit or section before, the
// addressee of a letter) and the scopes that state no rule (a definition, a glossary, a definitions section).
#include <algorithm>
#include <cctype>

#include "extractors/actor_names.h"
#include "extractors/clause_matcher_impl.h"
#include "extractors/cue_scan.h"
#include "extractors/document_phrases.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal::matching {

// Text a rule's non-anchor terms may come from: the chain of list lead-ins and the headings of the enclosing sections.
std::string Matcher::Context(size_t ui) {
  std::string context;
  const auto& units = layout_.units();
  for (int li = units[ui].lead_in; li >= 0; li = units[li].lead_in) {
    context += Info(li).folded.text;
    context += "\n";
  }
  for (int s = units[ui].section; s >= 0; s = layout_.parent(s)) {
    context += FoldString(layout_.sections()[s].heading);
    context += "\n";
  }
  // An answer's subject is its question's: "Director, does the Department notify ICE before it releases someone who
  // has a detainer?" / "We do not hold anyone past their release date." (a hearing's transcript, a page of questions)
  int question = -1;
  if (ui > 0 && !units[ui - 1].heading && IsQuestion(Folded(ui - 1).folded.text)) {
    question = static_cast<int>(ui - 1);
  } else {
    // ... and so is every later sentence of the answering turn: "CHAIRPERSON: And do ICE agents come into the jail?" /
    // "DIRECTOR: They are allowed in the sally port to pick the person up. They do not have an office in the facility."
    question = AnsweredQuestion(ui);
  }
  if (question >= 0) {
    // (with the sentence that sets a question mark's question up, in its paragraph: "In August an MPD officer directed traffic for an
    // ICE team. Is that accurate?" / "It is. An officer ... did block a lane for about twelve minutes at the request of
    // the agents.", a hearing's transcript written for a probe)
    const size_t q = static_cast<size_t>(question);
    const std::string_view asked = Trim(Folded(q).folded.text);
    if (q > 0 && !asked.empty() && asked.back() == '?' && units[q - 1].paragraph == units[q].paragraph &&
        units[q].paragraph >= 0 && !units[q - 1].heading) {
      context += Folded(q - 1).folded.text;
      context += "\n";
    }
    context += Folded(q).folded.text;
    context += "\n";
  }
  // The addressee of the nearest correspondence header line above the unit (rulebook_compiled.h).
  if (const std::string_view addressee = NearestAddressee(ui); !addressee.empty()) {
    context += addressee;
    context += "\n";
  }
  return context;
}

// Transcripts: the agency of the speaker whose turn holds stream byte `pos` (actor_names.h); "" when unknown.
const std::vector<std::pair<size_t, std::string>>& Matcher::Speakers() {
  if (!speakers_built_) {
    speakers_built_ = true;
    speakers_ = SpeakerTurns(layout_.stream(), rules_);
  }
  return speakers_;
}

std::string Matcher::SpeakerActor(size_t pos) {
  std::string actor;
  for (const auto& [at, who] : Speakers()) {
    if (at > pos) break;
    actor = who;
  }
  return actor;
}

int Matcher::AnsweredQuestion(size_t ui) {
  const auto& turns = Speakers();
  const auto& units = layout_.units();
  const size_t begin = units[ui].begin;
  // the start of the turn holding the unit (turns are in stream order)
  auto turn = std::upper_bound(turns.begin(), turns.end(), begin,
                               [](size_t pos, const std::pair<size_t, std::string>& t) { return pos < t.first; });
  if (turn == turns.begin()) return -1;
  const size_t turn_start = std::prev(turn)->first;
  if (turn_start >= begin) return -1;  // the turn's first unit: the unit before it is asked about already
  // the last unit before the turn began
  auto before = std::lower_bound(units.begin(), units.end(), turn_start,
                                 [](const Unit& u, size_t pos) { return u.begin < pos; });
  if (before == units.begin()) return -1;
  const size_t q = static_cast<size_t>(std::prev(before) - units.begin());
  if (units[q].heading || !IsQuestion(Folded(q).folded.text)) return -1;
  return static_cast<int>(q);
}

// An actor of another jurisdiction (DC's DOC in a California document).
bool Matcher::Foreign(const std::string& actor) const {
  return !scope_.foreign_actors.empty() && scope_.foreign_actors.count(AsciiLower(actor)) > 0;
}

bool Matcher::EarlierInSection(size_t ui, const RE2& re) {
  const auto& units = layout_.units();
  const int own = units[ui].section;
  if (own < 0) return false;
  const int parent = layout_.parent(own);  // -1: the document's top-level parts are siblings too
  for (size_t prev = ui; prev > 0;) {
    --prev;
    if (units[prev].heading) return false;
    const int s = units[prev].section;
    if (s < 0 || !(s == own || layout_.parent(s) == parent || layout_.IsDescendant(own, s))) return false;
    if (RE2::PartialMatch(Folded(prev).folded.text, re)) return true;
  }
  return false;
}

// The folded text of the unit before `ui` when it is in the same section
// or is a sibling item of the same list; "" otherwise.
std::string_view Matcher::PreviousUnit(size_t ui) {
  const auto& units = layout_.units();
  size_t prev = ui;
  while (prev > 0) {  // skip units without words (bare markers, stamps)
    --prev;
    if (units[prev].heading) return {};
    const std::string& t = Folded(prev).folded.text;
    if (std::count_if(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) >= 3) break;
    if (prev == 0) return {};
  }
  if (prev == ui) return {};
  const int a = units[prev].section, b = units[ui].section;
  const bool related = a == b || (a >= 0 && b >= 0 && layout_.parent(a) == layout_.parent(b));
  return related ? std::string_view(Folded(prev).folded.text) : std::string_view();
}

bool Matcher::EarlierInParagraph(size_t ui, const RE2& re) {
  UnitInfo& info = info_[ui];
  if (!info.paragraph_before) {
    info.paragraph_before.emplace();
    const auto& units = layout_.units();
    const int paragraph = units[ui].paragraph;
    // (the unit right before is PreviousUnit's; here the three before it, read as one text, so that a sentence an
    // abbreviation cut in two is whole: "ICE ERO Officer V." / "Ramirez called asking release date for resident A.")
    constexpr size_t kFurthest = 3;
    // (what a sentence refers back to stands near it: the last bytes only, so that a paragraph of one endless
    // "sentence" costs no more than a page)
    constexpr size_t kMostBytes = 4096;
    size_t from = ui;
    while (paragraph >= 0 && from > 0 && ui - (from - 1) <= kFurthest && units[from - 1].paragraph == paragraph &&
           units[from - 1].section == units[ui].section)
      --from;
    if (ui - from >= 2) {
      std::string& joined = *info.paragraph_before;
      for (size_t prev = from; prev < ui; ++prev) {
        if (!joined.empty()) joined += ' ';
        joined += Folded(prev).folded.text;
      }
      if (joined.size() > kMostBytes) {
        size_t cut = joined.size() - kMostBytes;
        while (cut < joined.size() && (static_cast<unsigned char>(joined[cut]) & 0xC0) == 0x80) ++cut;  // a whole code point
        joined.erase(0, cut);
      }
    }
  }
  return !info.paragraph_before->empty() && RE2::PartialMatch(*info.paragraph_before, re);
}

// "Specifically, no agency shall: ..." or "The prohibition set forth in this
// Chapter shall include:" elaborates the sentence before it (same section);
// that sentence, folded, for the unit `ui` or its topmost lead-in; "" otherwise.
std::string_view Matcher::ElaboratedSentence(size_t ui) {
  const auto& units = layout_.units();
  size_t top = ui;
  for (int li = units[ui].lead_in; li >= 0; li = units[li].lead_in) top = static_cast<size_t>(li);
  if (top == 0 || units[top - 1].heading || units[top - 1].section != units[top].section) return {};
  UnitInfo& info = Folded(top);  // (asked for each rule whose last term is missing: the regex runs once per unit)
  if (info.elaborates < 0) info.elaborates = StartsWithElaboration(info.folded.text);
  if (info.elaborates == 0) return {};
  return Folded(top - 1).folded.text;
}

std::string_view Matcher::NearestAddressee(size_t ui) {
  const size_t begin = layout_.units()[ui].begin;
  std::string_view addressee;
  for (const auto& [pos, line] : Addressees())
    if (pos < begin) addressee = line;
  return addressee;
}

// Correspondence header lines ("TO: ...") in stream order, folded.
const std::vector<std::pair<size_t, std::string>>& Matcher::Addressees() {
  if (addressees_built_) return addressees_;
  addressees_built_ = true;
  if (!rules_.addressee_header) return addressees_;
  const auto& units = layout_.units();
  for (size_t ui = 0; ui < units.size(); ++ui) {
    const std::string& folded = Folded(ui).folded.text;
    if (RE2::PartialMatch(folded, *rules_.addressee_header)) addressees_.emplace_back(units[ui].begin, folded);
  }
  return addressees_;
}

// `scope: segment` rules: every other all_of term in the anchor's negation scope, or in the context.
bool Matcher::InScope(size_t ui, const Compiled::Rule& rule, size_t anchor_start, std::string& context, bool& context_built) {
  UnitInfo& info = Info(ui);
  const size_t seg = SegmentOf(info, anchor_start);
  const size_t begin = info.cuts[seg];
  const size_t end = seg + 1 < info.cuts.size() ? info.cuts[seg + 1] : info.folded.text.size();
  re2::StringPiece scope(info.folded.text.data() + begin, end - begin);
  for (size_t k = 1; k < rule.all_of.size(); ++k) {
    const RE2& re = *rules_.patterns[rule.all_of[k]].re;
    if (RE2::PartialMatch(scope, re)) continue;
    if (!context_built) {
      context = Context(ui);
      context_built = true;
    }
    if (RE2::PartialMatch(context, re)) continue;
    if (k + 1 == rule.all_of.size() && RE2::PartialMatch(ElaboratedSentence(ui), re)) continue;
    if (!rule.previous_context || k + 1 != rule.all_of.size()) return false;
    if (!RE2::PartialMatch(PreviousUnit(ui), re) && !EarlierInParagraph(ui, re) &&
        !(rule.section_context && EarlierInSection(ui, re)))
      return false;
  }
  return true;
}

// Is `pos` inside a scope that defines a term ("\"Detainer\" means ...")? A modal sentence of a glossary's entry that names no term states a rule.
bool Matcher::InDefinition(size_t ui, const UnitInfo& info, size_t pos) {
  if (InDefinitionSection(ui) && !StatesOwnRule(info.folded.text)) return true;
  const size_t seg = SegmentOf(info, pos);
  const size_t begin = info.cuts[seg];
  const size_t end = seg + 1 < info.cuts.size() ? info.cuts[seg + 1] : info.folded.text.size();
  re2::StringPiece scope(info.folded.text.data() + begin, end - begin);
  for (const auto& re : rules_.definitions)
    if (RE2::PartialMatch(scope, *re)) return true;
  if (GlossaryEntry(ui) && (GlossaryEntry(ui - 1) || GlossaryEntry(ui + 1))) return true;
  // The items of a definition are its parts: '(4) "Sanctuary policy", any
  // order ... that: (a) Limits or prohibits ...'.
  for (int li = layout_.units()[ui].lead_in; li >= 0; li = layout_.units()[li].lead_in) {
    const std::string& lead = Folded(static_cast<size_t>(li)).folded.text;
    for (const auto& re : rules_.definitions)
      if (RE2::PartialMatch(lead, *re)) return true;
  }
  return false;
}

// Does unit `ui` (any index: none past either end) open with a glossary's "TERM - the ..." or with a definition?
// Asked once per unit: InDefinition asks at every anchor hit, for the unit and both its neighbours.
bool Matcher::GlossaryEntry(size_t ui) {
  if (ui >= layout_.units().size()) return false;
  UnitInfo& info = Folded(ui);
  if (info.glossary < 0) {
    const auto matches = [&](const auto& list) {
      return std::any_of(list.begin(), list.end(),
                         [&](const auto& re) { return RE2::PartialMatch(info.folded.text, *re); });
    };
    info.glossary = matches(rules_.glossary_entries) || matches(rules_.definitions);
  }
  return info.glossary == 1;
}

// Is the unit inside a section headed "Definitions" (or the like)?
bool Matcher::InDefinitionSection(size_t ui) {
  if (rules_.definition_sections.empty()) return false;
  for (int s = layout_.units()[ui].section; s >= 0; s = layout_.parent(s)) {
    if (definition_section_.size() <= static_cast<size_t>(s)) definition_section_.resize(s + 1, -1);
    int8_t& known = definition_section_[s];
    if (known < 0) {
      const std::string heading = FoldString(layout_.sections()[s].heading);
      known = std::any_of(rules_.definition_sections.begin(), rules_.definition_sections.end(),
                          [&](const auto& re) { return RE2::PartialMatch(heading, *re); });
    }
    if (known == 1) return true;
    // (a titled section is its own scope: "§ 2368. LIMITS ON ..." nested under a bill's "Sec. 0a. FINDINGS" is no finding)
    if (!layout_.sections()[s].heading.empty()) return false;
  }
  return false;
}

bool Matcher::InNarrativeSection(size_t ui) {
  // (a caption alone, or run into the text as its first sentence: "2. What happened. At approximately 0540 hours, two
  // men who identified themselves as officers of ICE ... arrived", "3. Review. Our review found one serious problem.")
  static const RE2 kNarrativeCaption(
      R"re(^\W*(?:\(?\w{1,4}[.)]\s*)?(?:what happened|(?:summary|description) of (?:the )?(?:incident|events)|(?:the )?incident(?: summary| narrative)?|narrative|(?:statement of )?facts|chronology|timeline|sequence of events|review)\W*$)re");
  const auto& units = layout_.units();
  const int section = units[ui].section;
  if (section < 0) return false;
  if (narrative_section_.size() <= static_cast<size_t>(section)) narrative_section_.resize(section + 1, -1);
  int8_t& known = narrative_section_[section];
  if (known < 0) {
    size_t first = ui;
    while (first > 0 && units[first - 1].section == section) --first;
    const std::string heading = AsciiLower(FoldString(layout_.sections()[section].heading));
    known = RE2::FullMatch(heading, kNarrativeCaption) ||
            (first != ui && RE2::FullMatch(AsciiLower(Folded(first).folded.text), kNarrativeCaption));
  }
  return known == 1;
}

}  // namespace foiamine::extractors::internal::matching
