#include "pipeline/ocr_pool.h"

#include "base/cancel.h"
#include "pipeline/ocr_cache.h"
#include "render/page_image.h"

namespace foiamine {

RenderLimits OcrRenderLimits(RenderLimits limits, int dpi) {
  limits.dpi = dpi;
  limits.color = false;
  limits.detect_blank = true;
  limits.at_most_scan_resolution = true;
  return limits;
}

OcrPool::OcrPool(const OcrSettings& settings, int workers, std::string cache_db_path, RenderLimits render)
    : settings_(settings),
      engine_version_(OcrStageVersion(settings)),
      workers_(std::max(1, workers)),
      cache_db_path_(std::move(cache_db_path)),
      render_(OcrRenderLimits(std::move(render), settings.dpi)) {}

OcrPool::~OcrPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  not_empty_.notify_all();
  for (auto& t : threads_) t.join();
}

std::future<OcrOutcome> OcrPool::Submit(OcrJob job) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (threads_.empty()) {
    for (int i = 0; i < workers_; ++i) threads_.emplace_back([this] { Work(); });
  }
  not_full_.wait(lock, [&] { return queue_.size() < static_cast<size_t>(2 * workers_); });
  Task task{std::move(job), {}};
  std::future<OcrOutcome> future = task.promise.get_future();
  queue_.push_back(std::move(task));
  lock.unlock();
  not_empty_.notify_one();
  return future;
}

void OcrPool::Work() {
  // Leptonica's warnings (deskew's "max found at sweep edge") are not the
  // user's business: a --quiet run prints nothing of them.
  static std::once_flag quiet_leptonica;
  std::call_once(quiet_leptonica, [] { setMsgSeverity(L_SEVERITY_ERROR); });
  // Tesseract starts (~1 s: models, OSD) on the first page that needs it,
  // not for pages that are blank or answered from a cache.
  std::optional<StatusOr<std::unique_ptr<OcrEngine>>> engine;
  auto created = [&]() -> StatusOr<std::unique_ptr<OcrEngine>>& {
    if (!engine) engine.emplace(OcrEngine::Create(settings_));
    return *engine;
  };
  std::unique_ptr<OcrCacheReader> cache;
  if (!cache_db_path_.empty()) cache = std::make_unique<OcrCacheReader>(cache_db_path_);
  RenderProcess renderer(render_);
  constexpr size_t kMaxRemembered = 4096;
  while (true) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      not_empty_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing and drained
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    not_full_.notify_one();
    OcrOutcome out;
    try {
      const OcrJob& job = task.job;
      std::optional<RenderedPage> rendered;
      Status made;
      if (CancelRequested()) {
        made = Status::Cancelled("the run is stopping");
      } else if (job.is_pdf) {
        auto page = renderer.Render(job.path, job.page_index);
        if (page.ok()) rendered = std::move(page.value());
        else made = page.status();
      } else {
        auto image = ReadImagePage(job.path, job.page_index, RenderLimits{});  // 300 dpi when the file says none
        if (image.ok()) {
          RenderedPage page;
          page.width_pt = pixGetWidth(image->pix.get()) * 72.0 / image->dpi;
          page.height_pt = pixGetHeight(image->pix.get()) * 72.0 / image->dpi;
          page.image_sha256 = PageImageSha256(*image);
          page.blank = IsBlankPageImage(*image);
          page.image = std::move(image.value());
          rendered = std::move(page);
        } else {
          made = image.status();
        }
      }
      if (!rendered) {
        out.status = made;
        out.stage = "render";
      } else {
        if (rendered->poppler_messages > 0) {
          out.warning = "Poppler reported " + std::to_string(rendered->poppler_messages) + " error" +
                        (rendered->poppler_messages == 1 ? "" : "s") + " while rendering page " +
                        std::to_string(job.page_index + 1) + " (first: " + rendered->first_poppler_message + ")";
        }
        out.image_sha256 = rendered->image_sha256;
        out.cache_key = OcrCacheKey(out.image_sha256, engine_version_);
        std::optional<OcrPageResult> hit;
        if (!job.bypass_cache) {
          std::lock_guard<std::mutex> lock(mutex_);
          if (auto it = seen_.find(out.cache_key); it != seen_.end()) hit = it->second;
        }
        if (!hit && cache && !job.bypass_cache) hit = cache->Find(out.cache_key);
        if (hit) {
          out.result = std::move(*hit);
          out.from_cache = true;
        } else if (rendered->blank) {
          // Nothing darker than paper: Tesseract would read no words.
          out.result.width_pt = rendered->width_pt;
          out.result.height_pt = rendered->height_pt;
        } else if (!created().ok()) {
          out.status = created().status();
          out.stage = "ocr";
        } else {
          auto read = created().value()->Recognize(rendered->image);
          if (read.ok()) out.result = std::move(read.value());
          else {
            out.status = read.status();
            out.stage = "ocr";
          }
        }
        if (out.status.ok() && !out.from_cache) {
          std::lock_guard<std::mutex> lock(mutex_);
          if (seen_.size() < kMaxRemembered) seen_.emplace(out.cache_key, out.result);
        }
      }
    } catch (const std::bad_alloc&) {
      out.status = Status::Internal("out of memory while reading the page");
      out.stage = "ocr";
    } catch (const std::exception& e) {
      out.status = Status::Internal(std::string("OCR failed: ") + e.what());
      out.stage = "ocr";
    }
    task.promise.set_value(std::move(out));
  }
}

}  // namespace foiamine
