// Tokenizer: splits a sentence into words and punctuation, Penn/UD style, keeping
// byte offsets into the original text.
//
// - Abbreviations keep their periods: "U.S.", "Mr.", "Sen.", "Gen.", "Jan.".
// - Clitics split off: "Putin's" -> "Putin" "'s", "didn't" -> "did" "n't" (straight
//   and curly apostrophes alike); names such as "O'Brien" stay whole.
// - Hyphenated words and numbers with separators stay whole: "far-right", "9.7",
//   "1,400"; currency signs and other punctuation are tokens of their own.
// - Any letter of any script counts as a word character (via ICU), so "Зеленский"
//   and "Erdoğan" are words.
// Thread-safe: no state.
#pragma once

#include <string_view>
#include <vector>

#include "extract/nlp/token.h"

namespace polgraph::extract::nlp {

// Tokens of text[begin, end); spans are offsets into `text` itself.
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);
inline std::vector<Token> Tokenize(std::string_view text) { return Tokenize(text, 0, text.size()); }

// True when `word` (with its final period) is an abbreviation that never ends a
// sentence by itself: titles such as "Mr." "Sen." "Gen.", "No.", month names...
bool IsTitleAbbreviation(std::string_view word);

}  // namespace polgraph::extract::nlp
