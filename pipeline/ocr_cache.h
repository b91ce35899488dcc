// The OCR cache (table ocr_cache of schemas/index.sql): OCR results keyed by
// the page image's hash and the OCR stage version, so a re-run, or the same
// page in another document, is never OCR'd twice.
#pragma once

#include <optional>
#include <string>

#include "pipeline/ocr_engine.h"
#include "render/page_image.h"
#include "index/sqlite.h"

namespace foiamine {

// The cache key of an image under an OCR stage version (the image's hash:
// PageImageSha256, render/page_image.h).
std::string OcrCacheKey(const std::string& image_sha256, const std::string& engine_version);

// The JSON of ocr_cache.result, and back. Decode fails on malformed JSON.
std::string EncodeOcrResult(const OcrPageResult& result);
StatusOr<OcrPageResult> DecodeOcrResult(const std::string& json);

// Looks results up through its own read-only connection. One per thread
// (SQLite connections are not shared across threads here); WAL lets it read
// while the main thread writes. A missing table or file is just a miss.
class OcrCacheReader {
 public:
  explicit OcrCacheReader(const std::string& db_path);
  std::optional<OcrPageResult> Find(const std::string& key);

 private:
  std::optional<Database> db_;
};

}  // namespace foiamine
