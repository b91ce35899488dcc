#include "extractors/clause_matcher.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "extractors/actor_names.h"
#include "extractors/bullet_ordinals.h"
#include "extractors/clause_matcher_impl.h"
#include "extractors/cross_reference.h"
#include "extractors/cue_scan.h"
#include "extractors/document_phrases.h"
#include "extractors/split_words.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace matching {

Matcher::Matcher(const Compiled& rules, const DocumentLayout& layout, const std::string& default_actor, const std::string& authority, const ActorScope& scope)
    : rules_(rules), layout_(layout), default_actor_(authority != "law"          ? default_actor : !scope.law_actor.empty() ? scope.law_actor : !rules.law_actor.empty() ? rules.law_actor : default_actor), authority_(authority), scope_(scope), info_(layout.units().size()), items_of_(layout.ItemsOfLeadIns()) {
  aliases_ = DefinedAliases(layout_.stream(), rules_, [this](const std::string& actor) { return Foreign(actor); });
  phrases_ = FindDocumentPhrases(layout.stream());
}

std::vector<Clause> Matcher::Run() {
  std::vector<Clause> clauses;
  const auto& units = layout_.units();
  std::vector<int> hits;
  std::vector<int8_t> term_in_unit;
  for (size_t ui = 0; ui < units.size(); ++ui) {
    const Unit& unit = units[ui];
    answer_ = -1;  // (only the question unit matched now has its answer; the passes below have none)
    if (unit.heading) continue;
    // Most units fire nothing: fold, gate (anchor_gate.h), scan, and only then analyse.
    hits.clear();
    if (!MatchAnchors(rules_, Folded(ui).folded.text, &hits)) continue;
    if (SkippedUnit(info_[ui].folded.text)) continue;
    // A question states neither a rule nor an act, unless a bare "No." answers it (it is what the answer reports).
    if (IsQuestion(info_[ui].folded.text) && (answer_ = BareAnswerTo(ui)) < 0) continue;
    UnitInfo& info = info_[ui];  // folded; its cues and actors (Info) only once a rule holds
    // A lead-in inside a condition, with no modal of its own ("(2) The
    // individual sought to be detained:" under "may comply only if:"),
    // states nothing: its items are the condition's parts.
    if (unit.lead_in >= 0 && EndsWithColon(info.folded.text) && Info(ui).modal.empty() &&
        UnderConditionLeadIn(unit.lead_in))
      continue;
    std::set<int> fired;
    for (int h : hits) fired.insert(rules_.set_to_pattern[h]);
    // Other terms: matched in the unit on demand (-1 unknown, 0 no, 1 yes).
    term_in_unit.assign(rules_.patterns.size(), -1);
    auto in_unit = [&](int p) {
      if (term_in_unit[p] < 0) term_in_unit[p] = fired.count(p) || RE2::PartialMatch(info.folded.text, *rules_.patterns[p].re);
      return term_in_unit[p] == 1;
    };
    std::map<std::string, std::vector<Candidate>> by_topic;
    std::string context;
    bool context_built = false;
    for (const auto& rule : rules_.rules) {
      if (!fired.count(rule.all_of[0])) continue;
      bool ok = true;
      for (size_t k = 1; k < rule.all_of.size() && ok; ++k) {
        if (in_unit(rule.all_of[k])) continue;
        if (!context_built) {
          context = Context(ui);
          context_built = true;
        }
        ok = RE2::PartialMatch(context, *rules_.patterns[rule.all_of[k]].re);
        // The subject matter (the last term) may come from the sentence a lead-in elaborates, not the rule's
        // other terms: "(c) ... disseminating information regarding the release status" under "The prohibition
        // set forth in this Chapter shall include:" after a sentence on immigration enforcement.
        if (!ok && k + 1 == rule.all_of.size()) ok = RE2::PartialMatch(ElaboratedSentence(ui), *rules_.patterns[rule.all_of[k]].re);
        if (!ok && rule.previous_context && k + 1 == rule.all_of.size())
          ok = RE2::PartialMatch(PreviousUnit(ui), *rules_.patterns[rule.all_of[k]].re) ||
               EarlierInParagraph(ui, *rules_.patterns[rule.all_of[k]].re);
        if (!ok && rule.section_context && k + 1 == rule.all_of.size()) ok = EarlierInSection(ui, *rules_.patterns[rule.all_of[k]].re);
        if (!ok && rule.addressee_context && k + 1 == rule.all_of.size()) ok = RE2::PartialMatch(NearestAddressee(ui), *rules_.patterns[rule.all_of[k]].re);
      }
      for (int v : rule.none_of)
        if (ok && in_unit(v)) ok = false;
      if (!ok) continue;
      const auto anchors = AllMatches(*rules_.patterns[rule.all_of[0]].re, Info(ui).folded.text);
      // A rule anchored both in an exception that opens the sentence and in its main clause speaks in the main
      // clause: "Except to the extent that disclosure is required by federal law, no ... agency shall provide to a
      // federal immigration authority ... any information" restricts, whatever "required" says inside the exception.
      const size_t exception_end = anchors.size() > 1 ? LeadingExceptionEnd(info.folded.text) : std::string::npos;
      const bool anchored_after_exception =
          exception_end != std::string::npos &&
          std::any_of(anchors.begin(), anchors.end(), [&](const auto& a) { return a.first >= exception_end; });
      for (auto [s, e] : anchors) {
        if (e <= s || InDefinition(ui, info, s)) continue;
        if (anchored_after_exception && e <= exception_end) continue;
        if (rule.segment_scope && !InScope(ui, rule, s, context, context_built)) continue;
        if (!info.modal.empty() && rule.topic != "judicial_warrant" && InLeadingCondition(info.condition_end, s, e)) {
          // "..., the supervisor shall decline the request"
          if (!info.taken_up) continue;
          std::tie(s, e) = *info.taken_up;
        }
        Candidate c = Decide(ui, Hit{s, e, Stance::kMentions});
        if (answer_ >= 0) AsAnswered(c, static_cast<size_t>(answer_));
        if (rule.stance && !c.retold) {
          c.stance = *rule.stance;
          c.cue.reset();
        }
        c.rule = rule.id;
        c.fallback = rule.fallback;
        c.confidence = rule.confidence * (c.inherited ? 0.9 : 1.0) * (c.stance == Stance::kMentions ? 0.8 : 1.0) *
                       (rule.fallback ? 0.9 : 1.0);
        by_topic[rule.topic].push_back(c);
      }
    }
    // Fallback rules count only where no other rule fired.
    const bool primary = std::any_of(by_topic.begin(), by_topic.end(), [](const auto& entry) {
      return std::any_of(entry.second.begin(), entry.second.end(), [](const Candidate& c) { return !c.fallback; });
    });
    if (primary)
      for (auto& [topic, candidates] : by_topic)
        std::erase_if(candidates, [](const Candidate& c) { return c.fallback; });
    std::set<std::string> suppressed;
    for (const auto& [topic, candidates] : by_topic) {
      if (candidates.empty()) continue;
      auto it = rules_.overrides.find(topic);
      if (it != rules_.overrides.end()) suppressed.insert(it->second.begin(), it->second.end());
    }
    for (auto& [topic, candidates] : by_topic) {
      if (suppressed.count(topic) || candidates.empty()) continue;
      Emit(ui, topic, candidates, clauses);
    }
  }
  answer_ = -1;
  ReferencedTopics(clauses);
  CompleteLeadInTopics(clauses);
  CarryLeadInTopics(clauses);
  OrderByIndexKey(clauses);
  return clauses;
}

