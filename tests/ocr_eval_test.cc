// OCR accuracy on real scans nobody here made (../shared/eval/ocr-gt-*,
// court-docs-*) and on the corpus' scans (corpus/truth), beside the
// `tesseract` command-line tool's on the same images. Skipped, saying so,
// where the data is absent. The CERs are printed as a table on stdout; the
// bounds are the measured figures plus a margin a regression would break.
//
// Measured here (foiamine / tesseract CLI 5.3.0 defaults): phototest 0.00 /
// 0.00%, rotated 180 0.00 / 82.0%, rotated L 0.00 / 82.0%, rotated R 0.00 /
// 0.00%, eurotext 2.43 / 2.18%, 8087_054 7.77 / 7.77%, 8071_093 4.80 /
// 9.39%, UW3 lines 5.19 / 5.19% (page segmentation on single lines; psm 7
// would do better), court opinion 0.84 / 0.84%, corpus scans 3.70 / 10.74%.
//
// CER: Levenshtein distance over code points / reference length, whitespace
// folded (test_support.h). Reading order counts: multi-column pages score
// worse than their recognition is.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "pipeline/ocr_engine.h"
#include "pipeline/ocr_pool.h"
#include "render/page_image.h"
#include "render/render_process.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

std::string Text(const OcrPageResult& r) {
  std::string out;
  for (const auto& w : r.words) out += w.text + (w.after == Break::kSpace ? " " : "\n");
  return out;
}

// foiamine's OCR of one page (image frame or PDF page), PDF pages rendered
// as a run renders them (at 300 dpi or a scan's own lower resolution).
std::string FoiamineOcr(OcrEngine& engine, const fs::path& path, int page) {
  bool pdf = path.extension() == ".pdf";
  StatusOr<PageImage> image = Status::Internal("not read");
  if (pdf) {
    RenderProcess renderer(OcrRenderLimits(RenderLimits{}, 300));
    auto rendered = renderer.Render(path, page);
    REQUIRE(rendered.ok());
    REQUIRE_FALSE(rendered->blank);
    image = std::move(rendered->image);
  } else {
    image = ReadImagePage(path, page, {});
  }
  REQUIRE(image.ok());
  auto r = engine.Recognize(*image);
  REQUIRE(r.ok());
  return Text(*r);
}

// Whether to run the `tesseract` CLI beside foiamine (FOIAMINE_EVAL_CLI=1):
// it doubles the time of these tests, so it is opt-in.
bool CompareWithCli() {
  const char* env = std::getenv("FOIAMINE_EVAL_CLI");
  return env && std::string(env) == "1";
}

// The `tesseract` CLI with default settings (OMP_THREAD_LIMIT=1) on the same
// image; PDF pages are rasterized at 300 dpi gray by pdftoppm first. Empty
// when not compared (Row then omits it).
std::string CliOcr(const fs::path& path, int page, const std::string& lang = "eng") {
  if (!CompareWithCli()) return {};
  ScratchDir tmp;
  fs::path image = path;
  if (path.extension() == ".pdf") {
    auto r = RunShell("pdftoppm -r 300 -gray -png -f " + std::to_string(page + 1) + " -l " +
                      std::to_string(page + 1) + " -singlefile " + Quote(path.string()) + " " +
                      Quote((tmp / "p").string()));
    REQUIRE(r.exit_code == 0);
    image = tmp / "p.png";
  }
  auto r = RunShell("OMP_THREAD_LIMIT=1 tesseract " + Quote(image.string()) + " - -l " + lang + " 2>/dev/null");
  return r.out;
}

std::vector<std::string> SplitPages(const std::string& text) {
  std::vector<std::string> pages;
  size_t start = 0;
  while (true) {
    size_t ff = text.find('\f', start);
    pages.push_back(text.substr(start, ff == std::string::npos ? std::string::npos : ff - start));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  return pages;
}

void Row(const std::string& name, double ours, double cli) {
  char line[200];
  if (CompareWithCli()) {
    std::snprintf(line, sizeof line, "OCR CER  %-58s foiamine %6.2f%%   tesseract CLI %6.2f%%", name.c_str(),
                  ours * 100, cli * 100);
  } else {
    std::snprintf(line, sizeof line, "OCR CER  %-58s foiamine %6.2f%%   (FOIAMINE_EVAL_CLI=1 to compare)",
                  name.c_str(), ours * 100);
  }
  std::cout << line << std::endl;
}

std::unique_ptr<OcrEngine> Engine(const std::string& lang = "eng") {
  OcrSettings s;
  s.languages = lang;
  auto e = OcrEngine::Create(s);
  REQUIRE(e.ok());
  return std::move(e.value());
}

fs::path CorpusDir() {
  if (const char* env = std::getenv("FOIAMINE_CORPUS_DIR")) return env;
  return SourceDir() / "corpus";
}

}  // namespace

