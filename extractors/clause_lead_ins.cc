// The matcher's passes over list lead-ins and cross-references, once every
// unit has been matched (clause_matcher_impl.h).
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "extractors/actor_names.h"
#include "extractors/clause_matcher_impl.h"
#include "extractors/cross_reference.h"
#include "extractors/cue_scan.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal::matching {

// The stance a lead-in hands down to its items: its last modal cue, or
// its own lead-in's.
std::optional<Stance> Matcher::LeadInStance(int li) {
  const auto& units = layout_.units();
  if (li < 0) return std::nullopt;
  // The exceptions a prohibition lists ("No person is subject to civil
  // arrest ..., except: (a) where such arrest is pursuant to a court order")
  // are what it permits; the conditions it lists ("shall not: ... (3) permit
  // ... an interview unless: (A) the agency presents a judicial order") are
  // what it requires. The item's own lead-in says which, whichever lead-in
  // above it holds the modal.
  static const RE2 kConditions(R"re((?i)\b(?:unless|only if|only when|provided that|a menos que)\W*$)re");

  const std::string& own = Info(li).folded.text;
  const bool exceptions = ListsExceptions(own);
  const bool conditions = RE2::PartialMatch(own, kConditions);
  for (; li >= 0; li = units[li].lead_in) {
    const UnitInfo& info = Info(li);
    if (info.modal.empty()) continue;
    const Stance stance = MainClauseCue(info.modal, info.folded.text).stance;
    if (stance == Stance::kRestricts && exceptions) return Stance::kPermits;
    if (stance == Stance::kRestricts && conditions) return Stance::kRequires;
    return stance;
  }
  return std::nullopt;
}

// The items a section lists under a heading that names them prohibited
// ("§ 4724. Prohibited activities of law enforcement" / "(1) Inquiring into
// a person's immigration status;"), no lead-in sentence between: the heading
// is their lead-in.
std::optional<Stance> Matcher::HeadingStance(size_t ui) {
  static const RE2 kItem(R"re(^\W*(?:\(\w{1,4}\)|\w{1,4}[.)])\s)re");
  static const RE2 kProhibited(R"re((?i)\bprohibit(?:ed|ions?)\b|\b(?:restrictions|limitations) on\b|\bforbidden\b)re");
  UnitInfo& info = Folded(ui);
  if (info.heading_stance) return *info.heading_stance;
  info.heading_stance.emplace(std::nullopt);
  const auto& units = layout_.units();
  if (units[ui].lead_in >= 0 || units[ui].section < 0 || !RE2::PartialMatch(info.folded.text, kItem)) return std::nullopt;
  for (int s = layout_.parent(units[ui].section); s >= 0; s = layout_.parent(s))
    if (RE2::PartialMatch(layout_.sections()[s].heading, kProhibited)) {
      info.heading_stance.emplace(Stance::kRestricts);
      break;
    }
  return *info.heading_stance;
}

// A lead-in that ends by naming the grounds a prohibition lists: "shall not ... detain a person ... based on any
// of the following:".
constexpr char kGroundsLeadIn[] = R"re(\bbased (?:solely |only |exclusively )?(?:on|upon)\b(?:\W+[\w'-]+){0,4}\W*$)re";

