// Hostile documents and faults (issue 18): each input is generated here, at
// test time, and small. Bounds are asserted by counts, or by a generous hang
// guard (`timeout`), never by a tight wall-clock limit.
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/drop_links.h"
#include "pipeline/ocr_pool.h"
#include "base/terminal_text.h"
#include "pipeline/text_file.h"
#include "pipeline/text_pages.h"
#include "pipeline/writer_lock.h"
#include "pipeline/zip_drop.h"
#include "search/diverge_report.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

TEST_CASE("hostile: a long text sheet is split into pages of at most 64 KiB, at paragraph breaks",
          "[hostile][text]") {
  // Paragraphs of ~1 KiB: every cut falls on a blank line.
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(1000, 'a' + i % 26) + " end.\n\n";
  const auto pieces = SplitTextSheet(text);
  CHECK(pieces.size() >= 300 * 1007 / kMaxTextPageBytes);
  std::string joined;
  for (auto p : pieces) {
    CHECK(p.size() <= kMaxTextPageBytes);
    joined += p;
    if (p.data() + p.size() != text.data() + text.size()) CHECK(p.substr(p.size() - 2) == "\n\n");
  }
  CHECK(joined == text);
  // One 5 MB line: cut at spaces, never inside a word.
  const std::string words = [] {
    std::string s;
    while (s.size() < (5u << 20)) s += "lorem ipsum dolor sit amet ";
    return s;
  }();
  SourceDocument doc = PagesFromText(words);
  CHECK(doc.pages.size() >= (5u << 20) / kMaxTextPageBytes);
  for (const auto& page : doc.pages) {
    size_t bytes = 0;
    for (const auto& w : page.words) {
      bytes += w.text.size() + 1;
      CHECK((w.text == "lorem" || w.text == "ipsum" || w.text == "dolor" || w.text == "sit" || w.text == "amet"));
    }
    CHECK(bytes <= kMaxTextPageBytes);
  }
  // One word with no break at all, of three-byte characters: cut at a code point, never inside one.
  std::string euros;
  for (int i = 0; i < 50000; ++i) euros += "\xE2\x82\xAC";
  const auto cuts = SplitTextSheet(euros);
  CHECK(cuts.size() >= 3);
  std::string rejoined;
  for (auto p : cuts) {
    CHECK(p.size() <= kMaxTextPageBytes);
    CHECK(p.size() % 3 == 0);
    rejoined += p;
  }
  CHECK(rejoined == euros);
  // A sheet under the bound is one page, as before.
  CHECK(PagesFromText("short\n\ntext\fpage two").pages.size() == 2);
}

TEST_CASE("hostile: search on a 5 MB one-line text file answers (bounded pages)", "[hostile][text][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  std::string s;
  while (s.size() < (5u << 20)) s += "lorem ipsum dolor sit amet ";
  WriteFile(dir / "drop" / "x.txt", s);
  const std::string db = (dir / "x.db").string();
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db));
  REQUIRE(run.exit_code == 0);
  CHECK(QueryInt(db, "SELECT max(length(text)) FROM pages") <= static_cast<int64_t>(kMaxTextPageBytes));
  CHECK(QueryInt(db, "SELECT count(*) FROM pages") >= 80);
  // Hang guard: 64 s before the fix on this machine; a few ms after.
  auto search = RunShell("timeout 120 " + Quote(FOIAMINE_BIN) + " search lorem --limit 1 --db " + Quote(db));
  CHECK(search.exit_code == 0);
  CHECK(search.out.find("1 hit") != std::string::npos);
}

TEST_CASE("hostile: a symlink out of a folder drop is not followed, one inside is", "[hostile][links][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop" / "sub");
  WriteFile(dir / "outside.txt", "Zanzibarquux secret outside the drop.");
  WriteFile(dir / "drop" / "sub" / "real.txt", "Quokkaword inside the drop.");
  fs::create_symlink(dir / "outside.txt", dir / "drop" / "leak.txt");
  fs::create_symlink(dir / "drop" / "sub" / "real.txt", dir / "drop" / "alias.txt");
  const std::string db = (dir / "l.db").string();
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db));
  CHECK(run.exit_code == 2);
  CHECK(RunFoiamine("search Zanzibarquux --json --db " + Quote(db)).out.empty());
  CHECK_FALSE(RunFoiamine("search Quokkaword --json --db " + Quote(db)).out.empty());
  CHECK(QueryText(db, "SELECT group_concat(path || ': ' || reason) FROM failures") ==
        std::string("leak.txt: ") + kLinkLeavesDrop);
}

