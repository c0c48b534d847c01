// ReadPaths: turns paths (files, directories, "-") into calls of the per-format
// readers, and every path problem into a Reject.
#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <set>
#include <system_error>

#include "core/text.h"
#include "ingest/input_check.h"

namespace polgraph::ingest {
namespace {

namespace fs = std::filesystem;

enum class Format { kNone, kText, kHtml, kJsonl };

Format FormatOfPath(const fs::path& path) {
  std::string ext = AsciiLower(path.extension().string());
  if (ext == ".txt") return Format::kText;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".jsonl") return Format::kJsonl;
  return Format::kNone;
}

// stdin has no name to go by: JSONL starts with '{', HTML with '<', else text.
Format SniffFormat(std::string_view bytes) {
  std::string_view body = Trim(StripBom(bytes));
  if (!body.empty() && body.front() == '{') return Format::kJsonl;
  if (!body.empty() && body.front() == '<') return Format::kHtml;
  return Format::kText;
}

void Dispatch(Format format, std::string_view bytes, std::string_view source,
              const ReadOptions& options, const DocumentCallback& on_document,
              RejectSink* rejects) {
  switch (format) {
    case Format::kText:
      ReadText(bytes, source, options, on_document, rejects);
      break;
    case Format::kHtml:
      ReadHtml(bytes, source, options, on_document, rejects);
      break;
    case Format::kJsonl:
      ReadJsonl(bytes, source, options, on_document, rejects);
      break;
    case Format::kNone:
      break;
  }
}

void RejectUnreadable(const std::string& path, const std::string& why, RejectSink* rejects) {
  rejects->Add(MakeIngestReject(path, 0, -1, RejectCode::kUnreadable,
                                "cannot read: " + why + ", expected a readable file or directory",
                                path));
}

// Reads the whole of `file` once; large inputs are read into one buffer, not twice.
bool ReadStream(std::FILE* file, size_t size_hint, std::string* out) {
  out->clear();
  out->reserve(size_hint);
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out->append(buffer, n);
  return std::ferror(file) == 0;
}

class PathReader {
 public:
  PathReader(const ReadOptions& options, const DocumentCallback& on_document, RejectSink* rejects)
      : options_(options), on_document_(on_document), rejects_(rejects) {}

  void ReadPath(const std::string& path);

 private:
  void ReadStdin();
  void ReadFile(const std::string& path, Format format);
  void WalkDirectory(const fs::path& dir);
  void RejectTooLarge(const std::string& path, uintmax_t size);

  const ReadOptions& options_;
  const DocumentCallback& on_document_;
  RejectSink* rejects_;
  std::set<fs::path> visited_dirs_;  // canonical paths, against symlink loops
  uint64_t bytes_done_ = 0;          // input bytes of the files read so far
};

void PathReader::ReadPath(const std::string& path) {
  if (path == "-") {
    ReadStdin();
    return;
  }
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    RejectUnreadable(path, ec ? ec.message() : "no such file or directory", rejects_);
    return;
  }
  if (fs::is_directory(status)) {
    WalkDirectory(path);
    return;
  }
  Format format = FormatOfPath(path);
  if (format == Format::kNone) {
    rejects_->Add(MakeIngestReject(path, 0, -1, RejectCode::kUnsupported,
                                   "unsupported file type \"" +
                                       fs::path(path).extension().string() +
                                       "\", expected .txt, .html, .htm or .jsonl",
                                   path));
    return;
  }
  ReadFile(path, format);
}

void PathReader::ReadStdin() {
  std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
  if (std::cin.bad()) {
    RejectUnreadable("-", "error reading standard input", rejects_);
    return;
  }
  const Format format = SniffFormat(bytes);
  if (format != Format::kJsonl && bytes.size() > options_.max_document_bytes) {
    RejectTooLarge("-", bytes.size());
    return;
  }
  Dispatch(format, bytes, "-", options_, on_document_, rejects_);
}

