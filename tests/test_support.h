// Helpers shared by the tests: scratch directories, running the real binary,
// locating ../shared/eval.
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "extractors/document_text.h"
#include "extractors/rulebook.h"

// Ends the running test as skipped: the reason goes to Catch's output as a
// warning and to stdout behind the marker tests/CMakeLists.txt gives CTest
// (SKIP_REGULAR_EXPRESSION), so ctest reports the test as skipped, never as
// passed. For tests that need what a machine may lack (../shared, a Tesseract
// language, the corpus). Debian 12's Catch2 2 has no SKIP(); use it instead
// once Catch2 3 is available. Use at the top level of a TEST_CASE only.
#define SKIP_TEST(reason)                                              \
  do {                                                                 \
    WARN("skipped: " << reason);                                       \
    std::cout << "[foiamine test skipped] " << reason << std::endl;    \
    return;                                                            \
  } while (0)

namespace foiamine::testing {

// A fresh empty directory under the system temp dir, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the built `foiamine` binary with `args` (a shell-quoted argument string).
CommandResult RunFoiamine(const std::string& args);
// Runs any shell command, capturing stdout and stderr.
CommandResult RunShell(const std::string& command);

// Shell-quotes one argument.
std::string Quote(const std::string& arg);

// The repository root and ../shared/eval; SharedEval() is empty when absent.
std::filesystem::path SourceDir();
std::filesystem::path SharedEval();

void WriteFile(const std::filesystem::path& path, const std::string& bytes);
// The first column of the first row of `sql` on the index at `db_path`
// (opened read-only), e.g. "SELECT count(*) FROM pages". Fails the test on error.
int64_t QueryInt(const std::filesystem::path& db_path, const std::string& sql);
// The same as text (NULL reads as ""), e.g. a group_concat() snapshot of rows.
std::string QueryText(const std::filesystem::path& db_path, const std::string& sql);
// The content digest `foiamine status --json` prints for the index at
// `db_path`. Throws when status fails or prints no digest.
std::string IndexDigest(const std::filesystem::path& db_path);
// Parses JSON Lines output (blank lines skipped).
std::vector<nlohmann::json> JsonLines(const std::string& text);

// Calls `visit` with every string of 1 to `max_length` bytes over `alphabet`, shorter ones first; returns how many:
// the exhaustive check that holds a fast path to the general one it stands for.
size_t ForEachString(const std::string& alphabet, int max_length, const std::function<void(const std::string&)>& visit);
// Calls `visit` with every line of every corpus truth text (corpus/truth/**.txt); returns how many files were read.
size_t ForEachCorpusLine(const std::function<void(const std::string&)>& visit);
std::string ReadFile(const std::filesystem::path& path);
// The rulebook the tests check: schemas/rulebook.yaml of the source tree, or the copy
// $FOIAMINE_TEST_RULEBOOK names (a draft in a worktree, checked with this build's
// binary before it is merged; unset in CI, so CI checks the source tree's file).
std::filesystem::path ShippedRulebookPath();
// That rulebook, loaded once; a load failure fails the test.
const extractors::Rulebook& ShippedRulebook();
// The pages of a plain text as the pipeline makes them for the extractors
// (pipeline/normalize.h NormalizedTextPages): the one normalizer, so that a
// test starting from text scores what a run would index.
std::vector<extractors::PageText> NormalizedPages(const std::string& text);

}  // namespace foiamine::testing

namespace foiamine::testing {

// A PDF of Letter pages (or `page_box`) whose content streams are given raw
// (uncompressed), with a correct cross-reference table.
void WriteRawPdf(const std::filesystem::path& path, const std::vector<std::string>& contents,
                 const std::string& page_box = "/MediaBox [0 0 612 792]");
// One page of `strokes` thick full-page strokes: seconds of Poppler drawing
// at 300 dpi from a few bytes of PDF.
std::string RenderBombPage(int strokes);

// Writes a born-digital PDF (cairo, Letter size, 11 pt DejaVu Sans / the
// default sans font) with one page per element of `pages`; each page's
// lines are drawn top to bottom. Also sets the PDF's title metadata.
void WriteTextPdf(const std::filesystem::path& path, const std::vector<std::vector<std::string>>& pages,
                  const std::string& title = "");
// Writes a one-page born-digital PDF of a table: each row's cells drawn at the x positions (points) of
// `column_x`, rows 22 pt apart (cairo, Letter landscape, 11 pt DejaVu Sans Mono); `title` lines above it.
void WriteTablePdf(const std::filesystem::path& path, const std::vector<std::string>& title,
                   const std::vector<std::vector<std::string>>& rows, const std::vector<double>& column_x);
// A drop with one two-page policy PDF, `file_name`, whose p. 2 § 9.a.(b)
// requires notifying ICE before release, and a manifest.csv naming it
// DOC PS 4020.1F "Inmate Release Procedures".
void MakePolicyDrop(const std::filesystem::path& drop, const std::string& file_name);

}  // namespace foiamine::testing

namespace foiamine::testing {

// Character error rate: Levenshtein distance over Unicode code points
// between `hypothesis` and `reference`, divided by the reference length,
// after both have their whitespace folded to single spaces and trimmed.
double CharacterErrorRate(const std::string& hypothesis, const std::string& reference);

// Writes an image-only PDF: each page of the born-digital PDF `source`,
// rendered at `dpi` 8-bit gray, turned clockwise by `quarter_turns` x 90
// degrees and then by `skew_degrees`, as one image per page (Leptonica).
void WriteScannedPdf(const std::filesystem::path& source, const std::filesystem::path& out, int dpi,
                     int quarter_turns = 0, double skew_degrees = 0);

}  // namespace foiamine::testing
