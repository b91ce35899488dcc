#include "extractors/page_lines.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/utf8.h"
#include "extractors/text_fold.h"

namespace foiamine::extractors::internal {

// Header/footer key: lower-case, digits -> '#', spaces folded. (ASCII
// classes, as std::isdigit / std::tolower treat bytes in the C locale the
// program runs in: this runs on ten lines of every page.) Written into `key`,
// whose buffer a caller reuses line after line: no allocation once it is as
// long as the longest line. One table look-up a byte: a byte's key byte (an
// ASCII capital lower-cased, any other byte itself), or kDigit / kSpace.
namespace {
constexpr uint16_t kDigit = 0x100, kSpace = 0x200;
struct KeyTable {
  uint16_t of[256];
  constexpr KeyTable() : of() {
    for (int c = 0; c < 256; ++c)
      of[c] = c >= '0' && c <= '9' ? kDigit
              : c == ' ' || c == '\t' ? kSpace
              : c >= 'A' && c <= 'Z'  ? static_cast<uint16_t>(c - 'A' + 'a')
                                      : static_cast<uint16_t>(c);
  }
};
constexpr KeyTable kKeyTable;
}  // namespace

static void LineKeyInto(std::string_view line, std::string& key) {
  line = Trim(line);
  key.resize(line.size());  // never longer than the line
  char* const start = key.data();
  char* out = start;
  for (const char ch : line) {
    const uint16_t k = kKeyTable.of[static_cast<unsigned char>(ch)];
    if (k < kDigit) {
      *out++ = static_cast<char>(k);
    } else if (k == kDigit) {
      if (out == start || out[-1] != '#') *out++ = '#';
    } else if (out != start && out[-1] != ' ') {
      *out++ = ' ';
    }
  }
  key.resize(static_cast<size_t>(out - start));
}

std::string LineKey(std::string_view line) {
  std::string key;
  LineKeyInto(line, key);
  return key;
}

const char* const kPageNumberKeyPattern =
    R"(^(?:page\s*#+(?:\s*(?:of|/)\s*#+)?|#+\s*(?:of|/)\s*#+|#+|-\s*#+\s*-|p\.\s*#+)$)";

bool IsPageNumberKey(std::string_view key) {
  static const RE2 kPageNo(kPageNumberKeyPattern);
  // Every alternative opens with 'p', '#' or '-' and closes with '#' or '-': the other keys of the ten edge lines
  // of every page (running heads, text) are refused without the regex.
  if (key.empty() || (key.front() != 'p' && key.front() != '#' && key.front() != '-') ||
      (key.back() != '#' && key.back() != '-'))
    return false;
  return RE2::FullMatch(re2::StringPiece(key.data(), key.size()), kPageNo);
}

std::vector<Line> CutLines(const std::vector<PageText>& pages) {
  std::vector<Line> lines;
  for (int p = 0; p < static_cast<int>(pages.size()); ++p) {
    const std::string_view text = pages[p].text;
    size_t pos = 0;
    bool blank = false;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view trimmed = Trim(text.substr(pos, nl - pos));
      if (trimmed.empty() || trimmed == "\f") {
        blank = true;
      } else {
        const size_t begin = static_cast<size_t>(trimmed.data() - text.data());
        lines.push_back(Line{p, begin, begin + trimmed.size(), blank, false});
        blank = false;
      }
      if (nl >= text.size()) break;
      pos = nl + 1;
    }
  }
  return lines;
}

