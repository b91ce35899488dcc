#include "index/reader.h"

#include "index/fts_rank.h"
#include "index/schema.h"

namespace foiamine {

StatusOr<IndexReader> IndexReader::Open(const std::string& path) {
  auto db = OpenIndexDatabase(path, IndexAccess::kRead);
  if (!db.ok()) return db.status();
  // Search ranks with it (search/search.cc).
  if (Status rank = RegisterFtsRank(*db); !rank.ok()) return rank;
  // 16 MiB of page cache instead of SQLite's 2: a search's hits read
  // clause, document and file rows scattered over the file, and a reader
  // that serves many searches (`serve` keeps one per thread) would read
  // them from the OS again each time (bench/README.md, Search latency).
  if (Status cache = db->Exec("PRAGMA cache_size = -16384"); !cache.ok()) return cache;
  return IndexReader(std::move(db.value()));
}

StatusOr<IndexReader::Memo*> IndexReader::memo() {
  auto version = db_.Prepare("PRAGMA data_version");
  if (!version.ok()) return version.status();
  Status status;
  if (!version->Step(&status)) return status.ok() ? Status::Internal("PRAGMA data_version gave no row") : status;
  if (version->Int(0) != memo_version_) {
    memo_ = Memo();
    memo_version_ = version->Int(0);
  }
  return &memo_;
}

}  // namespace foiamine
