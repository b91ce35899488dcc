// Word documents (pipeline/docx_file.h, pipeline/ooxml_package.h): list
// numbers from numbering.xml, pages apart for headers/footers and for
// tracked changes and comments, page breaks, bounds.
#include <catch2/catch.hpp>

#include "pipeline/docx_file.h"
#include "pipeline/ooxml_package.h"
#include "tests/format_fixtures.h"
#include "tests/test_support.h"

using namespace foiamine;
using namespace foiamine::testing;

namespace {

std::string PageText(const SourcePage& page) {
  std::string out;
  for (const auto& w : page.words) out += w.text + (w.after == Break::kSpace ? " " : "\n");
  return out;
}

}  // namespace

TEST_CASE("a numbered Word paragraph starts with the number Word prints", "[docx]") {
  ScratchDir dir;
  WriteDocx(dir / "p.docx",
            DocxParagraph("Procedures") + DocxParagraph("Staff shall notify ICE.", 1, 0) +
                DocxParagraph("by fax", 1, 1) + DocxParagraph("by phone", 1, 1) +
                DocxParagraph("Staff shall verify identity.", 1, 0) + DocxParagraph("in person", 1, 1),
            DocxNumbering("lowerLetter", "decimal"));
  CHECK(DetectPackageType(dir / "p.docx") == FileType::kDocx);
  auto doc = ReadDocx(dir / "p.docx");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 1);
  CHECK(PageText(doc->pages[0]) ==
        "Procedures\na. Staff shall notify ICE.\na.1. by fax\na.2. by phone\nb. Staff shall verify identity.\n"
        "b.1. in person\n");
  REQUIRE(!doc->warnings.empty());
  CHECK(doc->warnings.back().find("one pseudo-page") != std::string::npos);
}

TEST_CASE("tracked changes and comments are kept as evidence on a page of their own", "[docx]") {
  ScratchDir dir;
  const std::string body =
      "<w:p><w:r><w:t>Staff shall </w:t></w:r>"
      "<w:del w:author=\"J. Roe\" w:date=\"2023-05-01T10:00:00Z\"><w:r><w:delText>notify ICE of release dates."
      "</w:delText></w:r></w:del><w:ins w:author=\"J. Roe\" w:date=\"2023-05-01T10:00:00Z\"><w:r><w:t>release "
      "inmates on time.</w:t></w:r></w:ins></w:p>"
      "<w:p><w:r><w:br w:type=\"page\"/><w:t>Second page.</w:t></w:r></w:p>";
  const std::string comments = std::string("<?xml version=\"1.0\"?><w:comments ") + kWordNs +
                               "><w:comment w:id=\"0\" w:author=\"Counsel\" w:date=\"2023-05-02T00:00:00Z\">"
                               "<w:p><w:r><w:t>Check with ERO.</w:t></w:r></w:p></w:comment></w:comments>";
  const std::string header = std::string("<?xml version=\"1.0\"?><w:hdr ") + kWordNs +
                             "><w:p><w:r><w:t>DOC Records Office</w:t></w:r></w:p></w:hdr>";
  WriteDocx(dir / "t.docx", body, "", {{"word/comments.xml", comments}, {"word/header1.xml", header}});
  auto doc = ReadDocx(dir / "t.docx");
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 4);
  CHECK(PageText(doc->pages[0]) == "Staff shall release inmates on time.\n");
  CHECK(PageText(doc->pages[1]) == "Second page.\n");
  CHECK(PageText(doc->pages[2]).find("Header: DOC Records Office") != std::string::npos);
  const std::string evidence = PageText(doc->pages[3]);
  CHECK(evidence.find("Tracked changes and comments") != std::string::npos);
  CHECK(evidence.find("[deleted by J. Roe, 2023-05-01] notify ICE of release dates.") != std::string::npos);
  CHECK(evidence.find("[inserted by J. Roe, 2023-05-01] release inmates on time.") != std::string::npos);
  CHECK(evidence.find("[comment by Counsel, 2023-05-02] Check with ERO.") != std::string::npos);
}

TEST_CASE("a damaged or hostile Word package fails with its reason", "[docx]") {
  ScratchDir dir;
  WriteDocx(dir / "bad.docx", "<w:p><w:r><w:t>unclosed");
  auto bad = ReadDocx(dir / "bad.docx");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("not well-formed XML") != std::string::npos);

  WriteZipEntries(dir / "nobody.docx", {{"word/document.xml.bak", "x"}});
  CHECK_FALSE(ReadDocx(dir / "nobody.docx").ok());

  // A bomb: 80 MiB of one byte, deflated to ~80 KiB.
  WriteZipEntries(dir / "bomb.docx", {{"word/document.xml", std::string(80u << 20, ' ')}});
  auto bomb = ReadDocx(dir / "bomb.docx");
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.status().code() == Status::Code::kUnsupported);
  CHECK(bomb.status().message().find("zip bomb") != std::string::npos);
}
