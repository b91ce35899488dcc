#include "pipeline/file_type.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace foiamine {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

}  // namespace

FileType DetectFileType(std::string_view head) {
  if (head.empty()) return FileType::kEmpty;
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return FileType::kPdf;
  if (StartsWith(head, "\x89PNG\r\n\x1a\n")) return FileType::kPng;
  if (StartsWith(head, "\xFF\xD8\xFF")) return FileType::kJpeg;
  if (StartsWith(head, std::string_view("II*\0", 4)) || StartsWith(head, std::string_view("MM\0*", 4))) {
    return FileType::kTiff;
  }
  if (StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06")) return FileType::kZip;
  if (head.find('\0') != std::string_view::npos) return FileType::kUnknown;
  // Text: valid UTF-8 up to a possibly cut last character.
  if (!IsValidUtf8Prefix(head)) {
    // Mostly printable single-byte text (Windows-1252 / Latin-1) is still text.
    size_t printable = std::count_if(head.begin(), head.end(), [](unsigned char c) {
      return c >= 0x20 || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    });
    if (printable * 100 < head.size() * 97) return FileType::kUnknown;
  }
  std::string start = Lower(SkipBomAndSpace(head).substr(0, 256));
  if (StartsWith(start, "<!doctype html") || StartsWith(start, "<html") ||
      start.find("<html") != std::string::npos) {
    return FileType::kHtml;
  }
  if (StartsWith(start, "<?xml")) return FileType::kXml;
  return FileType::kText;
}

const char* FileTypeName(FileType type) {
  switch (type) {
    case FileType::kPdf: return "pdf";
    case FileType::kPng: return "png";
    case FileType::kJpeg: return "jpeg";
    case FileType::kTiff: return "tiff";
    case FileType::kText: return "text";
    case FileType::kXml: return "xml";
    case FileType::kHtml: return "html";
    case FileType::kZip: return "zip";
    case FileType::kEmpty: return "empty";
    case FileType::kUnknown: return "unknown";
  }
  return "unknown";
}

FileType TypeClaimedByName(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return FileType::kUnknown;
  std::string ext = Lower(file_name.substr(dot + 1));
  if (ext == "pdf") return FileType::kPdf;
  if (ext == "png") return FileType::kPng;
  if (ext == "jpg" || ext == "jpeg") return FileType::kJpeg;
  if (ext == "tif" || ext == "tiff") return FileType::kTiff;
  if (ext == "txt") return FileType::kText;
  if (ext == "xml") return FileType::kXml;
  if (ext == "zip") return FileType::kZip;
  if (ext == "html" || ext == "htm") return FileType::kHtml;
  return FileType::kUnknown;
}

std::string DescribeHead(std::string_view head) {
  std::string shown;
  for (char c : head.substr(0, 24)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) shown += c;
    else if (c == '\n' || c == '\r') break;
    else shown += '.';
  }
  return "starts with '" + shown + "'";
}

}  // namespace foiamine
