// The query side's handle on an index: read-only.
//
// IndexReader opens an existing index file read-only (index/schema.h: a
// missing file, someone else's SQLite file or a newer schema is an error; an
// older schema reads as it is) and hands out its connection for SELECTs.
// It has no write methods, and the connection itself is opened with
// SQLITE_OPEN_READONLY: nothing read through it can change the file.
//
//   auto index = IndexReader::Open("corpus.db");
//   if (!index.ok()) return index.status();
//   auto hits = Search(*index, options);     // search/search.h
//
// Not thread-safe: one reader per thread (SQLite connections are cheap).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/sqlite.h"

namespace foiamine {

class IndexReader {
 public:
  static StatusOr<IndexReader> Open(const std::string& path);

  IndexReader(IndexReader&&) = default;
  IndexReader& operator=(IndexReader&&) = default;

  // The read-only connection. REQUIRES: statements prepared on it do not
  // outlive this reader.
  Database& db() { return db_; }

  // What the query side remembers about the index between searches on this
  // reader (a `serve` thread runs many), valid while the file is unchanged.
  struct Memo {
    // The restricting law clauses' ids of each topic looked up so far
    // (search/hit_clauses.cc).
    std::map<std::string, std::vector<std::string>> restricting_law_ids;
  };
  // The memo, emptied first when another connection has committed to the
  // file since the last call (PRAGMA data_version).
  StatusOr<Memo*> memo();

 private:
  explicit IndexReader(Database db) : db_(std::move(db)) {}
  Database db_;
  Memo memo_;
  int64_t memo_version_ = -1;
};

}  // namespace foiamine
