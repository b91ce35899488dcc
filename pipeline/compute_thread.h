// A thread of its own for the compute step of each document (OCR merge,
// normalization, extraction), beside the run's writer (pipeline/runner.cc).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace foiamine {

// One thread that runs jobs in the order given: the compute step of each
// document (pipeline/document_job.h ComputeDocument: OCR merge, normalize,
// extract) beside the writer, which writes the one before. Jobs not started
// when it is destroyed are dropped (their futures report a broken promise).
class ComputeThread {
 public:
  ComputeThread() : thread_([this] { Work(); }) {}
  ~ComputeThread() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      queue_.clear();
    }
    wake_.notify_all();
    thread_.join();
  }
  ComputeThread(const ComputeThread&) = delete;
  ComputeThread& operator=(const ComputeThread&) = delete;

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
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace foiamine