// Marks running headers/footers: lines near the top or bottom of a page that
// repeat (digits ignored) on at least half of the pages, and page numbers.
void MarkHeadersFooters(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  constexpr int kEdge = 5;
  const int n = static_cast<int>(pages.size());
  // Each page's lines, in order: page p's are order[first[p]] .. order[first[p + 1] - 1] (two arrays, not a
  // vector per page grown line by line).
  std::vector<size_t> first(n + 1, 0), order(lines.size());
  for (const Line& l : lines) ++first[l.page_idx + 1];
  for (int p = 0; p < n; ++p) first[p + 1] += first[p];
  {
    std::vector<size_t> next(first.begin(), first.end() - 1);
    for (size_t i = 0; i < lines.size(); ++i) order[next[lines[i].page_idx]++] = i;
  }
  auto on_page = [&](int page) { return first[page + 1] - first[page]; };
  auto line_of = [&](int page, size_t pos_in_page) { return order[first[page] + pos_in_page]; };
  auto is_edge = [&](int page, size_t pos_in_page) {
    const size_t count = on_page(page);
    return pos_in_page < kEdge || pos_in_page + kEdge >= count;
  };
  // Each edge line's key, computed once (pages x 10 lines of a long document)
  // into one reused buffer and kept only as the map's entry, which the line
  // points to (an unordered_map's entries stay put). Pages are visited in
  // order, so a key's page count grows only when its last page differs:
  // {last page, count} instead of a set of pages.
  using KeyPages = std::unordered_map<std::string, std::pair<int, size_t>>;
  KeyPages pages_with_key;
  std::vector<const KeyPages::value_type*> entry_of(lines.size(), nullptr);
  std::vector<bool> page_number(lines.size(), false);
  std::string key;
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < on_page(p); ++k) {
      if (!is_edge(p, k)) continue;
      const Line& l = lines[line_of(p, k)];
      LineKeyInto(std::string_view(pages[p].text).substr(l.begin, l.end - l.begin), key);
      if (IsPageNumberKey(key)) page_number[line_of(p, k)] = true;
      // A running head printed with the page number on the page's outer side, left on even pages and right on odd
      // ones ("2 HOUSE BILL 675" / "HOUSE BILL 675 3", Maryland's bills), repeats without it.
      if (key.size() > 2 && key.starts_with("# ")) key.erase(0, 2);
      else if (key.size() > 2 && key.ends_with(" #")) key.resize(key.size() - 2);
      auto [it, added] = pages_with_key.try_emplace(key, p, 1);
      if (!added && it->second.first != p) it->second = {p, it->second.second + 1};
      entry_of[line_of(p, k)] = &*it;
    }
  }
  const size_t threshold = std::max<size_t>(2, static_cast<size_t>((n + 1) / 2));
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < on_page(p); ++k) {
      if (!is_edge(p, k)) continue;
      Line& l = lines[line_of(p, k)];
      const auto& [line_key, key_pages] = *entry_of[line_of(p, k)];
      if (page_number[line_of(p, k)]) {
        l.ignored = true;
        continue;
      }
      // (the key is lower-cased: its ASCII letters are a-z)
      size_t letters = std::count_if(line_key.begin(), line_key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (n >= 2 && letters >= 3 && key_pages.second >= threshold) l.ignored = true;
    }
  }
}

void MarkPageMarkers(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  static const RE2 kMarker(R"((?i)^(start|end)\s+of\s+page\s+(\d{1,4})$)");
  constexpr size_t kMaxHeadWords = 8;
  auto text_of = [&](const Line& l) { return Trim(std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin)); };
  // The line after each start marker, without the page's number at its start or end: a running head repeats so
  // (the first page's, which may be the title, is counted but kept).
  std::vector<std::pair<size_t, std::string_view>> heads;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = text_of(lines[i]);
    if (t.size() < 13 || t.size() > 20 || (t[0] != 'S' && t[0] != 's' && t[0] != 'E' && t[0] != 'e')) continue;
    std::string side, number;
    if (!RE2::FullMatch(re2::StringPiece(t.data(), t.size()), kMarker, &side, &number)) continue;
    lines[i].ignored = true;
    if (side[0] != 's' && side[0] != 'S') continue;
    if (i + 1 >= lines.size() || lines[i + 1].page_idx != lines[i].page_idx) continue;
    std::string_view head = text_of(lines[i + 1]);
    if (static_cast<size_t>(std::count(head.begin(), head.end(), ' ')) >= kMaxHeadWords) continue;
    if (head.size() > number.size() && head.starts_with(number) && head[number.size()] == ' ')
      head = Trim(head.substr(number.size()));
    else if (head.size() > number.size() && head.ends_with(number) && head[head.size() - number.size() - 1] == ' ')
      head = Trim(head.substr(0, head.size() - number.size()));
    else if (number != "1")
      continue;
    heads.emplace_back(number == "1" ? std::string::npos : i + 1, head);
  }
  // (counted once each: a hostile text may hold a marker on every line)
  std::unordered_map<std::string_view, int> times;
  for (const auto& [at, head] : heads) ++times[head];
  for (const auto& [at, head] : heads)
    if (at != std::string::npos && times[head] >= 2) lines[at].ignored = true;
}

