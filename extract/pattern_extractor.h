// PatternExtractor: the first extractor, built on lexicons and surface patterns
// (no parser yet). Sentences from ICU, tokens with byte offsets, mentions from the
// lexicon, titles and capitalised names, entities resolved within the document,
// relations from verb patterns and title constructions.
#pragma once

#include <memory>
#include <vector>

#include "extract/extractor.h"
#include "extract/mentions.h"
#include "extract/resources.h"

namespace polgraph::extract {

class PatternExtractor : public Extractor {
 public:
  PatternExtractor(std::shared_ptr<const Resources> res, ExtractOptions options)
      : res_(std::move(res)), options_(std::move(options)) {}
  Status Extract(const Document& doc, Extraction* out, RejectSink* rejects) const override;
  std::string Version() const override { return "pattern-1"; }

  // The sentences of `text` with tokens and mentions, for tools that show them.
  std::vector<SentenceAnalysis> Analyze(std::string_view text) const;

 private:
  // Reports every sentence Analyze cut for being over max_sentence_tokens, and
  // returns InvalidArgument (after reporting it) when `doc` names more than
  // max_entities distinct actors.
  Status CheckLimits(const Document& doc, const std::vector<SentenceAnalysis>& sentences,
                     RejectSink* rejects) const;

  std::shared_ptr<const Resources> res_;
  ExtractOptions options_;
};

}  // namespace polgraph::extract
