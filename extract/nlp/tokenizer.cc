#include "extract/nlp/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>

namespace polgraph::extract::nlp {
namespace {

// Abbreviations whose period belongs to the word. Kept short on purpose: an
// unknown "Xyz." is split so a real sentence end is never swallowed.
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "Mr",   "Mrs",  "Ms",     "Dr",   "Prof", "Sen", "Rep", "Gov", "Gen", "Lt",   "Col",
    "Maj",  "Capt", "Sgt",    "Adm",  "Cmdr", "Rev", "St",  "Jr",  "Sr",  "Hon",  "Pres",
    "Supt", "Insp", "Amb",    "No",   "Nos",  "vs",  "etc", "Inc", "Ltd", "Co",   "Corp",
    "Bros", "Jan",  "Feb",    "Mar",  "Apr",  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov",  "Dec",  "approx", "Dept", "Univ", "Mt",  "Ft",  "e.g"};

// Titles and other abbreviations that are followed by a name, so a period after
// them is never a sentence end.
constexpr std::array<std::string_view, 30> kTitleAbbreviations = {
    "Mr.",   "Mrs.",  "Ms.",   "Dr.",  "Prof.", "Sen.",  "Rep.", "Gov.", "Gen.",  "Lt.",
    "Col.",  "Maj.",  "Capt.", "Sgt.", "Adm.",  "Cmdr.", "Rev.", "St.",  "Hon.",  "Pres.",
    "Supt.", "Insp.", "Amb.",  "No.",  "Nos.",  "vs.",   "Mt.",  "Ft.",  "Dept.", "Univ."};

struct CodePoint {
  UChar32 cp = 0;
  size_t len = 0;
};

CodePoint Decode(std::string_view t, size_t i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), pos, static_cast<int32_t>(t.size()), c);
  if (c < 0) return {0xFFFD, static_cast<size_t>(pos) - i};
  return {c, static_cast<size_t>(pos) - i};
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC) ||
         u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsDigit(UChar32 c) { return c >= '0' && c <= '9'; }

// Repeated ASCII marks that form one token: "--", "***", "====", "$$$".
bool IsRunMark(UChar32 c) {
  return c == '-' || c == '=' || c == '*' || c == '_' || c == '~' || c == '#' || c == '$' ||
         c == '+' || c == '/' || c == '>' || c == '<' || c == '^' || c == '|';
}

// Length of the emoticon at the start of `t`, or 0. Only followed by a
// non-word character, so "x:Data" is not split oddly.
size_t EmoticonLength(std::string_view t) {
  constexpr std::array<std::string_view, 12> kEmoticons = {":-)", ":-(", ";-)", ":-D", ":-P", ":)",
                                                           ":(",  ";)",  ":D",  ":P",  ":/",  "<3"};
  for (std::string_view e : kEmoticons) {
    if (t.substr(0, e.size()) != e) continue;
    if (t.size() == e.size() || !IsWordChar(Decode(t, e.size()).cp)) return e.size();
  }
  return 0;
}

// Where a fused word splits ("cannot" -> "can" "not"), or 0.
size_t FusedSplit(std::string_view w) {
  if (w.size() != 5 && w.size() != 6) return 0;
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "cannot") return 3;
  if (lower == "gonna" || lower == "gotta" || lower == "wanna") return 3;
  return 0;
}

bool IsAbbreviation(std::string_view word) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Fills the case flags of a word token.
void SetCase(std::string_view text, Token* tok) {
  int letters = 0, upper = 0;
  bool first = true;
  for (size_t i = tok->start; i < tok->end;) {
    CodePoint cp = Decode(text, i);
    if (u_isalpha(cp.cp)) {
      ++letters;
      bool is_upper = u_isupper(cp.cp) || u_istitle(cp.cp);
      if (is_upper) ++upper;
      if (first) tok->capitalized = is_upper;
      first = false;
    }
    i += cp.len;
  }
  tok->all_caps = letters >= 2 && upper == letters;
}

}  // namespace

