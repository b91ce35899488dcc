// The clause matcher's text tests (extractors/cue_scan.h): where negation
// scopes start, which lead-ins elaborate the sentence before them, which
// negations describe practice rather than state a rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/cue_scan.h"
#include "extractors/extract.h"
#include "extractors/text_fold.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using namespace foiamine::extractors::internal;

namespace {

std::vector<std::unique_ptr<RE2>> Breaks() {
  std::vector<std::unique_ptr<RE2>> out;
  out.push_back(std::make_unique<RE2>(R"(,?\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}?(?:shall|must|may|should|will|can|no)\b)"));
  out.push_back(std::make_unique<RE2>(";"));
  // (the rulebook's contrast: "but", not "but not limited")
  out.push_back(std::make_unique<RE2>(R"(,?\s+but\s+(?:[^n\s]|n[^o]|no[^t]|not\s+[^l\s]))"));
  return out;
}

}  // namespace

TEST_CASE("a scope break inside a modal cue does not split its subject", "[extractors][cue_scan]") {
  const auto breaks = Breaks();
  const std::string one = "no state agency or school resource officer may enter into a contract";
  // The cue "no ... may" spans the "or school resource officer may" break.
  const std::vector<CueHit> spanning{CueHit{0, one.find("may") + 3, Stance::kRestricts}};
  CHECK(ScopeCuts(breaks, one, spanning) == std::vector<size_t>{0});
  // Two clauses: "shall not hold ... and shall notify" keeps its cut.
  const std::string two = "staff shall not hold anyone and shall notify ice";
  const std::vector<CueHit> cues{CueHit{6, 15, Stance::kRestricts}, CueHit{31, 36, Stance::kRequires}};
  const auto cuts = ScopeCuts(breaks, two, cues);
  REQUIRE(cuts.size() == 2);
  CHECK(cuts[0] == 0);
  CHECK(two.substr(cuts[1]).rfind(" and shall", 0) == 0);
  // A ';' cut, no cue across it.
  CHECK(ScopeCuts(breaks, "notify ice; do not hold", {}).size() == 2);
}

TEST_CASE("elaborating lead-ins and described practice are told apart", "[extractors][cue_scan]") {
  CHECK(StartsWithElaboration("specifically, no agency or agent shall:"));
  CHECK(StartsWithElaboration("(a) In particular, officers shall:"));
  CHECK_FALSE(StartsWithElaboration("officers shall specifically not:"));
  CHECK_FALSE(StartsWithElaboration("specific duties:"));
  // a subject pointing back at the rule before
  CHECK(StartsWithElaboration("the prohibition set forth in this chapter shall include, but shall not be limited to:"));
  CHECK(StartsWithElaboration("(b) such restrictions include:"));
  CHECK_FALSE(StartsWithElaboration("the department shall not:"));
  CHECK_FALSE(StartsWithElaboration("prohibitions on detention:"));
  // a lead-in that carries a declared policy on (Village of Irvington, N.Y., 2017)
  CHECK(StartsWithElaboration("in furtherance of that policy:"));
  CHECK_FALSE(StartsWithElaboration("in furtherance of its mission the department shall:"));
  CHECK(DescribesPresentPractice("do not enforce immigration laws"));
  CHECK(DescribesPresentPractice("does not give ice access"));
  CHECK_FALSE(DescribesPresentPractice("shall not hold"));
  CHECK_FALSE(DescribesPresentPractice("doors are locked"));
  // a passive ban told on a page of practice is the policy's rule (Howard County police, as reported, 2017)
  CHECK_FALSE(DescribesPresentPractice("are prohibited from detaining an individual based solely on a civil federal immigration violation"));
  CHECK_FALSE(DescribesPresentPractice("are not allowed to ask about someone's immigration status"));
  // the Spanish present of the act, negated, describes it (news copies of a sheriff's and a police chief's words); a
  // measure's "no permite" is its ban
  CHECK(DescribesPresentPractice("no aplica leyes federales de inmigracion"));
  CHECK(DescribesPresentPractice("no preguntan por estatus migratorio"));
  CHECK(DescribesPresentPractice("tampoco pregunta sobre el estatus migratorio de los reclusos"));
  // ... and the first person plural, as a jail's letter to a family tells what it did and does (written for the probe)
  CHECK(DescribesPresentPractice("no informamos a ice de su liberacion"));
  CHECK(DescribesPresentPractice("no permitimos que agentes de ice lo entrevistaran"));
  CHECK(DescribesPresentPractice("no envia a ice listas de ingreso"));
  CHECK_FALSE(DescribesPresentPractice("no permite que el personal escolar autorice la entrada"));
  CHECK_FALSE(DescribesPresentPractice("no podran entrar a las escuelas"));
}

