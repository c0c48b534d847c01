#include "ingest/paragraphs.h"

#include <algorithm>

#include "core/text.h"

namespace polgraph::ingest {
namespace {

// Hard wraps fall between these widths (e-mail and wire archives wrap at 60-80
// columns). A block whose longest line is outside them is one paragraph per line:
// narrower is a list of short items, wider is unwrapped text.
constexpr size_t kMinWrapWidth = 40;
constexpr size_t kMaxWrapWidth = 160;

// Length in characters, not bytes, so accented text measures like ASCII.
size_t CharCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string_view TrimRight(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

bool StartsIndented(std::string_view line) {
  return !line.empty() && (line[0] == ' ' || line[0] == '\t');
}

bool StartsWithBullet(std::string_view line) {
  line = Trim(line);
  for (std::string_view bullet : {"- ", "* ", "\xE2\x80\xA2 ", "\xC2\xB7 "}) {
    if (line.substr(0, bullet.size()) == bullet) return true;
  }
  return false;
}

bool EndsLikeSentence(std::string_view line) {
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '\'') {
    return true;
  }
  for (std::string_view quote : {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
    if (line.size() >= quote.size() && line.substr(line.size() - quote.size()) == quote) {
      return true;
    }
  }
  return false;
}

size_t FirstWordChars(std::string_view line) {
  line = Trim(line);
  size_t end = line.find_first_of(" \t");
  return CharCount(line.substr(0, end));
}

void SplitBlock(const std::vector<std::string_view>& lines, std::vector<std::string>* out) {
  size_t width = 0;
  bool all_indented = true;
  for (std::string_view line : lines) {
    width = std::max(width, CharCount(Trim(line)));
    all_indented = all_indented && StartsIndented(line);
  }
  const bool wrapped = width >= kMinWrapWidth && width <= kMaxWrapWidth;
  std::string paragraph;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool starts_paragraph = i == 0;
    if (!starts_paragraph) {
      // A greedy wrapper only breaks a line when the next word does not fit, so a
      // previous line with room to spare ended its paragraph. Not every archive wraps
      // greedily, so the room must come with a sentence end or a clearly short line;
      // wrongly joining two paragraphs costs less than splitting a sentence.
      std::string_view prev_line = Trim(lines[i - 1]);
      size_t prev = CharCount(prev_line);
      bool had_room = prev + 1 + FirstWordChars(lines[i]) <= width &&
                      (EndsLikeSentence(prev_line) || prev * 2 < width);
      starts_paragraph = !wrapped || had_room || (!all_indented && StartsIndented(lines[i])) ||
                         StartsWithBullet(lines[i]);
    }
    if (starts_paragraph && !paragraph.empty()) {
      std::string collapsed = CollapseWhitespace(paragraph);
      if (!collapsed.empty()) out->push_back(std::move(collapsed));
      paragraph.clear();
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += TrimRight(lines[i]);
  }
  std::string collapsed = CollapseWhitespace(paragraph);
  if (!collapsed.empty()) out->push_back(std::move(collapsed));
}

}  // namespace

std::string NormalizeNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> out;
  std::vector<std::string_view> block;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (Trim(line).empty()) {
      if (!block.empty()) SplitBlock(block, &out);
      block.clear();
    } else {
      block.push_back(line);
    }
    pos = end + 1;
  }
  if (!block.empty()) SplitBlock(block, &out);
  return out;
}

namespace {

// Matches paragraph p at original[start...], writing its bytes into *out; returns
// the offset after it, or npos when p is not there.
size_t LayOne(std::string_view original, std::string_view p, size_t start, std::string* out) {
  size_t o = start;
  for (size_t k = 0; k < p.size(); ++k) {
    if (p[k] == ' ') {  // one space stands for a run of whitespace, line breaks included
      const size_t run = o;
      while (o < original.size()) {
        const size_t n = SpaceLength(original, o);
        if (n == 0) break;
        o += n;
      }
      if (o == run) return std::string_view::npos;
      continue;
    }
    if (o >= original.size() || original[o] != p[k]) return std::string_view::npos;
    ++o;
  }
  for (size_t i = start; i < o; ++i) {
    const unsigned char c = static_cast<unsigned char>(original[i]);
    (*out)[i] = c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v' ? ' ' : original[i];
  }
  // Multi-byte spaces (NBSP, U+2000...) became their bytes above; make them spaces.
  for (size_t i = start; i < o;) {
    const size_t n = SpaceLength(original, i);
    if (n > 1) {
      for (size_t j = i; j < i + n; ++j) (*out)[j] = ' ';
      i += n;
    } else {
      ++i;
    }
  }
  return o;
}

}  // namespace

std::string LayParagraphsInPlace(std::string_view original,
                                 const std::vector<std::string>& paragraphs) {
  std::string out(original.size(), ' ');
  for (size_t i = 0; i < original.size(); ++i) {
    if (original[i] == '\n') out[i] = '\n';
  }
  size_t cursor = 0;
  for (const std::string& p : paragraphs) {
    if (p.empty()) continue;
    const std::string_view first = std::string_view(p).substr(0, p.find(' '));
    size_t end = std::string_view::npos;
    // The first word may also occur in text that was dropped before it.
    for (size_t start = original.find(first, cursor); start != std::string_view::npos;
         start = original.find(first, start + 1)) {
      end = LayOne(original, p, start, &out);
      if (end != std::string_view::npos) break;
    }
    if (end == std::string_view::npos) return "";
    cursor = end;
  }
  return out;
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace polgraph::ingest
