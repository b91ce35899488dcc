#include "extractors/cue_scan.h"

#include <algorithm>
#include <string>

namespace foiamine::extractors::internal {

std::vector<std::pair<size_t, size_t>> AllMatches(const RE2& re, std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t start = static_cast<size_t>(m.data() - text.data());
    size_t end = start + m.size();
    out.emplace_back(start, end);
    pos = end > start ? end : end + 1;
  }
  return out;
}

namespace {

// FindCues, the cues `matching` rules out (sorted indices; null: none) skipped.
std::vector<CueHit> FindCuesAmong(const std::vector<Rulebook::Compiled::Cue>& cues, const std::vector<int>* matching,
                                  std::string_view text, size_t condition_end) {
  std::vector<CueHit> all;
  for (size_t i = 0; i < cues.size(); ++i) {
    if (matching && !std::binary_search(matching->begin(), matching->end(), static_cast<int>(i))) continue;
    const auto& cue = cues[i];
    for (auto [s, e] : AllMatches(*cue.re, text))
      if (e > s && !(s < condition_end && e > condition_end)) all.push_back(CueHit{s, e, cue.stance, cue.inert});
  }
  std::stable_sort(all.begin(), all.end(), [](const CueHit& a, const CueHit& b) {
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  // A cue that loses to a longer one of its own stance still holds its words: the winner speaks for them. "ICE will not
  // be allowed to carry out ..." keeps "not be allowed to" over "will not", and the "will" of that "will not" is part of
  // the negation, no duty of its own (it is kept as a shadow, like an inert cue, and dropped at the end).
  std::vector<CueHit> kept;
  for (const CueHit& h : all) {
    bool overlaps = false, only_own_stance = true;
    for (const CueHit& k : kept)
      if (h.start < k.end && k.start < h.end) {
        overlaps = true;
        only_own_stance = only_own_stance && !k.inert && k.stance == h.stance;
      }
    if (!overlaps) {
      kept.push_back(h);
    } else if (only_own_stance && !h.inert) {
      CueHit shadow = h;
      shadow.inert = true;
      kept.push_back(shadow);
    }
  }
  std::erase_if(kept, [](const CueHit& h) { return h.inert; });
  std::sort(kept.begin(), kept.end(), [](const CueHit& a, const CueHit& b) { return a.start < b.start; });
  return kept;
}

}  // namespace

std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text) {
  return FindCuesAmong(cues, nullptr, text, LeadingConditionEnd(text));
}

std::vector<CueHit> FindCues(const std::vector<Rulebook::Compiled::Cue>& cues, std::string_view text, size_t condition_end) {
  return FindCuesAmong(cues, nullptr, text, condition_end);
}

std::vector<CueHit> FindCues(const Rulebook::Compiled::CueList& cues, std::string_view text) {
  return FindCues(cues, text, LeadingConditionEnd(text));
}

std::vector<CueHit> FindCues(const Rulebook::Compiled::CueList& cues, std::string_view text, size_t condition_end) {
  // A cue the Set does not report matches nowhere in the text: its AllMatches would be empty. (A Set that fails,
  // out of DFA memory, proves nothing: every cue is run.)
  std::vector<int> matching;
  RE2::Set::ErrorInfo error;
  if (!cues.any || (!cues.any->Match(re2::StringPiece(text.data(), text.size()), &matching, &error) &&
                    error.kind != RE2::Set::kNoError))
    return FindCuesAmong(cues.cues, nullptr, text, condition_end);
  std::sort(matching.begin(), matching.end());
  return FindCuesAmong(cues.cues, &matching, text, condition_end);
}

std::vector<size_t> ScopeCuts(const std::vector<std::unique_ptr<RE2>>& breaks, std::string_view text,
                              const std::vector<CueHit>& modal) {
  std::vector<size_t> cuts{0};
  for (const auto& re : breaks)
    for (const auto& match : AllMatches(*re, text)) {
      // (not a structured binding: clang 14, which builds the fuzz targets, cannot capture one)
      const size_t s = match.first, e = match.second;
      if (s == 0) continue;
      bool inside_cue = std::any_of(modal.begin(), modal.end(),
                                    [&](const CueHit& h) { return h.start < s && s < h.end; });
      // ", or B will ..." starts a second clause only after a first one: in
      // "Federal, state, or local entities will not receive access" the "or"
      // joins the subjects of the one modal.
      const bool opens_modal = std::any_of(modal.begin(), modal.end(),
                                           [&](const CueHit& h) { return h.start > s && h.start < e; });
      const bool modal_before = std::any_of(modal.begin(), modal.end(), [&](const CueHit& h) { return h.end <= s; });
      if (!inside_cue && (!opens_modal || modal_before || OpensContrast(text.substr(s)))) cuts.push_back(s);
    }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

bool OpensContrast(std::string_view rest) {
  static const RE2 kContrast(R"re((?i)^\W*(?:but|yet|pero|sino)\b)re");
  return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kContrast);
}

const CueHit& MainClauseCue(const std::vector<CueHit>& modal, std::string_view text) {
  static const RE2 kRelative(R"re((?i)\b(?:that|which|who|whom)\s+(?:[\w'-]+\s+)?$)re");
  for (auto it = modal.rbegin(); it != modal.rend(); ++it) {
    const std::string_view before = text.substr(0, it->start);
    const std::string_view tail = before.substr(before.size() > 40 ? before.size() - 40 : 0);
    if (!RE2::PartialMatch(re2::StringPiece(tail.data(), tail.size()), kRelative)) return *it;
  }
  return modal.back();
}

bool StartsWithLimitingAct(std::string_view text) {
  static const RE2 kLimitsAct(
      R"re((?i)^\W*(?:\(?\w{1,4}[.)]\s*)?(?:[\w',-]+ ){0,12}?(?:(?:prohibit|restrict|limit|prevent|preclude|bar|forbid|discourage)\w*|impos\w* (?:any )?(?:conditions?|restrictions?|limits?)|requir\w* (?:[\w'-]+ ){0,6}?to (?:obtain|present|produce|show|demonstrate)|(?:direct|instruct|order|tell)\w* (?:[\w'-]+ ){0,6}?(?:not|never) to)\b)re");
  // "including, but not limited to," lists examples; it limits nothing.
  static const RE2 kNotLimitedTo(R"re((?i)\bnot limited to\b)re");
  std::string without(text);
  RE2::GlobalReplace(&without, kNotLimitedTo, "");
  return RE2::PartialMatch(without, kLimitsAct);
}

bool DefinesForbiddenPolicy(std::string_view lead_in) {
  static const RE2 kDefinition(
      R"re((?i)\b(?:sanctuary|non-?cooperation)(?: [\w-]+){0,2}?["\x{201D}]?,? (?:means|includes|shall mean|refers to|is defined as)\b)re");
  return RE2::PartialMatch(re2::StringPiece(lead_in.data(), lead_in.size()), kDefinition);
}