void PathReader::RejectTooLarge(const std::string& path, uintmax_t size) {
  rejects_->Add(
      MakeIngestReject(path, 0, -1, RejectCode::kTooLarge,
                       "document is " + std::to_string(size) + " bytes, over the limit of " +
                           std::to_string(options_.max_document_bytes) + " (--max-document-bytes)",
                       ""));
}

void PathReader::ReadFile(const std::string& path, Format format) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    RejectUnreadable(path, std::strerror(errno), rejects_);
    return;
  }
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && format != Format::kJsonl && size > options_.max_document_bytes) {
    std::fclose(file);
    RejectTooLarge(path, size);
    bytes_done_ += size;
    if (options_.on_bytes_read) options_.on_bytes_read(bytes_done_);
    return;
  }
  // The per-format readers count progress from the start of their input.
  ReadOptions options = options_;
  const uint64_t before = bytes_done_;
  if (options_.on_bytes_read) {
    options.on_bytes_read = [&](uint64_t n) { options_.on_bytes_read(before + n); };
  }
  if (format == Format::kJsonl) {
    // Streamed: a feed may be far larger than memory.
    const bool read = ReadJsonlFile(file, path, options, on_document_, rejects_);
    const int read_errno = errno;
    std::fclose(file);
    if (!read) RejectUnreadable(path, std::strerror(read_errno), rejects_);
    bytes_done_ = before + (ec ? 0 : size);
    if (options_.on_bytes_read) options_.on_bytes_read(bytes_done_);
    return;
  }
  std::string bytes;
  bool ok = ReadStream(file, ec ? 0 : static_cast<size_t>(size), &bytes);
  int read_errno = errno;
  std::fclose(file);
  if (!ok) {
    RejectUnreadable(path, std::strerror(read_errno), rejects_);
    return;
  }
  Dispatch(format, bytes, path, options, on_document_, rejects_);
  bytes_done_ = before + bytes.size();
  if (options_.on_bytes_read) options_.on_bytes_read(bytes_done_);
}

void PathReader::WalkDirectory(const fs::path& dir) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (!ec && !visited_dirs_.insert(canonical).second) return;  // symlink loop
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    RejectUnreadable(dir.string(), ec.message(), rejects_);
    return;
  }
  // Sorted by name so every run, on every file system, reads in the same order.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const fs::directory_entry& entry : entries) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files, editor droppings
    std::error_code entry_ec;
    bool is_link = entry.is_symlink(entry_ec);
    if (entry.is_directory(entry_ec)) {
      if (!is_link || options_.follow_symlinks) WalkDirectory(entry.path());
      continue;
    }
    Format format = FormatOfPath(entry.path());
    if (format != Format::kNone) ReadFile(entry.path().string(), format);
  }
}

}  // namespace

uint64_t InputBytes(const std::vector<std::string>& paths, const ReadOptions& options) {
  uint64_t total = 0;
  std::set<fs::path> visited;
  std::function<void(const fs::path&)> walk = [&](const fs::path& dir) {
    std::error_code ec;
    fs::path canonical = fs::canonical(dir, ec);
    if (!ec && !visited.insert(canonical).second) return;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code entry_ec;
      if (it->is_directory(entry_ec)) {
        if (!it->is_symlink(entry_ec) || options.follow_symlinks) walk(it->path());
      } else if (FormatOfPath(it->path()) != Format::kNone) {
        const uintmax_t size = it->file_size(entry_ec);
        if (!entry_ec) total += size;
      }
    }
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") continue;
    if (fs::is_directory(path, ec)) {
      walk(path);
    } else {
      const uintmax_t size = fs::file_size(path, ec);
      if (!ec) total += size;
    }
  }
  return total;
}

Status ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options,
                 const DocumentCallback& on_document, RejectSink* rejects) {
  PathReader reader(options, on_document, rejects);
  for (const std::string& path : paths) reader.ReadPath(path);
  return Status::Ok();
}

}  // namespace polgraph::ingest
