// Who the people and short names of a document are (extractors/actor_names.h).
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "extractors/actor_names.h"
#include "tests/test_support.h"

using namespace foiamine::extractors::internal;
using foiamine::testing::ReadFile;
using foiamine::testing::SourceDir;

namespace {

// MayHoldSpeakerLabel may say yes where no label is, never no where one is.
void RequireLetsLabelsThrough(const std::string& text) {
  static const RE2 kSpeaker(kSpeakerLabelPattern);
  if (MayHoldSpeakerLabel(text)) return;
  INFO('"' << text << '"');
  REQUIRE_FALSE(RE2::PartialMatch(text, kSpeaker));
}

}  // namespace

TEST_CASE("a text without a colon after three capitals holds no speaker's label", "[extractors]") {
  CHECK(MayHoldSpeakerLabel("ASSISTANT CHIEF QUARLES: Our officers do not ask."));
  CHECK(MayHoldSpeakerLabel("intro\nMS. O'NEIL-SMITH:\tYes."));
  CHECK_FALSE(MayHoldSpeakerLabel("Subject: Detainers\nEffective Date: May 1, 2020"));
  CHECK_FALSE(MayHoldSpeakerLabel("MR. LI: Yes."));  // a two-letter surname is no label either
  // Every string of up to six bytes over label bytes, other capitals' neighbours, the colon and each \s byte.
  const std::string alphabet = "A'-.:a \n\t\r\f";
  const size_t tried = foiamine::testing::ForEachString(alphabet, 6, [](const std::string& s) { RequireLetsLabelsThrough(s); });
  CHECK(tried > 1900000);
  std::mt19937 random(41);
  const std::string common = "ABCDEFGHIJabcdefg   \n.:'-0";
  std::uniform_int_distribution<int> pick(0, static_cast<int>(common.size()) - 1), length(7, 120);
  for (int t = 0; t < 50000; ++t) {
    std::string s(static_cast<size_t>(length(random)), ' ');
    for (char& c : s) c = common[static_cast<size_t>(pick(random))];
    RequireLetsLabelsThrough(s);
  }
  size_t files = 0, with_labels = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    const std::string text = ReadFile(e.path());
    ++files;
    with_labels += MayHoldSpeakerLabel(text) ? 1 : 0;
    RequireLetsLabelsThrough(text);
  }
  CHECK(files > 5);
  CHECK(with_labels > 0);  // the corpus's transcripts
}
