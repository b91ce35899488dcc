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
  // A PDF header after some junk (allowed by readers) is still a PDF.
  CHECK(DetectFileType("junk junk\n%PDF-1.4\n") == FileType::kPdf);
}

TEST_CASE("names claim types that detection can contradict", "[file_type]") {
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
}