// Does the lead-in end by introducing conditions, exceptions, purposes or
// reasons ("unless:", "for any lawful purpose, including:", "We communicate
// with ICE ... for two reasons: (1) it is a common-sense measure ...",
// "shall not ... detain a person ... based on any of the following:")?
bool Matcher::IsConditionLeadIn(size_t lead) {
  static const RE2 kConditionLeadIn(
      std::string(R"re((?i)\b(?:who|whom|whose|that|which|if|when|where|whether|unless|except|provided|other than|including|purposes?|conditions?|criteria|criterion|circumstances?|situations?|instances|reasons?|because|grounds|so long as|as long as)\b(?:\W+[\w'-]+){0,3}\W*$|)re"
                  // A permission the items condition, however far its "only if" stands from the colon: "may inquire
                  // as to the ... immigration status ... only if the officer determines that the inquiry is
                  // necessary to: (1) investigate the offense; or (2) ...".
                  R"re(\bonly (?:if|when|where)\b[^.;]{0,160}$|)re"
                  // ... and so does "if" with the list named after it: "may be honored by UPD if an individual falls
                  // under the following categories: 1. Has been convicted ...", "may conditionally release an inmate
                  // into the custody and control of [ICE] if all of the following requirements are satisfied:"
                  // (N.C. G.S. 148-64.1(a))
                  R"re(\b(?:if|when|unless)\b[^.;:]{0,100}\bfollowing\b(?:\W+[\w'-]+){0,2}\W*$|)re"
                  R"re(\b(?:if|when|unless)\b[^.;:]{0,100}\bfollowing\W+(?:[\w'-]+\W+)?(?:requirements|conditions|criteria)\W+)re"
                  R"re((?:are|is|have been|has been)\W+(?:met|satisfied|fulfilled|present|true)\W*$|)re"
                  // ... and what a person must first be told: "no such interview shall be allowed until the individual has
                  // been advised of certain legal rights in writing ..., including but not limited to: (1) The interview is
                  // being sought by federal immigration authorities; (2) ..." (the rights are the advisement's content)
                  R"re(\b(?:advised|informed|notified|told|apprised)\s+(?:of|that)\b[^.;]{0,200}$|)re") + kGroundsLeadIn);
  // "In furtherance of that policy:", "To that end:" carry a rule on; "that" there points back, it opens no condition.
  const std::string& text = Folded(lead).folded.text;
  // Nor does the "that" of what is to be verified: "the sheriff or officer shall make a reasonable effort to
  // verify that: (1) the defendant has been lawfully admitted ..." (the items are the duty's content). A condition in
  // the same clause still makes them conditions: "shall notify the Department ... if the officer determines that:".
  static const RE2 kContentThat(
      R"re((?i)\b(?:verif(?:y|ies|ied)|certif(?:y|ies|ied)|confirm(?:s|ed)?)\s+that\W*$)re");
  static const RE2 kConditionWord(R"re((?i)\b(?:if|when|unless|whether|where|only)\b)re");
  if (RE2::PartialMatch(text, kContentThat)) {
    const size_t comma = text.rfind(',');
    const std::string_view clause = std::string_view(text).substr(comma == std::string::npos ? 0 : comma + 1);
    if (!RE2::PartialMatch(re2::StringPiece(clause.data(), clause.size()), kConditionWord)) return false;
  }
  return !StartsWithElaboration(text) && RE2::PartialMatch(text, kConditionLeadIn);
}

bool Matcher::UnderConditionLeadIn(int lead) {
  for (int up = lead; up >= 0; up = layout_.units()[up].lead_in)
    if (IsConditionLeadIn(static_cast<size_t>(up))) return true;
  return false;
}

namespace {
// The lead-in with the item's words in place of the "the following" it ends by naming, and of all after it; "" when
// it names none. The item's marker is left out.
std::string ItemInPlaceOfTheFollowing(const std::string& lead_in, const std::string& item) {
  static const RE2 kTheFollowing(R"re((?i)(\b(?:(?:any|each|all|one|either) of )?the following\b)(?:\s+[\w'-]+)?[^.;:]*:\W*$)re");
  static const RE2 kMarker(R"re(^\W*(?:\(\w{1,4}\)|\w{1,4}[.)])\s+)re");
  re2::StringPiece named;
  if (!RE2::PartialMatch(lead_in, kTheFollowing, &named)) return "";
  re2::StringPiece body(item);
  RE2::Consume(&body, kMarker);
  return lead_in.substr(0, static_cast<size_t>(named.data() - lead_in.data())) + std::string(body.data(), body.size());
}
}  // namespace

