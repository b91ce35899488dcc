// Detects what a file is from its first bytes, never from its name.
#pragma once

#include <string>
#include <string_view>

namespace foiamine {

enum class FileType {
  kPdf,
  kPng,
  kJpeg,
  kTiff,
  kText,     // UTF-8 (or plain ASCII) text
  kXml,      // XML text (e.g. D.C. Council law XML)
  kHtml,     // HTML web page (pipeline/html_file.h)
  kEmail,    // one RFC 5322 e-mail message, .eml (pipeline/email_file.h)
  kMbox,     // a Unix mailbox of messages, each "From " line starting one
  kCsv,      // comma-separated values: text whose first lines have the same number of fields
  kDocx,     // Word 2007+ document (a ZIP package with word/document.xml): DetectPackageType
  kXlsx,     // Excel 2007+ workbook (a ZIP package with xl/workbook.xml): DetectPackageType
  kOle2,     // an OLE2 compound file: Outlook .msg, Word .doc, Excel .xls (refused, unsupported)
  kZip,
  kEmpty,    // zero bytes
  kUnknown,  // binary of no supported kind
};

// `head` is the first bytes of the file (4 KiB is plenty). A ZIP package is
// kZip here: DetectPackageType (pipeline/ooxml_package.h) tells a .docx or
// .xlsx from a ZIP archive by its parts.
FileType DetectFileType(std::string_view head);

// "pdf", "png", ... as stored in documents.file_type.
const char* FileTypeName(FileType type);

// The type a file name's extension claims, or kUnknown when it claims none
// foiamine knows (".pdf" -> kPdf, ".tif" -> kTiff, ".txt" -> kText, ...).
FileType TypeClaimedByName(std::string_view file_name);

// A short human description of the first bytes, for error messages:
// e.g. "starts with '<html><body>'".
std::string DescribeHead(std::string_view head);

}  // namespace foiamine
