#include "pipeline/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/terminal_text.h"

namespace foiamine {
namespace {

const std::set<std::string> kDocKinds = {"statute",      "ordinance",    "council_record", "mayors_order",
                                         "jail_policy",  "police_order", "agreement",      "correspondence",
                                         "transcript",   "log",          "bill",           "other"};
const std::set<std::string> kAuthorities = {"law", "policy", "practice"};

std::string Trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string NormalizeRelativePath(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  return path;
}

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
StatusOr<std::vector<std::vector<std::string>>> ParseCsvRows(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      field.clear();
      field_started = false;
      if (!(row.size() == 1 && Trim(row[0]).empty())) rows.push_back(row);
      row.clear();
      ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) return Status::Corrupt("unterminated quoted field starting before line " + std::to_string(line));
  if (field_started || !row.empty()) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

void CheckEntry(const ManifestEntry& e, std::vector<std::string>& warnings) {
  if (!e.doc_kind.empty() && !kDocKinds.count(e.doc_kind)) {
    warnings.push_back(e.path + ": unknown doc_kind '" + e.doc_kind + "'");
  }
  if (!e.authority.empty() && !kAuthorities.count(e.authority)) {
    warnings.push_back(e.path + ": unknown authority '" + e.authority + "' (law, policy or practice)");
  }
  static const std::regex code(R"((?:DC|US)(?:-[A-Z]{2})?(?:/[^/]+)*)");
  if (!e.jurisdiction.empty() && !std::regex_match(e.jurisdiction, code)) {
    warnings.push_back(e.path + ": jurisdiction '" + e.jurisdiction +
                       "' is not a code like DC, US, US-CA or US-IL/Cook County");
  }
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  for (const auto* date : {&e.issued, &e.effective}) {
    if (!date->empty() && !std::regex_match(*date, iso)) {
      warnings.push_back(e.path + ": date '" + *date + "' is not an ISO date (YYYY-MM-DD)");
    }
  }
}

Status AddEntry(Manifest& manifest, ManifestEntry entry, const std::string& where) {
  // Fields are shown on terminals and in reports: no control characters
  // (base/terminal_text.h). The path is matched as bytes, not cleaned.
  for (std::string* field : {&entry.title, &entry.agency, &entry.doc_kind, &entry.authority, &entry.number,
                             &entry.issued, &entry.effective, &entry.source, &entry.jurisdiction}) {
    *field = CleanFieldText(*field);
  }
  entry.path = NormalizeRelativePath(Trim(entry.path));
  if (entry.path.empty()) return Status::Corrupt(where + ": no path");
  CheckEntry(entry, manifest.warnings);
  if (manifest.entries.count(entry.path)) {
    manifest.warnings.push_back(entry.path + ": listed twice; the later entry wins");
  }
  manifest.entries[entry.path] = std::move(entry);
  return Status::Ok();
}

}  // namespace

const ManifestEntry* Manifest::Find(const std::string& relative_path) const {
  auto it = entries.find(relative_path);
  return it == entries.end() ? nullptr : &it->second;
}

StatusOr<Manifest> ParseManifestCsv(std::string_view text) {
  auto rows = ParseCsvRows(text);
  if (!rows.ok()) return rows.status();
  Manifest manifest;
  if (rows->empty()) return manifest;
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < (*rows)[0].size(); ++i) {
    std::string name = Trim((*rows)[0][i]);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    column[name] = i;
  }
  if (!column.count("path")) return Status::Corrupt("header row has no 'path' column");
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    auto get = [&](const char* name) {
      auto it = column.find(name);
      return it != column.end() && it->second < row.size() ? Trim(row[it->second]) : std::string();
    };
    ManifestEntry e{get("path"),   get("title"),  get("agency"),    get("doc_kind"), get("authority"),
                    get("number"), get("issued"), get("effective"), get("source"), get("jurisdiction")};
    Status s = AddEntry(manifest, std::move(e), "row " + std::to_string(r + 1));
    if (!s.ok()) return s;
  }
  return manifest;
}

StatusOr<Manifest> ParseManifestJson(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Corrupt("not valid JSON");
  if (!doc.is_array()) return Status::Corrupt("expected a JSON array of objects");
  Manifest manifest;
  for (size_t i = 0; i < doc.size(); ++i) {
    const auto& item = doc[i];
    if (!item.is_object()) return Status::Corrupt("item " + std::to_string(i) + " is not an object");
    auto get = [&](const char* name) {
      auto it = item.find(name);
      if (it == item.end() || it->is_null()) return std::string();
      return it->is_string() ? it->get<std::string>() : it->dump();
    };
    ManifestEntry e{get("path"),   get("title"),  get("agency"),    get("doc_kind"), get("authority"),
                    get("number"), get("issued"), get("effective"), get("source"), get("jurisdiction")};
    Status s = AddEntry(manifest, std::move(e), "item " + std::to_string(i));
    if (!s.ok()) return s;
  }
  return manifest;
}

StatusOr<Manifest> LoadManifest(const std::filesystem::path& drop_root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool csv = fs::is_regular_file(drop_root / "manifest.csv", ec);
  bool json = fs::is_regular_file(drop_root / "manifest.json", ec);
  if (csv && json) return Status::InvalidArgument("both manifest.csv and manifest.json present; keep one");
  if (!csv && !json) return Manifest{};
  fs::path file = drop_root / (csv ? "manifest.csv" : "manifest.json");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return Status::IoError(file.string() + ": cannot read");
  auto manifest = csv ? ParseManifestCsv(text.str()) : ParseManifestJson(text.str());
  if (!manifest.ok()) return Status::Corrupt(file.string() + ": " + manifest.status().message());
  manifest->file_name = file.filename().string();
  return manifest;
}

bool IsManifestName(std::string_view file_name) {
  return file_name == "manifest.csv" || file_name == "manifest.json";
}

}  // namespace foiamine
