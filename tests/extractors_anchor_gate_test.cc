// The literal gate in front of the rules' anchor scan (extractors/anchor_gate.h):
// it may only ever skip text the RE2::Set would report no anchor in, and it
// must cover rules it was never told about (its atoms come from the anchors).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "extractors/anchor_gate.h"
#include "extractors/extract.h"
#include "extractors/literal_set.h"
#include "extractors/rulebook_compiled.h"
#include "extractors/text_fold.h"
#include "tests/test_support.h"

using namespace foiamine::extractors;
using foiamine::testing::ReadFile;
using foiamine::testing::ShippedRulebook;
using foiamine::testing::SourceDir;

namespace {

// What an RE2::Set of the anchors reports for `text`, sorted (the matcher's
// answer before the gate). The rulebook builds that Set only when its gate
// cannot filter; this one is built once (for the shipped rulebook, the only
// one these tests pass), with the rulebook's options.
std::vector<int> SetAnswer(const Rulebook::Compiled& rules, const std::string& text) {
  static const std::unique_ptr<RE2::Set> set = [&] {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    auto anchors = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (int p : rules.set_to_pattern) REQUIRE(anchors->Add(rules.patterns[p].source, nullptr) >= 0);
    REQUIRE(anchors->Compile());
    return anchors;
  }();
  std::vector<int> hits;
  if (!set->Match(text, &hits)) hits.clear();
  std::sort(hits.begin(), hits.end());
  return hits;
}

// Lines and sentence-sized pieces of every corpus truth text, folded as the
// matcher folds a unit, and every rulebook example.
std::vector<std::string> RealTexts(const Rulebook::Compiled& rules) {
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    const std::string text = ReadFile(e.path());
    std::string piece;
    for (char c : text) {
      piece.push_back(c == '\n' || c == '\f' ? ' ' : c);
      if (c == '.' || c == '\n') {
        texts.push_back(internal::FoldString(piece));
        piece.clear();
      }
    }
    texts.push_back(internal::FoldString(piece));
  }
  for (const auto& example : rules.examples) texts.push_back(internal::FoldString(example.text));
  return texts;
}

DocumentInput OnePage(const std::string& text) {
  DocumentInput in;
  in.pages.push_back(PageText{1, text});
  return in;
}

}  // namespace

TEST_CASE("the anchor gate passes every corpus and example text the RE2::Set fires on", "[extractors][anchor_gate]") {
  const Rulebook::Compiled& rules = ShippedRulebook().compiled();
  REQUIRE(rules.anchor_gate != nullptr);
  // An anchor without a literal would make the gate pass everything (correct,
  // but the extractors lose their fast path on text without clauses).
  CHECK(rules.anchor_gate->filters());
  size_t fired = 0, gated = 0, texts = 0;
  std::vector<int> hits;
  for (const std::string& text : RealTexts(rules)) {
    ++texts;
    const std::vector<int> want = SetAnswer(rules, text);
    const bool any = internal::MatchAnchors(rules, text, &hits);
    INFO(text);
    REQUIRE(hits == want);
    REQUIRE(any == !want.empty());
    if (!want.empty()) ++fired;
    if (!rules.anchor_gate->MayMatch(text)) {
      ++gated;
      REQUIRE(want.empty());
    }
  }
  INFO(texts << " texts, " << fired << " fire an anchor, " << gated << " skipped by the gate");
  CHECK(fired > 100);  // the corpus is dense in clauses: both sides are exercised
  CHECK(gated > 100);
}

