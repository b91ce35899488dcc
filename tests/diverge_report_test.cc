// search/diverge_report: decisive words marked, the JSON record's exact
// shape, CSV quoting, the HTML page is self-contained with a TOC, the text
// matrix refers to clauses.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "search/diverge_report.h"

using namespace foiamine;

namespace {

ClauseRecord Law() {
  ClauseRecord c;
  c.id = "aaaaaaaaaaaaaaaa";
  c.doc_sha256 = std::string(64, 'a');
  c.doc_path = "law/code.pdf";
  c.doc_title = "Code";
  c.doc_number = "D.C. Code § 24-211.07";
  c.authority = "law";
  c.agency = "Council";
  c.page = 2;
  c.section = "24-211.07(b)(2)";
  c.topic = "release_notification";
  c.stance = "restricts";
  c.actor = "DOC";
  c.text = "(2) Provide notice to ICE of the date, time, or place of a person's release;";
  c.char_start = 100;
  c.char_end = 100 + static_cast<int>(c.text.size());
  c.topic_cue_start = 104;  // "Provide notice"
  c.topic_cue_end = 118;
  c.cue_start = 40;  // the lead-in's "shall not", outside the sentence
  c.cue_end = 49;
  c.bbox = std::array<double, 4>{72, 100, 500, 130};
  c.method = "text";
  c.rule = "release_notification/notice";
  c.citation = "D.C. Code § 24-211.07(b)(2), p. 2";
  c.effective = "2021-03-16";
  return c;
}

ClauseRecord Policy() {
  ClauseRecord c;
  c.id = "bbbbbbbbbbbbbbbb";
  c.doc_sha256 = std::string(64, 'b');
  c.doc_path = "policies/ps, \"draft\".pdf";
  c.doc_title = "Release";
  c.authority = "policy";
  c.agency = "DOC";
  c.page = 1;
  c.topic = "release_notification";
  c.stance = "requires";
  c.actor = "DOC";
  c.text = "Staff shall notify ERO, \"promptly\",\nbefore release.";
  c.char_start = 0;
  c.char_end = static_cast<int>(c.text.size());
  c.cue_start = 6;  // "shall"
  c.cue_end = 11;
  c.topic_cue_start = 12;  // "notify"
  c.topic_cue_end = 18;
  c.method = "ocr";
  c.ocr_confidence = 91.4;
  c.rule = "r";
  c.citation = "DOC PS 4020.1F § 9.a.(b), p. 1";
  c.issued = "2021-08-30";
  return c;
}

std::vector<Divergence> Pairs() {
  std::vector<ClauseRecord> clauses = {Law(), Policy()};
  return FindDivergences(clauses, {});
}

}  // namespace

TEST_CASE("the decisive words are marked from the stored cue spans", "[diverge][report]") {
  ClauseRecord p = Policy();
  CHECK(MarkedText(p, "<", ">", "[", "]") == "Staff <shall> [notify] ERO, \"promptly\",\nbefore release.");
  // A stance cue before the sentence (a list lead-in) marks nothing; the
  // topic cue still does.
  CHECK(MarkedText(Law(), "<", ">", "[", "]") ==
        "(2) [Provide notice] to ICE of the date, time, or place of a person's release;");
  // Code points, not bytes: a multi-byte character before the cue.
  ClauseRecord u = Policy();
  u.text = "§ é shall notify";
  u.cue_start = 4;
  u.cue_end = 9;
  u.topic_cue_start = 10;
  u.topic_cue_end = 16;
  CHECK(MarkedText(u, "<", ">", "[", "]") == "§ é <shall> [notify]");
  // Overlapping cues.
  u.topic_cue_start = 4;
  auto runs = MarkClause(u);
  REQUIRE(runs.size() == 3);
  CHECK((runs[1].text == "shall" && runs[1].stance && runs[1].topic));
}

TEST_CASE("JSON Lines follow the Divergence record of CONTRACTS.md exactly", "[diverge][report]") {
  std::ostringstream out;
  WriteDivergenceJson(Pairs(), out);
  auto j = nlohmann::json::parse(out.str());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  // "id" (stable, the same a search hit gives the pair) is beyond CONTRACTS' record, on purpose;
  // so are the exhibit numbers of each side (the memo's and bundle's "Ex. N" for the same pairs).
  CHECK(keys == std::vector<std::string>{"actor", "id", "law", "law_effective", "law_exhibit", "practice",
                                         "practice_exhibit", "practice_issued", "summary", "topic"});
  CHECK(j["law_exhibit"] == 1);
  CHECK(j["practice_exhibit"] == 2);
  // "jurisdiction" (the document's, schemas/jurisdictions.yaml) follows
  // "authority": added to the record on purpose with jurisdictions.
  const std::vector<std::string> clause_keys = {"id", "doc_sha256", "doc_path", "doc_title", "doc_number",
                                                "authority", "jurisdiction", "page", "section", "topic", "stance", "actor", "text",
                                                "char_start", "char_end", "bbox", "method", "ocr_confidence", "rule",
                                                "citation", "bates", "ocr_readings", "parts"};
  // Keys in the contract's order (ordered output), then the three this
  // repository adds (README, Contracts: "parts" where the sentence is
  // printed, page by page), nothing more.
  nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(out.str());
  for (const char* side : {"law", "practice"}) {
    std::vector<std::string> got;
    for (auto it = ordered[side].begin(); it != ordered[side].end(); ++it) got.push_back(it.key());
    CHECK(got == clause_keys);
  }
  CHECK(j["law"]["bbox"] == nlohmann::json::array({72, 100, 500, 130}));
  CHECK(j["practice"]["bbox"].is_null());
  CHECK(j["practice"]["section"].is_null());
  CHECK(j["practice"]["ocr_confidence"] == Approx(91.4));
  CHECK(j["law_effective"] == "2021-03-16");
  CHECK(j["practice_issued"] == "2021-08-30");
  CHECK(j["topic"] == "release_notification");
  CHECK(j["actor"] == "DOC");
  CHECK(j["summary"].get<std::string>().find("after the law took effect on 2021-03-16") != std::string::npos);
}

