#include "export/text_escape.h"

#include <array>
#include <charconv>

#include "core/text.h"

namespace polgraph::exporter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

namespace {

std::string Escape(std::string_view text, bool attribute) {
  std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    char c = valid[i];
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      case '\t':
        if (attribute) {
          out += "&#9;";
          continue;
        }
        break;
      case '\n':
        if (attribute) {
          out += "&#10;";
          continue;
        }
        break;
      default:
        break;
    }
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n') continue;
    // U+FFFE and U+FFFF are noncharacters that XML 1.0 excludes from Char.
    if (valid.compare(i, 3, "\xEF\xBF\xBE") == 0 || valid.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string XmlChars(std::string_view text) {
  std::string valid = ValidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    const auto byte = static_cast<unsigned char>(valid[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') continue;
    if (valid.compare(i, 3, "\xEF\xBF\xBE") == 0 || valid.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      i += 2;
      continue;
    }
    out += valid[i];
  }
  return out;
}

std::string XmlEscape(std::string_view text) { return Escape(text, false); }

std::string XmlAttributeEscape(std::string_view text) { return Escape(text, true); }

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

std::string FormatDouble(double value) {
  std::array<char, 32> buffer;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec != std::errc()) return "0";  // cannot happen: 32 bytes hold any double
  return std::string(buffer.data(), end);
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string joined;
  for (const std::string& alias : aliases) {
    if (!joined.empty()) joined += ';';
    joined += alias;
  }
  return joined;
}

}  // namespace polgraph::exporter
