#include "extractors/split_words.h"

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace foiamine::extractors::internal {
namespace {

// ASCII letters by byte: RepairSplitKeyWords tests every byte of every unit, and a table lookup is cheaper than
// the two range comparisons.
constexpr std::array<bool, 256> kAsciiLetters = [] {
  std::array<bool, 256> letters{};
  for (int c = 'a'; c <= 'z'; ++c) letters[c] = letters[c - 'a' + 'A'] = true;
  return letters;
}();

bool IsLetter(char c) { return kAsciiLetters[static_cast<unsigned char>(c)]; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The words the rulebook's anchors and cues are made of (modals, the topics'
// verbs and nouns): a join must give one of them.
const std::unordered_set<std::string_view>& KeyWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "shall", "must", "should", "will", "would", "may", "might", "cannot", "arrest", "arrested", "arrests",
      "arresting", "detain", "detained", "detaining", "detainer", "detainers", "detention", "custody", "release",
      "released", "releases", "releasing", "notify", "notified", "notifying", "notification", "notifications",
      "warrant", "warrants", "judicial", "agreement", "agreements", "memorandum", "officer", "officers",
      "personnel", "alien", "aliens", "interrogate", "interrogation", "deconflict", "deconfliction", "removal",
      "removable", "deportation", "deport", "deported", "status", "citizenship", "citizen", "inquire", "inquiry",
      "inquiries", "honor", "honored", "comply", "compliance", "transport", "transportation", "transfer",
      "transferred", "cooperate", "cooperation", "federal", "information", "authority", "authorized", "authorize",
      "prohibited", "prohibit", "immigration", "immigrant", "immigrants", "enforcement", "enforce", "enforcing",
      "agency", "agencies", "sheriff", "jail", "inmate", "inmates", "prisoner", "prisoners", "administrative",
      "criminal", "civil", "request", "requests", "requested", "participate", "participating", "participation", "supervision",
      "direction", "function", "functions", "perform", "performing", "process", "processing", "allow", "allowed",
      "permit", "permitted", "require", "required", "requires", "provide", "provided", "share", "sharing",
      "access", "interview", "interviews", "subpoena"};
  return kWords;
}

// English words that may be a piece of a key word ("in form", "not ice",
// "rest", "ration"): two such pieces are left apart.
const std::unordered_set<std::string_view>& CommonWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on",
      "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "but", "can", "did", "for", "had", "has",
      "her", "him", "his", "its", "man", "men", "not", "now", "off", "one", "our", "out", "own", "per", "see",
      "she", "the", "too", "two", "use", "was", "way", "who", "you", "act", "age", "aid", "air", "arm", "art",
      "ask", "day", "due", "end", "era", "eye", "far", "fee", "few", "fit", "get", "ice", "job", "key", "law",
      "lay", "let", "lie", "low", "new", "old", "pay", "put", "ran", "red", "run", "sit", "ten", "tie", "top",
      "try", "war", "win", "yet", "form", "rest", "tent", "ant", "ion", "ate", "hold", "over", "able",
      "ally", "cite", "deal", "even", "ever", "file", "fine", "from", "give", "have", "here", "into", "just",
      "keep", "kind", "last", "late", "lead", "less", "like", "line", "list", "long", "made", "main", "make",
      "many", "mark", "mean", "meet", "more", "most", "move", "much", "name", "near", "need", "next", "none",
      "note", "only", "open", "part", "pass", "past", "plan", "port", "post", "rate", "read", "rely", "role",
      "rule", "safe", "said", "same", "self", "send", "show", "side", "sign", "some", "such", "sure", "take",
      "tell", "term", "than", "that", "them", "then", "they", "this", "time", "told", "tone", "took", "true",
      "turn", "type", "unit", "upon", "used", "very", "view", "ward", "ware", "well", "were", "what", "when",
      "whom", "with", "word", "work", "year", "your", "ill", "lien", "liens", "tail", "ration"};
  return kWords;
}