TEST_CASE("a record of practice tells what never happened, and keeps a rule it states", "[extractors][cue_scan]") {
  const std::string never = "at no point did apd officers inquire about the individual's immigration status.";
  CHECK(PracticeStance(Stance::kRestricts, never, 0) == Stance::kReports);
  CHECK(PracticeStance(Stance::kRestricts, "at no time has the jail held anyone for ice.", 0) == Stance::kReports);
  // a promise is not a record: "at no time will officers ..." keeps its restriction
  CHECK(PracticeStance(Stance::kRestricts, "at no time will officers ask about status.", 0) == Stance::kRestricts);
  // what the agency allows, told in the present, is its practice; a permission it states with "may" stays one
  const std::string allows = "the sheriff's office allows ice agents to interview inmates.";
  CHECK(PracticeStance(Stance::kPermits, allows, allows.find("allows")) == Stance::kReports);
  // ... by its participle too, but not a rule's leave (DCist on D.C. DOC, 2019; CNN on MPD's 2025 order)
  const std::string allowing = "it has complied with the second, allowing agents access to the jail to pick people up.";
  CHECK(PracticeStance(Stance::kPermits, allowing, allowing.find("allowing")) == Stance::kReports);
  const std::string order = "the chief signed an executive order thursday allowing dc police to share information.";
  CHECK(PracticeStance(Stance::kPermits, order, order.find("allowing")) == Stance::kPermits);
  // ... nor a measure's or an agreement's: they keep "allows" a permission (Tallahassee PD and Sedgwick County, as
  // reported, 2025)
  const std::string agreement =
      "the agreement allows one tpd officer to assist with immigration-related arrests, particularly violent offenders.";
  CHECK(PracticeStance(Stance::kPermits, agreement, agreement.find("allows")) == Stance::kPermits);
  const std::string move = "signed recently, the move allows jail staff to serve civil immigration detainers to inmates.";
  CHECK(PracticeStance(Stance::kPermits, move, move.find("allows")) == Stance::kPermits);
  // ... and in Spanish, whose cue starts a word before (a news copy of San Bernardino County's Sheriff, 2018)
  const std::string permite = "el departamento permite que agentes migratorios lleven a cabo investigaciones.";
  CHECK(PracticeStance(Stance::kPermits, permite, permite.find("departamento")) == Stance::kReports);
  const std::string may = "deputies may contact ice when a detainer is lodged.";
  CHECK(PracticeStance(Stance::kPermits, may, may.find("may")) == Stance::kPermits);
  const std::string declines = "the sheriff's office declines to honor detainers without a warrant.";
  CHECK(PracticeStance(Stance::kRestricts, declines, declines.find("office declines")) == Stance::kReports);
  CHECK(PracticeStance(Stance::kRestricts, "under no circumstances shall staff call ice.", 0) == Stance::kRestricts);
  // a decision told is a record of it (ICE's release on Oklahoma County, 2019); the same rule stated is not
  const std::string decided = "a few months ago, oklahoma county decided to no longer honor ice detainers.";
  CHECK(PracticeStance(Stance::kRestricts, decided, decided.find("no longer")) == Stance::kReports);
  const std::string decision = "in reaching the decision not to hold inmates for ice.";
  CHECK(PracticeStance(Stance::kRestricts, decision, decision.find("not to")) == Stance::kReports);
  const std::string stated = "oklahoma county will no longer honor ice detainers.";
  CHECK(PracticeStance(Stance::kRestricts, stated, stated.find("will no longer")) == Stance::kRestricts);
  // a rule said to be the policy keeps its stance; the same words as a bare account are told
  const std::string policy = "it is longstanding county policy that county police do not enforce federal immigration law.";
  CHECK(PracticeStance(Stance::kRestricts, policy, policy.find("do not")) == Stance::kRestricts);
  const std::string matter = "as a matter of policy, we do not inquire about anyone's immigration status.";
  CHECK(PracticeStance(Stance::kRestricts, matter, matter.find("do not")) == Stance::kRestricts);
  const std::string bare = "county police do not enforce federal immigration law.";
  CHECK(PracticeStance(Stance::kRestricts, bare, bare.find("do not")) == Stance::kReports);
  // ... and so does one the policy itself utters (Mesa County Sheriff's post, 2017, in the negative)
  const std::string utters = "our policy does not allow ice agents into the jail's housing units.";
  CHECK(PracticeStance(Stance::kRestricts, utters, utters.find("does not")) == Stance::kRestricts);
  const std::string deputies = "our deputies do not allow ice agents into the jail's housing units.";
  CHECK(PracticeStance(Stance::kRestricts, deputies, deputies.find("do not")) == Stance::kReports);
  // a step of the routine an official tells is told; the same step with no one telling it is a duty
  const std::string told = "the deputy in central booking will then call ice to ask if the agency wants to request a "
                           "detainer, according to miller.";
  CHECK(PracticeStance(Stance::kRequires, told, told.find("will")) == Stance::kReports);
  const std::string said = "the deputy will then call ice, the sheriff said.";
  CHECK(PracticeStance(Stance::kRequires, said, said.find("will")) == Stance::kReports);
  const std::string untold = "the deputy in central booking will then call ice to ask if the agency wants a detainer.";
  CHECK(PracticeStance(Stance::kRequires, untold, untold.find("will")) == Stance::kRequires);
}