// Is the line a page number (IsPageNumberKey of its LineKey)? The key's
// first byte is the trimmed line's first, lower-cased, a digit read as '#';
// its last byte likewise the line's last (Trim leaves no space or tab at
// either end): a line that cannot open with 'p', '#' or '-' and close with
// '#' or '-' is refused before its key is built (most lines of a page).
bool IsPageNumberLine(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  const char f = line.front(), b = line.back();
  if (!((f >= '0' && f <= '9') || f == 'p' || f == 'P' || f == '-')) return false;
  if (!((b >= '0' && b <= '9') || b == '-')) return false;
  return IsPageNumberKey(LineKey(line));
}

void MarkInPageFurniture(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  constexpr size_t kMinRepeats = 3;
  constexpr size_t kMaxWords = 10;
  auto text_of = [&](const Line& l) { return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin); };
  // Before a blank line, the page's end, or a page number that is itself before one.
  auto stands_alone = [&](size_t i) {
    if (i + 1 >= lines.size() || lines[i + 1].page_idx != lines[i].page_idx || lines[i + 1].blank_before) return true;
    const size_t j = i + 1;
    return IsPageNumberLine(text_of(lines[j])) &&
           (j + 1 >= lines.size() || lines[j + 1].page_idx != lines[j].page_idx || lines[j + 1].blank_before);
  };
  // Opens with a letter and ends with no sentence's punctuation (read first: cheap).
  auto may_open_and_close = [](std::string_view t) {
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t.front()))) return false;
    const char last = t.back();
    return !(last == '.' || last == ',' || last == ';' || last == ':' || last == '?' || last == '!');
  };
  // At most kMaxWords words: fewer than kMaxWords spaces, counted only until there are too many (a line of
  // prose has more, and most lines of a page are prose).
  auto few_words = [](std::string_view t) {
    size_t spaces = 0;
    for (char c : t)
      if (c == ' ' && ++spaces >= kMaxWords) return false;
    return true;
  };
  size_t first = 0;
  while (first < lines.size()) {
    size_t end = first;
    while (end < lines.size() && lines[end].page_idx == lines[first].page_idx) ++end;
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    bool repeated = false;
    for (size_t i = first; i < end; ++i) {
      if (lines[i].ignored) continue;
      const std::string_view t = text_of(lines[i]);
      if (!may_open_and_close(t) || !stands_alone(i) || !few_words(t)) continue;
      std::string key = LineKey(t);
      const size_t letters = std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (letters >= 3) by_key[std::move(key)].push_back(i);
    }
    for (const auto& [key, at] : by_key) repeated |= at.size() >= kMinRepeats;
    // The printed pages' numbers alone on their lines, between blank lines, counting up ("3", "4", "5" down the
    // text of a 287(g) agreement): left in, a "4" reads as a section number and closes the part it stands in.
    std::vector<size_t> numbers;
    int last_value = 0;
    bool ascending = true;
    for (size_t i = first; i < end && ascending; ++i) {
      if (!lines[i].blank_before || lines[i].end - lines[i].begin > 3 || (i + 1 < end && !lines[i + 1].blank_before)) continue;
      const std::string_view t = text_of(lines[i]);
      if (t.empty() || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      const int value = std::stoi(std::string(t));
      ascending = value > last_value;
      last_value = value;
      numbers.push_back(i);
    }
    const bool page_numbers = ascending && numbers.size() >= kMinRepeats;
    if (!repeated && !page_numbers) {  // no furniture on the page, so no page number beside any
      first = end;
      continue;
    }
    std::vector<bool> furniture(end - first, false);
    for (const auto& [key, at] : by_key)
      if (at.size() >= kMinRepeats)
        for (size_t i : at) furniture[i - first] = true;
    if (page_numbers)
      for (size_t i : numbers) furniture[i - first] = true;
    for (size_t i = first; i < end; ++i) {
      if (furniture[i - first]) {
        lines[i].ignored = true;
        continue;
      }
      const bool beside = (i > first && furniture[i - 1 - first]) || (i + 1 < end && furniture[i + 1 - first]);
      if (beside && IsPageNumberLine(text_of(lines[i]))) lines[i].ignored = true;
    }
    first = end;
  }
}

