#include <catch2/catch.hpp>

#include <vector>

#include "base/sha256.h"
#include "pipeline/shard.h"

using namespace foiamine;

TEST_CASE("ShardOf reads the first 8 hex digits as an integer", "[shard]") {
  // SHA-256("abc") = ba7816bf...; 0xba7816bf = 3128432319.
  const std::string abc = Sha256Hex("abc");
  REQUIRE(abc.substr(0, 8) == "ba7816bf");
  CHECK(ShardOf(abc, 3) == 3128432319u % 3);  // == 0
  CHECK(ShardOf(abc, 3) == 0);
  CHECK(ShardOf(abc, 4) == 3);
  CHECK(ShardOf(abc, 1) == 0);
  CHECK(ShardOf("BA7816BF", 4) == ShardOf("ba7816bf", 4));
  CHECK(InShard(abc, Shard{0, 3}));
  CHECK_FALSE(InShard(abc, Shard{1, 3}));
  CHECK(InShard(abc, Shard{0, 1}));
}

TEST_CASE("shards are balanced and partition the documents", "[shard]") {
  const uint32_t n = 7;
  const int docs = 70000;
  std::vector<int> counts(n, 0);
  for (int i = 0; i < docs; ++i) {
    std::string sha = Sha256Hex("document " + std::to_string(i));
    int owners = 0;
    for (uint32_t k = 0; k < n; ++k) owners += InShard(sha, Shard{k, n});
    REQUIRE(owners == 1);  // exactly one shard owns every document
    ++counts[ShardOf(sha, n)];
  }
  for (uint32_t k = 0; k < n; ++k) {
    INFO("shard " << k << " has " << counts[k]);
    // 10,000 expected; binomial sd ~ 93: 3% is over 3 sd.
    CHECK(counts[k] > 9700);
    CHECK(counts[k] < 10300);
  }
}

TEST_CASE("ParseShard accepts K/N with 0 <= K < N only", "[shard]") {
  auto ok = ParseShard("2/3");
  REQUIRE(ok.ok());
  CHECK(ok->index == 2);
  CHECK(ok->count == 3);
  CHECK(ParseShard("0/1").ok());
  CHECK_FALSE(ParseShard("3/3").ok());
  CHECK(ParseShard("3/3").status().message().find("K must be smaller than N") != std::string::npos);
  CHECK_FALSE(ParseShard("1/0").ok());
  CHECK_FALSE(ParseShard("-1/3").ok());
  CHECK_FALSE(ParseShard("1").ok());
  CHECK_FALSE(ParseShard("a/b").ok());
  CHECK_FALSE(ParseShard("1/3x").ok());
}
