#include "extractors/document_kind.h"

#include <re2/re2.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/document_header.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {
namespace {

// How many times `re` matches in `text`, counting no further than `limit`: a caller that only compares the count
// with a small number stops there (each match is one more search of the rest of the text).
int CountOf(const RE2& re, const std::string& text, int limit = std::numeric_limits<int>::max()) {
  int n = 0;
  re2::StringPiece rest(text);
  while (n < limit && RE2::FindAndConsume(&rest, re)) ++n;
  return n;
}

// How many distinct fields of a policy's header block ("Effective Date:",
// "Policy Number", "Subject:", "Rescinds", "Purpose and Scope") the text has,
// counted no further than `limit` (the callers ask for one or two).
int PolicyHeaderFields(std::string_view text, int limit) {
  static const std::vector<std::unique_ptr<RE2>> kFields = [] {
    std::vector<std::unique_ptr<RE2>> out;
    for (const char* f : {R"(effective\s+date|date\s+of\s+(?:issue|revision|previous\s+issues?))",
                          R"((?:policy|order|directive)\s+(?:number|no\.?|#))", R"(\bsubject\s*:)", R"(\bpurpose\s*:|purpose\s+and\s+scope)",
                          R"(\bscope\s*:)", R"(\bprocedures?\s*:)", R"(\brescinds\b|\bsupersedes\b)", R"(\bdistribution\s*:)",
                          R"(\bapproved\s+by\b)", R"(\breview\s+date\b)", R"(\bissued\s+by\b)",
                          R"(polic(?:y|ies)\s+(?:&|a\w{1,2})\s+procedures?|standard\s+operating\s+procedures?)", R"(\bapplicability\s*:)",
                          R"(\breferences?\s*:)"})
      out.push_back(std::make_unique<RE2>(std::string("(?i)") + f));
    return out;
  }();
  re2::StringPiece in(text.data(), text.size());
  int fields = 0;
  for (auto it = kFields.begin(); it != kFields.end() && fields < limit; ++it) fields += RE2::PartialMatch(in, **it) ? 1 : 0;
  return fields;
}

// How often a text refers to itself as a law ("this section", "the preceding
// subsection") and as an agency's policy ("this order", "members of the department"),
// each counted no further than its limit (CountOf); a negative policy_limit
// counts policy to one past law, enough to tell which is larger.
std::pair<int, int> SelfReferences(const std::string& text, int law_limit, int policy_limit) {
  // (and a law's reference to its own lettered part: "The procedures implemented ... pursuant to subdivision (a)")
  static const RE2 kLawSelf(
      R"re((?i)\bth(?:is|e\s+preceding|e\s+foregoing)\s+(?:section|subsection|subdivision|chapter|act|article|ordinance|title|paragraph|code)\b|\b(?:pursuant\s+to|under|in|of|by)\s+(?:subdivision|subsection)\s+\([a-z0-9]{1,3}\)|\b(?:esta|la\s+presente)\s+(?:secci(?:o|ó)n|ordenanza|ley)\b|\b(?:este|el\s+presente)\s+(?:art(?:i|í)culo|c(?:o|ó)digo|cap(?:i|í)tulo)\b)re");
  static const RE2 kPolicySelf(R"re((?i)\bthis\s+(?:policy|general\s+order|order|directive|procedure|manual|department|office|agency)\b|\b(?:members|employees|personnel)\s+of\s+(?:this|the)\s+(?:department|office|agency)\b)re");
  const int law = CountOf(kLawSelf, text, law_limit);
  return {law, CountOf(kPolicySelf, text, policy_limit < 0 ? law + 1 : policy_limit)};
}

// A city's or county's own legislative act: a resolution or an ordinance
// ("RESOLVED, that ...", "BE IT ORDAINED", "File Type: Resolution",
// "RESOLUTION AUTHORIZING ...", "Proposed Vote of the Board of Selectmen").
// It binds like a statute, whatever agencies it names ("the City jail",
// "the Oakland Police Department").
// Its kind: "ordinance" when it ordains, else "council_record"; "" for no such act.
std::string EnactsLocally(std::string_view head) {
  // (a resolving clause goes on: "RESOLVED, That", "RESOLVED:", "Be it ordained by"; a sentence's last word on a line
  // of its own, "... once criminal charges are" / "resolved.", resolves nothing)
  static const RE2 kResolved(
      R"re((?mi)(^\W*(?:(?:now,? )?therefore,? )?(?:be it (?:further |finally )?)?(?:resolved|ordained)\b\s*(?:[:,]|that\b|by\b|$)|\bbe it (?:further )?(?:resolved|ordained)\b))re");
  static const RE2 kTitled(R"re((?mi)(^\W*(?:title\s*:?\s*)?(?:an? )?(?:resolution|ordinance)\s+(?:no\.?\s*\S*\d|number|#|of the|authorizing|directing|approving|adopting|amending|adding|rescinding|repealing|establishing|declaring|affirming|reaffirming|supporting|urging|requesting|concerning|regarding|relating|prohibiting|limiting)\b|\bfile type\s*:\s*(?:resolution|ordinance)\b|\bproposed (?:vote|resolution|ordinance) of the (?:board|council|commission)\b))re");
  // A resolution's recitals, two or more at the top ("WHEREAS, many cities and towns ... ; and" / "WHEREAS, the City of
  // Santa Ana desires ..."), where the page stops before its resolving clause.
  static const RE2 kRecital(R"re((?m)^\W*WHEREAS\b)re");
  re2::StringPiece in(head.data(), head.size());
  // A title is the top's: a report's table may list "Resolution Reaffirming ..." further down.
  re2::StringPiece top(head.data(), std::min<size_t>(head.size(), 600));
  std::string act;
  if (!RE2::PartialMatch(in, kResolved, &act) && !RE2::PartialMatch(top, kTitled, &act)) {
    const std::string recitals(head.substr(0, std::min<size_t>(head.size(), 3000)));
    return RE2::PartialMatch(top, kRecital) && CountOf(kRecital, recitals, 2) >= 2 ? "council_record" : "";
  }
  const std::string lower = AsciiLower(act);
  return lower.find("ordain") != std::string::npos || lower.find("ordinance") != std::string::npos ? "ordinance" : "council_record";
}

// News at the top: a press release's masthead, a reporter's note or byline
// ("News Release", "This story has been updated", "By ..., Public Relations
// Coordinator"), a dateline, or a lead that announces what happened today.
// (A law's "this article" is its own part: only an article "updated" is news.)
bool AnnouncesNews(const std::string& text) {
  static const RE2 kPressHead(R"((?i)\b(?:news|press|media)\s+release\b|\bfor\s+immediate\s+release\b|\bpublic\s+(?:information|relations|affairs)\s+(?:officer|coordinator|office|director)\b|\bthis\s+story\b|\bthis\s+article\s+(?:has\s+been|was)\s+(?:updated|corrected|edited|revised)\b)");
  // A news dateline opening a paragraph: "HARRIS COUNTY, TX – On Thursday, ...", "COEUR d’ALENE, Idaho – After ..."
  static const RE2 kDateline(
      R"((?m)^[A-Z]{2}[A-Za-z .'\x{2019}-]{1,40},\s+(?:[A-Z]{2}|[A-Z][a-z]{2,12}\.?)\s*[\x{2013}\x{2014}-]{1,2}\s+\S)");
  // ... or a post's date line on an agency's news page: "May 23, 2018 --" over the story ("On January 22, 2018,
  // Sheriff ... terminated ...")
  static const RE2 kDateLine(
      R"((?m)^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*(?:--|[\x{2013}\x{2014}-])\s*$)");
  // A press release's lead: "Mayor Walsh and Councilor Zakim today announced ...",
  // "... announced today a new policy" (a law enacts; it announces nothing today).
  // So does a paragraph that opens on what happened today: "Today, the DC Council unanimously voted to pass emergency
  // legislation ..." (a law never opens a paragraph with "Today,").
  static const RE2 kAnnouncedToday(
      R"((?i)\b(?:today|yesterday)\s+(?:announced|unveiled|released|issued)\b|\b(?:announced|unveiled)\s+(?:today|yesterday)\b|)"
      // ... or that opens on what its agency announces: "The Clarke County Sheriff's Office announces a change in practice"
      R"((?m-i)^\W{0,3}(?:The\s+)?(?:[A-Z][\w.'\x{2019}-]*\s+){1,8}?announces\s+(?:a|an|the|that|its|today)\b|)"
      R"((?m-i)^\W{0,3}(?:Today|Yesterday|This (?:morning|afternoon|evening)),\s+(?:[\w.'\x{2019}-]+\s+){1,8}?(?:voted|passed|announced|signed|approved|released|issued|introduced|unveiled|adopted|launched|filed|sent|joined|held)\b)");
  // A reporter writing of the story's own reporting: "A related emergency resolution cited this reporter's Washington
  // City Paper article", "told this reporter" (a law or policy never has a reporter).
  static const RE2 kReporter(R"((?i)\bthis\s+reporter\b|\b(?:told|asked)\s+(?:this|the|a)\s+(?:reporter|newspaper)\b)");
  return RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 300)), kPressHead) ||
         RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 3000)), kReporter) ||
         RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 1000)), kDateline) ||
         RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 300)), kDateLine) ||
         RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 800)), kAnnouncedToday);
}