std::string_view Matcher::UnitText(size_t ui) const {
  const Unit& u = layout_.units()[ui];
  return std::string_view(layout_.stream()).substr(u.begin, u.end - u.begin);
}

UnitInfo& Matcher::Folded(size_t ui) {
  UnitInfo& info = info_[ui];
  if (!info.folded_done) {
    info.folded_done = true;
    info.folded = FoldDiacritics(UnitText(ui));
    if (phrases_.dhs_means_human_services) LowerAcronym(info.folded.text, "DHS");
    if (phrases_.may_name_state_homeland_security) MaskStateHomelandSecurity(info.folded.text);
    // A unit still the document's own bytes holds a misreading only if the document does.
    if (phrases_.may_hold_ocr_misreading || info.folded.text != UnitText(ui)) RepairOcrModals(info.folded.text);
    RepairSplitWords(info.folded);
    RepairSplitKeyWords(info.folded);  // a bad OCR layer's "sha ll", "a rrest"; a PDF's kerned "au thorized"
    // ... and its "shallinquire", "NOSTATE ENTITY"
    if (phrases_.may_hold_glued_word || info.folded.text != UnitText(ui)) RepairGluedWords(info.folded);
    info.verbatim = info.folded.text == UnitText(ui);
  }
  return info;
}

