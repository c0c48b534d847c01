#include "ingest/boilerplate.h"

#include <algorithm>
#include <cassert>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "core/tsv.h"
#include "polgraph_ingest_data.h"

namespace polgraph::ingest {
namespace {

// Lines this long or longer are article text, never furniture from the list. Menu
// items, buttons and credits are a few words; real sentences rarely are.
constexpr int kMaxFurnitureWords = 8;
// Bylines only count near the top: further down "By ..." may start a real paragraph.
constexpr size_t kBylineParagraphs = 3;
// A footer starts in the last fifth of the paragraphs, or the last few on short pages
// (copyright line plus three links).
constexpr size_t kMinFooterTail = 4;
// Shorter repeats are kept (see Apply).
constexpr int kMinRepeatWords = 3;

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Counts a UTF-8 sequence as a letter unless it is Latin-1 punctuation (U+0080..U+00BF,
// lead byte 0xC2) or in the U+2000..U+2FFF block of punctuation, symbols and arrows
// (lead byte 0xE2): "©", "•" and "—" are not words.
bool TokenHasLetter(std::string_view token) {
  for (unsigned char c : token) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (c >= 0xC3 && c != 0xE2) return true;
  }
  return false;
}

std::vector<std::string_view> SplitTokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view s : suffixes) {
    if (text.size() >= s.size() && text.substr(text.size() - s.size()) == s) return true;
  }
  return false;
}

// Ends like a sentence: . ! ? (also the CJK forms) or a closing quote, possibly
// followed by closing brackets ("...said.)").
bool EndsSentence(std::string_view text) {
  text = Trim(text);
  while (!text.empty() && (text.back() == ')' || text.back() == ']')) {
    text = Trim(text.substr(0, text.size() - 1));
  }
  if (text.empty()) return false;
  char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'') return true;
  return EndsWithAny(text, {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE3\x80\x82",
                            "\xEF\xBC\x81", "\xEF\xBC\x9F"});
}

// Strips list bullets and (when `trailing`) trailing decoration so "Read more »" and
// "• Share" compare equal to their phrases.
std::string_view StripDecoration(std::string_view text, bool trailing = true) {
  static constexpr std::string_view kDecor[] = {" ",
                                                "|",
                                                ":",
                                                ".",
                                                "!",
                                                ">",
                                                "<",
                                                "*",
                                                "-",
                                                "\xE2\x80\xA2" /* • */,
                                                "\xC2\xB7" /* · */,
                                                "\xC2\xBB" /* » */,
                                                "\xE2\x80\xBA" /* › */,
                                                "\xE2\x80\xA6" /* … */,
                                                "\xE2\x80\x93" /* – */,
                                                "\xE2\x80\x94" /* — */};
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view d : kDecor) {
      if (text.size() >= d.size() && text.substr(0, d.size()) == d) {
        text.remove_prefix(d.size());
        changed = true;
      }
      if (trailing && text.size() >= d.size() && text.substr(text.size() - d.size()) == d) {
        text.remove_suffix(d.size());
        changed = true;
      }
    }
  }
  return text;
}

// True when `phrase` occurs in `line` at `pos` with word boundaries on the sides where
// the phrase itself starts or ends with a letter or digit.
bool AtWordBoundary(std::string_view line, size_t pos, std::string_view phrase) {
  const auto uc = [](char c) { return static_cast<unsigned char>(c); };
  if (IsAsciiAlnum(uc(phrase.front())) && pos > 0 && IsAsciiAlnum(uc(line[pos - 1]))) {
    return false;
  }
  size_t end = pos + phrase.size();
  if (IsAsciiAlnum(uc(phrase.back())) && end < line.size() && IsAsciiAlnum(uc(line[end]))) {
    return false;
  }
  return true;
}

// "Home | World | Business | Sport": four or more short capitalised items separated by
// a list separator.
bool IsNavigationList(std::string_view text) {
  static constexpr std::string_view kSeparators[] = {"|", "\xE2\x80\xA2", "\xC2\xB7", "\xC2\xBB",
                                                     "\xE2\x80\xBA"};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string_view> items;
    size_t start = 0;
    while (true) {
      size_t pos = text.find(sep, start);
      items.push_back(Trim(text.substr(start, pos == std::string_view::npos ? pos : pos - start)));
      if (pos == std::string_view::npos) break;
      start = pos + sep.size();
    }
    if (items.size() < 4) continue;
    bool all_short = std::all_of(items.begin(), items.end(), [](std::string_view item) {
      if (item.empty() || CountWords(item) > 4) return false;
      unsigned char c = static_cast<unsigned char>(item.front());
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    });
    if (all_short) return true;
  }
  return false;
}