bool DisclaimsConstruction(std::string_view lead_in) {
  static const RE2 kDisclaimer(
      R"re((?i)\bnothing\b[^.;:]{0,160}\b(?:shall|may|will|should|is to)\s+be\s+(?:construed|interpreted|read|deemed)\s+(?:to|as)\W*$)re");
  return RE2::PartialMatch(re2::StringPiece(lead_in.data(), lead_in.size()), kDisclaimer);
}

bool DhsMeansHumanServices(std::string_view text) {
  static const RE2 kDefined(kDhsDefinedAsHumanServicesPattern);
  static const RE2 kHuman(kHumanServicesPattern);
  static const RE2 kHomeland(kHomelandSecurityPattern);
  const re2::StringPiece in(text.data(), text.size());
  if (RE2::PartialMatch(in, kDefined)) return true;
  return RE2::PartialMatch(in, kHuman) && !RE2::PartialMatch(in, kHomeland);
}

bool IsQuestion(std::string_view text) {
  // ... or a member's question as minutes record it: "Commissioner Perea asked whether inmate release dates are
  // provided" (not an officer's question to a person: "Deputies asked whether he was a citizen" is the inquiry itself)
  static const RE2 kMemberAsked(
      R"re((?i)^\W*(?:(?:vice[ -])?chair(?:man|woman|person)?|commissioners?|council ?(?:members?|m[ae]n|wom[ae]n|persons?)|)re"
      R"re(councilors?|aldermen|alderman|alderpersons?|supervisors?|board members?|trustees?|senators?|delegates?|)re"
      R"re(representatives?|mayor)\b[^.;:?]{0,60}?\b(?:asked|inquired|questioned|requested clarification|asked for clarification)\b)re");
  // (unless it also tells something: "Councilmember Doolan asked if ICE would have access to public data information,
  // recognizing that the Police Department does not ask or keep records of immigration status")
  static const RE2 kAlsoTells(
      R"re((?i)\b(?:recogni[sz]ing|noting|acknowledging|stating|saying|adding|explaining|observing) that\b)re");
  const re2::StringPiece in(text.data(), text.size());
  if (RE2::PartialMatch(in, kMemberAsked) && !RE2::PartialMatch(in, kAlsoTells)) return true;
  while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
  return !text.empty() && text.back() == '?';
}

