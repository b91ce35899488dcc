// search/memo_pdf: the court-ready PDFs on the real corpus index — the
// divergence memo (`diverge --format pdf`) and the exhibit bundle
// (`diverge --exhibits`, `cite ID... --exhibit X.pdf`). Read back with
// Poppler's tools (pdfinfo, pdftotext, pdftoppm), as a reader's viewer would.
#include <cairo.h>
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "search/cite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

// corpus/drop with its manifest, indexed once per test process (eng+spa, as
// the demo and the acceptance checks). Empty when the corpus is absent.
const fs::path& CorpusIndex() {
  static ScratchDir dir;
  static const fs::path db = [] {
    const fs::path drop = SourceDir() / "corpus" / "drop";
    if (!fs::exists(drop)) return fs::path();
    auto run = RunFoiamine("run " + Quote(drop.string()) + " --quiet --lang eng+spa --db " + Quote((dir / "i.db").string()));
    if (run.exit_code != 0) throw std::runtime_error("corpus run failed: " + run.err);
    return dir / "i.db";
  }();
  return db;
}

int PdfPages(const fs::path& pdf) {
  auto info = RunShell("pdfinfo " + Quote(pdf.string()));
  REQUIRE(info.exit_code == 0);
  int pages = 0;
  RE2::PartialMatch(info.out, R"(Pages:\s+(\d+))", &pages);
  return pages;
}

std::string PageText(const fs::path& pdf, int page) {
  auto t = RunShell("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                    Quote(pdf.string()) + " -");
  REQUIRE(t.exit_code == 0);
  return t.out;
}

// Every word's box lies inside its page (pdftotext -bbox, points).
void CheckTextInsidePages(const fs::path& pdf) {
  auto bbox = RunShell("pdftotext -bbox " + Quote(pdf.string()) + " -");
  REQUIRE(bbox.exit_code == 0);
  double pw = 0, ph = 0;
  int words = 0, outside = 0;
  std::string first_outside;
  std::istringstream lines(bbox.out);
  for (std::string line; std::getline(lines, line);) {
    RE2::PartialMatch(line, R"re(<page width="([\d.]+)" height="([\d.]+)")re", &pw, &ph);
    double x0, y0, x1, y1;
    std::string text;
    if (RE2::PartialMatch(line, R"re(xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<)re", &x0, &y0,
                          &x1, &y1, &text)) {
      ++words;
      if (x0 < -0.5 || y0 < -0.5 || x1 > pw + 0.5 || y1 > ph + 0.5) {
        if (outside++ == 0) first_outside = text + " at " + std::to_string(x0) + "," + std::to_string(y0);
      }
    }
  }
  CHECK(words > 100);
  INFO("first word outside its page: " << first_outside);
  CHECK(outside == 0);
}

// Pixels of the exhibit highlight's outline colour on a page rendered at
// 100 dpi (antialiased edges blend it, so a tolerance).
int HighlightPixels(const fs::path& pdf, int page, const fs::path& scratch) {
  const fs::path stem = scratch / ("p" + std::to_string(page));
  auto r = RunShell("pdftoppm -png -r 100 -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                    Quote(pdf.string()) + " " + Quote(stem.string()));
  REQUIRE(r.exit_code == 0);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create_from_png((stem.string() + ".png").c_str()), &cairo_surface_destroy);
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s.get());
  const int w = cairo_image_surface_get_width(s.get()), h = cairo_image_surface_get_height(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  const unsigned char* data = cairo_image_surface_get_data(s.get());
  const int hr = (kHighlightOutlineRgb >> 16) & 0xFF, hg = (kHighlightOutlineRgb >> 8) & 0xFF, hb = kHighlightOutlineRgb & 0xFF;
  int n = 0;
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const int pr = (row[x] >> 16) & 0xFF, pg = (row[x] >> 8) & 0xFF, pb = row[x] & 0xFF;
      if (std::abs(pr - hr) < 40 && std::abs(pg - hg) < 40 && std::abs(pb - hb) < 40) ++n;
    }
  }
  return n;
}

// CSV rows as header -> value maps (RFC 4180: quoted fields may hold commas,
// quotes and line breaks).
std::vector<std::map<std::string, std::string>> ParseCsv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> m;
    for (size_t k = 0; k < rows[0].size() && k < rows[r].size(); ++k) m[rows[0][k]] = rows[r][k];
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

