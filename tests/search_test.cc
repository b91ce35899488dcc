// `foiamine search` on the sample corpus, end to end: hits that carry the
// clause their match lies in and the other side of its divergences, filters,
// concept search, punctuated tokens, fuzzy and cross-language matching, and
// `show`. One OCR'd index of corpus/drop (a few minutes) serves every
// section: they are SECTIONs of one test case so that it is built once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

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
}
