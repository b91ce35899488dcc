// Fuzz target: the text-page splitter (pipeline/text_pages.h). The first
// byte picks the page bound (8..263 bytes, so that small inputs split); the
// rest is one sheet. Checks the documented scheme's guarantees.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_common.h"
#include "pipeline/text_pages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using foiamine::fuzz::Fail;
  if (size == 0) return 0;
  const size_t max_bytes = 8 + data[0];
  const std::string_view sheet(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto pages = foiamine::SplitTextSheet(sheet, max_bytes);
  if (pages.empty()) Fail("no page");
  std::string joined;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string_view page = pages[i];
    if (page.size() > max_bytes) Fail("a page over the bound");
    if (page.empty() && pages.size() > 1) Fail("an empty page in a split sheet");
    if (page.data() != sheet.data() + joined.size()) Fail("pages not consecutive");
    joined.append(page);
  }
  if (joined != sheet) Fail("pages do not add up to the sheet");
  // A cut never splits a UTF-8 character of valid text unless one character
  // is the whole window (impossible: a character is at most 4 bytes).
  if (foiamine::IsValidUtf8(sheet)) {
    for (const std::string_view page : pages) {
      if (!foiamine::IsValidUtf8(page)) Fail("a page cut inside a UTF-8 character");
    }
  }
  // Deterministic: the same sheet gives the same pages (stable citations).
  if (foiamine::SplitTextSheet(sheet, max_bytes) != pages) Fail("not deterministic");
  return 0;
}
