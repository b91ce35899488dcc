#include "extractors/document_number.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace foiamine::extractors::internal {
namespace {

// The patterns, in the order that breaks ties; `prefix` names the kind of number in the value.
struct P {
  const char* re;
  const char* prefix;
};
const P kPatterns[] = {
    {R"((?i)Program\s+Statement\s+(?:No\.?\s*)?(\d{4}\.\d{1,3}[A-Z]?))", "Program Statement "},
    {R"(\bP\.?S\.?\s+(\d{4}\.\d{1,3}[A-Z]?))", "Program Statement "},
    {R"(\b(GO-[A-Z]{2,5}-\d+(?:\.\d+)?))", ""},
    {R"((?i)General\s+Order\s+(?:No\.?\s*)?([A-Z]{0,4}-?[A-Z]{0,4}-?\d+(?:\.\d+)*))", "General Order "},
    {R"((?i)Special\s+Order\s+(?:No\.?\s*)?(\d+-\d+|\d+))", "Special Order "},
    {R"(\b(EO-\d{2}-\d{3,4}))", ""},
    {R"(Mayor'?s\s+Order\s+(?:No\.?\s*)?(\d{4}-\d{1,4}))", "Mayor's Order "},
    {R"((?i)\bD\.?\s?C\.?\s+Act\s+(\d{1,2}-\d{1,4}))", "D.C. Act "},
    {R"(\b([A-Z]{2,6}-SOP-\d{1,4}(?:\.\d+)?))", ""},
    {R"((?i)directive\s*(?:no\.?|#|number)?\s*:?\s*([0-9][0-9A-Z.-]*[0-9A-Z]))", "Directive "},
    {R"((?i)policy\s+(?:no\.?|number|#)\s*:?\s*([0-9][0-9A-Za-z.-]*))", "Policy "},
    {R"(D\.C\.\s+Law\s+(\d{1,2}-\d{1,4}))", "D.C. Law "},
    {R"(\bBill\s+(\d{1,2}-\d{1,4}))", "Bill "},
    // A compilation of the code names itself by the code: its sections
    // extend the number in citations ("D.C. Code § 24-211.07(b)").
    {R"((?i)\b(District\s+of\s+Columbia\s+Official\s+Code)\b)", ""},
};

// The patterns compiled, and all of them in one RE2::Set: one pass over the
// text says which of them match anywhere in it, so only those are searched
// (most texts hold one or two kinds of number, if any).
struct Compiled {
  std::vector<std::unique_ptr<RE2>> patterns;
  std::unique_ptr<RE2::Set> set;  // null when it could not be built: every pattern is then searched

  // present[i]: pattern i may match in `text` (all true without the Set, or when its DFA fails).
  std::vector<bool> PresentIn(const std::string& text) const {
    std::vector<bool> present(patterns.size(), set == nullptr);
    if (!set) return present;
    std::vector<int> found;
    RE2::Set::ErrorInfo error;
    if (!set->Match(text, &found, &error) && error.kind != RE2::Set::kNoError) present.assign(present.size(), true);
    for (int i : found) present[static_cast<size_t>(i)] = true;
    return present;
  }
};

const Compiled& CompiledPatterns() {
  static const Compiled compiled = [] {
    Compiled c;
    // (the Set takes each pattern with RE2's default options, as each RE2 is compiled: the same language)
    auto set = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
    bool ok = true;
    for (const P& p : kPatterns) {
      c.patterns.push_back(std::make_unique<RE2>(p.re));
      ok = ok && set->Add(p.re, nullptr) == static_cast<int>(c.patterns.size()) - 1;
    }
    if (ok && set->Compile()) c.set = std::move(set);
    return c;
  }();
  return compiled;
}

// FirstNumber, searching only the patterns marked present.
NumberMatch FirstNumberOf(const std::string& text, const std::vector<bool>& present) {
  const Compiled& compiled = CompiledPatterns();
  // A number cited in running prose is another document's: "The particular policy referenced here is General
  // Order 05" (a word in lower case just before it on its line); a document's own number heads it or follows a
  // label or another name ("Subject: ...", "POLICE DEPARTMENT General Order 05").
  auto cited_in_prose = [&text](size_t at) {
    size_t k = at;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
    const size_t word_end = k;
    while (k > 0 && std::isalpha(static_cast<unsigned char>(text[k - 1]))) --k;
    if (k == word_end) return false;
    for (size_t c = k; c < word_end; ++c)
      if (!std::islower(static_cast<unsigned char>(text[c]))) return false;
    return true;
  };
  NumberMatch best;
  const re2::StringPiece in(text);
  for (size_t i = 0; i < compiled.patterns.size(); ++i) {
    if (!present[i]) continue;  // it matches nowhere in the text
    re2::StringPiece groups[2];
    size_t from = 0;
    bool found = false;
    while (from < in.size() && compiled.patterns[i]->Match(in, from, in.size(), RE2::UNANCHORED, groups, 2)) {
      const size_t at = static_cast<size_t>(groups[0].data() - in.data());
      if (!cited_in_prose(at)) {
        found = true;
        break;
      }
      from = at + std::max<size_t>(1, groups[0].size());
    }
    if (!found) continue;
    const size_t position = static_cast<size_t>(groups[1].data() - in.data());
    if (position >= best.position) continue;
    std::string value = kPatterns[i].prefix + std::string(groups[1].data(), groups[1].size());
    if (RE2::FullMatch(value, R"((?i)district\s+of\s+columbia\s+official\s+code)")) value = "D.C. Code";
    best = {position, value, std::string(groups[0].data(), groups[0].size())};
  }
  return best;
}

}  // namespace

NumberMatch FirstNumber(const std::string& text) { return FirstNumberOf(text, CompiledPatterns().PresentIn(text)); }

NumberMatch FirstNumberSearchingEveryPattern(const std::string& text) {
  return FirstNumberOf(text, std::vector<bool>(CompiledPatterns().patterns.size(), true));
}

}  // namespace foiamine::extractors::internal
