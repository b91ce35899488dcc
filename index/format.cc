#include "index/format.h"

#include "base/sha256.h"

namespace foiamine {

std::string ClauseId(std::string_view doc_sha256, int page, int char_start, std::string_view topic) {
  std::string key(doc_sha256);
  key += "|" + std::to_string(page) + "|" + std::to_string(char_start) + "|";
  key += topic;
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace foiamine
