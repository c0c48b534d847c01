// Open IE throughput, single thread: tokens per second of ExtractOpenTriples alone,
// on sentences parsed once beforehand (NlpPipeline::Analyze) from the first 500
// articles of ../shared/data/news/bench_news_all.jsonl, and of parse + open IE
// together for comparison. POLGRAPH_BENCH_NEWS and POLGRAPH_MODELS override the
// corpus and the models; skips with a message when either is missing.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extract/nlp/pipeline.h"
#include "extract/openie.h"
#include "ingest/reader.h"

namespace {

using polgraph::Document;
namespace nlp = polgraph::extract::nlp;

constexpr size_t kArticles = 500;

std::string CorpusPath() {
  const char* env = std::getenv("POLGRAPH_BENCH_NEWS");
  if (env && *env) return env;
  return std::string(POLGRAPH_DEFAULT_SHARED_DIR) + "/data/news/bench_news_all.jsonl";
}

struct Parsed {
  std::string error;  // why the benchmark cannot run, or ""
  std::unique_ptr<nlp::NlpPipeline> pipeline;
  std::vector<Document> docs;
  std::vector<std::vector<nlp::AnalyzedSentence>> sentences;  // per document
  size_t tokens = 0;
};

const Parsed& Corpus() {
  static const Parsed parsed = [] {
    Parsed out;
    if (!std::filesystem::exists(CorpusPath())) {
      out.error = "no articles in " + CorpusPath();
      return out;
    }
    const std::string dir = nlp::DefaultModelsDir();
    auto loaded = dir.empty() ? polgraph::Result<std::unique_ptr<nlp::NlpPipeline>>(
                                    polgraph::Status::NotFound("no models; set POLGRAPH_MODELS"))
                              : nlp::NlpPipeline::Load(dir);
    if (!loaded.ok()) {
      out.error = loaded.status().message();
      return out;
    }
    out.pipeline = std::move(loaded).value();
    polgraph::RejectList rejects;
    (void)polgraph::ingest::ReadPaths(
        {CorpusPath()}, {},
        [&](Document&& d) {
          if (out.docs.size() < kArticles) out.docs.push_back(std::move(d));
        },
        &rejects);
    for (const Document& d : out.docs) {
      out.sentences.push_back(out.pipeline->Analyze(d.text));
      for (const auto& s : out.sentences.back()) out.tokens += s.words.size();
    }
    return out;
  }();
  return parsed;
}

void SetTokens(benchmark::State& state, size_t tokens, size_t triples) {
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["triples/pass"] =
      static_cast<double>(triples) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

// Open IE alone, on parsed sentences.
void BM_OpenTriples(benchmark::State& state) {
  const Parsed& c = Corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  size_t tokens = 0, triples = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.docs.size(); ++i) {
      for (const auto& s : c.sentences[i]) {
        triples += polgraph::extract::ExtractOpenTriples(s, c.docs[i].text).size();
      }
    }
    tokens += c.tokens;
  }
  SetTokens(state, tokens, triples);
}
BENCHMARK(BM_OpenTriples)->Unit(benchmark::kMillisecond);

// Raw text to open triples: what `extract --open` adds to a run.
void BM_ParseAndOpenTriples(benchmark::State& state) {
  const Parsed& c = Corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  size_t tokens = 0, triples = 0;
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      for (const auto& s : c.pipeline->Analyze(d.text)) {
        tokens += s.words.size();
        triples += polgraph::extract::ExtractOpenTriples(s, d.text).size();
      }
    }
  }
  SetTokens(state, tokens, triples);
}
BENCHMARK(BM_ParseAndOpenTriples)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