bool CueInItemSubclause(std::string_view item, size_t cue_start) {
  // (a verb in lower case, not a noun phrase: "(A) a peace officer ... who ...")
  static const RE2 kPredicateItem(R"(^\W*(?:\(?[A-Za-z0-9]{1,4}[.)]\s*)?[a-z])");
  static const RE2 kNounItem(R"(^\W*(?:\(?[A-Za-z0-9]{1,4}[.)]\s*)?(?:a|an|the|any|each|every|no|all|such|this|that|these|those)\s)");
  const re2::StringPiece whole(item.data(), item.size());
  if (cue_start > item.size() || !RE2::PartialMatch(whole, kPredicateItem) || RE2::PartialMatch(whole, kNounItem)) return false;
  return CueInSubclause(item, cue_start, true);
}

bool CueInSubclause(std::string_view text, size_t cue_start, bool relative_too) {
  // (the clause's opening word, then up to five words of its subject, no comma between: "at which a resident", "when
  // the person", "unless the notice is"; a clause closed by a comma is not the cue's: "Unless a warrant is presented, no
  // officer shall"; a relative "who shall decline the request" binds in a sentence of its own, so only an item's
  // predicate counts it)
  static const RE2 kInSubclause(R"((?i)\b(?:when|whether|where|unless|(?:at|to|on|by|in|from) which)(?:\s+[\w'-]+){0,5}\s+$)");
  static const RE2 kInRelative(R"((?i)\b(?:which|whom|whose|who)(?:\s+[\w'-]+){0,5}\s+$)");
  if (cue_start > text.size()) return false;
  const re2::StringPiece before(text.data(), cue_start);
  return RE2::PartialMatch(before, kInSubclause) || (relative_too && RE2::PartialMatch(before, kInRelative));
}

size_t ToldContentStart(std::string_view sentence, size_t cue_start) {
  // (a telling verb, its object, then "that"; the telling ends at a period or semicolon)
  static const RE2 kTelling(
      R"((?i)\b(?:explain|inform|advis|notif(?:y|ie)|tell|told|warn|remind)\w*\b[^.;:]{0,160}?\bthat\b)");
  constexpr size_t kReach = 400;
  const size_t from = cue_start > kReach ? cue_start - kReach : 0;
  const std::string_view before = sentence.substr(from, cue_start - from);
  size_t found = std::string_view::npos;
  for (const auto& [start, end] : AllMatches(kTelling, before)) {
    if (before.substr(end).find_first_of(".;") != std::string_view::npos) continue;
    found = from + start;
    break;  // the first telling whose content reaches the cue
  }
  return found;
}

bool ReleaseWithheldUntil(std::string_view sentence, size_t cue_start, size_t act_start) {
  if (act_start <= cue_start || act_start > sentence.size()) return false;
  // (the release named after the cue, then "without", "until" or "before" a few words before the act
  // ("without first contacting", "until ICE has been notified"): a condition the release waits on)
  static const RE2 kWithheld(
      R"((?i)\bre[l1]eas(?:e|ed|ing)\b[^.;:]{0,160}?\b(?:without|until|unless and until|before|prior to)(?:\s+[\w'.-]+){0,4}?\s*$)");
  const std::string_view between = sentence.substr(cue_start, act_start - cue_start);
  return RE2::PartialMatch(re2::StringPiece(between.data(), between.size()), kWithheld);
}

bool StartsWithElaboration(std::string_view text) {
  static const RE2 kElaboration(
      R"((?i)^\W*(?:(?:\(\w{1,4}\)|\w{1,4}[.)])\s+)?(?:specifically|in particular|particularly|to that end|to this end|accordingly|in (?:so|this) doing|in furtherance (?:thereof|of this)),|in furtherance of (?:this|that|these|such|the) (?:policy|purpose|goal|section|resolution|ordinance|order|directive)[,:])");
  // "The prohibition set forth in this Chapter shall include, but shall not be limited to:" (S.F. Admin. Code
  // 12H.2): a subject that points back at the rule before ("the prohibition", "such restrictions") elaborates it.
  static const RE2 kPointsBack(
      R"((?i)^\W*(?:(?:\(\w{1,4}\)|\w{1,4}[.)])\s+)?(?:the|this|these|such|said) (?:[\w-]+ )?(?:prohibitions?|restrictions?|limitations?)\b)");
  const re2::StringPiece input(text.data(), text.size());
  return RE2::PartialMatch(input, kElaboration) || RE2::PartialMatch(input, kPointsBack);
}

