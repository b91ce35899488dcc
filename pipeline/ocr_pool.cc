#include "pipeline/ocr_pool.h"

#include "pipeline/ocr_cache.h"
#include "pipeline/page_image.h"

namespace foiamine {

OcrPool::OcrPool(const OcrSettings& settings, int workers, std::string cache_db_path)
    : settings_(settings),
      engine_version_(OcrStageVersion(settings)),
      workers_(std::max(1, workers)),
      cache_db_path_(std::move(cache_db_path)) {}

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
  auto created = OcrEngine::Create(settings_);
  std::unique_ptr<OcrCacheReader> cache;
  if (!cache_db_path_.empty()) cache = std::make_unique<OcrCacheReader>(cache_db_path_);
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
      StatusOr<PageImage> image = job.is_pdf ? RenderPdfPage(job.path, job.page_index, settings_.dpi)
                                             : ReadImagePage(job.path, job.page_index, 300);
      if (!image.ok()) {
        out.status = image.status();
        out.stage = "render";
      } else {
        out.image_sha256 = PageImageSha256(*image);
        out.cache_key = OcrCacheKey(out.image_sha256, engine_version_);
        std::optional<OcrPageResult> hit =
            cache && !job.bypass_cache ? cache->Find(out.cache_key) : std::nullopt;
        if (hit) {
          out.result = std::move(*hit);
          out.from_cache = true;
        } else if (!created.ok()) {
          out.status = created.status();
          out.stage = "ocr";
        } else {
          auto read = created.value()->Recognize(*image);
          if (read.ok()) out.result = std::move(read.value());
          else {
            out.status = read.status();
            out.stage = "ocr";
          }
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
