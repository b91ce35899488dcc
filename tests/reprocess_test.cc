// What a re-run redoes for an indexed document (pipeline/reprocess.h): the
// plan from stage versions and --force / --retry-failed, and how version
// changes are described.
#include "pipeline/reprocess.h"

#include <catch2/catch.hpp>

using namespace foiamine;
using Kind = Rework::Kind;

namespace {

OcrSettings Languages(const std::string& languages, int dpi = 300) {
  OcrSettings s;
  s.languages = languages;
  s.dpi = dpi;
  return s;
}

// A scanned 2-page PDF indexed with `settings`: both pages OCR'd.
IndexedDocument ScannedPdf(const OcrSettings& settings) {
  IndexedDocument d;
  d.id = 7;
  d.file_type = "pdf";
  d.page_count = 2;
  d.text_version = TextStageVersion();
  d.normalize_version = kNormalizeVersion;
  d.ocr_version = DocumentOcrVersion(settings, true);
  d.extract_version = "rules-1";
  d.pages_needing_ocr = 2;
  return d;
}

// A born-digital 3-page PDF: no page needs OCR, no OCR version.
IndexedDocument BornDigitalPdf() {
  IndexedDocument d = ScannedPdf(Languages("eng"));
  d.page_count = 3;
  d.ocr_version.clear();
  d.pages_needing_ocr = 0;
  return d;
}

}  // namespace

TEST_CASE("an unchanged document under the same versions is left alone", "[reprocess]") {
  const CurrentVersions now = CurrentStageVersions(Languages("eng"), "rules-1");
  for (const IndexedDocument& doc : {ScannedPdf(Languages("eng")), BornDigitalPdf()}) {
    Rework r = PlanRework(doc, now, {});
    CHECK(r.kind == Kind::kNone);
    CHECK(r.reason.empty());
  }
}

TEST_CASE("a changed text or normalize version rebuilds from the file, whatever else changed", "[reprocess]") {
  const CurrentVersions now = CurrentStageVersions(Languages("eng+spa"), "rules-2");
  IndexedDocument doc = ScannedPdf(Languages("eng"));
  doc.text_version = "poppler-21.01.0" + TextStageVersion().substr(TextStageVersion().find('/'));
  Rework r = PlanRework(doc, now, {});
  CHECK(r.kind == Kind::kText);
  CHECK(r.reason == "text version poppler-21.01.0 -> " + TextStageVersion().substr(0, TextStageVersion().find('/')));
  CHECK(r.ocr_pages == 2);
  CHECK_FALSE(r.bypass_ocr_cache);  // the cache key carries the OCR version: a hit is a valid reading

  doc = BornDigitalPdf();
  doc.normalize_version = "normalize-0";
  r = PlanRework(doc, now, {});
  CHECK(r.kind == Kind::kText);
  CHECK(r.reason == std::string("normalize version normalize-0 -> ") + kNormalizeVersion);
  CHECK(r.ocr_pages == 0);
}

TEST_CASE("OCR settings that changed re-OCR documents with OCR pages only", "[reprocess]") {
  const CurrentVersions spa = CurrentStageVersions(Languages("eng+spa"), "rules-1");
  Rework r = PlanRework(ScannedPdf(Languages("eng")), spa, {});
  CHECK(r.kind == Kind::kOcr);
  CHECK(r.reason == "ocr version eng -> eng+spa");
  CHECK(r.ocr_pages == 2);
  CHECK_FALSE(r.bypass_ocr_cache);
  // A born-digital document has nothing OCR read: other languages change nothing.
  CHECK(PlanRework(BornDigitalPdf(), spa, {}).kind == Kind::kNone);

  // --dpi re-renders PDF pages, but image files are read at their own resolution.
  const CurrentVersions dpi400 = CurrentStageVersions(Languages("eng", 400), "rules-1");
  r = PlanRework(ScannedPdf(Languages("eng")), dpi400, {});
  CHECK(r.kind == Kind::kOcr);
  CHECK(r.reason == "ocr version 300dpi -> 400dpi");
  IndexedDocument png = ScannedPdf(Languages("eng"));
  png.file_type = "png";
  png.page_count = png.pages_needing_ocr = 1;
  png.ocr_version = DocumentOcrVersion(Languages("eng"), false);
  CHECK(PlanRework(png, dpi400, {}).kind == Kind::kNone);
  CHECK(PlanRework(png, spa, {}).kind == Kind::kOcr);
}

TEST_CASE("an OCR version recorded without a resolution is compared on its engine", "[reprocess]") {
  // As an earlier foiamine recorded it: the engine's version only.
  IndexedDocument doc = ScannedPdf(Languages("eng"));
  doc.ocr_version = OcrStageVersion(Languages("eng"));
  CHECK(PlanRework(doc, CurrentStageVersions(Languages("eng"), "rules-1"), {}).kind == Kind::kNone);
  Rework r = PlanRework(doc, CurrentStageVersions(Languages("eng+spa"), "rules-1"), {});
  CHECK(r.kind == Kind::kOcr);
  CHECK(r.reason == "ocr version " + OcrStageVersion(Languages("eng")) + " -> " +
                        DocumentOcrVersion(Languages("eng+spa"), true));
}

