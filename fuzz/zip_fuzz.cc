// Fuzz target: ZIP scanning (base/zip_reader.h, pipeline/zip_drop.h). The
// bytes are written to a file and opened as a ZIP drop with small budgets,
// as `run DROP.zip` would; every accepted entry must lie inside the drop's
// private folder, and every entry name kept must pass CheckZipEntryName.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/zip_reader.h"
#include "fuzz/fuzz_common.h"
#include "pipeline/zip_drop.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using foiamine::fuzz::Fail;
  static const fs::path file = fs::temp_directory_path() / ("foiamine-zip-fuzz-" + std::to_string(getpid()) + ".zip");
  static const foiamine::fuzz::RemoveAtExit remove_file(file);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  foiamine::ZipLimits limits;
  limits.ratio_floor_bytes = 1 << 20;
  limits.max_entry_bytes = 4 << 20;
  limits.max_total_bytes = 8 << 20;
  limits.max_entries = 4096;
  (void)foiamine::IsZipFile(file);
  {
    foiamine::ZipNameLocaleScope locale;
    auto drop = foiamine::ZipDrop::Open(file, limits);
    if (drop.ok()) {
      const std::string dir = drop->dir().string() + "/";
      for (const auto& entry : drop->entries()) {
        if (!foiamine::CheckZipEntryName(entry.name).empty()) Fail("an entry kept with a refused name");
        const std::string where = fs::weakly_canonical(entry.extracted).string();
        if (where.compare(0, dir.size(), dir) != 0) Fail("an entry written outside the drop folder");
      }
      // Re-hash the first entry in place, as verify and cite do.
      if (!drop->entries().empty()) {
        (void)foiamine::ZipEntrySha256(file, drop->entries().front().name, limits);
      }
    }
  }
  return 0;
}