bool IsTitleAbbreviation(std::string_view word) {
  return std::find(kTitleAbbreviations.begin(), kTitleAbbreviations.end(), word) !=
         kTitleAbbreviations.end();
}

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  end = std::min(end, text.size());
  size_t i = begin;
  const auto push = [&](size_t s, size_t e, bool word) {
    Token tok;
    tok.start = s;
    tok.end = e;
    tok.text = text.substr(s, e - s);
    tok.is_word = word;
    if (word) SetCase(text, &tok);
    out.push_back(tok);
  };
  while (i < end) {
    CodePoint cp = Decode(text, i);
    if (IsSpace(cp.cp) || cp.cp < 0x20) {
      i += cp.len;
      continue;
    }
    if (!IsWordChar(cp.cp)) {
      // Clitic "'s" / "'re" etc. after a word: split off as its own token.
      if (IsApostrophe(cp.cp) && !out.empty() && out.back().is_word && out.back().end == i &&
          i + cp.len < end) {
        size_t j = i + cp.len;
        size_t k = j;
        while (k < end && k - j < 3 && std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
        std::string word = std::string(text.substr(j, k - j));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool boundary = k >= end || !IsWordChar(Decode(text, k).cp);
        if (boundary && (word == "s" || word == "re" || word == "ve" || word == "ll" ||
                         word == "d" || word == "m")) {
          push(i, k, true);
          i = k;
          continue;
        }
      }
      // Emoticons are one token in UD English (":)", ":-(").
      if (size_t len = EmoticonLength(text.substr(i, end - i)); len > 0) {
        push(i, i + len, false);
        i += len;
        continue;
      }
      // Runs of sentence-final marks ("...", "?!") and of one repeated ASCII mark
      // ("--", "***", "$$$") are single tokens, as in UD English.
      size_t run = i + cp.len;
      if (cp.cp == '.' || cp.cp == '!' || cp.cp == '?') {
        while (run < end && (text[run] == '.' || text[run] == '!' || text[run] == '?')) ++run;
      } else if (IsRunMark(cp.cp)) {
        while (run < end && text[run] == static_cast<char>(cp.cp)) ++run;
      }
      push(i, run, false);
      i = run;
      continue;
    }
    // A word: letters/digits joined by internal hyphens, apostrophes (O'Brien),
    // periods (U.S., 9.7) and digit separators (1,400).
    size_t s = i;
    size_t e = i + cp.len;
    while (e < end) {
      CodePoint c = Decode(text, e);
      if (IsWordChar(c.cp)) {
        e += c.len;
        continue;
      }
      if (e + c.len >= end) break;
      CodePoint next = Decode(text, e + c.len);
      if (!IsWordChar(next.cp)) break;
      CodePoint prev = Decode(text, e - 1);
      if (IsHyphen(c.cp)) {
        e += c.len + next.len;
        continue;
      }
      if ((c.cp == '.' || c.cp == ',') && IsDigit(prev.cp) && IsDigit(next.cp)) {
        e += c.len + next.len;
        continue;
      }
      // E-mail addresses and host or file names: "gmail.com", "report.pdf",
      // "kim@example.org" (a period before a lower-case letter never ends a
      // sentence in edited text).
      if ((c.cp == '@' || (c.cp == '.' && next.cp >= 'a' && next.cp <= 'z' && e - s > 1)) &&
          prev.cp < 0x80 && next.cp < 0x80) {
        e += c.len + next.len;
        continue;
      }
      if (IsApostrophe(c.cp) && u_isupper(next.cp)) {  // O'Brien, D'Alema
        e += c.len + next.len;
        continue;
      }
      // Single letters joined by periods: U.S, U.N, e.g (final period added below).
      if (c.cp == '.' && e - s == 1 && u_isalpha(prev.cp) && u_isalpha(next.cp)) {
        size_t after = e + c.len + next.len;
        if (after < end && text[after] == '.') {
          e = after;
          // Continue the acronym: letter '.' pairs.
          while (e + 2 < end && text[e] == '.' &&
                 std::isalpha(static_cast<unsigned char>(text[e + 1])) && text[e + 2] == '.') {
            e += 2;
          }
          break;
        }
      }
      break;
    }
    // "didn't" -> "did" "n't".
    if (e - s >= 3 && e < end && IsApostrophe(Decode(text, e).cp) &&
        (text[e - 1] == 'n' || text[e - 1] == 'N')) {
      size_t ap_len = Decode(text, e).len;
      if (e + ap_len < end && (text[e + ap_len] == 't' || text[e + ap_len] == 'T') &&
          (e + ap_len + 1 >= end || !IsWordChar(Decode(text, e + ap_len + 1).cp))) {
        push(s, e - 1, true);
        push(e - 1, e + ap_len + 1, true);
        i = e + ap_len + 1;
        continue;
      }
    }
    // "cannot", "gonna", "gotta", "wanna" are two words in UD English.
    if (size_t split = FusedSplit(text.substr(s, e - s)); split > 0) {
      push(s, s + split, true);
      push(s + split, e, true);
      i = e;
      continue;
    }
    // Keep the period of an acronym or a known abbreviation.
    if (e < end && text[e] == '.') {
      std::string_view word = text.substr(s, e - s);
      bool acronym = word.find('.') != std::string_view::npos && word.size() <= 8 &&
                     std::none_of(word.begin(), word.end(), [](char ch) {
                       return std::isdigit(static_cast<unsigned char>(ch));
                     });
      if (acronym || IsAbbreviation(word)) ++e;
    }
    push(s, e, true);
    i = e;
  }
  return out;
}

}  // namespace polgraph::extract::nlp