// Does a text read as an agency's rules at all: a directive ("shall", "must"), numbered parts, or a policy's header
// field? A page that only names the agency ("Sheriff's Office", "Police Department") and tells what it does reads as
// none: "The Sheriff's Office entered into an agreement ... The program has a full time ICE Program Manager".
bool ReadsAsRules(const std::string& head) {
  // (in Spanish too: "Este memorándum prohíbe que los agentes ... hagan preguntas", "deberá", "no podrán")
  // (RE2's \b is ASCII's: a word that ends in "á" is closed by the space after it)
  static const RE2 kDirective(R"((?i)\b(?:shall|must|prohíbe|prohibe)\b|\b(?:deber|no podr)(?:á|a|án|an)(?:\s|$))");
  static const RE2 kNumbered(R"((?m)^\s*(?:[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|\([a-z0-9]{1,3}\))\s+\S)");
  if (RE2::PartialMatch(head, kDirective) || CountOf(kNumbered, head, 2) >= 2) return true;
  return PolicyHeaderFields(std::string_view(head.data(), std::min<size_t>(head.size(), 1500)), 1) >= 1;
}

// The words that name a jail or its order, and a police agency or its order.
const RE2& JailWords() {
  // (and in Spanish: "DEPARTAMENTO DE CORRECCIONES" over an inmate handbook's translation, "la cárcel")
  static const RE2 kJail(
      R"((?i)program\s+statement|department\s+of\s+corrections|\bjail\b|detention\s+facility|sheriff'?s?\s+office|departamento\s+de\s+correcciones|\bc(?:á|a)rcel\b|centro\s+de\s+detenci(?:ó|o)n)");
  return kJail;
}
const RE2& PoliceWords() {
  static const RE2 kPolice(
      R"((?i)general\s+order|special\s+order|directive|police\s+department|policy\s+manual|police\s+polic(?:y|ies)|line\s+procedure|\bGO-|(?-i:\bMPD\b)|chief\s+of\s+police|departamento\s+de\s+polic(?:í|i)a)");
  return kPolice;
}

}  // namespace

