// Rejects: bad input reported as data, not as a crash.
//
// Every stage that meets an unusable file, record or span reports a Reject to a
// RejectSink and carries on with the rest. The CLI prints them to stderr and turns
// "anything rejected" into exit code 3.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace polgraph {

// Tests check codes, not wording.
enum class RejectCode {
  kUnreadable,    // path cannot be opened or read
  kEmpty,         // file or record has no text at all
  kBinary,        // content looks like binary data (NUL bytes, control characters)
  kInvalidUtf8,   // bytes are not valid UTF-8
  kBadJson,       // a JSONL line is not a JSON object (truncated, malformed)
  kMissingField,  // a JSONL record lacks a required field
  kBadField,      // a field has the wrong type or form (e.g. date not YYYY-MM-DD)
  kNoText,        // an HTML page or record with nothing left after boilerplate removal
  kUnsupported,   // a file type polgraph does not read
  kDuplicate,     // a document already stored (same id or content hash)
  kStore,         // the store refused a document
  kTooLarge,      // over a limit that protects the machine (document bytes, sentence
                  // tokens, entities per document)
};

// Stable lower_snake_case name of `code`, e.g. "invalid_utf8".
const char* RejectCodeName(RejectCode code);

struct Reject {
  std::string source;   // file path as given, or "-" for stdin
  int64_t line = 0;     // 1-based line number, 0 when not line-oriented
  int64_t offset = -1;  // byte offset into the source, -1 when unknown
  std::string stage;    // "ingest", "extract", "store", ...
  RejectCode code = RejectCode::kUnreadable;
  std::string message;  // what was wrong and what was expected
  std::string excerpt;  // at most ~80 bytes of the offending input, valid UTF-8

  // "feed.jsonl:214: message (excerpt)" in the house format.
  std::string ToString() const;
};

// Shortens `text` to at most `max_bytes` without cutting a UTF-8 sequence, and
// replaces invalid bytes and control characters so the excerpt prints safely.
std::string MakeExcerpt(std::string_view text, size_t max_bytes = 80);

// Receives rejects. Not thread-safe; each thread keeps its own sink.
class RejectSink {
 public:
  virtual ~RejectSink() = default;
  virtual void Add(Reject reject) = 0;
};

// Keeps every reject in memory, in order.
class RejectList : public RejectSink {
 public:
  void Add(Reject reject) override { rejects_.push_back(std::move(reject)); }
  const std::vector<Reject>& rejects() const { return rejects_; }
  bool empty() const { return rejects_.empty(); }
  size_t size() const { return rejects_.size(); }
  void clear() { rejects_.clear(); }

 private:
  std::vector<Reject> rejects_;
};

}  // namespace polgraph