TEST_CASE("the memo on the corpus: Letter pages, caption and agency summary first, every divergence id, stable",
          "[memo][pdf][corpus][e2e]") {
  const fs::path& db = CorpusIndex();
  if (db.empty()) SKIP_TEST("no corpus/: skipped");
  ScratchDir dir;
  const std::string memo_args = "diverge --db " + Quote(db.string()) +
                                " --format pdf --title 'In re D.C. Department of Corrections' --prepared-by 'A. Counsel'";
  auto memo = RunShell("SOURCE_DATE_EPOCH=1764460800 " + Quote(FOIAMINE_BIN) + " " + memo_args + " --out " +
                       Quote((dir / "m1.pdf").string()));
  REQUIRE(memo.exit_code == 0);
  auto again = RunShell("SOURCE_DATE_EPOCH=1764460800 " + Quote(FOIAMINE_BIN) + " " + memo_args + " --out " +
                        Quote((dir / "m2.pdf").string()));
  REQUIRE(again.exit_code == 0);
  const int pages = PdfPages(dir / "m1.pdf");
  CHECK(pages >= 3);
  auto info = RunShell("pdfinfo " + Quote((dir / "m1.pdf").string()));
  CHECK(info.out.find("612 x 792 pts (letter)") != std::string::npos);

  // Page 1: the caption and the summary per agency.
  const std::string first = PageText(dir / "m1.pdf", 1);
  CHECK(first.find("In re D.C. Department of Corrections") != std::string::npos);
  CHECK(first.find("A. Counsel") != std::string::npos);
  CHECK(first.find("2025-11-30 00:00 UTC") != std::string::npos);  // SOURCE_DATE_EPOCH
  CHECK(first.find(IndexDigest(db)) != std::string::npos);
  CHECK(first.find("Summary by agency") != std::string::npos);
  CHECK(first.find("DOC") != std::string::npos);
  CHECK(first.find("distinct policy or practice clauses") != std::string::npos);  // counts say what they count
  CHECK(first.find("Page 1 of " + std::to_string(pages)) != std::string::npos);

  // Every divergence is in it by its stable id, once as a pair header; ids
  // unique; the law side cites the D.C. Code and its exhibit.
  auto text = RunShell("pdftotext -layout " + Quote((dir / "m1.pdf").string()) + " -");
  REQUIRE(text.exit_code == 0);
  auto json = RunFoiamine("diverge --format json --db " + Quote(db.string()));
  REQUIRE(json.exit_code == 0);
  const auto records = JsonLines(json.out);
  REQUIRE(records.size() >= 5);
  std::set<std::string> ids;
  for (const auto& r : records) {
    const std::string id = r["id"];
    ids.insert(id);
    CHECK(text.out.find(id) != std::string::npos);
  }
  CHECK(ids.size() == records.size());
  CHECK(text.out.find("24-211.07") != std::string::npos);
  CHECK(RE2::PartialMatch(text.out, R"(Ex\. \d+, p\. \d+)"));
  CHECK(text.out.find("D" + std::to_string(records.size()) + " ") != std::string::npos);  // numbers never restart
  CHECK(text.out.find("Exhibit index") != std::string::npos);

  // Two renders of the same index read the same.
  auto text2 = RunShell("pdftotext -layout " + Quote((dir / "m2.pdf").string()) + " -");
  CHECK(text2.out == text.out);
  CheckTextInsidePages(dir / "m1.pdf");
  // Every page renders.
  auto ppm = RunShell("pdftoppm -r 20 -png " + Quote((dir / "m1.pdf").string()) + " " + Quote((dir / "pg").string()));
  CHECK(ppm.exit_code == 0);
  CHECK(ppm.err.empty());
}

