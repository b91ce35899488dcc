#include "search/query_expansion.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

namespace foiamine {
namespace {

// Lower case, the accents of Spanish and French folded ("Liberación" -> "liberacion").
std::string Fold(const std::string& word) {
  static const std::vector<std::pair<std::string, char>> kAccents = {
      {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'},
      {"ï", 'i'}, {"î", 'i'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"ú", 'u'}, {"ü", 'u'}, {"û", 'u'}, {"ñ", 'n'},
      {"ç", 'c'}, {"Á", 'a'}, {"É", 'e'}, {"Í", 'i'}, {"Ó", 'o'}, {"Ú", 'u'}, {"Ü", 'u'}, {"Ñ", 'n'}};
  std::string out;
  for (size_t i = 0; i < word.size();) {
    bool folded = false;
    for (const auto& [from, to] : kAccents) {
      if (word.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) out += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i++])));
  }
  return out;
}

// Splits `s` at '|' outside parentheses and character classes.
std::vector<std::string> TopLevelAlternatives(const std::string& s) {
  std::vector<std::string> out(1);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out.back() += s.substr(i++, 2);
      continue;
    }
    if (in_class) in_class = c != ']';
    else if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')') --depth;
    else if (c == '|' && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

std::string LiteralOfOne(const std::string& alt) {
  std::string literal;
  bool stopped = false;
  size_t i = 0;
  for (; i < alt.size() && !stopped; ++i) {
    const char c = alt[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || static_cast<unsigned char>(c) >= 0x80) {
      // A character made optional by the next '?' (or repeated by '*'/'+') ends the literal before it.
      if (i + 1 < alt.size() && (alt[i + 1] == '?' || alt[i + 1] == '*')) {
        stopped = true;
        break;
      }
      literal += c;
      continue;
    }
    if (c == '[' && literal.size() < 4) {  // a short stem: read the class as its first letter
      const size_t close = alt.find(']', i);
      if (close == std::string::npos) return "";
      char first = 0;
      for (size_t k = i + 1; k < close && !first; ++k) {
        if (std::isalpha(static_cast<unsigned char>(alt[k]))) first = alt[k];
      }
      if (!first || (close + 1 < alt.size() && (alt[close + 1] == '?' || alt[close + 1] == '*'))) return "";
      literal += first;
      i = close;
      continue;
    }
    stopped = true;
    break;
  }
  // A prefix that more words follow ("bond(?:s|ed)? out") would lose them: none.
  if (stopped && alt.find(' ', i) != std::string::npos) return "";
  literal = Fold(literal);
  while (!literal.empty() && (literal.back() == ' ' || literal.back() == '-')) literal.pop_back();
  if (literal.empty() || literal.front() == ' ' || literal.front() == '-') return "";
  const bool phrase = literal.find_first_of(" -") != std::string::npos;
  if (stopped) {
    // A prefix: a single word of 4+ letters (a phrase prefix is too loose).
    if (phrase || literal.size() < 4) return "";
    return literal + "*";
  }
  if (phrase) return "\"" + literal + "\"";
  return literal.size() >= 3 ? literal : "";
}

bool IsOperator(const std::string& w) { return w == "AND" || w == "OR" || w == "NOT"; }

// The query's top-level words: a bare word is rewritten by `rewrite` (which
// returns "" to leave it), everything else is copied. A query with NEAR()
// is left alone: NEAR groups cannot hold OR.
template <typename Rewrite>
std::string RewriteWords(const std::string& fts, Rewrite rewrite, bool phrases_too) {
  if (fts.find("NEAR(") != std::string::npos) return fts;
  // FTS5 reads "a b" as a AND b, but not "a (b OR c)" (a syntax error): where
  // one operand follows another the AND is written out, which means the same.
  std::string out;
  bool after_operand = false;
  const auto operand = [&](const std::string& text) {
    if (after_operand) out += "AND ";
    out += text;
    after_operand = true;
  };
  size_t i = 0;
  while (i < fts.size()) {
    const char c = fts[i];
    if (c == '"') {
      size_t close = fts.find('"', i + 1);
      if (close == std::string::npos) return fts;
      const bool prefix = close + 1 < fts.size() && fts[close + 1] == '*';
      std::string phrase = fts.substr(i, close + 1 - i);
      std::string r = phrases_too && !prefix ? rewrite(phrase) : "";
      operand(r.empty() ? phrase : r);
      i = close + 1;
      continue;
    }
    if (c == '(' || c == '^') {
      if (after_operand) out += "AND ";
      after_operand = false;
      out += c;
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c)) || c == ')' || c == ',' || c == '*' || c == '+' || c == ':') {
      out += c;
      if (c == ')') after_operand = true;
      if (c == '+' || c == ':' || c == ',') after_operand = false;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < fts.size() && !std::isspace(static_cast<unsigned char>(fts[end])) &&
           std::string("()\",*+^:").find(fts[end]) == std::string::npos)
      ++end;
    std::string word = fts.substr(i, end - i);
    if (IsOperator(word)) {
      out += word;
      after_operand = false;
    } else {
      const bool special = end < fts.size() && (fts[end] == '*' || fts[end] == ':');
      std::string r = special ? "" : rewrite(word);
      if (end < fts.size() && fts[end] == ':') {  // a column name: its term follows
        if (after_operand) out += "AND ";
        out += word;
        after_operand = false;
      } else {
        operand(r.empty() ? word : r);
      }
    }
    i = end;
  }
  return out;
}

