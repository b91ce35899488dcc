#include "pipeline/ocr_triage.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cctype>
#include <cstdio>
#include <string_view>

#include "base/utf8.h"

namespace foiamine {
namespace {

// ASCII character classes of the non-word test, one table lookup per byte:
// it runs on every word of every text page (it was 5% of the writer's
// time with std::isalpha and string searches). Bytes >= 0x80 have none.
enum : uint8_t {
  kLetter = 1,      // A-Z a-z
  kUpper = 2,       // A-Z
  kVowel = 4,       // aeiouy AEIOUY
  kDigit = 8,       // 0-9
  kInWord = 16,     // punctuation a word may hold: - ' . / , & : @ _ % $ # + = ( ) [ ]
  kTrimPunct = 32,  // punctuation trimmed off a word's ends: . , ; : ! ? " ' ( ) [ ] { } * < >
};

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] |= kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] |= kLetter | kUpper;
  for (char c : std::string_view("aeiouyAEIOUY")) classes[static_cast<unsigned char>(c)] |= kVowel;
  for (int c = '0'; c <= '9'; ++c) classes[c] |= kDigit;
  for (char c : std::string_view("-'./,&:@_%$#+=()[]")) classes[static_cast<unsigned char>(c)] |= kInWord;
  for (char c : std::string_view(".,;:!?\"'()[]{}*<>")) classes[static_cast<unsigned char>(c)] |= kTrimPunct;
  return classes;
}
constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();

uint8_t ClassOf(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c < 0x80 ? kAsciiClasses[c] : 0;
}

bool IsTrimPunct(char c) { return (ClassOf(c) & kTrimPunct) != 0; }

}  // namespace

bool IsNonWord(const std::string& word) {
  // Byte-level checks for what bad PDF producers leave behind.
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (c == 0xEF && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0xBF &&
        static_cast<unsigned char>(word[i + 2]) == 0xBD) {
      return true;  // U+FFFD replacement character
    }
    if (c == 0xEE || (c == 0xEF && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) <= 0xA3)) {
      return true;  // U+E000..U+F8FF private use: glyph ids without a Unicode mapping
    }
  }
  size_t b = 0, e = word.size();
  while (b < e && IsTrimPunct(word[b])) ++b;
  while (e > b && IsTrimPunct(word[e - 1])) --e;
  std::string_view core(word.data() + b, e - b);
  if (core.empty()) return word.size() >= 3;  // "!\"#$" and the like; short bullets and dashes are fine
  bool has_vowel = false, has_non_ascii = false, has_digit = false;
  int letters = 0, uppers = 0;
  for (char ch : core) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      has_non_ascii = true;
      continue;
    }
    const uint8_t cls = ClassOf(ch);
    if (cls & kLetter) {
      ++letters;
      uppers += (cls & kUpper) != 0;
      has_vowel = has_vowel || (cls & kVowel) != 0;
      continue;
    }
    if (cls & kDigit) {
      has_digit = true;
      continue;
    }
    if (cls & kInWord) continue;
    return true;  // ^ ~ | \ ` inside a word
  }
  if (letters == 0 && !has_digit && !has_non_ascii && core.size() >= 2) return true;  // "#$%"
  if (letters >= 5 && !has_vowel && !has_non_ascii && uppers != letters) return true;
  return false;
}

size_t CountSplitModals(const std::vector<SourceWord>& words) {
  // Every split of these modals leaves a piece that is no word ("sha", "ll",
  // "w", "mu"), so a pair that joins into one is a split, not two words.
  static constexpr std::string_view kModals[] = {"shall", "will", "must", "should"};
  size_t count = 0;
  std::string joined;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& a = words[i].text;
    const std::string& b = words[i + 1].text;
    if (words[i].after != Break::kSpace || a.empty() || b.empty() || a.size() + b.size() > 6) continue;
    joined.clear();  // (lower-cased in place: no string built per pair on this per-page path)
    for (const std::string* piece : {&a, &b})
      for (char c : *piece) joined.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (std::find(std::begin(kModals), std::end(kModals), joined) != std::end(kModals)) ++count;
  }
  return count;
}