TEST_CASE("CSV has one row per pair with both citations and RFC 4180 quoting", "[diverge][report]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  std::ostringstream out;
  WriteDivergenceCsv(Pairs(), out);
  std::string csv = out.str();
  // Header + one row (the row's text field holds a quoted line break).
  CHECK(csv.find("id,kind,topic,actor,law_citation,law_doc_path,law_sha256,law_page,law_bates,law_exhibit,law_section") == 0);
  CHECK(csv.find(",practice_sha256,practice_page,practice_bates,practice_exhibit,") != std::string::npos);
  CHECK(csv.find("\"D.C. Code § 24-211.07(b)(2), p. 2\"") != std::string::npos);
  CHECK(csv.find("\"DOC PS 4020.1F § 9.a.(b), p. 1\"") != std::string::npos);
  CHECK(csv.find("\"policies/ps, \"\"draft\"\".pdf\"") != std::string::npos);
  CHECK(csv.find("\"Staff shall notify ERO, \"\"promptly\"\",\nbefore release.\"") != std::string::npos);
  size_t rows = 0;
  for (size_t pos = 0; (pos = csv.find("\r\n", pos)) != std::string::npos; pos += 2) ++rows;
  CHECK(rows == 2);
}

TEST_CASE("HTML is one self-contained page with a table of contents and a linked matrix", "[diverge][report]") {
  std::vector<ClauseRecord> clauses = {Law(), Policy()};
  auto all = FindDivergences(clauses, {.topic = "", .agreements = true});
  Matrix m = BuildMatrix(clauses, all);
  std::ostringstream out;
  WriteDivergenceHtml(all, m, clauses, {}, out);
  std::string html = out.str();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("http:") == std::string::npos);
  CHECK(html.find("https:") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("<nav>") != std::string::npos);
  CHECK(html.find("<a href=\"#topic-release_notification\">") != std::string::npos);
  // Matrix cells give counts and link to the pairs, never raw clause ids.
  CHECK(html.find("<td class=\"conflicts\"><a href=\"#topic-release_notification\">conflicts</a>: 1 pair</td>") !=
        std::string::npos);
  CHECK(html.find("<td class=\"conflicts\">conflicts<br>") == std::string::npos);
  // The summary per agency, the pair side by side under its stable id, its exhibits linked.
  CHECK(html.find("id=\"agencies\"") != std::string::npos);
  CHECK(html.find("id=\"d-" + DivergenceId(all.front()) + "\"") != std::string::npos);
  CHECK(html.find("<div class=\"sides\">") != std::string::npos);
  CHECK(html.find("<a class=\"ex\" href=\"#ex-1\">Ex. 1, p. 2</a>") != std::string::npos);
  CHECK(html.find("<tr id=\"ex-2\">") != std::string::npos);
  CHECK(html.find("D1. ") != std::string::npos);
  CHECK(html.find("id=\"clause-bbbbbbbbbbbbbbbb\"") != std::string::npos);
  CHECK(html.find("id=\"clause-aaaaaaaaaaaaaaaa\"") != std::string::npos);
  CHECK(html.find("policies/ps, &quot;draft&quot;.pdf") != std::string::npos);  // escaped
  CHECK(html.find("<mark class=\"topic\">notify</mark>") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("text report groups by topic with counts and the matrix refers to clauses", "[diverge][report]") {
  std::ostringstream text;
  WriteDivergenceText(Pairs(), {}, text);
  CHECK(text.str().find("LAW vs PRACTICE: 1 divergence in 1 topic") == 0);
  CHECK(text.str().find("== release notification (release_notification): 1 divergence ==") != std::string::npos);
  CHECK(text.str().find("OCR, confidence 91") != std::string::npos);
  CHECK(text.str().find("Staff **shall** __notify__ ERO") != std::string::npos);

  std::vector<ClauseRecord> clauses = {Law(), Policy()};
  Matrix m = BuildMatrix(clauses, FindDivergences(clauses, {.topic = "", .agreements = true}));
  std::ostringstream matrix;
  WriteMatrixText(m, clauses, matrix);
  CHECK(matrix.str().find("conflicts [1]") != std::string::npos);
  CHECK(matrix.str().find("[1] DOC / release_notification conflicts:\n      bbbbbbbbbbbbbbbb  DOC PS 4020.1F") !=
        std::string::npos);
}
