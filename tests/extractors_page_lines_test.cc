// extractors/page_lines: the fast paths of the page furniture markers give
// what the plain code gave. MarkInPageFurniture refuses most lines by their
// first and last bytes before counting their words, counts words only until
// there are too many, and asks a neighbour for a page number by its first and
// last bytes before building its key (IsPageNumberLine); MarkHeadersFooters
// builds its keys into one buffer and keeps each once. These tests hold both
// to the code they replaced, kept here as the reference.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/page_lines.h"
#include "extractors/text_fold.h"
#include "tests/test_support.h"

namespace {

using foiamine::extractors::PageText;
using foiamine::extractors::internal::IsPageNumberKey;
using foiamine::extractors::internal::IsPageNumberLine;
using foiamine::extractors::internal::Line;
using foiamine::extractors::internal::MarkHeadersFooters;
using foiamine::extractors::internal::MarkInPageFurniture;
using foiamine::extractors::internal::MarkPageMarkers;
using foiamine::extractors::internal::Trim;

// page_lines.cc's LineKey, as it reads.
std::string ReferenceKey(std::string_view line) {
  line = Trim(line);
  std::string key;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return key;
}

// A key without a page number at its start or its end ("# house bill #", "house bill # #": "house bill #").
std::string SideNumberless(std::string key) {
  if (key.size() > 2 && key.substr(0, 2) == "# ") return key.substr(2);
  if (key.size() > 2 && key.substr(key.size() - 2) == " #") return key.substr(0, key.size() - 2);
  return key;
}

// MarkHeadersFooters as main had it at commit cd19aea, with a running head's page number on the page's outer side
// left out of the key its repeats are counted by (not out of the page-number test).
void ReferenceMarkHeadersFooters(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  constexpr int kEdge = 5;
  const int n = static_cast<int>(pages.size());
  std::vector<std::vector<size_t>> by_page(n);
  for (size_t i = 0; i < lines.size(); ++i) by_page[lines[i].page_idx].push_back(i);
  auto is_edge = [&](int page, size_t pos_in_page) {
    size_t count = by_page[page].size();
    return pos_in_page < kEdge || pos_in_page + kEdge >= count;
  };
  std::vector<std::string> keys(lines.size());
  std::unordered_map<std::string, std::pair<int, size_t>> pages_with_key;
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < by_page[p].size(); ++k) {
      if (!is_edge(p, k)) continue;
      const Line& l = lines[by_page[p][k]];
      std::string& key = keys[by_page[p][k]];
      key = ReferenceKey(std::string_view(pages[p].text).substr(l.begin, l.end - l.begin));
      auto [it, added] = pages_with_key.try_emplace(SideNumberless(key), p, 1);
      if (!added && it->second.first != p) it->second = {p, it->second.second + 1};
    }
  }
  const size_t threshold = std::max<size_t>(2, static_cast<size_t>((n + 1) / 2));
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < by_page[p].size(); ++k) {
      if (!is_edge(p, k)) continue;
      Line& l = lines[by_page[p][k]];
      const std::string& key = keys[by_page[p][k]];
      if (IsPageNumberKey(key)) {
        l.ignored = true;
        continue;
      }
      size_t letters = std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (n >= 2 && letters >= 3 && pages_with_key[SideNumberless(key)].second >= threshold) l.ignored = true;
    }
  }
}

