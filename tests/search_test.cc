// `foiamine search` on the sample corpus, end to end: hits that carry the
// clause their match lies in and the other side of its divergences, filters,
// concept search, punctuated tokens, fuzzy and cross-language matching, and
// `show`. One OCR'd index of corpus/drop (a few minutes) serves every
// section: they are SECTIONs of one test case so that it is built once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "search/query_expansion.h"
#include "search/query_text.h"
#include "tests/test_support.h"

using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// corpus/drop indexed once per test process (eng+spa, as the demo); empty
// when the corpus is absent. FOIAMINE_TEST_CORPUS_DB names an index of
// corpus/drop made by this build to use instead (saves the OCR when
// iterating); the test never writes to it.
const fs::path& CorpusIndex() {
  static ScratchDir dir;
  static const fs::path db = [] {
    if (const char* given = std::getenv("FOIAMINE_TEST_CORPUS_DB"); given && *given) return fs::path(given);
    const fs::path drop = SourceDir() / "corpus" / "drop";
    if (!fs::exists(drop)) return fs::path();
    auto run = RunFoiamine("run " + Quote(drop.string()) + " --quiet --lang eng+spa --db " + Quote((dir / "i.db").string()));
    if (run.exit_code != 0) throw std::runtime_error("corpus run failed: " + run.err);
    return dir / "i.db";
  }();
  return db;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("search on the corpus shows where stated law and practice diverge", "[search][e2e][corpus]") {
  if (CorpusIndex().empty()) SKIP_TEST("no corpus/drop: skipping");
  const std::string db = " --db " + Quote(CorpusIndex().string());

  SECTION("a hit in DOC PS 4020.1F's release clause carries the clause and the D.C. Code that restricts it") {
    auto run = RunFoiamine("search '\"notify ICE\"' --json" + db);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    bool found = false;
    for (const auto& hit : JsonLines(run.out)) {
      REQUIRE(hit.contains("clauses"));
      if (!Contains(hit["doc_path"], "doc-ps-4020-1f")) continue;
      for (const auto& c : hit["clauses"]) {
        if (c["topic"] != "release_notification" || c["stance"] != "requires") continue;
        CHECK(c["id"].get<std::string>().size() == 16);
        CHECK(c["actor"] == "DOC");
        CHECK_FALSE(c["citation"].get<std::string>().empty());
        for (const auto& d : c["divergences"]) {
          CHECK(d["role"] == "practice");
          CHECK(d["id"].get<std::string>().size() == 16);
          if (Contains(d["other"]["citation"], "24-211.07") && d["other"]["stance"] == "restricts") {
            CHECK(d["law_effective"] == "2021-03-16");
            CHECK(d["practice_issued"] == "2021-08-30");
            CHECK_FALSE(d["other"]["text"].get<std::string>().empty());
            found = true;
          }
        }
      }
    }
    CHECK(found);
    // The terminal form names the law on the other side under the snippet.
    auto text = RunFoiamine("search '\"notify ICE\"'" + db);
    CHECK(text.exit_code == 0);
    CHECK(Contains(text.out, "clause "));
    CHECK(Contains(text.out, "24-211.07"));
    CHECK(Contains(text.out, "release_notification / requires / DOC"));
  }

  SECTION("--clauses-only keeps only hits whose match lies in a clause; clause hits lead ties") {
    auto all = JsonLines(RunFoiamine("search detainer --limit 200 --json" + db).out);
    auto only = JsonLines(RunFoiamine("search detainer --limit 200 --clauses-only --json" + db).out);
    REQUIRE_FALSE(only.empty());
    int with_clauses = 0;
    for (const auto& h : all) with_clauses += !h["clauses"].empty();
    CHECK(static_cast<int>(only.size()) == with_clauses);
    CHECK(only.size() < all.size());
    for (const auto& h : only) CHECK_FALSE(h["clauses"].empty());
    for (size_t i = 1; i < all.size(); ++i) {
      CHECK(all[i - 1]["score"].get<double>() <= all[i]["score"].get<double>());
      if (all[i - 1]["score"] == all[i]["score"]) CHECK(!(all[i - 1]["clauses"].empty() && !all[i]["clauses"].empty()));
    }
  }

  SECTION("filters: --agency, --after/--before, --doc, --stance keep to what they name") {
    auto mpd = JsonLines(RunFoiamine("search immigration --agency mpd --limit 100 --json" + db).out);
    REQUIRE_FALSE(mpd.empty());
    for (const auto& h : mpd) CHECK(Contains(h["doc_path"], "mpd-"));
    // GO-OPS-201.26 is dated 2021-06-01, EO-25-014 2025-08-14 (effective).
    auto period = JsonLines(RunFoiamine("search immigration --agency MPD --after 2021-03-16 --before 2022-01-01 --json" + db).out);
    REQUIRE_FALSE(period.empty());
    for (const auto& h : period) CHECK(Contains(h["doc_path"], "mpd-go-ops-201-26"));
    auto later = JsonLines(RunFoiamine("search immigration --agency MPD --after 2025-01-01 --json" + db).out);
    REQUIRE_FALSE(later.empty());
    for (const auto& h : later) CHECK(Contains(h["doc_path"], "mpd-eo-25-014"));
    auto one = JsonLines(RunFoiamine("search ICE --doc policies/doc-ps-4020-1f.pdf --json" + db).out);
    REQUIRE_FALSE(one.empty());
    const std::string sha = one.front()["doc_sha256"];
    for (const auto& h : one) CHECK(h["doc_sha256"] == sha);
    auto by_prefix = JsonLines(RunFoiamine("search ICE --doc " + sha.substr(0, 8) + " --json" + db).out);
    CHECK(by_prefix.size() == one.size());
    auto requires_ = JsonLines(RunFoiamine("search notify --stance requires --json" + db).out);
    REQUIRE_FALSE(requires_.empty());
    for (const auto& h : requires_) {
      for (const auto& c : h["clauses"]) CHECK(c["stance"] == "requires");
    }
  }

  SECTION("an unknown value of an enumerated option is a usage error listing the valid values") {
    auto topic = RunFoiamine("search detainer --topic bogus" + db);
    CHECK(topic.exit_code == 1);
    CHECK(Contains(topic.err, "release_notification"));
    auto kind = RunFoiamine("search detainer --kind policeorder" + db);
    CHECK(kind.exit_code == 1);
    CHECK(Contains(kind.err, "police_order"));
    auto agency = RunFoiamine("search detainer --agency FBI" + db);
    CHECK(agency.exit_code == 1);
    CHECK(Contains(agency.err, "MPD"));
    CHECK(RunFoiamine("search detainer --stance forbids" + db).exit_code == 1);
    CHECK(RunFoiamine("search detainer --authority statute" + db).exit_code == 1);
    CHECK(RunFoiamine("search detainer --after 2021-3-16" + db).exit_code == 1);
    CHECK(RunFoiamine("search detainer --doc nosuch.pdf" + db).exit_code == 1);
    auto diverge = RunFoiamine("diverge --topic release_notice" + db);
    CHECK(diverge.exit_code == 1);
    CHECK(Contains(diverge.err, "release_notification"));
    CHECK_FALSE(Contains(diverge.out, "No pairs"));
    auto clauses = RunFoiamine("clauses --topic release_notice" + db);
    CHECK(clauses.exit_code == 1);
    CHECK(Contains(clauses.err, "release_notification"));
    CHECK(RunFoiamine("diverge --format xml" + db).exit_code == 1);
  }

  SECTION("concept search: a topic with no words lists its clauses as hits; topic: in a query filters by it") {
    auto clauses = JsonLines(RunFoiamine("clauses --topic facility_access --json" + db).out);
    REQUIRE_FALSE(clauses.empty());
    auto hits = JsonLines(RunFoiamine("search --topic facility_access --limit 100 --json" + db).out);
    REQUIRE(hits.size() == clauses.size());
    for (const auto& h : hits) {
      REQUIRE(h["clauses"].size() == 1);
      CHECK(h["clauses"][0]["topic"] == "facility_access");
      CHECK(h["snippet"] == h["clauses"][0]["text"]);
    }
    // The query form does the same, and keeps the law's side with the practice that contradicts it.
    auto form = JsonLines(RunFoiamine("search topic:facility_access --limit 100 --json" + db).out);
    CHECK(form.size() == hits.size());
    bool law_with_practice = false;
    for (const auto& h : form) {
      for (const auto& d : h["clauses"][0]["divergences"]) law_with_practice |= d["role"] == "law";
    }
    CHECK(law_with_practice);
    auto ice = JsonLines(RunFoiamine("search 'topic:facility_access ERO' --json" + db).out);
    REQUIRE_FALSE(ice.empty());
    for (const auto& h : ice) {
      for (const auto& c : h["clauses"]) CHECK(c["topic"] == "facility_access");
    }
    auto restricts = JsonLines(RunFoiamine("search --stance restricts --topic facility_access --json" + db).out);
    REQUIRE_FALSE(restricts.empty());
    for (const auto& h : restricts) CHECK(h["clauses"][0]["stance"] == "restricts");
    CHECK(RunFoiamine("search topic:bogus" + db).exit_code == 1);
    CHECK(RunFoiamine("search ''" + db).exit_code == 1);
  }

  SECTION("tokens with punctuation work unquoted; a malformed query is explained, never a raw SQLite error") {
    auto g = RunFoiamine("search '287(g)' --json" + db);
    REQUIRE(g.exit_code == 0);
    auto quoted = RunFoiamine("search '\"287(g)\"' --json" + db);
    CHECK(g.out == quoted.out);
    REQUIRE_FALSE(JsonLines(g.out).empty());
    auto form = RunFoiamine("search I-247A" + db);
    CHECK(form.exit_code == 0);
    CHECK_FALSE(Contains(form.err, "no such column"));
    auto code = RunFoiamine("search 24-211.07 --json" + db);
    CHECK(code.exit_code == 0);
    CHECK_FALSE(JsonLines(code.out).empty());
    for (const std::string bad : {"'\"unbalanced AND ('", "'NEAR(a b, x)'", "'AND'", "'(notify'"}) {
      auto run = RunFoiamine("search " + bad + db);
      INFO(bad << ": " << run.err);
      CHECK(run.exit_code == 1);
      CHECK(Contains(run.err, "Query syntax"));
    }
    auto long_query = RunFoiamine("search '" + std::string(3000, 'a') + "'" + db);
    CHECK(long_query.exit_code == 1);
    CHECK(Contains(long_query.err, "too long"));
  }

  SECTION("fuzzy I-247A finds the fax OCR read as |-247A; a Spanish word reaches the notice through the lexicons") {
    auto exact = RunFoiamine("search I-247A --json" + db);
    CHECK(exact.exit_code == 0);
    CHECK(JsonLines(exact.out).empty());  // the corpus has only the OCR'd "|-247A"
    auto fuzzy = RunFoiamine("search I-247A --fuzzy --json" + db);
    REQUIRE(fuzzy.exit_code == 0);
    CHECK(Contains(fuzzy.err, "fuzzy"));
    bool fax = false;
    for (const auto& h : JsonLines(fuzzy.out)) fax |= Contains(h["doc_path"], "fax-release-notice");
    CHECK(fax);
    // "liberación" is not in the Spanish notice, which says "salida": the
    // release lexicon (English and Spanish) reaches its release clause, and
    // the output says the query was expanded.
    auto spanish = RunFoiamine("search liberación" + db);
    REQUIRE(spanish.exit_code == 0);
    CHECK(Contains(spanish.out, "expanded"));
    CHECK(Contains(spanish.out, "salida"));
    auto json = JsonLines(RunFoiamine("search liberación --json" + db).out);
    bool notice_release = false;
    for (const auto& h : json) {
      if (!Contains(h["doc_path"], "doc-aviso-inmigracion-es")) continue;
      for (const auto& c : h["clauses"]) notice_release |= c["topic"] == "release_notification";
    }
    CHECK(notice_release);
    // --expand widens a query that finds something as typed, and says so.
    auto plain_run = RunFoiamine("search notify --limit 200 --json" + db);
    CHECK_FALSE(Contains(plain_run.err, "expanded"));
    auto plain = JsonLines(plain_run.out);
    auto widened = RunFoiamine("search notify --expand --limit 200 --json" + db);
    CHECK(Contains(widened.err, "expanded"));
    CHECK(JsonLines(widened.out).size() > plain.size());
    // Several expanded words among plain ones: a query FTS5 accepts (it
    // refuses "ICE (access OR entry) to") that reaches the facility_access clause.
    auto jail = RunFoiamine("search \"ICE access to the jail\" --json" + db);
    REQUIRE(jail.exit_code == 0);
    bool access = false;
    for (const auto& h : JsonLines(jail.out))
      for (const auto& c : h["clauses"]) access |= c["topic"] == "facility_access";
    CHECK(access);
  }

  SECTION("show opens a hit's page with its clauses marked; ids by unique prefix") {
    auto hit = JsonLines(RunFoiamine("search '\"notify ICE\"' --json" + db).out);
    REQUIRE_FALSE(hit.empty());
    const std::string sha = hit.front()["doc_sha256"];
    const int page = hit.front()["page"];
    const std::string clause = hit.front()["clauses"][0]["id"];
    auto shown = RunFoiamine("show " + sha.substr(0, 8) + ":" + std::to_string(page) + db);
    INFO(shown.err);
    REQUIRE(shown.exit_code == 0);
    CHECK(Contains(shown.out, "[[1: (b) Where an active detainer"));
    CHECK(Contains(shown.out, clause + "  release_notification / requires / DOC"));
    auto by_path = RunFoiamine("show " + Quote(hit.front()["doc_path"].get<std::string>() + ":" + std::to_string(page)) + db);
    CHECK(by_path.out == shown.out);
    // A clause id prefix: its page, only that clause marked.
    auto by_clause = RunFoiamine("show " + clause.substr(0, 6) + db);
    REQUIRE(by_clause.exit_code == 0);
    CHECK(Contains(by_clause.out, "[[1: (b) Where an active detainer"));
    CHECK_FALSE(Contains(by_clause.out, "[[2"));
    CHECK(RunFoiamine("show " + sha.substr(0, 8) + ":99" + db).exit_code == 1);
    CHECK(RunFoiamine("show nosuch.pdf" + db).exit_code == 1);
    // --png: the page image with the clause highlighted (the fax is a PNG in the drop).
    ScratchDir out;
    auto png = RunFoiamine("show practice/fax-release-notice-2023-06-20.png --png " + Quote((out / "p.png").string()) + db);
    INFO(png.err);
    CHECK(png.exit_code == 0);
    CHECK(fs::file_size(out / "p.png") > 10000);
  }

  SECTION("a hit's divergences are exactly the pairs diverge reports, from both sides") {
    auto pairs = JsonLines(RunFoiamine("diverge --format json" + db).out);
    REQUIRE_FALSE(pairs.empty());
    std::map<std::string, std::set<std::string>> reported, shown;  // clause id -> the other side's ids
    std::set<std::string> topics, pair_ids, hit_pair_ids;
    for (const auto& p : pairs) {
      REQUIRE(p.contains("id"));
      pair_ids.insert(p["id"].get<std::string>());
      reported[p["law"]["id"]].insert(p["practice"]["id"].get<std::string>());
      reported[p["practice"]["id"]].insert(p["law"]["id"].get<std::string>());
      topics.insert(p["topic"].get<std::string>());
    }
    for (const auto& topic : topics) {
      for (const auto& h : JsonLines(RunFoiamine("search --topic " + topic + " --limit 1000 --json" + db).out)) {
        for (const auto& c : h["clauses"]) {
          for (const auto& d : c["divergences"]) {
            shown[c["id"]].insert(d["other"]["id"].get<std::string>());
            hit_pair_ids.insert(d["id"].get<std::string>());
          }
        }
      }
    }
    CHECK(shown == reported);
    CHECK(hit_pair_ids == pair_ids);
  }
}

TEST_CASE("a query's punctuated words become phrases and its concept terms filters", "[search]") {
  using foiamine::PrepareQuery;
  CHECK(PrepareQuery("I-247A").fts == "\"I-247A\"");
  CHECK(PrepareQuery("287(g)").fts == "\"287(g)\"");
  CHECK(PrepareQuery("(detainer OR I-247A)").fts == "(detainer OR \"I-247A\")");
  CHECK(PrepareQuery("NEAR(notify ICE, 5)").fts == "NEAR(notify ICE, 5)");
  CHECK(PrepareQuery("\"notify ICE\" notif*").fts == "\"notify ICE\" notif*");
  CHECK(PrepareQuery("I-24*").fts == "\"I-24\"*");
  auto concept_terms = PrepareQuery("topic:facility_access stance:permits ERO");
  CHECK(concept_terms.topic == "facility_access");
  CHECK(concept_terms.stance == "permits");
  CHECK(concept_terms.fts == "ERO");
  CHECK(PrepareQuery("topic:facility_access").fts.empty());
}

TEST_CASE("lexicon alternatives become query terms only where they have a literal form", "[search]") {
  using foiamine::LiteralForm;
  CHECK(LiteralForm("re[l1]eas(?:e|es|ed|ing)") == "releas*");
  CHECK(LiteralForm("salida") == "salida");
  CHECK(LiteralForm("liberacion|liberad[oa]s?|puesta en libertad") == "liberacion OR liberad* OR \"puesta en libertad\"");
  CHECK(LiteralForm("bond(?:s|ed)? out") == "");  // a prefix would lose "out"
  CHECK(LiteralForm("{immigration_agency}") == "");
  CHECK(LiteralForm("(?-i:ICE|ERO)") == "");
  auto fuzzy = foiamine::FuzzyQuery("\"I-247A\"");
  CHECK(fuzzy.changed());
  CHECK(Contains(fuzzy.fts, "\"247a\""));
  CHECK(foiamine::FuzzyQuery("NEAR(a b, 5)").fts == "NEAR(a b, 5)");
}