UnitInfo& Matcher::Info(size_t ui) {
  UnitInfo& info = Folded(ui);
  if (info.done) return info;
  info.done = true;
  const std::string& t = info.folded.text;
  info.condition_end = LeadingConditionEnd(t);
  info.taken_up = MainClauseTakesUp(t, info.condition_end);
  info.modal = FindCues(rules_.modal_cues, t, info.condition_end);
  info.reports = FindCues(rules_.report_cues, t, info.condition_end);
  info.imperative = FindCues(rules_.imperative_cues, t, info.condition_end);
  info.habitual = FindCues(rules_.habitual_cues, t, info.condition_end);
  info.cuts = ScopeCuts(rules_.scope_breaks, t, info.modal);
  std::vector<ActorHit> hits;
  // Defined short names first: on a tie they beat the generic cues.
  for (const auto& [re, actor] : aliases_)
    for (auto [s, e] : AllMatches(*re, t)) hits.push_back(ActorHit{s, e, actor});
  for (const auto& cue : rules_.actors) {
    for (auto [s, e] : AllMatches(*cue.re, t)) {
      if (cue.not_followed_by) {
        re2::StringPiece rest(t.data() + e, t.size() - e);
        if (RE2::PartialMatch(rest, *cue.not_followed_by)) continue;
      }
      std::string actor = cue.actor;
      if (actor == "{agency}") {
        // "we", "our": in testimony, the speaker's agency.
        static const RE2 kFirstPerson("(?i)^(?:we|our|us)$");
        // ("Intake staff do not ask ...": where the document names no agency, the speaker's staff too)
        std::string speaker;
        if (RE2::FullMatch(re2::StringPiece(t.data() + s, e - s), kFirstPerson) || default_actor_.empty())
          speaker = SpeakerActor(layout_.units()[ui].begin + info.folded.ToOriginal(s));
        actor = speaker.empty() ? default_actor_ : speaker;
      }
      if (Foreign(actor)) continue;
      hits.push_back(ActorHit{s, e, actor});
    }
  }
  info.actors = ResolveActorHits(std::move(hits));
  return info;
}

size_t Matcher::SegmentOf(const UnitInfo& info, size_t pos) const {
  auto it = std::upper_bound(info.cuts.begin(), info.cuts.end(), pos);
  return static_cast<size_t>(it - info.cuts.begin()) - 1;
}

bool Matcher::Explains(size_t ui) {
  UnitInfo& info = Folded(ui);
  if (info.explains < 0) info.explains = !FindCues(rules_.explanation_cues, info.folded.text).empty();
  return info.explains == 1;
}

// A cue of `cues` in the unit or in its lead-in, asked once per unit (`cache`: -1 not yet asked).
bool Matcher::CuedHereOrInLeadIn(size_t ui, const Rulebook::Compiled::CueList& cues, int8_t UnitInfo::*cache) {
  UnitInfo& info = Folded(ui);  // info_ is sized once: references to it stay valid
  if (info.*cache < 0) {
    const int lead = layout_.units()[ui].lead_in;
    info.*cache = !FindCues(cues, info.folded.text).empty() ||
                  (lead >= 0 && !FindCues(cues, Folded(lead).folded.text).empty());
  }
  return info.*cache == 1;
}

bool Matcher::RetellsBackground(size_t ui) { return CuedHereOrInLeadIn(ui, rules_.background_cues, &UnitInfo::background); }