TEST_CASE("an act told in its course in the past narrates but a rule does not", "[extractors][cue_scan]") {
  // (Los Alamos, as reported, 2019: a story the pipeline took for a policy because it quotes a procedure)
  CHECK(NarratesPastCourse("the los alamos detention center was sending a weekly email to ice officials."));
  CHECK(NarratesPastCourse("the department had been honoring detainers from ice."));
  CHECK(NarratesPastCourse("the jail has been routinely sharing inmate information with the agency."));
  CHECK_FALSE(NarratesPastCourse("officers shall not share information with ice."));
  CHECK_FALSE(NarratesPastCourse("the jail notifies ice of each booking."));
  CHECK_FALSE(NarratesPastCourse("this policy was adopted in 2017."));
  CHECK_FALSE(NarratesPastCourse("there was nothing to report to ice."));
  CHECK(NarratesPastCourse("there was nothing new: the jail was notifying ice of each release."));
}

TEST_CASE("OCR misreadings of modal words are repaired at the same length", "[extractors][cue_scan]") {
  struct Case {
    const char* ocr;
    const char* repaired;
  } cases[] = {
      {"Staff shaIl notify ICE", "Staff shall notify ICE"},
      {"Staff sha11 n0t notify ICE", "Staff shall not notify ICE"},
      {"Officers wiIl not; they wou1d", "Officers will not; they would"},
      // an "l" read as an "i" (a faxed typewriter face): "shail", "shali", "wiil"
      {"The jailer shail notify ICE; staff shali not; ICE wiil", "The jailer shall notify ICE; staff shall not; ICE will"},
      {"shailow, shall, Shale, wild, wilt, a wiil", "shailow, shall, Shale, wild, wilt, a will"},
      // a speck read as a point inside a sentence, before a lower-case word ("will. be released"); a sentence's end,
      // an initial's point and a number's stay
      {"the inmate will. be released, etc. and more", "the inmate  will be released,  etc and more"},
      {"He left. The end. J. Doe, a.m. on 10. May; ICE. they", "He left. The end. J. Doe, a.m. on 10. May; ICE. they"},
      {"Officers rnust notify", "Officers  must notify"},
      {"marshall rnustard shallow", "marshall rnustard shallow"},  // whole words only
      {"notify lmmigration of the re1ease; a detalner", "notify Immigration of the release; a detainer"},
      {"SHALL NOT, Shall not, will not, would", "SHALL NOT, Shall not, will not, would"},  // right text untouched
      // "m" read as "nn" (a scanned 287(g) agreement): "to perfonn certain immigration enforcement functions"
      {"to perfonn functions; infonnation perfonned", "to perform functions; information performed"},
      {"the Connor bonnet, the form", "the Connor bonnet, the form"},
      // "l" read as "1" inside a word or ending "-al": "un1ess ICE presents a judicia1 warrant"
      {"un1ess ICE presents a judicia1 warrant to faci1ities", "unless ICE presents a judicial warrant to facilities"},
      {"the 1st of May, Form I-131, D.C. Code 24-211.07, ab1", "the 1st of May, Form I-131, D.C. Code 24-211.07, ab1"},
      // "m" read as "rn" in the words most rules need
      {"an inrnate's imrnigration status; the Departrnent", "an  inmate's  immigration status; the  Department"},
      {"born, government, return, internal", "born, government, return, internal"},
      {"inforrnation on the forrn; perforrn, cornply, cornpliance, custorns; rnembers and Mernbers",
       " information on the  form;  perform,  comply,  compliance,  customs;  members and  Members"},
      {"corn, cornea, form, inform, forum, Customs, remember, members", "corn, cornea, form, inform, forum, Customs, remember, members"},
      // "l" read as a capital "I" inside a word or ending "-al"/"-il"
      {"access to the faciIity; the reIease date; a judiciaI warrant; civiI", "access to the facility; the release date; a judicial warrant; civil"},
      {"ICE, DHS-ICE, I-247, AIDS, an I, OIl", "ICE, DHS-ICE, I-247, AIDS, an I, OIl"},
      // a bilevel scan's readings of the agency's initials, of "status" and of a modal's "l" as a bracket
      {"The JCE officers; an [CE warrant; LCE detainer; IGE agents; ICE, JCEX, SLICE", "The ICE officers; an ICE warrant; ICE detainer; ICE agents; ICE, JCEX, SLICE"},
      {"immigration stalus; Members shal] not; ICE wil] not; stylus", "immigration status; Members shall not; ICE will not; stylus"},
      // ... and a modal's "not" read as "net" (a bilevel scan of a bill), not a net of any other kind
      {"The Department shall net transfer; staff may net ask; a net loss; the net effect", "The Department shall not transfer; staff may not ask; a net loss; the net effect"},
      {"Staff shai] not ask; ICE shal! not enter; Uniess presented; verify ummigration status; ICE personne! may; civil immigration Jaw; state Jaws",
       "Staff shall not ask; ICE shall not enter; Unless presented; verify immigration status; ICE personnel may; civil immigration law; state laws"},
      {"a jaw; Jaws; the unless; personnel; shall", "a jaw; Jaws; the unless; personnel; shall"},
      // a speck read as a point in the space between words (a 100-dpi scan): "We.do not", "as.a hold"
      {"takes no action. We.do not provide ICE with release dates; treated as.a hold",
       "takes no action. We do not provide ICE with release dates; treated as a hold"},
      // ... not in an address, a file name or an abbreviation
      {"see www.ice.gov, dc.gov, ice.gov/detain, doc.records@dc.gov, form.pdf, e.g. this, i.e. that, U.S.C.",
       "see www.ice.gov, dc.gov, ice.gov/detain, doc.records@dc.gov, form.pdf, e.g. this, i.e. that, U.S.C."},
  };
  for (const Case& c : cases) {
    std::string text = c.ocr;
    const size_t size = text.size();
    RepairOcrModals(text);
    CHECK(text == c.repaired);
    CHECK(text.size() == size);
  }
}

