// Sharding a drop by document content, for scale-out (`run --shard K/N`).
//
// A document belongs to shard (first 8 hex digits of its SHA-256, read as an
// unsigned 32-bit integer) mod N. The assignment depends only on the bytes of
// the file, so the same document lands in the same shard on every machine and
// in every run, whatever its path; SHA-256 is uniform, so shards are balanced
// to within sampling noise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace foiamine {

struct Shard {
  uint32_t index = 0;  // K, from 0 (as SLURM_ARRAY_TASK_ID)
  uint32_t count = 1;  // N >= 1; count == 1 means "everything"
};

// Parses "K/N" (0 <= K < N, N >= 1). Anything else is kInvalidArgument with
// a message naming the problem.
StatusOr<Shard> ParseShard(std::string_view text);

// The shard (0..count-1) of a document, from its lowercase or uppercase hex
// SHA-256. REQUIRES: sha256_hex has at least 8 hex digits; count >= 1.
uint32_t ShardOf(std::string_view sha256_hex, uint32_t count);

// True when the document with this SHA-256 belongs to `shard`.
inline bool InShard(std::string_view sha256_hex, const Shard& shard) {
  return shard.count <= 1 || ShardOf(sha256_hex, shard.count) == shard.index;
}

}  // namespace foiamine
