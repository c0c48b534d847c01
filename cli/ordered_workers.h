// OrderedWorkers: a fixed pool of threads that runs one function over a stream of
// jobs and hands the finished jobs back in the order they were submitted.
//
// Used by ingest: documents are extracted on N threads, and the one thread that
// writes to SQLite takes them back in input order, so the store (and the graph
// built from it) is the same whatever N is and whichever job finished first.
//
// Memory is bounded by `window`: Submit blocks while `window` jobs are submitted
// but not yet taken back by Next, whether they wait for a thread, are being
// worked on, or wait in the reorder buffer behind a slower one.
//
// Threading: one producer thread calls Submit and Close, one consumer thread calls
// Next (they must differ, or a full window blocks forever); Cancel and the
// destructor may be called from either. `work` runs on the pool's threads and
// must not throw.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace polgraph::cli {

template <typename Job>
class OrderedWorkers {
 public:
  OrderedWorkers(size_t threads, size_t window, std::function<void(Job&)> work)
      : window_(window == 0 ? 1 : window), work_(std::move(work)) {
    if (threads == 0) threads = 1;
    threads_.reserve(threads);
    for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { RunWorker(); });
  }
  ~OrderedWorkers() {
    Cancel();
    for (std::thread& t : threads_) t.join();
  }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // Queues `job`, waiting while the window is full. False (and `job` dropped) once
  // cancelled.
  bool Submit(Job job) {
    std::unique_lock lock(mu_);
    can_submit_.wait(lock, [&] { return cancelled_ || next_in_ - next_out_ < window_; });
    if (cancelled_) return false;
    todo_.emplace_back(next_in_++, std::move(job));
    can_work_.notify_one();
    return true;
  }

  // No more jobs: Next returns nullopt once every submitted job was taken.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    can_work_.notify_all();
    can_take_.notify_all();
  }

  // Stops early: pending jobs are dropped, Submit and Next return at once.
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    todo_.clear();
    can_submit_.notify_all();
    can_work_.notify_all();
    can_take_.notify_all();
  }

  // The next job in submission order once its work is done; nullopt after Close
  // when all were taken, or after Cancel.
  std::optional<Job> Next() {
    std::unique_lock lock(mu_);
    can_take_.wait(lock, [&] {
      return cancelled_ || (!done_.empty() && done_.begin()->first == next_out_) ||
             (closed_ && next_out_ == next_in_);
    });
    if (cancelled_ || done_.empty() || done_.begin()->first != next_out_) return std::nullopt;
    std::optional<Job> job(std::move(done_.begin()->second));
    done_.erase(done_.begin());
    ++next_out_;
    can_submit_.notify_one();
    return job;
  }

 private:
  void RunWorker() {
    std::unique_lock lock(mu_);
    for (;;) {
      can_work_.wait(lock, [&] { return cancelled_ || closed_ || !todo_.empty(); });
      if (cancelled_ || todo_.empty()) return;  // closed and drained, or cancelled
      auto [seq, job] = std::move(todo_.front());
      todo_.pop_front();
      lock.unlock();
      work_(job);
      lock.lock();
      if (cancelled_) return;
      done_.emplace(seq, std::move(job));
      if (seq == next_out_) can_take_.notify_one();
    }
  }

  const uint64_t window_;
  const std::function<void(Job&)> work_;
  std::mutex mu_;
  std::condition_variable can_submit_, can_work_, can_take_;
  std::deque<std::pair<uint64_t, Job>> todo_;  // submitted, waiting for a thread
  std::map<uint64_t, Job> done_;               // worked on, waiting for Next
  uint64_t next_in_ = 0;                       // sequence number of the next Submit
  uint64_t next_out_ = 0;                      // sequence number Next hands out next
  bool closed_ = false;
  bool cancelled_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace polgraph::cli
