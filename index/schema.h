// Opening an index file: which SQLite file is a foiamine index, which schema
// version it carries, and how an older one is read or upgraded. The schema
// itself is schemas/index.sql, embedded at build time.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "index/sqlite.h"

namespace foiamine {

enum class IndexAccess {
  // Read-only. The file must exist and be a foiamine index of this schema
  // version or older; tables an older version lacks read as empty (temporary
  // tables of this connection: the file is not touched).
  kRead,
  // Read-write: created if missing, its schema brought up to date (tables
  // and columns added). Someone else's SQLite file is refused.
  kWrite,
};

// Opens `path` as an index. A file that is not a foiamine index, or one with
// a newer schema than kSchemaVersion, is an error.
StatusOr<Database> OpenIndexDatabase(const std::string& path, IndexAccess access);

// Whether `table` has `column` (an index made before a column was added
// lacks it; schemas/index.sql lists such migrations).
bool HasColumn(Database& db, std::string_view table, std::string_view column);

}  // namespace foiamine
