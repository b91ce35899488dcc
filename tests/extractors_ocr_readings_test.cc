// Readings of OCR-damaged known tokens (extractors/ocr_readings.h).
#include <catch2/catch.hpp>

#include "extractors/ocr_readings.h"

using namespace foiamine::extractors;

TEST_CASE("damaged form numbers, 287(g), C.F.R. and U.S.C. get their readings beside the raw text",
          "[extractors][ocr]") {
  const std::string text = "subject of a detainer (Form |-247A) under 287(9) and 8 C.ER. 287.7 or 8 US.C. 1373.";
  const auto readings = FindOcrReadings(text);
  REQUIRE(readings.size() == 4);
  CHECK(readings[0].raw == "|-247A");
  CHECK(readings[0].reading == "I-247A");
  CHECK(text.substr(static_cast<size_t>(readings[0].char_start), 6) == "|-247A");
  CHECK(readings[1].reading == "287(g)");
  CHECK(readings[2].raw == "C.ER.");
  CHECK(readings[2].reading == "C.F.R.");
  CHECK(readings[3].raw == "US.C.");
  CHECK(readings[3].reading == "U.S.C.");
  CHECK(OcrReadingsNote(readings) ==
        "|-247A (reads I-247A), 287(9) (reads 287(g)), C.ER. (reads C.F.R.), US.C. (reads U.S.C.)");
}

TEST_CASE("intact tokens and look-alikes elsewhere get no reading", "[extractors][ocr]") {
  CHECK(FindOcrReadings("Form I-247A, section 287(g), 8 C.F.R. 287.7, 8 U.S.C. 1373").empty());
  CHECK(FindOcrReadings("call 202-555-1247 or room 1-2470").empty());
  CHECK(OcrReadingsNote({}).empty());
}