bool StatesOwnRule(std::string_view text) {
  static const RE2 kModalVerb(R"re((?i)\b(?:shall|must|will|should|can|cannot)\b|\bmay(?:$|[^\w ]| [^\d\s]))re");  // not "May 21, 2019"
  static const RE2 kTermHead(
      R"re((?i)^\W*(?:\(?\w{1,4}[.)]\s+)?["\x{201C}]?[\w'/(). -]{1,80}?["\x{201D}]?\s*(?::|\s-\s|means\b|shall mean\b|refers to\b|is defined as\b|includes\b))re");
  const re2::StringPiece input(text.data(), text.size());
  return RE2::PartialMatch(input, kModalVerb) && !RE2::PartialMatch(input, kTermHead);
}

bool DescribesPresentPractice(std::string_view text) {
  static const RE2 kDescribed(R"((?i)^(?:don't|doesn't|didn't|do|does|did|do no longer|does no longer|never|can)\b)");
  // ... and the Spanish present of the act itself, negated ("no aplica leyes migratorias", "no pregunta por el estatus
  // migratorio", news copies of sheriffs' and police chiefs' words, 2018 and 2026), but not "no permite": a measure's
  // ban told ("la nueva resolucion no permite que el personal escolar autorice la entrada", LAUSD, 2016)
  static const RE2 kDescribedInSpanish(
      R"re((?i)^(?:no|tampoco) (?:se |le |les |lo |la |los |las )?(?:realiza|realizan|hace|hacen|participa|participan|coopera|cooperan|colabora|colaboran|ayuda|ayudan|asiste|asisten|comparte|comparten|detiene|detienen|retiene|retienen|pregunta|preguntan|notifica|notifican|entrega|entregan|honra|honran|cumple|cumplen|aplica|aplican|ejerce|ejercen|)re"
      // (as the rulebook's restricts cues read the present; and the first person plural, a letter's "No informamos a ICE
      // de su liberacion y no permitimos que agentes de ICE lo entrevistaran", written for a probe)
      R"re(informa|informan|envia|envian|proporciona|proporcionan|comunica|comunican|transfiere|transfieren|traslada|trasladan|anota|anotan|registra|registran|avisa|avisan|mantiene|mantienen|)re"
      R"re(hacemos|entregamos|compartimos|preguntamos|detenemos|retenemos|arrestamos|notificamos|informamos|enviamos|participamos|colaboramos|cooperamos|ayudamos|permitimos|aplicamos)\b)re");
  // (an exception to the rule just told is no description: "This does not apply to arrest warrants signed by a judge")
  static const RE2 kException(R"re((?i)^(?:does|do) not apply to\b)re");
  const re2::StringPiece in(text.data(), text.size());
  return (RE2::PartialMatch(in, kDescribed) || RE2::PartialMatch(in, kDescribedInSpanish)) &&
         !RE2::PartialMatch(in, kException);
}

bool NarratesPastCourse(std::string_view text) {
  static const RE2 kPastCourse(R"re((?i)\b(?:was|were|had been|has been|have been) (?:[a-z]+ly )?([a-z]{3,}ing)\b)re");
  // (not a pronoun: "there was nothing to report", "it was something else")
  static const RE2 kThing(R"re((?i)^(?:no|some|any|every)thing$)re");
  re2::StringPiece input(text.data(), text.size());
  std::string verb;
  while (RE2::FindAndConsume(&input, kPastCourse, &verb)) {
    if (!RE2::FullMatch(verb, kThing)) return true;
  }
  return false;
}

Stance PracticeStance(Stance cue_stance, std::string_view sentence, size_t cue_start) {
  const std::string_view from_cue = sentence.substr(std::min(cue_start, sentence.size()));
  const std::string_view before = sentence.substr(0, std::min(cue_start, sentence.size()));
  const re2::StringPiece cue(from_cue.data(), from_cue.size()), prior(before.data(), before.size());
  // A policy's words, quoted as its rule, rule: "Sheriff's Office policy is clear that deputies are not allowed to ask
  // anyone ... about their immigration status"
  // ... and one said to be the policy: "It is longstanding County policy that County police do not enforce federal
  // immigration law", "As a matter of policy, we do not inquire about anyone's immigration status" (Montgomery County
  // statements, 2017 and 2019), and one the policy itself utters: "Our policy requires notification to ICE when a
  // person is booked into our jail" (Mesa County Sheriff's post, 2017); and what a law is to codify: "The ordinance
  // would codify that the Reading Police Department does not carry out immigration enforcement" (as reported, 2025)
  static const RE2 kPolicySays(
      R"re((?i)\bpolic(?:y|ies)\b(?:\W+[\w'-]+){0,3}?\W+(?:is|are) (?:very |also )?clear,? that\b|\bpolic(?:y|ies) (?:states?|says|provides?|requires?|dictates?|mandates?) that\b|\bit is (?:the |our |a |an )?(?:long-?standing |established |current |official |written )?(?:[\w'-]+ ){0,3}?polic(?:y|ies)(?: of [\w' .-]{1,60}?)? that\b|\bas a matter of (?:[\w'-]+ )?policy\b|\bcodif(?:y|ies|ied|ying) that\b|\bpolic(?:y|ies)\s+(?:also\s+|now\s+|currently\s+|still\s+|clearly\s+|specifically\s+)?$)re");
  if (RE2::PartialMatch(prior, kPolicySays)) return cue_stance;
  // A "Do not" that opens the sentence (or a list item) commands; it describes nothing: "C. Do not consent to ICE
  // entering any private or \"sensitive\" City location" (Chicago's guidelines in a mayor's release, 2025), "DO NOT
  // CALL the phone number" (a police e-mail on immigration hits). (Not "Never": "Never implemented or endorsed any
  // policy that ..." opens a sheriff's statement of what was not done.)
  static const RE2 kOpensSentence(R"re(^\W*(?:(?:\(?\w{1,4}\)|\w{1,4}[.)])\W*)*(?:(?:and|then|also|please),?\s+)?$)re");
  static const RE2 kCommand(R"re((?i)^(?:do not|don't)\b)re");
  if (RE2::PartialMatch(prior, kOpensSentence) && RE2::PartialMatch(cue, kCommand)) return cue_stance;
  if (DescribesPresentPractice(from_cue)) return Stance::kReports;
  // What an official said is done, in the present, is told: "Jail Administrator Willard stated judicial warrants are
  // required", "... stated release dates are not provided" (minutes of a commission)
  static const RE2 kSaidNow(
      R"re((?i)\b(?:stated|said|explained|confirmed|clarified|noted|indicated|reported)(?: that)?\s+(?:[\w'\x{2019},-]+\s+){1,10}$)re");
  static const RE2 kPresentPassive(R"re((?i)^(?:is|are)\b)re");
  if (RE2::PartialMatch(prior, kSaidNow) && RE2::PartialMatch(cue, kPresentPassive)) return Stance::kReports;
  // What never happened ("At no point did officers inquire ...") is told, not ruled.
  static const RE2 kToldAsDone(R"re((?i)^at no (?:time|point),? (?:did|has|have|had|was|were)\b)re");
  if (RE2::PartialMatch(cue, kToldAsDone)) return Stance::kReports;
  static const RE2 kConditionFirst(R"re((?i)^\W*(?:however,?\s+|but\s+|and\s+)?(?:if|when|whenever|once|where)\b[^.;:]{3,240},\s*(?:[\w'-]+\s+){1,5}$)re");
  static const RE2 kWill(R"re((?i)^(?:will|would)\b)re");
  // A routine told as such: "Generally the Detention Center will telephone ICE when ..."
  static const RE2 kRoutine(R"re((?i)\b(?:generally|usually|typically|normally|routinely|ordinarily|customarily|in most cases|as a rule)\b)re");
  if (cue_stance == Stance::kRequires && RE2::PartialMatch(prior, kRoutine))
    return Stance::kReports;
  // ... and a step of the routine an official tells: "The deputy in central booking will then call ICE to ask if the
  // agency wants to request a detainer, according to Miller." (the attribution closes the sentence)
  static const RE2 kToldBySomeone(
      R"re((?i)(?:,\s*according to\b[^.;:]{1,80}|,\s*(?:[\w.'\x{2019}-]+\s+){1,4}(?:said|says|explained|added|noted))\W*$)re");
  if (cue_stance == Stance::kRequires && RE2::PartialMatch(cue, kWill) &&
      RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kToldBySomeone))
    return Stance::kReports;
  // What is about to happen, told: "the sheriff department will soon be deputized to carry out immigration enforcement"
  static const RE2 kSoon(R"re((?i)^(?:will|would) (?:soon|shortly)\b)re");
  if (cue_stance == Stance::kRequires && RE2::PartialMatch(cue, kSoon)) return Stance::kReports;
  // (only a condition of a warrant or a judge's order: "Once that inmate is released, records staff will notify ICE"
  // and "If a specific request is made by ICE, we will provide support" are the agency's routine, not a permission)
  static const RE2 kWarrantCondition(R"re((?i)\b(?:warrants?|judges?|magistrates?|court orders?|judicial)\b)re");
  if (cue_stance == Stance::kRequires && RE2::PartialMatch(cue, kWill) &&
      RE2::PartialMatch(prior, kConditionFirst) &&
      RE2::PartialMatch(prior, kWarrantCondition))
    return Stance::kPermits;
  // What the agency allows, told in the present: "The Sheriff's Office allows ICE agents to interview inmates"
  // (not when a written rule or a measure allows it: "their policy allows them to ... contact immigration" grants leave,
  // and so do an agreement, a bill, a statute, a move: "The agreement allows one TPD officer to assist with
  // immigration-related arrests" (Tallahassee PD, as reported, 2025), "Signed recently, the move allows jail staff to
  // serve civil immigration detainers" (Sedgwick County, as reported, 2025); this list is the one place that says which
  // subjects keep "allows" a permission on a page of practice)
  // ... and by its participle: "it has complied with the second, ..., allowing agents access to the jail to pick people
  // up" (DCist on D.C. DOC, 2019), but not a rule's: "signed an executive order Thursday allowing DC police to share
  // information" (CNN on MPD's 2025 order)
  // ... and in Spanish, whose cue holds the word before it: "El Departamento permite que agentes migratorios lleven a
  // cabo investigaciones" (a Spanish news copy of San Bernardino County's Sheriff, 2018)
  static const RE2 kAllowsNow(
      R"re((?i)^(?:authorizes|allows|permits|enables|authorizing|allowing|permitting|enabling)\b|^[\w']+ (?:permite|permiten)\b)re");
  static const RE2 kRuleAllows(
      R"re((?i)\b(?:polic(?:y|ies)|rules?|laws?|orders?|directives?|guidelines?|procedures?|protocols?|statutes?|)re"
      R"re(ordinances?|agreements?|moas?|mous?|memorand(?:um|a)|contracts?|models?|move|measures?|bills?|acts?|)re"
      R"re(resolutions?|changes?|provisions?|legislation|decision|ruling|opinion)\b,?\s+)re"
      R"re((?:also\s+|now\s+|further\s+|only\s+|currently\s+|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?$)re");
  if (cue_stance == Stance::kPermits && RE2::PartialMatch(cue, kAllowsNow) && !RE2::PartialMatch(prior, kRuleAllows))
    return Stance::kReports;
  // ... and what it declines: "The Sheriff's Office declines to honor detainers without a warrant"
  static const RE2 kDeclinesNow(R"re((?i)^[\w']+ (?:also |hereby |now |currently |therefore )?(?:declines|refuses) to\b)re");
  if (cue_stance == Stance::kRestricts && RE2::PartialMatch(cue, kDeclinesNow)) return Stance::kReports;
  // A decision told is a record of it, whatever the rule it made: "A few months ago, Oklahoma County decided to no
  // longer honor ICE detainers" (ICE's release, 2019), "in reaching the decision to no longer honor ICE detainers"
  // (Clarke County Sheriff's release, 2018). (Every dev label on such a sentence of a practice record is `reports`
  // or `mentions`; the rule itself, quoted, keeps its stance through kPolicySays above.)
  static const RE2 kDecided(
      R"re((?i)\b(?:decided|decides|deciding|decision|voted|votes|chose|opted|opts|elected|agreed)\s+(?:to\s+)?$)re");
  if (RE2::PartialMatch(prior, kDecided)) return Stance::kReports;
  if (cue_stance != Stance::kRequires) return cue_stance;
  // What the agency told someone it will do is told: "The County notified ICE on March 19, 2020 that it will be
  // terminating the contract to house federal ICE detainees" (not an announcement of a new rule: "announced ...
  // that ... will no longer respond" stays the rule it announces)
  static const RE2 kToldSomeoneThat(R"re((?i)\b(?:notified|informed|told|advised|assured|warned)\b[^.;:]{0,120}?\bthat,?\s+(?:[\w',-]+\s+){1,8}$)re");
  if (RE2::PartialMatch(cue, kWill) && RE2::PartialMatch(prior, kToldSomeoneThat)) return Stance::kReports;
  // ... and with the condition after it, when it is a warrant or a judge's order: "The Sheriff's Department will
  // detain someone past their local release date if presented with an arrest warrant ..."
  static const RE2 kWillIfWarrant(
      R"re((?i)^(?:will|would)\b[^.;:]{0,200}?\b(?:if|when|once|provided|upon)\b[^.;:]{0,120}?\b(?:warrants?|signed by a (?:federal )?(?:judge|magistrate)|judicial (?:orders?|authorization))\b)re");
  if (RE2::PartialMatch(cue, kWillIfWarrant)) return Stance::kPermits;
  // A practice carried on is told: "we will continue our practice of notifying ICE of the date ... of release"
  // ... or the practice just told, carried on: "The Sheriff's Office cooperates with ICE per Code of Virginia ... and
  // will continue to do so" (not a duty kept up: "MCSO will continue to comply with all federal obligations")
  static const RE2 kContinuesPractice(R"re((?i)^(?:will|shall)\s+continue\s+(?:(?:[\w'-]+\s+){0,2}?(?:practice|process|custom)\s+of\s+\w+ing\b|to\s+do\s+so\b))re");
  if (RE2::PartialMatch(cue, kContinuesPractice)) return Stance::kReports;
  // ... and so is a routine named as one: "The procedure is to contact ICE once ...", "Our practice is to notify ICE",
  // or as a way of doing: "One of the many ways we work to keep you safe is to respond to requests from ICE ..."
  static const RE2 kRoutineNamed(
      R"re((?i)\b(?:practice|procedures?|process|protocol|custom|routine)\s+$|\b(?:ways?|means|methods?)\s+(?:[\w'\x{2019}-]+\s+){0,8}$)re");
  static const RE2 kIsTo(R"re((?i)^(?:is|was|has been)\s+to\b)re");
  if (RE2::PartialMatch(prior, kRoutineNamed) &&
      RE2::PartialMatch(cue, kIsTo))
    return Stance::kReports;
  return cue_stance;
}

