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

// RFC 5322 header field names that mark a stored e-mail rather than a typed
// memo ("To:/From:/Subject:" heads memos too): a file is an e-mail when its
// first block is all header fields (or their continuation lines), it has a
// From: and one of these.
bool IsMailOnlyHeader(std::string_view name) {
  for (std::string_view h : {"message-id", "mime-version", "received", "return-path", "delivered-to",
                             "content-type", "x-mailer", "in-reply-to", "references", "dkim-signature"}) {
    if (name == h) return true;
  }
  return false;
}

// The header block at the start of `s` (up to its first blank line) read as
// e-mail headers: whether it is one, and has From: and a mail-only field.
bool LooksLikeMailHeaders(std::string_view s) {
  bool from = false, mail_only = false;
  int fields = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) break;  // a cut last line: judge on what came before
    std::string_view line = s.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {
      if (fields == 0) return false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 76) return false;
    for (char c : line.substr(0, colon)) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
    }
    std::string name = Lower(line.substr(0, colon));
    ++fields;
    if (name == "from") from = true;
    if (IsMailOnlyHeader(name)) mail_only = true;
  }
  return fields >= 2 && from && mail_only;
}

// The fields of one CSV line (quotes honoured, a quoted field may not span
// lines here); -1 when the line's quotes do not close.
int CsvFields(std::string_view line) {
  int fields = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) ++fields;
  }
  return quoted ? -1 : fields;
}

// Words in a line: runs of characters other than spaces, tabs and commas.
int WordCount(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool gap = c == ' ' || c == '\t' || c == ',';
    if (!gap && !in_word) ++words;
    in_word = !gap;
  }
  return words;
}

// A table: at least two complete lines, every complete line of the head with
// the same number (3 or more) of comma-separated fields, and cells, not
// sentences, in them. Paragraphs of prose can share a comma count by chance
// (two news paragraphs of three clauses each); their fields run to many words
// each, a table's to one or a few, so more than six words a field on average
// is prose.
bool LooksLikeCsv(std::string_view s) {
  int lines = 0, fields = 0, all_fields = 0, words = 0;
  size_t pos = 0;
  while (pos < s.size() && lines < 50) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) break;
    std::string_view line = s.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) continue;
    int n = CsvFields(line);
    if (n < 3) return false;
    if (lines > 0 && n != fields) return false;
    fields = n;
    all_fields += n;
    words += WordCount(line);
    ++lines;
  }
  return lines >= 2 && words <= 6 * all_fields;
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
  if (StartsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileType::kOle2;
  if (head.find('\0') != std::string_view::npos) return FileType::kUnknown;
  // Text: valid UTF-8 up to a possibly cut last character.
  if (!IsValidUtf8Prefix(head)) {
    // Mostly printable single-byte text (Windows-1252 / Latin-1) is still text: mostly ASCII, its accented letters
    // a few in a hundred. Bytes mostly above 0x7F are a picture's or a program's (a raw gray image, "P5" then pixels of
    // 0xF0-0xFF, read as text before: a page of "ÿþý").
    size_t printable = std::count_if(head.begin(), head.end(), [](unsigned char c) {
      return c >= 0x20 || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    });
    const size_t ascii = std::count_if(head.begin(), head.end(), [](unsigned char c) { return c < 0x80; });
    if (printable * 100 < head.size() * 97 || ascii * 100 < head.size() * 80) return FileType::kUnknown;
  }
  std::string start = Lower(SkipBomAndSpace(head).substr(0, 256));
  if (StartsWith(start, "<!doctype html") || StartsWith(start, "<html") ||
      start.find("<html") != std::string::npos) {
    return FileType::kHtml;
  }
  if (StartsWith(start, "<?xml")) return FileType::kXml;
  std::string_view body = head;
  if (StartsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
  if (StartsWith(body, "From ")) {
    size_t eol = body.find('\n');
    if (eol != std::string_view::npos && LooksLikeMailHeaders(body.substr(eol + 1))) return FileType::kMbox;
  }
  if (LooksLikeMailHeaders(body)) return FileType::kEmail;
  if (LooksLikeCsv(body)) return FileType::kCsv;
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
    case FileType::kEmail: return "email";
    case FileType::kMbox: return "mbox";
    case FileType::kCsv: return "csv";
    case FileType::kDocx: return "docx";
    case FileType::kXlsx: return "xlsx";
    case FileType::kOle2: return "ole2";
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
  if (ext == "html" || ext == "htm" || ext == "xhtml") return FileType::kHtml;
  if (ext == "eml") return FileType::kEmail;
  if (ext == "mbox" || ext == "mbx") return FileType::kMbox;
  if (ext == "csv") return FileType::kCsv;
  if (ext == "docx") return FileType::kDocx;
  if (ext == "xlsx") return FileType::kXlsx;
  if (ext == "msg" || ext == "doc" || ext == "xls") return FileType::kOle2;
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
