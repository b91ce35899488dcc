// Small UTF-8 helpers: validation, escaping of arbitrary bytes for display,
// code point counting.
#pragma once

#include <string>
#include <string_view>

namespace foiamine {

bool IsValidUtf8(std::string_view bytes);
// Whether every byte is below 0x80. Word at a time: the extractors ask it of
// every page, block and sentence.
bool IsAscii(std::string_view bytes);
// Like IsValidUtf8, but a multi-byte sequence cut off at the very end counts
// as valid (for checking the first bytes of a file).
bool IsValidUtf8Prefix(std::string_view bytes);
// Valid UTF-8 passes through; each byte of an invalid sequence becomes
// "\xNN", and a literal backslash stays a single backslash. Lossless only
// together with the raw bytes, which the index stores too.
std::string EscapeInvalidUtf8(std::string_view bytes);
// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view utf8);
// Byte offset of code point `index` (clamped to the end).
size_t ByteOffsetOfCodePoint(std::string_view utf8, size_t index);
// The longest prefix of at most max_bytes that does not end inside a
// multi-byte sequence (for shortening text shown to people).
std::string_view Utf8Prefix(std::string_view utf8, size_t max_bytes);
// Code points [start, end) of valid UTF-8 text.
std::string SubstrCodePoints(std::string_view utf8, size_t start, size_t end);

}  // namespace foiamine