size_t CountMisreadWords(const std::vector<SourceWord>& words) {
  // Words no printed English holds: two short words run together ("inthe", "ofthe", "ofany": the spaces a bad layer
  // lost) and modals a bad layer misread ("wil", "wal", "shal", "sha11", "rnust"). (Not "be" + "an", a word.)
  static constexpr std::string_view kFirst[] = {"in", "of", "to", "and", "for", "on", "by", "at", "from", "with"};
  static constexpr std::string_view kSecond[] = {"the", "any", "this", "that", "such", "an"};
  static constexpr std::string_view kMisreadModals[] = {"wil", "wal", "wiil", "wi11", "shal", "shali", "shail",
                                                        "sha11", "rnust", "rnay", "shouid", "wouid"};
  size_t count = 0;
  std::string token;
  for (const SourceWord& word : words) {
    token.clear();
    for (char c : word.text)
      if (!IsTrimPunct(c)) token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (token.size() < 3 || token.size() > 9) continue;
    if (std::find(std::begin(kMisreadModals), std::end(kMisreadModals), token) != std::end(kMisreadModals)) {
      ++count;
      continue;
    }
    for (std::string_view first : kFirst) {
      if (token.size() <= first.size() || std::string_view(token).substr(0, first.size()) != first) continue;
      const std::string_view second = std::string_view(token).substr(first.size());
      if (std::find(std::begin(kSecond), std::end(kSecond), second) != std::end(kSecond)) {
        ++count;
        break;
      }
    }
  }
  return count;
}

OcrDecision TriagePage(const SourcePage& page, bool force) {
  if (page.needs_ocr) return {true, page.ocr_reason.empty() ? "no usable text layer" : page.ocr_reason};
  if (force) return {true, "forced (--force-ocr)"};
  const size_t n = page.words.size();
  if (n >= static_cast<size_t>(kMinWordsForGarbageTest)) {
    size_t bad = 0;
    for (const auto& w : page.words) bad += IsNonWord(w.text);
    if (static_cast<double>(bad) > kMaxNonWordFraction * static_cast<double>(n)) {
      char reason[96];
      std::snprintf(reason, sizeof reason, "text layer is mostly non-words (%zu of %zu)", bad, n);
      return {true, reason};
    }
  }
  // A scan's OCR layer that splits words ("sha ll", "w ill", "a rrest"): its
  // sentences would be read in pieces; Tesseract reads the picture whole.
  if (const size_t split = CountSplitModals(page.words); split >= static_cast<size_t>(kMinSplitModals)) {
    char reason[96];
    std::snprintf(reason, sizeof reason, "text layer splits words (%zu modals like \"sha ll\")", split);
    return {true, reason};
  }
  // ... or runs words together and misreads its modals ("inthe intake area ofthe Central", "DOC wil nt had"): a bad
  // scanner's layer over a picture Tesseract reads better (a draft agreement scanned and captioned by a poor OCR).
  if (const size_t misread = CountMisreadWords(page.words);
      n >= static_cast<size_t>(kMinWordsForGarbageTest) && misread >= static_cast<size_t>(kMinMisreadWords)) {
    char reason[96];
    std::snprintf(reason, sizeof reason, "text layer runs words together or misreads them (%zu like \"ofthe\")", misread);
    return {true, reason};
  }
  if (n < static_cast<size_t>(kFewWords) && page.ink_outside_text && *page.ink_outside_text > kImageInkFraction) {
    char reason[128];
    std::snprintf(reason, sizeof reason, "little text (%zu words) on a page that carries an image (%.0f%% ink outside it)",
                  n, *page.ink_outside_text * 100);
    return {true, reason};
  }
  return {};
}

}  // namespace foiamine
