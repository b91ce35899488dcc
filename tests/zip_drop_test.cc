// ZIP drops: archives made here with libarchive's write side, good and
// malicious, read through ZipDrop and through `foiamine run FILE.zip`.
#include "pipeline/zip_drop.h"

#include <archive.h>
#include <archive_entry.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>

#include "base/sha256.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

struct ZipItem {
  std::string name;
  std::string bytes;
  enum Kind { kFile, kSymlink, kHardlink } kind = kFile;
  std::string link_target = {};
};

// Writes a ZIP (deflate) with libarchive. Names are stored exactly as given.
void WriteZip(const fs::path& path, const std::vector<ZipItem>& items) {
  struct Free {
    void operator()(archive* a) const { archive_write_free(a); }
  };
  std::unique_ptr<archive, Free> a(archive_write_new());
  REQUIRE(archive_write_set_format_zip(a.get()) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(a.get(), path.c_str()) == ARCHIVE_OK);
  for (const auto& item : items) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), item.name.c_str());
    archive_entry_set_perm(e.get(), 0644);
    if (item.kind == ZipItem::kSymlink) {
      archive_entry_set_filetype(e.get(), AE_IFLNK);
      archive_entry_set_symlink(e.get(), item.link_target.c_str());
      archive_entry_set_size(e.get(), 0);
    } else {
      archive_entry_set_filetype(e.get(), AE_IFREG);
      if (item.kind == ZipItem::kHardlink) archive_entry_set_hardlink(e.get(), item.link_target.c_str());
      archive_entry_set_size(e.get(), static_cast<la_int64_t>(item.bytes.size()));
    }
    REQUIRE(archive_write_header(a.get(), e.get()) == ARCHIVE_OK);
    if (!item.bytes.empty()) {
      REQUIRE(archive_write_data(a.get(), item.bytes.data(), item.bytes.size()) ==
              static_cast<la_ssize_t>(item.bytes.size()));
    }
  }
  REQUIRE(archive_write_close(a.get()) == ARCHIVE_OK);
}

