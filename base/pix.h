// The one owner of a Leptonica image (PIX) for every library that handles
// page images: the page renderer (render/page_image.h), the text stage's image
// probe and the exhibits (search/exhibit.cc). Header only: whoever includes
// it links Leptonica already.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>

namespace foiamine {

// Owns a Leptonica PIX (pixDestroy on destruction). Movable, not copyable.
struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

}  // namespace foiamine
