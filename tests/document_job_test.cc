// The document job (pipeline/document_job.h): one file, from bytes to rows.
#include <catch2/catch.hpp>

#include <filesystem>

#include "base/sha256.h"
#include "pipeline/document_job.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

PendingDocument Prepare(const fs::path& drop, const std::string& name, const std::string& bytes, OcrPool& pool,
                        const Manifest& manifest = {}) {
  WriteFile(drop / name, bytes);
  const DropFile file{drop / name, MakeDocumentPath(drop, name), nullptr};
  PendingDocument pending;
  pending.sha = Sha256Hex(bytes);
  pending.path = file.path;
  RunOptions options;
  PrepareDocument(pending, file, manifest, options, pool, nullptr);
  return pending;
}

}  // namespace

TEST_CASE("a plain-text file is prepared without OCR and written whole with its clauses", "[document_job]") {
  ScratchDir dir;
  OcrPool pool(OcrSettings{}, 1, "");
  const std::string text = "Staff shall not notify ICE of release dates.\n\nSecond paragraph.\n";
  PendingDocument pending = Prepare(dir / "drop", "memo.txt", text, pool);
  REQUIRE(pending.outcome.ok);
  CHECK(pending.ocr.empty());
  CHECK(pending.Ready());
  CHECK(pending.outcome.pages == 1);
  CHECK(pending.record.file_type == "text");
  CHECK(pending.record.size_bytes == static_cast<int64_t>(text.size()));

  auto index = Index::Open((dir / "i.db").string(), Index::Access::kWrite);
  REQUIRE(index.ok());
  auto run = index->BeginRun("drop", "test");
  REQUIRE(run.ok());
  FinishDocument(*index, pending, pool, ShippedRulebook(), *run);
  REQUIRE(pending.outcome.ok);
  CHECK(pending.record.normalized.size() == 1);
  REQUIRE(pending.record.extracted.has_value());
  CHECK(pending.outcome.clauses == static_cast<int>(pending.record.extracted->clauses.size()));
  auto found = index->FindDocument(pending.sha);
  REQUIRE(found.ok());
  CHECK(found->has_value());
}

TEST_CASE("files that are not documents fail at ingest with a reason naming what they are", "[document_job]") {
  ScratchDir dir;
  OcrPool pool(OcrSettings{}, 1, "");
  const PendingDocument empty = Prepare(dir / "drop", "empty.txt", "", pool);
  CHECK_FALSE(empty.outcome.ok);
  CHECK(empty.outcome.stage == "ingest");
  CHECK(empty.outcome.reason == "empty file (0 bytes)");

  const PendingDocument html = Prepare(dir / "drop", "page.pdf", "<!DOCTYPE html><html><body>x</body></html>", pool);
  CHECK_FALSE(html.outcome.ok);
  CHECK(html.outcome.reason.rfind("named .pdf but is an HTML page", 0) == 0);
}

TEST_CASE("a manifest row gives the document its metadata and marks its path", "[document_job]") {
  ScratchDir dir;
  OcrPool pool(OcrSettings{}, 1, "");
  auto manifest = ParseManifestCsv("path,title,number,agency\nmemo.txt,Release Memo,M-1,DOC\n");
  REQUIRE(manifest.ok());
  const PendingDocument pending = Prepare(dir / "drop", "memo.txt", "A memo.\n", pool, *manifest);
  REQUIRE(pending.outcome.ok);
  CHECK(pending.record.metadata.from_manifest);
  CHECK(pending.record.metadata.title == "Release Memo");
  CHECK(pending.known.number == "M-1");
  REQUIRE(pending.record.paths.size() == 1);
  CHECK(pending.record.paths[0].in_manifest);
}