TEST_CASE("OCR CER on tesseract's test pages, upright and rotated (shared eval)", "[ocr_eval][shared]") {
  fs::path dir = SharedEval() / "ocr-gt-tesseract-test";
  if (SharedEval().empty() || !fs::exists(dir)) {
    SKIP_TEST("skipped: ../shared/eval/ocr-gt-tesseract-test is absent");
  }
  auto engine = Engine();
  const std::string gold = ReadFile(dir / "phototest.gold.txt");
  struct Case {
    const char* image;
    const char* truth;
    double bound;
  };
  // Bounds: measured (foiamine) + margin. The CLI reads nothing sensible of
  // the rotated variants; foiamine must read them as well as upright.
  for (const Case& c : {Case{"phototest.tif", "phototest.gold.txt", 0.01},
                        Case{"phototest-rotated-180.png", "phototest.gold.txt", 0.01},
                        Case{"phototest-rotated-L.png", "phototest.gold.txt", 0.01},
                        Case{"phototest-rotated-R.png", "phototest.gold.txt", 0.01},
                        Case{"eurotext.tif", "eurotext.txt", 0.035},
                        Case{"8087_054.3B.tif", "8087_054.3B.txt", 0.095},
                        Case{"8071_093.3B.tif", "8071_093.3B.txt", 0.065}}) {
    std::string truth = ReadFile(dir / c.truth);
    double ours = CharacterErrorRate(FoiamineOcr(*engine, dir / c.image, 0), truth);
    double cli = CharacterErrorRate(CliOcr(dir / c.image, 0), truth);
    Row(std::string("tesseract-test/") + c.image, ours, cli);
    CHECK(ours <= c.bound);
  }
}

TEST_CASE("OCR CER on 20 scanned UW3 lines (shared eval)", "[ocr_eval][shared]") {
  fs::path dir = SharedEval() / "ocr-gt-uw3-lines-calamari" / "test";
  if (SharedEval().empty() || !fs::exists(dir)) {
    SKIP_TEST("skipped: ../shared/eval/ocr-gt-uw3-lines-calamari is absent");
  }
  auto engine = Engine();
  double ours = 0, cli = 0;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.size() < 8 || name.substr(name.size() - 8) != ".bin.png") continue;
    std::string stem = name.substr(0, name.size() - 8);
    std::string truth = ReadFile(dir / (stem + ".gt.txt"));
    ours += CharacterErrorRate(FoiamineOcr(*engine, entry.path(), 0), truth);
    cli += CharacterErrorRate(CliOcr(entry.path(), 0), truth);
    ++n;
  }
  REQUIRE(n == 20);
  Row("uw3-lines/test (mean of 20 lines)", ours / n, cli / n);
  CHECK(ours / n <= 0.065);
}

TEST_CASE("OCR CER on an image-only court opinion (shared eval)", "[ocr_eval][shared]") {
  fs::path dir = SharedEval() / "court-docs-freelawproject-doctor" / "scanned-or-image";
  if (SharedEval().empty() || !fs::exists(dir)) {
    SKIP_TEST("skipped: ../shared/eval/court-docs-freelawproject-doctor is absent");
  }
  auto engine = Engine();
  std::string truth = ReadFile(dir / "image-pdf.GT-from-vector-pdf-p1-2.txt");
  std::string ours = FoiamineOcr(*engine, dir / "image-pdf.pdf", 0) + FoiamineOcr(*engine, dir / "image-pdf.pdf", 1);
  std::string cli = CliOcr(dir / "image-pdf.pdf", 0) + CliOcr(dir / "image-pdf.pdf", 1);
  double ours_cer = CharacterErrorRate(ours, truth);
  Row("court-docs/image-pdf.pdf pp. 1-2", ours_cer, CharacterErrorRate(cli, truth));
  CHECK(ours_cer <= 0.015);
}

TEST_CASE("OCR CER on the corpus' scans against corpus/truth", "[ocr_eval][corpus]") {
  fs::path corpus = CorpusDir();
  if (!fs::exists(corpus / "truth")) {
    SKIP_TEST("skipped: " << (corpus / "truth").string() << " is absent (set FOIAMINE_CORPUS_DIR to a corpus/)");
  }
  auto eng = Engine("eng");
  auto eng_spa = Engine("eng+spa");
  size_t scans = 0;
  double total_errors = 0, total_chars = 0, cli_errors = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus / "drop")) {
    const fs::path& file = entry.path();
    std::string name = file.filename().string();
    bool scanned = name.find("-scan.pdf") != std::string::npos || file.extension() == ".png";
    if (!entry.is_regular_file() || !scanned) continue;
    fs::path truth_path = corpus / "truth" / (fs::relative(file, corpus / "drop").string() + ".txt");
    if (!fs::exists(truth_path)) continue;
    bool spanish = name.find("-es-") != std::string::npos;
    std::vector<std::string> pages = SplitPages(ReadFile(truth_path));
    double doc_errors = 0, doc_chars = 0, doc_cli = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
      double len = static_cast<double>(pages[p].size());
      doc_errors += CharacterErrorRate(FoiamineOcr(spanish ? *eng_spa : *eng, file, static_cast<int>(p)), pages[p]) * len;
      doc_cli += CharacterErrorRate(CliOcr(file, static_cast<int>(p), spanish ? "eng+spa" : "eng"), pages[p]) * len;
      doc_chars += len;
    }
    Row("corpus/" + fs::relative(file, corpus / "drop").string(), doc_errors / doc_chars, doc_cli / doc_chars);
    total_errors += doc_errors;
    total_chars += doc_chars;
    cli_errors += doc_cli;
    ++scans;
  }
  REQUIRE(scans > 0);
  Row("corpus scans (all, weighted by length)", total_errors / total_chars, cli_errors / total_chars);
  CHECK(total_errors / total_chars <= 0.045);
}