// Transcripts print a number (1 to 25 or so, restarting on every page) in
// the left margin of each line. A pin cite names them ("Tr. 43:12-14"); they
// are no part of what was said, so they must stay out of sentences ("3
// occasions, our officers drove ..."). A page is read as numbered when at
// least five of its body lines, and most of them, start with a number that
// carries on the sequence. OCR reads a margin "1" as "l" or "|" at times: such
// a token counts only where it is the number expected next (a line's own
// first word is never a number's look-alike elsewhere). On a numbered page
// each number in the ascending sequence is cut off its line (`begin` moves
// past it) and kept as the line's `printed_line`; a numbered line with no
// text is dropped.
const char* const kMarginNumberPattern = R"(^([0-9l|]{1,2})(?:\s+|$))";

bool MayOpenWithMarginNumber(std::string_view line) {
  return !line.empty() && ((line[0] >= '0' && line[0] <= '9') || line[0] == 'l' || line[0] == '|');
}

namespace {

// Wisconsin's bills print a drafting locator at each paragraph's start, in the margin before the line number:
// "AB484,3,53 (c) No sheriff ..." is locator 3,5 and line 3, "SB715, s. 1 3Section 1." section 1 on line 3, and
// "SB715,2,1" alone on its line a locator whose paragraph starts on the next. Group 1: the locator's last number,
// which the line number may run on ("53"). A page with kMinLocators of them is read as such a bill.
const RE2& LocatorPattern() {
  static const RE2 pattern(R"(^[A-Z]{2,4}[0-9]{1,5},(?: s\. [0-9]+|[0-9]+(?:,([0-9]+))?)(?:\s+|$))");
  return pattern;
}
constexpr size_t kMinLocators = 3;

// A line number that the text extraction glued to its line's first word ("4interrogation, detention ...",
// "1(b) Neither ...", and on a page of a Wisconsin bill (`bill`) "1266.0112 Limiting ..." for line 12 of "66.0112"),
// read only as a number `expected` next (the next in sequence, or 1 where a page may start again) or, at a page's
// first number, any number before a letter: bytes of the number, 0 for none.
size_t GluedNumber(std::string_view text, bool bill, int last, const std::vector<int>& expected, int* value) {
  size_t digits = 0;
  while (digits < text.size() && digits < 6 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits == text.size() || text[digits] == ' ' || text[digits] == '\t') return 0;
  const unsigned char after = static_cast<unsigned char>(text[digits]);
  // An ordinal is a word of its own: "1st Precinct", "4th", "2d".
  size_t letters = digits;
  while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters]))) ++letters;
  static const std::set<std::string_view> kOrdinalEnds{"st", "nd", "rd", "th", "d", "ST", "ND", "RD", "TH", "D"};
  if (kOrdinalEnds.contains(text.substr(digits, letters - digits))) return 0;
  if (last == 0 && digits <= 2 && std::isalpha(after)) {
    *value = std::atoi(std::string(text.substr(0, digits)).c_str());
    return digits;
  }
  // After a number the text lost (glued to a sign: "7.... [revisor inserts date]"), the one after it.
  std::vector<int> next = expected;
  next.push_back(last + 2);
  // The longer number first: "1266.0112" after line 11 is line 12 of "66.0112", not line 1 of "266.0112".
  for (size_t length = std::min<size_t>(digits, 2); length >= 1; --length) {
    const bool whole = length == digits;
    if (!whole && !bill) continue;  // "12:30" is a time, whatever line 1 may be
    // A number glued to the digits of what follows (a section number) leaves some; one glued to a word, none.
    if (whole != (std::isalpha(after) || after == '(' || after >= 0x80)) continue;
    const int number = std::atoi(std::string(text.substr(0, length)).c_str());
    if (std::find(next.begin(), next.end(), number) != next.end()) {
      *value = number;
      return length;
    }
  }
  return 0;
}

}  // namespace

