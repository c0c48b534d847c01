// RunProgress: the one-line progress display of `ingest` and `build` on stderr:
// documents, MB/s of input, how far through the input and the time left.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace polgraph::cli {

// Shown only when stderr is a terminal (and then at most four times a second);
// silent otherwise, so logs and pipes get only the final summary. Update and
// Finish are called from one thread; SetBytesRead may be called from any.
class RunProgress {
 public:
  // `total_bytes` is the size of the input (ingest::InputBytes); 0 when unknown
  // (stdin), and then no percentage or ETA is shown.
  RunProgress(std::string verb, uint64_t total_bytes);
  RunProgress(const RunProgress&) = delete;
  // Whether a RunProgress would be drawn (stderr is a terminal), so callers can
  // skip measuring the input when it would not be.
  static bool Shown();
  RunProgress& operator=(const RunProgress&) = delete;

  // Input bytes consumed so far (by the reader, which may run ahead of Update's
  // thread by the few documents in flight).
  void SetBytesRead(uint64_t bytes) { bytes_read_.store(bytes, std::memory_order_relaxed); }
  // Redraws the line with `documents` done, when the last draw is old enough.
  void Update(size_t documents);
  // Clears the line.
  void Finish();

  // The text of the line for these figures, e.g. "ingest: 1200 documents, 3.1 MB/s,
  // 45%, ETA 0:32"; exposed for tests.
  static std::string Line(const std::string& verb, size_t documents, uint64_t bytes_read,
                          uint64_t total_bytes, double seconds);

 private:
  std::string verb_;
  uint64_t total_bytes_;
  bool enabled_;
  std::atomic<uint64_t> bytes_read_{0};
  std::chrono::steady_clock::time_point start_, last_;
  size_t drawn_ = 0;  // length of the last line drawn, to blank it out
};

}  // namespace polgraph::cli
