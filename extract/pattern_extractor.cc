#include "extract/pattern_extractor.h"

#include <algorithm>

#include "extract/entities.h"
#include "extract/openie.h"
#include "extract/relations.h"
#include "extract/syntax_events.h"

namespace polgraph::extract {

std::vector<SentenceAnalysis> PatternExtractor::Analyze(std::string_view text) const {
  std::vector<SentenceAnalysis> sentences;
  for (nlp::AnalyzedSentence& parsed : nlp_->Analyze(text)) {
    SentenceAnalysis s;
    s.index = static_cast<int>(sentences.size());
    s.start = parsed.start;
    s.end = parsed.end;
    s.tokens.reserve(parsed.words.size());
    for (const nlp::AnalyzedWord& w : parsed.words) s.tokens.push_back(w.token);
    s.parse = std::move(parsed.words);
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
  ExtractSyntaxEvents(*res_, doc, sentences, out->entities, &relations);
  for (Relation& r : relations) {
    if (r.confidence < options_.min_confidence) continue;
    r.extractor = Version();
    out->relations.push_back(std::move(r));
  }
  if (options_.open_triples) {
    nlp::AnalyzedSentence parsed;
    for (SentenceAnalysis& s : sentences) {
      parsed.start = s.start;
      parsed.end = s.end;
      parsed.words.swap(s.parse);  // lent to the open IE reader, not copied
      for (OpenTriple& t : ExtractOpenTriples(parsed, doc.text)) {
        if (t.confidence < options_.min_confidence) continue;
        t.sentence = s.index;
        out->open_triples.push_back(std::move(t));
      }
      parsed.words.swap(s.parse);
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<Extractor>> LoadDefaultExtractor(const ExtractOptions& options) {
  auto res = LoadResources(options.lexicon_dir, options.user_lexicons);
  if (!res.ok()) return res.status();
  std::string models = options.models_dir.empty() ? nlp::DefaultModelsDir() : options.models_dir;
  if (models.empty()) {
    return Status::NotFound(
        "no models directory with tagger.pgm and parser.pgm found; set POLGRAPH_MODELS");
  }
  auto nlp = nlp::NlpPipeline::Load(models);
  if (!nlp.ok()) return nlp.status();
  return std::unique_ptr<Extractor>(new PatternExtractor(
      res.value(), std::shared_ptr<const nlp::NlpPipeline>(std::move(nlp).value()), options));
}

}  // namespace polgraph::extract
