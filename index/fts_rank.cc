#include "index/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <queue>
#include <vector>

namespace foiamine {

namespace {

// bm25's constants (SQLite's fts5_aux.c).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Above this K the heap costs more than it saves: no pruning.
constexpr int64_t kMaxPrunedK = int64_t{1} << 20;

// One query's state, kept as the FTS5 cursor's auxiliary data: freed by FTS5
// when the statement is reset, re-run or finalized.
struct TopBm25 {
  double avgdl = 0;
  std::vector<double> idf;         // per phrase, as bm25() computes it
  std::vector<int> phrase_tokens;  // per phrase
  std::vector<double> freq;        // per phrase, the current row's
  std::vector<int> column_end;     // per column, the current row's last matched token + 1
  int64_t k = 0;
  // The K best scores so far (positive, as bm25 sums them), worst on top.
  std::priority_queue<double, std::vector<double>, std::greater<double>> best;
  // SQLite may evaluate the function more than once for a row; the row's
  // score must enter `best` once.
  bool have_last = false;
  int64_t last_rowid = 0;
  double last_result = 0;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<int64_t*>(count);
  return SQLITE_OK;
}

// What bm25() computes once per query: the average row length and each
// phrase's IDF (fts5Bm25GetData).
int Prepare(const Fts5ExtensionApi* api, Fts5Context* fts, TopBm25& s) {
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  s.avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; i < phrases; ++i) {
    int64_t hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    if (rc != SQLITE_OK) return rc;
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = 1e-6;  // as bm25(): a phrase on more than half the rows
    s.idf.push_back(idf);
    s.phrase_tokens.push_back(api->xPhraseSize(fts, i));
  }
  s.freq.assign(phrases, 0.0);
  s.column_end.assign(std::max(1, api->xColumnCount(fts)), 0);
  return SQLITE_OK;
}

// bm25's sum for a row of `length` tokens, written as fts5Bm25Function
// writes it so that the result is the same double.
double Sum(const TopBm25& s, double length) {
  double score = 0.0;
  for (size_t i = 0; i < s.idf.size(); ++i) {
    score += s.idf[i] * ((s.freq[i] * (kK1 + 1.0)) / (s.freq[i] + kK1 * (1 - kB + kB * length / s.avgdl)));
  }
  return score;
}

int Score(const Fts5ExtensionApi* api, Fts5Context* fts, TopBm25& s, double* result) {
  std::fill(s.freq.begin(), s.freq.end(), 0.0);
  std::fill(s.column_end.begin(), s.column_end.end(), 0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) break;
    s.freq[phrase] += 1.0;
    if (column >= 0 && column < static_cast<int>(s.column_end.size())) {
      s.column_end[column] = std::max(s.column_end[column], offset + s.phrase_tokens[phrase]);
    }
  }
  if (rc != SQLITE_OK) return rc;
  const bool full = s.k > 0 && static_cast<int64_t>(s.best.size()) >= s.k;
  if (full) {
    // The row is at least as long as its last match reaches in each column.
    double shortest = 0;
    for (int end : s.column_end) shortest += end;
    if (Sum(s, shortest) < s.best.top()) {
      *result = kBm25Pruned;
      return SQLITE_OK;
    }
  }
  int length = 0;
  rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) return rc;
  const double score = Sum(s, static_cast<double>(length));
  if (s.k > 0) {
    if (!full) {
      s.best.push(score);
    } else if (score > s.best.top()) {
      s.best.pop();
      s.best.push(score);
    }
  }
  *result = -1.0 * score;
  return SQLITE_OK;
}

void TopBm25Function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                     sqlite3_value** argv) {
  // No exception may cross into SQLite: allocation failure is SQLITE_NOMEM.
  try {
    auto* s = static_cast<TopBm25*>(api->xGetAuxdata(fts, 0));
    if (s == nullptr) {
      auto fresh = std::make_unique<TopBm25>();
      const int64_t k = argc > 0 ? sqlite3_value_int64(argv[0]) : 0;
      fresh->k = k > kMaxPrunedK ? 0 : k;
      if (int rc = Prepare(api, fts, *fresh); rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
      }
      s = fresh.get();
      if (int rc = api->xSetAuxdata(fts, fresh.release(), [](void* p) { delete static_cast<TopBm25*>(p); });
          rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);  // (xSetAuxdata has freed it)
        return;
      }
    }
    const int64_t rowid = api->xRowid(fts);
    if (!s->have_last || s->last_rowid != rowid) {
      double result = 0;
      if (int rc = Score(api, fts, *s, &result); rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
      }
      s->have_last = true;
      s->last_rowid = rowid;
      s->last_result = result;
    }
    sqlite3_result_double(ctx, s->last_result);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  }
}

}  // namespace

Status RegisterFtsRank(Database& db) {
  // The FTS5 API is reached through SELECT fts5(?1) (SQLite's documented way).
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> get(raw, &sqlite3_finalize);
  if (rc != SQLITE_OK) return SqliteStatus(rc, "cannot reach FTS5: " + db.LastError());
  sqlite3_bind_pointer(raw, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  rc = sqlite3_step(raw);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqliteStatus(rc, "cannot reach FTS5: " + db.LastError());
  if (api == nullptr || api->iVersion < 2) return Status::Internal("this SQLite's FTS5 has no extension API");
  rc = api->xCreateFunction(api, "foiamine_bm25", nullptr, &TopBm25Function, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, "cannot register foiamine_bm25: " + db.LastError());
  return Status();
}

}  // namespace foiamine