// A lead-in may hold a rule's anchor and its items the rest ("may not
// enter into ... an agreement for either of the following: (1) To exercise
// federal civil immigration authority ...; (2) To detain ... individuals
// in the custody of a federal immigration authority"): each item that
// completes the rule is a clause of the topic, in the lead-in's stance,
// and it outranks the item's mere mention of the topic.
void Matcher::CompleteLeadInTopics(std::vector<Clause>& clauses) {
  std::set<std::pair<size_t, std::string>> completed, bound;  // (item, topic)
  for (size_t ci = 0; ci < clauses.size(); ++ci)
    if (clauses[ci].stance != Stance::kMentions) bound.insert({emitted_unit_[ci], clauses[ci].topic});
  for (const auto& [lead, items] : items_of_) {
    const std::string& lt = Folded(lead).folded.text;
    // (The purposes a prohibition lists are what it prohibits, and so are the grounds: "shall not stop, arrest,
    // detain ... based on any of the following: ... (3) Any other basis that is based solely on the belief that the
    // person is not present legally".)
    static const RE2 kPurposes(std::string(R"re((?i)\bpurposes?\W*$|)re") + kGroundsLeadIn);
    if (SkippedUnit(lt)) continue;
    if (UnderConditionLeadIn(static_cast<int>(lead)) && !RE2::PartialMatch(lt, kPurposes)) continue;
    const std::string context = lt + "\n" + Context(lead);
    for (const auto& rule : rules_.rules) {
      if (rule.fallback || rule.stance) continue;
      const auto& pattern = [&](int p) -> const RE2& { return *rules_.patterns[p].re; };
      // Every term in `text`, or (all but the anchor) in the lead-in's context.
      const auto holds = [&](const std::string& text) {
        return std::all_of(rule.all_of.begin(), rule.all_of.end(), [&](int p) {
          return RE2::PartialMatch(text, pattern(p)) || (p != rule.all_of[0] && RE2::PartialMatch(context, pattern(p)));
        });
      };
      const auto vetoed = [&](const std::string& text) {
        return std::any_of(rule.none_of.begin(), rule.none_of.end(), [&](int v) { return RE2::PartialMatch(text, pattern(v)); });
      };
      // A lead-in that holds the whole rule is a clause itself (and hands
      // its topic down in CarryLeadInTopics).
      if (holds(lt) || vetoed(lt)) continue;
      // (A condition that opens the lead-in, completed by its items' words, is still the lead-in's: "Unless presented
      // with a valid and properly issued criminal warrant, no agency or agent shall: (1) Permit ICE agents access ...".)
      const bool lead_in_condition = AnchoredInLeadingCondition(lead, rule.id);
      for (size_t item : items) {
        const std::string& it = Folded(item).folded.text;
        // (A bare name may complete the rule: "may be disseminated to: ...
        // (b) Agents, Immigration and Customs Enforcement"; a sub-lead-in only introduces.)
        if (EndsWithColon(it) || SkippedUnit(it)) continue;
        if (completed.count({item, rule.topic}) || bound.count({item, rule.topic})) continue;
        // The lead-in read on into the item: "(1) stop, arrest, detain ... a
        // person" + "(A) solely on the belief that the person is not present legally"; or the item read in
        // where the lead-in names "the following": "shall not collect the following, except as required by
        // state or federal law ...:" + "(b) Immigration or citizenship status; or".
        if (!(holds(lt + " " + it) || holds(ItemInPlaceOfTheFollowing(lt, it))) || vetoed(it) || InDefinition(item, Info(item), 0)) continue;
        if (lead_in_condition) {
          Candidate c = Decide(lead, Hit{0, 0, Stance::kMentions});
          if (c.stance == Stance::kMentions || bound.count({lead, rule.topic})) break;
          c.rule = rule.id + "@items";
          c.confidence = rule.confidence * 0.85;
          bound.insert({lead, rule.topic});
          Emit(lead, rule.topic, {c}, clauses);
          break;
        }
        Candidate c = Decide(item, Hit{0, 0, Stance::kMentions});
        if (c.stance == Stance::kMentions || !c.inherited) continue;
        c.rule = rule.id + "@items";
        c.confidence = rule.confidence * 0.85;
        completed.insert({item, rule.topic});
        Emit(item, rule.topic, {c}, clauses);
      }
    }
  }
  // The item's mention of the topic gives way to its clause.
  std::vector<bool> drop(clauses.size());
  for (size_t ci = 0; ci < clauses.size(); ++ci)
    drop[ci] = clauses[ci].stance == Stance::kMentions && completed.count({emitted_unit_[ci], clauses[ci].topic});
  DropClauses(drop, clauses);
}

