// search/set_score: one labeled set scored by the acceptance checks' rule
// (../shared/checks/lib/eval.py), per topic, stance and genre; splits;
// divergence pairs by documents; the JSON summary line.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "search/set_score.h"
#include "tests/test_support.h"

using namespace foiamine;
using nlohmann::json;

namespace {

ClauseRecord Found(const std::string& doc_path, int page, const std::string& topic, const std::string& stance,
                   const std::string& text) {
  ClauseRecord c;
  c.doc_path = doc_path;
  c.page = page;
  c.topic = topic;
  c.stance = stance;
  c.text = text;
  c.rule = "rule-" + topic;
  return c;
}

json Label(const std::string& doc_path, int page, const std::string& topic, const std::string& stance,
           const std::string& quote) {
  return {{"doc_path", doc_path}, {"page", page}, {"topic", topic}, {"stance", stance}, {"quote", quote}};
}

Divergence Pair(const std::string& topic, const std::string& law, const std::string& practice, bool agreement = false) {
  Divergence d;
  d.topic = topic;
  d.law.doc_path = law;
  d.practice.doc_path = practice;
  d.agreement = agreement;
  return d;
}

}  // namespace

TEST_CASE("scoring normalization keeps only digits, ASCII letters, Spanish letters and the section sign",
          "[set_score]") {
  CHECK(NormalizeForScoring("Shall NOT\n  notify I.C.E. —") == "shallnotnotifyice");
  CHECK(NormalizeForScoring("noti-\nfy the agen\u00ADcy") == "notifytheagency");
  CHECK(NormalizeForScoring("§ 24-211.07(b)") == "§2421107b");
  CHECK(NormalizeForScoring("DEBERÁ facilitarle, Ñandú; pingüino") == "deberáfacilitarleñandúpingüino");
  // Letters outside eval.py's set are dropped, as eval.py drops them.
  CHECK(NormalizeForScoring("garçon à l’école “x”") == "garonlécolex");  // ç and à dropped, é kept
}

TEST_CASE("genre is agreement when the kind names one, else the authority", "[set_score]") {
  CHECK(GenreOf("policy", "287(g) Memorandum of Agreement") == "agreement");
  CHECK(GenreOf("policy", "draft MOA with ICE") == "agreement");
  CHECK(GenreOf("law", "intergovernmental service agreement") == "agreement");
  CHECK(GenreOf("law", "state statute") == "law");
  CHECK(GenreOf("Practice", "jail log") == "practice");
  CHECK(GenreOf("policy", "moat inspection order") == "policy");
  CHECK(GenreOf("", "") == "unknown");
}

