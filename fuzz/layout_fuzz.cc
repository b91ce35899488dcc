// Fuzz target: layout and section parsing (extractors/layout.h, FindSections).
// The bytes are a document's normalized text, pages split at form feeds.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "extractors/layout.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using foiamine::fuzz::Fail;
  namespace ex = foiamine::extractors;
  const std::string text = foiamine::fuzz::AsUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  ex::DocumentInput input;
  for (auto& page : foiamine::fuzz::SplitPages(text)) {
    input.pages.push_back(ex::PageText{static_cast<int>(input.pages.size()) + 1, std::move(page)});
  }
  const std::vector<ex::Section> sections = ex::FindSections(input);
  const ex::internal::DocumentLayout layout(input.pages, {});
  const size_t stream = layout.stream().size();
  for (const auto& unit : layout.units()) {
    if (unit.begin > unit.end || unit.end > stream) Fail("a unit outside the stream");
    if (unit.section >= static_cast<int>(layout.sections().size())) Fail("a unit in a missing section");
    if (unit.begin == unit.end) continue;
    const auto where = layout.Locate(unit.begin);
    if (where.page_idx < 0 || where.page_idx >= static_cast<int>(input.pages.size())) Fail("Locate() off the pages");
    if (where.byte > input.pages[where.page_idx].text.size()) Fail("Locate() past its page");
    (void)layout.CodePoint(where);
    for (const auto& part : layout.PartsByPage(unit.begin, unit.end)) {
      if (part.byte_begin > part.byte_end ||
          part.byte_end > input.pages.at(part.page_idx).text.size()) {
        Fail("a page part outside its page");
      }
    }
  }
  for (size_t i = 0; i < layout.sections().size(); ++i) {
    const int parent = layout.parent(static_cast<int>(i));
    if (parent >= static_cast<int>(i)) Fail("a section whose parent comes after it");
  }
  return 0;
}