const ZipDrop::Refusal* FindRefusal(const ZipDrop& drop, const std::string& name) {
  for (const auto& r : drop.refusals()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("CheckZipEntryName refuses absolute paths and '..'", "[zip]") {
  CHECK(CheckZipEntryName("policies/a.pdf").empty());
  CHECK(CheckZipEntryName("a..b/c.txt").empty());
  CHECK(CheckZipEntryName("/etc/passwd") == "an absolute path");
  CHECK(CheckZipEntryName("\\\\server\\share") == "an absolute path");
  CHECK(CheckZipEntryName("C:/x.pdf") == "an absolute path (drive letter)");
  CHECK(CheckZipEntryName("../x.pdf") == "a path that leaves the drop ('..')");
  CHECK(CheckZipEntryName("a/../../x.pdf") == "a path that leaves the drop ('..')");
  CHECK(CheckZipEntryName("a\\..\\x.pdf") == "a path that leaves the drop ('..')");
  CHECK(CheckZipEntryName("a/..") == "a path that leaves the drop ('..')");
  CHECK(CheckZipEntryName("") == "an empty name");
  CHECK(CheckZipEntryName("a\nb") == "a control character in its name");
}

TEST_CASE("ZipDrop reads good entries and refuses malicious ones naming each", "[zip]") {
  ScratchDir dir;
  const fs::path zip = dir / "production.zip";
  WriteZip(zip, {{"letters/notice.txt", "Notice of release.\n"},
                 {"../escape.txt", "outside"},
                 {"/tmp/absolute.txt", "absolute"},
                 {"link-to-passwd", "", ZipItem::kSymlink, "/etc/passwd"},
                 {".hidden/secret.txt", "skipped"},
                 {"letters/notice.txt", "second copy"}});
  auto drop = ZipDrop::Open(zip);
  REQUIRE(drop.ok());
  for (const auto& e : drop->entries()) UNSCOPED_INFO("accepted " << e.name);
  for (const auto& r : drop->refusals()) UNSCOPED_INFO("refused " << r.name << ": " << r.reason);
  REQUIRE(drop->entries().size() == 1);
  CHECK(drop->entries()[0].name == "letters/notice.txt");
  CHECK(ReadFile(drop->entries()[0].extracted) == "Notice of release.\n");
  CHECK(drop->entries()[0].extracted.string().rfind(drop->dir().string(), 0) == 0);

  const auto* dotdot = FindRefusal(*drop, "../escape.txt");
  REQUIRE(dotdot);
  CHECK(dotdot->reason == "ZIP entry '../escape.txt' refused: a path that leaves the drop ('..')");
  const auto* absolute = FindRefusal(*drop, "/tmp/absolute.txt");
  REQUIRE(absolute);
  CHECK(absolute->reason == "ZIP entry '/tmp/absolute.txt' refused: an absolute path");
  const auto* symlink = FindRefusal(*drop, "link-to-passwd");
  REQUIRE(symlink);
  CHECK(symlink->reason == "ZIP entry 'link-to-passwd' refused: a symbolic link (to '/etc/passwd')");
  // (ZIP has no hard links: libarchive writes one as a plain file; ZipDrop would refuse one all the same.)
  CHECK(drop->refusals().size() == 4);  // + the duplicate name
  bool duplicate = false;
  for (const auto& r : drop->refusals()) duplicate |= r.reason.find("a second entry with the same name") != std::string::npos;
  CHECK(duplicate);
  // Nothing was written outside the private folder.
  CHECK_FALSE(fs::exists(dir / "escape.txt"));
  CHECK_FALSE(fs::exists("/tmp/absolute.txt"));

  // The private folder goes away with the ZipDrop.
  fs::path private_dir = drop->dir();
  CHECK(fs::exists(private_dir));
  { ZipDrop moved = std::move(drop.value()); }
  CHECK_FALSE(fs::exists(private_dir));
}

TEST_CASE("ZipDrop refuses a zip bomb by its inflation ratio, and the total bound", "[zip]") {
  ScratchDir dir;
  const fs::path zip = dir / "bomb.zip";
  std::string zeros(8 << 20, '\0');  // 8 MiB of zeros deflate to a few KiB
  WriteZip(zip, {{"small.txt", "fine\n"}, {"bomb.bin", zeros}, {"after.txt", "also fine\n"}});
  ZipLimits limits;
  limits.ratio_floor_bytes = 1 << 20;  // 1 MiB, so the test stays small
  auto drop = ZipDrop::Open(zip, limits);
  REQUIRE(drop.ok());
  const auto* bomb = FindRefusal(*drop, "bomb.bin");
  REQUIRE(bomb);
  INFO(bomb->reason);
  CHECK(bomb->reason.rfind("ZIP entry 'bomb.bin' refused: a zip bomb: it inflates to more than 1 MiB at ", 0) == 0);
  CHECK(bomb->reason.find(":1 (more than 100:1)") != std::string::npos);
  REQUIRE(drop->entries().size() == 2);
  CHECK(drop->entries()[1].name == "after.txt");
  CHECK_FALSE(fs::exists(drop->dir() / "bomb.bin"));

  // Text compresses too, but not 100:1: with the ratio satisfied, the total bound still holds.
  ZipLimits tight;
  tight.max_total_bytes = 4;
  auto bounded = ZipDrop::Open(zip, tight);
  REQUIRE(bounded.ok());
  CHECK(bounded->entries().empty());
  REQUIRE(FindRefusal(*bounded, "small.txt"));
  CHECK(FindRefusal(*bounded, "small.txt")->reason ==
        "ZIP entry 'small.txt' refused: the archive inflates to more than 0 MiB in all");
}

TEST_CASE("ZipDrop: a file that is not a ZIP is an error", "[zip]") {
  ScratchDir dir;
  WriteFile(dir / "fake.zip", "PK\x03\x04 truncated");
  CHECK(IsZipFile(dir / "fake.zip"));
  WriteFile(dir / "text.zip", "hello");
  CHECK_FALSE(IsZipFile(dir / "text.zip"));
  auto drop = ZipDrop::Open(dir / "text.zip");
  CHECK_FALSE(drop.ok());
}

TEST_CASE("run indexes a ZIP drop in place, refused entries are failures with their reason", "[zip][e2e]") {
  ScratchDir dir;
  WriteTextPdf(dir / "policy.pdf", {{"GENERAL ORDER 201.26", "Members shall not inquire about immigration status."}});
  WriteZip(dir / "production.zip",
           {{"manifest.csv",
             "path,title,agency,doc_kind,authority,number,issued,effective,source\n"
             "orders/go-201-26.pdf,Immigration Status,MPD,police_order,policy,GO-OPS-201.26,2021-06-01,,FOIA-1\n"},
            {"orders/go-201-26.pdf", ReadFile(dir / "policy.pdf")},
            {"mail/desk.txt", "The night clerk emailed ERO the discharge list.\n"},
            {"../../evil.txt", "escape"}});
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "production.zip").string()) + " --db " + db);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);  // partial: the refused entry is a recorded failure
  CHECK(run.out.find("new documents   2") != std::string::npos);
  CHECK(run.out.find("../../evil.txt: ZIP entry '../../evil.txt' refused: a path that leaves the drop ('..')") !=
        std::string::npos);

  auto status = RunFoiamine("status --json --db " + db);
  REQUIRE(status.exit_code == 0);
  auto j = nlohmann::json::parse(status.out);
  CHECK(j["documents"] == 2);
  REQUIRE(j["failures"].size() == 1);
  CHECK(j["failures"][0]["path"] == "../../evil.txt");
  CHECK(j["failures"][0]["drop"] == (dir / "production.zip").string());

  auto search = RunFoiamine("search 'immigration status' --json --db " + db);
  REQUIRE(search.exit_code == 0);
  auto hit = nlohmann::json::parse(search.out.substr(0, search.out.find('\n')));
  CHECK(hit["doc_path"] == "orders/go-201-26.pdf");
  CHECK(hit["doc_title"] == "Immigration Status");  // from the manifest inside the ZIP

  // Re-run: nothing new; the private folder of the first run is gone.
  auto again = RunFoiamine("run " + Quote((dir / "production.zip").string()) + " --db " + db);
  CHECK(again.out.find("unchanged       2") != std::string::npos);
}