TEST_CASE("a set scores binding clauses by file name, page, topic, stance and quote, one clause per label",
          "[set_score]") {
  SetInput in;
  in.name = "t";
  in.clauses = {
      Found("drop/sub/a.pdf", 1, "status_inquiry", "restricts", "Officers shall not inquire about status."),
      Found("a.pdf", 1, "status_inquiry", "restricts", "Officers shall not  inquire about status"),
      // The same sentence a third time (another rule): no label left for it, but
      // it duplicates a matched clause, so it is not false.
      Found("a.pdf", 1, "status_inquiry", "restricts", "OFFICERS shall not inquire about status!"),
      Found("a.pdf", 2, "detainer_hold", "requires", "The jail shall honor every detainer."),  // false: no label
      Found("a.pdf", 2, "detainer_hold", "mentions", "Detainers are discussed."),            // mentions: ignored
      Found("law.txt", 1, "status_inquiry", "restricts", "No agency may inquire."),  // the label says permits
  };
  in.clause_labels = {
      Label("a.pdf", 1, "status_inquiry", "restricts", "shall not inquire about status"),
      // A second label on the same sentence must find its own clause: the duplicate one.
      Label("a.pdf", 1, "status_inquiry", "restricts", "not inquire"),
      Label("law.txt", 1, "status_inquiry", "permits", "may inquire"),
      Label("a.pdf", 3, "counsel_access", "requires", "call a lawyer"),
      Label("a.pdf", 2, "detainer_hold", "mentions", "Detainers"),  // mentions: ignored
  };
  in.genre_by_file = {{"a.pdf", "policy"}, {"law.txt", "law"}};
  SetScore s = ScoreSet(in);

  CHECK(s.clauses.found == 5);
  CHECK(s.clauses.found_right == 3);
  CHECK(s.clauses.labels == 4);
  CHECK(s.clauses.labels_found == 2);
  CHECK(*s.clauses.precision() == Approx(0.6));
  CHECK(*s.clauses.recall() == Approx(0.5));

  CHECK(s.by_topic.at("status_inquiry").found == 4);
  CHECK(s.by_topic.at("status_inquiry").found_right == 3);
  CHECK(s.by_topic.at("status_inquiry").labels_found == 2);
  CHECK(s.by_topic.at("detainer_hold").found_right == 0);
  CHECK(*s.by_topic.at("counsel_access").recall() == Approx(0.0));
  CHECK_FALSE(s.by_topic.at("counsel_access").precision().has_value());  // nothing found: no precision
  CHECK(s.by_stance.at("permits").labels == 1);
  CHECK(s.by_stance.at("permits").labels_found == 0);
  CHECK(s.by_stance.count("mentions") == 0);
  CHECK(s.by_genre.at("law").found == 1);
  CHECK(s.by_genre.at("law").found_right == 0);
  CHECK(s.by_genre.at("policy").labels == 3);

  REQUIRE(s.missed.size() == 2);
  CHECK(s.missed[0] == "law.txt p.1 status_inquiry/permits: may inquire");
  REQUIRE(s.false_clauses.size() == 2);
  CHECK(s.false_clauses[0].rfind("a.pdf p.2 detainer_hold/requires [rule-detainer_hold]: The jail", 0) == 0);
}

TEST_CASE("a label takes the first clause not yet taken, so one clause cannot answer two labels", "[set_score]") {
  SetInput in;
  in.clauses = {Found("a.pdf", 1, "agreements", "restricts", "No agency shall enter a 287(g) agreement.")};
  in.clause_labels = {Label("a.pdf", 1, "agreements", "restricts", "287(g) agreement"),
                      Label("a.pdf", 1, "agreements", "restricts", "no agency shall enter")};
  SetScore s = ScoreSet(in);
  CHECK(s.clauses.labels_found == 1);
  CHECK(s.clauses.found_right == 1);
  CHECK(s.missed.size() == 1);
}

TEST_CASE("a split scores only its documents: clauses, labels and pairs", "[set_score]") {
  SetInput in;
  in.clauses = {Found("docs/dev.pdf", 1, "detainer_hold", "restricts", "shall not hold on a detainer"),
                Found("docs/held.pdf", 1, "detainer_hold", "restricts", "shall not hold on a detainer")};
  in.clause_labels = {Label("dev.pdf", 1, "detainer_hold", "restricts", "hold on a detainer"),
                      Label("held.pdf", 1, "detainer_hold", "requires", "hold")};
  in.pairs = {Pair("detainer_hold", "law.txt", "dev.pdf"), Pair("detainer_hold", "law.txt", "held.pdf")};
  in.divergence_labels = {{{"topic", "detainer_hold"}, {"law", {{"doc_path", "law.txt"}}},
                           {"practice", {{"doc_path", "held.pdf"}}}}};
  in.only_files = std::set<std::string>{"dev.pdf", "law.txt"};
  SetScore s = ScoreSet(in);
  CHECK(s.clauses.found == 1);
  CHECK(s.clauses.labels == 1);
  CHECK(*s.clauses.precision() == Approx(1.0));
  CHECK(*s.clauses.recall() == Approx(1.0));
  CHECK(s.pairs_expected == 0);
  CHECK(s.pairs_found == 1);
  CHECK(s.false_pairs == std::vector<std::string>{"detainer_hold: law.txt <> dev.pdf"});
}

