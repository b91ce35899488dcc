#include "pipeline/page_image.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstring>
#include <mutex>

namespace foiamine {
namespace {

std::mutex g_render_mutex;

std::string Dims(int64_t w, int64_t h) { return std::to_string(w) + "x" + std::to_string(h); }

// Copies an 8-bit gray buffer (rows of `stride` bytes) into a new 8 bpp Pix.
PixPtr PixFromGray8(const unsigned char* data, int w, int h, int stride) {
  PixPtr pix(pixCreate(w, h, 8));
  if (!pix) return nullptr;
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < h; ++y) std::memcpy(dst + static_cast<size_t>(y) * wpl, data + static_cast<size_t>(y) * stride, w);
  // Leptonica keeps bytes big-endian within 32-bit words; the copy above is
  // in memory order, so swap once for the whole image.
  pixEndianByteSwap(pix.get());
  return pix;
}

}  // namespace

StatusOr<PageImage> RenderPdfPage(const std::filesystem::path& path, int page_index, int dpi) {
  std::lock_guard<std::mutex> lock(g_render_mutex);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc || doc->is_locked()) return Status::Corrupt("Poppler cannot open the PDF to render it");
  if (page_index < 0 || page_index >= doc->pages()) {
    return Status::Corrupt("page " + std::to_string(page_index + 1) + " does not exist");
  }
  std::unique_ptr<poppler::page> page(doc->create_page(page_index));
  if (!page) return Status::Corrupt("Poppler cannot load the page to render it");
  poppler::rectf rect = page->page_rect(poppler::crop_box);
  double w_pt = std::abs(rect.width()), h_pt = std::abs(rect.height());
  if (!(w_pt >= 1) || !(h_pt >= 1)) {
    return Status::Corrupt("page has no area (" + std::to_string(w_pt) + " x " + std::to_string(h_pt) + " pt)");
  }
  double scale = dpi / 72.0;
  double pixels = w_pt * scale * h_pt * scale;
  double used_dpi = dpi;
  if (pixels > static_cast<double>(kMaxPagePixels)) {
    used_dpi = std::floor(dpi * std::sqrt(static_cast<double>(kMaxPagePixels) / pixels));
    if (used_dpi < 10) {
      return Status::Corrupt("page of " + std::to_string(static_cast<int64_t>(w_pt)) + " x " +
                             std::to_string(static_cast<int64_t>(h_pt)) + " pt is too large to render");
    }
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(page.get(), used_dpi, used_dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    return Status::Corrupt("Poppler could not render the page");
  }
  if (image.format() != poppler::image::format_gray8) return Status::Internal("Poppler did not render 8-bit gray");
  PixPtr pix = PixFromGray8(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                            image.height(), image.bytes_per_row());
  if (!pix) return Status::Internal("out of memory for a " + Dims(image.width(), image.height()) + " page image");
  pixSetResolution(pix.get(), static_cast<int>(used_dpi), static_cast<int>(used_dpi));
  return PageImage{std::move(pix), used_dpi};
}

StatusOr<PageImage> ReadImagePage(const std::filesystem::path& path, int frame_index, int default_dpi) {
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
  if (int64_t{w} * h > kMaxPagePixels) {
    return Status::Corrupt("image of " + Dims(w, h) + " pixels is larger than the " +
                           std::to_string(kMaxPagePixels / 1000000) + "-megapixel limit");
  }
  PixPtr raw(tiff ? pixReadTiff(path.c_str(), frame_index) : pixRead(path.c_str()));
  if (!raw) return Status::Corrupt("Leptonica cannot decode the image (corrupt or truncated)");
  if (pixGetWidth(raw.get()) != w || pixGetHeight(raw.get()) != h) {
    return Status::Corrupt("decoded image size differs from its header");
  }
  int xres = 0, yres = 0;
  pixGetResolution(raw.get(), &xres, &yres);
  double dpi = (xres >= 30 && xres <= 4800) ? xres : default_dpi;
  PixPtr gray(pixGetDepth(raw.get()) == 8 && !pixGetColormap(raw.get()) ? pixClone(raw.get())
                                                                         : pixConvertTo8(raw.get(), 0));
  if (!gray) return Status::Corrupt("cannot convert the image to gray");
  pixSetResolution(gray.get(), static_cast<int>(dpi), static_cast<int>(dpi));
  return PageImage{std::move(gray), dpi};
}

}  // namespace foiamine