TEST_CASE("hostile: a ZIP of several entries each under the ratio floor is refused as a whole bomb",
          "[hostile][zip]") {
  ScratchDir dir;
  const fs::path zip = dir / "bomb.zip";
  RunShell("python3 - " + Quote(zip.string()) + R"( <<'PY'
import zipfile,sys
with zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED,compresslevel=9) as z:
    for i in range(4): z.writestr(f"e{i}.txt", b" "*(900<<10))
PY
)");
  ZipLimits limits;
  limits.ratio_floor_bytes = 1 << 20;  // 1 MiB: every entry is under it, the four together are not
  auto drop = ZipDrop::Open(zip, limits);
  REQUIRE(drop.ok());
  CHECK(drop->entries().empty());
  REQUIRE(drop->refusals().size() == 1);
  INFO(drop->refusals()[0].reason);
  CHECK(drop->refusals()[0].name.empty());
  CHECK(drop->refusals()[0].reason.find("the archive is a zip bomb") == 0);
  CHECK(fs::is_empty(drop->dir()));
}

TEST_CASE("hostile: a ZIP entry name flagged UTF-8 is read as UTF-8", "[hostile][zip]") {
  ScratchDir dir;
  const fs::path zip = dir / "u.zip";
  // Python sets the UTF-8 flag on non-ASCII names, as Windows and 7-Zip do.
  RunShell("python3 - " + Quote(zip.string()) + R"( <<'PY'
import zipfile,sys
with zipfile.ZipFile(sys.argv[1],"w") as z: z.writestr("Aviso-inmigración.txt","Palabraúnicaxyz.")
PY
)");
  auto drop = ZipDrop::Open(zip);
  REQUIRE(drop.ok());
  CHECK(drop->refusals().empty());
  REQUIRE(drop->entries().size() == 1);
  CHECK(drop->entries()[0].name == "Aviso-inmigraci\xC3\xB3n.txt");
  CHECK(ZipEntrySha256(zip, "Aviso-inmigraci\xC3\xB3n.txt").ok());
}

TEST_CASE("hostile: a ZIP entry clashing with a folder is refused alone, without a temporary path",
          "[hostile][zip]") {
  ScratchDir dir;
  for (bool file_first : {true, false}) {
    const fs::path zip = dir / (file_first ? "a.zip" : "b.zip");
    RunShell("python3 - " + Quote(zip.string()) + (file_first ? " 1" : " 0") + R"( <<'PY'
import zipfile,sys
with zipfile.ZipFile(sys.argv[1],"w") as z:
    names = ["a", "a/b.txt"] if sys.argv[2] == "1" else ["a/b.txt", "a"]
    for n in names + ["c.txt"]: z.writestr(n, "text of " + n)
PY
)");
    auto drop = ZipDrop::Open(zip);
    REQUIRE(drop.ok());
    REQUIRE(drop->entries().size() == 2);
    CHECK(drop->entries()[1].name == "c.txt");
    REQUIRE(drop->refusals().size() == 1);
    const auto& refusal = drop->refusals()[0];
    INFO(refusal.reason);
    CHECK(refusal.name == (file_first ? "a/b.txt" : "a"));
    CHECK(refusal.reason.find(drop->dir().string()) == std::string::npos);
    CHECK(refusal.reason.find("tmp") == std::string::npos);
  }
}

TEST_CASE("hostile: CSV cells cannot start a formula", "[hostile][csv]") {
  CHECK(CsvField("=HYPERLINK(\"http://evil.example/\",\"x\") Staff") == "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\") Staff\"");
  CHECK(CsvField("@SUM(1+1)") == "'@SUM(1+1)");
  CHECK(CsvField("+1") == "'+1");
  CHECK(CsvField("-1") == "'-1");
  CHECK(CsvField("\t=1") == "'\t=1");
  CHECK(CsvField("plain = text") == "plain = text");
}

TEST_CASE("hostile: a second writer of one index is refused at once, naming the first's pid", "[hostile][lock][e2e]") {
  ScratchDir dir;
  const std::string db = (dir / "i.db").string();
  {
    auto held = WriterLock::Acquire(db);
    REQUIRE(held.ok());
    auto second = WriterLock::Acquire(db);
    REQUIRE_FALSE(second.ok());
    CHECK(second.status().message().find("(pid " + std::to_string(getpid()) + ")") != std::string::npos);
    // A run while this process holds the lock: exit 1, nothing created.
    fs::create_directories(dir / "drop");
    WriteFile(dir / "drop" / "a.txt", "text");
    auto run = RunShell("timeout 60 " + Quote(FOIAMINE_BIN) + " run " + Quote((dir / "drop").string()) +
                        " --quiet --db " + Quote(db));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("being written by another foiamine process (pid " + std::to_string(getpid()) + ")") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(db));
  }
  CHECK_FALSE(fs::exists(WriterLockPath(db)));  // released and removed
  CHECK(WriterLock::Acquire(db).ok());
}