// MarkInPageFurniture as commit fda37be wrote it, with 830d0fd's page numbers alone between blank lines.
void ReferenceMarkInPageFurniture(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  constexpr size_t kMinRepeats = 3;
  constexpr size_t kMaxWords = 10;
  auto text_of = [&](const Line& l) { return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin); };
  auto stands_alone = [&](size_t i) {
    if (i + 1 >= lines.size() || lines[i + 1].page_idx != lines[i].page_idx || lines[i + 1].blank_before) return true;
    const size_t j = i + 1;
    return IsPageNumberKey(ReferenceKey(text_of(lines[j]))) &&
           (j + 1 >= lines.size() || lines[j + 1].page_idx != lines[j].page_idx || lines[j + 1].blank_before);
  };
  auto may_be_furniture = [&](std::string_view t) {
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t.front()))) return false;
    const char last = t.back();
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '?' || last == '!') return false;
    return static_cast<size_t>(std::count(t.begin(), t.end(), ' ')) + 1 <= kMaxWords;
  };
  size_t first = 0;
  while (first < lines.size()) {
    size_t end = first;
    while (end < lines.size() && lines[end].page_idx == lines[first].page_idx) ++end;
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    for (size_t i = first; i < end; ++i) {
      if (lines[i].ignored) continue;
      const std::string_view t = text_of(lines[i]);
      if (!may_be_furniture(t) || !stands_alone(i)) continue;
      std::string key = ReferenceKey(t);
      const size_t letters = std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (letters >= 3) by_key[std::move(key)].push_back(i);
    }
    std::vector<bool> furniture(end - first, false);
    for (const auto& [key, at] : by_key)
      if (at.size() >= kMinRepeats)
        for (size_t i : at) furniture[i - first] = true;
    std::vector<size_t> numbers;
    int last_value = 0;
    bool ascending = true;
    for (size_t i = first; i < end && ascending; ++i) {
      const std::string_view t = text_of(lines[i]);
      const bool alone = lines[i].blank_before && (i + 1 >= end || lines[i + 1].blank_before);
      if (!alone || t.empty() || t.size() > 3 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      const int value = std::stoi(std::string(t));
      ascending = value > last_value;
      last_value = value;
      numbers.push_back(i);
    }
    if (ascending && numbers.size() >= kMinRepeats)
      for (size_t i : numbers) furniture[i - first] = true;
    for (size_t i = first; i < end; ++i) {
      if (furniture[i - first]) {
        lines[i].ignored = true;
        continue;
      }
      const bool beside = (i > first && furniture[i - 1 - first]) || (i + 1 < end && furniture[i + 1 - first]);
      if (beside && IsPageNumberKey(ReferenceKey(text_of(lines[i])))) lines[i].ignored = true;
    }
    first = end;
  }
}

// The lines of the pages as DocumentLayout cuts them.
std::vector<Line> LinesOf(const std::vector<PageText>& pages) { return foiamine::extractors::internal::CutLines(pages); }

std::vector<PageText> PagesAtFormFeeds(const std::string& text) {
  std::vector<PageText> pages;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t ff = text.find('\f', pos);
    if (ff == std::string::npos) ff = text.size();
    pages.push_back(PageText{static_cast<int>(pages.size()) + 1, text.substr(pos, ff - pos)});
    if (ff >= text.size()) break;
    pos = ff + 1;
  }
  return pages;
}

using Marker = void (*)(std::vector<Line>&, const std::vector<PageText>&);

void RequireAsReference(const std::vector<PageText>& pages, std::vector<Line> lines,
                        Marker reference = ReferenceMarkInPageFurniture, Marker marker = MarkInPageFurniture) {
  std::vector<Line> expected = lines;
  reference(expected, pages);
  marker(lines, pages);
  REQUIRE(lines.size() == expected.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    INFO("page " << l.page_idx << " line " << i << ": \""
                 << std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin) << '"');
    REQUIRE(l.ignored == expected[i].ignored);
  }
}

}  // namespace

TEST_CASE("a line is a page number exactly when its key is", "[extractors][page_lines]") {
  const auto require_as_key = [](const std::string& line) {
    INFO('"' << line << '"');
    REQUIRE(IsPageNumberLine(line) == IsPageNumberKey(ReferenceKey(line)));
  };
  // Every line of up to six bytes over the bytes a page number's key is made of, their capitals, the spaces Trim
  // and the key fold, and a letter and a non-ASCII byte of none.
  foiamine::testing::ForEachString("pP0 -/\t.ox\r\xC2", 6, require_as_key);
  for (const char* line : {"Page 3 of 9", "  - 12 -  ", "12", "p. 4", "P. 4", "page 3/9", "3 of 9", "Page 3 of 9.",
                           "Document 7 - Page 3 of 9", "\t7\t", "-7-", "Page", "PAGE 10 OF 12"})
    require_as_key(line);
  CHECK(IsPageNumberLine("Page 3 of 9"));
  CHECK(IsPageNumberLine("  - 12 -"));
  CHECK_FALSE(IsPageNumberLine("Revised 03/07/2025"));
}

