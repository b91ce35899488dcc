#include "render/text_height.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace foiamine {
namespace {

// Ink: darker than mid-gray on the anti-aliased render.
constexpr int kInkGray = 128;
constexpr double kMinMarkInches = 0.03, kMaxMarkInches = 0.5;

}  // namespace

std::optional<double> MedianGlyphHeightInches(const PageImage& image) {
  PIX* pix = image.pix.get();
  if (!pix || pixGetDepth(pix) != 8 || !(image.dpi > 0)) return std::nullopt;
  PixPtr binary(pixThresholdToBinary(pix, kInkGray));
  if (!binary) return std::nullopt;
  BOXA* marks = pixConnCompBB(binary.get(), 8);
  if (!marks) return std::nullopt;
  const int min_h = std::max(2, static_cast<int>(std::lround(kMinMarkInches * image.dpi)));
  const int max_h = static_cast<int>(std::lround(kMaxMarkInches * image.dpi));
  std::vector<int> heights;
  for (int i = 0, n = boxaGetCount(marks); i < n; ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(marks, i, &x, &y, &w, &h) != 0) continue;
    if (h >= min_h && h <= max_h && w <= 3 * h) heights.push_back(h);
  }
  boxaDestroy(&marks);
  if (heights.size() < static_cast<size_t>(kMinGlyphsMeasured)) return std::nullopt;
  auto mid = heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2);
  std::nth_element(heights.begin(), mid, heights.end());
  return *mid / image.dpi;
}

bool ReadsAtTextHeightDpi(double glyph_inches) {
  // Compared in pixels as measured at kTextHeightDpi (whole pixels there).
  return glyph_inches * kTextHeightDpi + 1e-6 >= kMinGlyphPixels;
}

}  // namespace foiamine
