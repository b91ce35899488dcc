#include "extractors/run_in_list.h"

#include <re2/re2.h>

#include <cctype>
#include <optional>

namespace foiamine::extractors::internal {
namespace {

// A roman numeral of i, v, x (a run-in list's items stop long before "l").
std::optional<int> RomanValue(std::string_view token) {
  if (token.empty() || token.size() > 4) return std::nullopt;
  auto digit = [](char c) { return c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : 0; };
  int value = 0;
  for (size_t k = 0; k < token.size(); ++k) {
    const int d = digit(token[k]);
    if (d == 0) return std::nullopt;
    const int next = k + 1 < token.size() ? digit(token[k + 1]) : 0;
    value += d < next ? -d : d;
  }
  return value;
}

struct Candidate {
  size_t sep_at = std::string_view::npos;  // the ':' or ';' before the marker; npos: the sentence starts with it
  size_t marker_at = 0;
  std::string token;
  bool dotted = false;  // "1." rather than "(1)"
};

// "(B) " at the start of a sentence, or "2. " followed by a capital (a dotted list's next item).
std::optional<Candidate> LeadingMarker(std::string_view sentence) {
  static const RE2 kLeading(R"(^(\s*)\(([0-9]{1,2}|[a-z]{1,2}|[A-Z]|[ivx]{1,4})\)\s)");
  static const RE2 kLeadingDotted(R"(^(\s*)([0-9]{1,2})\.\s+[A-Z])");
  re2::StringPiece in(sentence.data(), sentence.size()), space, token;
  if (RE2::PartialMatch(in, kLeading, &space, &token)) return Candidate{std::string_view::npos, space.size(), std::string(token)};
  if (RE2::PartialMatch(in, kLeadingDotted, &space, &token))
    return Candidate{std::string_view::npos, space.size(), std::string(token), true};
  return std::nullopt;
}

// The level style of a candidate: a dotted number is a style of its own ("1." items never continue "(1)" ones).
// (and a letter printed "a." one of its own: "a." items never continue "(a)" ones)
char StyleOf(const Candidate& c, std::string_view after) {
  if (!c.dotted) return RunInStyle(c.token, after);
  return std::isdigit(static_cast<unsigned char>(c.token[0])) ? 'd' : 'l';
}

}  // namespace

char RunInStyle(std::string_view token, std::string_view after) {
  if (token.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(token[0]);
  if (std::isdigit(c)) return '1';
  if (std::isupper(c)) return 'A';
  if (!RomanValue(token)) return 'a';
  if (token.size() > 1) return 'i';
  // "(i)", "(v)", "(x)": a letter after "(h)", "(u)", "(w)"; otherwise the first roman item or one after a roman
  if (!after.empty()) return RunInStyle(after) == 'a' ? 'a' : 'i';
  return token[0] == 'i' ? 'i' : 'a';
}

bool FollowsInList(std::string_view previous, std::string_view token, char style) {
  if (previous.empty() || token.empty()) return false;
  switch (style) {
    case '1':
    case 'd': {
      int a = 0, b = 0;
      for (char c : previous) a = a * 10 + (c - '0');
      for (char c : token) b = b * 10 + (c - '0');
      return b == a + 1;
    }
    case 'a':
    case 'A':
    case 'l':
      return previous.size() == 1 && token.size() == 1 && token[0] == previous[0] + 1;
    case 'i': {
      const std::optional<int> a = RomanValue(previous), b = RomanValue(token);
      return a && b && *b == *a + 1;
    }
    default:
      return false;
  }
}

RunInSentence RunInList::Next(std::string_view sentence, std::string_view next_sentence) {
  RunInSentence out;
  std::vector<Candidate> candidates;
  // Does the sentence carry on a level of the open list ("(B) ..." after "(A) ...")?
  int continued_level = -1;
  if (!levels_.empty()) {
    if (std::optional<Candidate> lead = LeadingMarker(sentence)) {
      for (int j = static_cast<int>(levels_.size()) - 1; j >= 0 && continued_level < 0; --j) {
        const char style = StyleOf(*lead, levels_[j].token);
        if (style == levels_[j].style && FollowsInList(levels_[j].token, lead->token, style))
          continued_level = j;
      }
      if (continued_level >= 0) candidates.push_back(*lead);
    }
    if (continued_level < 0) levels_.clear();
  }
  // Items after a ':' or ';' inside the sentence: "shall not: (1) hold ...; (2) provide ...".
  static const RE2 kItem(R"(([:;]\s*(?:and\s+|or\s+)?)\(([0-9]{1,2}|[a-z]{1,2}|[A-Z]|[ivx]{1,4})\)\s)");
  // (An item needs a ':' or ';' and a '(': most sentences have neither.)
  if (sentence.find('(') != std::string_view::npos && sentence.find_first_of(":;") != std::string_view::npos) {
    re2::StringPiece in(sentence.data(), sentence.size()), sep, token;
    while (RE2::FindAndConsume(&in, kItem, &sep, &token)) {
      const size_t at = static_cast<size_t>(sep.data() - sentence.data());
      // a list opens after a ':'
      if (candidates.empty() && sentence[at] != ':') continue;
      candidates.push_back(Candidate{at, sentence.find('(', at), std::string(token)});
    }
  }
  // ... or letters printed with periods, run in after a ':' and a ';' each, in sequence from "a.": "shall not
  // inquire about a person's immigration status unless: a. such person's immigration status is necessary for ...;
  // or b. such officer or employee is required by law to inquire ..." (a flattened copy of a county's order).
  if (candidates.empty() && levels_.empty() && sentence.find(':') != std::string_view::npos) {
    static const RE2 kLetterItem(R"(([:;]\s*(?:and\s+|or\s+)?)([a-z])\.\s+\S)");
    re2::StringPiece in(sentence.data(), sentence.size()), sep, token;
    std::vector<Candidate> letters;
    while (RE2::FindAndConsume(&in, kLetterItem, &sep, &token)) {
      const size_t at = static_cast<size_t>(sep.data() - sentence.data());
      const std::string letter(token);
      if (letters.empty() ? sentence[at] != ':' || letter != "a" : sentence[at] != ';' || !FollowsInList(letters.back().token, letter, 'l'))
        continue;
      letters.push_back(Candidate{at, static_cast<size_t>(token.data() - sentence.data()), letter, true});
    }
    if (letters.size() >= 2) candidates = std::move(letters);
  }
  // ... and "shall: 1. Stop ...": one item numbered with a period after the ':' (its next item starts the next
  // sentence, "2. Inquire ...").
  // (It follows a ':': most sentences have none, and skip the pattern.)
  if (candidates.empty() && levels_.empty() && sentence.find(':') != std::string_view::npos) {
    static const RE2 kDottedItem(R"((:\s*)([0-9]{1,2})\.\s+[A-Z])");
    re2::StringPiece in(sentence.data(), sentence.size()), sep, token;
    if (RE2::PartialMatch(in, kDottedItem, &sep, &token) && token == "1") {
      const size_t at = static_cast<size_t>(sep.data() - sentence.data());
      candidates.push_back(Candidate{at, static_cast<size_t>(token.data() - sentence.data()), std::string(token), true});
    }
  }
  if (continued_level < 0) {
    if (candidates.empty()) return out;
    bool list = candidates.size() >= 2;
    if (!list) {
      // One item after the ':' is a list only when the next sentence carries it on.
      const std::optional<Candidate> next = LeadingMarker(next_sentence);
      const char style = StyleOf(candidates[0], {});
      list = next && StyleOf(*next, candidates[0].token) == style &&
             FollowsInList(candidates[0].token, next->token, style);
    }
    if (!list) return out;
    out.opens_list = true;
    out.lead_end = candidates[0].sep_at + 1;
  }

  for (size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    RunInItem item;
    item.begin = c.marker_at;
    item.end = k + 1 < candidates.size() ? candidates[k + 1].sep_at + 1 : sentence.size();
    item.token = c.token;
    item.dotted = c.dotted;
    const char style = StyleOf(c, levels_.empty() ? std::string_view() : std::string_view(levels_.back().token));
    if (k == 0 && out.opens_list) {
      levels_.assign(1, Open{style, c.token, -1});
      item.parent = -1;
    } else if (k == 0) {
      levels_.resize(static_cast<size_t>(continued_level) + 1);
      levels_.back().token = c.token;
      item.parent = levels_.back().parent;
    } else {
      int found = -1;
      for (int j = static_cast<int>(levels_.size()) - 1; j >= 0 && found < 0; --j) {
        const char level_style = StyleOf(c, levels_[j].token);
        if (level_style == levels_[j].style && FollowsInList(levels_[j].token, c.token, level_style))
          found = j;
      }
      if (found >= 0) {
        levels_.resize(static_cast<size_t>(found) + 1);
        levels_.back().token = c.token;
        item.parent = levels_.back().parent;
      } else if (sentence[c.sep_at] == ':' && style != levels_.back().style) {
        // "(1) Use ... including any of the following:(A) Inquiring ...": a list inside the item before
        levels_.push_back(Open{style, c.token, items_seen_ - 1});
        item.parent = items_seen_ - 1;
      } else {
        // out of sequence: a sibling of the items before, as printed
        levels_.back().token = c.token;
        item.parent = levels_.back().parent;
      }
    }
    ++items_seen_;
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace foiamine::extractors::internal