TEST_CASE("words split by a line-break hyphen are rejoined, their offsets kept", "[extractors][cue_scan]") {
  struct Case {
    const char* copied;
    const char* repaired;
  };
  const Case cases[] = {
      {"determining immigra- tion status", "determining immigration status"},
      {"the sub- ject of an ICE detainer", "the subject of an ICE detainer"},
      {"SHALL NOT ENGAGE IN IMMI- GRATION ENFORCEMENT", "SHALL NOT ENGAGE IN IMMIGRATION ENFORCEMENT"},
      {"pre- and post-trial, first- or second-degree", "pre- and post-trial, first- or second-degree"},
      {"ICE- related, a- b, Case- Law, ICE- RELATED", "ICE- related, a- b, Case- Law, ICE- RELATED"},
      {"no hyphen here", "no hyphen here"},
  };
  for (const Case& c : cases) {
    const std::string copied = c.copied;
    FoldedText folded = FoldDiacritics(copied);
    RepairSplitWords(folded);
    CHECK(folded.text == c.repaired);
    // every byte still maps to the same byte of the copy, and the end to its end
    for (size_t i = 0; i < folded.text.size(); ++i) CHECK(copied[folded.ToOriginal(i)] == folded.text[i]);
    CHECK(folded.ToOriginal(folded.text.size()) == copied.size());
  }
}

TEST_CASE("an 'or' before the first modal joins subjects, after a modal it starts a clause", "[extractors][cue_scan]") {
  const auto breaks = Breaks();
  // "Federal, state, or local entities will not receive access": one clause.
  const std::string subjects = "federal, state, or local entities will not receive access to city property";
  const std::vector<CueHit> one{CueHit{subjects.find("will not"), subjects.find("will not") + 8, Stance::kRestricts}};
  CHECK(ScopeCuts(breaks, subjects, one) == std::vector<size_t>{0});
  // "... shall not hold anyone, or the jail shall notify ICE": two.
  const std::string clauses = "staff shall not hold anyone, or the jail shall notify ice";
  const std::vector<CueHit> two{CueHit{6, 15, Stance::kRestricts},
                                CueHit{clauses.rfind("shall"), clauses.rfind("shall") + 5, Stance::kRequires}};
  CHECK(ScopeCuts(breaks, clauses, two).size() == 2);
  // ... but a contrast always starts a clause, its modal the first of the sentence (a jail's spokeswoman, 2015): the
  // notice is not governed by the "cannot" of the hold
  const std::string contrast = "we do notify ice after an inmate has been released but cannot hold them on this document";
  const std::vector<CueHit> cannot{CueHit{contrast.find("cannot"), contrast.find("cannot") + 6, Stance::kRestricts}};
  CHECK(ScopeCuts(breaks, contrast, cannot) == std::vector<size_t>{0, contrast.find(" but")});
  // what opens a contrast (OpensContrast, shared with the matcher's ContrastBetween)
  CHECK(OpensContrast(" but cannot hold them"));
  CHECK(OpensContrast(", yet the jail will"));
  CHECK(OpensContrast("; Sino que"));
  CHECK_FALSE(OpensContrast(", butter"));
  CHECK_FALSE(OpensContrast(", however, the jail will"));
}

