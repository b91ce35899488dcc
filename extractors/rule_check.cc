#include "extractors/rule_check.h"

#include "extractors/extract.h"

namespace foiamine::extractors {
namespace {

std::string Describe(const std::vector<Clause>& clauses) {
  if (clauses.empty()) return "no clause";
  std::string out;
  for (const Clause& c : clauses) {
    if (!out.empty()) out += "; ";
    out += c.topic + "/" + std::string(StanceName(c.stance)) + " actor=" + c.actor + " [" + c.rule + "]";
  }
  return out;
}

}  // namespace

std::vector<ExampleFailure> CheckRulebookExamples(const Rulebook& rulebook) {
  std::vector<ExampleFailure> failures;
  for (const RuleExample& ex : rulebook.examples()) {
    DocumentInput input;
    input.metadata.agency = ex.agency;
    input.metadata.authority = ex.authority;
    input.metadata.doc_kind = "other";
    // an example is a sentence out of a document on immigration enforcement (ExtractDocument reads no other)
    input.metadata.title = "example of a document on immigration enforcement";
    input.pages.push_back(PageText{1, ex.text});
    const Extraction x = ExtractDocument(rulebook, input);
    std::vector<Clause> on_topic;
    for (const Clause& c : x.clauses)
      if (ex.topic.empty() || c.topic == ex.topic) on_topic.push_back(c);
    std::string problem;
    if (ex.expect_none) {
      if (!on_topic.empty()) problem = "expected no clause" + (ex.topic.empty() ? std::string() : " of " + ex.topic) + ", found " + Describe(on_topic);
    } else {
      bool ok = false;
      for (const Clause& c : on_topic)
        if (c.stance == *ex.stance && (ex.actor.empty() || c.actor == ex.actor)) ok = true;
      if (!ok)
        problem = "expected " + ex.topic + "/" + std::string(StanceName(*ex.stance)) +
                  (ex.actor.empty() ? std::string() : " actor=" + ex.actor) + ", found " + Describe(x.clauses);
    }
    if (!problem.empty()) failures.push_back(ExampleFailure{ex, problem});
  }
  return failures;
}

}  // namespace foiamine::extractors