bool Matcher::SummarizesBill(size_t ui) { return CuedHereOrInLeadIn(ui, rules_.summary_cues, &UnitInfo::summary); }

// Does a segment that opens on a contrast (cue_scan.h OpensContrast) start after `from` and at or before `to`? A
// negation before it does not reach across.
bool Matcher::ContrastBetween(const UnitInfo& info, size_t from, size_t to) const {
  for (size_t cut : info.cuts) {
    if (cut <= from || cut > to) continue;
    if (OpensContrast(std::string_view(info.folded.text).substr(cut))) return true;
  }
  return false;
}

// Does a list item open with a verb of refusing ("(a) Decline to respond ...", "- Refuse to honor ...", "Refrain from
// inquiring ...") or a "Not" ("5. Not keep any resident past his or her release time ...", a post order's duties)?
// Under a lead-in that imposes a duty ("shall:") such an item limits what it names.
static bool ItemOpensWithRefusal(std::string_view item) {
  static const RE2 kRefusal(R"re((?i)^\W*(?:[a-z0-9]{1,4}[.)]\W*)?(?:decline|refuse|refrain from|abstain from|cease|not|never)\b)re");
  return RE2::PartialMatch(re2::StringPiece(item.data(), item.size()), kRefusal);
}

Candidate Matcher::Decide(size_t ui, Hit anchor) {
  UnitInfo& info = Info(ui);
  Candidate c;
  c.anchor = anchor;
  c.segment = SegmentOf(info, anchor.start);
  const size_t seg_begin = info.cuts[c.segment];
  const size_t seg_end = c.segment + 1 < info.cuts.size() ? info.cuts[c.segment + 1] : info.folded.text.size();
  const int lead = layout_.units()[ui].lead_in;
  const Hit* governing = nullptr;
  bool predicate_of_lead = false;  // the stance is the lead-in's: the item has no modal of its own
  for (const Hit& h : info.modal)  // nearest cue before the anchor, same segment
    if (h.start >= seg_begin && h.start < anchor.start) governing = &h;
  if (!governing)
    for (const Hit& h : info.modal)  // else the first after it, same segment
      if (h.start >= anchor.start && h.start < seg_end) {
        governing = &h;
        break;
      }
  // ... unless that cue is a proviso's, in an item its lead-in governs: "shall: (2) transfer the individual to federal
  // immigration authorities provided that the transfer does not extend the time in custody" requires the transfer.
  if (governing && governing->start > anchor.start && LeadInStance(lead)) {
    static const RE2 kProviso(R"re((?i)\b(?:provided(?:,? however,?)? that|so long as|as long as|on condition that)\b)re");
    const std::string_view between = std::string_view(info.folded.text).substr(anchor.start, governing->start - anchor.start);
    if (RE2::PartialMatch(re2::StringPiece(between.data(), between.size()), kProviso)) governing = nullptr;
  }
  if (governing && LeadInStance(lead) && CueInItemSubclause(info.folded.text, governing->start)) governing = nullptr;
  // ... and elsewhere the cue before it governs ("bars the Department from ... telling ICE when the person will be released")
  if (const size_t sub = governing ? governing->start : 0; governing && CueInSubclause(info.folded.text, sub))
    for (const Hit& h : info.modal)
      if (h.start < sub && !CueInSubclause(info.folded.text, h.start)) governing = &h;
  if (!governing)
    for (const Hit& h : info.modal)  // else the last one of an earlier segment
      if (h.start < seg_begin) governing = &h;
  // ... but not across a contrasting clause: "the D.C. DOC does not hold immigrants in custody for ICE, but it does honor the
  // second part of the detainer request, namely notifying federal agents before an inmate is released" does notify.
  if (governing && governing->start < seg_begin && ContrastBetween(info, governing->start, seg_begin)) governing = nullptr;
  // A permission inside what a notice tells ("... a consent form that explains ... that the individual may decline to
  // be interviewed") is the notice's word: the telling's own cue before it governs, where there is one. (A duty or
  // limit told, "inform ICE that the jail will not hold the person", keeps its own stance.)
  if (governing && governing->stance == Stance::kPermits) {
    const size_t told = ToldContentStart(info.folded.text, governing->start);
    if (told != std::string_view::npos) {
      const Hit* telling = nullptr;
      for (const Hit& h : info.modal)
        if (h.start < told) telling = &h;
      // (an item whose telling has no cue of its own is told under its lead-in's: "The department shall: (1) ...
      // provide the individual with a written consent form that explains ... that he or she may decline to be
      // interviewed or may choose to be interviewed only with his or her attorney present", Cal. Gov. Code 7284.10(a)(1))
      if (telling) governing = telling;
      else if (LeadInStance(lead)) governing = nullptr;
    }
  }
  if (governing) {
    c.stance = governing->stance;
    c.cue = *governing;
    // A release forbidden until the agency is told requires the telling (cue_scan.h, ReleaseWithheldUntil).
    if (c.stance == Stance::kRestricts && ReleaseWithheldUntil(info.folded.text, governing->start, anchor.start))
      c.stance = Stance::kRequires;
    // A record of practice that says what is "not" done describes it; "if ICE provides a warrant, we will hold" permits (PracticeStance).
    // (not where the record tells what a written rule says: "According to the SLCPD policy, the department may ...")
    const bool cites_rule = authority_ == "practice" && (CitesWrittenRule(info.folded.text) ||
                                                         (lead >= 0 && IntroducesRules(Folded(lead).folded.text)));
    if (authority_ == "practice" && !cites_rule) c.stance = PracticeStance(c.stance, info.folded.text, governing->start);
    // ... and one that explains (a definition, a court's ruling, what law enforcement in general may do) binds no one
    if (authority_ == "practice" && info.reports.empty() && Explains(ui)) c.stance = Stance::kMentions;
  } else if (auto inherited = LeadInStance(lead)) {
    c.stance = *inherited;
    c.inherited = true;
    predicate_of_lead = true;
    // ... where the duty handed down is to refuse, it restricts: "all City employees and officials shall: (a) Decline
    // to respond affirmatively to requests from [ICE] for non-public information ..." (as "shall decline" does in one sentence)
    if (c.stance == Stance::kRequires && ItemOpensWithRefusal(info.folded.text)) c.stance = Stance::kRestricts;
  } else if (auto listed = HeadingStance(ui)) {
    c.stance = *listed;
    c.inherited = true;
  } else if (!info.habitual.empty()) {
    c.stance = Stance::kReports;
    c.cue = info.habitual.front();
  } else if (!info.imperative.empty() && authority_ != "practice") {
    c.stance = Stance::kRequires;
    c.cue = info.imperative.front();
  } else if (authority_ == "practice") {
    // A definition, a link or a court's ruling on a page about practice explains; it reports no act.
    const bool explains = info.reports.empty() && Explains(ui);
    c.stance = explains ? Stance::kMentions : Stance::kReports;
    if (!info.reports.empty()) c.cue = info.reports.front();
  } else if (!info.reports.empty() && authority_ != "law" && (authority_ != "policy" || InNarrativeSection(ui))) {
    c.stance = Stance::kReports;
    c.cue = info.reports.front();
  } else if (authority_ == "policy" && NarratesPastCourse(info.folded.text)) {
    c.stance = Stance::kReports;  // (cue_scan.h, NarratesPastCourse)
  } else {
    c.stance = Stance::kMentions;
  }
  // A prohibition of prohibiting permits (cue_scan.h, StartsWithLimitingAct); so does the limit an item of a forbidden policy's definition names ("sanctuary policy" means ... that: (4) Restricts ...), or of what nothing is to be construed to do.
  if (lead >= 0 && StartsWithLimitingAct(info.folded.text) && ((c.stance == Stance::kRestricts && LeadInStance(lead) == Stance::kRestricts) || DefinesForbiddenPolicy(Folded(lead).folded.text) || DisclaimsConstruction(Folded(lead).folded.text))) c.stance = Stance::kPermits;
  // What another law says, retold in a policy or a page of practice ("The California Trust Act prohibits ...", or items under "Within the State of Oregon, law enforcement can:"), mentions.
  if ((authority_ == "policy" || authority_ == "practice") && RetellsBackground(ui)) c.retold = true;
  // A bill's digest or analysis ("This bill prohibits a city ... from enacting ...") tells what the bill does, in any document.
  if (SummarizesBill(ui)) c.retold = true;
  if (c.retold) c.stance = Stance::kMentions;
  // Actor: the first actor cue before the anchor in its segment, else in
  // the unit, else in the lead-ins, else the document's agency. An item whose
  // duty is its lead-in's is the predicate of the lead-in's subject: "B. ICE
  // will:" / "Reimburse DOC for the cost of holding ..." is ICE's act; the
  // DOC it names is an object.
  c.actor.clear();
  if (predicate_of_lead)
    for (int li = lead; c.actor.empty() && li >= 0; li = layout_.units()[li].lead_in)
      if (const UnitInfo& l = Info(li); !l.actors.empty()) c.actor = l.actors.front().second;
  for (const auto& [pos, actor] : info.actors)
    if (c.actor.empty() && pos >= seg_begin && pos < anchor.start) {
      c.actor = actor;
      break;
    }
  if (c.actor.empty())
    for (const auto& [pos, actor] : info.actors)
      if (pos < anchor.start) {
        c.actor = actor;
        break;
      }
  const auto& units = layout_.units();
  for (int li = units[ui].lead_in; c.actor.empty() && li >= 0; li = units[li].lead_in) {
    const UnitInfo& lead = Info(li);
    if (!lead.actors.empty()) c.actor = lead.actors.front().second;
  }
  if (c.actor.empty()) c.actor = default_actor_;
  return c;
}

