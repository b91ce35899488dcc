// Redaction boxes on a page and the text a bad redaction leaves behind.
//
// Born-digital pages: the text stage's dark rectangles (render/pdf_layer.h)
// become redaction boxes unless visible words other than a label are drawn
// on them (a table's dark header row). A text-layer word is leaked by a box
// as x-ray (Free Law Project) decides: its box lies at least 80% inside the
// rectangle (partial overlaps are not redactions), it has a letter or
// digit, it was not drawn visibly on top of the box, and the words under
// one box together are more than a placeholder ("XXXX", one character,
// "REDACTED", an exemption code).
//
// Scanned pages: solid dark regions of the page image (Leptonica): large,
// rectangular, nearly uniformly dark; not a text line, not a photo, not a
// black border left by the scanner.
#pragma once

#include <vector>

#include "pipeline/page.h"
#include "render/pdf_layer.h"

// Leptonica's image (PIX), declared here so that this header does not bring
// Leptonica's global `Box` next to foiamine::Box.
struct Pix;

namespace foiamine {

// The redaction boxes among a page's dark rectangles, with the words each
// leaks. `words` are the page's text-layer words (boxes set).
std::vector<RedactionBox> RedactionsFromRectangles(const std::vector<DarkRectangle>& rectangles,
                                                   const std::vector<SourceWord>& words);

// Solid dark regions of an 8-bit gray page image rendered or scanned at
// `dpi`, as boxes in PDF points (top-left origin) of that image.
std::vector<Box> FindDarkRegions(Pix* gray, double dpi);

// Adds the image boxes that no drawn box of `page` already covers.
void AddImageRedactions(SourcePage& page, const std::vector<Box>& regions);

}  // namespace foiamine