TEST_CASE("the memo's redactions appendix: per document its boxed pages, codes, bad redactions and the clauses next to a box",
          "[memo][pdf][corpus][e2e][redactions]") {
  const fs::path& db = CorpusIndex();
  if (db.empty()) SKIP_TEST("no corpus/: skipped");
  ScratchDir dir;
  auto memo = RunFoiamine("diverge --db " + Quote(db.string()) + " --format pdf --out " + Quote((dir / "m.pdf").string()));
  REQUIRE(memo.exit_code == 0);
  auto text = RunShell("pdftotext " + Quote((dir / "m.pdf").string()) + " -");
  REQUIRE(text.exit_code == 0);
  const size_t at = text.out.find("Appendix: Redactions");
  REQUIRE(at != std::string::npos);
  // Table cells wrap anywhere: compare without whitespace.
  auto squeezed = [](std::string t) {
    std::erase_if(t, [](unsigned char c) { return std::isspace(c); });
    return t;
  };
  const std::string appendix = squeezed(text.out.substr(at));
  INFO(text.out.substr(at));

  // What `foiamine redactions` reports is what the appendix says.
  auto json = RunFoiamine("redactions --json --db " + Quote(db.string()));
  REQUIRE(json.exit_code == 0);
  std::map<std::string, int> boxes;  // per document
  std::set<std::string> codes, bad, near;
  for (const auto& r : JsonLines(json.out)) {
    boxes[r["doc_path"]] += static_cast<int>(r["boxes"].size());
    for (const auto& c : r["codes"]) codes.insert(c.get<std::string>());
    for (const auto& b : r["bad"]) bad.insert(b["text"].get<std::string>());
    for (const auto& c : r["near_clauses"]) near.insert(c.get<std::string>());
  }
  REQUIRE(boxes.size() >= 3);
  REQUIRE_FALSE(bad.empty());   // the born-digital page's name under a box
  REQUIRE_FALSE(near.empty());  // the release-desk log's clauses beside its bars
  for (const auto& [path, n] : boxes) {
    if (n > 0) CHECK(appendix.find(std::to_string(n) + "inall") != std::string::npos);
  }
  for (const auto& c : codes) CHECK(appendix.find(squeezed(c)) != std::string::npos);
  for (const auto& b : bad) CHECK(appendix.find(squeezed(b)) != std::string::npos);
  for (const auto& id : near) CHECK(appendix.find(id) != std::string::npos);
  CHECK(appendix.find("BAD") != std::string::npos);
  CHECK(appendix.find("Clausesnexttoaredaction") != std::string::npos);
}

TEST_CASE("the exhibit bundle on the corpus: a cover index, each cited page labelled, footed and highlighted",
          "[memo][pdf][exhibits][corpus][e2e]") {
  const fs::path& db = CorpusIndex();
  if (db.empty()) SKIP_TEST("no corpus/: skipped");
  ScratchDir dir;
  const fs::path bundle = dir / "bundle.pdf", csv = dir / "d.csv";
  auto run = RunFoiamine("diverge --db " + Quote(db.string()) + " --format csv --out " + Quote(csv.string()) +
                         " --exhibits " + Quote(bundle.string()) + " --dpi 100");  // 100 dpi: quicker, same layout
  REQUIRE(run.exit_code == 0);
  // What each exhibit must show, from the CSV (exhibit numbers, files, pages, Bates).
  struct Expected {
    std::string sha256, path, bates, citation;
    int page = 0;
  };
  std::map<int, Expected> expected;
  for (const auto& row : ParseCsv(ReadFile(csv))) {
    for (const std::string side : {"law", "practice"}) {
      const int n = std::stoi(row.at(side + "_exhibit"));
      Expected e{row.at(side + "_sha256"), row.at(side + "_doc_path"), row.at(side + "_bates"), row.at(side + "_citation"),
                 std::stoi(row.at(side + "_page"))};
      if (!expected.count(n)) expected[n] = e;
      CHECK(expected[n].sha256 == e.sha256);  // one exhibit, one document page
      CHECK(expected[n].page == e.page);
    }
  }
  REQUIRE(expected.size() >= 4);
  CHECK(expected.begin()->first == 1);  // numbered from 1 (continuation pages, not in the CSV, fill the gaps)

  const int pages = PdfPages(bundle);
  CHECK(pages >= static_cast<int>(expected.size()) + 1);
  const std::string cover = PageText(bundle, 1);
  CHECK(cover.find("EXHIBITS") != std::string::npos);
  CHECK(cover.find(expected.at(1).sha256.substr(0, 16)) != std::string::npos);  // the column wraps the hash

  int with_bates = 0, highlighted = 0, pictures = 0, continuations = 0;
  std::set<int> seen;
  // One pdftotext for the whole bundle: pages end with a form feed.
  auto all = RunShell("pdftotext -layout " + Quote(bundle.string()) + " -");
  REQUIRE(all.exit_code == 0);
  std::vector<std::string> page_texts(1);
  for (char c : all.out) {
    if (c == '\f') page_texts.emplace_back();
    else page_texts.back() += c;
  }
  REQUIRE(static_cast<int>(page_texts.size()) >= pages);
  for (int p = 2; p <= pages; ++p) {
    const std::string& t = page_texts[static_cast<size_t>(p - 1)];
    int n = 0;
    if (!RE2::PartialMatch(t, R"(EXHIBIT (\d+))", &n) || t.find("(continued)") != std::string::npos) continue;
    INFO("bundle page " << p << ", exhibit " << n);
    // The CSV names each side's first page; a sentence running onto the
    // next page makes that page an exhibit too.
    if (!expected.count(n)) {
      ++continuations;
      CHECK(n <= pages);
      continue;
    }
    seen.insert(n);
    const Expected& e = expected.at(n);
    CHECK(t.find("Exhibit " + std::to_string(n) + ":") != std::string::npos);  // the footer
    CHECK(t.find(e.sha256) != std::string::npos);
    CHECK(t.find(e.path) != std::string::npos);
    CHECK(t.find(", page " + std::to_string(e.page)) != std::string::npos);
    // The footer cites the clause; pdftotext may break a long citation, so its first words.
    CHECK(t.find(e.citation.substr(0, std::min<size_t>(e.citation.size(), 18))) != std::string::npos);
    if (!e.bates.empty()) {
      ++with_bates;
      CHECK(t.find(e.bates) != std::string::npos);
    }
    // A page picture only for a PDF or an image file: text, e-mail, Word, HTML
    // and spreadsheet documents are printed as their text, highlighted there.
    static const RE2 kPictureFile(R"((?i)\.(?:pdf|png|jpe?g|tiff?)$)");
    if (RE2::PartialMatch(e.path, kPictureFile)) {
      ++pictures;
      const int px = HighlightPixels(bundle, p, dir.path());
      CHECK(px > 50);
      if (px > 50) ++highlighted;
    }
  }
  CHECK(seen.size() == expected.size());  // every exhibit has its page
  CHECK(continuations <= 3);
  CHECK(with_bates >= 1);                 // the corpus's produced pages carry Bates stamps
  CHECK(pictures >= 3);
  CHECK(highlighted == pictures);
  CheckTextInsidePages(bundle);
}

