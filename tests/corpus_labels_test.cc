// Checks the corpus ground truth itself (corpus/labels/*.jsonl against
// corpus/drop and corpus/truth): labels that point at missing files, unknown
// topics, quotes that are not on their page, or divergences that do not
// follow from the clause labels would make every end-to-end score wrong.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace fs = std::filesystem;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;
using nlohmann::json;

namespace {

const std::set<std::string> kTopics = {
    "release_notification", "detainer_hold",  "information_sharing",
    "status_inquiry",       "enforcement_assistance", "agreements",
    "facility_access",      "judicial_warrant", "counsel_access"};
const std::set<std::string> kStances = {"restricts", "requires", "permits", "reports",
                                        "mentions"};
const std::set<std::string> kActors = {"DOC", "MPD", "District"};

fs::path CorpusDir() { return SourceDir() / "corpus"; }

std::vector<json> ReadJsonLines(const fs::path& path) {
  std::vector<json> records;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) records.push_back(json::parse(line));
  return records;
}

// The normalization a quote is compared under (CONTRACTS.md): the
// pipeline's own (soft hyphens dropped, curly quotes and dashes made ASCII,
// a word hyphenated at a line end joined when the next line starts
// lowercase), then whitespace folded and ASCII case folded.
std::string Normalize(const std::string& s) {
  std::string folded;
  for (const auto& page : foiamine::testing::NormalizedPages(s)) {
    for (char c : page.text + " ") {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!folded.empty() && folded.back() != ' ') folded += ' ';
      } else {
        folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

std::vector<std::string> TruthPages(const std::string& doc_path) {
  std::vector<std::string> pages;
  std::istringstream in(ReadFile(CorpusDir() / "truth" / (doc_path + ".txt")));
  std::string page;
  while (std::getline(in, page, '\f')) pages.push_back(page);
  return pages;
}

// Law lives under drop/law/ (README.md); every other document is policy or
// practice.
bool IsLaw(const std::string& doc_path) { return doc_path.rfind("law/", 0) == 0; }

using PairKey = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

}  // namespace

TEST_CASE("Normalize joins line-end hyphens and folds space and case", "[corpus]") {
  CHECK(Normalize("shall  Notifi-\ncation\n of") == "shall notification of");
  CHECK(Normalize("sched- \n   uled") == "scheduled");
  CHECK(Normalize("GO-OPS-\n201.26") == "go-ops- 201.26");
  CHECK(Normalize("\xE2\x80\x9CICE\xE2\x80\x9D \xE2\x80\x94 DOC\xE2\x80\x99s") == "\"ice\" - doc's");
}

TEST_CASE("Corpus clause labels point at real text", "[corpus]") {
  const auto labels = ReadJsonLines(CorpusDir() / "labels" / "clauses.jsonl");
  REQUIRE(labels.size() >= 20);
  for (const json& label : labels) {
    const std::string doc = label.at("doc_path");
    INFO(label.dump());
    REQUIRE(fs::is_regular_file(CorpusDir() / "drop" / doc));
    CHECK(kTopics.count(label.at("topic").get<std::string>()) == 1);
    CHECK(kStances.count(label.at("stance").get<std::string>()) == 1);
    CHECK(kActors.count(label.at("actor").get<std::string>()) == 1);
    CHECK_FALSE(label.at("section").get<std::string>().empty());
    const std::vector<std::string> pages = TruthPages(doc);
    const int page = label.at("page");
    REQUIRE(page >= 1);
    REQUIRE(page <= static_cast<int>(pages.size()));
    const std::string quote = Normalize(label.at("quote"));
    CHECK(quote.size() >= 15);  // distinctive, not a single word
    CHECK(Normalize(pages[page - 1]).find(quote) != std::string::npos);
  }
}

TEST_CASE("Corpus divergences follow from the clause labels", "[corpus]") {
  const auto labels = ReadJsonLines(CorpusDir() / "labels" / "clauses.jsonl");
  const auto divergences = ReadJsonLines(CorpusDir() / "labels" / "divergences.jsonl");
  REQUIRE(divergences.size() >= 5);

  auto find = [&](const json& side, const std::string& topic) -> const json* {
    for (const json& l : labels)
      if (l.at("doc_path") == side.at("doc_path") && l.at("section") == side.at("section") &&
          l.at("topic") == topic)
        return &l;
    return nullptr;
  };
  std::set<PairKey> listed;
  for (const json& d : divergences) {
    INFO(d.dump());
    const std::string topic = d.at("topic"), actor = d.at("actor");
    const json* law = find(d.at("law"), topic);
    const json* practice = find(d.at("practice"), topic);
    REQUIRE(law != nullptr);
    REQUIRE(practice != nullptr);
    CHECK(IsLaw(law->at("doc_path")));
    CHECK_FALSE(IsLaw(practice->at("doc_path")));
    CHECK(law->at("stance") == "restricts");
    const std::string stance = practice->at("stance");
    CHECK((stance == "requires" || stance == "permits" || stance == "reports"));
    CHECK(practice->at("actor") == actor);
    CHECK((law->at("actor") == actor || law->at("actor") == "District"));
    CHECK(listed.insert({topic, actor, d["law"]["doc_path"], d["law"]["section"],
                         d["practice"]["doc_path"], d["practice"]["section"]}).second);
  }
  // Complete: every pair the rule yields from the clause labels is listed.
  for (const json& law : labels) {
    if (!IsLaw(law.at("doc_path")) || law.at("stance") != "restricts") continue;
    for (const json& p : labels) {
      const std::string stance = p.at("stance");
      if (IsLaw(p.at("doc_path")) || p.at("topic") != law.at("topic")) continue;
      if (stance != "requires" && stance != "permits" && stance != "reports") continue;
      if (!p.value("pairs", true)) continue;  // a label marked as no side of any divergence (its "why")
      if (law.at("actor") != p.at("actor") && law.at("actor") != "District") continue;
      INFO(law.dump() << " vs " << p.dump());
      CHECK(listed.count({p.at("topic"), p.at("actor"), law.at("doc_path"), law.at("section"),
                          p.at("doc_path"), p.at("section")}) == 1);
    }
  }
}

TEST_CASE("Corpus manifest lists existing files in the contract's columns", "[corpus]") {
  std::istringstream in(ReadFile(CorpusDir() / "drop" / "manifest.csv"));
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "path,title,agency,doc_kind,authority,number,issued,effective,source");
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++rows;
    const std::string path = line.substr(0, line.find(','));
    INFO(path);
    CHECK(fs::is_regular_file(CorpusDir() / "drop" / path));
  }
  CHECK(rows >= 5);
  // Every file of the drop has its printed text in truth/.
  for (const auto& entry : fs::recursive_directory_iterator(CorpusDir() / "drop")) {
    if (!entry.is_regular_file() || entry.path().filename() == "manifest.csv") continue;
    const fs::path rel = fs::relative(entry.path(), CorpusDir() / "drop");
    INFO(rel.string());
    CHECK(fs::is_regular_file(CorpusDir() / "truth" / (rel.string() + ".txt")));
  }
}
