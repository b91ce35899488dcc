// search/diverge: pairing law restrictions with contrary policy/practice
// (actor resolution, dates, agreements), the matrix, divergence scoring;
// and the acceptance test on corpus/ (every labeled pair, nothing for the
// older MPD order that is consistent with the law).
#include <catch2/catch.hpp>

#include <sstream>
#include <nlohmann/json.hpp>

#include <set>

#include "search/diverge.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

ClauseRecord Clause(const std::string& id, const std::string& authority, const std::string& agency,
                    const std::string& actor, const std::string& topic, const std::string& stance,
                    const std::string& doc_path, const std::string& section) {
  ClauseRecord c;
  c.id = id;
  c.authority = authority;
  c.agency = agency;
  c.actor = actor;
  c.topic = topic;
  c.stance = stance;
  c.doc_path = doc_path;
  c.section = section;
  c.page = 1;
  c.text = "text of " + id;
  c.char_end = static_cast<int>(c.text.size());
  c.citation = doc_path + " § " + section;
  return c;
}

std::vector<ClauseRecord> SmallCorpus() {
  std::vector<ClauseRecord> v;
  // Laws: a Council statute naming the Department (DOC), a Mayor's Order
  // binding any District agency (stored actor = the enacting body).
  v.push_back(Clause("L1", "law", "Council", "DOC", "release_notification", "restricts", "law/code.pdf", "(b)(2)"));
  v.push_back(Clause("L2", "law", "EOM", "EOM", "information_sharing", "restricts", "law/mo.pdf", "IV.A"));
  v.push_back(Clause("L3", "law", "EOM", "District", "status_inquiry", "restricts", "law/mo.pdf", "III.A"));
  v.push_back(Clause("L4", "law", "Council", "DOC", "counsel_access", "requires", "law/code.pdf", "(d)"));
  for (auto& c : v) c.effective = "2021-03-16";
  // Policy and practice.
  v.push_back(Clause("P1", "policy", "DOC", "DOC", "release_notification", "requires", "pol/ps.pdf", "9.a.(b)"));
  v.back().issued = "2019-01-01";
  v.back().review = "2023-09-15";  // issued before the law, reissued after: still in force
  v.push_back(Clause("P2", "practice", "DOC", "", "release_notification", "reports", "prac/log.pdf", "entry 1"));
  v.back().issued = "2023-06-14";  // empty actor: the document's agency (DOC)
  v.push_back(Clause("P3", "policy", "MPD", "MPD", "release_notification", "requires", "pol/mpd.pdf", "I"));
  v.back().issued = "2022-01-01";  // MPD is not bound by a law that names DOC
  v.push_back(Clause("P4", "policy", "MPD", "MPD", "information_sharing", "permits", "pol/mpd.pdf", "IV.B.1"));
  v.back().issued = "2020-01-01";  // District law binds MPD; issued before, never reviewed
  v.push_back(Clause("P5", "policy", "MPD", "MPD", "status_inquiry", "restricts", "pol/mpd.pdf", "IV.B.2"));
  v.push_back(Clause("P6", "policy", "DOC", "DOC", "release_notification", "mentions", "pol/ps.pdf", "1"));
  return v;
}

