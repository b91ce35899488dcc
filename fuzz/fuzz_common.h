// Shared by the fuzz targets: reading the shipped schemas/ files, and turning
// fuzz bytes into the inputs the code under test is promised.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "base/utf8.h"

#ifndef FOIAMINE_SOURCE_SCHEMAS_DIR
#error "FOIAMINE_SOURCE_SCHEMAS_DIR must name the source tree's schemas/"
#endif

namespace foiamine::fuzz {

inline std::string ReadSchemaFile(const char* name) {
  const std::string path = std::string(FOIAMINE_SOURCE_SCHEMAS_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A scratch file a target keeps for the whole process (a ZIP it rewrites per
// input, an index it builds once): removed, with SQLite's -wal and -shm
// beside it, when the process ends normally, so replays leave nothing in
// /tmp. Declare it as a static after the file's other statics are built.
class RemoveAtExit {
 public:
  explicit RemoveAtExit(std::filesystem::path path) : path_(std::move(path)) {}
  RemoveAtExit(const RemoveAtExit&) = delete;
  RemoveAtExit& operator=(const RemoveAtExit&) = delete;
  ~RemoveAtExit() {
    std::error_code ignored;  // nothing to report at exit
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix, ignored);
  }

 private:
  std::filesystem::path path_;
};

// A fuzz-found contract violation: abort so libFuzzer (and the replay test)
// report it with the input.
[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
  std::abort();
}

// The extractors' input contract is normalized text: valid UTF-8 (the
// normalize stage guarantees it). Invalid bytes are escaped the way the
// pipeline escapes them, so every input still exercises the code.
inline std::string AsUtf8(std::string_view bytes) {
  return IsValidUtf8(bytes) ? std::string(bytes) : EscapeInvalidUtf8(bytes);
}

// Pages of a document: the text split at form feeds (as a text file's
// sheets are), at most `max_pages`.
inline std::vector<std::string> SplitPages(std::string_view text, size_t max_pages = 64) {
  std::vector<std::string> pages;
  size_t start = 0;
  while (pages.size() + 1 < max_pages) {
    const size_t ff = text.find('\f', start);
    if (ff == std::string_view::npos) break;
    pages.emplace_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  pages.emplace_back(text.substr(start));
  return pages;
}

}  // namespace foiamine::fuzz