TEST_CASE("a record of practice: a promise on a warrant permits, a practice carried on is told", "[extractors][cue_scan]") {
  // the condition after the act, when it is a warrant: the agency will act if one comes (San Diego County Sheriff, 2014)
  const std::string warrant =
      "the sheriff's department will detain someone past their local release date if presented with an arrest warrant.";
  CHECK(PracticeStance(Stance::kRequires, warrant, warrant.find("will")) == Stance::kPermits);
  // any other condition leaves the promise a duty
  const std::string other = "the jail will notify ice when the inmate is released.";
  CHECK(PracticeStance(Stance::kRequires, other, other.find("will")) == Stance::kRequires);
  // the condition first: a warrant's permits, the routine's stays a duty (Allegheny County Jail, as reported)
  const std::string first = "if ice provides a warrant saying that they are arresting an individual, we will hold that person.";
  CHECK(PracticeStance(Stance::kRequires, first, first.find("will")) == Stance::kPermits);
  const std::string routine = "once that inmate is released, records staff will notify ice via email.";
  CHECK(PracticeStance(Stance::kRequires, routine, routine.find("will")) == Stance::kRequires);
  // an exception to the rule told before it is no description of practice (San Joaquin County jail, as reported)
  const std::string exception = "this does not apply to arrest warrants signed by a judge.";
  CHECK(PracticeStance(Stance::kPermits, exception, exception.find("does")) == Stance::kPermits);
  CHECK(PracticeStance(Stance::kRestricts, "the jail does not hold anyone for ice.", 9) == Stance::kReports);
  // "will continue our practice of notifying" tells what the agency does
  const std::string carried = "we will continue our practice of notifying ice of the date of release.";
  CHECK(PracticeStance(Stance::kRequires, carried, carried.find("will")) == Stance::kReports);
  // ... and so does "will continue to do so" after the practice it tells (Fairfax County Sheriff's page), not a duty
  // kept up
  const std::string so = "the sheriff's office cooperates with ice per code of virginia and will continue to do so.";
  CHECK(PracticeStance(Stance::kRequires, so, so.find("will")) == Stance::kReports);
  const std::string duty = "the office will continue to comply with all federal obligations.";
  CHECK(PracticeStance(Stance::kRequires, duty, duty.find("will")) == Stance::kRequires);
  // ... but a restriction it carries on stays one (the rulebook's cue "continue ... practice of declining")
  const std::string declining = "we will continue our practice of declining detainers.";
  CHECK(PracticeStance(Stance::kRestricts, declining, declining.find("will")) == Stance::kRestricts);
  // a routine named as one is told (Pima County Sheriff's jail page): "the procedure is to contact ICE ..."
  const std::string procedure = "the procedure is to contact ice once judicial orders are received to release an inmate.";
  CHECK(PracticeStance(Stance::kRequires, procedure, procedure.find("is to")) == Stance::kReports);
  // ... not an order whose subject is someone else: "staff is to contact ice"
  const std::string staff = "staff is to contact ice before the inmate is released.";
  CHECK(PracticeStance(Stance::kRequires, staff, staff.find("is to")) == Stance::kRequires);
}