TEST_CASE("pairs are distinct (topic, law file, practice file) keys, and agreements do not count", "[set_score]") {
  SetInput in;
  in.pairs = {Pair("status_inquiry", "law/trust-act.txt", "p/policy-414.pdf"),
              Pair("status_inquiry", "trust-act.txt", "policy-414.pdf"),  // same key: one pair
              Pair("status_inquiry", "trust-act.txt", "policy-428.pdf"),
              Pair("detainer_hold", "trust-act.txt", "policy-428.pdf", /*agreement=*/true)};
  auto label = [](const std::string& topic, const std::string& law, const std::string& practice) {
    return json{{"topic", topic}, {"law", {{"doc_path", law}, {"section", "15(e)"}}},
                {"practice", {{"doc_path", practice}, {"section", "1"}}}};
  };
  in.divergence_labels = {label("status_inquiry", "trust-act.txt", "policy-414.pdf"),
                          label("status_inquiry", "trust-act.txt", "policy-414.pdf"),  // same key twice
                          label("detainer_hold", "trust-act.txt", "policy-428.pdf")};
  SetScore s = ScoreSet(in);
  CHECK(s.pairs_found == 2);
  CHECK(s.pairs_expected == 2);
  CHECK(s.pairs_matched == 1);
  CHECK(s.missed_pairs == std::vector<std::string>{"detainer_hold: trust-act.txt <> policy-428.pdf"});
  CHECK(s.false_pairs == std::vector<std::string>{"status_inquiry: trust-act.txt <> policy-428.pdf"});
}

TEST_CASE("the summary is one JSON line with counts, P/R (null when undefined) and breakdowns", "[set_score]") {
  SetInput in;
  in.name = "dev";
  in.clauses = {Found("a.pdf", 1, "status_inquiry", "restricts", "shall not inquire")};
  in.clause_labels = {Label("a.pdf", 1, "status_inquiry", "restricts", "shall not inquire"),
                      Label("b.pdf", 1, "counsel_access", "requires", "a lawyer")};
  in.genre_by_file = {{"a.pdf", "policy"}};
  SetScore s = ScoreSet(in);
  std::string line = SetScoreJson(s);
  CHECK(line.find('\n') == std::string::npos);
  json j = json::parse(line);
  CHECK(j["set"] == "dev");
  CHECK(j["clauses"]["P"] == 1.0);
  CHECK(j["clauses"]["R"] == 0.5);
  CHECK(j["pairs"]["P"].is_null());
  CHECK(j["by_topic"]["counsel_access"]["P"].is_null());
  CHECK(j["by_genre"]["unknown"]["labels"] == 1);
  CHECK(j["by_stance"]["restricts"]["matched"] == 1);
  CHECK(j["missed"] == 1);

  std::ostringstream text;
  PrintSetScore(s, /*verbose=*/true, text);
  CHECK(text.str().find("== dev: clauses P=1.000 R=0.500") != std::string::npos);
  CHECK(text.str().find("missed: b.pdf p.1 counsel_access/requires: a lawyer") != std::string::npos);
}

TEST_CASE("a split file names its documents by file name, and an empty split is an error", "[set_score]") {
  namespace fs = std::filesystem;
  fs::path tsv = fs::temp_directory_path() / ("split-" + std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream f(tsv);
    f << "docs/sub/a.pdf\tdev\r\nb.txt\theldout\n# c.txt\tdev\nc.txt\t dev \n";
  }
  auto dev = ReadSplit(tsv.string(), "dev");
  REQUIRE(dev.ok());
  CHECK(*dev == std::set<std::string>{"a.pdf", "c.txt"});
  CHECK_FALSE(ReadSplit(tsv.string(), "test").ok());
  CHECK_FALSE(ReadSplit((tsv.string() + ".absent"), "dev").ok());
  fs::remove(tsv);
}