TEST_CASE("in-page furniture is marked as the plain code marked it", "[extractors][page_lines]") {
  SECTION("random pages of footers, page numbers and prose") {
    const std::vector<std::string> pool = {
        "Iowa Department of Public Safety", "Revised 03/07/2025", "Revised 04/01/2025", "Page 3 of 9", "12", "- 4 -",
        "p. 7", "PAGE 2", "Iowa Department of Public Safety.", "Iowa Department of Public Safety:",
        "one two three four five six seven eight nine", "one two three four five six seven eight nine ten",
        "one two three four five six seven eight nine ten eleven", "a b", "ab 12", "abc 12",
        "(3) how the LEA can provide ICE with information regarding the alleged", "misconduct and/or violations.",
        "The officer shall notify the supervisor before any release of the person from custody", "1. Purpose",
        "\xC3\x89tat de New York", "Name  of   Agency", "Name of Agency", "NAME OF AGENCY 2", "x", "Memorandum",
        "Memorandum 4", "Memorandum   5", "3", "4", "7", "10", "1000"};
    std::mt19937 rng(20);
    for (int round = 0; round < 4000; ++round) {
      std::vector<PageText> pages(1 + rng() % 3);
      for (size_t p = 0; p < pages.size(); ++p) {
        pages[p].page_no = static_cast<int>(p) + 1;
        const int n = static_cast<int>(rng() % 24);
        // A few lines each page draws from, so that lines repeat.
        std::vector<std::string> few;
        for (int k = 0; k < 4; ++k) few.push_back(pool[rng() % pool.size()]);
        for (int k = 0; k < n; ++k) {
          if (rng() % 4 == 0) pages[p].text += "\n";
          pages[p].text += (rng() % 3 ? few[rng() % few.size()] : pool[rng() % pool.size()]) + "\n";
        }
      }
      std::vector<Line> lines = LinesOf(pages);
      for (Line& l : lines) l.ignored = rng() % 10 == 0;  // as MarkHeadersFooters leaves some
      INFO("round " << round);
      RequireAsReference(pages, lines);
    }
  }
  SECTION("every page of the corpus texts") {
    size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(foiamine::testing::SourceDir() / "corpus" / "truth")) {
      if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
      const std::vector<PageText> pages = PagesAtFormFeeds(foiamine::testing::ReadFile(entry.path()));
      INFO(entry.path().string());
      RequireAsReference(pages, LinesOf(pages));
      ++files;
    }
    CHECK(files > 10);
  }
  SECTION("a text file's page numbers alone between blank lines: counting up, or not") {
    const std::vector<std::string> words = {"alpha", "bravo", "charlie", "delta"};
    std::vector<PageText> pages(1);
    for (int k = 1; k <= 4; ++k)
      pages[0].text += "the " + words[k - 1] + " item runs on\n\n" + std::to_string(k) + "\n\nmore of " + words[k - 1] + "\n";
    std::vector<Line> lines = LinesOf(pages);
    RequireAsReference(pages, lines);
    MarkInPageFurniture(lines, pages);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.ignored; }) == 4);
    // "3", "1", "2": no count of pages
    std::vector<PageText> jumbled(1);
    for (int k : {3, 1, 2})
      jumbled[0].text += "the " + words[k] + " item runs on\n\n" + std::to_string(k) + "\n\nmore of " + words[k] + "\n";
    std::vector<Line> kept = LinesOf(jumbled);
    RequireAsReference(jumbled, kept);
    MarkInPageFurniture(kept, jumbled);
    CHECK(std::none_of(kept.begin(), kept.end(), [](const Line& l) { return l.ignored; }));
  }
  SECTION("a text file's footers inside its page") {
    std::vector<PageText> pages(1);
    for (int k = 1; k <= 4; ++k)
      pages[0].text += "the item runs on\nIowa Department of Public Safety\nPage " + std::to_string(k) +
                       " of 4\n\nRevised 03/07/2025\n\nmore of the item\n";
    std::vector<Line> lines = LinesOf(pages);
    RequireAsReference(pages, lines);
    MarkInPageFurniture(lines, pages);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.ignored; }) == 12);
  }
}

