// PatternExtractor: the default extractor. Sentences from ICU, tokens with byte
// offsets, the shipped tagger and parser (extract/nlp/), mentions from the lexicon,
// titles and capitalised names, entities resolved within the document, then
// relations from two sources that complement each other: surface verb and title
// patterns (relations.h), which need no parse and survive parser errors, and
// dependency paths (syntax_events.h), which reach what a window of words cannot:
// relative clauses, long subjects, nominal events, reported speech.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/mentions.h"
#include "extract/nlp/pipeline.h"
#include "extract/resources.h"

namespace polgraph::extract {

class PatternExtractor : public Extractor {
 public:
  PatternExtractor(std::shared_ptr<const Resources> res,
                   std::shared_ptr<const nlp::NlpPipeline> nlp, ExtractOptions options)
      : res_(std::move(res)), nlp_(std::move(nlp)), options_(std::move(options)) {}
  Status Extract(const Document& doc, Extraction* out, RejectSink* rejects) const override;
  std::string Version() const override { return "parse-1"; }

  // The sentences of `text` with tokens, parse and mentions, for tools that show them.
  std::vector<SentenceAnalysis> Analyze(std::string_view text) const;

 private:
  // Reports every sentence Analyze cut for being over max_sentence_tokens, and
  // returns InvalidArgument (after reporting it) when `doc` names more than
  // max_entities distinct actors.
  Status CheckLimits(const Document& doc, const std::vector<SentenceAnalysis>& sentences,
                     RejectSink* rejects) const;

  std::shared_ptr<const Resources> res_;
  std::shared_ptr<const nlp::NlpPipeline> nlp_;
  ExtractOptions options_;
};

}  // namespace polgraph::extract
