// Turns laid-out pages into drop files: a born-digital PDF (cairo), an
// image-only "scanned" PDF or a bare page image (Leptonica), or plain text.
#pragma once
#include <filesystem>
#include <vector>

#include "document.h"
#include "typeset.h"

namespace corpus {

// Born-digital PDF with a text layer and fixed metadata dates.
void WriteDigitalPdf(const Typesetter& ts, const Document& doc, const std::vector<Page>& pages,
                     const std::filesystem::path& out);

// Renders each page as a grayscale scan (skew, blur, noise; `@upside_down N`
// turns page N by 180 degrees) and writes an image-only JPEG PDF, or, for
// `@mode image`, the first page as a PNG (1 bit when `@binary yes`).
void WriteScan(const Typesetter& ts, const Document& doc, const std::vector<Page>& pages,
               const std::filesystem::path& out);

}  // namespace corpus
