// extract: text -> sentences -> tokens -> mentions -> entities -> relations.
//
// An Extractor turns one Document into the actors it mentions and the relations
// between them. Implementations are immutable once loaded and safe to call from
// many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/reject.h"
#include "core/status.h"

namespace polgraph::extract {

struct ExtractOptions {
  double min_confidence = 0.0;  // drop relations scoring below this
  std::string lexicon_dir;      // read lexicon TSVs from here instead of the built-in copies
  // Users' own actor dictionaries, added to the built-in ones (format in
  // schemas/user_lexicon.md).
  std::vector<std::string> user_lexicons;
  std::string models_dir;     // tagger.pgm, parser.pgm, ner.pgm; "" = nlp::DefaultModelsDir()
  bool open_triples = false;  // also fill Extraction::open_triples (extract/openie.h)
  // Limits that keep one hostile document from taking the machine: relation search
  // grows with the square of a sentence's length, entity resolution with the square
  // of the number of names. A longer sentence is skipped (kTooLarge reject, the rest
  // of the document is used); a document naming more distinct actors is rejected
  // whole (kTooLarge reject, and Extract returns InvalidArgument).
  size_t max_sentence_tokens = 1000;  // news sentences have ~25; lists and tables ~300
  size_t max_entities = 5000;         // distinct names per document; articles have ~30
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Fills *out with the entities and relations found in `doc`. Unusable spans go to
  // `rejects`; an error is returned only when `doc` as a whole cannot be processed.
  virtual Status Extract(const Document& doc, Extraction* out, RejectSink* rejects) const = 0;
  // Name and version recorded with every relation, e.g. "pattern-1".
  virtual std::string Version() const = 0;
};

// The default extractor of this build. Fails when a lexicon file cannot be parsed.
Result<std::unique_ptr<Extractor>> LoadDefaultExtractor(const ExtractOptions& options);

}  // namespace polgraph::extract
