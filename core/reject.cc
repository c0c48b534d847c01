#include "core/reject.h"

#include "core/text.h"

namespace polgraph {

const char* RejectCodeName(RejectCode code) {
  switch (code) {
    case RejectCode::kUnreadable:
      return "unreadable";
    case RejectCode::kEmpty:
      return "empty";
    case RejectCode::kBinary:
      return "binary";
    case RejectCode::kInvalidUtf8:
      return "invalid_utf8";
    case RejectCode::kBadJson:
      return "bad_json";
    case RejectCode::kMissingField:
      return "missing_field";
    case RejectCode::kBadField:
      return "bad_field";
    case RejectCode::kNoText:
      return "no_text";
    case RejectCode::kUnsupported:
      return "unsupported";
    case RejectCode::kDuplicate:
      return "duplicate";
    case RejectCode::kStore:
      return "store";
    case RejectCode::kTooLarge:
      return "too_large";
  }
  return "unknown";
}

std::string Reject::ToString() const {
  std::string out = source;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  } else if (offset >= 0) {
    out += ":@";
    out += std::to_string(offset);
  }
  out += ": ";
  out += RejectCodeName(code);
  out += ": ";
  out += message;
  if (!excerpt.empty()) {
    out += " (\"";
    out += excerpt;
    out += "\")";
  }
  return out;
}

std::string MakeExcerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  size_t i = 0;
  while (i < text.size() && out.size() < max_bytes) {
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      out += "\\x";
      static const char kHex[] = "0123456789abcdef";
      unsigned char c = static_cast<unsigned char>(text[i]);
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (len == 1 && (c < 0x20 || c == 0x7f)) {
      out += (c == '\n' || c == '\t' || c == '\r') ? ' ' : '?';
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  if (i < text.size()) out += "...";
  return out;
}

}  // namespace polgraph
