#include "search/query_text.h"

#include <cctype>

namespace foiamine {
namespace {

// FTS5's bareword characters: ASCII letters, digits, '_', and any non-ASCII byte.
bool BarewordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

bool IsOperator(const std::string& word) { return word == "AND" || word == "OR" || word == "NOT" || word == "+"; }

// Balance of '(' over ')' in `s`.
int OpenParens(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '(' ? 1 : c == ')' ? -1 : 0;
  return n;
}

// One whitespace-separated run outside quotes, rewritten.
std::string Rewrite(std::string run, PreparedQuery& q) {
  // Concept terms.
  for (const char* key : {"topic:", "stance:"}) {
    const std::string k = key;
    if (run.size() > k.size() && run.compare(0, k.size(), k) == 0) {
      std::string value = run.substr(k.size());
      bool word = true;
      for (char c : value) word = word && (BarewordChar(c) || c == '-');
      if (word) {
        (k == "topic:" ? q.topic : q.stance) = value;
        return "";
      }
    }
  }
  std::string head, tail;
  if (run.rfind("NEAR(", 0) == 0) {
    head = "NEAR(";
    run = run.substr(5);
  }
  while (!run.empty() && run.front() == '(') {
    head += '(';
    run.erase(0, 1);
  }
  while (!run.empty() && (run.back() == ',' || (run.back() == ')' && OpenParens(run) < 0))) {
    tail.insert(tail.begin(), run.back());
    run.pop_back();
  }
  std::string star;
  if (!run.empty() && run.back() == '*') {
    star = "*";
    run.pop_back();
  }
  bool bare = !run.empty();
  for (char c : run) bare = bare && BarewordChar(c);
  const bool keep = run.empty() || bare || IsOperator(run) || run.find_first_not_of('+') == std::string::npos ||
                    (run.front() == '^' && run.size() > 1) || run.rfind("text:", 0) == 0 || run.find('"') != std::string::npos ||
                    !BarewordChar(run.front());
  if (keep) return head + run + star + tail;
  q.quoted.push_back(run);
  return head + "\"" + run + "\"" + star + tail;
}

}  // namespace

PreparedQuery PrepareQuery(const std::string& query) {
  PreparedQuery q;
  std::string out, run;
  auto flush = [&] {
    if (run.empty()) return;
    std::string rewritten = Rewrite(run, q);
    const bool attach = !rewritten.empty() && (rewritten[0] == '*' || rewritten[0] == ')' || rewritten[0] == ',');
    if (!rewritten.empty()) out += (out.empty() || out.back() == ' ' || attach ? "" : " ") + rewritten;
    run.clear();
  };
  bool in_quotes = false;   // a phrase standing alone, copied as it is
  bool run_quotes = false;  // a phrase inside a run ('("a b"', 'NEAR("a b"')
  for (size_t i = 0; i < query.size(); ++i) {
    const char c = query[i];
    if (in_quotes) {
      out += c;
      if (c == '"') in_quotes = false;
      continue;
    }
    if (c == '"' && run.empty()) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      out += c;
      in_quotes = true;
      continue;
    }
    if (c == '"') run_quotes = !run_quotes;
    if (!run_quotes && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      flush();
      continue;
    }
    run += c;
  }
  flush();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  q.fts = out;
  return q;
}

}  // namespace foiamine