TEST_CASE("hostile: a blank page is not given to Tesseract", "[hostile][ocr]") {
  ScratchDir dir;
  WriteRawPdf(dir / "blank.pdf", {"", "0 0 m 300 300 l S"});
  OcrSettings settings;
  settings.languages = "no-such-language";  // Tesseract cannot start: only pages that skip it succeed
  OcrPool pool(settings, 1, "");
  auto blank = pool.Submit(OcrJob{dir / "blank.pdf", true, 0, false}).get();
  INFO(blank.status.message());
  CHECK(blank.status.ok());
  CHECK(blank.result.words.empty());
  CHECK(blank.result.width_pt == Approx(612).margin(1));
  auto inked = pool.Submit(OcrJob{dir / "blank.pdf", true, 1, false}).get();
  CHECK_FALSE(inked.status.ok());
}

TEST_CASE("hostile: 40 blank scanned pages are read without OCR, identical pages once", "[hostile][ocr][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  WriteRawPdf(dir / "drop" / "empty-40.pdf", std::vector<std::string>(40, ""));
  const std::string db = (dir / "e.db").string();
  // Hang guard only: 14 s of OCR before the fix, well under a second after.
  auto run = RunShell("timeout 300 " + Quote(FOIAMINE_BIN) + " run " + Quote((dir / "drop").string()) +
                      " --quiet --jobs 2 --db " + Quote(db));
  CHECK(run.exit_code == 0);
  CHECK(QueryInt(db, "SELECT count(*) FROM pages WHERE method = 'ocr'") == 40);
  CHECK(QueryInt(db, "SELECT count(*) FROM ocr_cache") == 1);
}

TEST_CASE("hostile: a render-heavy page obeys --pdf-timeout and Ctrl-C, and is not failed by Ctrl-C",
          "[hostile][ocr][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  WriteRawPdf(dir / "drop" / "bomb.pdf", {RenderBombPage(2000)});
  const std::string bin = Quote(FOIAMINE_BIN), drop = Quote((dir / "drop").string());
  // The time limit: the page fails with its reason (82 s of drawing before the fix).
  const std::string db1 = (dir / "t.db").string();
  auto limited = RunShell("timeout 300 " + bin + " run " + drop + " --quiet --pdf-timeout 2 --db " + Quote(db1));
  CHECK(limited.exit_code == 2);
  CHECK(QueryText(db1, "SELECT group_concat(message) FROM events").find("took longer than 2 s") != std::string::npos);
  // Ctrl-C while it draws: exit 3 at once (the guard is generous), nothing recorded as failed.
  const std::string db2 = (dir / "c.db").string();
  auto interrupted = RunShell("timeout -s KILL 120 " + bin + " run " + drop + " --quiet --db " + Quote(db2) +
                              " & p=$!; sleep 3; kill -INT $p; wait $p; echo exit=$?");
  INFO(interrupted.out << interrupted.err);
  CHECK(interrupted.out.find("exit=3") != std::string::npos);
  CHECK(QueryInt(db2, "SELECT count(*) FROM failures") == 0);
  CHECK(QueryInt(db2, "SELECT count(*) FROM documents") == 0);
}

TEST_CASE("hostile: --quiet keeps Poppler's render messages off stderr and counts them in the events",
          "[hostile][quiet][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  std::string noisy;
  for (int i = 0; i < 500; ++i) noisy += "0 0 m 10 10 l zzbogus S\n";
  WriteRawPdf(dir / "drop" / "noisy.pdf", {noisy});
  const std::string db = (dir / "q.db").string();
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db));
  INFO(run.err.substr(0, 2000));
  CHECK(run.err.empty());
  CHECK(QueryText(db, "SELECT group_concat(message) FROM events").find("Poppler reported") != std::string::npos);
}

TEST_CASE("hostile: control characters in names and manifest fields never reach the terminal",
          "[hostile][terminal]") {
  CHECK(EscapeForTerminal("a\x1b]0;pwned\x07" "b\nc.txt") == "a\\x1B]0;pwned\\x07b\\x0Ac.txt");
  CHECK(EscapeForTerminal("C1\xC2\x9B" "2J") == "C1\\x9B2J");
  CHECK(EscapeForTerminal("inmigraci\xC3\xB3n") == "inmigraci\xC3\xB3n");
  CHECK(CleanFieldText("Title\twith\nbreaks \x1b[2J") == "Title with breaks \\x1B[2J");
}

TEST_CASE("hostile: file names with escapes are shown escaped by run and search", "[hostile][terminal][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  WriteFile(dir / "drop" / "evil\x1b[2J\nname.txt", "Wombatword in an evil file.");
  const std::string db = (dir / "t.db").string();
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + Quote(db));
  CHECK(run.exit_code == 0);
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK(run.err.find("evil\\x1B[2J\\x0Aname.txt") != std::string::npos);
  auto search = RunFoiamine("search Wombatword --db " + Quote(db));
  CHECK(search.out.find('\x1b') == std::string::npos);
}