// A unit that lifts or limits another provision's duty ("is not required to
// perform a duty imposed by Subsection (a)") speaks, in its own stance, to
// the topics of that provision's clauses (cross_reference.h).
void Matcher::ReferencedTopics(std::vector<Clause>& clauses) {
  const size_t emitted = clauses.size();
  if (emitted == 0) return;  // (nothing to refer to: no unit is scanned)
  const std::set<size_t> bound(emitted_unit_.begin(), emitted_unit_.end());
  for (size_t ui = 0; ui < layout_.units().size(); ++ui) {
    const auto ref = layout_.units()[ui].heading || bound.count(ui) ? std::nullopt : ProvisionReferenceIn(ui);
    std::set<std::string> topics;
    for (size_t ci = 0; ref && ci < emitted; ++ci) {
      const std::string topic = clauses[ci].topic, rule = clauses[ci].rule;  // (Emit may move `clauses`)
      if (clauses[ci].stance == Stance::kMentions || !SectionPathHolds(clauses[ci].section, ref->label) || !topics.insert(topic).second) continue;
      Candidate c = Decide(ui, Hit{ref->start, ref->end, Stance::kMentions});
      if (c.stance == Stance::kMentions) break;
      c.rule = rule + "@reference";
      c.confidence = clauses[ci].confidence * 0.8;
      Emit(ui, topic, {c}, clauses);
    }
  }
}

std::optional<ProvisionReference> Matcher::ProvisionReferenceIn(size_t ui) {
  const UnitInfo& info = Folded(ui);
  // A unit still the document's own bytes lifts a duty only if the document does.
  if (!phrases_.may_lift_duty && info.verbatim) return std::nullopt;
  return FindProvisionReference(info.folded.text);
}

// Removes the clauses marked in `drop` (one flag per clause, or fewer: the rest are kept), keeping emitted_unit_ in step.
void Matcher::DropClauses(const std::vector<bool>& drop, std::vector<Clause>& clauses) {
  size_t out = 0;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    if (ci < drop.size() && drop[ci]) continue;
    if (out != ci) clauses[out] = std::move(clauses[ci]);  // never onto itself
    emitted_unit_[out++] = emitted_unit_[ci];
  }
  clauses.resize(out);
  emitted_unit_.resize(out);
}

bool Matcher::AnchoredInLeadingCondition(size_t lead, const std::string& rule_id) {
  const UnitInfo& info = Info(lead);
  // (an exception opening the sentence is a condition too: "Unless presented with ..., no agency ... shall:")
  size_t condition_end = info.condition_end;
  if (condition_end == std::string::npos) condition_end = LeadingExceptionEnd(info.folded.text);
  if (condition_end == std::string::npos) return false;
  const auto rule = std::find_if(rules_.rules.begin(), rules_.rules.end(), [&](const auto& r) { return r.id == rule_id; });
  if (rule == rules_.rules.end() || rule->all_of.empty()) return false;
  const RE2& anchor = *rules_.patterns[rule->all_of[0]].re;
  const std::string_view text = info.folded.text;
  const std::string_view condition = text.substr(0, condition_end), rest = text.substr(condition_end);
  return RE2::PartialMatch(re2::StringPiece(condition.data(), condition.size()), anchor) &&
         !RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), anchor);
}

// Does a lead-in end by announcing the contents of what it names ("..., of:", "the following information:"), the
// authorities of its exception ("unless ... required by:"), or what a duty does not reach ("shall not be required for
// any of the following:", "does not apply to:": the items are the exempt cases, no acts of the topic)?
// (Not one more IsConditionLeadIn form: a condition's items lose their own clauses of the lead-in's topic, while a
// notice's listed contents only keep the topic from being handed down; folded in there, the Irvington statement's
// "solely on the basis of:" lost its items' clauses.)
static bool ListsContents(std::string_view lead) {
  // ... and so does one whose items only name the authorities of its exception ("the public body may decline to
  // disclose the information unless disclosure is required by: (A) Federal law; (B) A court order; or (C) A warrant
  // authorized by a court", ORS 180.805(3)(a)): the items are no acts.
  static const RE2 kContents(
      R"re((?i)(?:\bof|\b(?:following|this|such|the) (?:information|data|details|particulars|facts)(?: [\w-]+){0,3}|\b(?:unless|except(?: as| when| where)?) (?:[\w'-]+ ){0,4}?(?:is |are |be )?(?:required|authorized|permitted|ordered|compelled|mandated) (?:by|under|pursuant to)(?: (?:any|one|either) of)?(?: the following)?|\b(?:shall|does|do|will|is|are|need) not (?:be )?(?:required|apply|applicable|necessary)(?: (?:to|for|in|with respect to))?(?: (?:any|each|all|either) of)?(?: the following)?(?: [\w-]+){0,2})\s*:\s*$)re");
  return RE2::PartialMatch(re2::StringPiece(lead.data(), lead.size()), kContents);
}

