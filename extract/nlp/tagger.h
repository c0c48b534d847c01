// Part-of-speech tagger: an averaged perceptron over rich word-shape and context
// features, predicting UPOS and XPOS (Penn) for each word of a sentence.
// Trained on UD English EWT; see models/README.md.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "extract/nlp/conllu.h"

namespace polgraph::extract::nlp {

struct PosTag {
  std::string upos;  // "NOUN", "PROPN", "VERB", ...
  std::string xpos;  // "NN", "NNP", "VBD", ...
};

struct TaggerTrainOptions {
  int epochs = 10;    // passes over the training data
  uint64_t seed = 1;  // shuffling; the same seed gives the same model
  // Word clusters (normalised word -> Brown cluster bit string, as written by
  // tools/brown_clusters): the clusters of a word and its neighbours become
  // features, and the table is saved in the model. Empty: no cluster features.
  std::vector<std::pair<std::string, std::string>> clusters;
  // Gazetteer (normalised word -> its classes, e.g. "washington" -> "FIRST+LOC",
  // from tools/make_gazetteer.py): the classes of a word and its neighbours
  // become features, and the table is saved in the model. For the name tagger.
  std::vector<std::pair<std::string, std::string>> gazetteer;
};

// Immutable after Load/Train; Tag() may be called from many threads at once.
class Tagger {
 public:
  // Loads a model written by Save(). Errors name the file (see model_file.h).
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path);
  // Trains on `train` (gold UPOS/XPOS), reporting progress and dev accuracy to
  // `log` (may be null) after each epoch.
  static Result<std::unique_ptr<Tagger>> Train(const std::vector<ConlluSentence>& train,
                                               const std::vector<ConlluSentence>& dev,
                                               const TaggerTrainOptions& options,
                                               std::ostream* log);
  Status Save(const std::string& path) const;

  // Tags of `words`, one per word, in order.
  std::vector<PosTag> Tag(const std::vector<std::string_view>& words) const;

  ~Tagger();

 private:
  struct Model;
  explicit Tagger(std::unique_ptr<Model> model);
  std::unique_ptr<Model> model_;
};

}  // namespace polgraph::extract::nlp