TEST_CASE("hostile: text from inside documents is printed inert by search, pages, clauses, cite and diverge",
          "[hostile][terminal][e2e]") {
  CHECK(EscapeTextForTerminal("line\tone\nline two \x1b]0;pwned\x07") == "line\tone\nline two \\x1B]0;pwned\\x07");
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  WriteFile(dir / "drop" / "policy.txt",
            "1. RELEASE\nThe Department shall not notify ICE of any release date of a wombatword detainee.\n");
  const std::string db = (dir / "t.db").string();
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db)).exit_code == 0);
  REQUIRE(QueryInt(db, "SELECT count(*) FROM clauses") > 0);
  // The normalizer keeps control characters out of what it indexes; an
  // index written otherwise (an older version, another tool) may not.
  const std::string evil = "char(27) || ']0;pwned' || char(7) || char(27) || '[2J'";
  auto edit = RunShell("sqlite3 " + Quote(db) + " \"UPDATE pages SET text = text || ' ' || " + evil +
                       "; UPDATE clauses SET text = text || " + evil + "; UPDATE documents SET title = 'T' || " + evil +
                       ";\"");
  REQUIRE(edit.exit_code == 0);
  const std::string clause_id = QueryText(db, "SELECT id FROM clauses LIMIT 1");
  const std::vector<std::string> commands = {"search wombatword", "pages", "clauses", "cite " + clause_id,
                                             "diverge --format text"};
  for (const std::string& command : commands) {
    auto out = RunFoiamine(command + " --db " + Quote(db));
    INFO(command << ": " << out.out << out.err);
    CHECK(out.exit_code == 0);
    CHECK(out.out.find('\x1b') == std::string::npos);
    CHECK(out.out.find('\x07') == std::string::npos);
  }
  CHECK(RunFoiamine("pages --db " + Quote(db)).out.find("\\x1B]0;pwned\\x07") != std::string::npos);
}

TEST_CASE("hostile: queries are bounded, an empty clause id is refused, --limit 0 is a plain usage error",
          "[hostile][query][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  WriteFile(dir / "drop" / "a.txt", "The Department shall not notify ICE of the release date of any inmate.");
  const std::string db = (dir / "q.db").string();
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db)).exit_code == 0);
  std::string long_query;
  for (int i = 0; i < 20000; ++i) long_query += "w" + std::to_string(i) + " ";
  auto too_long = RunShell("timeout 60 " + Quote(FOIAMINE_BIN) + " search " + Quote(long_query.substr(0, 100000)) +
                           " --db " + Quote(db));
  CHECK(too_long.exit_code == 1);
  CHECK(too_long.err.find("too long") != std::string::npos);
  auto near = RunFoiamine("search 'NEAR(ICE, x)' --db " + Quote(db));
  CHECK(near.exit_code == 1);
  CHECK(near.err.find("Query syntax") != std::string::npos);
  auto empty_id = RunFoiamine("cite '' --db " + Quote(db));
  CHECK(empty_id.exit_code == 1);
  CHECK(empty_id.out.empty());
  CHECK(empty_id.err.find("empty clause id") != std::string::npos);
  auto zero = RunFoiamine("search ICE --limit 0 --db " + Quote(db));
  CHECK(zero.exit_code == 1);
  CHECK(zero.err.size() < 200);
  CHECK(zero.err.find("e+308") == std::string::npos);
}

TEST_CASE("hostile: cite --exhibit refuses a page past the pixel bound before rendering", "[hostile][exhibit][e2e]") {
  ScratchDir dir;
  fs::create_directories(dir / "drop");
  // A 14400 pt square page with a clause in its text layer.
  const std::string text = "BT /F1 12 Tf 72 14000 Td (The Department shall not notify ICE of the release date of any inmate.) Tj ET";
  WriteRawPdf(dir / "drop" / "huge.pdf", {text}, "/MediaBox [0 0 14400 14400]");
  const std::string db = (dir / "x.db").string();
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + Quote(db)).exit_code <= 2);
  const std::string id = QueryText(db, "SELECT id FROM clauses LIMIT 1");
  REQUIRE_FALSE(id.empty());
  // Hang and memory guard: 1.85 GB and a long render before the fix.
  auto cite = RunShell("ulimit -v 3000000; timeout 120 " + Quote(FOIAMINE_BIN) + " cite " + id + " --db " + Quote(db) +
                       " --exhibit " + Quote((dir / "x.png").string()));
  INFO(cite.err);
  CHECK(cite.exit_code == 1);
  CHECK(cite.err.find("megapixel limit") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.png"));
}