TEST_CASE("pages awaiting OCR are retried when the OCR version differs or with --retry-failed", "[reprocess]") {
  const CurrentVersions now = CurrentStageVersions(Languages("eng"), "rules-1");
  IndexedDocument doc = ScannedPdf(Languages("eng"));
  doc.pages_awaiting_ocr = 1;  // failed under the current OCR version
  Rework plain = PlanRework(doc, now, {});
  CHECK(plain.kind == Kind::kNone);
  ReworkPolicy retry;
  retry.retry_failed = true;
  Rework retried = PlanRework(doc, now, retry);
  CHECK(retried.kind == Kind::kOcr);
  CHECK(retried.reason == "1 page awaiting OCR (--retry-failed)");
  CHECK(retried.ocr_pages == 2);
  // No OCR version recorded at all: OCR never ran on it (or not under a
  // version this foiamine can compare), so it is tried.
  doc.ocr_version.clear();
  Rework never = PlanRework(doc, now, {});
  CHECK(never.kind == Kind::kOcr);
  CHECK(never.reason == "ocr version (none) -> " + DocumentOcrVersion(Languages("eng"), true));
}

TEST_CASE("a forced stage is redone, and the bigger rework wins", "[reprocess]") {
  const CurrentVersions now = CurrentStageVersions(Languages("eng"), "rules-1");
  ReworkPolicy policy;
  policy.forced = ForcedStage::kText;
  CHECK(PlanRework(BornDigitalPdf(), now, policy).kind == Kind::kText);
  CHECK(PlanRework(BornDigitalPdf(), now, policy).reason == "forced");

  policy.forced = ForcedStage::kOcr;
  Rework ocr = PlanRework(ScannedPdf(Languages("eng")), now, policy);
  CHECK(ocr.kind == Kind::kOcr);
  CHECK(ocr.reason == "forced");
  CHECK(ocr.bypass_ocr_cache);
  CHECK(ocr.ocr_pages == 2);
  // Nothing to OCR: nothing done, and the plan says why.
  Rework none = PlanRework(BornDigitalPdf(), now, policy);
  CHECK(none.kind == Kind::kNone);
  CHECK(none.reason.find("no page needs OCR") != std::string::npos);
  // --force-ocr as well: every page of the PDF.
  policy.force_ocr = true;
  Rework all = PlanRework(BornDigitalPdf(), now, policy);
  CHECK(all.kind == Kind::kOcr);
  CHECK(all.ocr_pages == 3);
  IndexedDocument text_file = BornDigitalPdf();
  text_file.file_type = "text";
  CHECK(PlanRework(text_file, now, policy).kind == Kind::kNone);

  policy = {};
  policy.forced = ForcedStage::kExtract;
  CHECK(PlanRework(BornDigitalPdf(), now, policy).kind == Kind::kExtract);
  // The OCR version changed too: re-OCR, which extracts as well.
  CHECK(PlanRework(ScannedPdf(Languages("spa")), now, policy).kind == Kind::kOcr);
}

TEST_CASE("stage names and version changes read well", "[reprocess]") {
  CHECK(ParseForcedStage("text") == ForcedStage::kText);
  CHECK(ParseForcedStage("ocr") == ForcedStage::kOcr);
  CHECK(ParseForcedStage("extract") == ForcedStage::kExtract);
  CHECK_FALSE(ParseForcedStage("normalize").has_value());
  CHECK_FALSE(ParseForcedStage("").has_value());
  CHECK(std::string(ReworkName(Kind::kOcr)) == "ocr");

  CHECK(DescribeVersionChange("tesseract-5.3.0/eng/x/300dpi", "tesseract-5.3.0/eng+spa/x/300dpi") == "eng -> eng+spa");
  CHECK(DescribeVersionChange("t/eng/300dpi", "t/spa/400dpi") == "eng/300dpi -> spa/400dpi");
  CHECK(DescribeVersionChange("a/b", "a/b/c") == "a/b -> a/b/c");
  CHECK(DescribeVersionChange("", "a/b") == "(none) -> a/b");
  CHECK(DocumentOcrVersion(Languages("eng", 200), true) == OcrStageVersion(Languages("eng")) + "/200dpi");
  CHECK(DocumentOcrVersion(Languages("eng", 200), false) == OcrStageVersion(Languages("eng")));
}

TEST_CASE("a recorded OCR version names its languages and resolution", "[reprocess]") {
  OcrSettings settings;
  settings.languages = "eng+spa";
  settings.dpi = 400;
  auto pdf = ParseDocumentOcrVersion(DocumentOcrVersion(settings, true));
  REQUIRE(pdf.has_value());
  CHECK(pdf->languages == "eng+spa");
  CHECK(pdf->dpi == 400);
  auto image = ParseDocumentOcrVersion(DocumentOcrVersion(settings, false));
  REQUIRE(image.has_value());
  CHECK(image->languages == "eng+spa");
  CHECK(image->dpi == 0);  // images are read at their own resolution
  CHECK_FALSE(ParseDocumentOcrVersion("poppler-22.12.0/text-1").has_value());
  CHECK_FALSE(ParseDocumentOcrVersion("").has_value());
}