// An OCR of a scanned transcript page drops its one-digit margin numbers at times and keeps the rest ("Page 41", nine
// lines with no number, then "10 with the Committee. ..."): where exactly that many lines stand between the page's
// "Page N" line and the first number kept, they are its lines 1 to N - 1. (A hearing's transcript scanned at 150 dpi,
// written for a probe.)
// Returns the body index of the first such line and how many there are ({0, 0} when none); `lines` is not changed.
// (The "Page N" line may be marked as furniture already: it is looked for among all lines, not the body's.)
template <typename TextOf>
static std::pair<size_t, size_t> LostMarginNumbers(const std::vector<Line>& lines, const std::vector<size_t>& body,
                                                   size_t first_line, int first_value, const TextOf& text_of) {
  static const RE2 kPrintedPage(R"((?i)^page\s+\d{1,5}$)");
  if (first_value <= 1) return {0, 0};
  const auto at = std::find(body.begin(), body.end(), first_line);
  const size_t before = static_cast<size_t>(at - body.begin());
  const size_t want = static_cast<size_t>(first_value - 1);
  if (at == body.end() || before < want) return {0, 0};
  // the lost lines run on with no line between them, and the line right above the first is the printed page's number
  const size_t first_lost = body[before - want];
  if (first_lost == 0 || first_line - first_lost != want || lines[first_lost - 1].page_idx != lines[first_lost].page_idx)
    return {0, 0};
  const std::string_view head = text_of(first_lost - 1);
  if (!RE2::FullMatch(re2::StringPiece(head.data(), head.size()), kPrintedPage)) return {0, 0};
  return {before - want, want};
}

