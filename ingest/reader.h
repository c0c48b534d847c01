// ingest: files, directories and stdin in; Documents out.
//
// Formats are chosen by extension: .txt (plain text, first line may be a headline),
// .html/.htm (parsed with libxml2's HTML parser; scripts, styles, navigation and page
// furniture dropped), .jsonl (one article per line: id, title, date, source, url,
// text; unknown fields kept as metadata). Anything unusable becomes a Reject and the
// read goes on with the rest.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/reject.h"
#include "core/status.h"

namespace polgraph::ingest {

// Default of ReadOptions::max_document_bytes: far above any news article or page
// (a long article is ~100 KB of HTML, a few MB with inline scripts), far below what
// would strain a laptop once extraction multiplies it.
inline constexpr size_t kDefaultMaxDocumentBytes = 16 << 20;

struct ReadOptions {
  std::string default_date;      // YYYY-MM-DD given to documents that have no date ("" = none)
  bool follow_symlinks = false;  // descend into symlinked directories when walking
  // Largest .txt/.html file or stdin input, and largest JSONL line, in bytes; a
  // larger one is a kTooLarge reject (a .txt or .html file is not even read). JSONL
  // files as a whole may be any size.
  size_t max_document_bytes = kDefaultMaxDocumentBytes;
  // Progress: when set, called with the number of input bytes consumed so far,
  // over all paths (ReadPaths) or within the one input (the per-format readers):
  // after each file, and after each JSONL line. On the reading thread.
  std::function<void(uint64_t bytes)> on_bytes_read;
};

// Total size in bytes of the files ReadPaths would read for `paths` (directories
// walked the same way; stdin and unreadable paths count 0), for a progress display.
uint64_t InputBytes(const std::vector<std::string>& paths, const ReadOptions& options);

// Called once per readable document, in input order (directories sorted by name).
using DocumentCallback = std::function<void(Document&&)>;

// Reads every path: a file, a directory (recursively; files with unknown extensions
// are skipped silently when found by walking, but rejected when named directly), or
// "-" for stdin (format sniffed: JSONL when the first non-blank byte is '{', HTML when
// it starts with '<', else text). Returns an error only for a failure that stops the
// whole read (none today); per-file problems go to `rejects`.
Status ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options,
                 const DocumentCallback& on_document, RejectSink* rejects);

// The per-format readers, on in-memory bytes; `source` names the input in
// Document::source/id and in rejects.
void ReadText(std::string_view bytes, std::string_view source, const ReadOptions& options,
              const DocumentCallback& on_document, RejectSink* rejects);
void ReadHtml(std::string_view bytes, std::string_view source, const ReadOptions& options,
              const DocumentCallback& on_document, RejectSink* rejects);
void ReadJsonl(std::string_view bytes, std::string_view source, const ReadOptions& options,
               const DocumentCallback& on_document, RejectSink* rejects);

}  // namespace polgraph::ingest
