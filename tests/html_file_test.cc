// Web pages (pipeline/html_file.h): main text only, list numbering kept,
// the title as plain text, bounds.
#include <catch2/catch.hpp>

#include "pipeline/html_file.h"

using namespace foiamine;

TEST_CASE("a web page's main text leaves out navigation, scripts and styles", "[html]") {
  auto page = HtmlToText(
      "<!DOCTYPE html><html><head><title>County Code 2.15 &amp; detainers</title><style>nav{}</style>"
      "<script>var t = \"notify ICE\";</script></head><body><nav>Home | Codes</nav>"
      "<h1>2.15.010 Civil <em>immigration</em> detainers</h1>"
      "<p>(a) The sheriff shall not notify federal immigration authorities.</p>"
      "<footer>Contact the Clerk</footer></body></html>");
  REQUIRE(page.ok());
  CHECK(page->title == "County Code 2.15 & detainers");
  CHECK(page->text == "2.15.010 Civil immigration detainers\n\n(a) The sheriff shall not notify federal immigration authorities.");
}

TEST_CASE("ordered lists print their numbers as a browser does", "[html]") {
  auto page = HtmlToText(
      "<body><ol type=\"a\"><li>Staff shall verify identity.</li><li>Staff shall notify ICE."
      "<ol><li>by fax</li><li value=\"5\">by phone</li></ol></li></ol><ol start=\"3\" type=\"I\"><li>Third</li></ol>"
      "<ul><li>bullet</li></ul></body>");
  REQUIRE(page.ok());
  CHECK(page->text ==
        "a. Staff shall verify identity.\n\nb. Staff shall notify ICE.\n\n1. by fax\n\n5. by phone\n\nIII. Third\n\n"
        "\xE2\x80\xA2 bullet");
}

TEST_CASE("the page's <main> is its text, and the title falls back to the first <h1>", "[html]") {
  auto page = HtmlToText("<body><div>Site banner</div><main><h1>Release <b>policy</b></h1><p>Body.</p></main></body>");
  REQUIRE(page.ok());
  CHECK(page->title == "Release policy");
  CHECK(page->text == "Release policy\n\nBody.");
}

TEST_CASE("a page nested too deep, or with no text, is refused with its reason", "[html]") {
  std::string deep;
  for (int i = 0; i < kMaxHtmlDepth + 10; ++i) deep += "<div>";
  auto refused = PagesFromHtml(deep + "x");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("nested deeper than") != std::string::npos);
  auto empty = PagesFromHtml("<html><head><title>t</title></head><body><script>x</script></body></html>");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "HTML page with no text in its body");
  // Unclosed paragraphs and list items are not nesting.
  std::string flat;
  for (int i = 0; i < kMaxHtmlDepth + 10; ++i) flat += "<p>para <li>item";
  CHECK(PagesFromHtml(flat).ok());
}
