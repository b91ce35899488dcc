// Fuzz target: search query handling (search/search.h) — the bounds check,
// FTS5's parse of the query and what Search() makes of its answer — over a
// small index built once in a temporary folder. The first byte picks the
// limit and the filters; the rest is the query.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "fuzz/fuzz_common.h"
#include "index/reader.h"
#include "index/schema.h"
#include "index/sqlite.h"
#include "search/search.h"

namespace fs = std::filesystem;

namespace {

// A two-document index: enough rows for snippets, sections and filters.
fs::path IndexPath() { return fs::temp_directory_path() / ("foiamine-search-fuzz-" + std::to_string(getpid()) + ".db"); }

std::string BuildIndex() {
  using foiamine::fuzz::Fail;
  const fs::path path = IndexPath();
  fs::remove(path);
  auto db = foiamine::OpenIndexDatabase(path.string(), foiamine::IndexAccess::kWrite);
  if (!db.ok()) Fail("cannot create the fuzz index");
  const foiamine::Status filled = db->Exec(R"sql(
    INSERT INTO runs(id, started_at, drops, arguments, foiamine_version) VALUES (1, '2024-01-01', 'd', 'run d', 'fuzz');
    INSERT INTO documents(id, sha256, file_type, size_bytes, page_count, title, number, agency, doc_kind, authority,
                          metadata_origin, text_version, first_run_id, indexed_at)
      VALUES (1, 'aa', 'text', 10, 2, 'Release Procedures', 'PS 4020.1F', 'DOC', 'jail_policy', 'policy',
              'manifest', 't1', 1, '2024-01-01'),
             (2, 'bb', 'text', 10, 1, 'Desk Log', '', 'DOC', 'log', 'practice', 'inferred', 't1', 1, '2024-01-01');
    INSERT INTO files(document_id, drop_root, path, path_bytes, in_manifest, run_id)
      VALUES (1, '/d', 'policies/ps.txt', 'policies/ps.txt', 1, 1), (2, '/d', 'practice/log.txt', 'practice/log.txt', 0, 1);
    INSERT INTO pages(id, document_id, page_no, method, needs_ocr, text) VALUES
      (1, 1, 1, 'text', 0, '9. RELEASE
a. Records Office staff shall not notify ICE of a release date.
(b) No person shall be held on an immigration detainer.'),
      (2, 1, 2, 'text', 0, 'Señor García: la oficina no deberá compartir información con ICE. NEAR the end ""quoted"" *'),
      (3, 2, 1, 'text', 0, '06/20 night clerk emailed ERO the discharge list; we phone the agency before each release.');
  )sql");
  if (!filled.ok()) {
    std::fprintf(stderr, "%s\n", filled.ToString().c_str());
    Fail("cannot fill the fuzz index");
  }
  return path.string();
}

foiamine::IndexReader& Index() {
  // (built before the reader, so destroyed after it: the file goes once the reader has closed it)
  static const foiamine::fuzz::RemoveAtExit remove_index(IndexPath());
  static std::unique_ptr<foiamine::IndexReader> index = [] {
    auto opened = foiamine::IndexReader::Open(BuildIndex());
    if (!opened.ok()) foiamine::fuzz::Fail("cannot open the fuzz index");
    return std::make_unique<foiamine::IndexReader>(std::move(*opened));
  }();
  return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using foiamine::fuzz::Fail;
  if (size == 0) return 0;
  foiamine::SearchOptions options;
  const uint8_t knobs = data[0];
  options.limit = (knobs & 7) == 7 ? 0 : 1 + (knobs & 7);
  if (knobs & 0x08) options.topic = "release_notification";
  if (knobs & 0x10) options.kind = "jail_policy";
  if (knobs & 0x20) options.authority = "practice";
  if (knobs & 0x40) options.bates = "DOC";
  options.query.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto hits = foiamine::Search(Index(), options);
  if (!hits.ok()) {
    // A bad query is the user's error, explained; never a raw SQLite failure.
    if (hits.status().code() != foiamine::Status::Code::kInvalidArgument) {
      std::fprintf(stderr, "%s\n", hits.status().ToString().c_str());
      Fail("a query failed other than as invalid");
    }
    return 0;
  }
  if (static_cast<int>(hits->size()) > options.limit) Fail("more hits than the limit");
  for (const auto& hit : *hits) {
    if (hit.page < 1) Fail("a hit on no page");
    (void)foiamine::SearchHitJson(hit);
  }
  return 0;
}
