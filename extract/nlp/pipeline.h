// NlpPipeline: raw text to analysed sentences: sentence split, tokenize, tag,
// lemmatize, parse. What `polgraph parse` prints and what extraction builds on.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/parser.h"
#include "extract/nlp/tagger.h"
#include "extract/nlp/token.h"

namespace polgraph::extract::nlp {

// One analysed word: the token (with its byte span) and what the models say.
struct AnalyzedWord {
  Token token;
  std::string upos, xpos, lemma;
  int head = 0;  // 0 = root, else 1-based index in the sentence
  std::string deprel;
  // The name tagger's BIO label ("B-PER", "I-ORG", "B-LOC", "O"); empty when the
  // models directory has no ner.pgm.
  std::string name;
};

struct AnalyzedSentence {
  size_t start = 0, end = 0;  // byte span in the text
  std::vector<AnalyzedWord> words;
};

// Where the models are looked for when no directory is given: $POLGRAPH_MODELS,
// then models/ next to the executable's ../ and ../../ (build trees), then the
// source tree's models/ recorded at build time. Returns "" when none has both files.
std::string DefaultModelsDir();

// Immutable after Load; Analyze() may be called from many threads at once.
class NlpPipeline {
 public:
  // Loads models_dir/tagger.pgm and models_dir/parser.pgm, and the name tagger
  // models_dir/ner.pgm when that file exists (without it words get no name label).
  static Result<std::unique_ptr<NlpPipeline>> Load(const std::string& models_dir);
  std::vector<AnalyzedSentence> Analyze(std::string_view text) const;
  // Tags and parses one already-tokenized sentence (gold tokenization).
  void AnalyzeWords(const std::vector<std::string_view>& words,
                    std::vector<AnalyzedWord>* out) const;

  const Tagger& tagger() const { return *tagger_; }
  const Parser& parser() const { return *parser_; }
  bool has_names() const { return names_ != nullptr; }

 private:
  NlpPipeline(std::unique_ptr<Tagger> tagger, std::unique_ptr<Parser> parser,
              std::unique_ptr<Tagger> names)
      : tagger_(std::move(tagger)), parser_(std::move(parser)), names_(std::move(names)) {}
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Parser> parser_;
  // The name tagger is the POS tagger's model trained on BIO name labels
  // (tools/make_ner_data.py); null when not shipped.
  std::unique_ptr<Tagger> names_;
};

// CoNLL-U sentence of an analysed sentence (text comment included).
ConlluSentence ToConllu(const AnalyzedSentence& sentence, std::string_view text);

}  // namespace polgraph::extract::nlp
