#include "extract/nlp/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "extract/nlp/tokenizer.h"

namespace polgraph::extract::nlp {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Words that open a new sentence far more often than they continue a name after
// an acronym ("... the U.S. The talks ...").
bool OpensSentence(std::string_view word) {
  static const std::set<std::string_view> kOpeners = {
      "The",  "A",    "An",    "He",    "She",       "It",      "They",    "We",    "I",     "You",
      "This", "That", "These", "Those", "There",     "But",     "And",     "Or",    "So",    "Yet",
      "In",   "On",   "At",    "For",   "From",      "After",   "Before",  "When",  "While", "If",
      "As",   "His",  "Her",   "Its",   "Their",     "Our",     "My",      "Some",  "Many",  "Most",
      "Mr.",  "Mrs.", "Ms.",   "Dr.",   "Meanwhile", "However", "Earlier", "Later", "Last",  "Next",
      "Now",  "Both", "Such",  "Other", "One",       "Two",     "No",      "Not"};
  return kOpeners.count(word) > 0;
}

// Last word before `end` (ignoring closing quotes/brackets) and first word after.
std::string_view LastWord(std::string_view text, size_t start, size_t end) {
  size_t e = end;
  while (e > start && IsSpaceByte(text[e - 1])) --e;
  size_t b = e;
  while (b > start && !IsSpaceByte(text[b - 1])) --b;
  return text.substr(b, e - b);
}

std::string_view FirstWord(std::string_view text, size_t start, size_t end) {
  size_t b = start;
  while (b < end && IsSpaceByte(text[b])) ++b;
  size_t e = b;
  while (e < end && !IsSpaceByte(text[e])) ++e;
  return text.substr(b, e - b);
}

bool IsAcronymWithPeriod(std::string_view w) {
  // "U.S.", "U.K.", "E.U." — letters alternating with periods.
  if (w.size() < 4 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = std::isalpha(static_cast<unsigned char>(w[i]));
    if ((i % 2 == 0) != letter) return false;
  }
  return true;
}

bool ShouldMerge(std::string_view text, size_t prev_start, size_t boundary, size_t next_end) {
  // Never merge across a paragraph break.
  std::string_view gap = text.substr(prev_start, boundary - prev_start);
  size_t tail = gap.find_last_not_of(" \t\r\n\f");
  if (tail != std::string_view::npos && gap.substr(tail).find("\n\n") != std::string_view::npos) {
    return false;
  }
  std::string_view last = LastWord(text, prev_start, boundary);
  std::string_view next = FirstWord(text, boundary, next_end);
  if (next.empty()) return false;
  if (IsTitleAbbreviation(last)) return true;
  unsigned char first = static_cast<unsigned char>(next[0]);
  if (IsAcronymWithPeriod(last)) {
    if (std::islower(first) || std::isdigit(first)) return true;
    return !OpensSentence(next);
  }
  // A lower-case continuation after a period almost always means ICU split on an
  // abbreviation it did not know ("approx. two", "vs. the").
  if (!last.empty() && last.back() == '.' && std::islower(first) && last.size() <= 5) return true;
  return false;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> raw;
  UErrorCode status = U_ZERO_ERROR;
  static std::once_flag once;
  static std::unique_ptr<icu::BreakIterator> prototype;
  std::call_once(once, [] {
    UErrorCode st = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), st));
    if (U_FAILURE(st)) prototype.reset();
  });
  std::unique_ptr<icu::BreakIterator> it(prototype ? prototype->clone() : nullptr);
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (it && U_SUCCESS(status)) {
    it->setText(ut, status);
    int32_t prev = it->first();
    for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
      raw.push_back({static_cast<size_t>(prev), static_cast<size_t>(pos)});
      prev = pos;
    }
  } else {
    raw.push_back({0, text.size()});  // no ICU data: one sentence is still usable
  }
  utext_close(ut);

  // Merge false breaks, then trim.
  std::vector<SentenceSpan> merged;
  for (const SentenceSpan& s : raw) {
    if (!merged.empty() && ShouldMerge(text, merged.back().start, s.start, s.end)) {
      merged.back().end = s.end;
    } else {
      merged.push_back(s);
    }
  }
  std::vector<SentenceSpan> out;
  for (SentenceSpan s : merged) {
    while (s.start < s.end && IsSpaceByte(text[s.start])) ++s.start;
    while (s.end > s.start && IsSpaceByte(text[s.end - 1])) --s.end;
    if (s.end > s.start) out.push_back(s);
  }
  return out;
}

}  // namespace polgraph::extract::nlp
