// End-to-end OCR: the real `foiamine run` on scans made here (born-digital
// PDFs rasterized to image-only PDFs and PNGs), real broken images, the OCR
// cache across runs.
#include <catch2/catch.hpp>
#include <leptonica/allheaders.h>
#include <nlohmann/json.hpp>

#include "render/page_image.h"
#include "index/sqlite.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;
namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> Lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

const std::vector<std::vector<std::string>> kPolicy = {
    {"PROGRAM STATEMENT 4020.1F", "1. PURPOSE", "To set procedures for the return of property to inmates."},
    {"9. PROCEDURES", "a. Release processing.",
     "(b) Records office staff shall notify Immigration and Customs Enforcement",
     "prior to releasing an inmate who is the subject of a detainer."}};

// A drop of scans: a 2-page image-only PDF, the same policy fed upside down,
// a fax page as PNG.
void MakeScannedDrop(const fs::path& drop, const fs::path& work) {
  WriteTextPdf(work / "policy.pdf", kPolicy);
  WriteScannedPdf(work / "policy.pdf", drop / "scans" / "ps-4020-scan.pdf", 300);
  WriteScannedPdf(work / "policy.pdf", drop / "scans" / "ps-4020-upside-down.pdf", 300, 2);
  WriteTextPdf(work / "fax.pdf", {{"FACSIMILE TRANSMITTAL", "To: ERO duty officer",
                                   "Advance notice of release for the subject listed below."}});
  auto fax = RenderPage(work / "fax.pdf", 0, RenderLimits::AtDpi(200));
  REQUIRE(fax.ok());
  REQUIRE(pixWrite((drop / "fax.png").c_str(), fax->pix.get(), IFF_PNG) == 0);
}

}  // namespace

TEST_CASE("run OCRs scanned PDFs and images: searchable, cited to the right page, method ocr", "[e2e][ocr]") {
  ScratchDir dir;
  MakeScannedDrop(dir / "drop", dir / "work");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + db + " --jobs 2");
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("OCR'd pages     5") != std::string::npos);

  auto search = RunFoiamine("search '\"notify Immigration and Customs Enforcement\"' --json --db " + db);
  REQUIRE(search.exit_code == 0);
  auto hits = Lines(search.out);
  REQUIRE(hits.size() == 2);  // upright and upside-down scans
  for (const auto& hit : hits) {
    CHECK(hit["page"] == 2);
    CHECK(hit["method"] == "ocr");
  }
  auto fax = Lines(RunFoiamine("search 'FACSIMILE' --json --db " + db).out);
  REQUIRE(fax.size() == 1);
  CHECK(fax[0]["doc_path"] == "fax.png");

  auto pages = Lines(RunFoiamine("pages --json --doc scans/ps-4020-upside-down.pdf --db " + db).out);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1]["method"] == "ocr");
  CHECK(pages[1]["ocr_confidence"].get<double>() > 80);
  CHECK(CharacterErrorRate(pages[1]["text"].get<std::string>(),
                           "9. PROCEDURES a. Release processing. (b) Records office staff shall notify Immigration "
                           "and Customs Enforcement prior to releasing an inmate who is the subject of a detainer.") <
        0.02);
  // Boxes of the upside-down page are on the page as fed: "PROCEDURES" near the bottom right.
  CHECK(QueryInt(dir / "i.db",
              "SELECT count(*) FROM words w JOIN pages p ON p.id=w.page_id JOIN files f ON f.document_id=p.document_id "
              "WHERE f.path='scans/ps-4020-upside-down.pdf' AND p.page_no=2 AND w.text='PROCEDURES' "
              "AND w.y0 > 600 AND w.x0 > 300 AND w.confidence > 50") == 1);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM pages WHERE method='ocr' AND ocr_reason='no text layer'") == 4);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM pages WHERE method='ocr' AND ocr_reason='image file' "
                            "AND abs(width_pt - 612) < 1") == 1);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM stage_versions WHERE stage='ocr' AND version LIKE 'tesseract-%'") ==
        3);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM ocr_cache") == 5);

  auto status = nlohmann::json::parse(RunFoiamine("status --json --db " + db).out);
  CHECK(status["pages"]["ocr"] == 5);
  CHECK(status["pages"]["needing_ocr"] == 0);
}

TEST_CASE("the OCR cache: the same page in another file is not OCR'd again", "[e2e][ocr]") {
  ScratchDir dir;
  WriteTextPdf(dir / "work" / "memo.pdf", {{"MEMORANDUM", "The release list was faxed to ERO at 0600."}});
  WriteScannedPdf(dir / "work" / "memo.pdf", dir / "a" / "memo-scan.pdf", 300);
  const std::string db = Quote((dir / "i.db").string());
  REQUIRE(RunFoiamine("run " + Quote((dir / "a").string()) + " --db " + db).exit_code == 0);
  // Same pages, different file bytes (a comment appended): a new document.
  WriteFile(dir / "b" / "memo-copy.pdf", ReadFile(dir / "a" / "memo-scan.pdf") + "%copy\n");
  auto again = RunFoiamine("run " + Quote((dir / "b").string()) + " --db " + db);
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("OCR'd pages     1 (1 from the OCR cache)") != std::string::npos);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM ocr_cache") == 1);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM pages WHERE method='ocr' AND text LIKE '%faxed to ERO%'") == 2);
  // Other languages are other settings: a miss, not a wrong hit.
  WriteFile(dir / "c" / "memo-3.pdf", ReadFile(dir / "a" / "memo-scan.pdf") + "%three\n");
  auto spa = RunFoiamine("run " + Quote((dir / "c").string()) + " --lang eng+spa --db " + db);
  CHECK(spa.out.find("from the OCR cache") == std::string::npos);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM ocr_cache") == 2);
}

