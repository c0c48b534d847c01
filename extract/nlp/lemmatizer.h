// Lemmatizer: WordNet's morphological rules and exception lists (Debian's
// wordnet-base data, compiled into the binary at build time) applied by UPOS:
// met -> meet, imposed -> impose, took -> take, sanctions -> sanction.
#pragma once

#include <string>
#include <string_view>

namespace polgraph::extract::nlp {

// The lemma of `word` with universal part of speech `upos`: lower-cased for
// common words, the form itself for proper nouns, numbers and punctuation.
// Thread-safe.
std::string Lemmatize(std::string_view word, std::string_view upos);

}  // namespace polgraph::extract::nlp
