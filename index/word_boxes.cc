#include "index/word_boxes.h"

#include <cmath>
#include <cstdio>

namespace foiamine {
namespace {

// Byte offsets of each code point of `text`, plus its size at the end, so a
// code point span [s, e) is the bytes [offsets[s], offsets[e]). Bytes that
// are not a UTF-8 lead byte continue the code point before them, as
// CountCodePoints (base/utf8.h) counts them.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

// The word's span in the page text, if it lies inside it.
std::optional<std::string_view> SpanText(std::string_view text, const std::vector<size_t>& offsets, int64_t start,
                                         int64_t end) {
  const int64_t points = static_cast<int64_t>(offsets.size()) - 1;
  if (start < 0 || end < start || end > points) return std::nullopt;
  return text.substr(offsets[start], offsets[end] - offsets[start]);
}

// 1/100 units, clamped to a range where every step is exact in a double.
int64_t Hundredths(double v) {
  if (!std::isfinite(v)) return 0;
  constexpr double kLimit = 1e13;
  if (v > kLimit) v = kLimit;
  if (v < -kLimit) v = -kLimit;
  return std::llround(v * 100.0);
}

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutSigned(std::string& out, int64_t v) {
  PutVarint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));  // zigzag
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) return false;
      const auto b = static_cast<unsigned char>(bytes_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;  // longer than 10 bytes: damaged
  }
  bool Signed(int64_t* v) {
    uint64_t u;
    if (!Varint(&u)) return false;
    *v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    return true;
  }
  bool Bytes(size_t n, std::string_view* out) {
    if (n > bytes_.size() - pos_) return false;
    *out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// A word's flags (schemas/index.sql): box, confidence, text stored, and
// "same line" (y0 and the height are the previous box's: not stored).
constexpr uint64_t kHasBox = 1, kHasConfidence = 2, kHasText = 4, kSameLine = 8, kFlagBits = 4;

// A value in 1/100 as JSON: "-12.05", "3", exactly the double q / 100.0 parses to.
void AppendHundredths(std::string& out, int64_t q) {
  char buf[48];
  const uint64_t a = q < 0 ? 0 - static_cast<uint64_t>(q) : static_cast<uint64_t>(q);
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", q < 0 ? "-" : "", static_cast<unsigned long long>(a / 100),
                static_cast<unsigned long long>(a % 100));
  out += buf;
}

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void WordsJson(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const void* blob = sqlite3_value_blob(argv[0]);
  const std::string_view bytes(static_cast<const char*>(blob), static_cast<size_t>(sqlite3_value_bytes(argv[0])));
  const unsigned char* text = sqlite3_value_text(argv[1]);
  const std::string_view page_text(text ? reinterpret_cast<const char*>(text) : "",
                                   text ? static_cast<size_t>(sqlite3_value_bytes(argv[1])) : 0);
  auto words = DecodeWordBoxes(bytes, page_text);
  if (!words.ok()) return sqlite3_result_error(ctx, words.status().message().c_str(), -1);
  std::string out = "[";
  for (const WordBox& w : *words) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('[');
    AppendJsonString(out, w.text);
    for (double v : {w.box ? w.box->x0 : NAN, w.box ? w.box->y0 : NAN, w.box ? w.box->x1 : NAN,
                     w.box ? w.box->y1 : NAN}) {
      out.push_back(',');
      if (std::isnan(v)) out += "null";
      else AppendHundredths(out, Hundredths(v));
    }
    out += "," + std::to_string(w.char_start) + "," + std::to_string(w.char_end) + ",";
    if (w.confidence) AppendHundredths(out, Hundredths(*w.confidence));
    else out += "null";
    out.push_back(']');
  }
  out.push_back(']');
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

double QuantizeWordValue(double v) { return static_cast<double>(Hundredths(v)) / 100.0; }

