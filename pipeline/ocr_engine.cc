#include "pipeline/ocr_engine.h"

#include "pipeline/redactions.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "base/cancel.h"
#include "pipeline/code_strips.h"
#include "pipeline/margin_numbers.h"
#include "pipeline/ocr_table_rows.h"

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

// A reading this long and this sure is of upright text: OSD is not asked.
constexpr size_t kUprightMinWords = 20;
constexpr double kUprightMinConfidence = 70;

bool LooksUpright(const std::vector<LineWord>& words, size_t turned_words) {
  if (words.size() < kUprightMinWords || turned_words > 0) return false;
  double conf = 0, weight = 0;
  for (const LineWord& w : words) {
    conf += w.confidence * static_cast<double>(w.text.size());
    weight += static_cast<double>(w.text.size());
  }
  return weight > 0 && conf / weight >= kUprightMinConfidence;
}

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

// Maps a point of the image as given into the image turned clockwise by
// quads*90 degrees: the inverse of Unturn.
void Turn(int quads, double w0, double h0, double& x, double& y) {
  double xo = x, yo = y;
  switch (quads) {
    case 1: x = h0 - yo; y = xo; break;
    case 2: x = w0 - xo; y = h0 - yo; break;
    case 3: x = yo; y = w0 - xo; break;
    default: break;
  }
}

// The codes printed beside the redaction bars `regions` (points of the image
// as given), each strip read alone as one line at twice the size: a short
// run of brackets is read far better on its own than amid the page.
// `page` is the upright, straightened image the page read used.
void ReadCodeStrips(tesseract::TessBaseAPI& api, PIX* page, const std::vector<Box>& regions, double dpi, int quads,
                    double w0, double h0, double skew_radians, double wu, double hu, std::vector<LineWord>& words) {
  const double to_px = dpi / 72.0;
  std::vector<PixelRect> bars;
  for (const Box& r : regions) {
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    for (double x : {r.x0 * to_px, r.x1 * to_px}) {
      for (double y : {r.y0 * to_px, r.y1 * to_px}) {
        double px = x, py = y;
        Turn(quads, w0, h0, px, py);
        if (skew_radians != 0) Unrotate(-skew_radians, wu / 2, hu / 2, px, py);
        x0 = std::min(x0, px), y0 = std::min(y0, py), x1 = std::max(x1, px), y1 = std::max(y1, py);
      }
    }
    bars.push_back(PixelRect{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(std::ceil(x1)),
                             static_cast<int>(std::ceil(y1))});
  }
  constexpr int kBorder = 16;  // white around the enlarged strip: Tesseract wants a margin
  // A strip costs ~20 ms; a hostile page of hundreds of little dark boxes
  // gets the page read's codes beyond the first 200.
  constexpr size_t kMaxStrips = 200;
  api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  const std::vector<PixelRect> strips = PlanCodeStrips(bars, pixGetWidth(page), pixGetHeight(page), dpi);
  for (size_t k = 0; k < strips.size() && k < kMaxStrips; ++k) {
    const PixelRect& s = strips[k];
    if (CancelRequested()) break;
    BOX* clip = boxCreate(s.left, s.top, s.right - s.left, s.bottom - s.top);
    if (!clip) continue;
    PixPtr crop(pixClipRectangle(page, clip, nullptr));
    boxDestroy(&clip);
    if (!crop) continue;
    PixPtr big(pixScale(crop.get(), 2.0f, 2.0f));
    PixPtr framed(big ? pixAddBorder(big.get(), kBorder, 255) : nullptr);
    if (!framed) continue;
    api.SetImage(framed.get());
    api.SetSourceResolution(static_cast<int>(std::lround(dpi * 2)));
    if (api.Recognize(nullptr) != 0) continue;
    std::vector<LineWord> strip_words;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) {
      do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        std::unique_ptr<char[]> raw(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!raw) continue;
        LineWord w;
        w.text = raw.get();
        while (!w.text.empty() && (w.text.back() == ' ' || w.text.back() == '\n')) w.text.pop_back();
        if (w.text.empty()) continue;
        int l, t, r, b;
        it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
        // Back to the page's pixels: off the border, half the size, into place.
        w.box = OcrWordBox{s.left + (l - kBorder) / 2, s.top + (t - kBorder) / 2, s.left + (r - kBorder) / 2,
                           s.top + (b - kBorder) / 2, 0};
        w.confidence = std::clamp(static_cast<double>(it->Confidence(tesseract::RIL_WORD)), 0.0, 100.0);
        strip_words.push_back(std::move(w));
      } while (it->Next(tesseract::RIL_WORD));
    }
    SpliceCodeReading(words, s, strip_words);
  }
  api.SetPageSegMode(tesseract::PSM_AUTO);
}

}  // namespace