TEST_CASE("cite --exhibit OUT.pdf: one exhibit for one clause, one per page for several, and a PNG takes only one",
          "[memo][pdf][cite][corpus][e2e]") {
  const fs::path& db = CorpusIndex();
  if (db.empty()) SKIP_TEST("no corpus/: skipped");
  ScratchDir dir;
  auto json = RunFoiamine("diverge --format json --db " + Quote(db.string()));
  REQUIRE(json.exit_code == 0);
  const auto records = JsonLines(json.out);
  REQUIRE(records.size() >= 2);
  // A pair whose practice side is a PDF page (a picture to highlight).
  size_t k = 0;
  while (k < records.size() && records[k]["practice"]["doc_path"].get<std::string>().find(".pdf") == std::string::npos) ++k;
  REQUIRE(k < records.size());
  const std::string a = records[k]["practice"]["id"], b = records[k]["law"]["id"];
  const std::string a_sha = records[k]["practice"]["doc_sha256"];

  auto one = RunFoiamine("cite " + a + " --db " + Quote(db.string()) + " --exhibit " + Quote((dir / "x.pdf").string()) +
                         " --dpi 100");
  REQUIRE(one.exit_code == 0);
  CHECK(PdfPages(dir / "x.pdf") == 2);  // cover + the exhibit
  const std::string ex = PageText(dir / "x.pdf", 2);
  CHECK(ex.find("EXHIBIT 1") != std::string::npos);
  CHECK(ex.find(a_sha) != std::string::npos);
  CHECK(HighlightPixels(dir / "x.pdf", 2, dir.path()) > 50);

  auto two = RunFoiamine("cite " + a + " " + b + " --db " + Quote(db.string()) + " --exhibit " +
                         Quote((dir / "y.pdf").string()) + " --dpi 100");
  REQUIRE(two.exit_code == 0);
  CHECK(PdfPages(dir / "y.pdf") >= 3);
  CHECK(PageText(dir / "y.pdf", 3).find("EXHIBIT 2") != std::string::npos);
  CHECK(two.out.find(records[k]["law"]["citation"].get<std::string>()) != std::string::npos);  // both cited

  auto png = RunFoiamine("cite " + a + " " + b + " --db " + Quote(db.string()) + " --exhibit " +
                         Quote((dir / "z.png").string()));
  CHECK(png.exit_code == 1);
  CHECK(png.err.find("BUNDLE.pdf") != std::string::npos);
  CHECK(!fs::exists(dir / "z.png"));

  auto pdf_needs_out = RunFoiamine("diverge --format pdf --db " + Quote(db.string()));
  CHECK(pdf_needs_out.exit_code == 1);
  CHECK(pdf_needs_out.err.find("--out") != std::string::npos);
}
