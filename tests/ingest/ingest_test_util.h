// Runs an in-memory reader and keeps what it produced, for the ingest tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/reject.h"
#include "core/text.h"
#include "ingest/reader.h"

namespace polgraph::ingest::testing_util {

struct ReadOutput {
  std::vector<Document> docs;
  RejectList rejects;

  std::vector<RejectCode> codes() const {
    std::vector<RejectCode> out;
    for (const Reject& r : rejects.rejects()) out.push_back(r.code);
    return out;
  }
};

using Reader = void (*)(std::string_view, std::string_view, const ReadOptions&,
                        const DocumentCallback&, RejectSink*);

inline ReadOutput ReadBytes(Reader reader, std::string_view bytes, std::string_view source = "in",
                            const ReadOptions& options = {}) {
  ReadOutput out;
  reader(
      bytes, source, options, [&](Document&& doc) { out.docs.push_back(std::move(doc)); },
      &out.rejects);
  return out;
}

// Paragraphs of a document's text.
// The paragraphs of a document's text: its lines with whitespace collapsed, blank
// ones dropped. (Plain text and JSONL keep their text at the input's byte offsets,
// so what was dropped is blanked and a paragraph is one line; HTML paragraphs are
// joined by blank lines.)
inline std::vector<std::string> Paragraphs(const Document& doc) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= doc.text.size()) {
    size_t end = doc.text.find('\n', pos);
    if (end == std::string::npos) end = doc.text.size();
    std::string line = CollapseWhitespace(std::string_view(doc.text).substr(pos, end - pos));
    if (!line.empty()) out.push_back(std::move(line));
    pos = end + 1;
  }
  return out;
}

inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace polgraph::ingest::testing_util
