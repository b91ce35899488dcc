#include "pipeline/text_file.h"

#include <leptonica/allheaders.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "render/page_image.h"
#include "pipeline/text_pages.h"
#include "base/utf8.h"

namespace foiamine {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\v'; }

// Whether a text is Markdown set with ATX headings ("# Title 8- ALIENS AND NATIONALITY", "#### § 1357. Powers of
// immigration officers and employees", as codes and laws are republished on the web): its first line is a heading,
// or two lines are. A heading's text opens with a capital, a digit, "§" or "(": "# of releases: 5" is no heading.
bool ReadsAsMarkdown(std::string_view text) {
  static const RE2 kHeading(R"((?m)^#{1,6}[ \t]+(?:[A-Z0-9(]|\x{00A7}))");
  static const RE2 kFirstLineHeading(R"(^\s*#{1,6}[ \t]+(?:[A-Z0-9(]|\x{00A7}))");
  const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 64 * 1024));
  if (RE2::PartialMatch(head, kFirstLineHeading)) return true;
  re2::StringPiece rest(head.data(), head.size());
  int headings = 0;
  while (headings < 2 && RE2::FindAndConsume(&rest, kHeading)) ++headings;
  return headings >= 2;
}

bool IsHeadingMarker(std::string_view word) {
  return !word.empty() && word.size() <= 6 && word.find_first_not_of('#') == std::string_view::npos;
}

// `markdown`: a heading's "#" marks, the first word of a line, are markup, not the document's words.
SourcePage PageFromText(std::string_view text, int page_no, bool markdown) {
  SourcePage page;
  page.page_no = page_no;
  page.method = PageMethod::kText;
  size_t i = 0;
  int newlines_since_word = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++newlines_since_word;
      ++i;
      continue;
    }
    if (IsSpace(c) || c == '\r') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i]) && text[i] != '\n' && text[i] != '\r') ++i;
    const bool line_start = page.words.empty() || newlines_since_word > 0;
    if (markdown && line_start && IsHeadingMarker(text.substr(start, i - start)) && i < text.size() && IsSpace(text[i])) {
      continue;  // (the heading's first word still starts its line: newlines_since_word is kept)
    }
    if (!page.words.empty()) {
      page.words.back().after = newlines_since_word == 0   ? Break::kSpace
                                : newlines_since_word == 1 ? Break::kLine
                                                           : Break::kParagraph;
    }
    newlines_since_word = 0;
    page.words.push_back(SourceWord{std::string(text.substr(start, i - start)), std::nullopt, Break::kSpace, {}});
  }
  if (!page.words.empty()) page.words.back().after = Break::kParagraph;
  if (page.words.empty()) {
    page.method = PageMethod::kText;  // a blank page of a text file is still text
  }
  return page;
}

}  // namespace

std::string DecodeWindows1252(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
  std::string out;
  if (U_FAILURE(status)) return EscapeInvalidUtf8(bytes);
  text.toUTF8String(out);
  return out;
}

SourceDocument PagesFromText(std::string_view bytes) {
  SourceDocument doc;
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (IsValidUtf8(bytes)) {
    text.assign(bytes);
  } else {
    text = DecodeWindows1252(bytes);
    doc.warnings.push_back("not valid UTF-8; decoded as Windows-1252");
  }
  // Normalise line ends: CRLF and lone CR become LF.
  std::string lf;
  lf.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      lf += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      lf += text[i];
    }
  }
  const bool markdown = ReadsAsMarkdown(lf);
  if (markdown) {
    // A link is its text ("[SB 5818](/bill/2025-26/sb/5818/)" -> "SB 5818"); an image is none.
    static const RE2 kImage(R"(!\[[^\]\n]{0,300}\]\([^)\s]{0,500}\))");
    static const RE2 kLink(R"(\[([^\]\n]{0,300})\]\([^)\s]{0,500}\))");
    RE2::GlobalReplace(&lf, kImage, "");
    RE2::GlobalReplace(&lf, kLink, "\\1");
  }
  int page_no = 1;
  size_t start = 0;
  while (true) {
    size_t ff = lf.find('\f', start);
    std::string_view chunk(lf.data() + start, (ff == std::string::npos ? lf.size() : ff) - start);
    // A trailing form feed does not start an empty last page.
    if (ff == std::string::npos && chunk.find_first_not_of(" \t\n") == std::string_view::npos && page_no > 1) break;
    // A long sheet becomes several bounded pages (pipeline/text_pages.h);
    // a piece of a split sheet that holds only whitespace is no page.
    const std::vector<std::string_view> pieces = SplitTextSheet(chunk);
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k > 0 && pieces[k].find_first_not_of(" \t\n") == std::string_view::npos) continue;
      doc.pages.push_back(PageFromText(pieces[k], page_no++, markdown));
    }
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  return doc;
}

StatusOr<SourceDocument> ProbeImage(const std::filesystem::path& path, FileType type) {
  // Refuse absurd sizes before anything decodes the pixels.
  constexpr int64_t kMaxPixels = kMaxPagePixels;  // the renderer's bound (render/page_image.h)
  int format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0;
  if (pixReadHeader(path.c_str(), &format, &w, &h, &bps, &spp, &iscmap) != 0) {
    return Status::Corrupt("Leptonica cannot read the image header (corrupt or truncated image)");
  }
  if (w <= 0 || h <= 0) return Status::Corrupt("image has no pixels (" + std::to_string(w) + "x" + std::to_string(h) + ")");
  if (int64_t{w} * h > kMaxPixels) {
    return Status::Corrupt("image of " + std::to_string(w) + "x" + std::to_string(h) +
                           " pixels is larger than the " + std::to_string(kMaxPixels / 1000000) +
                           "-megapixel limit");
  }
  int frames = 1;
  if (type == FileType::kTiff) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Status::IoError("cannot open image");
    l_int32 n = 0;
    if (tiffGetCount(f, &n) == 0 && n > 0) frames = n;
    std::fclose(f);
  }
  SourceDocument doc;
  for (int i = 0; i < frames; ++i) {
    SourcePage page;
    page.page_no = i + 1;
    page.method = PageMethod::kNone;
    page.needs_ocr = true;
    page.ocr_reason = "image file";
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

}  // namespace foiamine
