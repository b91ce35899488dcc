#include "pipeline/ocr_triage.h"

#include <catch2/catch.hpp>

using namespace foiamine;

namespace {
SourcePage TextPage(const std::vector<std::string>& words) {
  SourcePage page;
  page.page_no = 1;
  page.method = PageMethod::kText;
  for (const auto& w : words) page.words.push_back(SourceWord{w, Box{0, 0, 10, 10}, Break::kSpace, {}});
  return page;
}
}  // namespace

TEST_CASE("non-words: what bad text layers are made of", "[ocr_triage]") {
  for (const char* ok : {"notify", "ICE", "24-211.07", "(b)(6)", "§", "I-247A", "don't", "e-mail:", "06/20/2023",
                         "avisará", "CFR", "rhythm", "-", "•", "U.S.C."}) {
    INFO(ok);
    CHECK_FALSE(IsNonWord(ok));
  }
  for (const char* bad : {"\xEF\xBF\xBD\xEF\xBF\xBD", "\xEE\x80\x81\xEE\x80\x82", "!\"#$%", "a^b~c", "xkcdzqrt",
                          "\x01\x02"}) {
    INFO(bad);
    CHECK(IsNonWord(bad));
  }
}

TEST_CASE("triage: good text stays, garbage, thin text over an image, forced", "[ocr_triage]") {
  std::vector<std::string> good(30, "notify");
  CHECK_FALSE(TriagePage(TextPage(good), false).needs_ocr);
  auto forced = TriagePage(TextPage(good), true);
  CHECK(forced.needs_ocr);
  CHECK(forced.reason == "forced (--force-ocr)");

  std::vector<std::string> garbage = {"£5£(", "{\xEF\xBF\xBD", "•J>ldRes9°\"\xEF\xBF\xBD", "ti.'.\"o",
                                      "...:::\xEF\xBF\xBD", "xkcdzqrt", "!\"#$%", "a^b", "b|c", "q~q",
                                      "ORDEN", "DE", "ARESTO"};
  auto g = TriagePage(TextPage(garbage), false);
  CHECK(g.needs_ocr);
  CHECK(g.reason.find("mostly non-words") != std::string::npos);

  SourcePage thin = TextPage({"2/17/25,", "4:56", "PM", "Judicial-Warrant.jpg"});
  thin.ink_outside_text = 0.20;
  auto t = TriagePage(thin, false);
  CHECK(t.needs_ocr);
  CHECK(t.reason.find("carries an image") != std::string::npos);
  thin.ink_outside_text = 0.001;  // a short memo: little text, nothing else on the page
  CHECK_FALSE(TriagePage(thin, false).needs_ocr);

  SourcePage none;
  none.needs_ocr = true;
  none.ocr_reason = "no text layer";
  CHECK(TriagePage(none, false).reason == "no text layer");
}

TEST_CASE("triage: a text layer that splits modals ('sha ll', 'w ill') is read again", "[ocr_triage]") {
  const auto split = TextPage({"Participating", "LEA", "personne", "l", "sha", "ll", "not", "a", "rrest", "anyone;", "the",
                               "LEA", "w", "ill", "notify", "ICE", "of", "every", "encounter."});
  CHECK(CountSplitModals(split.words) == 2);
  const OcrDecision decision = TriagePage(split, false);
  CHECK(decision.needs_ocr);
  CHECK(decision.reason.find("splits words") != std::string::npos);
  // One split is a typo, not a layer; whole modals, and "all" or "ill" as words, are no split.
  CHECK_FALSE(TriagePage(TextPage({"Officers", "sha", "ll", "not", "ask", "about", "status", "and", "will", "not",
                                   "hold", "anyone", "who", "is", "ill", "at", "all."}),
                         false)
                  .needs_ocr);
  CHECK(CountSplitModals(TextPage({"we", "will", "shall", "all", "ill", "must"}).words) == 0);
}

TEST_CASE("triage: a text layer that runs words together and misreads modals is read again", "[ocr_triage]") {
  // (as a poor scanner's layer read a draft agreement of the probe: "inthe intake area ofthe Central", "DOC wil nt had")
  const auto poor = TextPage({"Permit", "ICE", "officers", "to", "interview", "inmates", "inthe", "intake", "area",
                              "ofthe", "Central", "Detention", "Facility.", "DOC", "wil", "nt", "had", "an", "inmate."});
  CHECK(CountMisreadWords(poor.words) == 3);
  const OcrDecision decision = TriagePage(poor, false);
  CHECK(decision.needs_ocr);
  CHECK(decision.reason.find("runs words together") != std::string::npos);
  // Two such words are a typo or two; "bean", "into", "often" and whole modals are words.
  CHECK_FALSE(TriagePage(TextPage({"Officers", "shall", "notify", "ICE", "ofthe", "release", "and", "will", "not",
                                   "hold", "anyone", "wil", "into", "often", "a", "bean", "at", "all."}),
                         false)
                  .needs_ocr);
  CHECK(CountMisreadWords(TextPage({"into", "often", "bean", "inane", "the", "and", "toward", "atone"}).words) == 0);
}
