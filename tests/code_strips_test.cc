// pipeline/code_strips: where the codes beside redaction bars are re-read,
// when that reading replaces the page read's words, and the real OCR engine
// on the corpus's release-desk log page fed upside down.
#include "pipeline/code_strips.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "extractors/exemptions.h"
#include "pipeline/ocr_engine.h"
#include "tests/test_support.h"

using namespace foiamine;

namespace {

LineWord Word(const std::string& text, int left, int right, int line, Break after = Break::kSpace) {
  return LineWord{text, OcrWordBox{left, 100, right, 130, line}, 90, after};
}

std::string Text(const std::vector<LineWord>& words) {
  std::string out;
  for (const auto& w : words) out += w.text + (w.after == Break::kSpace ? " " : "\n");
  return out;
}

}  // namespace

TEST_CASE("well-formed codes are counted in any bracket and letter, a subpart not twice", "[code_strips]") {
  CHECK(extractors::CountCodeForms("(b)(6), (b)(7)(C)") == 2);
  CHECK(extractors::CountCodeForms("[b] (6) {a}(2}") == 2);
  CHECK(extractors::CountCodeForms("(b):\xC2\xA2" "8);, \xE2\x82\xAC" "b) C7).(C)") == 0);
  CHECK(extractors::CountCodeForms("b6 b7C") == 0);
}

TEST_CASE("a bar's code strip runs right of it to the next bar on its line, not beside a withheld block",
          "[code_strips]") {
  const double dpi = 300;
  // Two bars on one line, one on the next line, one a block two inches tall.
  const std::vector<PixelRect> bars = {{300, 500, 700, 540}, {1000, 505, 1200, 545}, {300, 700, 600, 740},
                                       {300, 1000, 1500, 1600}};
  const auto strips = PlanCodeStrips(bars, 2550, 3300, dpi);
  REQUIRE(strips.size() == 3);
  CHECK(strips[0].left > 700);
  CHECK(strips[0].right < 1000);  // the next bar's code is its own
  CHECK(strips[0].top < 500);
  CHECK(strips[0].bottom > 540);
  CHECK(strips[1].left > 1200);
  CHECK(strips[1].right == 1200 + 660);  // 2.2 in
  CHECK(strips[2].right == 600 + 660);   // the bar on the next line does not end it
  // A bar at the page's right edge leaves no strip.
  CHECK(PlanCodeStrips({{2000, 500, 2540, 540}}, 2550, 3300, dpi).empty());
}

TEST_CASE("the strip's reading replaces the page read's garbled codes and nothing else", "[code_strips]") {
  const PixelRect strip{400, 80, 1100, 150};
  const std::vector<LineWord> page = {Word("Reviewed:", 100, 300, 7), Word("(b):\xC2\xA2" "8);,", 420, 560, 7),
                                      Word("C7).(C)", 580, 700, 7), Word("IRU", 800, 860, 7),
                                      Word("Supervisor", 870, 1050, 7, Break::kLine), Word("next", 100, 200, 8)};
  const std::vector<LineWord> strip_words = {Word("(b)(6),", 418, 560, 0), Word("(b)(7)(C)", 575, 705, 0),
                                             Word("IRU", 800, 860, 0), Word("5upervisor", 870, 1050, 0)};
  std::vector<LineWord> words = page;
  REQUIRE(SpliceCodeReading(words, strip, strip_words));
  CHECK(Text(words) == "Reviewed: (b)(6), (b)(7)(C) IRU Supervisor\nnext ");
  CHECK(words[1].box.line == 7);

  // A reading with no more codes than the page read leaves the page as it is.
  words = page;
  words[1].text = "(b)(6),";
  words[2].text = "(b)(7)(C)";
  const std::vector<LineWord> worse = {Word("(b)(6),", 418, 560, 0), Word("(h)(7)(C)", 575, 705, 0)};
  CHECK_FALSE(SpliceCodeReading(words, strip, worse));
  CHECK(Text(words) == "Reviewed: (b)(6), (b)(7)(C) IRU Supervisor\nnext ");

  // Where the page read saw nothing, the codes follow the word left of them.
  words = {Word("Reviewed:", 100, 300, 7, Break::kLine), Word("next", 100, 200, 8)};
  words[1].box.top = 200, words[1].box.bottom = 230;
  REQUIRE(SpliceCodeReading(words, strip, {Word("(b)(6)", 418, 560, 0)}));
  CHECK(Text(words) == "Reviewed: (b)(6)\nnext ");
}

TEST_CASE("OCR reads every code beside the bars of the corpus's upside-down log page", "[code_strips][ocr_engine]") {
  const auto pdf = testing::SourceDir() / "corpus" / "drop" / "practice" / "iru-release-desk-log-2023-06-scan.pdf";
  const auto truth_path = testing::SourceDir() / "corpus" / "truth" / "practice" / "iru-release-desk-log-2023-06-scan.pdf.txt";
  std::ifstream in(truth_path);
  REQUIRE(in);
  std::stringstream all;
  all << in.rdbuf();
  const std::string truth = all.str();
  const std::string page2 = truth.substr(truth.find('\f') + 1);
  // The codes as printed: every "(b)(" of the page's ground truth.
  size_t printed = 0;
  for (size_t at = page2.find("(b)("); at != std::string::npos; at = page2.find("(b)(", at + 1)) ++printed;
  REQUIRE(printed >= 10);

  auto image = RenderPage(pdf, 1, RenderLimits::AtDpi(300));
  REQUIRE(image.ok());
  auto engine = OcrEngine::Create(OcrSettings{});
  REQUIRE(engine.ok());
  auto read = (*engine)->Recognize(*image);
  REQUIRE(read.ok());
  CHECK(read->rotation_degrees == 180);
  CHECK(read->dark_regions.size() >= 12);
  std::string text;
  for (const auto& w : read->words) text += w.text + (w.after == Break::kSpace ? " " : "\n");
  std::ifstream yaml(testing::SourceDir() / "schemas" / "exemptions.yaml");
  std::stringstream yaml_text;
  yaml_text << yaml.rdbuf();
  auto schemes = extractors::LoadExemptionSchemes(yaml_text.str());
  REQUIRE(schemes.ok());
  INFO(text);
  const auto codes = extractors::FindExemptionCodes(*schemes, text, text, true);
  CHECK(codes.size() == printed);
  CHECK(text.find("(b)(6), (b)(7)(C)") != std::string::npos);  // the "Reviewed:" line
}
