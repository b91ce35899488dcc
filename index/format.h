// The index's on-disk format as code: the constants both sides of foiamine
// (the batch writer in pipeline/, the readers in search/) must agree on.
// The tables and columns themselves are documented in schemas/index.sql.
#pragma once

#include <string>
#include <string_view>

namespace foiamine {

// schemas/index.sql's user_version. Version-1 to -5 indexes are read as they
// are (index/schema.h) and upgraded in place when opened for writing.
inline constexpr int kSchemaVersion = 6;

// An OCR page whose mean word confidence is below this is flagged to people
// as low-confidence (status, search): its text may misquote the scan.
inline constexpr double kLowOcrConfidence = 70.0;

// clauses.id: the first 16 hex digits of SHA-256("doc_sha256|page|char_start|topic").
// Stable across re-runs of the same rulebook on the same file, so a clause id
// quoted in a brief (`foiamine cite ID`) keeps naming the same sentence.
std::string ClauseId(std::string_view doc_sha256, int page, int char_start, std::string_view topic);

}  // namespace foiamine