TEST_CASE("a rule the gate was never told about is covered by its own anchor's literals", "[extractors][anchor_gate]") {
  // A topic no shipped rule knows: the gate's atoms come from this anchor.
  auto rules = LoadRulebook(R"(
topics:
  lanterns:
    rules:
      - id: keep_lit
        all_of: ['\blanterns?\b', '\blit\b']
stance:
  requires: ['\bshall\b']
)");
  REQUIRE(rules.ok());
  const auto& gate = *rules->compiled().anchor_gate;
  REQUIRE(gate.filters());
  CHECK(std::find(gate.atoms().begin(), gate.atoms().end(), "lantern") != gate.atoms().end());
  CHECK(gate.MayMatch("Staff shall keep the LANTERNS lit."));
  CHECK_FALSE(gate.MayMatch("Staff shall keep the doors shut."));

  const Extraction lit = ExtractDocument(*rules, OnePage("Staff shall keep the lanterns lit at night.\n"));
  REQUIRE(lit.clauses.size() == 1);
  CHECK(lit.clauses[0].topic == "lanterns");
  CHECK(lit.clauses[0].stance == Stance::kRequires);
  CHECK(ExtractDocument(*rules, OnePage("Staff shall keep the doors shut at night.\n")).clauses.empty());
}

TEST_CASE("an anchor with no literal turns the gate off, and clauses are still found", "[extractors][anchor_gate]") {
  auto rules = LoadRulebook(R"(
topics:
  dated:
    rules:
      - id: any_past
        all_of: ['\b\w+ed\b', '\bdoors?\b']
stance:
  requires: ['\bshall\b']
)");
  REQUIRE(rules.ok());
  const auto& gate = *rules->compiled().anchor_gate;
  CHECK_FALSE(gate.filters());
  CHECK(gate.MayMatch("nothing here"));
  const Extraction x = ExtractDocument(*rules, OnePage("Staff shall keep the doors locked at night.\n"));
  REQUIRE(x.clauses.size() == 1);
  CHECK(x.clauses[0].topic == "dated");
}

TEST_CASE("RE2 folds onto an ASCII letter only the long s and the Kelvin sign", "[extractors][anchor_gate]") {
  // The gate's literal scan compares ASCII letters without case and trusts
  // RE2's case-insensitive Set only where a text holds one of these
  // (internal::CaselessAsciiEquivalent): every other code point is checked.
  const RE2 any_letter("(?i)[a-z]");
  std::vector<int> folded;
  for (int cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    // (built a byte at a time: GCC 12 warns -Wmaybe-uninitialized, a false alarm, on a braced list assigned here)
    std::string utf8;
    const int continuation_bytes = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
    utf8.push_back(static_cast<char>((continuation_bytes == 1 ? 0xC0 : continuation_bytes == 2 ? 0xE0 : 0xF0) |
                                     (cp >> (6 * continuation_bytes))));
    for (int k = continuation_bytes - 1; k >= 0; --k) utf8.push_back(static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F)));
    if (RE2::FullMatch(utf8, any_letter)) {
      folded.push_back(cp);
      CHECK_FALSE(internal::CaselessAsciiEquivalent("x " + utf8 + " y"));
    }
  }
  CHECK(folded == std::vector<int>{0x17F, 0x212A});
  CHECK(internal::CaselessAsciiEquivalent("Inmigraci\xC3\xB3n \xC2\xA7 12 \xE2\x80\x94 the officer"));
}

TEST_CASE("the literal scan finds exactly the atoms a case-insensitive RE2::Set finds", "[extractors][anchor_gate]") {
  const Rulebook::Compiled& rules = ShippedRulebook().compiled();
  REQUIRE(rules.anchor_gate != nullptr);
  const std::vector<std::string>& atoms = rules.anchor_gate->atoms();
  REQUIRE(atoms.size() > 100);
  RE2::Options options;
  options.set_case_sensitive(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) REQUIRE(set.Add(RE2::QuoteMeta(atom), nullptr) >= 0);
  REQUIRE(set.Compile());
  const internal::LiteralSet literals(atoms);
  std::vector<std::string> texts = RealTexts(rules);
  // Upper and mixed case, and atoms that overlap or end the text.
  const size_t real = texts.size();
  for (size_t i = 0; i < real; i += 7) {
    std::string upper = texts[i];
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    texts.push_back(upper);
  }
  for (size_t i = 0; i < atoms.size(); i += 3) texts.push_back(atoms[i] + atoms[(i + 1) % atoms.size()]);
  size_t with_atoms = 0;
  std::vector<int> found, want;
  for (const std::string& text : texts) {
    literals.Find(text, &found);
    want.clear();
    set.Match(text, &want);
    std::sort(want.begin(), want.end());
    INFO(text);
    REQUIRE(found == want);
    with_atoms += !found.empty();
  }
  CHECK(with_atoms > texts.size() / 2);
}

