#include "base/terminal_text.h"

#include <cstdio>

#include "base/utf8.h"

namespace foiamine {
namespace {

std::string Hex(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", value);
  return buffer;
}

enum class Breaks { kEscape, kFold, kKeep };

// Escapes the controls of valid UTF-8 `text`; tab/CR/LF are escaped, folded
// into a space, or (tab and LF) kept, as `breaks` says.
std::string EscapeControls(std::string_view text, Breaks breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      if (breaks == Breaks::kFold && (c == '\t' || c == '\n' || c == '\r')) out += ' ';
      else if (breaks == Breaks::kKeep && (c == '\t' || c == '\n')) out += static_cast<char>(c);
      else out += Hex(c);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += Hex(static_cast<unsigned char>(text[i + 1]));  // a C1 control, U+0080-U+009F
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string EscapeForTerminal(std::string_view bytes) {
  return EscapeControls(EscapeInvalidUtf8(bytes), Breaks::kEscape);
}

std::string EscapeTextForTerminal(std::string_view text) {
  return EscapeControls(IsValidUtf8(text) ? std::string(text) : EscapeInvalidUtf8(text), Breaks::kKeep);
}

std::string CleanFieldText(std::string_view text) {
  return EscapeControls(IsValidUtf8(text) ? std::string(text) : EscapeInvalidUtf8(text), Breaks::kFold);
}

}  // namespace foiamine
