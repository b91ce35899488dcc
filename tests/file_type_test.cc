#include "pipeline/file_type.h"

#include <catch2/catch.hpp>
#include <string>

#include "base/sha256.h"
#include "base/utf8.h"
#include "tests/test_support.h"

using namespace foiamine;

TEST_CASE("file types come from the bytes, not the name", "[file_type]") {
  CHECK(DetectFileType("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") == FileType::kPdf);
  CHECK(DetectFileType("\x89PNG\r\n\x1a\n....") == FileType::kPng);
  CHECK(DetectFileType("\xFF\xD8\xFF\xE0..JFIF") == FileType::kJpeg);
  CHECK(DetectFileType(std::string("II*\0\x08\0\0\0", 8)) == FileType::kTiff);
  CHECK(DetectFileType(std::string("MM\0*\0\0\0\x08", 8)) == FileType::kTiff);
  CHECK(DetectFileType("PK\x03\x04\x14\0") == FileType::kZip);
  CHECK(DetectFileType("From: records@doc.dc.gov\nSubject: release list\n") == FileType::kText);
  CHECK(DetectFileType("<html><body>not a pdf</body></html>") == FileType::kHtml);
  CHECK(DetectFileType("\n  <!DOCTYPE html><html>") == FileType::kHtml);
  CHECK(DetectFileType("<?xml version=\"1.0\"?><level/>") == FileType::kXml);
  CHECK(DetectFileType("") == FileType::kEmpty);
  CHECK(DetectFileType(std::string("\x01\x02\0\x03garbage", 11)) == FileType::kUnknown);
  // Latin-1 text is still text.
  CHECK(DetectFileType("Caf\xE9 notificaci\xF3n del lunes\n") == FileType::kText);
  // ... but a raw gray image ("P5", its size, then light pixels, no zero byte) is no text of any code page.
  CHECK(DetectFileType("P5\n765 990\n255\n" + std::string(400, '\xFF') + std::string(100, '\xF3')) == FileType::kUnknown);
  // Spanish in Windows-1252, accented more than most, is still text.
  CHECK(DetectFileType("Informaci\xF3n: el Departamento no compartir\xE1 la fecha de liberaci\xF3n con ICE.\n") ==
        FileType::kText);
  // A PDF header after some junk (allowed by readers) is still a PDF.
  CHECK(DetectFileType("junk junk\n%PDF-1.4\n") == FileType::kPdf);
}

TEST_CASE("e-mail, mailboxes, CSV tables and OLE2 files are told by their bytes", "[file_type]") {
  CHECK(DetectFileType("From: Records <r@doc.gov>\nTo: x@ice.gov\nMessage-ID: <1@doc.gov>\nSubject: s\n\nbody\n") ==
        FileType::kEmail);
  CHECK(DetectFileType("Received: from mx\n  by host\nFrom: r@doc.gov\r\nDate: Tue, 11 Jul 2023\r\n\r\nbody") ==
        FileType::kEmail);
  CHECK(DetectFileType("From r@doc.gov Tue Jul 11 09:14:00 2023\nFrom: r@doc.gov\nMessage-ID: <1@d>\n\nbody\n") ==
        FileType::kMbox);
  // A typed memo with To:/From:/Subject: lines is not an e-mail; nor is prose after them.
  CHECK(DetectFileType("TO: All staff\nFROM: Warden\nSUBJECT: Detainers\n\nStaff shall not...\n") == FileType::kText);
  CHECK(DetectFileType("From: Warden\nThis memo explains, in detail, the policy.\n") == FileType::kText);
  CHECK(DetectFileType("entry,date,action\n1,2023-06-12,\"Released, lobby\"\n2,2023-06-13,Faxed\n") == FileType::kCsv);
  CHECK(DetectFileType("Dear Mayor Hodges, Councilmembers, and staff,\nWe write, again, today.\n") == FileType::kText);
  CHECK(DetectFileType("one line, only, here\n") == FileType::kText);
  // Paragraphs of prose that happen to hold the same number of commas are text, not a table (two news paragraphs
  // of three clauses each, as a reporter wrote them); a log with a short free-text column is still a table.
  CHECK(DetectFileType("The District announced it was joining Secure Communities in November, but has yet to bring "
                       "the system online, the Washington Examiner has learned.\nThe sheriff said the jail will not "
                       "hold anyone past release on a detainer alone, and that ICE is told of releases, when it asks.\n") ==
        FileType::kText);
  CHECK(DetectFileType("date,time,unit,note\n2023-06-12,0930,B2,Released to ICE at lobby after detainer check\n"
                       "2023-06-13,1415,C1,Faxed notice to ERO\n") == FileType::kCsv);
  CHECK(DetectFileType(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)) == FileType::kOle2);
}

TEST_CASE("names claim types that detection can contradict", "[file_type]") {
  CHECK(TypeClaimedByName("mail/reply.EML") == FileType::kEmail);
  CHECK(TypeClaimedByName("log.csv") == FileType::kCsv);
  CHECK(TypeClaimedByName("p.docx") == FileType::kDocx);
  CHECK(TypeClaimedByName("p.xlsx") == FileType::kXlsx);
  CHECK(TypeClaimedByName("old.msg") == FileType::kOle2);
  CHECK(TypeClaimedByName("orders/GO-201.26.PDF") == FileType::kPdf);
  CHECK(TypeClaimedByName("scan.tif") == FileType::kTiff);
  CHECK(TypeClaimedByName("log.txt") == FileType::kText);
  CHECK(TypeClaimedByName("README") == FileType::kUnknown);
  CHECK(DescribeHead("<html><body>not a pdf</body></html>") == "starts with '<html><body>not a pdf</b'");
}

TEST_CASE("SHA-256 of bytes and of a file agree with known vectors", "[sha256]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  testing::ScratchDir dir;
  std::string big(1 << 20, 'x');  // larger than the read buffer
  testing::WriteFile(dir / "big.bin", big);
  auto sha = Sha256File(dir / "big.bin");
  REQUIRE(sha.ok());
  CHECK(*sha == Sha256Hex(big));
  auto missing = Sha256File(dir / "missing.bin");
  CHECK_FALSE(missing.ok());
}

TEST_CASE("UTF-8 validation and lossless escaping of bad names", "[utf8]") {
  CHECK(IsValidUtf8("notificación"));
  CHECK_FALSE(IsValidUtf8("caf\xE9.pdf"));
  CHECK(EscapeInvalidUtf8("caf\xE9.pdf") == "caf\\xE9.pdf");
  CHECK(EscapeInvalidUtf8("ok ü") == "ok ü");
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a surrogate
  CHECK(IsValidUtf8Prefix("abc\xC3"));       // cut in the middle of "é"
  CHECK(CountCodePoints("§ 24-211.07") == 11);
  CHECK(SubstrCodePoints("née ICE", 1, 3) == "ée");
  CHECK(Utf8Prefix("née", 2) == "n");  // not inside "é"
  CHECK(Utf8Prefix("née", 3) == "né");
  CHECK(Utf8Prefix("née", 9) == "née");
  CHECK(Utf8Prefix("\xE2\x82\xAC", 2).empty());  // "€" whole or not at all
  // Every length around the eight-byte words, the non-ASCII byte anywhere.
  for (size_t n = 0; n <= 20; ++n) {
    CHECK(IsAscii(std::string(n, 'a')));
    for (size_t at = 0; at < n; ++at) {
      std::string text(n, 'a');
      text[at] = '\x80';
      CHECK_FALSE(IsAscii(text));
    }
  }
}