TEST_CASE("eval --set scores a split of an index and appends its JSON summary line", "[e2e][set_score]") {
  using namespace foiamine::testing;
  ScratchDir dir;
  WriteFile(dir / "set" / "docs" / "policy.txt",
            "Immigration Status\n\nOfficers shall not inquire about the immigration status of any person.\n");
  WriteFile(dir / "set" / "docs" / "other.txt",
            "Detainers\n\nThe jail shall not hold any person on an immigration detainer.\n");
  WriteFile(dir / "set" / "split.tsv", "docs/policy.txt\tdev\ndocs/other.txt\theldout\n");
  WriteFile(dir / "set" / "labels" / "clauses.jsonl",
            R"j({"doc_path": "policy.txt", "page": 1, "topic": "status_inquiry", "stance": "restricts", "quote": "shall not inquire about the immigration status"})j"
            "\n"
            R"j({"doc_path": "other.txt", "page": 1, "topic": "detainer_hold", "stance": "requires", "quote": "no such words"})j"
            "\n");
  std::string db = Quote((dir / "i.db").string());
  REQUIRE(RunFoiamine("run " + Quote((dir / "set" / "docs").string()) + " --quiet --db " + db).exit_code == 0);
  std::string summary = (dir / "summary.jsonl").string();
  auto eval = RunFoiamine("eval --db " + db + " --labels " + Quote((dir / "set" / "labels").string()) +
                          " --set mine --split dev --summary " + Quote(summary));
  INFO(eval.out << eval.err);
  REQUIRE(eval.exit_code == 0);
  CHECK(eval.out.find("== mine: clauses P=1.000 R=1.000 (found 1, labels 1)") != std::string::npos);
  auto lines = JsonLines(ReadFile(summary));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["set"] == "mine");
  CHECK(lines[0]["by_topic"]["status_inquiry"]["matched"] == 1);
  CHECK_FALSE(lines[0]["by_topic"].contains("detainer_hold"));  // the heldout document does not count

  // The other split alone: its label is missed, its clause (if any) is not the dev one.
  auto heldout = RunFoiamine("eval --db " + db + " --labels " + Quote((dir / "set" / "labels").string()) +
                             " --set mine-heldout --split heldout --verbose");
  REQUIRE(heldout.exit_code == 0);
  CHECK(heldout.out.find("missed: other.txt p.1 detainer_hold/requires: no such words") != std::string::npos);
  CHECK(heldout.out.find("policy.txt") == std::string::npos);

  auto unknown = RunFoiamine("eval --db " + db + " --labels " + Quote((dir / "set" / "labels").string()) +
                             " --set x --split test");
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("no document of split 'test'") != std::string::npos);
  CHECK(RunFoiamine("eval --db " + db + " --labels x --summary " + Quote(summary)).exit_code == 1);
}