std::string OutsideQuotes(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool inside = false;
  size_t i = 0;
  while (i < text.size()) {
    // Only a quote mark (or the first byte of a curly one) can change what follows, and inside a quotation a line
    // end too: the bytes before the next such byte are copied, or blanked inside, as one run.
    size_t next = text.find_first_of(inside ? "\"\xE2\n" : "\"\xE2", i);
    if (next == std::string::npos) next = text.size();
    if (inside) out.append(next - i, ' ');
    else out.append(text, i, next - i);
    if (next == text.size()) break;
    i = next;
    const bool curly = text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0;
    if (curly || text[i] == '"') {
      inside = !inside;
      out.push_back(' ');
      i += curly ? 3 : 1;
      continue;
    }
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') inside = false;
    out.push_back(inside && text[i] != '\n' ? ' ' : text[i]);
    ++i;
  }
  return out;
}

bool DescribesPractice(const std::string& text) {
  // A page of questions and answers ("Is it true that TCSO Deputies are
  // trained as ICE agents too?") explains what an agency does.
  // (and an agency's written answers to a council's questions: "Response to questions from Council regarding ...")
  static const RE2 kFaq(R"((?i)\bFAQs?\b|frequently\s+asked\s+questions|commonly\s+asked\s+questions|\bresponses?\s+to\s+(?:the\s+)?questions\b)");
  static const RE2 kQuestionLine(R"((?m)^[^\n?]{12,200}\?\s*$)");
  // A staff report to a board: "Receive a report from the Sheriff's Office ...",
  // or its SUMMARY: and DISCUSSION: parts.
  static const RE2 kBoardReport(R"((?i)\breceive\s+(?:a|the|an)\s+(?:[\w'-]+\s+){0,3}?report\b)");
  static const RE2 kSummary(R"((?m)^\s*SUMMARY\s*:)");
  static const RE2 kDiscussion(R"((?m)^\s*DISCUSSION\s*:)");
  static const RE2 kDirective(R"((?i)\b(?:shall|must)\b)");
  static const RE2 kDoesNot(R"((?i)\b(?:does|do|did)\s+not\b)");
  static const RE2 kWe(R"((?i)\b(?:we|our)\b)");
  // A page that says how a policy works "in practice" ("The information below is provided
  // in order to aid public understanding regarding how this policy operates in practice").
  static const RE2 kInPractice(R"((?i)\b(?:operates?|works?|applied|carried\s+out|looks?)\s+in\s+practice\b|\bpolicy\s+and\s+practice\b)");
  // News prose keeps telling what people said (not "stated", "according to": laws say them).
  static const RE2 kReported(R"((?i)\b(?:said|says|told|wrote|announced)\b)");
  if (RE2::PartialMatch(text, kFaq)) return true;
  if (AnnouncesNews(text)) return true;
  // (every count below is compared with a small number: it stops there)
  const auto count = [&text](const RE2& re, int limit) { return CountOf(re, text, limit); };
  if (count(kQuestionLine, 2) >= 2) return true;
  if (RE2::PartialMatch(text, kBoardReport) || (RE2::PartialMatch(text, kSummary) && RE2::PartialMatch(text, kDiscussion)))
    return true;
  // Prose that says what the agency does, and hardly ever what anyone shall
  // or must do: "The PPD does not enforce federal immigration law", "Our
  // policy requires notification ..." (a web page, a news post).
  const int directives = CountOf(kDirective, OutsideQuotes(text), 2);
  if (directives <= 1 && count(kReported, 3) >= 3) return true;
  if (directives <= 1 && RE2::PartialMatch(text, kInPractice)) return true;
  // A 287(g) steering committee's slides or minutes report how the program runs ("Memorandum of Agreement signed on
  // October 26, 2016", "The program has a full time I.C.E. Program Manager").
  static const RE2 kSteeringCommittee(R"((?i)\bsteering\s+committee\b)");
  if (directives <= 1 && RE2::PartialMatch(text, kSteeringCommittee)) return true;
  // So does a report that names itself one in a title line at its top ("Weekly Declined Detainer Outcome Report For
  // Recorded Declined Detainers ...", ICE's, 2017): what was done, though it lists the "ordinances" and "policies" it
  // counts (a committee's report on a bill is a council record, known before).
  static const RE2 kReportTitle(R"((?mi)^[ \t]*[A-Z][^\n.:;]{0,80}\b(?:report|REPORT)\b[^\n;]{0,80}$)");
  if (directives <= 1 && RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 300)), kReportTitle)) return true;
  return directives <= 1 && (count(kDoesNot, 2) >= 2 || count(kWe, 3) >= 3);
}

