// Drop scanning (pipeline/drop_scan.h): what a drop's files are.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pipeline/drop_scan.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> Names(const ScannedDrop& scanned) {
  std::vector<std::string> names;
  for (const auto& f : scanned.scan.files) names.push_back(f.path.raw_bytes);
  return names;
}

}  // namespace

TEST_CASE("a folder drop lists its files in byte order, recursively, without hidden files or the manifest",
          "[drop_scan]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  WriteFile(drop / "b.txt", "b");
  WriteFile(drop / "B.txt", "B");
  WriteFile(drop / "sub" / "a.txt", "a");
  WriteFile(drop / ".hidden.txt", "h");
  WriteFile(drop / ".git" / "config", "x");
  WriteFile(drop / "manifest.csv", "path,title\nb.txt,Bee\n");
  WriteFile(drop / "sub" / "manifest.csv", "not the root manifest: a document");
  fs::create_directory_symlink(drop / "sub", drop / "loop");  // links to folders are not followed

  const ScannedDrop scanned = ScanDrop(drop.string());
  CHECK(Names(scanned) == std::vector<std::string>{"B.txt", "b.txt", "sub/a.txt", "sub/manifest.csv"});
  CHECK(scanned.scan.hidden_skipped == 2);
  CHECK(scanned.scan.unreadable.empty());
  CHECK_FALSE(scanned.zip.has_value());
  REQUIRE(scanned.manifest.Find("b.txt") != nullptr);
  for (const auto& f : scanned.scan.files) {
    CHECK(f.path.drop_root == fs::absolute(drop).lexically_normal().string());
    CHECK(f.absolute == fs::path(f.path.drop_root) / f.path.raw_bytes);
  }
}

TEST_CASE("a single file is a drop of one, rooted at its folder", "[drop_scan]") {
  ScratchDir dir;
  WriteFile(dir / "memo.txt", "text");
  const ScannedDrop scanned = ScanDrop((dir / "memo.txt").string());
  REQUIRE(scanned.scan.files.size() == 1);
  CHECK(scanned.scan.files[0].path.raw_bytes == "memo.txt");
  CHECK(scanned.scan.files[0].path.drop_root == fs::absolute(dir.path()).lexically_normal().string());
}

TEST_CASE("a path that is not valid UTF-8 is shown escaped and kept as bytes", "[drop_scan]") {
  const DocumentPath p = MakeDocumentPath("/drops/one", std::string("caf\xe9.txt"));
  CHECK(p.raw_bytes == std::string("caf\xe9.txt"));
  CHECK(p.display != p.raw_bytes);
  CHECK(p.drop_root == "/drops/one");
}
