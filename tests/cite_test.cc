// search/cite and search/exhibit: the brief-ready citation, and exhibits
// whose highlight lies over the clause's words — on a born-digital PDF page,
// on a page image (a rasterized PDF page standing in for a scan), and on a
// corpus scan once OCR gives it clauses.
#include <cairo.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <limits>
#include <memory>

#include "pipeline/index.h"
#include "base/sha256.h"
#include "search/cite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

struct PixelBox {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // inclusive
  bool empty() const { return x1 < 0; }
};

// The bounding box of the exhibit's highlight outline colour among PNG rows
// [row0, row1), and the PNG's size.
PixelBox HighlightBoxInRows(const fs::path& png, int row0, int row1, int* width = nullptr, int* height = nullptr) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create_from_png(png.c_str()), &cairo_surface_destroy);
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s.get());
  const int w = cairo_image_surface_get_width(s.get()), h = cairo_image_surface_get_height(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  const unsigned char* data = cairo_image_surface_get_data(s.get());
  if (width) *width = w;
  if (height) *height = h;
  PixelBox box;
  for (int y = std::max(0, row0); y < std::min(h, row1); ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      if ((row[x] & 0xFFFFFF) == kHighlightOutlineRgb) {
        box.x0 = std::min(box.x0, x);
        box.y0 = std::min(box.y0, y);
        box.x1 = std::max(box.x1, x);
        box.y1 = std::max(box.y1, y);
      }
    }
  }
  return box;
}

// The same over the whole PNG.
PixelBox HighlightBox(const fs::path& png, int* width = nullptr, int* height = nullptr) {
  return HighlightBoxInRows(png, 0, std::numeric_limits<int>::max(), width, height);
}

// The highlight's outer edge is the clause bbox padded by kHighlightPadPt,
// scaled to pixels; allow a pixel or two of rounding.
void CheckHighlightOver(const PixelBox& px, const std::array<double, 4>& bbox_pt, double scale) {
  REQUIRE_FALSE(px.empty());
  const double tol = 2.5;
  CHECK(px.x0 == Approx((bbox_pt[0] - kHighlightPadPt) * scale).margin(tol));
  CHECK(px.y0 == Approx((bbox_pt[1] - kHighlightPadPt) * scale).margin(tol));
  CHECK(px.x1 + 1 == Approx((bbox_pt[2] + kHighlightPadPt) * scale).margin(tol));
  CHECK(px.y1 + 1 == Approx((bbox_pt[3] + kHighlightPadPt) * scale).margin(tol));
}

nlohmann::json NotifyClause(const std::string& db) {
  for (const auto& c : JsonLines(RunFoiamine("clauses --json --db " + db).out)) {
    if (c["topic"] == "release_notification") return c;
  }
  FAIL("no release_notification clause");
  return nullptr;
}

}  // namespace

TEST_CASE("cite prints a brief-ready citation and --exhibit boxes the clause on the rendered page", "[cite][e2e]") {
  ScratchDir dir;
  MakePolicyDrop(dir / "drop", "ps.pdf");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json clause = NotifyClause(db);
  const std::string id = clause["id"];

  const fs::path png = dir / "exhibit.png";
  auto cite = RunFoiamine("cite " + id + " --db " + db + " --exhibit " + Quote(png.string()) + " --dpi 100");
  INFO(cite.out << cite.err);
  REQUIRE(cite.exit_code == 0);
  CHECK(cite.out.rfind("DOC PS 4020.1F § 9.a.(b), p. 2\n", 0) == 0);
  CHECK(cite.out.find("Document:  Inmate Release Procedures") != std::string::npos);
  CHECK(cite.out.find("Number:    PS 4020.1F") != std::string::npos);
  CHECK(cite.out.find("Section:   9.a.(b)") != std::string::npos);
  CHECK(cite.out.find("Page:      2") != std::string::npos);
  CHECK(cite.out.find("Quote:     \"" + clause["text"].get<std::string>() + "\"") != std::string::npos);
  CHECK(cite.out.find("File:      ps.pdf") != std::string::npos);
  CHECK(cite.out.find("SHA-256:   " + clause["doc_sha256"].get<std::string>()) != std::string::npos);
  CHECK(cite.out.find("Method:    PDF text layer") != std::string::npos);

  // The highlight over the clause's words: two lines from x = 72 pt.
  int w = 0, h = 0;
  PixelBox px = HighlightBox(png, &w, &h);
  CHECK(w == 850);  // 8.5 in at 100 dpi
  CHECK(h > 1100);  // 11 in + the citation margin
  CheckHighlightOver(px, {clause["bbox"][0], clause["bbox"][1], clause["bbox"][2], clause["bbox"][3]}, 100 / 72.0);

  SECTION("an unknown clause id is a clear error") {
    auto bad = RunFoiamine("cite 0000000000000000 --db " + db);
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("no clause with id 0000000000000000") != std::string::npos);
  }
  SECTION("a source file changed since indexing is refused with exit 2, not cited") {
    WriteFile(dir / "drop" / "ps.pdf", "%PDF-1.4 not the indexed file any more");
    auto changed = RunFoiamine("cite " + id + " --db " + db);
    CHECK(changed.exit_code == 2);
    CHECK(changed.out.empty());
    CHECK(changed.err.find("changed since it was indexed (SHA-256 now " + Sha256Hex("%PDF-1.4 not the indexed file any more")) !=
          std::string::npos);
  }
  SECTION("the source file must still be present") {
    fs::remove(dir / "drop" / "ps.pdf");
    auto gone = RunFoiamine("cite " + id + " --db " + db + " --exhibit " + Quote((dir / "x.png").string()));
    CHECK(gone.exit_code == 1);
    CHECK(gone.out.find("no longer present") != std::string::npos);  // the citation itself still prints
    CHECK(gone.err.find("no longer present") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.png"));
  }
}

