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
  kHtml,     // HTML: recognised so it can be refused with a clear reason
  kZip,
  kEmpty,    // zero bytes
  kUnknown,  // binary of no supported kind
};

// `head` is the first bytes of the file (4 KiB is plenty).
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
