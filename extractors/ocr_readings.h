// Known tokens that OCR damages in a recognizable way ("Form |-247A",
// "287(9)", "8 C.ER.", "8 US.C."), with the reading a careful person would
// give them. A quote read by OCR is shown as OCR read it — it is the record
// — with these readings beside it, never silently corrected.
#pragma once

#include <string>
#include <vector>

namespace foiamine::extractors {

struct OcrReading {
  std::string raw;      // as OCR read it, "|-247A"
  std::string reading;  // the token it stands for, "I-247A"
  int char_start = 0;   // code point span of `raw` in the text given
  int char_end = 0;
};

// The damaged known tokens in `text`, in text order: DHS immigration forms
// (I-247A/D/N/X, I-200, I-203, I-205) with the I read as '|', 'l', '1' or
// '!'; INA 287(g) with the g read as 9, q or 8; C.F.R. read as "C.ER.",
// "C.FR." or "C.E.R."; U.S.C. read as "US.C." or "U.SC.". Intact tokens are
// not listed.
std::vector<OcrReading> FindOcrReadings(const std::string& text);

// "|-247A (reads I-247A), 287(9) (reads 287(g))": the readings as one note,
// "" when there are none.
std::string OcrReadingsNote(const std::vector<OcrReading>& readings);

}  // namespace foiamine::extractors