TEST_CASE("ZipEntrySha256 hashes an entry in place, and names a missing one", "[zip]") {
  ScratchDir dir;
  WriteZip(dir / "p.zip", {{"docs/a.txt", "alpha"}});
  auto hash = ZipEntrySha256(dir / "p.zip", "docs/a.txt");
  REQUIRE(hash.ok());
  CHECK(*hash == Sha256Hex("alpha"));
  auto missing = ZipEntrySha256(dir / "p.zip", "docs/b.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  CHECK(missing.status().message().find("has no entry 'docs/b.txt'") != std::string::npos);
}

TEST_CASE("verify and cite re-hash the documents of a ZIP drop inside their archive", "[zip][verify][cite][e2e]") {
  ScratchDir dir;
  const std::string policy = "The Department shall notify ICE of the release date of an inmate.\n";
  WriteZip(dir / "production.zip", {{"a.txt", policy}, {"b.txt", "A second record, nothing to cite.\n"}});
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "production.zip").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  auto clean = RunFoiamine("verify --db " + db);
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("2 files checked: 2 unchanged, 0 changed, 0 vanished") != std::string::npos);
  auto clauses = JsonLines(RunFoiamine("clauses --json --db " + db).out);
  REQUIRE_FALSE(clauses.empty());
  const std::string id = clauses[0]["id"];
  auto cite = RunFoiamine("cite " + id + " --db " + db);
  INFO(cite.out << cite.err);
  CHECK(cite.exit_code == 0);
  CHECK(cite.out.find("(re-hashed now: matches)") != std::string::npos);
  CHECK(cite.out.find("entry of a ZIP drop") != std::string::npos);

  // The same archive, a.txt altered and b.txt gone.
  WriteZip(dir / "production.zip", {{"a.txt", "The Department shall not notify ICE.\n"}});
  auto dirty = RunFoiamine("verify --db " + db);
  INFO(dirty.out << dirty.err);
  CHECK(dirty.exit_code == 2);
  CHECK(dirty.out.find("CHANGED   " + (dir / "production.zip" / "a.txt").string()) != std::string::npos);
  CHECK(dirty.out.find("VANISHED  " + (dir / "production.zip" / "b.txt").string()) != std::string::npos);
  CHECK(dirty.out.find("has no entry 'b.txt'") != std::string::npos);
  auto refused = RunFoiamine("cite " + id + " --db " + db);
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("changed since it was indexed") != std::string::npos);
}