struct OcrEngine::Apis {
  TessPtr reader;
  // Orientation detection, started on the first page that needs it: most
  // pages read upright and never do, and loading osd.traineddata costs each
  // worker ~0.1 CPU-s. Null until then, and when orientation detection is off.
  TessPtr osd;
  std::string datapath;
  bool osd_failed = false;
};

struct OcrEngine::Reading {
  int quads = 0;               // clockwise quarter turns applied to the image as given
  PixPtr turned, straight;     // null when not turned / not deskewed
  PIX* page = nullptr;         // the image read: straight, else turned, else the original
  double skew_radians = 0, skew_degrees = 0;
  double wu = 0, hu = 0;       // size of the turned image before deskew
  std::vector<LineWord> words; // in `page`'s pixels
  size_t turned_words = 0;     // of them, in blocks Tesseract found not upright
};

std::string TesseractVersion() { return tesseract::TessBaseAPI::Version(); }

// ocr-3: the result carries the page image's solid dark regions
// (redaction boxes), so older cache entries, which lack them, miss; and
// the page is read with those regions painted white. ocr-4: the codes
// beside those regions are re-read strip by strip (pipeline/code_strips.h).
// ocr-5: a scanned PDF page is rendered at its own resolution when that is
// below --dpi (render/scan_resolution.h), and a page of specks is blank
// (render/render_process.h): other pixels, other words. ocr-6: a table read
// column by column is put back in rows (pipeline/ocr_table_rows.h). ocr-7: a
// scan of less than 150 dpi is rendered at its own resolution down to 90
// (render/scan_resolution.h kMinScanDpi), not upsampled to 150. ocr-8: a
// log's rows of two cells, a date-and-number key and its action, are put back
// in rows too.
std::string OcrStageVersion(const OcrSettings& s) {
  return "tesseract-" + TesseractVersion() + "/" + s.languages + "/lstm-psm3" + (s.detect_orientation ? "/osd" : "") +
         (s.deskew ? "/deskew" : "") + "/ocr-8";
}

OcrEngine::OcrEngine(const OcrSettings& settings, std::unique_ptr<Apis> apis)
    : settings_(settings), apis_(std::move(apis)) {}
OcrEngine::~OcrEngine() = default;

namespace {
// The tessdata folders that exist, where Tesseract looks: --tessdata,
// $TESSDATA_PREFIX, Debian's folders.
std::vector<std::filesystem::path> TessdataDirs(const OcrSettings& settings) {
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
  return present;
}
}  // namespace

Status OcrEngine::CheckLanguages(const OcrSettings& settings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::vector<fs::path> present = TessdataDirs(settings);
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
  if (datapath) apis->datapath = datapath;
  if (settings.detect_orientation) {
    // Its data must be there (an error now, not on some page later); the
    // engine itself starts when a page needs it (OsdApi). Where no tessdata
    // folder is known, Tesseract's own default is tried then.
    std::error_code ec;
    const auto dirs = TessdataDirs(settings);
    if (!dirs.empty() && std::none_of(dirs.begin(), dirs.end(), [&](const std::filesystem::path& d) {
          return std::filesystem::is_regular_file(d / "osd.traineddata", ec);
        })) {
      return Status::InvalidArgument("Tesseract cannot load orientation data 'osd' (install tesseract-ocr-osd)");
    }
  }
  return std::unique_ptr<OcrEngine>(new OcrEngine(settings, std::move(apis)));
}

