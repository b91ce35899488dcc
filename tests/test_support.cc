#include "tests/test_support.h"

#include "index/sqlite.h"
#include "index/word_boxes.h"
#include "pipeline/normalize.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

namespace foiamine::testing {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = fs::temp_directory_path() /
                         ("foiamine-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a scratch directory");
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string Quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return quoted + "'";
}

CommandResult RunShell(const std::string& command) {
  ScratchDir capture;
  fs::path out = capture / "out", err = capture / "err";
  std::string full = "( " + command + " ) >" + Quote(out) + " 2>" + Quote(err) + " </dev/null";
  int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

CommandResult RunFoiamine(const std::string& args) {
  return RunShell(Quote(FOIAMINE_BIN) + " " + args);
}

fs::path SourceDir() { return fs::path(FOIAMINE_SOURCE_DIR); }

fs::path SharedEval() {
  // FOIAMINE_SHARED_DIR in the environment: a git worktree elsewhere than
  // beside ../shared still runs the tests that read it.
  const char* env = std::getenv("FOIAMINE_SHARED_DIR");
  fs::path eval = fs::path(env && *env ? env : FOIAMINE_SHARED_DIR) / "eval";
  std::error_code ec;
  return fs::is_directory(eval, ec) ? eval : fs::path();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << bytes;
  if (!f) throw std::runtime_error("cannot write " + path.string());
}

int64_t QueryInt(const fs::path& db_path, const std::string& sql) {
  auto db = Database::Open(db_path.string(), Database::Mode::kReadOnly);
  if (!db.ok()) throw std::runtime_error(db.status().message());
  // As foiamine's own connections: the `words` view decodes page_words with it.
  if (Status f = RegisterWordBoxFunctions(*db); !f.ok()) throw std::runtime_error(f.message());
  auto stmt = db->Prepare(sql);
  if (!stmt.ok()) throw std::runtime_error(stmt.status().message());
  if (!stmt->Step()) throw std::runtime_error("no row for: " + sql);
  return stmt->Int(0);
}

std::string QueryText(const fs::path& db_path, const std::string& sql) {
  auto db = Database::Open(db_path.string(), Database::Mode::kReadOnly);
  if (!db.ok()) throw std::runtime_error(db.status().message());
  // As foiamine's own connections: the `words` view decodes page_words with it.
  if (Status f = RegisterWordBoxFunctions(*db); !f.ok()) throw std::runtime_error(f.message());
  auto stmt = db->Prepare(sql);
  if (!stmt.ok()) throw std::runtime_error(stmt.status().message());
  if (!stmt->Step()) throw std::runtime_error("no row for: " + sql);
  return stmt->Text(0);
}

std::string IndexDigest(const fs::path& db_path) {
  auto status = RunFoiamine("status --json --db " + Quote(db_path.string()));
  if (status.exit_code != 0) throw std::runtime_error("foiamine status failed: " + status.err);
  auto j = nlohmann::json::parse(status.out);
  if (!j.contains("digest")) throw std::runtime_error("foiamine status --json printed no digest");
  return j["digest"].get<std::string>();
}

size_t ForEachCorpusLine(const std::function<void(const std::string&)>& visit) {
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() / "corpus" / "truth")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    ++files;
    const std::string text = ReadFile(e.path());
    for (size_t pos = 0; pos < text.size();) {
      const size_t nl = std::min(text.find('\n', pos), text.size());
      visit(text.substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
  return files;
}

size_t ForEachString(const std::string& alphabet, int max_length, const std::function<void(const std::string&)>& visit) {
  std::vector<std::string> level = {""};
  size_t visited = 0;
  for (int length = 1; length <= max_length; ++length) {
    std::vector<std::string> longer;
    longer.reserve(level.size() * alphabet.size());
    for (const std::string& s : level)
      for (char c : alphabet) longer.push_back(s + c);
    for (const std::string& s : longer) visit(s);
    visited += longer.size();
    level.swap(longer);
  }
  return visited;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(nlohmann::json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace foiamine::testing

#include <cairo-pdf.h>
#include <cairo.h>

namespace foiamine::testing {

namespace {
// A PDF of width x height points at `path` (its folders made), drawn by `draw` in 11 pt `font`; its creation date fixed
// so the bytes are the same on every run. Throws when cairo cannot write it.
template <typename Draw>
void WritePdf(const fs::path& path, double width, double height, const std::string& title, const char* font, Draw draw) {
  fs::create_directories(path.parent_path());
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), width, height), &cairo_surface_destroy);
  if (!title.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00Z");
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_select_font_face(cr.get(), font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr.get(), 11);
  draw(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cairo could not write " + path.string());
  }
}
}  // namespace

void WriteTextPdf(const fs::path& path, const std::vector<std::vector<std::string>>& pages, const std::string& title) {
  WritePdf(path, 612, 792, title, "DejaVu Sans", [&](cairo_t* cr) {
    for (const auto& lines : pages) {
      double y = 72;
      for (const auto& line : lines) {
        cairo_move_to(cr, 72, y);
        cairo_show_text(cr, line.c_str());
        y += 15;
      }
      cairo_show_page(cr);
    }
  });
}

void WriteTablePdf(const fs::path& path, const std::vector<std::string>& title,
                   const std::vector<std::vector<std::string>>& rows, const std::vector<double>& column_x) {
  WritePdf(path, 792, 612, "", "DejaVu Sans Mono", [&](cairo_t* cr) {
    double y = 60;
    for (const std::string& line : title) {
      cairo_move_to(cr, column_x.front(), y);
      cairo_show_text(cr, line.c_str());
      y += 18;
    }
    y += 18;
    for (const auto& row : rows) {
      for (size_t k = 0; k < row.size() && k < column_x.size(); ++k) {
        cairo_move_to(cr, column_x[k], y);
        cairo_show_text(cr, row[k].c_str());
      }
      y += 22;
    }
    cairo_show_page(cr);
  });
}

}  // namespace foiamine::testing

#include <leptonica/allheaders.h>

#include <cmath>

#include "render/page_image.h"

namespace foiamine::testing {

namespace {
std::u32string FoldedCodePoints(const std::string& s) {
  std::u32string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    i += len;
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(cp);
  }
  return out;
}
}  // namespace

double CharacterErrorRate(const std::string& hypothesis, const std::string& reference) {
  std::u32string h = FoldedCodePoints(hypothesis), r = FoldedCodePoints(reference);
  if (r.empty()) return h.empty() ? 0.0 : 1.0;
  std::vector<size_t> prev(h.size() + 1), cur(h.size() + 1);
  for (size_t j = 0; j <= h.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= r.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= h.size(); ++j) {
      size_t substitute = prev[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1);
      cur[j] = std::min(std::min(prev[j] + 1, cur[j - 1] + 1), substitute);
    }
    std::swap(prev, cur);
  }
  return static_cast<double>(prev[h.size()]) / static_cast<double>(r.size());
}

void WriteScannedPdf(const fs::path& source, const fs::path& out, int dpi, int quarter_turns, double skew_degrees) {
  fs::create_directories(out.parent_path());
  fs::remove(out);
  PIXA* pixa = pixaCreate(0);
  for (int page = 0;; ++page) {
    auto image = foiamine::RenderPage(source, page, foiamine::RenderLimits::AtDpi(dpi));
    if (!image.ok()) break;
    PIX* pix = pixClone(image->pix.get());
    if (quarter_turns % 4) {
      PIX* turned = pixRotateOrth(pix, quarter_turns % 4);
      pixDestroy(&pix);
      pix = turned;
    }
    if (skew_degrees != 0) {
      PIX* skewed = pixRotate(pix, static_cast<float>(skew_degrees * M_PI / 180.0), L_ROTATE_AREA_MAP,
                              L_BRING_IN_WHITE, 0, 0);
      pixDestroy(&pix);
      pix = skewed;
    }
    pixSetResolution(pix, dpi, dpi);
    pixaAddPix(pixa, pix, L_INSERT);
  }
  if (pixaGetCount(pixa) == 0 || pixaConvertToPdf(pixa, dpi, 1.0, L_FLATE_ENCODE, 0, "scan", out.c_str()) != 0) {
    pixaDestroy(&pixa);
    throw std::runtime_error("cannot write scanned PDF " + out.string());
  }
  pixaDestroy(&pixa);
}

std::filesystem::path ShippedRulebookPath() {
  const char* draft = std::getenv("FOIAMINE_TEST_RULEBOOK");
  return draft && *draft ? std::filesystem::path(draft) : SourceDir() / "schemas" / "rulebook.yaml";
}

const extractors::Rulebook& ShippedRulebook() {
  static const extractors::Rulebook rules = [] {
    auto loaded = extractors::LoadRulebook(ReadFile(ShippedRulebookPath()));
    if (!loaded.ok()) throw std::runtime_error("schemas/rulebook.yaml: " + loaded.status().message());
    return std::move(*loaded);
  }();
  return rules;
}

std::vector<extractors::PageText> NormalizedPages(const std::string& text) {
  std::vector<extractors::PageText> pages;
  for (std::string& page : NormalizedTextPages(text)) {
    pages.push_back(extractors::PageText{static_cast<int>(pages.size()) + 1, std::move(page)});
  }
  return pages;
}

void MakePolicyDrop(const fs::path& drop, const std::string& file_name) {
  WriteTextPdf(drop / file_name,
               {{"PROGRAM STATEMENT 4020.1F", "1. PURPOSE", "To set out how property is returned at discharge."},
                {"9. PROCEDURES", "a. Release Processing.",
                 "(b) Records office staff shall notify Immigration and Customs Enforcement",
                 "prior to releasing an inmate who is the subject of an immigration detainer."}});
  WriteFile(drop / "manifest.csv",
            "path,title,agency,doc_kind,authority,number,issued,effective,source\n" + file_name +
                ",Inmate Release Procedures,DOC,jail_policy,policy,PS 4020.1F,2019-03-01,2019-04-01,\n");
}

// A PDF of Letter pages whose content streams are given raw (uncompressed),
// with a correct cross-reference table.
void WriteRawPdf(const std::filesystem::path& path, const std::vector<std::string>& contents,
                 const std::string& page_box) {
  std::vector<std::string> objects;
  const size_t n = contents.size();
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < n; ++i) kids += std::to_string(3 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  for (size_t i = 0; i < n; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R " + page_box +
                      " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
                      " /Contents " + std::to_string(4 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" + contents[i] +
                      "\nendstream");
  }
  std::string pdf = "%PDF-1.7\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  WriteFile(path, pdf);
}

// One page of `strokes` thick full-page strokes: seconds of Poppler drawing
// at 300 dpi from a few bytes of PDF.
std::string RenderBombPage(int strokes) {
  std::string page = "20 w\n";
  for (int i = 0; i < strokes; ++i) page += "0 0 m 612 792 l 612 0 l 0 792 l S\n";
  return page;
}

}  // namespace foiamine::testing
