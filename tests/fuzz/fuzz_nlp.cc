// libFuzzer target for the sentence splitter and the tokenizer: every span must be
// inside the text, sentences in order, tokens inside their sentence.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Document::text is valid UTF-8 (the readers reject anything else).
  if (polgraph::FindInvalidUtf8(text) != std::string_view::npos) return 0;
  size_t previous_end = 0;
  for (const auto& sentence : polgraph::extract::nlp::SplitSentences(text)) {
    if (sentence.start > sentence.end || sentence.end > text.size()) __builtin_trap();
    if (sentence.start < previous_end) __builtin_trap();
    previous_end = sentence.end;
    for (const auto& token : polgraph::extract::nlp::Tokenize(text, sentence.start, sentence.end)) {
      if (token.start < sentence.start || token.end > sentence.end || token.start >= token.end) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
