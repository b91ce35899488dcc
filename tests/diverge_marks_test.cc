// search/diverge_report: the marks around the decisive words stay
// well-formed whatever the stance and topic cue spans are — nested,
// overlapping, crossing, touching, empty, out of range or clipped — in the
// text marks, the ANSI ones and the HTML.
#include <catch2/catch.hpp>

#include <sstream>

#include "search/diverge_report.h"

using namespace foiamine;

namespace {

// "the subject was held in R&D" at page offset 10 (code points).
ClauseRecord Clause(int cue_start, int cue_end, int topic_start, int topic_end) {
  ClauseRecord c;
  c.id = "cccccccccccccccc";
  c.text = "the subject was held in R&D";
  c.char_start = 10;
  c.char_end = 10 + static_cast<int>(c.text.size());
  c.cue_start = cue_start;
  c.cue_end = cue_end;
  c.topic_cue_start = topic_start;
  c.topic_cue_end = topic_end;
  return c;
}
// Offsets of words in Clause()'s text, on the page.
constexpr int kWas = 10 + 12, kWasEnd = 10 + 15, kHeld = 10 + 16, kHeldEnd = 10 + 20, kIn = 10 + 21,
              kEnd = 10 + 27;

std::string Md(const ClauseRecord& c) { return MarkedText(c, "**", "**", "__", "__"); }

std::string Html(const ClauseRecord& c) {
  Divergence d;
  d.topic = "detainers";
  d.actor = "DOC";
  d.summary = "s";
  d.law = c;
  d.practice = c;
  d.practice.id = "dddddddddddddddd";
  std::ostringstream out;
  WriteDivergenceHtml({d}, Matrix{}, {d.law, d.practice}, ReportOptions{}, out);
  return out.str();
}

}  // namespace

TEST_CASE("diverge marks: a topic cue inside the stance cue nests", "[diverge][marks]") {
  // The corpus case: stance "was held", topic "held" (same end).
  CHECK(Md(Clause(kWas, kHeldEnd, kHeld, kHeldEnd)) == "the subject **was __held__** in R&D");
  // Same start.
  CHECK(Md(Clause(kWas, kHeldEnd, kWas, kWasEnd)) == "the subject **__was__ held** in R&D");
  // Strictly inside.
  CHECK(Md(Clause(kWas, kIn + 2, kHeld, kHeldEnd)) == "the subject **was __held__ in** R&D");
  // The stance cue inside the topic cue.
  CHECK(Md(Clause(kHeld, kHeldEnd, kWas, kHeldEnd)) == "the subject __was **held**__ in R&D");
}

TEST_CASE("diverge marks: identical spans nest with the stance outside", "[diverge][marks]") {
  CHECK(Md(Clause(kHeld, kHeldEnd, kHeld, kHeldEnd)) == "the subject was **__held__** in R&D");
}

TEST_CASE("diverge marks: crossing spans are split so that they nest", "[diverge][marks]") {
  // stance "was held", topic "held in".
  CHECK(Md(Clause(kWas, kHeldEnd, kHeld, kIn + 2)) == "the subject **was __held__**__ in__ R&D");
  // topic "was held", stance "held in".
  CHECK(Md(Clause(kHeld, kIn + 2, kWas, kHeldEnd)) == "the subject __was **held**__** in** R&D");
}

TEST_CASE("diverge marks: touching spans are marked one after the other", "[diverge][marks]") {
  CHECK(Md(Clause(kWas, kHeld, kHeld, kHeldEnd)) == "the subject **was **__held__ in R&D");
  CHECK(Md(Clause(kHeld, kHeldEnd, kWas, kHeld)) == "the subject __was __**held** in R&D");
  // Apart.
  CHECK(Md(Clause(kWas, kWasEnd, kHeld, kHeldEnd)) == "the subject **was** __held__ in R&D");
}

