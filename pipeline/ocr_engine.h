// The OCR engine: Tesseract (C++ API) reading one page image into words with
// boxes and confidences, after orientation detection (Tesseract OSD) and
// deskew (Leptonica).
//
//   auto engine = OcrEngine::Create(settings);        // once per worker
//   auto page = (*engine)->Recognize(image);          // for every page
//
// Thread-safety: an OcrEngine is used by one thread at a time; run one per
// worker thread (each holds its own TessBaseAPI instances, initialised once
// and reused). Tesseract's OpenMP must be held to one thread per process
// (OMP_THREAD_LIMIT=1 in the environment before libgomp loads: cli/main.cc
// sees to it), or workers oversubscribe the cores ~6x.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/page.h"
#include "render/page_image.h"
#include "base/status.h"

namespace tesseract {
class TessBaseAPI;
}

namespace foiamine {

struct OcrSettings {
  std::string languages = "eng";  // Tesseract languages, '+'-joined: "eng+spa"
  int dpi = 300;                  // resolution PDF pages are rendered at
  bool detect_orientation = true; // Tesseract OSD: read pages fed sideways / upside down
  bool deskew = true;             // Leptonica: straighten pages skewed by a few degrees
  std::string tessdata_dir;       // empty: Tesseract's default location
};

// What OCR read on one page. Boxes are PDF points, top-left origin, in the
// space of the page image as given (before any rotation or deskew), i.e. the
// same space as text-layer boxes of that page.
struct OcrPageResult {
  std::vector<SourceWord> words;          // reading order; confidence set on each
  std::optional<double> mean_confidence;  // mean word confidence (weighted by
                                          // word length), 0-100; none if no words
  double width_pt = 0, height_pt = 0;     // the page image's size in points
  int rotation_degrees = 0;               // clockwise turn applied before reading
  double skew_degrees = 0;                // deskew angle applied (0 if none)
  // Solid dark regions of the image as given (candidate redaction boxes,
  // pipeline/redactions.h FindDarkRegions), in the same space as `words`.
  std::vector<Box> dark_regions;
};

// The Tesseract library version, e.g. "5.3.0".
std::string TesseractVersion();

// The OCR stage's version for these settings: everything that changes what
// OCR reads from the same pixels (engine version, languages, page handling).
// Part of the OCR cache key and recorded in stage_versions.
std::string OcrStageVersion(const OcrSettings& settings);

class OcrEngine {
 public:
  // Initialises Tesseract for settings.languages; OSD, when enabled, starts
  // on the first page that needs it (its data is checked here).
  // Errors: kInvalidArgument when a language's data is not installed.
  static StatusOr<std::unique_ptr<OcrEngine>> Create(const OcrSettings& settings);

  // Cheap check that every language of settings.languages ("eng+spa") has
  // its .traineddata where Tesseract looks ($TESSDATA_PREFIX, Debian's
  // tessdata folders): milliseconds, where Create() loads the models
  // (~0.5 s), which an incremental re-run with nothing to OCR should not pay.
  // Falls back to Create() when no tessdata folder is found at all.
  static Status CheckLanguages(const OcrSettings& settings);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads one 8-bit gray page image. Errors: kInternal when Tesseract fails.
  StatusOr<OcrPageResult> Recognize(const PageImage& image);

 private:
  struct Apis;
  struct Reading;
  explicit OcrEngine(const OcrSettings& settings, std::unique_ptr<Apis> apis);
  Status Read(Pix* original, int quads, double dpi, Reading& out);
  // The orientation-detection engine, started on first use; null when
  // orientation detection is off or its data failed to load.
  tesseract::TessBaseAPI* OsdApi();
  OcrSettings settings_;
  std::unique_ptr<Apis> apis_;
};

}  // namespace foiamine