TEST_CASE("running headers and footers are marked as the plain code marked them", "[extractors][page_lines]") {
  // Keys built into one reused buffer and held as the map's entries, pages' lines as ranges of one array: the
  // same lines marked as by the code with a key string per line and a vector per page.
  const std::vector<std::string> pool = {
      "DEPARTMENT OF CORRECTIONS", "Department of Corrections", "Page 3 of 9", "Page 4 of 9", "12", "- 4 -", "p. 7",
      "PS 4020.1F", "PS 4020.2F", "Effective Date: 08/30/2021", "Effective  Date:\t08/30/2021", "ab", "a1b2",
      "The officer shall notify the supervisor before any release.", "1. Purpose", "\xC3\x89tat de New York",
      "\xC3\x89TAT DE NEW YORK", "Memorandum", "x", "ZONE 9 REPORT", "zone 0 report", "Zone 5 Report",
      "@AZ [9] x:/", "@az [0] X:/", "`az {0} x;/", "Page 3 of 9  9", "2 HOUSE BILL 675", "HOUSE BILL 675 3", "7 of 9", "# 4"};
  std::mt19937 rng(21);
  for (int round = 0; round < 3000; ++round) {
    std::vector<PageText> pages(1 + rng() % 6);
    std::vector<std::string> few;
    for (int k = 0; k < 5; ++k) few.push_back(pool[rng() % pool.size()]);
    for (size_t p = 0; p < pages.size(); ++p) {
      pages[p].page_no = static_cast<int>(p) + 1;
      const int n = static_cast<int>(rng() % 16);
      for (int k = 0; k < n; ++k) {
        if (rng() % 5 == 0) pages[p].text += "\n";
        pages[p].text += (rng() % 2 ? few[rng() % few.size()] : pool[rng() % pool.size()]) + "\n";
      }
    }
    INFO("round " << round);
    RequireAsReference(pages, LinesOf(pages), ReferenceMarkHeadersFooters, MarkHeadersFooters);
  }
  // The corpus texts, page by page at their form feeds.
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(foiamine::testing::SourceDir() / "corpus" / "truth")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    const std::vector<PageText> pages = PagesAtFormFeeds(foiamine::testing::ReadFile(entry.path()));
    INFO(entry.path().string());
    RequireAsReference(pages, LinesOf(pages), ReferenceMarkHeadersFooters, MarkHeadersFooters);
    ++files;
  }
  CHECK(files > 10);
}

TEST_CASE("a line's key is read byte by byte from one table as the plain code read it", "[extractors][page_lines]") {
  using foiamine::extractors::internal::LineKey;
  // Every byte alone, after a letter and before a digit, and every pair of bytes; lines over the bytes next to the
  // classes' edges ('/', ':', '@', '[', '`', '{'), with their spaces, tabs and carriage returns.
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    REQUIRE(LineKey(one) == ReferenceKey(one));
    REQUIRE(LineKey("Q" + one + "7") == ReferenceKey("Q" + one + "7"));
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      INFO(a << ' ' << b);
      REQUIRE(LineKey(two) == ReferenceKey(two));
    }
  }
  foiamine::testing::ForEachString("/09:@AZ[`az{ \t\r\xC3", 5, [](const std::string& line) {
    INFO('"' << line << '"');
    REQUIRE(LineKey(line) == ReferenceKey(line));
  });
  CHECK(LineKey("  Page 12  of\t 30 ") == "page # of #");
}