std::string EncodeWordBoxes(const std::vector<WordBox>& words, std::string_view page_text) {
  const std::vector<size_t> offsets = CodePointOffsets(page_text);
  std::string out;
  out.reserve(16 + words.size() * 10);
  out.push_back(static_cast<char>(kWordBoxFormat));
  PutVarint(out, words.size());
  int64_t prev_end = 0, prev_x1 = 0, prev_y0 = 0, prev_h = 0;
  for (const WordBox& w : words) {
    const auto span = SpanText(page_text, offsets, w.char_start, w.char_end);
    const bool store_text = !span || *span != w.text;
    int64_t x0 = 0, y0 = 0, x1 = 0, h = 0;
    if (w.box) {
      x0 = Hundredths(w.box->x0);
      y0 = Hundredths(w.box->y0);
      x1 = Hundredths(w.box->x1);
      h = Hundredths(w.box->y1) - y0;
    }
    const bool same_line = w.box && y0 == prev_y0 && h == prev_h;
    const uint64_t flags = (w.box ? kHasBox : 0) | (w.confidence ? kHasConfidence : 0) | (store_text ? kHasText : 0) |
                           (same_line ? kSameLine : 0);
    const int64_t start_delta = w.char_start - prev_end;
    PutVarint(out, (((static_cast<uint64_t>(start_delta) << 1) ^ static_cast<uint64_t>(start_delta >> 63)) << kFlagBits) |
                       flags);
    PutSigned(out, w.char_end - w.char_start);
    prev_end = w.char_end;
    if (store_text) {
      PutVarint(out, w.text.size());
      out += w.text;
    }
    if (w.box) {
      PutSigned(out, x0 - prev_x1);
      if (!same_line) {
        PutSigned(out, y0 - prev_y0);
        PutSigned(out, h - prev_h);
      }
      PutSigned(out, x1 - x0);
      prev_x1 = x1;
      prev_y0 = y0;
      prev_h = h;
    }
    if (w.confidence) PutSigned(out, Hundredths(*w.confidence));
  }
  return out;
}

StatusOr<std::vector<WordBox>> DecodeWordBoxes(std::string_view blob, std::string_view page_text) {
  auto damaged = [](const std::string& why) { return Status::Corrupt("page_words BLOB is damaged: " + why); };
  if (blob.empty()) return damaged("empty");
  if (static_cast<uint8_t>(blob[0]) != kWordBoxFormat) {
    return Status::Corrupt("page_words BLOB has format " + std::to_string(static_cast<uint8_t>(blob[0])) +
                           ", not one this foiamine reads (" + std::to_string(kWordBoxFormat) + "): upgrade foiamine");
  }
  Reader in(blob.substr(1));
  uint64_t count = 0;
  if (!in.Varint(&count)) return damaged("no word count");
  // Every word takes at least 3 bytes: a count beyond that is a lie.
  if (count > blob.size()) return damaged("word count " + std::to_string(count) + " exceeds its size");
  const std::vector<size_t> offsets = CodePointOffsets(page_text);
  std::vector<WordBox> words;
  words.reserve(count);
  int64_t prev_end = 0, prev_x1 = 0, prev_y0 = 0, prev_h = 0;
  for (uint64_t i = 0; i < count; ++i) {
    WordBox w;
    uint64_t head = 0;
    int64_t length = 0;
    if (!in.Varint(&head) || !in.Signed(&length)) return damaged("truncated word");
    const uint64_t flags = head & ((uint64_t{1} << kFlagBits) - 1);
    const uint64_t zigzag = head >> kFlagBits;
    const int64_t start_delta = static_cast<int64_t>(zigzag >> 1) ^ -static_cast<int64_t>(zigzag & 1);
    if ((flags & kSameLine) && !(flags & kHasBox)) return damaged("a same-line word without a box");
    w.char_start = prev_end + start_delta;
    w.char_end = w.char_start + length;
    prev_end = w.char_end;
    if (flags & kHasText) {
      uint64_t n = 0;
      std::string_view text;
      if (!in.Varint(&n) || !in.Bytes(static_cast<size_t>(n), &text)) return damaged("truncated word text");
      w.text = std::string(text);
    } else {
      const auto span = SpanText(page_text, offsets, w.char_start, w.char_end);
      if (!span) return damaged("word span outside the page text");
      w.text = std::string(*span);
    }
    if (flags & kHasBox) {
      int64_t dx0 = 0, dy0 = 0, dh = 0, width = 0;
      if (!in.Signed(&dx0)) return damaged("truncated box");
      if (!(flags & kSameLine) && (!in.Signed(&dy0) || !in.Signed(&dh))) return damaged("truncated box");
      if (!in.Signed(&width)) return damaged("truncated box");
      const int64_t x0 = prev_x1 + dx0, y0 = prev_y0 + dy0, x1 = x0 + width, h = prev_h + dh;
      w.box = WordBox::Rect{x0 / 100.0, y0 / 100.0, x1 / 100.0, (y0 + h) / 100.0};
      prev_x1 = x1;
      prev_y0 = y0;
      prev_h = h;
    }
    if (flags & kHasConfidence) {
      int64_t c = 0;
      if (!in.Signed(&c)) return damaged("truncated confidence");
      w.confidence = c / 100.0;
    }
    words.push_back(std::move(w));
  }
  if (!in.done()) return damaged("bytes after the last word");
  return words;
}

