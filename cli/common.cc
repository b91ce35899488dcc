// What the query commands share: opening the index, loading jurisdictions.
#include <filesystem>
#include <iostream>

#include <yaml-cpp/yaml.h>

#include "cli/commands.h"
#include "pipeline/extract_stage.h"

namespace foiamine::cli {

std::optional<extractors::Jurisdictions> JurisdictionsForDivergence(const char* command) {
  auto loaded = LoadJurisdictionsFile(ResolveJurisdictionsPath());
  if (loaded.ok()) return std::move(*loaded);
  std::cerr << "foiamine " << command << ": warning: " << loaded.status().message()
            << "; laws bind by jurisdiction code only\n";
  return std::nullopt;
}

std::string RulebookPath() { return ResolveRulebookPath(""); }

std::vector<std::string> RulebookTopics(const char* command) {
  // Only the names: the topics: mapping's keys, without compiling the rules.
  const std::string path = RulebookPath();
  try {
    const YAML::Node topics = YAML::LoadFile(path)["topics"];
    std::vector<std::string> names;
    for (const auto& topic : topics) names.push_back(topic.first.as<std::string>());
    if (!names.empty()) return names;
  } catch (const YAML::Exception&) {
  }
  std::cerr << "foiamine " << command << ": warning: cannot read the topics of " << path
            << "; checking --topic against the index's topics\n";
  return {};
}

std::optional<IndexReader> OpenForReading(const std::string& db_path, const char* command) {
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    std::cerr << "foiamine " << command << ": no index at " << db_path << " (create one with `foiamine run DROP --db "
              << db_path << "`)\n";
    return std::nullopt;
  }
  auto index = IndexReader::Open(db_path);
  if (!index.ok()) {
    std::cerr << "foiamine " << command << ": " << index.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(index.value());
}

std::string SelfExecutable() {
  std::error_code ec;
  return std::filesystem::read_symlink("/proc/self/exe", ec).string();
}

}  // namespace foiamine::cli