TEST_CASE("an exhibit of a page image: the highlight follows the image's scale", "[cite]") {
  // A "scan": a page drawn into a 200 dpi RGB image, text at known places.
  ScratchDir dir;
  const fs::path image = dir / "fax.png";
  const double dpi = 200, scale = dpi / 72.0;
  {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(8.5 * dpi), static_cast<int>(11 * dpi)),
        &cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(s.get()), &cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_scale(cr.get(), scale, scale);
    cairo_set_font_size(cr.get(), 11);
    cairo_move_to(cr.get(), 72, 200);
    cairo_show_text(cr.get(), "This is to advise your office that the inmate named below");
    cr.reset();
    REQUIRE(cairo_surface_write_to_png(s.get(), image.c_str()) == CAIRO_STATUS_SUCCESS);
  }
  auto hash = Sha256File(image);
  REQUIRE(hash.ok());
  ClauseCitation cc;
  cc.clause.id = "0123456789abcdef";
  cc.clause.doc_sha256 = *hash;
  cc.clause.doc_path = "fax.png";
  cc.clause.page = 1;
  cc.clause.citation = "fax.png § NOTICE, p. 1";
  cc.clause.method = "ocr";
  cc.clause.ocr_confidence = 88;
  cc.clause.bbox = std::array<double, 4>{72, 190, 380, 203};
  cc.file_type = "png";
  cc.file_names = {"fax.png"};
  cc.source = image;
  cc.page_width_pt = 612;
  cc.page_height_pt = 792;
  cc.line_boxes = {*cc.clause.bbox};
  const fs::path png = dir / "exhibit.png";
  auto written = WriteExhibit(cc, png, {});
  REQUIRE(written.ok());
  CHECK(written->scale == Approx(scale));
  CHECK(written->page_px_w == 1700);
  CheckHighlightOver(HighlightBox(png), *cc.clause.bbox, scale);

  SECTION("a changed source file is refused") {
    WriteFile(image, "not the same bytes");
    auto refused = WriteExhibit(cc, dir / "y.png", {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().message().find("changed since it was indexed") != std::string::npos);
  }
  SECTION("a plain-text document has no page picture") {
    cc.file_type = "text";
    auto refused = WriteExhibit(cc, dir / "y.png", {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == Status::Code::kUnsupported);
  }
}

TEST_CASE("an exhibit of a corpus scan (OCR) boxes the clause's words", "[cite][corpus][e2e]") {
  const fs::path drop = SourceDir() / "corpus" / "drop";
  if (!fs::exists(drop)) {
    SKIP_TEST("no corpus/: skipping");
  }
  ScratchDir dir;
  // Only the scanned release-desk log: enough for the test, quicker to OCR.
  fs::create_directories(dir / "drop" / "practice");
  fs::copy_file(drop / "practice" / "iru-release-desk-log-2023-06-scan.pdf",
                dir / "drop" / "practice" / "iru-release-desk-log-2023-06-scan.pdf");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE((run.exit_code == 0 || run.exit_code == 2));
  nlohmann::json clause;
  for (const auto& c : JsonLines(RunFoiamine("clauses --json --db " + db).out)) {
    if (c["method"] == "ocr" && c["page"] == 1 && c["bbox"].is_array()) {
      clause = c;
      break;
    }
  }
  REQUIRE_FALSE(clause.is_null());
  const fs::path png = dir / "scan.png";
  auto cite = RunFoiamine("cite " + clause["id"].get<std::string>() + " --db " + db + " --exhibit " +
                          Quote(png.string()) + " --dpi 100");
  INFO(cite.out << cite.err);
  REQUIRE(cite.exit_code == 0);
  CHECK(cite.out.find("Method:    OCR") != std::string::npos);
  CheckHighlightOver(HighlightBox(png), {clause["bbox"][0], clause["bbox"][1], clause["bbox"][2], clause["bbox"][3]},
                     100 / 72.0);
}

namespace {

// A policy whose (b) runs from page 1 onto page 2.
void WriteCrossingPolicy(const fs::path& pdf) {
  WriteTextPdf(pdf, {{"PROGRAM STATEMENT 4020.1F", "9. PROCEDURES", "a. Release Processing.",
                      "(a) Records office staff shall verify the release date.",
                      "(b) Records office staff shall notify Immigration and Customs Enforcement"},
                     {"prior to releasing an inmate who is the subject of an immigration detainer.",
                      "(c) Property is returned to the inmate at discharge."}});
}

void CheckBoxedOnBothPages(const fs::path& png, const nlohmann::json& clause, int h);

// Indexes `drop` into DIR/i.db; the database's path, quoted for a command line.
std::string IndexDrop(const fs::path& dir, const fs::path& drop) {
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote(drop.string()) + " --quiet --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  return db;
}

// `cite` with an exhibit at 100 dpi, which must succeed.
CommandResult CiteWithExhibit(const std::string& db, const nlohmann::json& clause, const fs::path& png) {
  auto cite = RunFoiamine("cite " + clause["id"].get<std::string>() + " --db " + db + " --exhibit " +
                          Quote(png.string()) + " --dpi 100");
  INFO(cite.out << cite.err);
  REQUIRE(cite.exit_code == 0);
  return cite;
}

// Indexes `drop`, checks the notify clause is one whole sentence stored on
// page 1 with a part on page 2, and that its exhibit shows both pages, its
// words boxed on each.
void CheckCrossingClause(const fs::path& dir, const fs::path& drop, const std::string& method) {
  const std::string db = IndexDrop(dir, drop);
  const nlohmann::json clause = NotifyClause(db);
  INFO(clause.dump());
  CHECK(clause["method"] == method);
  CHECK(clause["page"] == 1);
  CHECK(clause["section"] == "9.a.(b)");
  const std::string text = clause["text"];
  CHECK(text.rfind("(b) Records office staff shall notify", 0) == 0);
  CHECK(text.find("Enforcement prior to releasing an inmate") != std::string::npos);
  CHECK(text.find("immigration detainer.") != std::string::npos);
  REQUIRE(clause["parts"].size() == 2);
  CHECK(clause["parts"][0]["page"] == 1);
  CHECK(clause["parts"][1]["page"] == 2);
  REQUIRE(clause["parts"][1]["bbox"].is_array());
  CHECK(clause["parts"][1]["lines"].is_null());
  CHECK(clause["parts"][0]["bbox"] == clause["bbox"]);

  const fs::path png = dir / "exhibit.png";
  const CommandResult cite = CiteWithExhibit(db, clause, png);
  CHECK(cite.out.find("Page:      1 (the sentence is printed on pp. 1-2)") != std::string::npos);
  CHECK(cite.out.find(text) != std::string::npos);
  int w = 0, h = 0;
  HighlightBox(png, &w, &h);
  CHECK(w == 850);
  CHECK(h > 2200);  // two 11 in pages at 100 dpi, the strip between them and the margin
  CheckBoxedOnBothPages(png, clause, h);
}

// A two-page exhibit at 100 dpi, `h` pixels high: page 1's part of `clause` boxed on page 1 (rows above 1100),
// page 2's below page 1 and the strip.
void CheckBoxedOnBothPages(const fs::path& png, const nlohmann::json& clause, int h) {
  const double scale = 100 / 72.0;
  const auto& b0 = clause["parts"][0]["bbox"];
  CheckHighlightOver(HighlightBoxInRows(png, 0, 1100), {b0[0], b0[1], b0[2], b0[3]}, scale);
  const PixelBox lower = HighlightBoxInRows(png, 1100, h);
  REQUIRE_FALSE(lower.empty());
  const auto& b1 = clause["parts"][1]["bbox"];
  CHECK(lower.x0 == Approx((b1[0].get<double>() - kHighlightPadPt) * scale).margin(2.5));
  CHECK(lower.x1 + 1 == Approx((b1[2].get<double>() + kHighlightPadPt) * scale).margin(2.5));
  const double top = lower.y0 - (b1[1].get<double>() - kHighlightPadPt) * scale;  // where page 2 starts
  CHECK(top > 1100);
  CHECK(top < 1100 + 100);
  CHECK(lower.y1 + 1 - top == Approx((b1[3].get<double>() + kHighlightPadPt) * scale).margin(2.5));
}

}  // namespace

TEST_CASE("a sentence across a page break is one clause on its first page, boxed on both pages in its exhibit",
          "[cite][e2e][pagebreak]") {
  ScratchDir dir;
  WriteCrossingPolicy(dir / "drop" / "ps.pdf");
  CheckCrossingClause(dir.path(), dir / "drop", "text");
}

TEST_CASE("a scanned sentence across a page break is one clause too, boxed on both scanned pages",
          "[cite][e2e][ocr][pagebreak]") {
  ScratchDir dir;
  WriteCrossingPolicy(dir / "digital.pdf");
  fs::create_directories(dir / "drop");
  WriteScannedPdf(dir / "digital.pdf", dir / "drop" / "ps-scan.pdf", 300);
  CheckCrossingClause(dir.path(), dir / "drop", "ocr");
}

TEST_CASE("a sentence whose decisive words are on the next page is cited there, and exhibited from its start",
          "[cite][e2e][pagebreak]") {
  ScratchDir dir;
  WriteTextPdf(dir / "drop" / "ps.pdf",
               {{"PROGRAM STATEMENT 4020.2", "9. PROCEDURES",
                 "(a) When an inmate who is the subject of an immigration detainer is ready for release,"},
                {"records office staff shall notify ICE prior to releasing the inmate.",
                 "(b) Property is returned to the inmate at discharge."}});
  const std::string db = IndexDrop(dir.path(), dir / "drop");
  const nlohmann::json clause = NotifyClause(db);
  INFO(clause.dump());
  CHECK(clause["page"] == 2);
  CHECK(clause["section"] == "9.(a)");
  CHECK(clause["citation"].get<std::string>().ends_with("p. 2"));
  REQUIRE(clause["parts"].size() == 2);
  CHECK(clause["parts"][0]["page"] == 1);
  CHECK(clause["parts"][1]["page"] == 2);
  CHECK(clause["parts"][1]["bbox"] == clause["bbox"]);
  const fs::path png = dir / "exhibit.png";
  const CommandResult cite = CiteWithExhibit(db, clause, png);
  CHECK(cite.out.find("Page:      2 (the sentence is printed on pp. 1-2)") != std::string::npos);
  // The exhibit shows the pages in print order: page 1's part boxed above, page 2's below the strip.
  int w = 0, h = 0;
  HighlightBox(png, &w, &h);
  CheckBoxedOnBothPages(png, clause, h);
}

TEST_CASE("an index written before clause_parts (schema 2) reads each clause as one part and is upgraded when written",
          "[cite][index][schema][pagebreak]") {
  ScratchDir dir;
  WriteCrossingPolicy(dir / "drop" / "ps.pdf");
  const fs::path db_path = dir / "i.db";
  const std::string db = Quote(db_path.string());
  REQUIRE(RunFoiamine("run " + Quote((dir / "drop").string()) + " --quiet --db " + db).exit_code == 0);
  {
    // What a version-2 file is: the same tables without clause_parts.
    auto index = Index::Open(db_path.string(), Index::Access::kWrite);
    REQUIRE(index.ok());
    REQUIRE(index->db().Exec("DROP TABLE clause_parts; PRAGMA user_version = 2;").ok());
  }
  const nlohmann::json clause = NotifyClause(db);
  REQUIRE(clause["parts"].size() == 1);
  CHECK(clause["parts"][0]["page"] == 1);
  CHECK(clause["parts"][0]["bbox"] == clause["bbox"]);
  CHECK(clause["text"].get<std::string>().find("immigration detainer.") != std::string::npos);
  auto cite = RunFoiamine("cite " + clause["id"].get<std::string>() + " --db " + db);
  INFO(cite.out << cite.err);
  CHECK(cite.exit_code == 0);
  CHECK(QueryInt(db_path, "PRAGMA user_version") == 2);  // reading changed nothing
  REQUIRE(Index::Open(db_path.string(), Index::Access::kWrite).ok());
  CHECK(QueryInt(db_path, "PRAGMA user_version") == kSchemaVersion);
  CHECK(QueryInt(db_path, "SELECT count(*) FROM sqlite_master WHERE name='clause_parts'") == 1);
}