TEST_CASE("no cue reaches from a leading condition into the main clause", "[extractors][cue_scan]") {
  Rulebook::Compiled::Cue no_will{std::make_unique<RE2>(R"(\bno (?:[\w'-]+ ){0,30}?(?:shall|will)\b)"), Stance::kRestricts};
  Rulebook::Compiled::Cue will{std::make_unique<RE2>(R"(\b(?:shall|will)\b)"), Stance::kRequires};
  std::vector<Rulebook::Compiled::Cue> cues;
  cues.push_back(std::move(no_will));
  cues.push_back(std::move(will));
  const std::string conditioned = "in cases where no warrant has been presented, staff will notify ice of the release.";
  CHECK(LeadingConditionEnd(conditioned) == conditioned.find(','));
  const auto hits = FindCues(cues, conditioned);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].stance == Stance::kRequires);
  CHECK(hits[0].start == conditioned.find("will"));
  // without a condition, "no ... will" is one cue and restricts
  const std::string plain = "no officer will notify ice of the release.";
  CHECK(LeadingConditionEnd(plain) == std::string::npos);
  // the main clause's subject may hold commas of its own (N.Y. S. 257 (2023) 319-D(2), 319-E(2), shortened)
  const std::string appositive = "upon receipt of a detainer, a state or local agency, or agent thereof, shall notify the person.";
  CHECK(LeadingConditionEnd(appositive) == appositive.find(','));
  const std::string excepted =
      "2. except to the extent that disclosure is required by federal law, no state agency, or agent thereof, shall provide "
      "any information to ice.";
  CHECK(LeadingExceptionEnd(excepted) == excepted.find(','));
  const auto plain_hits = FindCues(cues, plain);
  REQUIRE(plain_hits.size() == 1);
  CHECK(plain_hits[0].stance == Stance::kRestricts);
}

TEST_CASE("a cue beaten by a longer one of its own stance keeps its words from a shorter cue", "[extractors][cue_scan]") {
  const auto cue = [](const char* pattern, Stance stance) {
    return Rulebook::Compiled::Cue{std::make_unique<RE2>(pattern), stance};
  };
  std::vector<Rulebook::Compiled::Cue> cues;
  cues.push_back(cue(R"(\b(?:shall|will) not\b)", Stance::kRestricts));
  cues.push_back(cue(R"(\bnot (?:be )?(?:permitted|allowed|authorized) to\b)", Stance::kRestricts));
  cues.push_back(cue(R"(\b(?:shall|will)\b)", Stance::kRequires));
  cues.push_back(cue(R"(\bno (?:[\w'-]+ ){0,4}?will (?:prohibit|restrict)\w*)", Stance::kPermits));
  // (Travis County Sheriff's ICE policy points, as quoted, 2017) "not be allowed to" beats "will not", whose "will" is
  // no duty: the sentence has one cue, and it restricts.
  const std::string travis =
      "without a judicial warrant or court order, ice will not be allowed to carry out \"civil immigration status "
      "investigations at the jail or tcso offices.\"";
  const auto hits = FindCues(cues, travis);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].stance == Stance::kRestricts);
  CHECK(hits[0].start == travis.find("not be allowed"));
  // A cue beaten by one of another stance holds nothing: "no member will prohibit" permits, and a "shall" after it is
  // a duty of its own.
  const std::string other = "no member will prohibit the exchange of information, and staff shall notify ice.";
  const auto other_hits = FindCues(cues, other);
  REQUIRE(other_hits.size() == 2);
  CHECK(other_hits[0].stance == Stance::kPermits);
  CHECK(other_hits[1].stance == Stance::kRequires);
  // "shall not" still beats "shall".
  const auto shall_not = FindCues(cues, "staff shall not notify ice.");
  REQUIRE(shall_not.size() == 1);
  CHECK(shall_not[0].stance == Stance::kRestricts);
}

TEST_CASE("a main clause that disposes of what its condition names takes up the condition's topic", "[extractors][cue_scan]") {
  const auto taken_up = [](std::string_view sentence) { return MainClauseTakesUp(sentence, LeadingConditionEnd(sentence)); };
  // (In-East Chicago Code 39.055(C)(2), shortened) the last disposing act is the one decided
  const std::string declined =
      "in the event an agent receives a request to assist in an immigration enforcement operation, he or she shall report "
      "the request to his or her supervisor, who shall decline the request.";
  const auto taken = taken_up(declined);
  REQUIRE(taken.has_value());
  CHECK(declined.substr(taken->first, taken->second - taken->first) == "decline the request");
  CHECK(taken_up("if ice asks for an inmate's release date, staff shall refuse it.").has_value());
  // an act that keeps a record of the request disposes of nothing
  CHECK_FALSE(taken_up("whenever an officer receives a request to assist in immigration enforcement, the agency shall make a "
                       "record relating to such request.")
                  .has_value());
  // no leading condition: nothing to take up
  CHECK_FALSE(taken_up("officers shall decline the request to assist in immigration enforcement.").has_value());
}