void MarkTranscriptLines(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  static const RE2 kNumber(kMarginNumberPattern);
  constexpr size_t kMinNumbered = 5;
  std::map<int, std::vector<size_t>> by_page;  // body lines of each page, in order
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].ignored) by_page[lines[i].page_idx].push_back(i);
  struct Numbered {
    size_t line;
    int value;      // 0: a locator alone, no number
    size_t length;  // bytes of the locator, the number and the spaces after them
  };
  for (const auto& [page, body] : by_page) {
    auto text_of = [&](size_t li) {
      return std::string_view(pages[page].text).substr(lines[li].begin, lines[li].end - lines[li].begin);
    };
    size_t locators = 0;
    for (size_t li : body)
      if (const std::string_view t = text_of(li); !t.empty() && t[0] >= 'A' && t[0] <= 'Z' &&
                                                  RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), LocatorPattern()))
        ++locators;
    const bool bill = locators >= kMinLocators;
    // The sequence only ascends, but starts again at 1 on the next printed page of a text that holds several (a
    // bill's "START OF PAGE 2"; a Wisconsin bill's first page may hold only a few lines).
    const int restart_after = bill ? 3 : 10;
    std::vector<Numbered> found;
    int last = 0;
    size_t in_sequence = 0, numbered = 0;
    for (size_t li : body) {
      std::string_view text = text_of(li);
      auto accept = [&](int value, bool damaged) {
        if (value == 1 && last >= restart_after) last = 0;
        if (value <= last || (damaged && value != last + 1)) return false;
        if (value == last + 1 || (found.empty() && value <= 3)) ++in_sequence;
        last = value;
        ++numbered;
        return true;
      };
      // The numbers a line may carry next: the next in sequence, or 1 on the next printed page.
      auto next_values = [&]() { return last >= restart_after ? std::vector<int>{last + 1, 1} : std::vector<int>{last + 1}; };
      size_t locator = 0;
      if (bill && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        re2::StringPiece in(text.data(), text.size()), tail;
        if (RE2::Consume(&in, LocatorPattern(), &tail)) {
          locator = static_cast<size_t>(in.data() - text.data());
          text.remove_prefix(locator);
          // The line number run on the locator's last number ("AB484,3,1010": locator 3,10, line 10).
          bool numbered_here = false;
          for (const int expected : next_values()) {
            const std::string number = std::to_string(expected);
            if (tail.size() > number.size() && std::string_view(tail.data(), tail.size()).ends_with(number) &&
                accept(expected, false)) {
              found.push_back(Numbered{li, expected, locator});
              numbered_here = true;
              break;
            }
          }
          if (numbered_here) continue;
        }
      }
      re2::StringPiece in(text.data(), text.size());
      re2::StringPiece token;
      size_t glued = 0;  // only a line that opens with a digit is asked for a glued number (no vector built per line)
      if (MayOpenWithMarginNumber(text) && RE2::Consume(&in, kNumber, &token)) {
        std::string digits(token);
        const bool damaged = digits.find_first_of("l|") != std::string::npos;
        for (char& c : digits)
          if (c == 'l' || c == '|') c = '1';
        if (accept(std::atoi(digits.c_str()), damaged)) {
          found.push_back(Numbered{li, last, locator + static_cast<size_t>(in.data() - text.data())});
          continue;
        }
      } else if (int value = 0; !text.empty() && text[0] >= '0' && text[0] <= '9' &&
                                  (glued = GluedNumber(text, bill, last, next_values(), &value)) > 0) {
        if (accept(value, false)) {
          found.push_back(Numbered{li, value, locator + glued});
          continue;
        }
      }
      if (locator > 0) found.push_back(Numbered{li, 0, locator});
    }
    // A bill's locators show its numbered lines; its analysis and its header, unnumbered, may be much of its page.
    const auto [lost_from, lost] = found.empty() || bill ? std::pair<size_t, size_t>{0, 0}
                                                         : LostMarginNumbers(lines, body, found.front().line, found.front().value, text_of);
    numbered += lost;
    in_sequence += lost;
    // (where lost numbers were found below a "Page N" line, the page's transcript starts there: a hearing's caption
    // above it holds no margin numbers)
    const size_t lines_in_transcript = body.size() - lost_from;
    if (numbered < kMinNumbered || (!bill && numbered * 5 < lines_in_transcript * 3) || in_sequence * 5 < numbered * 4) continue;
    for (size_t k = 0; k < lost; ++k) lines[body[lost_from + k]].printed_line = static_cast<int>(k) + 1;
    for (const Numbered& n : found) {
      Line& l = lines[n.line];
      l.begin += n.length;
      l.printed_line = n.value;
      if (l.begin >= l.end) l.ignored = true;
    }
  }
}

// Code points, not bytes: "aré" is three characters wide. (An ASCII line,
// most, is as wide as it is long: IsAscii reads eight bytes at a time.)
static size_t Width(std::string_view s) {
  if (IsAscii(s)) return s.size();
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<size_t> WrapWidths(const std::vector<Line>& lines, const std::vector<PageText>& pages) {
  // A page needs this many lines to show its margin; the width is the 90th
  // percentile of their lengths, so one stray long line (a URL) does not set it.
  constexpr size_t kMinLines = 6;
  std::vector<std::vector<size_t>> lengths(pages.size());
  for (const Line& l : lines)
    if (!l.ignored) lengths[l.page_idx].push_back(Width(std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin)));
  std::vector<size_t> widths(pages.size(), 0);
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<size_t>& v = lengths[p];
    if (v.size() < kMinLines) continue;
    const size_t at = v.size() * 9 / 10;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
    widths[p] = v[at];
  }
  return widths;
}

bool EndsByWrap(const Line& line, const Line& next, const std::vector<PageText>& pages,
                const std::vector<size_t>& wrap_widths) {
  if (next.blank_before || next.page_idx != line.page_idx) return false;
  const size_t width = wrap_widths[line.page_idx];
  if (width == 0) return false;
  const std::string_view text = pages[line.page_idx].text;
  const std::string_view next_text = text.substr(next.begin, next.end - next.begin);
  const std::string_view next_word = next_text.substr(0, next_text.find(' '));
  return Width(text.substr(line.begin, line.end - line.begin)) + 1 + Width(next_word) > width;
}