namespace {
// The written rules an agency works under, as a story names them.
constexpr const char* kWrittenRule =
    R"((?:polic(?:y|ies)|general orders?|special orders?|orders?|directives?|protocols?|procedures?|manual|rules?|guidelines?|memo(?:randum)?))";
}  // namespace

bool CitesWrittenRule(std::string_view text) {
  static const RE2 kCites(
      std::string(R"re((?i)\baccording to (?:the |its |their |this |that |[\w'\x{2019}.-]+ ){1,3}?(?:new |updated |revised |written |current )?)re") +
      kWrittenRule + R"re(\b|\bunder (?:the |its |their |this )(?:[\w'\x{2019}.-]+ ){0,2}?(?:new |updated |revised )?)re" +
      kWrittenRule + R"re(,|\b(?:the|its|their|this|that) (?:[\w'\x{2019}.-]+ ){0,2}?)re" + kWrittenRule +
      R"re( (?:also )?(?:states|says|reads|adds|provides|specifies|dictates|directs|mandates|requires|makes (?:it )?clear)\b)re");
  const re2::StringPiece in(text.data(), text.size());
  return RE2::PartialMatch(in, kCites);
}

bool IntroducesRules(std::string_view lead_in) {
  static const RE2 kListed(
      std::string(R"re((?i)\b)re") + kWrittenRule +
      R"re( (?:re-?stated|listed|published|set out|outlined|adopted|included|posted|released)\b[^:]{0,80}:\s*$|\b)re" +
      kWrittenRule + R"re( (?:states?|says|reads|provides?|includes?):\s*$|\b(?:laid|lays?|set|sets|listed|lists|outlined|outlines|published|publishes|issued|issues|adopted|adopts|released|releases|announced|announces) (?:out )?the following (?:[\w'-]+ ){0,2}?)re" +
      kWrittenRule + R"re(\b[^:.]{0,80}[:.]\s*$)re");
  const re2::StringPiece in(lead_in.data(), lead_in.size());
  return RE2::PartialMatch(in, kListed);
}