tesseract::TessBaseAPI* OcrEngine::OsdApi() {
  if (!settings_.detect_orientation || apis_->osd_failed) return nullptr;
  if (!apis_->osd) {
    std::lock_guard<std::mutex> lock(g_init_mutex);
    TessPtr osd = NewApi();
    osd->SetVariable("debug_file", "/dev/null");
    if (osd->Init(apis_->datapath.empty() ? nullptr : apis_->datapath.c_str(), "osd",
                  tesseract::OEM_TESSERACT_ONLY) != 0) {
      apis_->osd_failed = true;  // checked at Create; a page then reads as given
      return nullptr;
    }
    osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    apis_->osd = std::move(osd);
  }
  return apis_->osd.get();
}

// One reading of the page turned by quads * 90 degrees clockwise and
// straightened: the words in the straightened image's pixels, with their
// Tesseract line. The reader holds this reading's image afterwards (the
// margin and code re-reads use it).
Status OcrEngine::Read(PIX* original, int quads, double dpi, Reading& out) {
  out.quads = quads;
  if (quads != 0) {
    out.turned.reset(pixRotateOrth(original, quads));
    if (!out.turned) return Status::Internal("Leptonica could not rotate the page");
  }
  PIX* upright = out.turned ? out.turned.get() : original;
  // Skew: find it on a binarized copy, rotate the gray image about its centre.
  if (settings_.deskew) {
    PixPtr binary(pixConvertTo1(upright, 130));
    float angle = 0, conf = 0;
    if (binary && pixFindSkew(binary.get(), &angle, &conf) == 0 && conf >= kMinDeskewConfidence &&
        std::abs(angle) >= kMinDeskewDegrees) {
      out.skew_radians = angle * kPi / 180.0;
      out.straight.reset(
          pixRotate(upright, static_cast<float>(out.skew_radians), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      if (!out.straight) out.skew_radians = 0;
      else out.skew_degrees = angle;
    }
  }
  out.page = out.straight ? out.straight.get() : upright;
  out.wu = pixGetWidth(upright);
  out.hu = pixGetHeight(upright);

  tesseract::TessBaseAPI& api = *apis_->reader;
  api.SetImage(out.page);
  api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
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
  if (it) {
    int line = 0;
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      std::unique_ptr<char[]> raw(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!raw) continue;
      std::string text(raw.get());
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
      if (text.empty()) continue;
      LineWord word;
      word.text = std::move(text);
      it->BoundingBox(tesseract::RIL_WORD, &word.box.left, &word.box.top, &word.box.right, &word.box.bottom);
      word.box.line = line;
      word.confidence = std::clamp(static_cast<double>(it->Confidence(tesseract::RIL_WORD)), 0.0, 100.0);
      if (it->IsAtFinalElement(tesseract::RIL_BLOCK, tesseract::RIL_WORD) ||
          it->IsAtFinalElement(tesseract::RIL_PARA, tesseract::RIL_WORD)) {
        word.after = Break::kParagraph;
      } else if (it->IsAtFinalElement(tesseract::RIL_TEXTLINE, tesseract::RIL_WORD)) {
        word.after = Break::kLine;
      }
      if (word.after != Break::kSpace) ++line;
      // Tesseract turns a block of sideways text itself when it can: such a
      // reading is not of an upright page, whatever its confidence.
      tesseract::Orientation orientation = tesseract::ORIENTATION_PAGE_UP;
      tesseract::WritingDirection direction;
      tesseract::TextlineOrder order;
      float block_skew = 0;
      it->Orientation(&orientation, &direction, &order, &block_skew);
      out.turned_words += orientation != tesseract::ORIENTATION_PAGE_UP;
      out.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  return Status::Ok();
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
  // Redaction boxes, on the image as given: the space the word boxes are
  // mapped back to, whatever turn or deskew reading needs.
  result.dark_regions = FindDarkRegions(original, image.dpi);
  // A redaction box carries no text: Tesseract reads one as junk ("MN",
  // "MM") and misreads the label beside it. It reads the page with the
  // boxes painted white (their own 2-pixel margin too).
  PixPtr blanked;
  if (!result.dark_regions.empty()) {
    blanked.reset(pixCopy(nullptr, original));
    if (!blanked) return Status::Internal("Leptonica could not copy the page image");
    const double to_px = image.dpi / 72.0;
    for (const Box& r : result.dark_regions) {
      const int x = std::max(0, static_cast<int>(r.x0 * to_px) - 2), y = std::max(0, static_cast<int>(r.y0 * to_px) - 2);
      BOX* rect = boxCreate(x, y, static_cast<int>((r.x1 - r.x0) * to_px) + 5, static_cast<int>((r.y1 - r.y0) * to_px) + 5);
      if (rect) {
        pixSetInRect(blanked.get(), rect);
        boxDestroy(&rect);
      }
    }
    original = blanked.get();
  }

  // 1. Read the page as given (straightened); 2. only when that reading is
  // not plainly upright text, ask OSD how the page is turned and read it
  // again turned upright. OSD is a second layout analysis of the whole page
  // (~0.9 of ~2.7 CPU-s a page here), and at 150 dpi it turned an upright
  // corpus page by 90 degrees with confidence 250; a page of upright text
  // reads at a high confidence (corpus scans ~96, synthetic scans ~90), one
  // upside down or sideways at ~37 (phototest's turned copies).
  Reading reading;
  if (Status read = Read(original, 0, image.dpi, reading); !read.ok()) return read;
  tesseract::TessBaseAPI* osd = nullptr;
  if (!LooksUpright(reading.words, reading.turned_words) && (osd = OsdApi()) != nullptr) {
    osd->SetImage(original);
    osd->SetSourceResolution(dpi);
    int orient_deg = 0;
    float orient_conf = 0, script_conf = 0;
    const char* script = nullptr;
    int quads = 0;
    if (osd->DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf) &&
        orient_conf >= kMinOrientationConfidence) {
      // orient_deg is the page's clockwise turn (measured on phototest's
      // rotated variants); undo it by turning the rest of the way round.
      quads = (4 - ((orient_deg / 90) % 4 + 4) % 4) % 4;
    }
    osd->Clear();
    if (quads != 0) {
      Reading turned;
      if (Status read = Read(original, quads, image.dpi, turned); !read.ok()) return read;
      reading = std::move(turned);
    }
  }
  const int quads = reading.quads;
  result.rotation_degrees = quads * 90;
  result.skew_degrees = reading.skew_degrees;
  const double skew_radians = reading.skew_radians;
  const double wu = reading.wu, hu = reading.hu;
  PIX* page = reading.page;
  tesseract::TessBaseAPI& api = *apis_->reader;
  using RawWord = LineWord;
  std::vector<RawWord>& raw_words = reading.words;

  // Transcript margin numbers read as a column of garbage (ocr_margin.h):
  // re-read the margin beside each body line, digits only, and put the
  // numbers at the starts of their lines.
  std::vector<OcrWordBox> boxes;
  for (const RawWord& w : raw_words) boxes.push_back(w.box);
  if (const MarginPlan plan = PlanMarginNumbers(boxes); !plan.regions.empty()) {
    std::vector<int> values;
    std::vector<RawWord> numbers;
    api.SetVariable("tessedit_char_whitelist", "0123456789");
    for (const MarginPlan::Region& r : plan.regions) {
      std::string digits;
      bool ok = false;
      // As a line; a lone digit Tesseract may only see as a word or a character.
      for (auto mode : {tesseract::PSM_SINGLE_LINE, tesseract::PSM_SINGLE_WORD, tesseract::PSM_SINGLE_CHAR}) {
        api.SetPageSegMode(mode);
        api.SetRectangle(r.left, r.top, r.right - r.left, r.bottom - r.top);
        std::unique_ptr<char[]> text(api.GetUTF8Text());
        digits = text ? std::string(text.get()) : "";
        while (!digits.empty() && (digits.back() == '\n' || digits.back() == ' ')) digits.pop_back();
        ok = !digits.empty() && digits.size() <= 3 && digits.find_first_not_of("0123456789") == std::string::npos;
        if (ok) break;
      }
      RawWord number;
      number.box = {r.left, r.top, r.right, r.bottom, r.line};
      if (ok) {
        std::unique_ptr<tesseract::ResultIterator> words(api.GetIterator());
        if (words && !words->Empty(tesseract::RIL_WORD)) {
          words->BoundingBox(tesseract::RIL_WORD, &number.box.left, &number.box.top, &number.box.right,
                             &number.box.bottom);
          number.confidence = std::clamp(static_cast<double>(words->Confidence(tesseract::RIL_WORD)), 0.0, 100.0);
        }
        number.text = digits;
      }
      values.push_back(ok ? std::atoi(digits.c_str()) : 0);
      numbers.push_back(std::move(number));
    }
    api.SetVariable("tessedit_char_whitelist", "");
    api.SetPageSegMode(tesseract::PSM_AUTO);
    if (MarginNumbersAscend(values)) {
      // A number OCR could not read between its two neighbours is the one between them.
      for (size_t k = 0; k < values.size(); ++k) {
        if (values[k] != 0 || numbers[k].text.size() > 0) continue;
        if (const int v = MarginGapValue(values, k); v > 0) {
          numbers[k].text = std::to_string(v);
          numbers[k].confidence = 0;
        }
      }
      std::vector<bool> drop(raw_words.size(), false);
      for (size_t i : plan.column_words) drop[i] = true;
      std::map<int, RawWord> number_of_line;
      for (RawWord& n : numbers)
        if (!n.text.empty()) number_of_line[n.box.line] = std::move(n);
      std::vector<RawWord> rebuilt;
      int previous_line = -1;
      for (size_t i = 0; i < raw_words.size(); ++i) {
        if (drop[i]) continue;
        if (raw_words[i].box.line != previous_line) {
          if (auto n = number_of_line.find(raw_words[i].box.line); n != number_of_line.end())
            rebuilt.push_back(std::move(n->second));
          previous_line = raw_words[i].box.line;
        }
        rebuilt.push_back(std::move(raw_words[i]));
      }
      raw_words = std::move(rebuilt);
    }
  }

  // Exemption codes beside the redaction bars, re-read strip by strip
  // (pipeline/code_strips.h), on the upright, straightened page.
  if (!result.dark_regions.empty()) {
    ReadCodeStrips(api, page, result.dark_regions, image.dpi, quads, w0, h0, skew_radians, wu, hu, raw_words);
    if (CancelRequested()) {
      api.Clear();
      return Status::Cancelled("the run is stopping");
    }
  }

  // A table Tesseract read column by column, back in rows (pipeline/ocr_table_rows.h).
  ReadTableByRows(raw_words);

  const double to_pt = 72.0 / image.dpi;
  double conf_sum = 0, weight_sum = 0;
  for (RawWord& raw : raw_words) {
    // Corners back through deskew, then back through the quarter turns.
    const double l = raw.box.left, t = raw.box.top, r = raw.box.right, b = raw.box.bottom;
    double xs[4] = {l, r, l, r};
    double ys[4] = {t, t, b, b};
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
    word.text = std::move(raw.text);
    word.box = Box{x0 * to_pt, y0 * to_pt, x1 * to_pt, y1 * to_pt};
    word.confidence = raw.confidence;
    word.after = raw.after;
    double weight = static_cast<double>(word.text.size());
    conf_sum += raw.confidence * weight;
    weight_sum += weight;
    result.words.push_back(std::move(word));
  }
  api.Clear();
  if (!result.words.empty()) result.words.back().after = Break::kParagraph;
  AttachMarginNumbers(result.words);  // a column of numbers read as a block of its own
  if (weight_sum > 0) result.mean_confidence = conf_sum / weight_sum;
  return result;
}

}  // namespace foiamine