TEST_CASE("a record of practice that tells what a written rule says", "[extractors]") {
  // (Salt Lake City police policy as reported, 2025; Howard County police general order as reported, 2017)
  CHECK(CitesWrittenRule("According to the SLCPD policy, the department may offer available support services to ICE."));
  CHECK(CitesWrittenRule("\"No individual should be held based solely on a federal immigration detainer,\" the policy states."));
  CHECK(CitesWrittenRule("The policy adds that any requests from ICE should be directed to a supervisor."));
  CHECK(CitesWrittenRule("Under the new policy, deputies will not hold anyone past release on a detainer."));
  CHECK_FALSE(CitesWrittenRule("The Sheriff said deputies do not hold anyone past release on a detainer."));
  CHECK_FALSE(CitesWrittenRule("The board voted to end the policy of honoring detainers."));
  CHECK(IntroducesRules("Among the rules re-stated by the department:"));
  CHECK(IntroducesRules("The general order states:"));
  CHECK_FALSE(IntroducesRules("The department said the following:"));
  // ... and one that names the rules it lays out, before the bullets that list them (Tucson's release as reported, 2025)
  CHECK(IntroducesRules("It laid out the following policies, which it said have been in place for nearly 15 years."));
  CHECK(IntroducesRules("The sheriff published the following procedures:"));
  CHECK_FALSE(IntroducesRules("It laid out the following reasons, which it said have been in place for years."));
  CHECK_FALSE(IntroducesRules("Among the rules re-stated by the department: officers do not ask."));
}

TEST_CASE("a permission inside what a notice tells is the notice's word, not the law's", "[extractors][cue_scan]") {
  // Cal. Gov. Code 7283.1(a) (the TRUTH Act, shortened)
  const std::string truth =
      "In advance of any interview between ICE and an individual in custody, the local law enforcement entity shall "
      "provide the individual with a written consent form that explains that the interview is voluntary, and that the "
      "individual may decline to be interviewed or may choose to be interviewed only with the individual's attorney "
      "present.";
  const size_t told = ToldContentStart(truth, truth.find("may choose"));
  REQUIRE(told != std::string::npos);
  CHECK(truth.substr(told, 8) == "explains");
  // the duty's own "shall" is outside any telling; a sentence ended before the cue tells nothing of it
  CHECK(ToldContentStart(truth, truth.find("shall")) == std::string::npos);
  CHECK(ToldContentStart("Officers shall inform ICE that. Officers may decline.", 36) == std::string::npos);

  DocumentInput in;
  in.metadata.authority = "law";
  in.pages.push_back(PageText{1, "(a) " + truth + "\n"});
  const Extraction x = ExtractDocument(foiamine::testing::ShippedRulebook(), in);
  bool requires_counsel = false;
  for (const Clause& c : x.clauses) {
    INFO(c.topic << " " << StanceName(c.stance) << ": " << c.text);
    CHECK_FALSE((c.topic == "counsel_access" && c.stance == Stance::kPermits));
    requires_counsel = requires_counsel || (c.topic == "counsel_access" && c.stance == Stance::kRequires);
  }
  CHECK(requires_counsel);
}

TEST_CASE("the party's own assent opens no condition, a trigger still does", "[extractors][cue_scan]") {
  CHECK(LeadingConditionEnd("Upon the LEA's agreement, participating LEA personnel will be assigned to task forces.") ==
        std::string::npos);
  const std::string trigger = "Upon receipt of a detainer, the records office shall notify the supervisor.";
  CHECK(LeadingConditionEnd(trigger) == trigger.find(','));
}

TEST_CASE("an exception opening the sentence ends where its main clause begins, a condition is no exception",
          "[extractors][cue_scan]") {
  const std::string unless = "(d) unless presented with a valid and properly issued criminal warrant, no agency or agent shall:";
  CHECK(LeadingExceptionEnd(unless) == unless.find(','));
  const std::string absent = "absent a judicial warrant, staff will not hold any person for ice.";
  CHECK(LeadingExceptionEnd(absent) == absent.find(','));
  // a condition is LeadingConditionEnd's, and a sentence with no main clause after the comma has no end
  CHECK(LeadingExceptionEnd("if ice asks, staff shall decline.") == std::string::npos);
  CHECK(LeadingExceptionEnd("unless otherwise provided, see section 4.") == std::string::npos);
  CHECK(LeadingConditionEnd(unless) == std::string::npos);
}