TEST_CASE("section paths are compared in one form, only where the label names a numbered part", "[set_score]") {
  CHECK(NormalizeSectionPath("9.24.010(A)(1)") == NormalizeSectionPath("9.24.010(A)1."));
  CHECK(NormalizeSectionPath("CPL 145.05") == "145.05");
  CHECK(NormalizeSectionPath("Exec. Law 319-a(1)") == "319-a.1");
  CHECK(NormalizeSectionPath("Art. 2.245(b)(1)") == NormalizeSectionPath("Art. 2.245(b)(1)"));
  CHECK(NormalizeSectionPath("App.A.1") == NormalizeSectionPath("Appendix A 1."));
  // a bulleted item's place, as foiamine cites it, is the labels' numbered bullet
  CHECK(NormalizeSectionPath("App.A.4") == NormalizeSectionPath("Appendix A, bullet 4"));
  CHECK(NormalizeSectionPath("V.3") == NormalizeSectionPath("V., bullet 3"));
  CHECK_FALSE(SectionPathsAgree("V.3", "V., bullet 2"));
  CHECK(SectionPathsAgree("412.4", "412.4, bullet 1"));  // the labelled section, cited to its item
  CHECK_FALSE(SectionPathsAgree("412.5", "412.4, bullet 1"));
  CHECK(NormalizeSectionPath("§ 24-211.07(a)") == "24-211.07.a");
  CHECK(IsNumberedSection("7284.6(a)(1)(C)"));
  CHECK(IsNumberedSection("Exec. Law 319-a(11)"));
  CHECK(IsNumberedSection("App.A.Add.1"));
  CHECK_FALSE(IsNumberedSection("para.4"));
  CHECK_FALSE(IsNumberedSection("memo (quoted) sent.2"));
  CHECK_FALSE(IsNumberedSection("IMMIGRATION STATUS INQUIRIES"));
  CHECK_FALSE(IsNumberedSection(""));
  CHECK(SectionPathsAgree("19.2-11.02(A)", "A."));              // a one-section document's part
  CHECK(SectionPathsAgree("15(a)", "805/15(a)"));              // 5 ILCS 805/15(a)
  CHECK_FALSE(IsNumberedSection("msg 2"));
  CHECK(SectionPathsAgree("Exec. Law 319-a(6)", "319-A(6)"));
  CHECK_FALSE(SectionPathsAgree("Exec. Law 319-a(6)", "319(6)"));  // the section's letter lost
  CHECK_FALSE(SectionPathsAgree("(a)", "(b)(a)"));
  CHECK_FALSE(SectionPathsAgree("53.1-218", ""));

  SetInput in;
  in.name = "t";
  ClauseRecord cited = Found("law.txt", 1, "status_inquiry", "restricts", "No agency may inquire about status.");
  cited.section = "7284.6(a)(1)(A)";
  ClauseRecord miscited = Found("law.txt", 1, "detainer_hold", "restricts", "No agency shall hold anyone.");
  miscited.section = "7284.4";
  in.clauses = {cited, miscited};
  json with_section = Label("law.txt", 1, "status_inquiry", "restricts", "may inquire");
  with_section["section"] = "7284.6(a)(1)(A)";
  json wrong_section = Label("law.txt", 1, "detainer_hold", "restricts", "hold anyone");
  wrong_section["section"] = "7284.6(a)(1)(B)";
  in.clause_labels = {with_section, wrong_section};
  const SetScore s = ScoreSet(in);
  CHECK(s.sections_compared == 2);
  CHECK(s.sections_agree == 1);
  REQUIRE(s.section_mismatches.size() == 1);
  CHECK(s.section_mismatches[0].find("cited \"7284.4\"") != std::string::npos);
  CHECK(SetScoreJson(s).find("\"sections\":{\"compared\":2,\"agree\":1,\"rate\":0.5}") != std::string::npos);
}

TEST_CASE("a false clause is shortened at a code point and printed with its control characters escaped",
          "[set_score]") {
  // 199 ASCII bytes, then 'ó' (2 bytes): a cut at byte 200 would split it.
  const std::string text = std::string(199, 'a') + "\xC3\xB3 and \x1B]0;retitled\x07 more";
  SetInput in;
  in.clauses = {Found("news.txt", 1, "detainer_hold", "reports", text)};
  SetScore s = ScoreSet(in);
  REQUIRE(s.false_clauses.size() == 1);
  CHECK(s.false_clauses[0].substr(s.false_clauses[0].size() - 199) == std::string(199, 'a'));  // 'ó' left out whole

  std::ostringstream out;
  PrintSetScore(s, true, out);
  CHECK(IsValidUtf8(out.str()));
  SetInput hostile;
  hostile.clauses = {Found("news.txt", 1, "detainer_hold", "reports", "ICE \x1B[2J notified")};
  std::ostringstream shown;
  PrintSetScore(ScoreSet(hostile), true, shown);
  CHECK(shown.str().find('\x1B') == std::string::npos);
  CHECK(shown.str().find("ICE \\x1B[2J notified") != std::string::npos);
}
