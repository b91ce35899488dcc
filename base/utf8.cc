#include "base/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace foiamine {

bool IsAscii(std::string_view bytes) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  uint64_t seen = 0;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    seen |= word;
  }
  for (; i < bytes.size(); ++i) seen |= static_cast<unsigned char>(bytes[i]);
  return (seen & kHighBits) == 0;
}
namespace {

// Length of the valid UTF-8 sequence at s[i], 0 if invalid; -1 if it is a
// valid beginning cut off by the end of the buffer.
int SequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    if (i + k >= s.size()) return -1;
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF)) return 0;
  }
  return len;
}

bool Validate(std::string_view s, bool allow_cut_end) {
  for (size_t i = 0; i < s.size();) {
    int len = SequenceLength(s, i);
    if (len == -1) return allow_cut_end;
    if (len == 0) return false;
    i += len;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) { return Validate(bytes, false); }
bool IsValidUtf8Prefix(std::string_view bytes) { return Validate(bytes, true); }

std::string EscapeInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len = SequenceLength(s, i);
    if (len > 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
      out += buf;
      ++i;
    }
  }
  return out;
}

std::string_view Utf8Prefix(std::string_view utf8, size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  size_t cut = max_bytes;  // the first byte after the prefix must start a code point
  while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
  return utf8.substr(0, cut);
}

size_t CountCodePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

size_t ByteOffsetOfCodePoint(std::string_view utf8, size_t index) {
  size_t count = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
      if (count == index) return i;
      ++count;
    }
  }
  return utf8.size();
}

std::string SubstrCodePoints(std::string_view utf8, size_t start, size_t end) {
  size_t b = ByteOffsetOfCodePoint(utf8, start);
  size_t e = ByteOffsetOfCodePoint(utf8, end);
  if (e < b) e = b;
  return std::string(utf8.substr(b, e - b));
}

}  // namespace foiamine
