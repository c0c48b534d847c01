#include "core/text.h"

#include <cstdio>

namespace polgraph {

size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  size_t len;
  uint32_t min;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (pos + len > text.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    unsigned char cc = byte(pos + i);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Fast path for ASCII runs: most news text is ASCII.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  size_t controls = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return !head.empty() && controls * 10 > head.size();
}

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int y = std::stoi(std::string(d.substr(0, 4)));
  int m = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  if (m < 1 || m > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

namespace {}  // namespace

// Length of a whitespace character at text[pos] (ASCII or the common Unicode
// spaces news pages use), or 0.
size_t SpaceLength(std::string_view t, size_t pos) {
  unsigned char c = static_cast<unsigned char>(t[pos]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && pos + 1 < t.size() && static_cast<unsigned char>(t[pos + 1]) == 0xA0) {
    return 2;  // NBSP
  }
  if (c == 0xE2 && pos + 2 < t.size()) {
    unsigned char c1 = static_cast<unsigned char>(t[pos + 1]);
    unsigned char c2 = static_cast<unsigned char>(t[pos + 2]);
    // U+2000..U+200B spaces, U+2028/2029 separators, U+202F, U+205F
    if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  if (c == 0xE3 && pos + 2 < t.size() && static_cast<unsigned char>(t[pos + 1]) == 0x80 &&
      static_cast<unsigned char>(t[pos + 2]) == 0x80) {
    return 3;  // ideographic space
  }
  return 0;
}

std::string_view Trim(std::string_view text) {
  size_t b = 0;
  while (b < text.size()) {
    size_t n = SpaceLength(text, b);
    if (n == 0) break;
    b += n;
  }
  size_t e = text.size();
  while (e > b) {
    // Step back over one character and test it.
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t n = SpaceLength(text, start);
    if (n == 0 || start + n != e) break;
    e = start;
  }
  return text.substr(b, e - b);
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t n = SpaceLength(text, i);
    if (n > 0) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string NormalizeKey(std::string_view label) {
  std::string collapsed = CollapseWhitespace(label);
  std::string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size(); ++i) {
    char c = collapsed[i];
    if (c == '.' || c == '\'') continue;
    // U+2019 RIGHT SINGLE QUOTATION MARK, used as an apostrophe.
    if (collapsed.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace polgraph
