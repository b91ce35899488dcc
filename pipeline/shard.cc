#include "pipeline/shard.h"

#include <charconv>

namespace foiamine {

StatusOr<Shard> ParseShard(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("--shard " + std::string(text) + ": " + why +
                                   " (expected K/N with 0 <= K < N, e.g. 0/4)");
  };
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return bad("no '/'");
  auto parse = [](std::string_view s, uint32_t* out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  Shard shard;
  if (!parse(text.substr(0, slash), &shard.index)) return bad("K is not a non-negative integer");
  if (!parse(text.substr(slash + 1), &shard.count)) return bad("N is not a positive integer");
  if (shard.count == 0) return bad("N must be at least 1");
  if (shard.index >= shard.count) return bad("K must be smaller than N");
  return shard;
}

uint32_t ShardOf(std::string_view sha256_hex, uint32_t count) {
  uint32_t prefix = 0;
  for (size_t i = 0; i < 8 && i < sha256_hex.size(); ++i) {
    char c = sha256_hex[i];
    uint32_t digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
    prefix = prefix << 4 | digit;
  }
  return prefix % count;
}

}  // namespace foiamine