// Which joins can be a key word at all, by length, first and last letter:
// bit (last - 'a') of kShapes[length][first - 'a']. Most pairs of adjacent
// words fail this and skip the lowercased copy and the hash lookup, which
// were most of this function's cost (it reads every unit of every document).
using KeyShapes = std::array<std::array<uint32_t, 26>, 25>;
const KeyShapes& KeyWordShapes() {
  static const KeyShapes kShapes = [] {
    KeyShapes shapes{};
    for (std::string_view word : KeyWords())
      if (word.size() < shapes.size()) shapes[word.size()][word.front() - 'a'] |= 1u << (word.back() - 'a');
    return shapes;
  }();
  return kShapes;
}

}  // namespace

bool HasSplitModals(std::string_view text) {
  static const RE2 kSplitModal(kSplitModalPattern);
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kSplitModal);
}

void RepairSplitKeyWords(FoldedText& folded) {
  const auto& keys = KeyWords();
  const auto& common = CommonWords();
  const KeyShapes& shapes = KeyWordShapes();
  const std::string_view text = folded.text;  // (read only: the spaces go out at the end)
  std::vector<size_t> removed;  // positions (in the text as it was) of the spaces taken out
  std::array<char, 24> joined{};
  // The second word of the pair last looked at, whose end is known: it is
  // the first word of the next pair, not scanned twice.
  size_t known_begin = std::string_view::npos, known_end = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      ++i;
      continue;
    }
    const size_t a = i;
    if (a == known_begin) i = known_end;
    while (i < text.size() && IsLetter(text[i])) ++i;
    const size_t a_end = i;
    if (i + 1 >= text.size() || text[i] != ' ' || !IsLetter(text[i + 1])) continue;
    const size_t b = i + 1;
    size_t b_end = b;
    while (b_end < text.size() && IsLetter(text[b_end])) ++b_end;
    known_begin = b;
    known_end = b_end;
    const size_t first = a_end - a, second = b_end - b;
    if (first + second < 4 || first + second > joined.size()) continue;
    if (((shapes[first + second][Lower(text[a]) - 'a'] >> (Lower(text[b_end - 1]) - 'a')) & 1) == 0) continue;
    for (size_t k = 0; k < first; ++k) joined[k] = Lower(text[a + k]);
    for (size_t k = 0; k < second; ++k) joined[first + k] = Lower(text[b + k]);
    const std::string_view word(joined.data(), first + second);
    if (!keys.count(word)) continue;
    const std::string_view x = word.substr(0, first), y = word.substr(first);
    if ((common.count(x) || keys.count(x)) && (common.count(y) || keys.count(y))) continue;
    removed.push_back(a_end);
    i = b_end;
  }
  EraseFromFolded(folded, removed, 1);  // the spaces out, the map to the original kept
}

void RepairGluedWords(FoldedText& folded) {
  static const RE2 kGlued(kGluedWordPattern);
  re2::StringPiece in(folded.text), modal, verb, no, subject, little_word, its_next, word, acronym, actor_modal;
  std::vector<size_t> at;
  const char* const base = folded.text.data();
  while (RE2::FindAndConsume(&in, kGlued, &modal, &verb, &no, &subject, &little_word, &its_next, &word, &acronym,
                             &actor_modal)) {
    if (!modal.empty()) {
      // ("maybe" is a word)
      if (modal.size() == 3 && Lower(modal[0]) == 'm' && verb.size() == 2 && Lower(verb[0]) == 'b') continue;
      at.push_back(static_cast<size_t>(verb.data() - base));
    } else if (!no.empty()) {
      at.push_back(static_cast<size_t>(subject.data() - base));
    } else if (!little_word.empty()) {
      at.push_back(static_cast<size_t>(its_next.data() - base));
    } else if (!word.empty()) {
      at.push_back(static_cast<size_t>(acronym.data() - base));
    } else {
      at.push_back(static_cast<size_t>(actor_modal.data() - base));
    }
  }
  InsertSpacesIntoFolded(folded, at);
}

}  // namespace foiamine::extractors::internal