bool IsTranscript(const std::string& head) {
  static const RE2 kCaption(R"((?i)\b(?:transcript|hearing|proceedings|deposition|interview)\b)");
  if (!RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 1000)), kCaption)) return false;
  // (a memo's header labels are no speakers: each is printed once)
  static const RE2 kTurn(R"((?m)^[ \t]*((?:[A-Z][A-Z.'-]*[ \t]){0,4}[A-Z][A-Z'-]{2,}):[ \t])");
  std::map<std::string, int> turns;
  re2::StringPiece in(head);
  std::string speaker;
  while (RE2::FindAndConsume(&in, kTurn, &speaker)) ++turns[speaker];
  return std::count_if(turns.begin(), turns.end(), [](const auto& t) { return t.second >= 2; }) >= 2;
}

std::string InferKind(const std::string& text, const std::string& number) {
  const RE2& kJail = JailWords();
  static const RE2 kMayor(R"((?i)mayor'?s\s+order)");
  // (also a code's own words for itself, "As used in this Code section" (O.C.G.A.), and a compiler's
  // currency line, "Current through 2023-2024 Legislative Session")
  static const RE2 kStatute(
      R"((?i)be\s+it\s+enacted|D\.C\.\s+Code\s+§|D\.C\.\s+Law\s+\d|amendment\s+act\s+of|\bthis\s+code\s+section\b|\bcurrent\s+through\s+[^\n]{0,40}?(?:legislative\s+session|regular\s+session|general\s+assembly|legislature))");
  static const RE2 kCouncil(R"((?i)council\s+of\s+the\s+district|committee\s+on|public\s+hearing|testimony)");
  const RE2& kPolice = PoliceWords();
  // An order heading the page ("COMMAND ORDER #05-2014 (JAIL)") directs staff,
  // even in a memo's To:/From: form.
  static const RE2 kOrderHead(R"((?i)^\W*(?:command|general|special|standing|post|division|bureau|operations?|administrative)\s+order\b)");
  // A letter: a salutation line near the top ("Dear Mayor Hodges and Councilmembers,").
  static const RE2 kSalutation(R"((?m)^\s*Dear\s+[^\n]{2,80}[,:]\s*$)");
  // Correspondence (e-mail, fax, memo): both a From: and a To: header line.
  static const RE2 kFrom(R"((?mi)^\s*from\s*:)");
  static const RE2 kTo(R"((?mi)^\s*to\s*:)");
  static const RE2 kLog(R"((?i)\blog\b|\bshift\s+report)");
  // ("- Log the date and time the agent arrived": an instruction to keep a log, in a policy, is none)
  // (nor is a duty to write in one: "The R&D Officer shall record every release in the release log", a post order)
  static const RE2 kLogInstruction(
      R"((?mi)^\W*log\s+(?:the|all|each|every|any|their|his|her|its)\b|\b(?:shall|must|will)\s+(?:\w+\s+){0,2}?(?:record|enter|note|document|write|keep|maintain)\w*\b[^.\n]{0,80}?\blogs?\b)");
  const std::string head = text.substr(0, std::min<size_t>(text.size(), 3000));
  if (RE2::PartialMatch(head, kOrderHead)) return RE2::PartialMatch(head.substr(0, 200), kJail) ? "jail_policy" : "police_order";
  // ... and so does a caption line of its own under the agency's name ("ROCKFORD POLICE DEPARTMENT" / "GENERAL ORDER" /
  // "NUMBER: 1.09" / "TITLE: NEWS MEDIA RELATIONS"), whatever its subject (press releases are no news release); a jail's
  // post order, its duties for one post ("DEPARTMENT OF CORRECTIONS" / "POST ORDER" / "POST: Receiving and Discharge"), and
  // an operations memorandum, an order in a memo's form ("OPERATIONS MEMORANDUM 2019-07" / "TO: Records Office Staff"),
  // and a desk's checklist or standard operating procedure ("DOC RECORDS OFFICE" / "RELEASE DESK CHECKLIST (Rev.
  // 06/2024)" / "Before releasing any inmate, the releasing clerk will:"), its steps the desk's duties.
  static const RE2 kOrderCaption(
      R"((?mi)^[ \t]*(?:(?:general|special|standing|command|division|bureau|administrative|post)\s+orders?|(?:operations?|operational|administrative|procedural)\s+memorand(?:um|a)|(?:[\w&/-]+\s+){0,3}?check\s?list|standard\s+operating\s+procedures?)(?:\s*(?:#|no\.?|number:?)?\s*[\w.-]{1,12})?(?:\s*\((?:rev|revised|eff|effective)\b[^)\n]{0,24}\))?[ \t]*$)");
  // A notice a jail posts to the people in its custody tells them its rules ("AVISO A TODOS LOS RESIDENTES" / "El
  // Departamento no comparte su fecha de liberacion con ICE ...", "NOTICE TO ALL INMATES").
  static const RE2 kNoticeToInmates(
      R"((?mi)^[ \t]*(?:aviso\s+a\s+(?:tod[oa]s\s+)?(?:l[oa]s\s+)?(?:residentes|personas|reclus[oa]s|intern[oa]s|detenid[oa]s)|notice\s+to\s+(?:all\s+)?(?:inmates|residents|detainees|prisoners|persons\s+in\s+custody))\b[^\n]{0,40}$)");
  // (its caption may stand below a form's number and where to post it: "Publicar en: todas las unidades de vivienda ..."
  // / "Formulario DOC-CMS-207S (Rev. 03/2021) ..." / "AVISO A LOS RESIDENTES", a notice written for a probe)
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 800)), kNoticeToInmates)) return "jail_policy";
  // ... and so does its handbook for them ("RESIDENT HANDBOOK - CENTRAL DETENTION FACILITY" / "CHAPTER 14: IMMIGRATION
  // MATTERS"), though its "this chapter" reads like a code's own reference
  static const RE2 kHandbook(R"((?mi)^[ \t]*(?:[\w.]+\s+){0,5}?(?:resident|inmate|detainee|prisoner|offender)s?['\x{2019}]?\s+(?:handbook|orientation\s+(?:handbook|manual|guide))\b)");
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 300)), kHandbook)) return "jail_policy";
  // (a jail's unit names its department by its initials over the caption: "DOC RECORDS OFFICE")
  static const RE2 kCorrectionsInitials(R"((?-i:\bDOC\b))");
  if (const std::string top = head.substr(0, std::min<size_t>(head.size(), 200)); RE2::PartialMatch(top, kOrderCaption))
    return RE2::PartialMatch(top, kJail) || RE2::PartialMatch(top, kCorrectionsInitials) ? "jail_policy" : "police_order";
  // An e-mail or memo to a whole staff ("To: All Police", "To: All Department Heads") instructs them: an order in
  // correspondence's form, its imperatives directives ("DO NOT CALL the phone number"), not a record of practice.
  static const RE2 kToAllStaff(
      R"((?mi)^\s*to\s*:\s*(?:all|every)\s+(?:[\w-]+\s+){0,2}?(?:police|personnel|staff|officers|deputies|members|employees|sworn|supervisors|commanders|heads|managers|units|divisions|sections|shifts)\b)");
  if (RE2::PartialMatch(head, kFrom) && RE2::PartialMatch(head, kToAllStaff))
    return RE2::PartialMatch(head, kJail) ? "jail_policy" : "police_order";
  if (RE2::PartialMatch(head, kFrom) && RE2::PartialMatch(head, kTo)) return "correspondence";
  // A memo's header run into one line or a few ("MEMORANDUM To: Mayor and City Council From: ... Subject: ...").
  static const RE2 kMemoHead(
      R"((?i)^\W*(?:memorandum|memo|interoffice memo\w*)\b[\s\S]{0,300}?\bto\s*:[\s\S]{0,300}?\bfrom\s*:|^\W*(?:memorandum|memo)\b[\s\S]{0,300}?\bfrom\s*:[\s\S]{0,300}?\bto\s*:)");
  if (RE2::PartialMatch(head, kMemoHead)) return "correspondence";
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 600)), kSalutation)) return "correspondence";
  // A news release on an order ("New Police General Order ... FOR IMMEDIATE RELEASE", "OPC ... announced today that it
  // intends to abide by Mayor Vincent C. Gray's Executive Order 2011-174") is no order, though it names the order.
  const bool news = AnnouncesNews(head);
  if (!news && (RE2::PartialMatch(number, kMayor) || RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 600)), kMayor)))
    return "mayors_order";
  if (std::string act = EnactsLocally(head); !act.empty()) return act;
  if (news) return "";
  if (number.rfind("Program Statement", 0) == 0) return "jail_policy";
  if (number.rfind("General Order", 0) == 0 || number.rfind("GO-", 0) == 0 || number.rfind("Directive", 0) == 0)
    return "police_order";
  // A bill of Congress as printed, introduced or reported: its Congress and session, and the chamber it was introduced in
  // ("H.R. 2056 / 119th CONGRESS 1st Session / To require the District of Columbia to comply with federal immigration
  // laws. / IN THE HOUSE OF REPRESENTATIVES"). It refers to its own sections as a statute does, but binds no one until
  // enacted (search/diverge.h); an enacted public law prints no chamber heading.
  static const RE2 kCongressBill(
      R"re((?is)\b\d{2,3}(?:st|nd|rd|th)\s+congress\b.{0,600}?\bin\s+the\s+(?:house\s+of\s+representatives|senate\s+of\s+the\s+united\s+states)\b)re");
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 1500)), kCongressBill)) return "bill";
  // ... and a state legislature's, by its introduction and referral ("Introduced by M. of A. WEPRIN ... -- read once and
  // referred to the Committee on Local Governments", N.Y. A. 6281 of 2023), before its self-references make it a statute
  // (a chaptered act prints "Introduced by" without a referral)
  static const RE2 kStateBill(R"re((?is)\bintroduced\s+by\b.{0,300}?\breferred\s+to\s+(?:the\s+)?committee\b)re");
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 3000)), kStateBill)) return "bill";
  // ... and the District's, as its Council prints one ("A BILL" / "IN THE COUNCIL OF THE DISTRICT OF COLUMBIA" / "To amend
  // ..."), a committee print among them; an enacted act prints "AN ACT" and its D.C. Law number instead
  static const RE2 kCouncilBill(R"re((?s)\bA\s+BILL\b.{0,200}?\bIN\s+THE\s+COUNCIL\s+OF\s+THE\s+DISTRICT\s+OF\s+COLUMBIA\b)re");
  if (RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 1500)), kCouncilBill)) return "bill";
  // ... and by the headline its legislature's site prints over it ("SB 5818 - Facilitating the transfer of certain
  // individuals ...", Washington's bills as wa-law.org prints them), which no enacted law's page carries
  if (!BillHeadline(head).empty()) return "bill";
  // A statute on jails or police names them too ("the county jail shall not
  // ..."): a text that keeps referring to its own sections and never to a
  // department's policy or order is a law, whatever agencies it names.
  if (const auto [law, policy] = SelfReferences(head, 2, 1); law >= 2 && policy == 0) return "statute";
  // So does a code section's history note on a line of its own: "(Added by Stats. 2017, Ch. 17, Sec. 6. (AB 103)
  // Effective June 27, 2017.)", "[18-9008, added 2025, ch. 183, sec. 1, p. 860.]", "(Added 2017, No. 5, § 2, ...)",
  // however plainly the section is worded ("A city ... that does not ... have a contract ...").
  static const RE2 kHistoryNote(
      R"re((?mi)^\s*[\[(](?:[\w.-]+,\s*)?(?:added|amended|enacted|repealed|renumbered)\b[^\n]{0,80}?(?:\bstats?\.|\bch\.|\bno\.|§|\bacts?\b|\blaws?\b|\bp\.\s?a\.|\bcoun\.\s?j\.|\bsec\.))re");
  if (RE2::PartialMatch(text, kHistoryNote)) return "statute";
  // A policy's header block near the top (two of "Effective Date:", "Policy
  // Number", "Subject:", "Rescinds", ...) makes it an agency's policy, however
  // plainly it is worded ("Deputies do not ...").
  if (const std::string_view top(head.data(), std::min<size_t>(head.size(), 1500)); PolicyHeaderFields(top, 2) >= 2)
    return RE2::PartialMatch(head.substr(0, 400), kJail) ? "jail_policy" : "police_order";
  // A bill's title formula near the top ("AN ACT to amend the executive law ...", "An act to amend Section 7284.6 of
  // the Government Code, relating to law enforcement.") makes it a bill, however its digest or a mirror's summary reads
  // (N.Y. S. 257, 2023); an enacted act's "AN ACT To amend" is the statute it became (kStatute, first).
  static const RE2 kBillTitle(R"re((?i)\ban\s+act\s+to\s+(?:amend|add|repeal|create|enact|establish)\b)re");
  const bool bill_title = RE2::PartialMatch(head.substr(0, std::min<size_t>(head.size(), 1500)), kBillTitle);
  // A police or sheriff's manual of policies names itself in its running header ("Village of Lisle Police Department"
  // / "Lisle PD Policy Manual", Lexipol's template, which thousands of US agencies publish their policies in): the
  // whole manual is the agency's policy, though its first pages (a chief's preface, a code of ethics, a mission
  // statement) state no rule. Only a line that is the manual's name, under an agency's name near the top: a story
  // that mentions "the department's policy manual" is no manual.
  static const RE2 kManualName(
      R"((?mi)^[ \t]*[A-Z][^\n]{0,60}\b(?:policy|policies|procedures?|custody|jail|corrections|operations|general\s+orders?|rules\s+and\s+regulations)\s+manual[ \t]*$)");
  static const RE2 kAgencyName(R"((?i)\bpolice\b|sheriff'?s?\s+(?:office|department)|department\s+of\s+corrections|\bjail\b)");
  if (const std::string top = head.substr(0, std::min<size_t>(head.size(), 300));
      !bill_title && RE2::PartialMatch(top, kManualName) && RE2::PartialMatch(top, kAgencyName)) {
    static const RE2 kCustody(R"((?i)\b(?:custody|jail|corrections)\s+manual\b|department\s+of\s+corrections|\bjail\b)");
    return RE2::PartialMatch(top, kCustody) ? "jail_policy" : "police_order";
  }
  // A hearing's or an interview's record: speakers taking turns ("CHAIRPERSON ALLEN: ...", "DEPUTY DIRECTOR SMITH: ...",
  // two of them at least twice each) under a caption naming a transcript, a hearing or proceedings. What it quotes of a
  // law ("The law says the Department shall not ...") is said, not enacted: testimony, a record of practice.
  if (!bill_title && IsTranscript(head)) return "transcript";
  // Before the words that merely name an agency ("Police Department", "jail"):
  // a page that describes what the agency does is no order of it.
  if (!bill_title && DescribesPractice(head)) return "";
  // A police policy names its department in its running header; the words
  // of council records ("testimony", "committee on") can occur in its body.
  // (only a text that reads as rules: a page that merely names the agency is left to AuthorityOf)
  const bool rules = ReadsAsRules(head);
  if (const std::string top = head.substr(0, std::min<size_t>(head.size(), 400));
      rules && RE2::PartialMatch(top, kPolice) && !RE2::PartialMatch(top, kCouncil))
    return "police_order";
  if (RE2::PartialMatch(head, kStatute)) return "statute";
  // (a bill names its committee and sponsors as a council's record does: "Introduced by Sens. ... committed to the
  // Committee on Finance"; its title formula says which)
  if (bill_title) return "bill";
  if (RE2::PartialMatch(head, kCouncil)) return "council_record";
  if (const int logs = CountOf(kLog, head); logs > CountOf(kLogInstruction, head, logs)) return "log";
  if (rules && RE2::PartialMatch(head, kJail)) return "jail_policy";
  if (rules && RE2::PartialMatch(head, kPolice)) return "police_order";
  return "";
}

