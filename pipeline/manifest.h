// The optional drop manifest (CONTRACTS.md): manifest.csv (header row) or
// manifest.json (array of objects), one entry per file, keyed by the file's
// path relative to the drop.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace foiamine {

struct ManifestEntry {
  std::string path;  // relative to the drop, '/'-separated
  std::string title, agency, doc_kind, authority, number, issued, effective, source;
  std::string jurisdiction;  // "DC", "US", "US-CA", "US-IL/Cook County"; empty: inferred from the text
};

struct Manifest {
  std::map<std::string, ManifestEntry> entries;  // by path
  std::vector<std::string> warnings;             // unknown values, bad dates, duplicates
  std::string file_name;                         // "manifest.csv" / "manifest.json" / empty

  const ManifestEntry* Find(const std::string& relative_path) const;
};

// Parses manifest text. Unknown columns are ignored; a row without `path` is
// an error; unknown doc_kind/authority values and non-ISO dates are kept but
// produce warnings.
StatusOr<Manifest> ParseManifestCsv(std::string_view text);
StatusOr<Manifest> ParseManifestJson(std::string_view text);

// Loads DROP/manifest.csv or DROP/manifest.json if present (an empty
// Manifest if neither exists). Both present is an error.
StatusOr<Manifest> LoadManifest(const std::filesystem::path& drop_root);

// True for the names foiamine treats as a manifest, not a document.
bool IsManifestName(std::string_view file_name);

}  // namespace foiamine
