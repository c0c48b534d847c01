// Sentence splitting with ICU's break iterator, corrected for news abbreviations.
//
// ICU breaks after "Mr." and often after "U.S." when a capitalised word follows;
// news is full of both ("U.S. President", "Sen. Warren"). We merge such breaks back:
// after a title abbreviation always, after an acronym unless the next word is one
// that typically opens a sentence ("The", "He", "But"...). Paragraph breaks ("\n\n")
// always end a sentence.
#pragma once

#include <string_view>
#include <vector>

namespace polgraph::extract::nlp {

struct SentenceSpan {
  size_t start = 0;  // half-open byte span, trimmed of surrounding whitespace
  size_t end = 0;
};

// Sentences of `text` in order. Thread-safe (a break iterator per call is cloned
// from a shared prototype).
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace polgraph::extract::nlp