bool EndsWithColon(std::string_view text) {
  const size_t last = text.find_last_not_of(" \n");
  return last != std::string_view::npos && text[last] == ':';
}

namespace {
// The comma that ends a clause opening the sentence, where the main clause
// begins (", the agency shall", ", Records Office staff shall"), or npos.
size_t MainClauseComma(std::string_view sentence) {
  // (the subject may hold a statute's appositive in commas: "..., no state or local law enforcement agency, or agent
  // thereof, shall"; no other comma, or a list in the condition would end it early: "in custody of a police officer,
  // peace officer, or school resource officer for the purpose of being interviewed, the officer shall")
  static const RE2 kMainClause(
      R"re((?i)(,)\s+(?:(?:[\w'\x{2019}-]+|[\w'\x{2019}-]+,\s+(?:or|nor|and)\s+(?:any\s+)?(?:agents?|employees?|officers?|officials?)\s+thereof,)\s+){1,14}?(?:shall|must|may|will|should|can)\b)re");
  re2::StringPiece in(sentence.data(), sentence.size()), comma;
  if (!RE2::PartialMatch(in, kMainClause, &comma)) return std::string_view::npos;
  return static_cast<size_t>(comma.data() - sentence.data());
}
}  // namespace

size_t LeadingConditionEnd(std::string_view sentence) {
  static const RE2 kOpensCondition(R"re((?i)^\W*(?:\(?\w{1,4}[.)]\s*)?(?:if|when|whenever|upon|in the event|in (?:any )?(?:cases?|instances?|situations?) (?:where|in which|when)|once|after|where|wherever|in [a-z]+ing|although|though|even though)\b)re");
  // "Upon the LEA's agreement, ... personnel ... will be assigned": the party's own assent names no act of a topic;
  // it makes the main clause optional, and the permits cue that says so reads across the comma.
  static const RE2 kOwnAssent(R"re((?i)^\W*upon (?:the )?(?:[\w'\x{2019}.-]+ ){0,3}?(?:agreement|consent|concurrence),)re");
  const re2::StringPiece in(sentence.data(), sentence.size());
  if (!RE2::PartialMatch(in, kOpensCondition) || RE2::PartialMatch(in, kOwnAssent)) return std::string_view::npos;
  return MainClauseComma(sentence);
}

