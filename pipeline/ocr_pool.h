// OCR workers: a bounded queue of page jobs served by N threads, each with
// its own OcrEngine (Tesseract initialised once per worker and reused) and
// its own read-only connection to the OCR cache.
//
// A job names a page (file + page index); the worker renders or decodes it,
// looks it up in the cache, and OCRs it on a miss. Page images live only
// inside a worker while it works on them, so memory stays bounded by the
// number of workers, whatever the size of the drop. The pool never writes
// the index: results go back to the caller (the runner's single writer).
//
// Thread-safety: Submit is called from one thread (the runner's). Results
// are delivered through std::future.
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unordered_map>

#include "pipeline/ocr_engine.h"
#include "base/status.h"
#include "render/render_process.h"

namespace foiamine {

struct OcrJob {
  std::filesystem::path path;
  bool is_pdf = true;   // PDF page (rendered by Poppler) or image file frame (Leptonica)
  int page_index = 0;   // 0-based page or TIFF frame
  // Read the page even if the cache has it (run --force ocr); the result
  // then refreshes the cache entry.
  bool bypass_cache = false;
};

struct OcrOutcome {
  Status status;          // why the page could not be read (render, decode, OCR)
  OcrPageResult result;   // valid when status.ok()
  bool from_cache = false;
  std::string image_sha256, cache_key;  // set once the page image was made
  std::string stage;      // where it failed: "render" | "ocr"; kCancelled: the run is stopping
  std::string warning;    // e.g. Poppler's complaints while rendering (counted), for the run's events
};

// The limits OCR renders PDF pages within (`base`'s time limit, helper and
// pixel cap): 8-bit gray at `dpi`, or at a scanned page's own resolution
// when that is lower (render/scan_resolution.h), blank pages detected.
RenderLimits OcrRenderLimits(RenderLimits base, int dpi);

class OcrPool {
 public:
  // Workers start on the first Submit. `cache_db_path` may be empty (no cache).
  // PDF pages are rendered through `render` (render/render_process.h):
  // in a helper process with a time limit when it names the binary, within
  // OcrRenderLimits(render, settings.dpi). A page
  // rendered blank is not given to Tesseract (it reads no words); a page
  // image seen before in this run (same SHA-256) is answered from memory.
  OcrPool(const OcrSettings& settings, int workers, std::string cache_db_path, RenderLimits render = {});
  ~OcrPool();  // finishes queued jobs, then joins the workers
  OcrPool(const OcrPool&) = delete;
  OcrPool& operator=(const OcrPool&) = delete;

  // Queues a job; blocks while 2 x workers jobs are already waiting.
  std::future<OcrOutcome> Submit(OcrJob job);

  const OcrSettings& settings() const { return settings_; }
  const std::string& engine_version() const { return engine_version_; }

 private:
  struct Task {
    OcrJob job;
    std::promise<OcrOutcome> promise;
  };
  void Work();

  const OcrSettings settings_;
  const std::string engine_version_;
  const int workers_;
  const std::string cache_db_path_;
  const RenderLimits render_;
  std::mutex mutex_;
  // Results of this run by cache key (identical pages: blank, repeated forms).
  std::unordered_map<std::string, OcrPageResult> seen_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Task> queue_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace foiamine
