#include "render/page_image.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstring>
#include <mutex>

#include "base/sha256.h"
#include "render/poppler_document.h"
#include "render/render_process.h"

namespace foiamine {
namespace {

// Below this the page is a smudge, not a picture anyone can read.
constexpr double kMinDpi = 10;

std::mutex g_render_mutex;

std::string Dims(int64_t w, int64_t h) { return std::to_string(w) + "x" + std::to_string(h); }
std::string Whole(double v) { return std::to_string(static_cast<int64_t>(v)); }
int64_t PixelsAt(double pt, double dpi) { return std::llround(pt * dpi / 72.0); }

// Copies Poppler's picture (8-bit gray, or ARGB32 words in native order)
// into a new Pix of depth 8 or 32.
PixPtr PixFromPoppler(const poppler::image& image, bool color) {
  const int w = image.width(), h = image.height(), stride = image.bytes_per_row();
  const auto* data = reinterpret_cast<const unsigned char*>(image.const_data());
  PixPtr pix(pixCreate(w, h, color ? 32 : 8));
  if (!pix) return nullptr;
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) {
    l_uint32* line = dst + static_cast<size_t>(y) * wpl;
    const unsigned char* src = data + static_cast<size_t>(y) * stride;
    if (color) {
      for (int x = 0; x < w; ++x) {
        uint32_t argb;
        std::memcpy(&argb, src + static_cast<size_t>(x) * 4, 4);
        composeRGBPixel((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, line + x);
      }
    } else {
      std::memcpy(line, src, static_cast<size_t>(w));
    }
  }
  // Leptonica keeps 8-bit pixels big-endian within 32-bit words; the copy
  // above is in memory order, so swap once for the whole image.
  if (!color) pixEndianByteSwap(pix.get());
  return pix;
}

// A page in an open document, or why not. REQUIRES: g_render_mutex held.
StatusOr<PageImage> RenderInProcess(const std::filesystem::path& path, int page_index, const RenderLimits& limits) {
  auto doc = OpenPdf(path);
  if (!doc.ok()) return doc.status();
  if (page_index < 0 || page_index >= (*doc)->pages()) {
    return Status::Corrupt("page " + std::to_string(page_index + 1) + " does not exist");
  }
  std::unique_ptr<poppler::page> page((*doc)->create_page(page_index));
  if (!page) return Status::Corrupt("Poppler cannot load page " + std::to_string(page_index + 1));
  return RenderOpenPage(*page, limits);
}

}  // namespace

StatusOr<double> FitDpi(double w_pt, double h_pt, const RenderLimits& limits) {
  if (!(w_pt >= 1) || !(h_pt >= 1)) {
    return Status::Corrupt("page has no area (" + std::to_string(w_pt) + " x " + std::to_string(h_pt) + " pt)");
  }
  double dpi = limits.dpi;
  if (!(dpi >= 1)) return Status::InvalidArgument("a page cannot be rendered at " + std::to_string(limits.dpi) + " dpi");
  const double cap = static_cast<double>(limits.max_pixels);
  auto fits = [&](double d) { return static_cast<double>(PixelsAt(w_pt, d)) * static_cast<double>(PixelsAt(h_pt, d)) <= cap; };
  if (!fits(dpi)) {
    double fitting = std::floor(dpi * std::sqrt(cap / (w_pt * dpi / 72.0 * h_pt * dpi / 72.0)));
    while (fitting >= 1 && !fits(fitting)) fitting -= 1;  // rounding of the pixel sizes
    if (!limits.shrink_to_fit) {
      return Status::Unsupported("page of " + Whole(w_pt) + " x " + Whole(h_pt) + " pt would be " +
                                 Dims(PixelsAt(w_pt, dpi), PixelsAt(h_pt, dpi)) + " px at " + Whole(dpi) +
                                 " dpi, more than the " + std::to_string(limits.max_pixels / 1000000) +
                                 "-megapixel limit; give a lower --dpi (at most " + Whole(std::max(0.0, fitting)) +
                                 " fits)");
    }
    if (fitting < kMinDpi) {
      return Status::Corrupt("page of " + Whole(w_pt) + " x " + Whole(h_pt) + " pt is too large to render");
    }
    dpi = fitting;
  }
  if (PixelsAt(w_pt, dpi) < limits.min_side_pixels || PixelsAt(h_pt, dpi) < limits.min_side_pixels) {
    return Status::Corrupt("page is too small to draw (" + Dims(PixelsAt(w_pt, dpi), PixelsAt(h_pt, dpi)) +
                           " px at " + Whole(dpi) + " dpi)");
  }
  return dpi;
}

StatusOr<PageImage> RenderOpenPage(poppler::page& page, const RenderLimits& limits) {
  const poppler::rectf rect = page.page_rect(poppler::crop_box);
  const double w_pt = std::abs(rect.width()), h_pt = std::abs(rect.height());
  auto dpi = FitDpi(w_pt, h_pt, limits);
  if (!dpi.ok()) return dpi.status();
  poppler::page_renderer renderer;
  renderer.set_image_format(limits.color ? poppler::image::format_argb32 : poppler::image::format_gray8);
  if (limits.antialias) {
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  }
  poppler::image image = renderer.render_page(&page, *dpi, *dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::Corrupt("Poppler could not render the page");
  }
  if (image.format() != (limits.color ? poppler::image::format_argb32 : poppler::image::format_gray8)) {
    return Status::Internal("Poppler rendered the page in another pixel format");
  }
  // The size asked for, in either orientation (a /Rotate 90 page comes out
  // turned): anything else (a sliver from an overflow) is not the page.
  const int64_t ew = PixelsAt(w_pt, *dpi), eh = PixelsAt(h_pt, *dpi), iw = image.width(), ih = image.height();
  const bool as_asked = std::llabs(iw - ew) <= 1 && std::llabs(ih - eh) <= 1;
  const bool turned = std::llabs(iw - eh) <= 1 && std::llabs(ih - ew) <= 1;
  if (!as_asked && !turned) {
    return Status::Corrupt("Poppler rendered " + Dims(iw, ih) + " px for a page of " + Dims(ew, eh) + " px");
  }
  PixPtr pix = PixFromPoppler(image, limits.color);
  if (!pix) return Status::Internal("out of memory for a " + Dims(iw, ih) + " page image");
  pixSetResolution(pix.get(), static_cast<int>(*dpi), static_cast<int>(*dpi));
  return PageImage{std::move(pix), *dpi};
}

StatusOr<PageImage> RenderPage(const std::filesystem::path& path, int page_index, const RenderLimits& limits) {
  if (!limits.helper_executable.empty()) {
    RenderLimits once = limits;
    once.detect_blank = false;
    RenderProcess process(once);
    auto page = process.Render(path, page_index);
    if (!page.ok()) return page.status();
    return std::move(page->image);
  }
  // Poppler's messages go to the caller's PopplerMessages scope, if any
  // (never to the terminal: OpenPdf's handler).
  std::lock_guard<std::mutex> lock(g_render_mutex);
  return RenderInProcess(path, page_index, limits);
}

StatusOr<PageImage> ReadImagePage(const std::filesystem::path& path, int frame_index, const RenderLimits& limits) {
  // Leptonica's informational chatter ("removing opaque cmap") is not ours to print.
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_ERROR); });
  int format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0, res = 0;
  if (pixReadHeader(path.c_str(), &format, &w, &h, &bps, &spp, &iscmap) != 0) {
    return Status::Corrupt("Leptonica cannot read the image header (corrupt or truncated image)");
  }
  const bool tiff = format == IFF_TIFF || format == IFF_TIFF_G4 || format == IFF_TIFF_G3 || format == IFF_TIFF_LZW ||
                    format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE ||
                    format == IFF_TIFF_JPEG;
  if (tiff && frame_index > 0 &&
      readHeaderTiff(path.c_str(), frame_index, &w, &h, &bps, &spp, &res, &iscmap, &format) != 0) {
    return Status::Corrupt("cannot read the header of TIFF frame " + std::to_string(frame_index + 1));
  }
  if (w <= 0 || h <= 0) return Status::Corrupt("image has no pixels (" + Dims(w, h) + ")");
  if (int64_t{w} * h > limits.max_pixels) {
    return Status::Corrupt("image of " + Dims(w, h) + " pixels is larger than the " +
                           std::to_string(limits.max_pixels / 1000000) + "-megapixel limit");
  }
  PixPtr raw(tiff ? pixReadTiff(path.c_str(), frame_index) : pixRead(path.c_str()));
  if (!raw) return Status::Corrupt("Leptonica cannot decode the image (corrupt or truncated)");
  if (pixGetWidth(raw.get()) != w || pixGetHeight(raw.get()) != h) {
    return Status::Corrupt("decoded image size differs from its header");
  }
  int xres = 0, yres = 0;
  pixGetResolution(raw.get(), &xres, &yres);
  const double dpi = (xres >= 30 && xres <= 4800) ? xres : limits.dpi;
  PixPtr out;
  if (limits.color) {
    out.reset(pixConvertTo32(raw.get()));
  } else {
    out.reset(pixGetDepth(raw.get()) == 8 && !pixGetColormap(raw.get()) ? pixClone(raw.get())
                                                                         : pixConvertTo8(raw.get(), 0));
  }
  if (!out) return Status::Corrupt(limits.color ? "cannot convert the image to RGB" : "cannot convert the image to gray");
  pixSetResolution(out.get(), static_cast<int>(dpi), static_cast<int>(dpi));
  return PageImage{std::move(out), dpi};
}

StatusOr<std::string> EncodePng(const PageImage& image) {
  if (!image.pix) return Status::Internal("no page image to encode");
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemPng(&data, &size, image.pix.get(), 0.0f) != 0 || !data) {
    return Status::Internal("Leptonica could not encode the page image as PNG");
  }
  std::string png(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return png;
}

std::string PageImageSha256(const PageImage& image) {
  PIX* pix = image.pix.get();
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  std::string bytes = std::to_string(w) + "x" + std::to_string(h) + "x" + std::to_string(pixGetDepth(pix)) + "@" +
                      std::to_string(image.dpi) + "|";
  const size_t header = bytes.size();
  bytes.resize(header + static_cast<size_t>(wpl) * 4 * h);
  std::memcpy(bytes.data() + header, pixGetData(pix), static_cast<size_t>(wpl) * 4 * h);
  return Sha256Hex(bytes);
}

}  // namespace foiamine
