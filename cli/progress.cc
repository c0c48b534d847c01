#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace polgraph::cli {

RunProgress::RunProgress(std::string verb, uint64_t total_bytes)
    : verb_(std::move(verb)),
      total_bytes_(total_bytes),
      enabled_(Shown()),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

bool RunProgress::Shown() { return isatty(STDERR_FILENO) != 0; }

std::string RunProgress::Line(const std::string& verb, size_t documents, uint64_t bytes_read,
                              uint64_t total_bytes, double seconds) {
  const double mb = static_cast<double>(bytes_read) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0.0;
  char buffer[160];
  int n = std::snprintf(buffer, sizeof buffer, "%s: %zu documents, %.1f MB/s", verb.c_str(),
                        documents, rate);
  std::string line(buffer, n > 0 ? static_cast<size_t>(n) : 0);
  if (total_bytes > 0) {
    const double done = std::min(1.0, static_cast<double>(bytes_read) / total_bytes);
    n = std::snprintf(buffer, sizeof buffer, ", %.0f%%", 100 * done);
    line.append(buffer, n > 0 ? static_cast<size_t>(n) : 0);
    if (rate > 0 && done > 0) {
      const auto left = static_cast<long>((static_cast<double>(total_bytes) / 1e6 - mb) / rate);
      n = std::snprintf(buffer, sizeof buffer, ", ETA %ld:%02ld", left / 60, left % 60);
      line.append(buffer, n > 0 ? static_cast<size_t>(n) : 0);
    }
  }
  return line;
}

void RunProgress::Update(size_t documents) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const std::string line = Line(verb_, documents, bytes_read_.load(std::memory_order_relaxed),
                                total_bytes_, std::chrono::duration<double>(now - start_).count());
  // Padded to the last line's length so that a shorter line leaves nothing behind.
  std::fprintf(stderr, "\r%-*s", static_cast<int>(drawn_), line.c_str());
  std::fflush(stderr);
  drawn_ = line.size();
}

void RunProgress::Finish() {
  if (enabled_ && drawn_ > 0) std::fprintf(stderr, "\r%*s\r", static_cast<int>(drawn_), "");
  drawn_ = 0;
}

}  // namespace polgraph::cli