StatusOr<std::vector<WordBox>> ReadPageWords(Database& db, int64_t page_id) {
  bool packed = false;
  {
    auto has = db.Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='page_words'");
    if (!has.ok()) return has.status();
    packed = has->Step();
    if (!has->status().ok()) return has->status();
  }
  std::vector<WordBox> words;
  if (packed) {
    auto stmt = db.Prepare(
        "SELECT w.words, p.text FROM page_words w JOIN pages p ON p.id = w.page_id WHERE w.page_id = ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, page_id);
    Status status;
    if (!stmt->Step(&status)) {
      if (!status.ok()) return status;
      return words;  // no words stored for the page
    }
    return DecodeWordBoxes(stmt->Blob(0), stmt->Text(1));
  }
  // An index of schema version 4 or older, read as it is.
  auto stmt = db.Prepare(
      "SELECT text, x0, y0, x1, y1, char_start, char_end, confidence FROM words WHERE page_id = ?1 ORDER BY seq");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, page_id);
  while (stmt->Step()) {
    WordBox w;
    w.text = stmt->Text(0);
    if (!stmt->IsNull(1)) w.box = WordBox::Rect{stmt->Real(1), stmt->Real(2), stmt->Real(3), stmt->Real(4)};
    w.char_start = stmt->Int(5);
    w.char_end = stmt->Int(6);
    w.confidence = stmt->OptionalReal(7);
    words.push_back(std::move(w));
  }
  if (!stmt->status().ok()) return stmt->status();
  return words;
}

Status RegisterWordBoxFunctions(Database& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "foiamine_words", 2,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                            &WordsJson, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, "cannot register foiamine_words: " + db.LastError());
  return Status();
}

Status PackWordRows(Statement& rows, Statement& put) {
  int64_t page = -1;
  std::string page_text;
  std::vector<WordBox> words;
  auto flush = [&]() -> Status {
    if (page < 0) return Status();
    put.Reset();
    put.Bind(1, page).BindBlob(2, EncodeWordBoxes(words, page_text));
    words.clear();
    return put.Run();
  };
  while (rows.Step()) {
    if (rows.Int(0) != page) {
      Status s = flush();
      if (!s.ok()) return s;
      page = rows.Int(0);
      page_text = rows.Text(1);
    }
    WordBox w;
    w.text = rows.Text(2);
    if (!rows.IsNull(3)) w.box = WordBox::Rect{rows.Real(3), rows.Real(4), rows.Real(5), rows.Real(6)};
    w.char_start = rows.Int(7);
    w.char_end = rows.Int(8);
    w.confidence = rows.OptionalReal(9);
    words.push_back(std::move(w));
  }
  if (!rows.status().ok()) return rows.status();
  return flush();
}

Status MigrateWordsTable(Database& db) {
  {
    auto has = db.Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='words'");
    if (!has.ok()) return has.status();
    const bool old = has->Step();
    if (!has->status().ok()) return has->status();
    if (!old) return Status();
  }
  auto rows = db.Prepare(
      "SELECT w.page_id, p.text, w.text, w.x0, w.y0, w.x1, w.y1, w.char_start, w.char_end, w.confidence "
      "FROM words w JOIN pages p ON p.id = w.page_id ORDER BY w.page_id, w.seq");
  auto put = db.Prepare("INSERT OR REPLACE INTO page_words(page_id, words) VALUES (?1, ?2)");
  if (!rows.ok()) return rows.status();
  if (!put.ok()) return put.status();
  Status s = PackWordRows(*rows, *put);
  if (!s.ok()) return s;
  rows->Reset();  // a statement left on a row would keep the table from being dropped
  return db.Exec("DROP TABLE words");
}

}  // namespace foiamine
