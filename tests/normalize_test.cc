#include "pipeline/normalize.h"

#include <catch2/catch.hpp>

#include "pipeline/text_file.h"
#include "base/utf8.h"

using namespace foiamine;

namespace {

SourceWord W(std::string text, Break after = Break::kSpace) {
  return SourceWord{std::move(text), Box{0, 0, 1, 1}, after, {}};
}

std::string SpanText(const NormalizedPage& page, const Span& span) {
  return SubstrCodePoints(page.text, span.start, span.end);
}

}  // namespace

TEST_CASE("normalization folds ligatures, quotes, dashes and soft hyphens", "[normalize]") {
  std::vector<SourceWord> words = {W("\xEF\xAC\x81nal"), W("\xE2\x80\x9Cnotify\xE2\x80\x9D"),
                                   W("ICE\xE2\x80\x99s"), W("2019\xE2\x80\x93" "2020"), W("de\xC2\xADtainer")};
  NormalizedPage page = NormalizePage(words);
  CHECK(page.text == "final \"notify\" ICE's 2019-2020 detainer");
  // Every word maps to its normalized span.
  CHECK(SpanText(page, page.word_spans[0]) == "final");
  CHECK(SpanText(page, page.word_spans[2]) == "ICE's");
  CHECK(SpanText(page, page.word_spans[4]) == "detainer");
}

TEST_CASE("words hyphenated at a line end are joined, dashes and capitals are not", "[normalize]") {
  std::vector<SourceWord> words = {W("shall"), W("noti-", Break::kLine), W("fy"), W("the"),
                                   W("Compact\xE2\x80\x94", Break::kLine), W("recognizing"),
                                   W("Post-", Break::kLine), W("Release"), W("end.", Break::kParagraph), W("Next")};
  NormalizedPage page = NormalizePage(words);
  // (the joined word moves down to its second part's line: each line keeps about its printed width)
  CHECK(page.text == "shall\nnotify the Compact-\nrecognizing Post-\nRelease end.\n\nNext");
  // The joined word spans both source words: "noti" then "fy".
  CHECK(SpanText(page, page.word_spans[1]) == "noti");
  CHECK(SpanText(page, page.word_spans[2]) == "fy");
  CHECK(page.word_spans[1].end == page.word_spans[2].start);
}

TEST_CASE("offsets count code points, not bytes", "[normalize]") {
  std::vector<SourceWord> words = {W("§"), W("24-211.07"), W("notificación"), W("ICE")};
  NormalizedPage page = NormalizePage(words);
  CHECK(page.text == "§ 24-211.07 notificación ICE");
  CHECK(page.word_spans[3].start == 25);
  CHECK(SpanText(page, page.word_spans[3]) == "ICE");
}

TEST_CASE("sentences: a line wrap does not end a sentence, a period does", "[normalize]") {
  std::vector<SourceWord> words = {W("Records"), W("staff"), W("shall", Break::kLine), W("notify"), W("ICE."),
                                   W("Property"), W("is"), W("returned.")};
  NormalizedPage page = NormalizePage(words);
  const std::vector<Span> sentences = PageSentences(page);
  REQUIRE(sentences.size() == 2);
  CHECK(SpanText(page, sentences[0]) == "Records staff shall\nnotify ICE.");
  CHECK(SpanText(page, sentences[1]) == "Property is returned.");
}

TEST_CASE("plain text files: pages at form feeds, lines and paragraphs kept", "[normalize][text_file]") {
  SourceDocument doc = PagesFromText("From: clerk\r\nTo: ERO\r\n\r\nList attached.\fPage two\n");
  REQUIRE(doc.pages.size() == 2);
  CHECK(NormalizePage(doc.pages[0].words).text == "From: clerk\nTo: ERO\n\nList attached.");
  CHECK(NormalizePage(doc.pages[1].words).text == "Page two");
  CHECK(doc.pages[1].page_no == 2);
  CHECK(doc.warnings.empty());
  SourceDocument latin = PagesFromText("notificaci\xF3n");
  REQUIRE(latin.pages.size() == 1);
  CHECK(NormalizePage(latin.pages[0].words).text == "notificación");
  CHECK(latin.warnings.size() == 1);
}

// The U.S. Code as republished in Markdown (codexstanford/markdonw-chunck-of-the-usa-code, title 8, § 1357(d)):
// the heading marks are markup. A text whose headings are not Markdown's keeps its "#" ("# of releases").
TEST_CASE("a Markdown text file's heading marks are not words, other texts' '#' are", "[normalize][text_file]") {
  SourceDocument md = PagesFromText("\n# Title 8- ALIENS AND NATIONALITY\n### CHAPTER 12- IMMIGRATION AND NATIONALITY\n"
                                    "#### \xC2\xA7 1357. Powers of immigration officers and employees\n##### (d) Detainer\n\n"
                                    "In the case of an alien who is arrested ...\n#5 stays, as does ## in a line.\n");
  REQUIRE(md.pages.size() == 1);
  CHECK(NormalizePage(md.pages[0].words).text ==
        "Title 8- ALIENS AND NATIONALITY\nCHAPTER 12- IMMIGRATION AND NATIONALITY\n"
        "\xC2\xA7 1357. Powers of immigration officers and employees\n(d) Detainer\n\n"
        "In the case of an alien who is arrested ...\n#5 stays, as does ## in a line.");
  // a link is its text, an image nothing (wa-law.org's pages: a breadcrumb of links above the bill)
  SourceDocument links = PagesFromText("[wa-law.org](/) > [bill](/bill/) > [SB 5818](/bill/2025-26/sb/5818/)\n\n"
                                       "# SB 5818 - Facilitating the transfer\n![seal](seal.png)\n## Section 1\n"
                                       "[Source](http://lawfilesext.leg.wa.gov/5818.pdf) [broken link](\n");
  CHECK(NormalizePage(links.pages[0].words).text ==
        "wa-law.org > bill > SB 5818\n\nSB 5818 - Facilitating the transfer\n\nSection 1\nSource [broken link](");  // (the image's line is left blank)
  // one heading, not on the first line, and lines that open with "#" and a lower-case word: no Markdown
  SourceDocument tally = PagesFromText("Release desk tally\n# of releases: 5\n## of detainers: 2\n# Notes\n");
  CHECK(NormalizePage(tally.pages[0].words).text == "Release desk tally\n# of releases: 5\n## of detainers: 2\n# Notes");
}

TEST_CASE("a plain text's pages are normalized as a run indexes a text file", "[normalize]") {
  const auto pages = NormalizedTextPages("  \xE2\x80\x9CICE\xE2\x80\x9D   detainer notifi-\ncation\n\fpage two\f");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0] == "\"ICE\" detainer\nnotification");
  CHECK(pages[1] == "page two");
}

TEST_CASE("a soft hyphen at a line end joins its word's next part, not a footer below it", "[normalize]") {
  std::vector<SourceWord> words = {W("may"), W("be"), W("co\xC2\xAD", Break::kLine), W("located"), W("with"),
                                   W("ICE"), W("and"), W("co\xC2\xAD", Break::kLine), W("Page"), W("12", Break::kLine),
                                   W("MEMORAN\xC2\xAD", Break::kLine), W("DUM")};
  NormalizedPage page = NormalizePage(words);
  CHECK(page.text == "may be\ncolocated with ICE and co\nPage 12\nMEMORANDUM");
}
