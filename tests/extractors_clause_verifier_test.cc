#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "extractors/clause_verifier.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

Clause RestrictsClause() {
  Clause c;
  c.topic = "facility_access";
  c.stance = Stance::kRestricts;
  c.rule = "facility_access/x";
  c.text = "ICE may NOT enter.";
  c.stance_cue = {4, 11};
  return c;
}

// A model whose one feature is the word "enter", with `weights` per class
// (none, permits, reports, requires, restricts) and zero biases.
ClauseVerifier EnterModel(const std::string& weights) {
  const std::string text =
      "# test model\nversion\t1\nclasses\tnone\tpermits\treports\trequires\trestricts\n"
      "thresholds\tdemote=0.6\tchange=0.5\tpromote=0.6\nbias\t0\t0\t0\t0\t0\nfeature\tenter\t" +
      weights + "\n";
  auto model = ParseClauseVerifier(text);
  REQUIRE(model.ok());
  return *model;
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

TEST_CASE("clause verifier features are the words, their pairs and the rule's context", "[extractors][verifier]") {
  const std::vector<std::string> want = {"AU=none", "RS=restricts", "RSAU=restrictsnone", "RULE=facility_access/x",
                                         "TOP=facility_access", "TOPRS=facility_accessrestricts", "enter", "ice",
                                         "ice_may", "may", "may_not", "not", "not_enter"};
  CHECK(ClauseVerifierFeatures(RestrictsClause(), "") == want);
  const std::vector<std::string> law = ClauseVerifierFeatures(RestrictsClause(), "law");
  CHECK(std::count(law.begin(), law.end(), "RSAU=restrictslaw") == 1);
}

TEST_CASE("clause verifier probabilities are LIBLINEAR's one-vs-rest logistic normalised", "[extractors][verifier]") {
  const ClauseVerifier model = EnterModel("2\t0\t0\t0\t0");
  const auto p = model.Classify(RestrictsClause(), "");
  // One known feature of 13: its value is 1 / sqrt(1), the rest are unknown.
  const double total = Logistic(2) + 4 * Logistic(0);
  CHECK(p[0] == Approx(Logistic(2) / total));
  CHECK(p[4] == Approx(Logistic(0) / total));
  CHECK(p[0] + p[1] + p[2] + p[3] + p[4] == Approx(1.0));
}

TEST_CASE("clause verifier demotes changes and promotes past its thresholds and says so", "[extractors][verifier]") {
  SECTION("a binding clause the model calls none becomes a mention") {
    std::vector<Clause> clauses = {RestrictsClause()};
    EnterModel("10\t-10\t-10\t-10\t-10").Revise("", clauses);
    CHECK(clauses[0].stance == Stance::kMentions);
    CHECK(clauses[0].rule == "facility_access/x@verifier(restricts->mentions)");
    CHECK(clauses[0].stance_cue.start == clauses[0].stance_cue.end);
    CHECK(clauses[0].confidence > 0.99);
  }
  SECTION("a stance the model prefers by more than the margin replaces the rule's") {
    std::vector<Clause> clauses = {RestrictsClause()};
    EnterModel("-10\t-10\t-10\t10\t-10").Revise("", clauses);
    CHECK(clauses[0].stance == Stance::kRequires);
    CHECK(clauses[0].rule == "facility_access/x@verifier(restricts->requires)");
  }
  SECTION("a mention the model gives a binding stance takes it") {
    std::vector<Clause> clauses = {RestrictsClause()};
    clauses[0].stance = Stance::kMentions;
    EnterModel("-10\t-10\t-10\t10\t-10").Revise("", clauses);
    CHECK(clauses[0].stance == Stance::kRequires);
    CHECK(clauses[0].rule == "facility_access/x@verifier(mentions->requires)");
  }
  SECTION("below the thresholds the rule's stance and id stay") {
    std::vector<Clause> clauses = {RestrictsClause()};
    // none 0.5 of the mass at most: not above demote = 0.6.
    EnterModel("1\t0\t0\t0\t1").Revise("", clauses);
    CHECK(clauses[0].stance == Stance::kRestricts);
    CHECK(clauses[0].rule == "facility_access/x");
    CHECK(clauses[0].stance_cue.end == 11);
  }
}

TEST_CASE("clause verifier file errors name the line", "[extractors][verifier]") {
  const std::string head = "version\t1\nclasses\tnone\tpermits\treports\trequires\trestricts\n";
  const std::string rest = "thresholds\tdemote=0.6\tchange=0.5\tpromote=0.6\nbias\t0\t0\t0\t0\t0\n";
  CHECK(ParseClauseVerifier(head + rest).ok());
  auto classes = ParseClauseVerifier("version\t1\nclasses\tnone\tpermits\n" + rest);
  REQUIRE_FALSE(classes.ok());
  CHECK_THAT(classes.status().message(), Catch::Contains("line 2"));
  auto weight = ParseClauseVerifier(head + rest + "feature\tenter\t1\t2\tx\t4\t5\n");
  REQUIRE_FALSE(weight.ok());
  CHECK_THAT(weight.status().message(), Catch::Contains("line 5"));
  auto missing = ParseClauseVerifier(head);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("bias"));
  CHECK_FALSE(ParseClauseVerifier(head + rest + "weights\t1\n").ok());
  CHECK_FALSE(ParseClauseVerifier(head + "thresholds\tdemote=0.6\tdemote=0.5\tpromote=0.6\nbias\t0\t0\t0\t0\t0\n").ok());
  CHECK_FALSE(ParseClauseVerifier(head + "thresholds\tdemote=nan\tchange=0.5\tpromote=0.6\nbias\t0\t0\t0\t0\t0\n").ok());
}

TEST_CASE("the shipped clause verifier parses and knows the rules' vocabulary", "[extractors][verifier]") {
  auto model = ParseClauseVerifier(ReadFile(SourceDir() / "schemas" / "clause_verifier.tsv"));
  REQUIRE(model.ok());
  CHECK(model->feature_count() > 1000);
  CHECK(model->hash().rfind("fnv1a64:", 0) == 0);
  // A news report's background, in a practice document: no rule of anyone's.
  Clause report;
  report.topic = "enforcement_assistance";
  report.stance = Stance::kReports;
  report.rule = "enforcement_assistance/cooperate_with_ice";
  report.text = "Advocates have long criticized the county for its cooperation with ICE.";
  const auto p = model->Classify(report, "practice");
  CHECK(p[0] > p[2]);
}
