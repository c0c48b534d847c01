// NLP throughput, single thread: tokens per second of the whole pipeline (sentence
// split + tokenize + tag + lemmatize + parse, NlpPipeline::Analyze) and of each
// stage alone, over the first 2,000 articles of
// ../shared/data/news/bench_news_all.jsonl read once into memory. Set
// POLGRAPH_BENCH_NEWS to another JSONL file and POLGRAPH_MODELS to other models.
// Skips with a message when the corpus or the models are missing.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/nlp/pipeline.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"
#include "ingest/reader.h"

namespace {

using polgraph::Document;
namespace nlp = polgraph::extract::nlp;

constexpr size_t kArticles = 2000;

std::string CorpusPath() {
  const char* env = std::getenv("POLGRAPH_BENCH_NEWS");
  if (env && *env) return env;
  return std::string(POLGRAPH_DEFAULT_SHARED_DIR) + "/data/news/bench_news_all.jsonl";
}

const std::vector<Document>& Corpus() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    if (!std::filesystem::exists(CorpusPath())) return out;
    polgraph::RejectList rejects;
    (void)polgraph::ingest::ReadPaths(
        {CorpusPath()}, {},
        [&](Document&& d) {
          if (out.size() < kArticles) out.push_back(std::move(d));
        },
        &rejects);
    return out;
  }();
  return docs;
}

// The models, or null with the reason in *error.
const nlp::NlpPipeline* Pipeline(std::string* error) {
  static std::string load_error;
  static const std::unique_ptr<nlp::NlpPipeline> pipeline = [] {
    std::string dir = nlp::DefaultModelsDir();
    if (dir.empty()) {
      load_error = "no models (models/tagger.pgm and models/parser.pgm); set POLGRAPH_MODELS";
      return std::unique_ptr<nlp::NlpPipeline>();
    }
    auto p = nlp::NlpPipeline::Load(dir);
    if (!p.ok()) {
      load_error = p.status().message();
      return std::unique_ptr<nlp::NlpPipeline>();
    }
    return std::move(p).value();
  }();
  *error = load_error;
  return pipeline.get();
}

// Tokenized sentences and their predicted tags, for the per-stage benchmarks.
struct Prepared {
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<std::vector<nlp::PosTag>> tags;
  size_t tokens = 0;
};

const Prepared& Prepare(const nlp::NlpPipeline& p) {
  static const Prepared prepared = [&] {
    Prepared out;
    for (const Document& d : Corpus()) {
      for (const nlp::SentenceSpan& span : nlp::SplitSentences(d.text)) {
        std::vector<std::string_view> words;
        for (const nlp::Token& t : nlp::Tokenize(d.text, span.start, span.end)) {
          words.push_back(t.text);
        }
        if (words.empty()) continue;
        out.tokens += words.size();
        out.tags.push_back(p.tagger().Tag(words));
        out.sentences.push_back(std::move(words));
      }
    }
    return out;
  }();
  return prepared;
}

bool Ready(benchmark::State& state, const nlp::NlpPipeline** p) {
  if (Corpus().empty()) {
    state.SkipWithError(("no articles in " + CorpusPath()).c_str());
    return false;
  }
  std::string error;
  *p = Pipeline(&error);
  if (*p == nullptr) {
    state.SkipWithError(error.c_str());
    return false;
  }
  return true;
}

void SetTokens(benchmark::State& state, size_t tokens) {
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["tokens"] =
      static_cast<double>(tokens) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

// The whole pipeline, raw text in, parsed sentences out.
void BM_TokenizeTagParse(benchmark::State& state) {
  const nlp::NlpPipeline* p = nullptr;
  if (!Ready(state, &p)) return;
  size_t tokens = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      for (const nlp::AnalyzedSentence& s : p->Analyze(d.text)) tokens += s.words.size();
      bytes += d.text.size();
    }
  }
  SetTokens(state, tokens);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TokenizeTagParse)->Unit(benchmark::kMillisecond);

// Sentence splitting and tokenizing alone.
void BM_Tokenize(benchmark::State& state) {
  const nlp::NlpPipeline* p = nullptr;
  if (!Ready(state, &p)) return;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      for (const nlp::SentenceSpan& span : nlp::SplitSentences(d.text)) {
        tokens += nlp::Tokenize(d.text, span.start, span.end).size();
      }
    }
  }
  SetTokens(state, tokens);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// The tagger alone, on tokenized sentences.
void BM_Tag(benchmark::State& state) {
  const nlp::NlpPipeline* p = nullptr;
  if (!Ready(state, &p)) return;
  const Prepared& prep = Prepare(*p);
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : prep.sentences) {
      benchmark::DoNotOptimize(p->tagger().Tag(words));
    }
    tokens += prep.tokens;
  }
  SetTokens(state, tokens);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

// The parser alone, on tokenized sentences with predicted tags.
void BM_Parse(benchmark::State& state) {
  const nlp::NlpPipeline* p = nullptr;
  if (!Ready(state, &p)) return;
  const Prepared& prep = Prepare(*p);
  std::vector<std::vector<nlp::ParserWord>> input;
  for (size_t i = 0; i < prep.sentences.size(); ++i) {
    std::vector<nlp::ParserWord> words;
    for (size_t j = 0; j < prep.sentences[i].size(); ++j) {
      words.push_back({prep.sentences[i][j], "", prep.tags[i][j].upos, prep.tags[i][j].xpos});
    }
    input.push_back(std::move(words));
  }
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : input) benchmark::DoNotOptimize(p->parser().Parse(words));
    tokens += prep.tokens;
  }
  SetTokens(state, tokens);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
