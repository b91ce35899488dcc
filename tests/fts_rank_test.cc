// foiamine_bm25 (index/fts_rank.h) against SQLite's own bm25() on a real
// FTS5 table: the same rows, in the same order, with the same scores, while
// most matching rows are never scored in full.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "index/fts_rank.h"
#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using foiamine::testing::ScratchDir;

namespace {

// A table shaped like pages_fts (same tokenizer) holding `pages` pages of
// made-up prose: lengths from 8 to ~400 words; "policy" on most pages, up
// to 9 times; "detainer" on a few; every 97th page a copy of page 1 (exact
// ties, broken by rowid).
Database MakePages(const std::string& path, int pages) {
  auto db = Database::Open(path, Database::Mode::kReadWriteCreate);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')").ok());
  REQUIRE(RegisterFtsRank(*db).ok());
  REQUIRE(db->Exec("BEGIN").ok());
  auto insert = db->Prepare("INSERT INTO t(rowid, text) VALUES (?1, ?2)");
  REQUIRE(insert.ok());
  const std::vector<std::string> filler = {"records", "office", "staff", "shall", "verify", "the", "inventory",
                                           "of",      "each",   "inmate", "release", "notify", "county", "and"};
  uint64_t x = 12345;
  auto next = [&x] {  // a fixed LCG: the same table on every run
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(x >> 33);
  };
  std::string first;
  for (int i = 1; i <= pages; ++i) {
    std::string text;
    if (i == 1) {
      for (int w = 0; w < 20; ++w) text += "policy ";  // the best page for "policy": nothing else
    } else if (i % 97 == 0) {
      text = first;
    } else {
      const int words = 8 + static_cast<int>(next() % 400);
      const int policy = next() % 4 == 0 ? 0 : static_cast<int>(next() % 10);
      for (int w = 0; w < words; ++w) {
        const uint32_t r = next();
        if (policy > 0 && r % words < static_cast<uint32_t>(policy)) text += "policy ";
        else if (r % 503 == 0) text += "detainer ";
        else text += filler[r % filler.size()] + " ";
      }
    }
    if (i == 1) first = text;
    insert->Reset();
    insert->Bind(1, int64_t{i}).Bind(2, text);
    REQUIRE(insert->Run().ok());
  }
  REQUIRE(db->Exec("COMMIT").ok());
  return std::move(*db);
}

std::vector<std::pair<int64_t, double>> Ranked(Database& db, const std::string& score, const std::string& query,
                                               int64_t limit) {
  auto s = db.Prepare("SELECT rowid, " + score + " AS score FROM t WHERE t MATCH ?1 ORDER BY score, rowid LIMIT ?2");
  REQUIRE(s.ok());
  s->Bind(1, query).Bind(2, limit);
  std::vector<std::pair<int64_t, double>> out;
  while (s->Step()) out.emplace_back(s->Int(0), s->Real(1));
  REQUIRE(s->status().ok());
  return out;
}

int64_t Count(Database& db, const std::string& sql, const std::string& query, int64_t k) {
  auto s = db.Prepare(sql);
  REQUIRE(s.ok());
  s->Bind(1, query).Bind(2, k).Bind(3, kBm25Pruned);
  REQUIRE(s->Step());
  return s->Int(0);
}

}  // namespace

TEST_CASE("foiamine_bm25 ranks the best K exactly as bm25 does, scores included", "[fts_rank][search]") {
  ScratchDir dir;
  Database db = MakePages((dir / "t.db").string(), 3000);
  for (const std::string query : {"policy", "detainer", "policy detainer", "policy OR detainer", "\"verify the\"",
                                  "NEAR(policy inventory, 3)", "pol*", "policy NOT detainer", "records"}) {
    for (int64_t k : {1, 20, 40, 640}) {
      INFO(query << ", K " << k);
      const auto expected = Ranked(db, "bm25(t)", query, k);
      const auto got = Ranked(db, "foiamine_bm25(t, " + std::to_string(k) + ")", query, k);
      REQUIRE_FALSE(expected.empty());
      REQUIRE(got.size() == expected.size());
      for (size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].first == expected[i].first);
        CHECK(got[i].second == expected[i].second);  // the same double, not a close one
      }
    }
  }
  // The tie for first place is cut at K = 20 by rowid: page 1, then its copies.
  const auto top = Ranked(db, "foiamine_bm25(t, 20)", "policy", 20);
  REQUIRE(top.size() == 20);
  for (size_t i = 0; i < top.size(); ++i) {
    CHECK(top[i].first == (i == 0 ? 1 : 97 * static_cast<int64_t>(i)));
    CHECK(top[i].second == top[0].second);
  }
}

TEST_CASE("foiamine_bm25 skips the full score of most rows of a common word", "[fts_rank][search]") {
  ScratchDir dir;
  Database db = MakePages((dir / "t.db").string(), 3000);
  const std::string pruned =
      "SELECT count(*) FROM (SELECT foiamine_bm25(t, ?2) AS s FROM t WHERE t MATCH ?1) WHERE s = ?3";
  const std::string matching = "SELECT count(*) FROM t WHERE t MATCH ?1 AND ?2 = ?2 AND ?3 = ?3";
  const int64_t pages = Count(db, matching, "policy", 0);
  REQUIRE(pages > 1500);
  const int64_t skipped = Count(db, pruned, "policy", 40);
  INFO(skipped << " of " << pages << " pages skipped");
  CHECK(skipped > pages / 2);
  // K <= 0 (an unbounded window) scores every row.
  CHECK(Count(db, pruned, "policy", 0) == 0);
  CHECK(Count(db, pruned, "policy", -1) == 0);
  // K at least the number of matches: nothing can be skipped.
  CHECK(Count(db, pruned, "policy", pages) == 0);
}
