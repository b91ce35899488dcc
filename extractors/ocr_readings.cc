#include "extractors/ocr_readings.h"

#include "extractors/text_fold.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>

namespace foiamine::extractors {
namespace {

struct Rule {
  std::unique_ptr<RE2> pattern;  // group 1: the damaged token
  std::string (*reading)(const std::string& raw);
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> v;
    std::vector<Rule>* r = &v;
    // The I of a form number read as a stroke or a digit; a real "I-" is intact.
    r->push_back({std::make_unique<RE2>(R"((?:^|[^A-Za-z0-9])([|l1!]-(?:247[ADNX]?|20[035]))\b)"),
                  [](const std::string& raw) {
                    std::string form = raw;  // (not "I" + raw.substr(1): GCC 12 warns -Wrestrict there, a false alarm)
                    form[0] = 'I';
                    return form;
                  }});
    r->push_back({std::make_unique<RE2>(R"(\b(287\s?\([9qQ8G]\)))"),
                  [](const std::string&) { return std::string("287(g)"); }});
    r->push_back({std::make_unique<RE2>(R"(\b(C\.\s?(?:E\.?\s?R|F\s?R)\.))"),
                  [](const std::string&) { return std::string("C.F.R."); }});
    r->push_back({std::make_unique<RE2>(R"(\b(US\.C\.|U\.SC\.))"),
                  [](const std::string&) { return std::string("U.S.C."); }});
    return v;
  }();
  return rules;
}

}  // namespace

std::vector<OcrReading> FindOcrReadings(const std::string& text) {
  std::vector<OcrReading> out;
  for (const Rule& rule : Rules()) {
    re2::StringPiece in(text);
    re2::StringPiece token;
    while (RE2::FindAndConsume(&in, *rule.pattern, &token)) {
      const std::string raw(token.data(), token.size());
      const size_t at = static_cast<size_t>(token.data() - text.data());
      const int start = internal::CodePointsBefore(text, at);
      out.push_back({raw, rule.reading(raw), start, start + internal::CodePointsBefore(raw, raw.size())});
    }
  }
  std::sort(out.begin(), out.end(), [](const OcrReading& a, const OcrReading& b) { return a.char_start < b.char_start; });
  return out;
}

std::string OcrReadingsNote(const std::vector<OcrReading>& readings) {
  std::string note;
  for (const OcrReading& r : readings) note += (note.empty() ? "" : ", ") + r.raw + " (reads " + r.reading + ")";
  return note;
}

}  // namespace foiamine::extractors