TEST_CASE("a release log printed as a table and scanned is read row by row, each row its own record", "[e2e][ocr]") {
  // Tesseract reads such a table one column at a time (every date, then every number, then every action); put back
  // in rows, each row's action is cited with its date and number, and no two actions run into one sentence.
  ScratchDir dir;
  WriteTablePdf(dir / "work" / "log.pdf", {"RECORDS OFFICE - DETAINER RELEASE LOG"},
                {{"DATE", "DCDC NO.", "ACTION TAKEN", "STAFF"},
                 {"01/09/2023", "341-118", "Release date faxed to ICE ERO, 0900 hrs", "J.R."},
                 {"01/09/2023", "341-202", "Held 36 hrs past release on ICE detainer", "T.M."},
                 {"01/10/2023", "340-977", "Released to ICE agents at sally port", "J.R."},
                 {"01/12/2023", "339-870", "Detainer only, no warrant; released", "T.M."}},
                {40, 150, 250, 560});
  WriteScannedPdf(dir / "work" / "log.pdf", dir / "drop" / "log-scan.pdf", 200);
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --db " + db);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  const std::string text = QueryText(dir / "i.db", "SELECT text FROM pages WHERE method='ocr'");
  INFO(text);
  CHECK(text.find("01/09/2023 341-118 Release date faxed to ICE ERO") != std::string::npos);
  CHECK(text.find("01/10/2023 340-977 Released to ICE agents at sally port") != std::string::npos);
  auto clauses = Lines(RunFoiamine("clauses --json --db " + db).out);
  int rows_cited = 0;
  for (const auto& c : clauses) {
    const std::string quote = c["text"].get<std::string>();
    INFO(quote);
    const bool one_row = quote.find("Held 36 hrs") == std::string::npos || quote.find("faxed") == std::string::npos;
    CHECK(one_row);
    rows_cited += quote.rfind("01/", 0) == 0;
  }
  CHECK(rows_cited >= 3);
}

TEST_CASE("run with --force-ocr reads born-digital pages too and --lang without data is a usage error", "[e2e][ocr]") {
  ScratchDir dir;
  WriteTextPdf(dir / "drop" / "a.pdf", {{"Notify ERO before each release."}});
  const std::string db = Quote((dir / "i.db").string());
  auto bad = RunFoiamine("run " + Quote((dir / "drop").string()) + " --lang klingon --db " + db);
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("tesseract-ocr-") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "i.db"));
  auto run = RunFoiamine("run " + Quote((dir / "drop").string()) + " --force-ocr --db " + db);
  REQUIRE(run.exit_code == 0);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM pages WHERE method='ocr' AND ocr_reason LIKE 'forced%' "
                            "AND text LIKE '%Notify ERO before each release.%'") == 1);
}

TEST_CASE("bad scans (corrupt and huge images, a 0-pixel page) are recorded and the rest indexed", "[e2e][ocr][bad_input]") {
  ScratchDir dir;
  const fs::path drop = dir / "drop";
  WriteTextPdf(dir / "work" / "ok.pdf", {{"Release desk log, June 2023."}});
  WriteScannedPdf(dir / "work" / "ok.pdf", drop / "ok-scan.pdf", 300);
  {
    PixPtr huge(pixCreate(20000, 20000, 1));
    REQUIRE(pixWrite((drop / "huge.png").c_str(), huge.get(), IFF_PNG) == 0);
  }
  std::string png = ReadFile(drop / "huge.png");
  WriteFile(drop / "corrupt.png", png.substr(0, 100));
  // A page whose MediaBox has no area, and no text layer.
  WriteFile(drop / "zero.pdf",
            "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
            "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 0 0]>> endobj\n"
            "trailer <</Root 1 0 R>>\n%%EOF\n");
  const std::string db = Quote((dir / "i.db").string());
  auto run = RunFoiamine("run " + Quote(drop.string()) + " --db " + db);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM pages WHERE method='ocr' AND text LIKE '%Release desk log%'") == 1);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM failures WHERE path='huge.png' AND reason LIKE '%megapixel%'") == 1);
  CHECK(QueryInt(dir / "i.db", "SELECT count(*) FROM failures WHERE path='corrupt.png'") == 1);
  // The 0-pixel page: Poppler substitutes a default page size, so it is
  // indexed as one blank OCR'd page (a page with no area at all is refused
  // by RenderPage); either way never silently dropped.
  CHECK(QueryInt(dir / "i.db",
              "SELECT (SELECT count(*) FROM failures WHERE path='zero.pdf') + "
              "(SELECT count(*) FROM pages p JOIN files f ON f.document_id=p.document_id WHERE f.path='zero.pdf')") ==
        1);
}
