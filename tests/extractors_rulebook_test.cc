#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

#include "extractors/extract.h"
#include "extractors/rule_check.h"
#include "extractors/rulebook.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;
using foiamine::testing::ShippedRulebookPath;

namespace {

// A rulebook of one topic `t` with one rule `r` whose one pattern is `pattern`,
// after the lexicons given (a YAML flow map; "{}" for none).
std::string OneRuleRulebook(std::string_view pattern, std::string_view lexicons = "{}") {
  return "lexicons: " + std::string(lexicons) + "\ntopics: {t: {rules: [{id: r, all_of: ['" + std::string(pattern) +
         "']}]}}\nstance: {requires: ['shall']}\n";
}

}  // namespace

TEST_CASE("the shipped rulebook loads and names the nine topics", "[extractors][rulebook]") {
  auto rules = LoadRulebook(ReadFile(ShippedRulebookPath()));
  INFO(rules.status().message());
  REQUIRE(rules.ok());
  std::vector<std::string> expected = {"release_notification", "detainer_hold",   "information_sharing",
                                       "status_inquiry",       "enforcement_assistance", "agreements",
                                       "facility_access",      "judicial_warrant", "counsel_access"};
  CHECK(rules->topics() == expected);
  CHECK(rules->version() == 1);
  CHECK(rules->examples().size() >= 60);
}

TEST_CASE("every rulebook example passes", "[extractors][rulebook]") {
  // the shipped rulebook, or the draft $FOIAMINE_TEST_RULEBOOK names (test_support.h)
  const Rulebook& rules = foiamine::testing::ShippedRulebook();
  std::vector<ExampleFailure> failures = CheckRulebookExamples(rules);
  for (const ExampleFailure& f : failures)
    std::cout << "rulebook example failed [" << (f.example.topic.empty() ? "negatives" : f.example.topic)
              << "]: \"" << f.example.text << "\": " << f.message << "\n";
  CHECK(failures.empty());
}

TEST_CASE("a run's load leaves the examples out and changes no clause", "[extractors][rulebook]") {
  const Rulebook* full = &foiamine::testing::ShippedRulebook();  // loaded with its examples
  auto lean = LoadRulebook(ReadFile(ShippedRulebookPath()), RulebookExamples::kSkip);
  REQUIRE(lean.ok());
  CHECK(lean->examples().empty());
  REQUIRE(full->examples().size() >= 60);
  CHECK(lean->hash() == full->hash());  // the whole file's: a stage version
  CHECK(lean->topics() == full->topics());
  // Every example's sentence, read by both: the same clauses, rule for rule.
  auto describe = [](const Rulebook& rules, const RuleExample& ex) {
    DocumentInput input;
    input.metadata.authority = ex.authority;
    input.metadata.title = "example of a document on immigration enforcement";
    input.pages.push_back(PageText{1, ex.text});
    std::string out;
    for (const Clause& c : ExtractDocument(rules, input).clauses)
      out += c.topic + "/" + std::string(StanceName(c.stance)) + " [" + c.rule + "] " + c.actor + "; ";
    return out;
  };
  size_t with_clauses = 0;
  for (const RuleExample& ex : full->examples()) {
    const std::string expected = describe(*full, ex);
    with_clauses += !expected.empty();
    INFO(ex.text);
    CHECK(describe(*lean, ex) == expected);
  }
  CHECK(with_clauses > full->examples().size() / 2);
}

