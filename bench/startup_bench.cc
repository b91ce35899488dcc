// What a run's start costs in process (bench/README.md, "Born-digital
// start-up"): the rulebook's YAML alone, its compilation (LoadRulebook), the
// jurisdictions (LoadJurisdictions) and the whole LoadRulebookFile that
// `foiamine run` waits for, with the files a run would read (the source
// tree's schemas/, or FOIAMINE_RULEBOOK / FOIAMINE_JURISDICTIONS). Median and
// minimum of N loads of each, in ms.
//
//   build/bench/startup_bench [--runs N]
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/jurisdiction.h"
#include "extractors/rulebook.h"
#include "pipeline/extract_stage.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `load` `runs` times; prints the median and minimum wall time.
void Time(const char* what, int runs, const std::function<bool()>& load) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    if (!load()) {
      std::printf("%-28s failed\n", what);
      return;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s median %7.1f ms   min %7.1f ms   (%d runs)\n", what, ms[ms.size() / 2], ms.front(), runs);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 9;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
  }
  const std::string rulebook_path = foiamine::ResolveRulebookPath("");
  const std::string jurisdictions_path = foiamine::ResolveJurisdictionsPath();
  const std::string rulebook = ReadFile(rulebook_path);
  const std::string jurisdictions = ReadFile(jurisdictions_path);
  std::printf("rulebook %s (%zu bytes), jurisdictions %s (%zu bytes)\n", rulebook_path.c_str(), rulebook.size(),
              jurisdictions_path.c_str(), jurisdictions.size());
  Time("rulebook YAML parse", runs, [&] { return YAML::Load(rulebook).IsMap(); });
  Time("LoadRulebook", runs, [&] { return foiamine::extractors::LoadRulebook(rulebook).ok(); });
  Time("LoadJurisdictions", runs, [&] { return foiamine::extractors::LoadJurisdictions(jurisdictions).ok(); });
  Time("LoadRulebookFile (a run's)", runs, [&] { return foiamine::LoadRulebookFile(rulebook_path).ok(); });
  return 0;
}