TEST_CASE("a rulebook's cue lists find over their Sets the cues every cue's own regex finds", "[extractors][cue_scan]") {
  const Rulebook::Compiled& rules = foiamine::testing::ShippedRulebook().compiled();
  const std::vector<const Rulebook::Compiled::CueList*> lists = {
      &rules.modal_cues,       &rules.imperative_cues, &rules.report_cues, &rules.habitual_cues,
      &rules.explanation_cues, &rules.background_cues, &rules.summary_cues};
  for (const auto* list : lists) CHECK(list->any != nullptr);
  const auto same = [](const std::vector<CueHit>& a, const std::vector<CueHit>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const CueHit& x, const CueHit& y) {
             return x.start == y.start && x.end == y.end && x.stance == y.stance && x.inert == y.inert;
           });
  };
  // Every line and every paragraph of the corpus texts and of the labelled real documents, folded as units are,
  // against every list.
  size_t texts = 0, with_hits = 0;
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"corpus/truth", "eval/real-extra/docs"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(foiamine::testing::SourceDir() / dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  for (const auto& path : files) {
    const std::string text = FoldString(foiamine::testing::ReadFile(path));
    for (const char* separator : {"\n", "\n\n"}) {
      for (size_t pos = 0; pos < text.size();) {
        const size_t end = std::min(text.find(separator, pos), text.size());
        const std::string_view unit = std::string_view(text).substr(pos, end - pos);
        ++texts;
        for (const auto* list : lists) {
          const std::vector<CueHit> hits = FindCues(*list, unit);
          INFO(unit);
          REQUIRE(same(hits, FindCues(list->cues, unit)));
          with_hits += !hits.empty();
        }
        pos = end + 1;
      }
    }
  }
  INFO(texts << " texts, " << with_hits << " lists with hits");
  CHECK(with_hits > 5000);
}

TEST_CASE("a negation does not reach across a contrast into the next scope", "[extractors][cue_scan]") {
  // A report of the D.C. DOC's practice (Washington City Paper, 2019, shortened).
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary
  DocumentInput in;
  in.metadata.authority = "practice";
  in.metadata.agency = "DOC";
  const std::string text =
      "Currently, the D.C. DOC does not hold immigrants in custody for ICE, but it does honor the second part of the "
      "detainer request, namely notifying federal agents before an inmate is released.\n";
  in.pages.push_back(PageText{1, text});
  const Extraction x = ExtractDocument(*rules, in);
  const Clause* hold = nullptr;
  const Clause* notice = nullptr;
  for (const Clause& c : x.clauses) {
    if (c.topic == "detainer_hold") hold = &c;
    if (c.topic == "release_notification") notice = &c;
  }
  REQUIRE(hold != nullptr);
  REQUIRE(notice != nullptr);
  // The hold is refused ("does not"); the notice is given: its record is not governed by the refusal's words.
  REQUIRE(hold->stance_cue.end > hold->stance_cue.start);
  CHECK(text.substr(static_cast<size_t>(hold->stance_cue.start), 8) == "does not");
  CHECK(notice->stance == Stance::kReports);
  CHECK_FALSE(notice->stance_cue.end > notice->stance_cue.start);
}

TEST_CASE("a member's question recorded in minutes is a question, an officer's question to a person is not",
          "[extractors][cue_scan]") {
  CHECK(IsQuestion("Commissioner Perea asked whether inmate release dates are provided and whether individuals could "
                   "be held solely for immigration status."));
  CHECK(IsQuestion("Vice Chair Castillo Laughton requested clarification on information provided to ICE."));
  CHECK(IsQuestion("Does the Department notify ICE before a release?"));
  CHECK_FALSE(IsQuestion("Deputies asked whether he was a citizen of the United States."));
  // a question that also tells what is done is no mere question
  CHECK_FALSE(IsQuestion("Councilmember Doolan asked if ICE would have access to public data information, recognizing "
                         "that the Police Department does not ask or keep records of immigration status."));
}

TEST_CASE("a release held back until the agency is told is found, a notice forbidden before a release is not",
          "[extractors][cue_scan]") {
  const auto withheld = [](std::string_view text, std::string_view cue, std::string_view act) {
    return ReleaseWithheldUntil(text, text.find(cue), text.find(act));
  };
  CHECK(withheld("Jail staff shall not release an inmate subject to a detainer without first contacting the ICE duty "
                 "officer.",
                 "shall not", "contacting"));
  CHECK(withheld("Staff may not release a detainee until ICE has been notified of the release.", "may not", "notified"));
  CHECK(withheld("No inmate with an immigration detainer shall be released without notification to ICE.", "No inmate",
                 "notification"));
  // the notice itself forbidden, the release after it: no release is withheld
  CHECK_FALSE(withheld("Staff shall not notify ICE before the release of an inmate.", "shall not", "notify"));
  // the release and the act in different sentences, or the act before the cue
  CHECK_FALSE(withheld("Staff shall not release an inmate early. Contact ICE.", "shall not", "Contact"));
  CHECK_FALSE(withheld("Contact ICE; staff shall not release the inmate.", "shall not", "Contact"));
}