TEST_CASE("the examples' blocks are cut whole, in either YAML form, and nothing else (a lexicon or a topic of that name stays)", "[extractors][rulebook]") {
  // What stays, in file order (a lexicon and a topic called "examples" among it), and the blocks cut between.
  const std::string kept_head =
      "lexicons:\n"
      "  examples: ['a lexicon of that name stays']\n"
      "  negatives:\n"
      "    - 'so does this one'\n"
      "topics:\n"
      "  examples:\n"
      "    rules: [{id: kept, all_of: ['a topic of that name stays']}]\n"
      "  a:\n"
      "    rules: [{id: r, all_of: ['shall']}]\n";
  const std::string cut_indented =
      "    examples:   # why\n"
      "      - text: one\n"
      "\n"
      "  # a comment at a lesser indentation inside the block\n"
      "      - text: two\n"
      "        stance: requires\n";
  const std::string kept_middle = "    examples_seen: kept\n  b:\n";
  const std::string cut_compact =
      "    examples:\n"
      "    - text: compact form\n"
      "    - text: |\n"
      "        a block scalar\n";
  const std::string kept_rules = "    rules: []\n";
  const std::string cut_negatives = "negatives:\n- text: none\n";
  const std::string kept_tail = "stance: {requires: ['shall']}\n";
  CHECK(foiamine::extractors::internal::WithoutExamples(kept_head + cut_indented + kept_middle + cut_compact + kept_rules +
                                                        cut_negatives + kept_tail) ==
        kept_head + kept_middle + kept_rules + kept_tail);
  CHECK(foiamine::extractors::internal::WithoutExamples("examples: [inline]\n") == "examples: [inline]\n");
}

TEST_CASE("the rulebook hash is stable and tracks the text", "[extractors][rulebook]") {
  const std::string yaml = ReadFile(ShippedRulebookPath());
  auto a = LoadRulebook(yaml);
  auto b = LoadRulebook(yaml);
  auto c = LoadRulebook(yaml + "\n# edited\n");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  CHECK(a->hash() == b->hash());
  CHECK(a->hash() != c->hash());
  CHECK(a->hash().rfind("fnv1a64:", 0) == 0);
}

TEST_CASE("malformed rulebooks are rejected with a useful message", "[extractors][rulebook]") {
  auto bad_yaml = LoadRulebook("topics: [unclosed");
  CHECK_FALSE(bad_yaml.ok());
  auto unknown_lexicon = LoadRulebook(OneRuleRulebook("{nope}"));
  REQUIRE_FALSE(unknown_lexicon.ok());
  CHECK(unknown_lexicon.status().message().find("{nope}") != std::string::npos);
  auto bad_regex = LoadRulebook(OneRuleRulebook("(unbalanced"));
  REQUIRE_FALSE(bad_regex.ok());
  CHECK(bad_regex.status().message().find("t/r") != std::string::npos);
  // a rule's other term is compiled apart from its anchor (on a thread of its own): refused all the same, rule named
  auto bad_term = LoadRulebook("lexicons: {}\ntopics: {t: {rules: [{id: r, all_of: ['detainer', '(unbalanced']}]}}\n"
                               "stance: {requires: ['shall']}\n");
  REQUIRE_FALSE(bad_term.ok());
  CHECK(bad_term.status().message().find("rule t/r: bad pattern `(unbalanced`") != std::string::npos);
}

TEST_CASE("a lexicon entry that names another lexicon lends its entries, each bounded by its own ends",
          "[extractors][rulebook]") {
  // "287(g)" ends in a parenthesis: spliced in, it needs no word character after it
  auto rules = LoadRulebook(R"(
lexicons:
  section: ['287\s?\(g\)']
  program: ['{section}', 'detainers?']
topics:
  agreements:
    rules:
      - id: named
        all_of: ['{program} agreement']
stance:
  restricts: ['shall not']
)");
  REQUIRE(rules.ok());
  DocumentInput in;
  in.metadata.title = "example of a document on immigration enforcement";
  in.pages.push_back(PageText{1, "The county shall not enter into a 287(g) agreement."});
  const Extraction x = ExtractDocument(*rules, in);
  REQUIRE(x.clauses.size() == 1);
  CHECK(x.clauses[0].stance == Stance::kRestricts);
  // a lexicon that names itself is refused, not expanded for ever
  auto looped = LoadRulebook(OneRuleRulebook("{a}", "{a: ['{a}']}"));
  REQUIRE_FALSE(looped.ok());
  CHECK(looped.status().message().find("nest too deep") != std::string::npos);
}
