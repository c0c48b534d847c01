// Token: a word or punctuation mark with its byte span in the document text.
#pragma once

#include <cstddef>
#include <string_view>

namespace polgraph::extract::nlp {

struct Token {
  size_t start = 0;  // half-open byte span in the text the tokenizer was given
  size_t end = 0;
  std::string_view text;     // view into that text; valid while the text lives
  bool is_word = false;      // letters or digits (as opposed to punctuation/symbols)
  bool capitalized = false;  // first letter is upper case (any script with case)
  bool all_caps = false;     // every cased letter is upper case, at least two letters
};

}  // namespace polgraph::extract::nlp
