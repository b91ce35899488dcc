#include "pipeline/redactions.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/pix.h"
#include "extractors/exemptions.h"

namespace foiamine {
namespace {

struct BoxaDeleter {
  void operator()(BOXA* boxa) const { boxaDestroy(&boxa); }
};
struct PixaDeleter {
  void operator()(PIXA* pixa) const { pixaDestroy(&pixa); }
};

double Area(const Box& b) { return std::max(0.0, b.x1 - b.x0) * std::max(0.0, b.y1 - b.y0); }

double Overlap(const Box& a, const Box& b) {
  return std::max(0.0, std::min(a.x1, b.x1) - std::max(a.x0, b.x0)) *
         std::max(0.0, std::min(a.y1, b.y1) - std::max(a.y0, b.y0));
}

bool HasAlnum(const std::string& text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

// What lies under a box but is no secret: "XXXX", one character, a label
// ("REDACTED", "(b)(6)"), boilerplate x-ray also lets pass.
bool IsPlaceholder(const std::string& text) {
  std::string alnum;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) alnum += static_cast<char>(std::tolower(c));
  }
  if (alnum.size() <= 1) return true;
  if (alnum.find_first_not_of(alnum[0]) == std::string::npos) return true;
  for (const char* word : {"confidential", "privileged", "privilege", "redactedandpubliclyfiled", "nameredacted"}) {
    if (alnum == word) return true;
  }
  return extractors::IsRedactionLabel(text);
}

// x-ray's share: a character counts as hidden at 80% occlusion.
constexpr double kInsideShare = 0.8;

}  // namespace

std::vector<RedactionBox> RedactionsFromRectangles(const std::vector<DarkRectangle>& rectangles,
                                                   const std::vector<SourceWord>& words) {
  std::vector<RedactionBox> out;
  std::vector<bool> taken(words.size(), false);
  for (const DarkRectangle& r : rectangles) {
    // Visible words that are not a label: a filled table cell or banner.
    if (HasAlnum(r.overlay_text) && !extractors::IsRedactionLabel(r.overlay_text)) continue;
    const Box box{r.x0, r.y0, r.x1, r.y1};
    bool duplicate = false;  // the same box drawn twice (stacked redactions)
    for (const RedactionBox& b : out) {
      duplicate |= std::abs(b.box.x0 - box.x0) < 1 && std::abs(b.box.y0 - box.y0) < 1 &&
                   std::abs(b.box.x1 - box.x1) < 1 && std::abs(b.box.y1 - box.y1) < 1;
    }
    if (duplicate) continue;
    RedactionBox redaction;
    redaction.box = box;
    redaction.source = "vector";
    if (HasAlnum(r.overlay_text)) {
      redaction.label = r.overlay_text;
      redaction.label.erase(0, redaction.label.find_first_not_of(' '));
      while (!redaction.label.empty() && redaction.label.back() == ' ') redaction.label.pop_back();
    }
    std::string hidden;
    for (size_t i = 0; i < words.size(); ++i) {
      if (taken[i] || !words[i].box || !HasAlnum(words[i].text)) continue;
      const Box& w = *words[i].box;
      const double area = Area(w);
      if (area <= 0 || Overlap(w, box) / area < kInsideShare) continue;
      bool visible = false;  // drawn on top of the box in a contrasting colour
      for (size_t p = 0; p + 1 < r.overlay_points.size() && !visible; p += 2) {
        const double x = r.overlay_points[p], y = r.overlay_points[p + 1];
        visible = x >= w.x0 && x <= w.x1 && y >= w.y0 - 1 && y <= w.y1 + 1;
      }
      if (visible) continue;
      redaction.leaked_words.push_back(i);
      hidden += words[i].text + " ";
    }
    if (IsPlaceholder(hidden)) {
      redaction.leaked_words.clear();
    } else {
      for (size_t i : redaction.leaked_words) taken[i] = true;
    }
    out.push_back(std::move(redaction));
  }
  return out;
}

std::vector<Box> FindDarkRegions(Pix* gray, double dpi) {
  std::vector<Box> out;
  if (!gray || pixGetDepth(gray) != 8 || dpi <= 0) return out;
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  // Dark pixels; an opening with a brick thicker than any text stroke
  // (0.05 in) keeps only solid areas: bars, blocks, photos, borders.
  PixPtr binary(pixThresholdToBinary(gray, 96));
  if (!binary) return out;
  const int brick = std::max(5, static_cast<int>(std::lround(dpi * 0.05)));
  PixPtr solid(pixOpenBrick(nullptr, binary.get(), brick, brick));
  if (!solid) return out;
  PIXA* components = nullptr;
  std::unique_ptr<BOXA, BoxaDeleter> boxes(pixConnComp(solid.get(), &components, 8));
  std::unique_ptr<PIXA, PixaDeleter> owned_components(components);
  if (!boxes) return out;
  BOXA* raw = boxes.get();
  const int n = boxaGetCount(raw);
  const l_uint32* data = pixGetData(gray);
  const int wpl = pixGetWpl(gray);
  const l_uint32* sdata = pixGetData(solid.get());
  const int swpl = pixGetWpl(solid.get());
  for (int i = 0; i < n && out.size() < 500; ++i) {
    l_int32 bx, by, bw, bh;
    if (boxaGetBoxGeometry(raw, i, &bx, &by, &bw, &bh) != 0) continue;
    // Large enough to hide a word (0.12 x 0.06 in), not the whole page.
    if (bw < dpi * 0.12 || bh < dpi * 0.06) continue;
    if (bw > w * 0.9 || bh > h * 0.9) continue;
    // A black border left by the scanner touches the image's edge.
    if (bx <= 2 || by <= 2 || bx + bw >= w - 2 || by + bh >= h - 2) continue;
    // Rectangular: the solid area fills its bounding box (a bar skewed by
    // a degree or two on a wide box leaves triangles empty: 0.75).
    int64_t on = 0;
    for (int y = by; y < by + bh; ++y) {
      const l_uint32* line = sdata + static_cast<size_t>(y) * swpl;
      for (int x = bx; x < bx + bw; ++x) on += GET_DATA_BIT(line, x);
    }
    if (on < 0.75 * bw * bh) continue;
    // Nearly uniformly dark inside (a photo is not): the inner part, away
    // from edges blurred by the scan.
    const int ix0 = bx + bw / 6, ix1 = bx + bw - bw / 6, iy0 = by + bh / 6, iy1 = by + bh - bh / 6;
    int64_t count = 0, dark = 0, sum = 0;
    for (int y = iy0; y < iy1; ++y) {
      const l_uint32* line = data + static_cast<size_t>(y) * wpl;
      for (int x = ix0; x < ix1; ++x) {
        const int v = GET_DATA_BYTE(line, x);
        ++count;
        sum += v;
        dark += v < 96;
      }
    }
    if (count == 0 || dark < 0.97 * count || sum > 80 * count) continue;
    const double k = 72.0 / dpi;
    out.push_back(Box{bx * k, by * k, (bx + bw) * k, (by + bh) * k});
  }
  return out;
}

void AddImageRedactions(SourcePage& page, const std::vector<Box>& regions) {
  for (const Box& region : regions) {
    bool drawn = false;
    for (const RedactionBox& b : page.redactions) {
      drawn |= Overlap(b.box, region) > 0.3 * std::min(Area(b.box), Area(region));
    }
    if (!drawn) page.redactions.push_back(RedactionBox{region, "image", "", {}});
  }
}

}  // namespace foiamine
