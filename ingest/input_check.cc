#include "ingest/input_check.h"

#include <algorithm>

#include "core/text.h"

namespace polgraph::ingest {

Reject MakeIngestReject(std::string_view source, int64_t line, int64_t offset, RejectCode code,
                        std::string message, std::string_view excerpt_from) {
  Reject reject;
  reject.source = std::string(source);
  reject.line = line;
  reject.offset = offset;
  reject.stage = "ingest";
  reject.code = code;
  reject.message = std::move(message);
  reject.excerpt = MakeExcerpt(excerpt_from);
  return reject;
}

int64_t LineAt(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

bool CheckDocumentBytes(std::string_view bytes, size_t bom_bytes, bool check_utf8,
                        std::string_view source, RejectSink* rejects) {
  if (Trim(bytes).empty()) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kEmpty,
                                  bytes.empty() ? "file is empty, expected an article"
                                                : "file holds only whitespace, expected an article",
                                  bytes));
    return false;
  }
  if (LooksBinary(bytes)) {
    rejects->Add(MakeIngestReject(source, 0, -1, RejectCode::kBinary,
                                  "content looks binary (NUL or control bytes), expected text",
                                  bytes));
    return false;
  }
  if (check_utf8) {
    size_t bad = FindInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
      int64_t line = LineAt(bytes, bad);
      // Quote from shortly before the bad byte, but not across the line start.
      size_t nl = bad == 0 ? std::string_view::npos : bytes.rfind('\n', bad - 1);
      size_t from = std::max(nl == std::string_view::npos ? 0 : nl + 1, bad >= 40 ? bad - 40 : 0);
      while (from < bad && (static_cast<unsigned char>(bytes[from]) & 0xC0) == 0x80) ++from;
      int64_t offset = static_cast<int64_t>(bad + bom_bytes);
      rejects->Add(MakeIngestReject(source, line, offset, RejectCode::kInvalidUtf8,
                                    "invalid UTF-8 at byte " + std::to_string(offset) + " (line " +
                                        std::to_string(line) + "), expected UTF-8 text",
                                    bytes.substr(from)));
      return false;
    }
  }
  return true;
}

std::string IsoDatePrefix(std::string_view value) {
  value = Trim(value);
  if (value.size() < 10) return "";
  std::string_view date = value.substr(0, 10);
  if (!IsIsoDate(date)) return "";
  if (value.size() > 10 && value[10] != 'T' && value[10] != 't' && value[10] != ' ') return "";
  return std::string(date);
}

void FinishDocument(const ReadOptions& options, Document* doc) {
  if (doc->date.empty()) doc->date = options.default_date;
  doc->content_hash = ContentHash(doc->title + "\n\n" + doc->text);
}

}  // namespace polgraph::ingest