const Divergence* FindPair(const std::vector<Divergence>& pairs, const std::string& law, const std::string& practice) {
  for (const auto& d : pairs) {
    if (d.law.id == law && d.practice.id == practice) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("law restrictions pair with contrary policy and practice of the bound actor", "[diverge]") {
  auto clauses = SmallCorpus();
  auto pairs = FindDivergences(clauses, {});
  REQUIRE(pairs.size() == 3);
  const Divergence* p1 = FindPair(pairs, "L1", "P1");
  REQUIRE(p1 != nullptr);
  CHECK(p1->actor == "DOC");
  CHECK(p1->timing == Timing::kBeforeStillInForce);
  CHECK(p1->summary.find("still in force") != std::string::npos);
  CHECK(p1->summary.find("2023-09-15") != std::string::npos);
  const Divergence* p2 = FindPair(pairs, "L1", "P2");
  REQUIRE(p2 != nullptr);
  CHECK(p2->actor == "DOC");  // empty actor -> document agency
  CHECK(p2->timing == Timing::kIssuedAfter);
  CHECK(p2->practice_issued == "2023-06-14");
  CHECK(p2->law_effective == "2021-03-16");
  const Divergence* p4 = FindPair(pairs, "L2", "P4");
  REQUIRE(p4 != nullptr);  // the enacting body's actor means "District": binds MPD
  CHECK(p4->actor == "MPD");
  CHECK(p4->timing == Timing::kBeforeNotReviewed);
  CHECK(FindPair(pairs, "L1", "P3") == nullptr);  // a law naming DOC does not bind MPD
  CHECK(FindPair(pairs, "L3", "P5") == nullptr);  // agreement, not divergence
  CHECK(FindPair(pairs, "L4", "P1") == nullptr);  // the law requires, not restricts
  CHECK(FindPair(pairs, "L1", "P6") == nullptr);  // mentions is not a contrary stance

  SECTION("--topic") {
    auto only = FindDivergences(clauses, {.topic = "information_sharing", .agreements = false});
    REQUIRE(only.size() == 1);
    CHECK(only[0].practice.id == "P4");
  }
  SECTION("--agreements") {
    auto all = FindDivergences(clauses, {.topic = "", .agreements = true});
    REQUIRE(all.size() == 4);
    const Divergence* a = FindPair(all, "L3", "P5");
    REQUIRE(a != nullptr);
    CHECK(a->agreement);
    CHECK(a->actor == "MPD");
  }
}

TEST_CASE("a duty to pass a request for help up the chain does not contradict a law that restricts help",
          "[diverge]") {
  std::vector<ClauseRecord> v;
  v.push_back(Clause("L", "law", "EOM", "District", "enforcement_assistance", "restricts", "law/mo.pdf", "V.A"));
  v.back().text = "District personnel shall not be used to detain or transport any person for civil immigration enforcement.";
  v.push_back(Clause("ROUTE", "policy", "MPD", "MPD", "enforcement_assistance", "requires", "pol/go.pdf", "III.A"));
  v.back().text = "A member who receives a request for assistance from a federal immigration authority shall refer "
                  "the request to the watch commander, who shall consult the Office of the General Counsel.";
  v.push_back(Clause("ROUTE2", "policy", "MPD", "MPD", "enforcement_assistance", "requires", "pol/pm.pdf", "428.6"));
  v.back().text = "Requests by federal immigration officials for assistance from this department should be directed "
                  "to a supervisor.";
  // (the inquiry sent to counsel: a police special order, written for the probe)
  v.push_back(Clause("ROUTE3", "policy", "MPD", "MPD", "enforcement_assistance", "requires", "pol/so.pdf", "E."));
  v.back().text = "E. Members who receive an inquiry from ICE about a person in custody shall refer the inquiry to the Department's "
                  "Office of General Counsel.";
  v.push_back(Clause("HELP", "policy", "MPD", "MPD", "enforcement_assistance", "permits", "pol/pm.pdf", "428.6"));
  v.back().text = "The Department may provide available support services, such as traffic control, to ICE.";
  const auto pairs = FindDivergences(v, {});
  CHECK(FindPair(pairs, "L", "ROUTE") == nullptr);
  CHECK(FindPair(pairs, "L", "ROUTE2") == nullptr);
  CHECK(FindPair(pairs, "L", "ROUTE3") == nullptr);
  CHECK(FindPair(pairs, "L", "HELP") != nullptr);  // help itself still diverges
}

// A record that the agency does not do the act complies with the law that
// forbids it; a record that it does the act diverges.
TEST_CASE("a record of practice that the act is not done pairs with no law that restricts it", "[diverge]") {
  std::vector<ClauseRecord> v;
  v.push_back(Clause("L", "law", "EOM", "District", "detainer_hold", "restricts", "law/mo.pdf", "V.A"));
  v.back().text = "No District agency may hold a person on an immigration detainer.";
  auto report = [&](const std::string& id, const std::string& text, const std::string& cue) {
    v.push_back(Clause(id, "practice", "DOC", "DOC", "detainer_hold", "reports", "log/" + id + ".pdf", ""));
    v.back().text = text;
    v.back().char_start = 100;  // offsets are into the page, the clause starting at 100
    v.back().char_end = 100 + static_cast<int>(text.size());
    v.back().cue_start = 100 + static_cast<int>(text.find(cue));
    v.back().cue_end = v.back().cue_start + static_cast<int>(cue.size());
  };
  report("NOT", "The Department does not hold anyone on immigration detainers.", "does not");
  report("NEVER", "At no point did the jail hold a person for ICE on a detainer.", "At no point");
  report("HOLDS", "The jail held three inmates on ICE detainers last week.", "last week");
  // a practice told as forbidden ("are prohibited from"), a practice page's reading of a restriction
  report("FORBIDDEN", "Its officers are prohibited from holding anyone on immigration detainers.", "are prohibited");
  // a negation elsewhere in the sentence is not the report's cue
  report("HELD", "Inmates who do not post bond were held on ICE detainers yesterday.", "yesterday");
  // No cue of its own (a page of practice reports by default): the words just before the act say it.
  auto uncued = [&](const std::string& id, const std::string& text, const std::string& act) {
    report(id, text, act);
    v.back().cue_start = v.back().cue_end = 0;  // no cue in the clause
    v.back().topic_cue_start = 100 + static_cast<int>(text.find(act));
    v.back().topic_cue_end = v.back().topic_cue_start + static_cast<int>(act.size());
  };
  uncued("UNCUED_NOT", "As a matter of policy, D.C. has generally not complied with the hold that a detainer requests.",
         "complied with the hold");
  uncued("UNCUED_DOES", "As a matter of policy, the jail has complied with every ICE detainer hold.", "complied with every");
  // The negation inside the words the rule anchored on, before the act (a 2017 report of D.C.'s press conference).
  uncued("ANCHOR_NOT", "The chief held to the policy that the jail would not hold anyone on ICE detainers.",
         "held to the policy that the jail would not hold anyone on ICE detainers");
  uncued("ANCHOR_HELD", "The chief said the jail held two men on ICE detainers.", "held two men on ICE detainers");
  // A step that limits or ends the act (a 2012 news story on D.C.'s Council), against the act itself.
  uncued("LIMITED", "On Tuesday, the D.C. Council moved to limit the District's hold of people on ICE detainers.",
         "hold of people on ICE detainers");
  uncued("STARTED", "On Tuesday, the jail moved to expand the hold of people on ICE detainers.", "hold of people on ICE detainers");
  uncued("MOVED_FAR", "On Tuesday, the D.C. Council moved to limit the District's part in the federal program that uses "
                      "fingerprints to help the jail hold people on ICE detainers.", "hold people on ICE detainers");
  // A question answered no or yes (a page of questions and answers).
  uncued("ASKED_NO", "Does the jail hold people on ICE detainers? No.", "hold people on ICE detainers");
  uncued("ASKED_YES", "Does the jail hold people on ICE detainers? Answer: Yes, for up to 48 hours.", "hold people on ICE detainers");
  // ... and answered by a speaker in a transcript (a hearing's question, its answer quoted with it)
  uncued("SPEAKER_NO", "CHAIR: Does the jail hold people on ICE detainers? DEPUTY DIRECTOR: We do not.",
         "hold people on ICE detainers");
  uncued("SPEAKER_YES", "CHAIR: Does the jail hold people on ICE detainers? DEPUTY DIRECTOR: We do.",
         "hold people on ICE detainers");
  // ... a negation two words before the act ("have not been given access")
  uncued("NOT_TWO_BEFORE", "Inmates have not since been kept in the jail on ICE detainers.", "kept in the jail on ICE detainers");
  // ... and the act done only under a judge's order, which the law allows
  uncued("ONLY_WARRANT", "Under the law we only hold a person on a detainer when it comes with a judicial warrant.",
         "hold a person on a detainer");
  uncued("WARRANT_TOO", "We hold a person on a detainer, and also on any judicial warrant.", "hold a person on a detainer");
  // ... a detainer filed with nothing done, or none honored (a director's testimony, written for the probe)
  uncued("NO_ACTION", "When we receive a detainer, the Records Office files it in the inmate's jacket and takes no further action.",
         "detainer, the Records Office files it in the inmate's jacket and takes no further action");
  uncued("HONORED_NONE", "In fiscal year 2023, DOC received 212 detainers and honored none of them.",
         "212 detainers and honored none of them");
  uncued("NOT_ENTER", "Two ICE officers came for a man held on a detainer. Advised them they could not enter the jail.",
         "them they could not enter the jail");
  uncued("HONORED_TWO", "In fiscal year 2023, DOC received 212 detainers and honored two of them.",
         "212 detainers and honored two of them");
  // ... and the doer denied at the sentence's start (an incident report's narrative, written for the probe)
  uncued("NO_DOER", "No jail officer held anyone on ICE detainers last year.", "held anyone on ICE detainers");
  uncued("NO_SOONER", "No sooner had the agents called than the jail held two men on ICE detainers.",
         "held two men on ICE detainers");
  const auto pairs = FindDivergences(v, {});
  CHECK(FindPair(pairs, "L", "SPEAKER_NO") == nullptr);
  CHECK(FindPair(pairs, "L", "SPEAKER_YES") != nullptr);
  CHECK(FindPair(pairs, "L", "NOT_TWO_BEFORE") == nullptr);
  CHECK(FindPair(pairs, "L", "ONLY_WARRANT") == nullptr);
  CHECK(FindPair(pairs, "L", "WARRANT_TOO") != nullptr);
  CHECK(FindPair(pairs, "L", "NO_DOER") == nullptr);
  CHECK(FindPair(pairs, "L", "NO_ACTION") == nullptr);
  CHECK(FindPair(pairs, "L", "HONORED_NONE") == nullptr);
  CHECK(FindPair(pairs, "L", "NOT_ENTER") == nullptr);
  CHECK(FindPair(pairs, "L", "HONORED_TWO") != nullptr);
  CHECK(FindPair(pairs, "L", "NO_SOONER") != nullptr);
  CHECK(FindPair(pairs, "L", "ASKED_NO") == nullptr);
  CHECK(FindPair(pairs, "L", "ASKED_YES") != nullptr);
  CHECK(FindPair(pairs, "L", "NOT") == nullptr);
  CHECK(FindPair(pairs, "L", "NEVER") == nullptr);
  CHECK(FindPair(pairs, "L", "FORBIDDEN") == nullptr);
  CHECK(FindPair(pairs, "L", "UNCUED_NOT") == nullptr);
  CHECK(FindPair(pairs, "L", "UNCUED_DOES") != nullptr);
  CHECK(FindPair(pairs, "L", "ANCHOR_NOT") == nullptr);
  CHECK(FindPair(pairs, "L", "ANCHOR_HELD") != nullptr);
  CHECK(FindPair(pairs, "L", "LIMITED") == nullptr);
  CHECK(FindPair(pairs, "L", "STARTED") != nullptr);
  CHECK(FindPair(pairs, "L", "MOVED_FAR") == nullptr);
  CHECK(FindPair(pairs, "L", "HOLDS") != nullptr);
  CHECK(FindPair(pairs, "L", "HELD") != nullptr);
  // Asked for agreements too, the records of abstention are agreements (compliance), the others not.
  const auto all = FindDivergences(v, {.topic = "", .agreements = true});
  for (const char* id : {"NOT", "NEVER"}) {
    const Divergence* d = FindPair(all, "L", id);
    REQUIRE(d != nullptr);
    CHECK(d->agreement);
  }
  for (const char* id : {"HOLDS", "HELD"}) {
    const Divergence* d = FindPair(all, "L", id);
    REQUIRE(d != nullptr);
    CHECK_FALSE(d->agreement);
  }
  // An agency whose only record is one of abstention complies, in the matrix.
  std::vector<ClauseRecord> only_abstention(v.begin(), v.begin() + 2);
  only_abstention[1].agency = only_abstention[1].actor = "MPD";
  const Matrix m = BuildMatrix(only_abstention, FindDivergences(only_abstention, {.topic = "", .agreements = true}));
  CHECK(m.at("MPD", "detainer_hold").state == CellState::kComplies);
  CHECK(m.at("MPD", "detainer_hold").clause_ids == std::vector<std::string>{"NOT"});
}

// The warrant standard kept: a practice whose one exception or condition is a judge's order complies with a law that
// requires one; the act done without one diverges (a hearing's answer and a warden's memo, written for the probe).
TEST_CASE("a practice on the warrant standard complies when a judge's order is its exception or its condition",
          "[diverge]") {
  std::vector<ClauseRecord> v;
  v.push_back(Clause("L", "law", "Council", "District", "judicial_warrant", "restricts", "law/code.xml", "24-211.07(a)"));
  v.back().text = "(a) Unless presented with a judicial warrant, the District shall not: ...";
  v.push_back(Clause("UNLESS", "practice", "DOC", "DOC", "judicial_warrant", "reports", "hearing.txt", ""));
  v.back().text = "We release every person when they are entitled to release, unless there is a judicial warrant.";
  v.push_back(Clause("PRESENTS", "policy", "DOC", "DOC", "judicial_warrant", "requires", "memo.txt", ""));
  v.back().text = "If ICE presents an order signed by a federal judge, staff shall forward it to the Office of the "
                  "General Counsel before taking any action.";
  v.push_back(Clause("WITHOUT", "practice", "DOC", "DOC", "judicial_warrant", "reports", "hearing.txt", ""));
  v.back().text = "ICE officers were let into the jail without a judicial warrant.";
  v.push_back(Clause("ADMIN", "policy", "DOC", "DOC", "judicial_warrant", "requires", "memo.txt", ""));
  v.back().text = "If ICE presents an administrative warrant, staff shall hold the inmate for ICE.";
  const auto pairs = FindDivergences(v, {});
  CHECK(FindPair(pairs, "L", "UNLESS") == nullptr);
  CHECK(FindPair(pairs, "L", "PRESENTS") == nullptr);
  CHECK(FindPair(pairs, "L", "WITHOUT") != nullptr);
  CHECK(FindPair(pairs, "L", "ADMIN") != nullptr);
}

TEST_CASE("actor matching: District binds every agency and equal actors match", "[diverge]") {
  CHECK(LawBindsActor("District", "DOC"));
  CHECK(LawBindsActor("District", "MPD"));
  CHECK(LawBindsActor("DOC", "doc"));
  CHECK_FALSE(LawBindsActor("DOC", "MPD"));
  CHECK_FALSE(LawBindsActor("DOC", ""));
  ClauseRecord law;
  law.authority = "law";
  law.agency = "Council";
  CHECK(ResolvedActor(law) == "District");  // empty
  law.actor = "Council";
  CHECK(ResolvedActor(law) == "District");  // the enacting body
  law.actor = "DOC";
  CHECK(ResolvedActor(law) == "DOC");
  ClauseRecord log;
  log.authority = "practice";
  log.agency = "DOC";
  CHECK(ResolvedActor(log) == "DOC");
}

TEST_CASE("matrix cells are conflicts or complies or silent or unrestricted with the clauses behind each", "[diverge]") {
  auto clauses = SmallCorpus();
  auto pairs = FindDivergences(clauses, {.topic = "", .agreements = true});
  Matrix m = BuildMatrix(clauses, pairs);
  CHECK(m.agencies == std::vector<std::string>{"DOC", "MPD"});
  const MatrixCell& doc_notify = m.at("DOC", "release_notification");
  CHECK(doc_notify.state == CellState::kConflicts);
  CHECK(doc_notify.clause_ids == std::vector<std::string>{"P1", "P2"});
  CHECK(doc_notify.conflicts == 2);
  const MatrixCell& mpd_status = m.at("MPD", "status_inquiry");
  CHECK(mpd_status.state == CellState::kComplies);
  CHECK(mpd_status.clause_ids == std::vector<std::string>{"P5"});
  // DOC has no clause on status inquiries, which the District law restricts.
  const MatrixCell& doc_status = m.at("DOC", "status_inquiry");
  CHECK(doc_status.state == CellState::kSilent);
  CHECK(doc_status.clause_ids == std::vector<std::string>{"L3"});
  // MPD's notice rule conflicts with nothing: the law names DOC only.
  CHECK(m.at("MPD", "release_notification").state == CellState::kUnrestricted);
  CHECK(m.at("DOC", "counsel_access").state == CellState::kUnrestricted);
  CHECK(std::string(CellStateName(CellState::kSilent)) == "silent");
}

TEST_CASE("divergences score against labels by topic and actor and both sides' path and section", "[diverge][eval]") {
  ScratchDir dir;
  auto clauses = SmallCorpus();
  auto pairs = FindDivergences(clauses, {});
  WriteFile(dir / "divergences.jsonl",
            R"J({"topic": "release_notification", "actor": "DOC", "law": {"doc_path": "law/code.pdf", "section": "(b)(2)"}, "practice": {"doc_path": "pol/ps.pdf", "section": "9.a.(b)"}})J"
            "\n"
            R"J({"topic": "release_notification", "actor": "DOC", "law": {"doc_path": "law/code.pdf", "section": "(b)(2)"}, "practice": {"doc_path": "prac/fax.png", "section": "NOTICE"}})J"
            "\n");
  auto score = EvaluateDivergences(pairs, (dir / "divergences.jsonl").string());
  REQUIRE(score.ok());
  CHECK(score->expected == 2);
  CHECK(score->matched == 1);
  CHECK(score->found == 3);
  CHECK(score->false_pairs == 2);
  REQUIRE(score->missed.size() == 1);
  CHECK(score->missed[0].find("prac/fax.png NOTICE") != std::string::npos);

  SECTION("sections compare without a trailing dot; unnamed sections match by the labeled clause's quote") {
    auto more = clauses;
    more[0].section = "(b)(2).";                 // L1 as an extractor may print it
    more[5].text = "Faxed ERO the release date"; // P2, whose section the extractor names "entry 1"...
    more[5].section = "";                        // ...or not at all
    WriteFile(dir / "d2.jsonl",
              R"J({"topic": "release_notification", "actor": "DOC", "law": {"doc_path": "law/code.pdf", "section": "(b)(2)"}, "practice": {"doc_path": "prac/log.pdf", "section": "entry 7"}})J"
              "\n");
    WriteFile(dir / "c.jsonl",
              R"J({"doc_path": "prac/log.pdf", "page": 1, "section": "entry 7", "topic": "release_notification", "stance": "reports", "actor": "DOC", "quote": "faxed ERO the release"})J"
              "\n");
    auto found = FindDivergences(more, {});
    auto without = EvaluateDivergences(found, (dir / "d2.jsonl").string());
    REQUIRE(without.ok());
    CHECK(without->matched == 0);
    auto with = EvaluateDivergences(found, (dir / "d2.jsonl").string(), (dir / "c.jsonl").string());
    REQUIRE(with.ok());
    CHECK(with->matched == 1);
    CHECK(with->false_pairs == 2);  // P1 and L2/P4 are not labeled here
  }
}

// ---------------------------------------------------------------------------
// End to end on a small born-digital drop.

namespace {

// A law restricting release notices and a DOC policy requiring them.
void MakeDivergenceDrop(const fs::path& drop) {
  WriteTextPdf(drop / "law.pdf",
               {{"D.C. Code § 24-211.07. Cooperation with federal immigration authorities.",
                 "(b) The Department shall not:",
                 "(2) Provide notice to a federal immigration authority of the date, time, or place",
                 "of a person's release, whether by telephone, facsimile, or electronic mail;"}});
  WriteTextPdf(drop / "ps.pdf",
               {{"PROGRAM STATEMENT 4020.1F", "9. PROCEDURES", "a. Release Processing.",
                 "(b) Records office staff shall notify Immigration and Customs Enforcement",
                 "prior to releasing an inmate who is the subject of an immigration detainer."}});
  WriteFile(drop / "manifest.csv",
            "path,title,agency,doc_kind,authority,number,issued,effective,source\n"
            "law.pdf,Sanctuary statute,Council,statute,law,D.C. Code § 24-211.07,2020-12-23,2021-03-16,\n"
            "ps.pdf,Inmate Release Procedures,DOC,jail_policy,policy,PS 4020.1F,2019-03-01,2019-04-01,\n");
}

}  // namespace

TEST_CASE("diverge end to end: text and JSON and CSV and HTML agree on the pair", "[diverge][e2e]") {
  ScratchDir dir;
  MakeDivergenceDrop(dir / "drop");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  auto json = RunFoiamine("diverge --format json --db " + db);
  REQUIRE(json.exit_code == 0);
  auto records = JsonLines(json.out);
  INFO(json.out);
  REQUIRE(records.size() == 1);
  const auto& d = records[0];
  CHECK(d["topic"] == "release_notification");
  CHECK(d["actor"] == "DOC");
  CHECK(d["law"]["doc_path"] == "law.pdf");
  CHECK(d["law"]["stance"] == "restricts");
  CHECK(d["practice"]["doc_path"] == "ps.pdf");
  CHECK(d["practice"]["stance"] == "requires");
  CHECK(d["practice"]["section"] == "9.a.(b)");
  CHECK(d["law_effective"] == "2021-03-16");
  CHECK(d["practice_issued"] == "2019-03-01");

  auto text = RunFoiamine("diverge --db " + db);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("1 divergence in 1 topic") != std::string::npos);
  CHECK(text.out.find("DOC PS 4020.1F § 9.a.(b), p. 1") != std::string::npos);
  CHECK(text.out.find("**shall**") != std::string::npos);             // the stance cue, marked
  CHECK(text.out.find("before the law took effect") != std::string::npos);

  auto csv = RunFoiamine("diverge --format csv --db " + db);
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("id,kind,topic,actor,law_citation,", 0) == 0);
  CHECK(csv.out.find("\"DOC PS 4020.1F § 9.a.(b), p. 1\"") != std::string::npos);  // comma inside: quoted

  const fs::path html = dir / "report.html";
  auto h = RunFoiamine("diverge --format html --out " + Quote(html.string()) + " --db " + db);
  REQUIRE(h.exit_code == 0);
  std::string page = ReadFile(html);
  CHECK(page.find("<nav>") != std::string::npos);
  CHECK(page.find("href=\"#topic-release_notification\"") != std::string::npos);
  CHECK(page.find("id=\"topic-release_notification\"") != std::string::npos);
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page.find("https:") == std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<mark class=\"stance\">shall</mark>") != std::string::npos);

  auto matrix = RunFoiamine("diverge --matrix --db " + db);
  REQUIRE(matrix.exit_code == 0);
  CHECK(matrix.out.find("release_notification") != std::string::npos);
  CHECK(matrix.out.find("conflicts [") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Acceptance on corpus/: every labeled pair, and nothing for the older MPD
// order that is consistent with the law.

TEST_CASE("the corpus end to end: clause precision and recall, every labeled divergence, none for the consistent MPD order",
          "[diverge][corpus][e2e]") {
  const fs::path drop = SourceDir() / "corpus" / "drop";
  const fs::path labels = SourceDir() / "corpus" / "labels" / "divergences.jsonl";
  if (!fs::exists(labels)) {
    SKIP_TEST("no corpus/: skipping");
  }
  ScratchDir dir;
  const std::string db = Quote((dir / "corpus.db").string());
  // The corpus holds a Spanish notice: OCR reads it with both languages.
  auto run = RunFoiamine("run " + Quote(drop.string()) + " --lang eng+spa --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  // Clauses end to end (text layer and OCR): issue 5's bar on the corpus,
  // and nothing at all for the document with no relevant content.
  auto all = JsonLines(RunFoiamine("clauses --json --db " + db).out);
  int from_scans = 0;
  for (const auto& c : all) {
    CHECK(c["doc_path"] != "other/dpw-fleet-preventive-maintenance-sop.pdf");
    from_scans += c["method"] == "ocr";
  }
  CHECK(from_scans >= 15);
  auto clause_eval = RunFoiamine("eval --db " + db + " --labels " + Quote((SourceDir() / "corpus" / "labels").string()));
  INFO(clause_eval.out);
  size_t overall = clause_eval.out.find("\noverall");
  REQUIRE(overall != std::string::npos);
  {
    std::istringstream row(clause_eval.out.substr(overall + 1));
    std::string name;
    int found = 0, expected = 0, right = 0;
    double precision = 0, recall = 0;
    row >> name >> found >> expected >> right >> precision >> recall;
    CHECK(expected == 64);  // every label in corpus/labels/clauses.jsonl (mentions included)
    CHECK(precision >= 0.95);
    CHECK(recall >= 0.90);
  }

  // Nothing from the older MPD order, which is consistent with the law.
  auto json = RunFoiamine("diverge --format json --db " + db);
  REQUIRE(json.exit_code == 0);
  auto found = JsonLines(json.out);
  CHECK_FALSE(found.empty());
  for (const auto& d : found) CHECK(d["practice"]["doc_path"] != "policies/mpd-go-ops-201-26-2021-scan.pdf");
  // Every labeled pair, by the eval's matching rule (EvaluateDivergences).
  auto eval = RunFoiamine("eval --db " + db + " --labels " + Quote((SourceDir() / "corpus" / "labels").string()));
  INFO(eval.out);
  CHECK(eval.out.find("divergences: 45 / 45 labeled pairs found, 0 false pairs") != std::string::npos);
}
