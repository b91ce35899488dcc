// Threads of their own for compute steps beside the run's writer
// (pipeline/runner.cc): each new document's compute step (OCR merge,
// normalization, extraction), and the extract stage of stored documents
// re-extracted in a batch (pipeline/reextract_batch.h).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace foiamine {

// `threads` threads that take jobs in the order given: with one, each job
// runs after the one before (the run's compute step for each document,
// beside the writer, which writes the one before); with more, jobs start in
// that order and may finish in any. Jobs not started when it is destroyed
// are dropped (their futures report a broken promise).
class ComputeThreads {
 public:
  explicit ComputeThreads(int threads = 1) {
    for (int i = 0; i < std::max(threads, 1); ++i) threads_.emplace_back([this] { Work(); });
  }
  ~ComputeThreads() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      queue_.clear();
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  ComputeThreads(const ComputeThreads&) = delete;
  ComputeThreads& operator=(const ComputeThreads&) = delete;

  std::future<void> Submit(std::function<void()> job) {
    std::packaged_task<void()> task(std::move(job));
    std::future<void> done = task.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(task));
    }
    wake_.notify_one();
    return done;
  }

 private:
  void Work() {
    while (true) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      std::packaged_task<void()> task = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      task();  // an exception goes to the future
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::deque<std::packaged_task<void()>> queue_;
  std::vector<std::thread> threads_;  // last: started once the members above exist
};

}  // namespace foiamine
