// The OCR engine on pages rendered here from born-digital PDFs: the text
// layer is the exact ground truth for both the words and their boxes.
#include "pipeline/ocr_engine.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "pipeline/pdf_text.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;

namespace {

const std::vector<std::string> kLines = {
    "PROGRAM STATEMENT 4020.1F",
    "9. PROCEDURES",
    "a. Release processing.",
    "(b) Records office staff shall notify Immigration and Customs Enforcement",
    "prior to releasing an inmate who is the subject of a detainer.",
    "The Deputy Director shall review this statement every two years.",
};

std::string Joined(const std::vector<SourceWord>& words) {
  std::string out;
  for (const auto& w : words) out += w.text + (w.after == Break::kSpace ? " " : "\n");
  return out;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

PageImage Turned(const PageImage& image, int quads, double skew_degrees) {
  PixPtr pix(quads ? pixRotateOrth(image.pix.get(), quads) : pixClone(image.pix.get()));
  if (skew_degrees != 0) {
    pix.reset(pixRotate(pix.get(), static_cast<float>(skew_degrees * M_PI / 180), L_ROTATE_AREA_MAP,
                        L_BRING_IN_WHITE, 0, 0));
  }
  return PageImage{std::move(pix), image.dpi};
}

struct Fixture {
  ScratchDir dir;
  SourcePage truth;
  PageImage image;
  std::unique_ptr<OcrEngine> engine;
  Fixture() {
    WriteTextPdf(dir / "p.pdf", {kLines});
    auto text = ExtractPdfTextInProcess(dir / "p.pdf");
    REQUIRE(text.ok());
    truth = text->pages[0];
    auto rendered = RenderPage(dir / "p.pdf", 0, RenderLimits::AtDpi(300));
    REQUIRE(rendered.ok());
    image = std::move(rendered.value());
    auto created = OcrEngine::Create(OcrSettings{});
    REQUIRE(created.ok());
    engine = std::move(created.value());
  }
  // Max distance (points) between OCR word box centres and the text layer's
  // (moved by `skew_degrees` clockwise about the page centre), over words
  // read exactly.
  double MaxCentreError(const OcrPageResult& r, double skew_degrees) {
    double worst = 0;
    int matched = 0;
    const double a = skew_degrees * M_PI / 180, cx = 306, cy = 396;
    size_t next = 0;  // both are in reading order: align them in sequence
    for (const auto& w : r.words) {
      for (size_t k = next; k < truth.words.size() && k < next + 3; ++k) {
        const SourceWord& t = truth.words[k];
        if (t.text != w.text) continue;
        next = k + 1;
        double tx = (t.box->x0 + t.box->x1) / 2 - cx, ty = (t.box->y0 + t.box->y1) / 2 - cy;
        double ex = cx + tx * std::cos(a) - ty * std::sin(a), ey = cy + tx * std::sin(a) + ty * std::cos(a);
        double ox = (w.box->x0 + w.box->x1) / 2, oy = (w.box->y0 + w.box->y1) / 2;
        worst = std::max(worst, std::hypot(ox - ex, oy - ey));
        ++matched;
        break;
      }
    }
    CHECK(matched >= 20);
    return worst;
  }
};

}  // namespace

TEST_CASE("OCR of a rendered page: words, line breaks, boxes in points, confidence", "[ocr_engine]") {
  Fixture f;
  auto r = f.engine->Recognize(f.image);
  REQUIRE(r.ok());
  double cer = CharacterErrorRate(Joined(r->words), Joined(kLines));
  INFO(Joined(r->words));
  CHECK(cer < 0.01);
  CHECK(r->rotation_degrees == 0);
  CHECK(r->width_pt == Approx(612));
  CHECK(r->height_pt == Approx(792));
  REQUIRE(r->mean_confidence);
  CHECK(*r->mean_confidence > 85);
  int line_breaks = 0;
  for (const auto& w : r->words) line_breaks += w.after != Break::kSpace;
  CHECK(line_breaks == static_cast<int>(kLines.size()));
  CHECK(f.MaxCentreError(*r, 0) < 2.0);
}

TEST_CASE("OCR reads pages fed upside down and sideways, and boxes stay on the page as fed", "[ocr_engine]") {
  Fixture f;
  for (int quads : {2, 1, 3}) {
    PageImage turned = Turned(f.image, quads, 0);
    auto r = f.engine->Recognize(turned);
    REQUIRE(r.ok());
    INFO("turned " << quads * 90 << " degrees clockwise:\n" << Joined(r->words));
    CHECK(CharacterErrorRate(Joined(r->words), Joined(kLines)) < 0.01);
    // Upside down, the page is turned back (OSD). Sideways, Tesseract may
    // read the text lines itself, sure of them: then foiamine turns nothing
    // and asks no OSD (rotation 0); either way the words and boxes above
    // and below hold.
    if (quads == 2) CHECK(r->rotation_degrees == 180);
    else CHECK((r->rotation_degrees == (4 - quads) % 4 * 90 || r->rotation_degrees == 0));
    // The first word ("PROGRAM", top left upright) lands where the turn put it.
    REQUIRE_FALSE(r->words.empty());
    const foiamine::Box& b = *r->words[0].box;
    double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    if (quads == 2) CHECK((cx > 306 && cy > 396));   // bottom right
    if (quads == 1) CHECK((cx > 396 && cy < 306));   // top right of a landscape page
    if (quads == 3) CHECK((cx < 396 && cy > 306));   // bottom left
  }
}

TEST_CASE("OCR straightens a page skewed by 2 degrees and maps boxes back onto the skewed page", "[ocr_engine]") {
  Fixture f;
  for (double skew : {2.0, -1.5}) {
    auto r = f.engine->Recognize(Turned(f.image, 0, skew));
    REQUIRE(r.ok());
    INFO("skew " << skew << ":\n" << Joined(r->words));
    CHECK(CharacterErrorRate(Joined(r->words), Joined(kLines)) < 0.01);
    CHECK(std::abs(r->skew_degrees + skew) < 0.3);  // the deskew undid it
    CHECK(f.MaxCentreError(*r, skew) < 3.0);
  }
}

TEST_CASE("eng+spa reads a Spanish line with its accents", "[ocr_engine]") {
  ScratchDir dir;
  const std::vector<std::string> lines = {
      "AVISO A LAS PERSONAS BAJO CUSTODIA",
      "El Departamento no retendrá a ninguna persona por una solicitud de detención,",
      "pero avisará al Servicio de Inmigración la fecha de su liberación.",
      "Usted tiene derecho a llamar a un abogado."};
  WriteTextPdf(dir / "es.pdf", {lines});
  auto image = RenderPage(dir / "es.pdf", 0, RenderLimits::AtDpi(300));
  REQUIRE(image.ok());
  OcrSettings settings;
  settings.languages = "eng+spa";
  auto engine = OcrEngine::Create(settings);
  REQUIRE(engine.ok());
  auto r = (*engine)->Recognize(*image);
  REQUIRE(r.ok());
  std::string text = Joined(r->words);
  INFO(text);
  CHECK(CharacterErrorRate(text, Joined(lines)) < 0.01);
  for (const char* word : {"avisará", "Inmigración", "liberación."}) {
    CHECK(text.find(word) != std::string::npos);
  }
  CHECK(OcrStageVersion(settings).find("/eng+spa/") != std::string::npos);
}

TEST_CASE("a language without data is a clear error", "[ocr_engine]") {
  OcrSettings settings;
  settings.languages = "xyz";
  auto engine = OcrEngine::Create(settings);
  REQUIRE_FALSE(engine.ok());
  CHECK(engine.status().message().find("tesseract-ocr-") != std::string::npos);
}