std::string AuthorityOf(const std::string& kind, const std::string& text) {
  // Testimony at a council hearing is evidence of practice, not law.
  static const RE2 kTestimony(R"((?i)\btestimony\b|\btranscript\b|\bwitness\b|\bhearing\b)");
  // (A resolution or ordinance that names a hearing is still the council's act.)
  if (kind == "council_record" && RE2::PartialMatch(text, kTestimony) &&
      EnactsLocally(text.substr(0, std::min<size_t>(text.size(), 3000))).empty())
    return "practice";
  if (kind == "statute" || kind == "bill" || kind == "ordinance" || kind == "mayors_order" || kind == "council_record") return "law";
  if (kind == "jail_policy" || kind == "police_order") return "policy";
  if (kind == "correspondence" || kind == "log" || kind == "transcript") return "practice";
  if (!kind.empty()) return "";
  if (DescribesPractice(text)) return "practice";
  // A school board's policy or its superintendent's regulation names itself in its own line at the top: "Board Policy
  // No. 5145.13", "AR 5145.13" (the numbering California's school boards share), "Administrative Regulation", or in
  // its title line ("Redwood City School District - Administrative Regulation 5145.13 - Response To ..."): an
  // agency's policy, though no jail or police department issued it. (Not one it cites in a sentence: "In accordance
  // with law, Board Policy 0410 - Nondiscrimination ...")
  static const RE2 kBoardPolicyCaption(
      R"re((?mi)^[ \t]*(?:(?:board|district)\s+(?:polic(?:y|ies)|regulations?|bylaws?)|administrative\s+(?:regulations?|procedures?))(?:\s+(?:no\.?|number|#)?\s*\d{3,4}(?:\.\d{1,3})*)?[ \t]*$|^[ \t]*(?-i:BP|AR|AP|BB|E)\s+\d{4}(?:\.\d{1,3})*(?:\([a-z0-9]{1,2}\))?[ \t]*$|^[^\n]{0,80}\s[-\x{2013}]\s(?:board\s+polic(?:y|ies)|administrative\s+(?:regulations?|procedures?))\s+\d{3,4}(?:\.\d{1,3})*\s+[-\x{2013}]\s)re");
  if (RE2::PartialMatch(text.substr(0, std::min<size_t>(text.size(), 800)), kBoardPolicyCaption)) return "policy";
  // Nothing names the kind: a text that refers to its own parts as a law's
  // ("subdivision one of this section", "the prohibition set forth in this
  // Section") is law; one that speaks of its department and members is policy.
  const auto [law, policy] = SelfReferences(text, std::numeric_limits<int>::max(), -1);
  if (law > policy) return "law";
  if (policy > law) return "policy";
  return "";
}

std::string AuthorityByDefault(const std::string& kind, const std::string& authority, const std::string& text) {
  if (!kind.empty() || !authority.empty()) return authority;
  // A page about a jail or a police agency that states no rule of it tells what the agency does; so does one about
  // the immigration agency's work with a local government (a county's page "Position on ICE", a sheriff's letter, a
  // statement to the press): a drop's documents that are neither law nor policy are its records of practice.
  static const RE2 kImmigrationAgency(
      R"((?i)\bimmigration\s+and\s+customs\s+enforcement\b|(?-i:\bICE\b)|\bimmigration\s+(?:detainers?|holds?|enforcement)\b)");
  const std::string head = text.substr(0, std::min<size_t>(text.size(), 3000));
  return !ReadsAsRules(head) && (RE2::PartialMatch(head, JailWords()) || RE2::PartialMatch(head, PoliceWords()) ||
                                 RE2::PartialMatch(head, kImmigrationAgency))
             ? "practice"
             : "";
}

}  // namespace foiamine::extractors::internal
