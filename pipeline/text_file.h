// The text stage for plain-text files and the probe for image files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/file_type.h"
#include "pipeline/page.h"
#include "base/status.h"

namespace foiamine {

// Splits text into pages at form feeds (a file without one is a single
// page; a form-feed page over 64 KiB is split at paragraph breaks, see
// pipeline/text_pages.h) and pages into words with line/paragraph breaks. Text that is not
// valid UTF-8 is decoded as Windows-1252 (ICU) and a warning is added.
// CRLF and CR line ends are accepted. In a Markdown text (its first line, or two
// lines, an ATX heading: "#### § 1357. Powers of ..."), the heading marks at a
// line's start are markup and become no words, a link is its text and an
// image is nothing.
SourceDocument PagesFromText(std::string_view bytes);

// `bytes` read as Windows-1252, in UTF-8 (ICU): how text that is not valid
// UTF-8 is decoded by every text reader (plain text, HTML, CSV).
std::string DecodeWindows1252(std::string_view bytes);

// Checks an image file with Leptonica (without decoding the pixels) and
// returns one page per image (per frame of a multi-page TIFF), each marked
// as needing OCR. A corrupt or implausibly large image is kCorrupt.
StatusOr<SourceDocument> ProbeImage(const std::filesystem::path& path, FileType type);

}  // namespace foiamine
