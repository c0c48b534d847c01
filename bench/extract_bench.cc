// Extraction throughput: documents, tokens and bytes per second of the default extractor
// over real news (../shared/data/news/bbc_politics, read once into memory), and of
// reading alone, single thread. Set POLGRAPH_BENCH_CORPUS to a file or folder to
// measure another corpus.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "extract/extractor.h"
#include "extract/nlp/tokenizer.h"
#include "ingest/reader.h"

namespace {

using polgraph::Document;

std::string CorpusPath() {
  const char* env = std::getenv("POLGRAPH_BENCH_CORPUS");
  if (env && *env) return env;
  return std::string(POLGRAPH_DEFAULT_SHARED_DIR) + "/data/news/bbc_politics";
}

const std::vector<Document>& Corpus() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    polgraph::RejectList rejects;
    (void)polgraph::ingest::ReadPaths(
        {CorpusPath()}, {}, [&](Document&& d) { out.push_back(std::move(d)); }, &rejects);
    return out;
  }();
  return docs;
}

void BM_Extract(benchmark::State& state) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError(("no documents under " + CorpusPath()).c_str());
    return;
  }
  auto extractor = polgraph::extract::LoadDefaultExtractor({});
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  // Tokens as the extractor's tokenizer counts them, for tokens per second.
  size_t corpus_tokens = 0;
  for (const Document& d : docs) corpus_tokens += polgraph::extract::nlp::Tokenize(d.text).size();
  size_t bytes = 0, relations = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      polgraph::Extraction ex;
      polgraph::RejectList rejects;
      (void)extractor.value()->Extract(d, &ex, &rejects);
      relations += ex.relations.size();
      bytes += d.text.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus_tokens), benchmark::Counter::kIsRate);
  state.counters["relations/doc"] =
      static_cast<double>(relations) / static_cast<double>(state.iterations() * docs.size());
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_ReadCorpus(benchmark::State& state) {
  for (auto _ : state) {
    size_t n = 0;
    polgraph::RejectList rejects;
    (void)polgraph::ingest::ReadPaths(
        {CorpusPath()}, {}, [&](Document&&) { ++n; }, &rejects);
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_ReadCorpus)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
