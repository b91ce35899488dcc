// Fuzz target: the drop manifest parsers (pipeline/manifest.h), CSV and JSON.
// The first byte picks the parser; the rest is the manifest text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_common.h"
#include "pipeline/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool json = data[0] & 1;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto manifest = json ? foiamine::ParseManifestJson(text) : foiamine::ParseManifestCsv(text);
  if (!manifest.ok()) {
    if (manifest.status().message().empty()) foiamine::fuzz::Fail("a refused manifest without a message");
    return 0;
  }
  for (const auto& [path, entry] : manifest->entries) {
    if (path != entry.path) foiamine::fuzz::Fail("an entry keyed by another path");
    if (manifest->Find(path) != &entry) foiamine::fuzz::Fail("Find() misses a parsed entry");
  }
  return 0;
}