Span Matcher::ToSpan(size_t ui, int page_idx, size_t folded_start, size_t folded_end) {
  const UnitInfo& info = Info(ui);
  const Unit& u = layout_.units()[ui];
  size_t s = u.begin + info.folded.ToOriginal(folded_start);
  size_t e = u.begin + info.folded.ToOriginal(folded_end);
  PagePos ps = layout_.Locate(s);
  if (ps.page_idx != page_idx || e <= s) return Span{};
  PagePos pe = layout_.Locate(e - 1);
  if (pe.page_idx != page_idx) return Span{};
  return Span{layout_.CodePoint(ps), layout_.CodePoint(pe) + 1};
}

// Items that complete a condition ("an individual who: (1) is an alien
// illegally present ...", "except: (a) where ...") or list the purposes a
// permission serves ("for any lawful purpose, including: (1) determining
// ...") are not acts of their own: the lead-in stays the clause. The
// condition may be stated a level up: "may comply only if: ... (2) The
// individual sought to be detained: (A) Is 18 years of age or older".
bool Matcher::SkippedUnit(const std::string& folded) const {
  return std::any_of(rules_.skip_units.begin(), rules_.skip_units.end(),
                     [&](const auto& re) { return RE2::PartialMatch(folded, *re); });
}

// A bullet printed alone at the foot of a page, its item on the next page:
// the clause, and its citation, start at the item's first word.
size_t Matcher::PastStrandedBullet(size_t sb, size_t se) const {
  const std::string& stream = layout_.stream();
  size_t glyph = 0;
  for (std::string_view bullet : {"\u2022", "\u25aa", "\u25a0", "\u25cf", "\u25e6", "-", "*", "o", "x"})
    if (stream.compare(sb, bullet.size(), bullet) == 0) glyph = bullet.size();
  if (glyph == 0) return sb;
  size_t text = sb + glyph;
  if (text >= se || (stream[text] != ' ' && stream[text] != '\n')) return sb;
  while (text < se && (stream[text] == ' ' || stream[text] == '\n')) ++text;
  // (a checkbox read as "x" is no glyph a reader sees: the clause starts at its item on any page)
  if (glyph == 1 && stream[sb] == 'x') return text < se ? text : sb;
  return text < se && layout_.Locate(text).page_idx != layout_.Locate(sb).page_idx ? text : sb;
}

