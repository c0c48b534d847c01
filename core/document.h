// Document: one news article as polgraph reads it, whatever the input format.
#pragma once

#include <map>
#include <string>

namespace polgraph {

// One article. `text` is UTF-8 with paragraphs separated by "\n\n"; all spans
// elsewhere in polgraph are half-open byte offsets into this `text`.
struct Document {
  std::string id;         // JSONL `id`, else the path as given on the command line
  std::string source;     // where it came from: the path as given, or "-" for stdin
  int64_t line = 0;       // 1-based line of a JSONL record, 0 for whole files
  std::string format;     // "txt", "html" or "jsonl"
  std::string title;      // headline, may be empty
  std::string date;       // YYYY-MM-DD or empty when unknown
  std::string url;        // may be empty
  std::string publisher;  // JSONL `source` field or <meta og:site_name>; may be empty
  std::string text;       // body text, boilerplate removed; never empty once read
  std::map<std::string, std::string> metadata;  // unknown JSONL fields, as raw JSON
  std::string content_hash;                     // ContentHash(title + "\n\n" + text)
};

}  // namespace polgraph