// "NEWS SPORT WEATHER TRAVEL": three or more upper-case words and nothing that
// belongs in a sentence (digits, commas, lower case, function words). The function
// words keep all-caps headlines such as "TALKS RESUME AFTER THE ELECTION".
bool IsAllCapsMenu(std::string_view text) {
  static const std::unordered_set<std::string_view> kFunctionWords = {
      "A",  "AN",   "THE",  "OF",   "IN",    "ON",   "AT", "TO",  "FOR",  "AS",
      "BY", "WITH", "FROM", "OVER", "AFTER", "INTO", "IS", "ARE", "WILL", "SAYS"};
  std::vector<std::string_view> tokens = SplitTokens(text);
  if (tokens.size() < 3 || tokens.size() > 15) return false;
  for (unsigned char c : text) {
    bool ok = (c >= 'A' && c <= 'Z') || c == ' ' || c == '&' || c == '-' || c == '|' || c == '/' ||
              c >= 0x80;
    if (!ok) return false;
  }
  return std::none_of(tokens.begin(), tokens.end(),
                      [](std::string_view t) { return kFunctionWords.count(t) > 0; });
}

bool IsDateWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "jan",      "january",   "feb",       "february",  "mar",    "march",   "apr",
      "april",    "may",       "jun",       "june",      "jul",    "july",    "aug",
      "august",   "sep",       "sept",      "september", "oct",    "october", "nov",
      "november", "dec",       "december",  "mon",       "monday", "tue",     "tues",
      "tuesday",  "wed",       "wednesday", "thu",       "thur",   "thurs",   "thursday",
      "fri",      "friday",    "sat",       "saturday",  "sun",    "sunday",  "am",
      "pm",       "a.m",       "p.m",       "gmt",       "utc",    "bst",     "cet",
      "cest",     "est",       "edt",       "cst",       "cdt",    "mst",     "mdt",
      "pst",      "pdt",       "et",        "pt",        "ist",    "jst",     "aest",
      "updated",  "published", "posted",    "modified",  "last",   "on",      "at",
      "ago",      "hour",      "hours",     "hr",        "hrs",    "minute",  "minutes",
      "min",      "mins",      "day",       "days"};
  return kWords.count(w) > 0;
}

// "Published 3 March 2020, 10:32 GMT" or "2020-03-03": a paragraph made only of date
// and time words with at least one number.
bool IsDateStamp(std::string_view text) {
  std::vector<std::string_view> tokens = SplitTokens(text);
  if (tokens.empty() || tokens.size() > 12) return false;
  bool has_number = false;
  for (std::string_view token : tokens) {
    std::string word = AsciiLower(token);
    while (!word.empty() && std::string_view(",.;|()[]-").find(word.back()) != std::string::npos) {
      word.pop_back();
    }
    while (!word.empty() && std::string_view(",;|()[]-").find(word.front()) != std::string::npos) {
      word.erase(0, 1);
    }
    if (word.empty()) continue;
    if (word[0] >= '0' && word[0] <= '9') {
      // 10:32, 2020-03-03, 03/03/2020, 3rd, 10am
      bool ok = std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ':' || c == '/' || c == '-' || c == '.';
      });
      ok = ok || EndsWithAny(word, {"st", "nd", "rd", "th", "am", "pm"});
      if (!ok) return false;
      has_number = true;
      continue;
    }
    if (!IsDateWord(word)) return false;
  }
  return has_number;
}

// "By Jane Doe" or "By Jane Doe and John Roe, Reuters" without sentence punctuation.
bool IsByline(std::string_view text) {
  if (text.size() < 4 || !(text.substr(0, 3) == "By " || text.substr(0, 3) == "BY ")) {
    return false;
  }
  unsigned char next = static_cast<unsigned char>(text[3]);
  if (!((next >= 'A' && next <= 'Z') || next >= 0x80)) return false;
  return CountWords(text) <= kMaxFurnitureWords && !EndsSentence(text);
}

}  // namespace

int CountWords(std::string_view text) {
  int n = 0;
  for (std::string_view token : SplitTokens(text)) n += TokenHasLetter(token) ? 1 : 0;
  return n;
}

bool IsRealSentence(std::string_view paragraph) {
  return CountWords(paragraph) >= kMaxFurnitureWords && EndsSentence(paragraph);
}

Result<BoilerplateFilter> BoilerplateFilter::Parse(std::string_view tsv) {
  BoilerplateFilter filter;
  auto rows = ParseTsv(tsv, "boilerplate list", 1);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& cols : rows.value()) {
    const size_t line_no = cols.line;
    FurniturePhrase phrase;
    phrase.phrase = AsciiLower(CollapseWhitespace(cols[0]));
    std::string mode = cols.size() > 1 ? std::string(Trim(cols[1])) : "exact";
    if (mode == "exact") {
      phrase.match = PhraseMatch::kExact;
      phrase.phrase = std::string(StripDecoration(phrase.phrase));
    } else if (mode == "prefix") {
      phrase.match = PhraseMatch::kPrefix;
    } else if (mode == "contains") {
      phrase.match = PhraseMatch::kContains;
    } else {
      return Status::InvalidArgument("boilerplate list line " + std::to_string(line_no) +
                                     ": mode is \"" + mode +
                                     "\", expected exact, prefix or contains");
    }
    if (cols.size() > 2) {
      std::string_view flag = Trim(cols[2]);
      if (flag != "footer" && !flag.empty()) {
        return Status::InvalidArgument("boilerplate list line " + std::to_string(line_no) +
                                       ": flag is \"" + std::string(flag) +
                                       "\", expected footer or nothing");
      }
      phrase.footer = flag == "footer";
    }
    if (phrase.phrase.empty()) {
      return Status::InvalidArgument("boilerplate list line " + std::to_string(line_no) +
                                     ": empty phrase");
    }
    filter.phrases_.push_back(std::move(phrase));
  }
  return filter;
}