std::vector<bool> ParagraphPerLine(const std::vector<Line>& lines, const std::vector<PageText>& pages,
                                   const std::vector<size_t>& wrap_widths) {
  // No printed page sets lines this long; a page too short to show its margin counts when any line is.
  constexpr size_t kUnwrappedWidth = 150;
  std::vector<bool> per_line(pages.size(), false);
  for (size_t p = 0; p < pages.size(); ++p) per_line[p] = wrap_widths[p] >= kUnwrappedWidth;
  for (const Line& l : lines)
    if (!l.ignored && wrap_widths[l.page_idx] == 0 &&
        Width(std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin)) >= kUnwrappedWidth)
      per_line[l.page_idx] = true;
  return per_line;
}

void CutRowInitials(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  // (the text reaches here with its runs of spaces folded, so the column is known by its header and by what repeats)
  // (a log's header: a date or time column and an entry column before it, in capitals or not ("Date  Time  Code  Entry
  // Staff"); "INTRODUCED BY" in a bill in capitals is none)
  static const RE2 kHeader(
      R"re(^(?:[A-Z][A-Za-z/#.&()-]*\s+)*(?i:DATE|TIME)\b(?:[A-Za-z/#.&()-]*\s+)*(?i:ENTRY|ENTRIES|ACTIVITY|EVENTS?|DESCRIPTION|ACTIONS?|NOTES|REMARKS|DETAILS|NARRATIVE)\s+(?:[A-Z][A-Za-z/#.&()-]*\s+)*(?i:INITIALS|INIT\.?|STAFF|BY|OFFICER|OFC\.?|EMP\.?|EMPLOYEE)$)re");
  // (initials, or a staff code of letters and a number: "R-04", a records office's log written for a probe)
  static const RE2 kRowInitials(R"re(\S (([A-Z]{2,4}|[A-Z]{1,3}-\d{1,4}))$)re");
  // Capitals a row's text may end with that are words of the entry, not anyone's initials.
  static const std::set<std::string_view> kWords = {"ICE", "ERO", "DHS", "DOC", "MPD", "OGC", "CBP", "HSI", "FBI", "USMS",
                                                    "DOJ", "INS", "CDF", "CTF", "USA", "NCIC", "AM", "PM", "NO", "YES",
                                                    "OK", "ID", "DC", "US", "CCB", "USAO", "DOB", "FOIA", "KYR"};
  const auto text_of = [&](const Line& l) { return std::string_view(pages[l.page_idx].text).substr(l.begin, l.end - l.begin); };
  size_t first_row = lines.size();
  for (size_t i = 0; i < lines.size() && first_row == lines.size(); ++i) {
    const std::string_view t = text_of(lines[i]);
    if (!lines[i].ignored && RE2::FullMatch(re2::StringPiece(t.data(), t.size()), kHeader)) first_row = i + 1;
  }
  if (first_row >= lines.size()) return;
  std::map<std::string, int> ending;  // initials -> rows ending with them
  std::vector<std::pair<size_t, size_t>> cut;  // line, bytes kept
  for (size_t i = first_row; i < lines.size(); ++i) {
    if (lines[i].ignored) continue;
    const std::string_view t = text_of(lines[i]);
    re2::StringPiece token;
    if (t.size() < 12 || !RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), kRowInitials, &token)) continue;
    // (an entry is written in lower case too: a line in capitals ends with a word, "... ENFORCEMENT IN")
    if (std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    if (kWords.count(std::string_view(token.data(), token.size()))) continue;
    ++ending[std::string(token.data(), token.size())];
    cut.emplace_back(i, static_cast<size_t>(token.data() - t.data()) - 1);
  }
  for (const auto& [i, keep] : cut) {
    const std::string_view t = text_of(lines[i]);
    if (ending[std::string(t.substr(keep + 1))] >= 2) lines[i].end = lines[i].begin + keep;
  }
}

