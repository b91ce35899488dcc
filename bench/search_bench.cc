// search_bench INDEX.db [--runs R] [--no-shell]: search latency over a large index.
//
// For a word, a phrase, a NEAR and a filtered query (and, as the worst case,
// a word found on most pages), runs each R times (after
// one warm-up) through foiamine's Search() in process (bm25 order, snippet,
// citation, limit 20, like `foiamine search`), then the equivalent SQL in
// the stock `sqlite3` shell on the same file (`.timer on`, same MATCH,
// bm25 order, snippet, limit 20), and prints median and p95 of both in ms.
// The enrichment's cost: each of the R runs is followed by the same search
// without the hits' clause records and divergences
// (SearchOptions::hit_clauses = false), and its median and p95 are printed
// beside. --no-shell skips the sqlite3 shell.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>
#include <string>
#include <vector>

#include "index/reader.h"
#include "search/search.h"

namespace {

struct Query {
  std::string name, fts, authority;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::string SqlQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The same query in the sqlite3 shell, R times; returns each "Run Time: real".
std::vector<double> ShellTimes(const std::string& db, const Query& q, int runs) {
  std::string sql =
      "SELECT d.sha256, p.page_no, snippet(pages_fts, 0, '[', ']', '…', 16) FROM pages_fts "
      "JOIN pages p ON p.id = pages_fts.rowid JOIN documents d ON d.id = p.document_id "
      "WHERE pages_fts MATCH " + SqlQuote(q.fts) +
      (q.authority.empty() ? "" : " AND d.authority = " + SqlQuote(q.authority)) +
      " ORDER BY bm25(pages_fts) LIMIT 20;\n";
  const std::string script = "/tmp/search_bench_" + std::to_string(getpid()) + ".sql";
  {
    std::ofstream out(script);
    out << ".output /dev/null\n" << sql << ".timer on\n";
    for (int i = 0; i < runs; ++i) out << sql;
  }
  std::string cmd = "sqlite3 -batch " + SqlQuote(db) + " < " + script + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::vector<double> times;
  char line[512];
  while (pipe && std::fgets(line, sizeof line, pipe.get())) {
    double real = 0;
    if (std::sscanf(line, "Run Time: real %lf", &real) == 1) times.push_back(real * 1000);
  }
  std::remove(script.c_str());
  return times;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: search_bench INDEX.db [--runs R] [--no-shell]\n";
    return 2;
  }
  std::string db = argv[1];
  int runs = 100;
  bool shell_too = true;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (arg == "--no-shell") shell_too = false;
    else {
      std::cerr << "search_bench: unknown argument " << arg << "\n";
      return 2;
    }
  }
  if (runs < 1) runs = 1;
  auto index = foiamine::IndexReader::Open(db);
  if (!index.ok()) {
    std::cerr << index.status().message() << "\n";
    return 1;
  }
  int64_t pages = 0;
  if (auto s = index->db().Prepare("SELECT count(*) FROM pages"); s.ok() && s->Step()) pages = s->Int(0);
  // (A read error leaves pages at 0: the report's page count, not a result.)
  auto matching = [&](const std::string& fts) -> int64_t {
    auto s = index->db().Prepare("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH ?1");
    if (!s.ok()) return -1;
    s->Bind(1, fts);
    return s->Step() ? s->Int(0) : -1;  // -1: no count (a bad query or a read error)
  };
  const std::vector<Query> queries = {
      {"word", "detainer", ""},
      {"phrase", "\"notify Immigration and Customs Enforcement\"", ""},
      {"NEAR", "NEAR(release detainer, 10)", ""},
      {"filtered", "inventory", "practice"},
      // The worst case: a word on most pages; bm25 is computed for each.
      {"common", "policy", ""},
  };
  std::printf("index %s: %lld pages; %d runs per query, limit 20\n", db.c_str(), static_cast<long long>(pages), runs);
  std::printf("%-9s %-48s %8s | %12s %9s | %12s %9s | %5s | %12s %9s\n", "query", "FTS5", "matching", "foiamine med",
              "p95", "no-clauses", "p95", "+%", "sqlite3 med", "p95");
  for (const auto& q : queries) {
    foiamine::SearchOptions o;
    o.query = q.fts;
    o.authority = q.authority;
    o.limit = 20;
    auto warm = foiamine::Search(*index, o);
    if (!warm.ok()) {
      std::cerr << warm.status().message() << "\n";
      return 1;
    }
    foiamine::SearchOptions bare = o;
    bare.hit_clauses = false;
    // Alternated run by run, so that load from other jobs falls on both.
    std::vector<double> ms, bare_ms;
    size_t clauses = 0;
    for (int i = 0; i < runs; ++i) {
      for (bool with : {true, false}) {
        auto t0 = std::chrono::steady_clock::now();
        auto hits = foiamine::Search(*index, with ? o : bare);
        const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!hits.ok()) {
          std::cerr << hits.status().message() << "\n";
          return 1;
        }
        (with ? ms : bare_ms).push_back(t);
        if (with && i == 0) {
          for (const auto& h : *hits) clauses += h.clauses.size();
        }
      }
    }
    auto shell = shell_too ? ShellTimes(db, q, runs) : std::vector<double>{};
    const double median = Percentile(ms, 0.5), bare_median = Percentile(bare_ms, 0.5);
    std::printf("%-9s %-48s %8lld | %10.2f ms %6.2f ms | %10.2f ms %6.2f ms | %+4.0f%% | ", q.name.c_str(),
                q.fts.c_str(), static_cast<long long>(matching(q.fts)), median, Percentile(ms, 0.95), bare_median,
                Percentile(bare_ms, 0.95), 100.0 * (median - bare_median) / bare_median);
    if (shell.empty()) std::printf("%12s %9s", "n/a", "n/a");
    else std::printf("%10.2f ms %6.2f ms", Percentile(shell, 0.5), Percentile(shell, 0.95));
    std::printf("   (%zu hit clauses)\n", clauses);
  }
  return 0;
}