size_t LeadingExceptionEnd(std::string_view sentence) {
  static const RE2 kOpensException(R"re((?i)^\W*(?:\(?\w{1,4}[.)]\s*)?(?:unless|except|absent|without|in the absence of)\b)re");
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kOpensException))
    return std::string_view::npos;
  return MainClauseComma(sentence);
}

bool InLeadingCondition(size_t condition_end, size_t start, size_t end) {
  return condition_end != std::string_view::npos && end <= condition_end && start < condition_end;
}

std::optional<std::pair<size_t, size_t>> MainClauseTakesUp(std::string_view sentence, size_t main) {
  if (main == std::string_view::npos) return std::nullopt;
  static const RE2 kTakenUp(
      R"re((?i)\b((?:declin|refus|deny|denie|reject|honou?r|grant|fulfill)\w* (?:(?:the|such|this|that|said|any such) (?:requests?|detainers?|holds?|inquir(?:y|ies))|it|them)\b))re");
  // Only an act that disposes of it (not "shall make a record relating to such request"), the last one: "shall report
  // the request to the supervisor, who shall decline the request".
  re2::StringPiece rest(sentence.data() + main, sentence.size() - main), found, last;
  while (RE2::FindAndConsume(&rest, kTakenUp, &found)) last = found;
  if (last.data() == nullptr) return std::nullopt;
  const size_t start = static_cast<size_t>(last.data() - sentence.data());
  return std::make_pair(start, start + last.size());
}

bool ListsExceptions(std::string_view text) {
  static const RE2 kExceptions(R"re((?i)\b(?:except|other than|excepto|salvo)\W*$)re");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kExceptions);
}

bool ListsWhatItLeavesOpen(std::string_view text) {
  static const RE2 kLeftOpen(
      R"re((?i)^\W*(?:\(?[a-z0-9]{1,4}[.)]\s*)*nothing\b[^.;:]*\b(?:prohibits?|restricts?|prevents?|precludes?|bars?|limits?|construed to (?:prohibit|restrict|prevent|preclude|bar|limit))\b[^.;:]*\b(?:that|which) (?:is|are)\W*$)re");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kLeftOpen);
}

}  // namespace foiamine::extractors::internal
