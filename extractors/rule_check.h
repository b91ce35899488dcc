// Runs a rulebook's own examples (like a linter's rule tests): each example
// becomes a one-page document and its expectation is checked.
#pragma once

#include <string>
#include <vector>

#include "extractors/rulebook.h"

namespace foiamine::extractors {

struct ExampleFailure {
  RuleExample example;
  std::string message;  // what was expected, what was found, with rule ids
};

// Every failing example; empty when all pass.
std::vector<ExampleFailure> CheckRulebookExamples(const Rulebook& rulebook);

}  // namespace foiamine::extractors
