// Fuzz target: the rulebook clause matcher over the shipped rulebook and
// jurisdictions (schemas/), through ExtractDocument as the pipeline calls it.
// The first byte picks the document's authority; the rest is its normalized
// text, pages split at form feeds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/extract.h"
#include "extractors/jurisdiction.h"
#include "extractors/rulebook.h"
#include "fuzz/fuzz_common.h"

namespace {

const foiamine::extractors::Rulebook& Rules() {
  namespace ex = foiamine::extractors;
  static const ex::Rulebook rules = [] {
    auto rulebook = ex::LoadRulebook(foiamine::fuzz::ReadSchemaFile("rulebook.yaml"));
    auto jurisdictions = ex::LoadJurisdictions(foiamine::fuzz::ReadSchemaFile("jurisdictions.yaml"));
    if (!rulebook.ok() || !jurisdictions.ok()) foiamine::fuzz::Fail("the shipped rulebook does not load");
    return rulebook->WithJurisdictions(std::move(*jurisdictions));
  }();
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using foiamine::fuzz::Fail;
  namespace ex = foiamine::extractors;
  if (size == 0) return 0;
  static const char* const kAuthorities[] = {"", "law", "policy", "practice"};
  ex::DocumentInput input;
  input.metadata.authority = kAuthorities[data[0] & 3];
  if (data[0] & 4) input.metadata.agency = "DOC";
  const std::string text =
      foiamine::fuzz::AsUtf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  for (auto& page : foiamine::fuzz::SplitPages(text)) {
    input.pages.push_back(ex::PageText{static_cast<int>(input.pages.size()) + 1, std::move(page)});
  }
  const ex::Extraction found = ex::ExtractDocument(Rules(), input);
  for (const auto& clause : found.clauses) {
    if (clause.page < 1 || clause.page > static_cast<int>(input.pages.size())) Fail("a clause on no page");
    const auto& page = input.pages[clause.page - 1].text;
    const int cps = static_cast<int>(foiamine::CountCodePoints(page));
    if (clause.char_start < 0 || clause.char_start > clause.char_end || clause.char_end > cps) {
      Fail("a clause span outside its page");
    }
  }
  return 0;
}