// A list lead-in that speaks to a topic ("may exchange information with
// ICE ... in order to: (a) ...; (b) ...") hands the topic to its items that
// speak to no topic of their own, as it hands them its modality: the items
// are the clauses a lawyer cites, so the lead-in's own clause of that topic
// gives way to them (labels follow the same convention).
void Matcher::CarryLeadInTopics(std::vector<Clause>& clauses) {
  std::set<size_t> units_with_clauses(emitted_unit_.begin(), emitted_unit_.end());
  std::vector<bool> drop(clauses.size(), false);
  const size_t emitted = clauses.size();
  for (size_t ci = 0; ci < emitted; ++ci) {
    const size_t lead = emitted_unit_[ci];
    auto it = items_of_.find(lead);
    if (it == items_of_.end() || clauses[ci].stance == Stance::kMentions) continue;
    const std::string& lead_text = Folded(lead).folded.text;
    const bool leaves_open = ListsWhatItLeavesOpen(lead_text);
    if (IsConditionLeadIn(lead) && !ListsExceptions(lead_text) && !leaves_open) {
      // Its conditions and purposes are parts of the lead-in's clause, not clauses of its topic of their own
      // (they may speak to another); the exceptions it lists are what it permits.
      for (size_t cj = 0; cj < emitted; ++cj)
        if (clauses[cj].topic == clauses[ci].topic &&
            std::find(it->second.begin(), it->second.end(), emitted_unit_[cj]) != it->second.end())
          drop[cj] = true;
      continue;
    }
    if (!leaves_open && UnderConditionLeadIn(static_cast<int>(lead))) continue;
    // A lead-in whose items are what its notice or record holds ("shall notify immediately the United States
    // immigration officer in charge ... of: A. The date of and the reason for the alien's admission ...; C. The country
    // of which the alien is a citizen", 34-B M.R.S.A. 1433) is the clause: the items are its contents, no acts.
    if (ListsContents(lead_text)) continue;
    // A condition that opens the lead-in qualifies every item alike ("Unless presented with a valid and properly issued
    // criminal warrant, no agency or agent shall: (1) Permit ICE agents access ...; (2) Transfer any person into ..."):
    // its topic stays the lead-in's, cited where its words are.
    if (AnchoredInLeadingCondition(lead, clauses[ci].rule)) continue;
    bool carried = false;
    const auto& units = layout_.units();
    for (size_t k = 0; k < it->second.size(); ++k) {
      const size_t item = it->second[k];
      if (units_with_clauses.count(item)) continue;
      // A later sentence of an item whose first sentence speaks to a topic of its own is that item's, not the
      // lead-in's: "(C) Providing information regarding a person's release date ... Responses are never required,
      // but are permitted under this subdivision" (Cal. Gov't Code 7284.6(a)(1)(C)) is no use of moneys to enforce.
      // (a numbered item is a section of its own below the lead-in's; a bulleted item's later sentences say so)
      auto later_sentence = [&](size_t j) {
        const Unit& u = units[it->second[j]];
        if (u.bullet) return false;
        if (u.in_bullet_item) return true;
        return u.section >= 0 && u.section != units[lead].section && units[it->second[j - 1]].section == u.section;
      };
      size_t first = k;
      while (first > 0 && later_sentence(first)) --first;
      if (first != k && units_with_clauses.count(it->second[first])) continue;
      // Only an item that reads as a clause: not a lead-in of further items ("(2) The individual sought to be detained:"), not a bare name ("(b) ICE").
      const std::string& t = Folded(item).folded.text;
      if (EndsWithColon(t) || CountLowercaseWords(t) < 3 || SkippedUnit(t)) continue;
      Candidate c = Decide(item, Hit{0, 0, Stance::kMentions});
      c.rule = clauses[ci].rule + "@lead-in";
      c.inherited = true;
      c.confidence = clauses[ci].confidence * 0.85;
      const size_t before = clauses.size();
      Emit(item, clauses[ci].topic, {c}, clauses);
      carried = carried || clauses.size() > before;
    }
    if (carried) drop[ci] = true;
  }
  DropClauses(drop, clauses);
}

}  // namespace foiamine::extractors::internal::matching
