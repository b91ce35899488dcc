#include "index/reader.h"

#include "index/schema.h"

namespace foiamine {

StatusOr<IndexReader> IndexReader::Open(const std::string& path) {
  auto db = OpenIndexDatabase(path, IndexAccess::kRead);
  if (!db.ok()) return db.status();
  return IndexReader(std::move(db.value()));
}

}  // namespace foiamine
