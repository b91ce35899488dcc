// A page's words with their boxes, as the index stores them: one compact
// BLOB per page (page_words.words, schema version 5; the byte layout is
// documented in schemas/index.sql). Every reader of word boxes goes through
// ReadPageWords; nothing else parses the BLOB.
//
//   auto words = ReadPageWords(index.db(), page_id);
//   for (const WordBox& w : *words) if (w.box) ...
//
// Boxes are kept to 1/100 PDF point and OCR confidences to 1/100: the
// writer rounds a page's words with QuantizeWordBox before it extracts
// clauses from them, so what is stored is exactly what was used, and a
// re-extraction from the index finds the same clause boxes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/sqlite.h"

namespace foiamine {

// One word of a page, in reading order.
struct WordBox {
  std::string text;  // the word as the text layer / OCR gave it
  // Box in PDF points, top-left origin; none for plain-text inputs.
  struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  };
  std::optional<Rect> box;
  int64_t char_start = 0, char_end = 0;  // span in pages.text, code points, end exclusive
  std::optional<double> confidence;      // OCR confidence 0-100; none for a text layer
};

// The BLOB's first byte: its format version.
inline constexpr uint8_t kWordBoxFormat = 1;

// Rounds a coordinate or confidence to what the BLOB keeps (1/100).
double QuantizeWordValue(double v);

// Encodes a page's words. `page_text` is the page's normalized text
// (pages.text): a word whose text equals its span there is stored without
// its text. REQUIRES: boxes and confidences already quantized (else they
// are rounded here, and the caller's copy differs from what is stored).
std::string EncodeWordBoxes(const std::vector<WordBox>& words, std::string_view page_text);

// Decodes a BLOB made by EncodeWordBoxes with the same `page_text`. A
// damaged or unknown-format BLOB is kCorrupt (never a crash: the index is a
// file anyone can edit).
StatusOr<std::vector<WordBox>> DecodeWordBoxes(std::string_view blob, std::string_view page_text);

// The words of page `page_id` in reading order (empty when it has none).
// Reads page_words, or the `words` table of an index of schema version 4 or
// older opened read-only.
StatusOr<std::vector<WordBox>> ReadPageWords(Database& db, int64_t page_id);

// Registers the SQL function foiamine_words(blob, page_text) on `db`: the
// page's words as a JSON array of [text, x0, y0, x1, y1, char_start,
// char_end, confidence] (NULL where absent), which the `words` view of
// schemas/index.sql reads. Every connection OpenIndexDatabase makes has it.
Status RegisterWordBoxFunctions(Database& db);

// Packs word rows into page_words BLOBs: `rows` yields (page_id, page
// text, text, x0, y0, x1, y1, char_start, char_end, confidence) ordered by
// page_id and then reading order, as the `words` table of schema version 4
// held them; `put` is an INSERT taking (page_id, blob). Used by the
// migration below and by `merge` of an older shard.
Status PackWordRows(Statement& rows, Statement& put);

// Schema version 5's migration: the `words` table of an older index is
// packed into page_words, page by page, and dropped (in the caller's
// transaction). No-op when there is no `words` table.
Status MigrateWordsTable(Database& db);

}  // namespace foiamine