const BoilerplateFilter& BoilerplateFilter::Default() {
  static const BoilerplateFilter* filter = [] {
    Result<BoilerplateFilter> parsed = Parse(data::EmbeddedFile("lexicon/boilerplate.tsv"));
    // The list is compiled in and covered by tests; a broken list is a build bug.
    assert(parsed.ok());
    return new BoilerplateFilter(parsed.ok() ? std::move(parsed).value() : BoilerplateFilter());
  }();
  return *filter;
}

bool BoilerplateFilter::IsListedPhrase(std::string_view paragraph) const {
  return MatchPhrase(paragraph) >= 0;
}

int BoilerplateFilter::MatchPhrase(std::string_view paragraph) const {
  if (CountWords(paragraph) >= kMaxFurnitureWords) return -1;
  std::string line = AsciiLower(CollapseWhitespace(paragraph));
  std::string_view bare = StripDecoration(line);
  std::string_view lead = StripDecoration(line, /*trailing=*/false);
  for (size_t i = 0; i < phrases_.size(); ++i) {
    const FurniturePhrase& p = phrases_[i];
    switch (p.match) {
      case PhraseMatch::kExact:
        if (bare == p.phrase) return static_cast<int>(i);
        break;
      case PhraseMatch::kPrefix:
        if (lead.substr(0, p.phrase.size()) == p.phrase && AtWordBoundary(lead, 0, p.phrase)) {
          return static_cast<int>(i);
        }
        break;
      case PhraseMatch::kContains:
        for (size_t pos = line.find(p.phrase); pos != std::string::npos;
             pos = line.find(p.phrase, pos + 1)) {
          if (AtWordBoundary(line, pos, p.phrase)) return static_cast<int>(i);
        }
        break;
    }
  }
  return -1;
}

bool BoilerplateFilter::IsFurniture(std::string_view paragraph) const {
  return IsFurnitureIn(paragraph, /*all_caps_document=*/false);
}

bool BoilerplateFilter::IsFurnitureIn(std::string_view paragraph, bool all_caps_document) const {
  if (IsRealSentence(paragraph)) return false;
  return MatchPhrase(paragraph) >= 0 || IsNavigationList(paragraph) ||
         (!all_caps_document && IsAllCapsMenu(paragraph)) || IsDateStamp(paragraph);
}

std::vector<std::string> BoilerplateFilter::Apply(std::vector<std::string> paragraphs) const {
  // Trailing footer: a copyright or "Terms of use" line after the last real sentence,
  // in the last fifth of the page, takes everything after it along (link lists,
  // addresses, legal lines that match no phrase on their own).
  size_t n = paragraphs.size();
  size_t tail = std::max<size_t>(kMinFooterTail, (n + 4) / 5);
  size_t first_tail = n > tail ? n - tail : 0;
  size_t after_last_sentence = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsRealSentence(paragraphs[i])) after_last_sentence = i + 1;
  }
  for (size_t i = std::max(first_tail, after_last_sentence); i < n; ++i) {
    int match = MatchPhrase(paragraphs[i]);
    if (match >= 0 && phrases_[match].footer) {
      paragraphs.resize(i);
      break;
    }
  }

  // In archives written in capitals (telex-era wires) an all-caps line is text, such
  // as the signatories of a communique, not a menu.
  size_t upper = 0;
  size_t lower = 0;
  for (const std::string& p : paragraphs) {
    for (char c : p) {
      upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
      lower += (c >= 'a' && c <= 'z') ? 1 : 0;
    }
  }
  const bool all_caps_document = upper > lower;

  std::vector<std::string> out;
  out.reserve(paragraphs.size());
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    std::string& p = paragraphs[i];
    if (p.empty()) continue;
    // Scraped pages repeat captions and pull quotes; the first copy carries it all.
    // Repeated one- and two-word lines ("Yes.", "---") are left alone: interviews
    // and tables repeat them legitimately.
    if (CountWords(p) >= kMinRepeatWords && !seen.insert(p).second) continue;
    if (IsFurnitureIn(p, all_caps_document)) continue;
    if (i < kBylineParagraphs && IsByline(p)) continue;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> RemoveBoilerplate(std::vector<std::string> paragraphs) {
  return BoilerplateFilter::Default().Apply(std::move(paragraphs));
}

}  // namespace polgraph::ingest