void Matcher::Emit(size_t ui, const std::string& topic, const std::vector<Candidate>& candidates, std::vector<Clause>& out) {
  const UnitInfo& info = Info(ui);
  const Unit& unit = layout_.units()[ui];
  std::vector<Stance> stances;
  for (const auto& c : candidates)
    if (std::find(stances.begin(), stances.end(), c.stance) == stances.end()) stances.push_back(c.stance);
  // A unit that binds on the topic does not also merely mention it ("shall
  // not enter into an agreement under section 287(g)" names the program too).
  if (stances.size() > 1) std::erase(stances, Stance::kMentions);
  for (Stance stance : stances) {
    const Candidate* best = nullptr;
    for (const auto& c : candidates)
      if (c.stance == stance && (best == nullptr || c.confidence > best->confidence)) best = &c;
    // One stance: the whole unit. Several: each its own negation scope (two stances in one scope make two clauses of
    // one span and topic, and OrderByIndexKey keeps the later).
    size_t fb = 0, fe = info.folded.text.size();
    if (stances.size() > 1) {
      fb = info.cuts[best->segment];
      fe = best->segment + 1 < info.cuts.size() ? info.cuts[best->segment + 1] : info.folded.text.size();
    }
    size_t sb = unit.begin + info.folded.ToOriginal(fb);
    size_t se = answer_ >= 0 ? layout_.units()[answer_].end : unit.begin + info.folded.ToOriginal(fe);  // (and its answer)
    const std::string& stream = layout_.stream();
    while (sb < se && (stream[sb] == ' ' || stream[sb] == ',' || stream[sb] == ';')) ++sb;
    while (se > sb && stream[se - 1] == ' ') --se;
    sb = PastStrandedBullet(sb, se);
    if (se <= sb) continue;
    Clause clause;
    clause.topic = topic;
    clause.stance = stance;
    clause.actor = best->actor;
    // (a sentence printed across a page break is cited where its decisive words are)
    const size_t anchor_at = unit.begin + info.folded.ToOriginal(best->anchor.start);
    std::optional<size_t> cue_at;
    if (best->cue && best->cue->end > best->cue->start) cue_at = unit.begin + info.folded.ToOriginal(best->cue->start);
    const int cited_page_idx = PlaceOnPages(layout_, sb, se, anchor_at, cue_at, clause);
    clause.section = unit.section >= 0 ? layout_.sections()[unit.section].path : std::string();
    // (an unnumbered bulleted item is cited by its place: "Appendix A, bullet 4")
    if (unit.bullet || unit.in_bullet_item) {
      if (bullet_ordinals_.empty()) bullet_ordinals_ = BulletOrdinals(layout_);
      clause.section = WithBulletOrdinal(clause.section, bullet_ordinals_[ui]);
    }
    if (clause.parts.front().first_line > 0 && clause.section.empty()) {
      // A transcript has no sections; its citable place is the printed
      // line, and of the lines a sentence spans, the one holding the words
      // the rule anchored on is the one a reader looks for. (A bill's pages
      // are line-numbered too, but its sections are what a lawyer cites:
      // "2-104.3(B)", not "line 10".)
      int line = layout_.Locate(anchor_at).page_idx == cited_page_idx ? layout_.PrintedLine(anchor_at) : 0;
      for (const ClausePart& part : clause.parts)
        if (line == 0 && part.page == clause.page) line = part.first_line;
      clause.section = "line " + std::to_string(line);
    }
    clause.text = stream.substr(sb, se - sb);
    if (best->cue) clause.stance_cue = ToSpan(ui, cited_page_idx, best->cue->start, best->cue->end);
    clause.topic_cue = ToSpan(ui, cited_page_idx, best->anchor.start, best->anchor.end);
    clause.rule = best->rule;
    clause.confidence = best->confidence;
    out.push_back(std::move(clause));
    emitted_unit_.push_back(ui);
  }
}

}  // namespace matching

std::vector<Clause> MatchClauses(const Rulebook::Compiled& rules, const DocumentLayout& layout,
                                 const std::string& default_actor, const std::string& authority,
                                 const ActorScope& scope) {
  return matching::Matcher(rules, layout, default_actor, authority, scope).Run();
}

}  // namespace foiamine::extractors::internal