namespace {

std::vector<std::string> KeptLines(const std::vector<PageText>& pages, const std::vector<Line>& lines) {
  std::vector<std::string> kept;
  for (const Line& l : lines)
    if (!l.ignored) kept.emplace_back(std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin));
  return kept;
}

}  // namespace

// Maryland's bills print the page number on the outer side of the running head: "2 HOUSE BILL 675" on even pages,
// "HOUSE BILL 675 3" on odd ones. Counted without it, the head repeats and is furniture; a line of the text that
// opens with a number is not.
TEST_CASE("a running head with its page number on alternate sides is furniture", "[extractors][page_lines]") {
  std::vector<PageText> pages(3);
  pages[0].text = "HOUSE BILL 675\nA BILL ENTITLED\nAN ACT concerning jails.\n(D) (1) AN AGENCY SHALL, IF REQUESTED BY\n";
  pages[1].text = "2 HOUSE BILL 675\nFEDERAL IMMIGRATION AUTHORITIES:\n(I) DETAIN AN INDIVIDUAL; AND\n(II) TRANSFER AN INDIVIDUAL.\n";
  pages[2].text = "HOUSE BILL 675 3\n(2) 48 HOURS IS THE LIMIT.\nSECTION 2. AND BE IT FURTHER ENACTED.\n";
  for (size_t p = 0; p < pages.size(); ++p) pages[p].page_no = static_cast<int>(p) + 1;
  std::vector<Line> lines = LinesOf(pages);
  MarkHeadersFooters(lines, pages);
  const std::vector<std::string> kept = KeptLines(pages, lines);
  CHECK(std::find(kept.begin(), kept.end(), "2 HOUSE BILL 675") == kept.end());
  CHECK(std::find(kept.begin(), kept.end(), "HOUSE BILL 675 3") == kept.end());
  CHECK(std::find(kept.begin(), kept.end(), "FEDERAL IMMIGRATION AUTHORITIES:") != kept.end());
  CHECK(std::find(kept.begin(), kept.end(), "(2) 48 HOURS IS THE LIMIT.") != kept.end());
}

// A transcription that marks the printed pages inside its one page ("START OF PAGE 2" / "END OF PAGE 2"): the
// markers and the running head right after a start marker, holding that page's number, are furniture; a line after
// the marker that is text is not, nor is a sentence that speaks of a page.
TEST_CASE("a transcription's page markers and the head after each are furniture", "[extractors][page_lines]") {
  std::vector<PageText> pages(1);
  pages[0].page_no = 1;
  pages[0].text =
      "START OF PAGE 1\nHOUSE BILL 675\n(D) (1) AN AGENCY SHALL, IF REQUESTED BY\nEND OF PAGE 1\n\nSTART OF PAGE 2\n"
      "2 HOUSE BILL 675\n\nFEDERAL IMMIGRATION AUTHORITIES:\nEND OF PAGE 2\n\nSTART OF PAGE 3\n"
      "HOUSE BILL 675 3\n(I) DETAIN AN INDIVIDUAL.\nEND OF PAGE 3\n\nSTART OF PAGE 4\n4 ADDITIONAL DAYS ARE ALLOWED.\n"
      "The clerk shall stamp the start of page 4.\n";
  std::vector<Line> lines = LinesOf(pages);
  MarkPageMarkers(lines, pages);
  const std::vector<std::string> kept = KeptLines(pages, lines);
  const std::vector<std::string> expected = {"HOUSE BILL 675", "(D) (1) AN AGENCY SHALL, IF REQUESTED BY",
                                             "FEDERAL IMMIGRATION AUTHORITIES:", "(I) DETAIN AN INDIVIDUAL.",
                                             "4 ADDITIONAL DAYS ARE ALLOWED.", "The clerk shall stamp the start of page 4."};
  CHECK(kept == expected);
}
