#include "extract/pattern_extractor.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "extract/entities.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"
#include "extract/openie.h"
#include "extract/relations.h"
#include "extract/syntax_events.h"

namespace polgraph::extract {

std::vector<SentenceAnalysis> PatternExtractor::Analyze(std::string_view text) const {
  std::vector<SentenceAnalysis> sentences;
  std::vector<std::string_view> words;
  for (const nlp::SentenceSpan& span : nlp::SplitSentences(text)) {
    SentenceAnalysis s;
    s.index = static_cast<int>(sentences.size());
    s.start = span.start;
    s.end = span.end;
    s.tokens = nlp::Tokenize(text, span.start, span.end);
    if (s.tokens.size() > options_.max_sentence_tokens) {
      // Over the limit: no tokens, so no parse, mentions or relations (Extract
      // reports it). Checked before parsing, which is the costly step.
      s.tokens.clear();
    } else if (!s.tokens.empty()) {
      words.clear();
      for (const nlp::Token& t : s.tokens) words.push_back(t.text);
      nlp_->AnalyzeWords(words, &s.parse);
      for (size_t i = 0; i < s.parse.size(); ++i) s.parse[i].token = s.tokens[i];
    }
    FindMentions(*res_, &s);
    sentences.push_back(std::move(s));
  }
  return sentences;
}

Status PatternExtractor::Extract(const Document& doc, Extraction* out, RejectSink* rejects) const {
  std::vector<SentenceAnalysis> sentences = Analyze(doc.text);
  out->sentence_count = static_cast<int>(sentences.size());
  if (Status st = CheckLimits(doc, sentences, rejects); !st.ok()) return st;
  out->entities = ResolveEntities(*res_, doc.text, &sentences);
  DocumentRelations found;
  ExtractRelations(*res_, doc, sentences, &out->entities, &found);
  ExtractSyntaxEvents(*res_, doc, sentences, out->entities, &found);
  for (Relation& r : found.Release()) {
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

Status PatternExtractor::CheckLimits(const Document& doc,
                                     const std::vector<SentenceAnalysis>& sentences,
                                     RejectSink* rejects) const {
  const auto reject = [&](int64_t offset, std::string message, std::string_view excerpt) {
    if (rejects == nullptr) return;
    rejects->Add({doc.source, doc.line, offset, "extract", RejectCode::kTooLarge,
                  std::move(message), MakeExcerpt(excerpt)});
  };
  // Whole files have the path as their id, which the reject already names.
  const std::string which =
      doc.id == doc.source ? "" : "document \"" + MakeExcerpt(doc.id) + "\": ";
  std::set<std::string_view> names;
  for (const SentenceAnalysis& s : sentences) {
    // Analyze left a sentence over the limit without tokens; no other has none.
    if (s.tokens.empty() && s.end > s.start) {
      reject(-1,
             which + "sentence " + std::to_string(s.index) + " (bytes " + std::to_string(s.start) +
                 "-" + std::to_string(s.end) + ") has more than " +
                 std::to_string(options_.max_sentence_tokens) +
                 " tokens (--max-sentence-tokens); skipped",
             std::string_view(doc.text).substr(s.start, s.end - s.start));
    }
    for (const MentionSpan& m : s.mentions) {
      if (!m.pronoun) names.insert(m.name);
    }
  }
  if (names.size() > options_.max_entities) {
    std::string message =
        which + std::to_string(names.size()) + " distinct actor names, over the limit of " +
        std::to_string(options_.max_entities) + " per document (--max-entities); document skipped";
    reject(-1, message, doc.title.empty() ? std::string_view(doc.text) : doc.title);
    return Status::InvalidArgument(std::move(message));
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
