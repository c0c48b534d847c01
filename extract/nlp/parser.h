// Dependency parser: greedy transition-based (arc-eager or arc-hybrid) with an
// averaged perceptron, trained with a dynamic oracle on UD English EWT. Predicts a
// head and a UD relation label for every word.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/tagger.h"

namespace polgraph::extract::nlp {

// What the parser reads for one word.
struct ParserWord {
  std::string_view form;
  std::string_view lemma;  // may be empty
  std::string_view upos;
  std::string_view xpos;
};

struct Dependency {
  int head = 0;        // 0 = root, else 1-based index of the head word
  std::string deprel;  // "nsubj", "obj", "obl", "nmod:poss", ...
};

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  // Word clusters (normalised word -> Brown cluster bit string, as written by
  // tools/brown_clusters): words and their 4- and 6-bit prefixes become features,
  // and the table is saved in the model. Empty: no cluster features.
  std::vector<std::pair<std::string, std::string>> clusters;
  // Tags the parser trains on are whatever the training sentences carry; the
  // caller replaces gold tags with predicted ones (jackknifing) when it wants to.
};

// Immutable after Load/Train; Parse() may be called from many threads at once.
class Parser {
 public:
  static Result<std::unique_ptr<Parser>> Load(const std::string& path);
  static Result<std::unique_ptr<Parser>> Train(const std::vector<ConlluSentence>& train,
                                               const std::vector<ConlluSentence>& dev,
                                               const ParserTrainOptions& options,
                                               std::ostream* log);
  Status Save(const std::string& path) const;

  // One dependency per word; always a tree rooted in exactly one word.
  std::vector<Dependency> Parse(const std::vector<ParserWord>& words) const;

  ~Parser();

 private:
  struct Model;
  explicit Parser(std::unique_ptr<Model> model);
  std::unique_ptr<Model> model_;
};

}  // namespace polgraph::extract::nlp
