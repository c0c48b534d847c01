#include "extract/pattern_extractor.h"

#include <algorithm>

#include "extract/entities.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"
#include "extract/relations.h"

namespace polgraph::extract {

std::vector<SentenceAnalysis> PatternExtractor::Analyze(std::string_view text) const {
  std::vector<SentenceAnalysis> sentences;
  for (const nlp::SentenceSpan& span : nlp::SplitSentences(text)) {
    SentenceAnalysis s;
    s.index = static_cast<int>(sentences.size());
    s.start = span.start;
    s.end = span.end;
    s.tokens = nlp::Tokenize(text, span.start, span.end);
    FindMentions(*res_, &s);
    sentences.push_back(std::move(s));
  }
  return sentences;
}

Status PatternExtractor::Extract(const Document& doc, Extraction* out,
                                 RejectSink* /*rejects*/) const {
  std::vector<SentenceAnalysis> sentences = Analyze(doc.text);
  out->sentence_count = static_cast<int>(sentences.size());
  out->entities = ResolveEntities(*res_, doc.text, &sentences);
  std::vector<Relation> relations;
  ExtractRelations(*res_, doc, sentences, &out->entities, &relations);
  for (Relation& r : relations) {
    if (r.confidence < options_.min_confidence) continue;
    r.extractor = Version();
    out->relations.push_back(std::move(r));
  }
  return Status::Ok();
}

Result<std::unique_ptr<Extractor>> LoadDefaultExtractor(const ExtractOptions& options) {
  auto res = LoadResources(options.lexicon_dir);
  if (!res.ok()) return res.status();
  return std::unique_ptr<Extractor>(new PatternExtractor(res.value(), options));
}

}  // namespace polgraph::extract