void CutRedlines(std::vector<Line>& lines, const std::vector<PageText>& pages) {
  // (group 1 the whole opener, group 2 the deleting word when it deletes; a scan reads the bracket as a parenthesis or
  // a brace at times: "(INSERTED: B. The Local Government will not house ...]")
  static const RE2 kOpener(
      R"re((?i)([\[({]\s*(?:(DELETED|DELETE|STRICKEN|STRUCK|STRIKE|REMOVED)|INSERTED|INSERT|ADDED|NEW TEXT)\s*:\s*))re");
  // An opener its bracket does not close within this many lines is no markup: its text stays as printed.
  constexpr size_t kLongestMarkup = 40;
  enum class Open { kNone, kDeleted, kInserted };
  Open open = Open::kNone;
  int depth = 0;  // parentheses open inside the markup
  std::vector<Line> out, pending, originals;  // pending: the cut lines since the open bracket; originals: as printed
  out.reserve(lines.size());
  const auto keep_as_printed = [&] {
    out.insert(out.end(), originals.begin(), originals.end());
    pending.clear();
    originals.clear();
    open = Open::kNone;
  };
  for (const Line& line : lines) {
    if (line.ignored) {
      (open == Open::kNone ? out : pending).push_back(line);
      if (open != Open::kNone) originals.push_back(line);
      continue;
    }
    const std::string_view page = pages[line.page_idx].text;
    const bool open_before = open != Open::kNone;
    std::vector<std::pair<size_t, size_t>> kept;  // the line's kept byte ranges
    size_t pos = line.begin;
    while (pos < line.end) {
      const std::string_view rest = page.substr(pos, line.end - pos);
      if (open != Open::kNone) {
        // The closing bracket, or a parenthesis none opened inside the markup (a scan's reading of the bracket:
        // "... booked into the Facility.)", a draft agreement scanned at 100 dpi, written for a probe).
        size_t close = std::string_view::npos;
        for (size_t i = 0; i < rest.size() && close == std::string_view::npos; ++i) {
          if (rest[i] == '(') ++depth;
          else if (rest[i] == ']' || (rest[i] == ')' && depth-- == 0)) close = i;
        }
        if (close == std::string_view::npos) {
          if (open == Open::kInserted) kept.emplace_back(pos, line.end);
          break;
        }
        if (open == Open::kInserted) kept.emplace_back(pos, pos + close);
        open = Open::kNone;
        pos += close + 1;
        continue;
      }
      re2::StringPiece input(rest.data(), rest.size()), whole, deleted;
      if (rest.find(':') == std::string_view::npos || !RE2::PartialMatch(input, kOpener, &whole, &deleted)) {
        kept.emplace_back(pos, line.end);
        break;
      }
      const size_t at = static_cast<size_t>(whole.data() - rest.data());
      kept.emplace_back(pos, pos + at);
      if (!open_before && originals.empty()) originals.push_back(line);  // where the markup opened
      open = deleted.empty() ? Open::kInserted : Open::kDeleted;
      depth = 0;
      pos += at + whole.size();
    }
    std::vector<Line> pieces;
    for (auto [b, e] : kept) {
      const std::string_view part = Trim(page.substr(b, e - b));
      if (part.empty()) continue;
      Line piece = line;
      piece.begin = static_cast<size_t>(part.data() - page.data());
      piece.end = piece.begin + part.size();
      piece.blank_before = pieces.empty() && line.blank_before;
      pieces.push_back(piece);
    }
    if (pieces.empty()) {  // nothing kept: the line is ignored, and a blank line before it passes to the next
      Line dropped = line;
      dropped.ignored = true;
      pieces.push_back(dropped);
    }
    if (open_before || !originals.empty()) {
      if (open_before) originals.push_back(line);
      pending.insert(pending.end(), pieces.begin(), pieces.end());
      if (open == Open::kNone) {  // closed: the cut lines stand
        out.insert(out.end(), pending.begin(), pending.end());
        pending.clear();
        originals.clear();
      } else if (originals.size() > kLongestMarkup) {
        keep_as_printed();
      }
    } else {
      out.insert(out.end(), pieces.begin(), pieces.end());
    }
  }
  if (open != Open::kNone) keep_as_printed();
  lines = std::move(out);
}

}  // namespace foiamine::extractors::internal