TEST_CASE("diverge marks: empty spans mark nothing", "[diverge][marks]") {
  CHECK(Md(Clause(kWas, kWas, kHeld, kHeldEnd)) == "the subject was __held__ in R&D");
  CHECK(Md(Clause(kWas, kHeldEnd, kHeld, kHeld)) == "the subject **was held** in R&D");
  CHECK(Md(Clause(-1, -1, -1, -1)) == "the subject was held in R&D");
  CHECK(Md(Clause(kHeldEnd, kWas, -1, -1)) == "the subject was held in R&D");  // end before start
  // Empty text.
  ClauseRecord e = Clause(10, 12, 10, 11);
  e.text.clear();
  CHECK(Md(e).empty());
  CHECK(MarkClause(e).empty());
}

TEST_CASE("diverge marks: spans out of range mark nothing, spans past the text are clipped", "[diverge][marks]") {
  // Wholly before or after the clause text.
  CHECK(Md(Clause(0, 5, kEnd, kEnd + 4)) == "the subject was held in R&D");
  CHECK(Md(Clause(kEnd + 1, kEnd + 9, 2, 10)) == "the subject was held in R&D");
  // Crossing the end of the clause text: clipped.
  CHECK(Md(Clause(kIn, kEnd + 30, kIn + 3, kEnd + 2)) == "the subject was held **in __R&D__**");
  // Crossing its start: clipped.
  CHECK(Md(Clause(5, kWas - 1, 0, kWasEnd)) == "__**the subject** was__ held in R&D");
  // The whole text.
  CHECK(Md(Clause(0, 1000, 10, kEnd)) == "**__the subject was held in R&D__**");
  auto runs = MarkClause(Clause(kIn, kEnd + 30, -1, -1));
  REQUIRE(runs.size() == 2);
  CHECK((runs[1].text == "in R&D" && runs[1].stance && !runs[1].topic));
}

TEST_CASE("diverge marks: code points, not bytes, with nesting", "[diverge][marks]") {
  ClauseRecord c = Clause(0, 0, 0, 0);
  c.text = "§ é fue retenido";
  c.char_start = 0;
  c.cue_start = 4;  // "fue retenido"
  c.cue_end = 16;
  c.topic_cue_start = 8;  // "retenido"
  c.topic_cue_end = 16;
  CHECK(Md(c) == "§ é **fue __retenido__**");
}

TEST_CASE("diverge marks: ANSI marks end only their own attribute", "[diverge][marks]") {
  const ClauseRecord c = Clause(kWas, kHeldEnd, kHeld, kHeldEnd);
  CHECK(MarkedText(c, "\033[1m", "\033[22m", "\033[4m", "\033[24m") ==
        "the subject \033[1mwas \033[4mheld\033[24m\033[22m in R&D");
  Divergence d;
  d.topic = "detainers";
  d.law = c;
  d.practice = c;
  std::ostringstream text;
  ReportOptions options;
  options.color = true;
  WriteDivergenceText({d}, options, text);
  CHECK(text.str().find("\033[1mwas \033[4mheld\033[24m\033[22m in R&D") != std::string::npos);
  std::ostringstream plain;
  WriteDivergenceText({d}, ReportOptions{}, plain);
  CHECK(plain.str().find("\"the subject **was __held__** in R&D\"") != std::string::npos);
  CHECK(plain.str().find("****") == std::string::npos);
}

TEST_CASE("diverge marks: HTML marks nest validly and escape only the text", "[diverge][marks][html]") {
  const std::string html = Html(Clause(kWas, kHeldEnd, kHeld, kEnd));
  CHECK(html.find("the subject <mark class=\"stance\">was <mark class=\"topic\">held</mark></mark>"
                  "<mark class=\"topic\"> in R&amp;D</mark>") != std::string::npos);
  CHECK(html.find("stance topic") == std::string::npos);
  // Every <mark> is closed, in order, within each quote.
  int depth = 0, max_depth = 0;
  bool balanced = true;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 5, "<mark") == 0) max_depth = std::max(max_depth, ++depth);
    if (html.compare(i, 7, "</mark>") == 0 && --depth < 0) balanced = false;
  }
  CHECK(balanced);
  CHECK(depth == 0);
  CHECK(max_depth == 2);
}
