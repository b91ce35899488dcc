// Precision / recall of the rulebook on the sample corpus's ground truth
// (corpus/truth/*.txt, corpus/labels/clauses.jsonl), with the matching rule of
// CONTRACTS.md. The corpus is found at $FOIAMINE_CORPUS_DIR, or at
// <repo>/corpus; skipped when neither exists.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "extractors/extract.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::NormalizedPages;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;
namespace fs = std::filesystem;

namespace {

fs::path CorpusDir() {
  // The variable first: it can point at a copy whose truth texts are OCR output.
  if (const char* env = std::getenv("FOIAMINE_CORPUS_DIR"); env && fs::exists(fs::path(env) / "labels" / "clauses.jsonl"))
    return env;
  if (fs::exists(SourceDir() / "corpus" / "labels" / "clauses.jsonl")) return SourceDir() / "corpus";
  return {};
}

std::string Squash(const std::string& s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(u)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> ParseCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

struct Label {
  std::string doc, topic, stance, quote, section, actor;
  int page = 0;
  bool matched = false;
};

}  // namespace

TEST_CASE("corpus truth: precision >= 0.95, recall >= 0.90, nothing in the irrelevant document",
          "[extractors][corpus]") {
  const fs::path corpus = CorpusDir();
  if (corpus.empty()) {
    SKIP_TEST("no corpus/ (or $FOIAMINE_CORPUS_DIR): skipping the corpus evaluation");
  }
  const auto* rules = &foiamine::testing::ShippedRulebook();  // loaded once per test binary

  std::map<std::string, DocumentMetadata> manifest;
  {
    std::istringstream in(ReadFile(corpus / "drop" / "manifest.csv"));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header = ParseCsvLine(line);
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      std::vector<std::string> f = ParseCsvLine(line);
      std::map<std::string, std::string> row;
      for (size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
      DocumentMetadata m{row["title"], row["number"], row["agency"], row["doc_kind"], row["authority"], row["issued"], row["effective"], row["jurisdiction"]};
      manifest[row["path"]] = m;
    }
  }
  std::vector<Label> labels;
  {
    std::istringstream in(ReadFile(corpus / "labels" / "clauses.jsonl"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      labels.push_back(Label{j["doc_path"], j["topic"], j["stance"], Squash(j["quote"]), j.value("section", ""),
                            j.value("actor", ""), j["page"]});
    }
  }
  struct Found {
    std::string doc;
    Clause clause;
    bool matched = false;
  };
  std::vector<Found> found;
  std::map<std::string, int> clauses_per_doc;
  for (const auto& entry : fs::recursive_directory_iterator(corpus / "truth")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::string doc = fs::relative(entry.path(), corpus / "truth").string();
    doc = doc.substr(0, doc.size() - 4);  // strip the added ".txt"
    DocumentInput input;
    input.metadata = manifest[doc];
    input.pages = NormalizedPages(ReadFile(entry.path()));  // as a run would index the text
    Extraction x = ExtractDocument(*rules, input);
    clauses_per_doc[doc] = static_cast<int>(x.clauses.size());
    for (const Clause& c : x.clauses) found.push_back(Found{doc, c});
  }
  for (Found& f : found) {
    const std::string text = Squash(f.clause.text);
    for (Label& l : labels) {
      if (l.doc == f.doc && l.page == f.clause.page && l.topic == f.clause.topic &&
          l.stance == StanceName(f.clause.stance) && text.find(l.quote) != std::string::npos) {
        l.matched = true;
        f.matched = true;
        // Actor and section are not part of the matching rule; shown for review.
        if (!l.actor.empty() && f.clause.actor != l.actor)
          std::cout << "  actor: " << f.doc << " p" << f.clause.page << " " << l.topic << " found " << f.clause.actor
                    << ", label " << l.actor << "\n";
      }
    }
  }
  std::map<std::string, std::array<int, 4>> per_topic;  // found, found matched, labels, labels matched
  for (const Found& f : found) {
    auto& t = per_topic[f.clause.topic];
    ++t[0];
    if (f.matched) ++t[1];
    if (!f.matched)
      std::cout << "  extra: " << f.doc << " p" << f.clause.page << " " << f.clause.section << " " << f.clause.topic << "/"
                << StanceName(f.clause.stance) << " [" << f.clause.rule << "] " << f.clause.text.substr(0, 140) << "\n";
  }
  for (const Label& l : labels) {
    auto& t = per_topic[l.topic];
    ++t[2];
    if (l.matched) ++t[3];
    if (!l.matched)
      std::cout << "  missed: " << l.doc << " p" << l.page << " " << l.section << " " << l.topic << "/" << l.stance << " \""
                << l.quote << "\"\n";
  }
  int f_all = 0, fm_all = 0, l_all = 0, lm_all = 0;
  std::cout << "topic                   P      R      (found/labels)\n";
  for (const auto& [topic, t] : per_topic) {
    f_all += t[0];
    fm_all += t[1];
    l_all += t[2];
    lm_all += t[3];
    std::cout << std::left << std::setw(22) << topic << std::right << std::fixed << std::setprecision(2) << std::setw(6)
              << (t[0] ? double(t[1]) / t[0] : 1.0) << " " << std::setw(6) << (t[2] ? double(t[3]) / t[2] : 1.0) << "   ("
              << t[0] << "/" << t[2] << ")\n";
  }
  const double precision = f_all ? double(fm_all) / f_all : 1.0;
  const double recall = l_all ? double(lm_all) / l_all : 1.0;
  std::cout << "overall precision " << precision << " recall " << recall << " (" << f_all << " found, " << l_all
            << " labels)\n";
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.90);
  for (const auto& [doc, n] : clauses_per_doc)
    if (doc.find("fleet") != std::string::npos) CHECK(n == 0);
}