// The literals that occur in `text`, ASCII letters without case, each
// compared at every offset: what LiteralSet::Find is held to.
std::vector<int> LiteralsByComparison(const std::vector<std::string>& literals, const std::string& text) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string haystack = lower(text);
  std::vector<int> found;
  for (size_t i = 0; i < literals.size(); ++i)
    if (haystack.find(lower(literals[i])) != std::string::npos) found.push_back(static_cast<int>(i));
  return found;
}

TEST_CASE("the literal scan reports each literal once however often it occurs and in every call", "[extractors][anchor_gate]") {
  // Overlapping literals, literals inside others, a repeated one, and more
  // than 64 (the scan's bit per literal spans several words).
  std::vector<std::string> literals = {"the ", "he", "the", " of", "of the ", "e o", "aa", "aaa", "ab", "ba", "b", "he"};
  for (char c = 'c'; c <= 'z'; ++c)
    for (const char* tail : {"e", "ee", "e "}) literals.push_back(std::string(1, c) + tail);
  REQUIRE(literals.size() > 64);
  const internal::LiteralSet set(literals);
  std::vector<int> found;
  size_t compared = 0;
  // Every string of up to five bytes over bytes that begin, continue and end the literals, twice in a row.
  compared += foiamine::testing::ForEachString("aAbhe to", 5, [&](const std::string& text) {
    for (int twice = 0; twice < 2; ++twice) {
      set.Find(text, &found);
      INFO(text);
      REQUIRE(found == LiteralsByComparison(literals, text));
    }
  });
  // Random runs of the literals and their pieces, many repeats each.
  std::mt19937 random(20);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const size_t pieces = random() % 24;
    for (size_t k = 0; k < pieces; ++k) {
      const std::string& literal = literals[random() % literals.size()];
      text += random() % 4 == 0 ? literal.substr(random() % literal.size()) : literal;
      if (random() % 3 == 0) text.push_back(" .AE\xC3"[random() % 5]);
    }
    set.Find(text, &found);
    INFO(text);
    REQUIRE(found == LiteralsByComparison(literals, text));
    ++compared;
  }
  // The shipped atoms on the corpus lines, each line scanned twice.
  const std::vector<std::string>& atoms = ShippedRulebook().compiled().anchor_gate->atoms();
  const internal::LiteralSet shipped(atoms);
  compared += foiamine::testing::ForEachCorpusLine([&](const std::string& line) {
    for (int twice = 0; twice < 2; ++twice) {
      shipped.Find(line, &found);
      INFO(line);
      REQUIRE(found == LiteralsByComparison(atoms, line));
    }
  });
  CHECK(compared > 50000);
}

TEST_CASE("a text with a long s or a Kelvin sign is gated as the RE2::Set gates it", "[extractors][anchor_gate]") {
  const Rulebook::Compiled& rules = ShippedRulebook().compiled();
  // RE2 reads "\xC5\xBF" (long s) as an 's' without case: the anchors may
  // fire where an ASCII comparison would see no "shall" or "ask".
  size_t fired = 0;
  for (std::string text : {"The officer \xC5\xBFhall notify ICE of the relea\xC5\xBF" "e date.",
                           "The jail \xC5\xBFhall not honor an ICE detainer.", "ICE may a\xC5\xBF\xE2\x84\xAA the jail to hold him.",
                           "Staff may not a\xC5\xBF\xE2\x84\xAA about immigration \xC5\xBFtatus.",
                           "The officer shall notify ICE of the release date."}) {
    std::vector<int> hits;
    internal::MatchAnchors(rules, text, &hits);
    INFO(text);
    CHECK(hits == SetAnswer(rules, text));
    fired += !hits.empty();
  }
  CHECK(fired >= 3);
}