// The unicode61 tokens of a term: runs of ASCII letters/digits and non-ASCII bytes, lowercased.
std::vector<std::string> Tokens(const std::string& term) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : Fold(term)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Readings of a token with one OCR confusion.
std::vector<std::string> OcrVariants(const std::string& token) {
  static const std::vector<std::pair<std::string, std::string>> kConfusions = {
      {"i", "l"}, {"i", "1"}, {"l", "i"}, {"l", "1"}, {"1", "i"}, {"1", "l"}, {"o", "0"}, {"0", "o"},
      {"s", "5"}, {"5", "s"}, {"b", "8"}, {"8", "b"}, {"g", "9"}, {"9", "g"}, {"rn", "m"}, {"m", "rn"}};
  std::vector<std::string> out;
  for (const auto& [from, to] : kConfusions) {
    for (size_t at = token.find(from); at != std::string::npos; at = token.find(from, at + 1)) {
      std::string v = token;
      v.replace(at, from.size(), to);
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += (s.empty() ? "" : " ") + t;
  return s;
}

}  // namespace

StatusOr<QueryLexicons> LoadQueryLexicons(const std::string& rulebook_path) {
  QueryLexicons out;
  try {
    const YAML::Node lexicons = YAML::LoadFile(rulebook_path)["lexicons"];
    for (const auto& lexicon : lexicons) {
      auto& alts = out.alternatives[lexicon.first.as<std::string>()];
      for (const auto& alt : lexicon.second) alts.push_back(alt.as<std::string>());
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument("cannot read the lexicons of " + rulebook_path + ": " + e.what());
  }
  return out;
}

std::string LiteralForm(const std::string& alternative) {
  if (alternative.find('{') != std::string::npos || alternative.rfind("(?", 0) == 0) return "";
  std::string forms;
  for (const std::string& one : TopLevelAlternatives(alternative)) {
    std::string f = LiteralOfOne(one);
    if (!f.empty()) forms += (forms.empty() ? "" : " OR ") + f;
  }
  return forms;
}

RewrittenQuery ExpandQuery(const std::string& fts, const QueryLexicons& lexicons) {
  RewrittenQuery q;
  // Each alternative compiled once: whole-word, case-insensitive, on the folded word.
  struct Compiled {
    std::string lexicon;
    std::unique_ptr<RE2> re;
  };
  static thread_local std::vector<Compiled> compiled;
  static thread_local const QueryLexicons* compiled_for = nullptr;
  if (compiled_for != &lexicons) {
    compiled.clear();
    for (const auto& [name, alts] : lexicons.alternatives) {
      for (const auto& alt : alts) {
        if (alt.find('{') != std::string::npos) continue;
        RE2::Options options;
        options.set_case_sensitive(false);
        options.set_log_errors(false);
        auto re = std::make_unique<RE2>("(?:" + alt + ")", options);
        if (re->ok()) compiled.push_back({name, std::move(re)});
      }
    }
    compiled_for = &lexicons;
  }
  q.fts = RewriteWords(
      fts,
      [&](const std::string& word) -> std::string {
        const std::string folded = Fold(word);
        std::set<std::string> forms;
        std::vector<std::string> names;
        for (const Compiled& c : compiled) {
          if (!RE2::FullMatch(folded, *c.re)) continue;
          if (std::find(names.begin(), names.end(), c.lexicon) != names.end()) continue;
          names.push_back(c.lexicon);
          for (const std::string& alt : lexicons.alternatives.at(c.lexicon)) {
            std::string f = LiteralForm(alt);
            if (!f.empty()) forms.insert(f);
          }
        }
        if (forms.empty()) return "";
        std::string group = "(" + word;
        std::string listed;
        for (const std::string& f : forms) {
          group += " OR " + f;
          listed += (listed.empty() ? "" : ", ") + f;
        }
        RE2::GlobalReplace(&listed, " OR ", ", ");
        std::string lexicon_names;
        for (const auto& n : names) lexicon_names += (lexicon_names.empty() ? "" : ", ") + n;
        q.notes.push_back(word + " -> rulebook lexicon " + lexicon_names + ": " + listed);
        return group + ")";
      },
      /*phrases_too=*/false);
  if (!q.changed()) q.fts = fts;
  return q;
}

RewrittenQuery FuzzyQuery(const std::string& fts) {
  RewrittenQuery q;
  constexpr size_t kMaxReadings = 12;
  q.fts = RewriteWords(
      fts,
      [&](const std::string& term) -> std::string {
        const std::vector<std::string> tokens = Tokens(term);
        if (tokens.empty()) return "";
        std::vector<std::string> readings{Join(tokens)};
        auto add = [&](const std::vector<std::string>& t) {
          std::string r = Join(t);
          if (!r.empty() && readings.size() < kMaxReadings &&
              std::find(readings.begin(), readings.end(), r) == readings.end())
            readings.push_back(r);
        };
        // Without its one-letter tokens ("I-247A" OCR'd as "|-247A" is "247a").
        if (tokens.size() > 1) {
          std::vector<std::string> kept;
          for (const auto& t : tokens) {
            if (t.size() > 1) kept.push_back(t);
          }
          if (!kept.empty()) add(kept);
        }
        for (size_t i = 0; i < tokens.size(); ++i) {
          for (const std::string& v : OcrVariants(tokens[i])) {
            std::vector<std::string> t = tokens;
            t[i] = v;
            add(t);
          }
        }
        if (readings.size() == 1) return "";
        std::string group, listed;
        for (const auto& r : readings) {
          group += (group.empty() ? "(" : " OR ") + ("\"" + r + "\"");
          listed += (listed.empty() ? "" : ", ") + r;
        }
        q.notes.push_back(term + " -> OCR readings: " + listed);
        return group + ")";
      },
      /*phrases_too=*/true);
  if (!q.changed()) q.fts = fts;
  return q;
}

}  // namespace foiamine
