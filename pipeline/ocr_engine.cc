#include "pipeline/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "pipeline/cancel.h"

namespace foiamine {
namespace {

// Tesseract's Init reads shared traineddata files and global parameters;
// initialise one instance at a time.
std::mutex g_init_mutex;

struct TessDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using TessPtr = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

// OSD's orientation confidence below which a page is left as it is.
constexpr float kMinOrientationConfidence = 1.5f;
// Leptonica's own deskew thresholds (skewbasic.c).
constexpr float kMinDeskewDegrees = 0.1f;
constexpr float kMinDeskewConfidence = 3.0f;

constexpr double kPi = 3.14159265358979323846;

TessPtr NewApi() {
  TessPtr api(new tesseract::TessBaseAPI());
  return api;
}

// Maps a point of the deskewed image back into the image before deskew:
// pixRotate turned the picture clockwise by `radians` about its centre.
void Unrotate(double radians, double cx, double cy, double& x, double& y) {
  double c = std::cos(radians), s = std::sin(radians);
  double dx = x - cx, dy = y - cy;
  x = cx + dx * c + dy * s;
  y = cy - dx * s + dy * c;
}

// Maps a point of an image rotated clockwise by quads*90 degrees (with
// pixRotateOrth) back into the original of size w0 x h0.
void Unturn(int quads, double w0, double h0, double& x, double& y) {
  double xr = x, yr = y;
  switch (quads) {
    case 1: x = yr; y = h0 - xr; break;
    case 2: x = w0 - xr; y = h0 - yr; break;
    case 3: x = w0 - yr; y = xr; break;
    default: break;
  }
}

}  // namespace

struct OcrEngine::Apis {
  TessPtr reader;
  TessPtr osd;  // null when orientation detection is off
};

std::string TesseractVersion() { return tesseract::TessBaseAPI::Version(); }

std::string OcrStageVersion(const OcrSettings& s) {
  return "tesseract-" + TesseractVersion() + "/" + s.languages + "/lstm-psm3" + (s.detect_orientation ? "/osd" : "") +
         (s.deskew ? "/deskew" : "") + "/ocr-1";
}

OcrEngine::OcrEngine(const OcrSettings& settings, std::unique_ptr<Apis> apis)
    : settings_(settings), apis_(std::move(apis)) {}
OcrEngine::~OcrEngine() = default;

Status OcrEngine::CheckLanguages(const OcrSettings& settings) {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  if (!settings.tessdata_dir.empty()) dirs.emplace_back(settings.tessdata_dir);
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    dirs.emplace_back(prefix);
    dirs.emplace_back(fs::path(prefix) / "tessdata");
  }
  for (const char* d : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                        "/usr/share/tessdata", "/usr/local/share/tessdata"}) {
    dirs.emplace_back(d);
  }
  std::error_code ec;
  std::vector<fs::path> present;
  for (const auto& d : dirs) {
    if (fs::is_directory(d, ec)) present.push_back(d);
  }
  if (present.empty()) {
    auto engine = Create(settings);
    return engine.ok() ? Status::Ok() : engine.status();
  }
  std::string languages = settings.languages;
  size_t start = 0;
  while (start <= languages.size()) {
    size_t plus = languages.find('+', start);
    std::string lang = languages.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    if (lang.empty()) return Status::InvalidArgument("empty language in '" + languages + "'");
    bool found = std::any_of(present.begin(), present.end(), [&](const fs::path& d) {
      return fs::is_regular_file(d / (lang + ".traineddata"), ec);
    });
    if (!found) {
      return Status::NotFound("no Tesseract data for language '" + lang + "' in " + present.front().string() +
                              " (install the Debian package tesseract-ocr-" + lang + ")");
    }
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrSettings& settings) {
  std::lock_guard<std::mutex> lock(g_init_mutex);
  auto apis = std::make_unique<Apis>();
  const char* datapath = settings.tessdata_dir.empty() ? nullptr : settings.tessdata_dir.c_str();
  apis->reader = NewApi();
  // Tesseract's chatter ("Estimating resolution as ...") goes nowhere.
  apis->reader->SetVariable("debug_file", "/dev/null");
  if (apis->reader->Init(datapath, settings.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::InvalidArgument("Tesseract cannot load the language data for '" + settings.languages +
                                   "' (install the tesseract-ocr-<lang> package, e.g. tesseract-ocr-spa)");
  }
  apis->reader->SetPageSegMode(tesseract::PSM_AUTO);
  if (settings.detect_orientation) {
    apis->osd = NewApi();
    apis->osd->SetVariable("debug_file", "/dev/null");
    if (apis->osd->Init(datapath, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      return Status::InvalidArgument("Tesseract cannot load orientation data 'osd' (install tesseract-ocr-osd)");
    }
    apis->osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  }
  return std::unique_ptr<OcrEngine>(new OcrEngine(settings, std::move(apis)));
}

StatusOr<OcrPageResult> OcrEngine::Recognize(const PageImage& image) {
  PIX* original = image.pix.get();
  if (!original || pixGetWidth(original) <= 0 || pixGetHeight(original) <= 0) {
    return Status::Corrupt("empty page image");
  }
  const double w0 = pixGetWidth(original), h0 = pixGetHeight(original);
  const int dpi = static_cast<int>(std::lround(image.dpi));
  OcrPageResult result;
  result.width_pt = w0 * 72.0 / image.dpi;
  result.height_pt = h0 * 72.0 / image.dpi;

  // 1. Orientation: OSD says how the page is turned; turn it upright.
  int quads = 0;
  PixPtr turned;
  if (apis_->osd) {
    apis_->osd->SetImage(original);
    apis_->osd->SetSourceResolution(dpi);
    int orient_deg = 0;
    float orient_conf = 0, script_conf = 0;
    const char* script = nullptr;
    if (apis_->osd->DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf) &&
        orient_conf >= kMinOrientationConfidence) {
      // orient_deg is the page's clockwise turn (measured on phototest's
      // rotated variants); undo it by turning the rest of the way round.
      quads = (4 - ((orient_deg / 90) % 4 + 4) % 4) % 4;
    }
    apis_->osd->Clear();
    if (quads != 0) {
      turned.reset(pixRotateOrth(original, quads));
      if (!turned) return Status::Internal("Leptonica could not rotate the page");
    }
  }
  PIX* upright = turned ? turned.get() : original;
  result.rotation_degrees = quads * 90;

  // 2. Skew: find it on a binarized copy, rotate the gray image about its centre.
  PixPtr straight;
  double skew_radians = 0;
  if (settings_.deskew) {
    PixPtr binary(pixConvertTo1(upright, 130));
    float angle = 0, conf = 0;
    if (binary && pixFindSkew(binary.get(), &angle, &conf) == 0 && conf >= kMinDeskewConfidence &&
        std::abs(angle) >= kMinDeskewDegrees) {
      skew_radians = angle * kPi / 180.0;
      straight.reset(pixRotate(upright, static_cast<float>(skew_radians), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      if (!straight) skew_radians = 0;
      else result.skew_degrees = angle;
    }
  }
  PIX* page = straight ? straight.get() : upright;
  const double wu = pixGetWidth(upright), hu = pixGetHeight(upright);

  // 3. Recognize and read words through the result iterator.
  tesseract::TessBaseAPI& api = *apis_->reader;
  api.SetImage(page);
  api.SetSourceResolution(dpi);
  // Tesseract asks its monitor now and then whether to go on: a run that
  // is stopping (Ctrl-C, SIGTERM) does not wait for the page.
  tesseract::ETEXT_DESC monitor;
  monitor.cancel = [](void*, int) { return CancelRequested(); };
  const int recognized = api.Recognize(&monitor);
  if (CancelRequested()) {
    api.Clear();
    return Status::Cancelled("the run is stopping");
  }
  if (recognized != 0) {
    api.Clear();
    return Status::Internal("Tesseract failed to recognize the page");
  }
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  const double to_pt = 72.0 / image.dpi;
  double conf_sum = 0, weight_sum = 0;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> raw(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!raw) continue;
      std::string text(raw.get());
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
      if (text.empty()) continue;
      int l = 0, t = 0, r = 0, b = 0;
      it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
      // Corners back through deskew, then back through the quarter turns.
      double xs[4] = {double(l), double(r), double(l), double(r)};
      double ys[4] = {double(t), double(t), double(b), double(b)};
      double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
      for (int k = 0; k < 4; ++k) {
        if (skew_radians != 0) Unrotate(skew_radians, wu / 2, hu / 2, xs[k], ys[k]);
        Unturn(quads, w0, h0, xs[k], ys[k]);
        x0 = std::min(x0, xs[k]);
        y0 = std::min(y0, ys[k]);
        x1 = std::max(x1, xs[k]);
        y1 = std::max(y1, ys[k]);
      }
      x0 = std::clamp(x0, 0.0, w0);
      x1 = std::clamp(x1, 0.0, w0);
      y0 = std::clamp(y0, 0.0, h0);
      y1 = std::clamp(y1, 0.0, h0);
      SourceWord word;
      word.text = std::move(text);
      word.box = Box{x0 * to_pt, y0 * to_pt, x1 * to_pt, y1 * to_pt};
      double conf = std::clamp(static_cast<double>(it->Confidence(tesseract::RIL_WORD)), 0.0, 100.0);
      word.confidence = conf;
      if (it->IsAtFinalElement(tesseract::RIL_BLOCK, tesseract::RIL_WORD) ||
          it->IsAtFinalElement(tesseract::RIL_PARA, tesseract::RIL_WORD)) {
        word.after = Break::kParagraph;
      } else if (it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD)) {
        word.after = Break::kLine;
      } else {
        word.after = Break::kSpace;
      }
      double weight = static_cast<double>(word.text.size());
      conf_sum += conf * weight;
      weight_sum += weight;
      result.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  api.Clear();
  if (!result.words.empty()) result.words.back().after = Break::kParagraph;
  if (weight_sum > 0) result.mean_confidence = conf_sum / weight_sum;
  return result;
}

}  // namespace foiamine
