// brown_clusters: Brown word clusters (Brown et al. 1992) from unlabeled text, for
// the parser's cluster features (models/README.md).
//
//   build/tools/brown_clusters -o models/brown_clusters.tsv --clusters 256 --min-count 3
//       ../shared/data/news/bench_news_all.jsonl ../shared/data/ud/en_ewt-ud-train.conllu
//
// Inputs are JSONL/HTML/text documents (split into sentences and tokenized by
// polgraph's own tokenizer, so the words are the ones the parser will see) and
// CoNLL-U treebanks (their word forms). Words are normalised as the parser does
// (ASCII lower case, digits as 0). Output, one word a line, as Liang's wcluster
// writes it: "bits<TAB>word<TAB>count", where `bits` is the word's cluster as a
// path in the binary merge tree, so its prefixes are coarser clusters.
//
// The algorithm is Liang's (2005, "Semi-supervised learning for natural language",
// section 3.2): the words by descending frequency enter a window of C clusters one
// at a time, and each time the two clusters whose merge loses the least average
// mutual information between adjacent clusters are merged; at the end the last C
// clusters are merged down to one to form the hierarchy. The merge losses of all
// pairs are cached and updated incrementally, so a step costs O(C^2). Single
// threaded and free of hash-order effects: the same inputs give the same file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/reject.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/parser_state.h"
#include "extract/nlp/sentence_splitter.h"
#include "extract/nlp/tokenizer.h"
#include "ingest/reader.h"

namespace {

using polgraph::extract::nlp::parser_internal::NormalizeWord;

struct Corpus {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> words;
  std::vector<uint64_t> counts;
  std::unordered_map<uint64_t, uint64_t> bigrams;  // (left << 32 | right) -> count
  uint64_t tokens = 0;

  int Id(std::string_view form) {
    static std::string norm;
    NormalizeWord(form, &norm);
    auto [it, added] = ids.emplace(norm, static_cast<int>(words.size()));
    if (added) {
      words.push_back(norm);
      counts.push_back(0);
    }
    return it->second;
  }
  void AddSentence(const std::vector<int>& ids_in_order) {
    for (size_t i = 0; i < ids_in_order.size(); ++i) {
      ++counts[ids_in_order[i]];
      ++tokens;
      if (i > 0) {
        ++bigrams[(uint64_t(ids_in_order[i - 1]) << 32) | uint32_t(ids_in_order[i])];
      }
    }
  }
};

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool ReadInput(const std::string& path, Corpus* corpus) {
  namespace nlp = polgraph::extract::nlp;
  std::vector<int> ids;
  if (EndsWith(path, ".conllu")) {
    std::ifstream in(path);
    if (!in) return false;
    auto treebank = nlp::ReadConllu(in, path);
    if (!treebank.ok()) return false;
    for (const nlp::ConlluSentence& s : treebank.value()) {
      ids.clear();
      for (const nlp::ConlluWord& w : s.words) ids.push_back(corpus->Id(w.form));
      corpus->AddSentence(ids);
    }
    return true;
  }
  polgraph::RejectList rejects;
  polgraph::Status st = polgraph::ingest::ReadPaths(
      {path}, {},
      [&](polgraph::Document&& d) {
        for (const nlp::SentenceSpan& span : nlp::SplitSentences(d.text)) {
          ids.clear();
          for (const nlp::Token& t : nlp::Tokenize(d.text, span.start, span.end)) {
            ids.push_back(corpus->Id(t.text));
          }
          corpus->AddSentence(ids);
        }
      },
      &rejects);
  return st.ok();
}

// The clustering over the `vocab` most frequent words (ids into corpus order).
class Brown {
 public:
  Brown(int clusters, const std::vector<uint64_t>& counts,
        const std::vector<std::vector<std::pair<int, double>>>& right,
        const std::vector<std::vector<std::pair<int, double>>>& left, double total)
      : c_(clusters),
        slots_(clusters + 1),
        counts_(counts),
        right_(right),
        left_(left),
        total_(total),
        p1_(slots_, 0),
        p2_(slots_ * slots_, 0),
        q2_(slots_ * slots_, 0),
        loss_(slots_ * slots_, 0),
        active_(slots_, 0),
        members_(slots_) {}

  // Returns the cluster (0..C-1) of every word and the bit string of each cluster.
  void Run(std::vector<int>* cluster_of, std::vector<std::string>* bits) {
    const int v = static_cast<int>(counts_.size());
    slot_of_.assign(v, -1);
    const int first = std::min(c_, v);
    for (int w = 0; w < first; ++w) Add(w, w);
    for (int s = 0; s < first; ++s) {
      for (int t = s + 1; t < first; ++t) Loss(s, t) = ComputeLoss(s, t);
    }
    for (int w = first; w < v; ++w) {
      int free_slot = 0;
      while (active_[free_slot]) ++free_slot;
      AddWithLosses(w, free_slot);
      auto [a, b] = BestPair();
      Merge(a, b);
      if ((w - first) % 2000 == 0) {
        std::fprintf(stderr, "brown_clusters: %d of %d words\n", w, v);
      }
    }
    // Phase 2: the hierarchy over the final clusters.
    std::vector<int> node(slots_, -1);
    int leaves = 0;
    cluster_of->assign(v, -1);
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s]) continue;
      node[s] = leaves;
      for (int w : members_[s]) (*cluster_of)[w] = leaves;
      ++leaves;
    }
    std::vector<int> parent(2 * leaves, -1);
    std::vector<char> bit(2 * leaves, 0);
    int next = leaves;
    for (int left = leaves; left > 1; --left) {
      auto [a, b] = BestPair();
      parent[node[a]] = parent[node[b]] = next;
      bit[node[a]] = '0';
      bit[node[b]] = '1';
      Merge(a, b);
      node[a] = next++;
    }
    bits->assign(leaves, "");
    for (int l = 0; l < leaves; ++l) {
      std::string path;
      for (int x = l; parent[x] >= 0; x = parent[x]) path.push_back(bit[x]);
      std::reverse(path.begin(), path.end());
      (*bits)[l] = path.empty() ? "0" : path;
    }
  }

 private:
  static double F(double p, double a, double b) { return p > 0 ? p * std::log(p / (a * b)) : 0; }
  double& P2(int s, int t) { return p2_[s * slots_ + t]; }
  double& Q2(int s, int t) { return q2_[s * slots_ + t]; }
  double& Loss(int s, int t) { return s < t ? loss_[s * slots_ + t] : loss_[t * slots_ + s]; }

  // What the terms with cluster d lose when s and t merge (d neither of them).
  double Contribution(int s, int t, int d) {
    const double pst = p1_[s] + p1_[t];
    return Q2(s, d) + Q2(d, s) + Q2(t, d) + Q2(d, t) - F(P2(s, d) + P2(t, d), pst, p1_[d]) -
           F(P2(d, s) + P2(d, t), p1_[d], pst);
  }
  double ComputeLoss(int s, int t) {
    double sum = 0;
    for (int d = 0; d < slots_; ++d) {
      if (active_[d] && d != s && d != t) sum += Contribution(s, t, d);
    }
    const double pst = p1_[s] + p1_[t];
    const double self = P2(s, s) + P2(t, t) + P2(s, t) + P2(t, s);
    return sum + Q2(s, s) + Q2(t, t) + Q2(s, t) + Q2(t, s) - F(self, pst, pst);
  }
  void UpdateQ(int k) {
    for (int d = 0; d < slots_; ++d) {
      if (!active_[d]) continue;
      Q2(k, d) = F(P2(k, d), p1_[k], p1_[d]);
      Q2(d, k) = F(P2(d, k), p1_[d], p1_[k]);
    }
  }
  // Puts word w alone into free slot k (counts and q only).
  void Add(int w, int k) {
    active_[k] = 1;
    members_[k] = {w};
    slot_of_[w] = k;
    p1_[k] = static_cast<double>(counts_[w]) / total_;
    for (int d = 0; d < slots_; ++d) P2(k, d) = P2(d, k) = 0;
    for (auto [u, p] : right_[w]) {
      if (slot_of_[u] >= 0) P2(k, slot_of_[u]) += p;
    }
    for (auto [u, p] : left_[w]) {
      if (slot_of_[u] >= 0 && u != w) P2(slot_of_[u], k) += p;
    }
    UpdateQ(k);
  }
  void AddWithLosses(int w, int k) {
    Add(w, k);
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s] || s == k) continue;
      for (int t = s + 1; t < slots_; ++t) {
        if (active_[t] && t != k) Loss(s, t) += Contribution(s, t, k);
      }
    }
    for (int s = 0; s < slots_; ++s) {
      if (active_[s] && s != k) Loss(s, k) = ComputeLoss(s, k);
    }
  }
  std::pair<int, int> BestPair() {
    int a = -1, b = -1;
    double best = 0;
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s]) continue;
      for (int t = s + 1; t < slots_; ++t) {
        if (!active_[t]) continue;
        double l = Loss(s, t);
        if (a < 0 || l < best) {
          best = l;
          a = s;
          b = t;
        }
      }
    }
    return {a, b};
  }
  // Merges slot b into slot a.
  void Merge(int a, int b) {
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s] || s == a || s == b) continue;
      for (int t = s + 1; t < slots_; ++t) {
        if (active_[t] && t != a && t != b) {
          Loss(s, t) -= Contribution(s, t, a) + Contribution(s, t, b);
        }
      }
    }
    const double self = P2(a, a) + P2(b, b) + P2(a, b) + P2(b, a);
    for (int d = 0; d < slots_; ++d) {
      if (!active_[d] || d == a || d == b) continue;
      P2(a, d) += P2(b, d);
      P2(d, a) += P2(d, b);
    }
    P2(a, a) = self;
    p1_[a] += p1_[b];
    active_[b] = 0;
    for (int d = 0; d < slots_; ++d) P2(b, d) = P2(d, b) = Q2(b, d) = Q2(d, b) = 0;
    for (int w : members_[b]) slot_of_[w] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    UpdateQ(a);
    for (int s = 0; s < slots_; ++s) {
      if (!active_[s] || s == a) continue;
      for (int t = s + 1; t < slots_; ++t) {
        if (active_[t] && t != a) Loss(s, t) += Contribution(s, t, a);
      }
    }
    for (int s = 0; s < slots_; ++s) {
      if (active_[s] && s != a) Loss(s, a) = ComputeLoss(s, a);
    }
  }

  int c_, slots_;
  const std::vector<uint64_t>& counts_;
  const std::vector<std::vector<std::pair<int, double>>>&right_, &left_;
  double total_;
  std::vector<double> p1_, p2_, q2_, loss_;
  std::vector<char> active_;
  std::vector<std::vector<int>> members_;
  std::vector<int> slot_of_;
};

int Usage() {
  std::cerr << "usage: brown_clusters -o OUT.tsv [--clusters C] [--min-count M] INPUT...\n"
               "  INPUT: .conllu treebanks (word forms) or .jsonl/.html/.txt documents\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path;
  int clusters = 256, min_count = 3;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "-o" || arg == "--clusters" || arg == "--min-count") && i + 1 < argc) {
      std::string value = argv[++i];
      if (arg == "-o") out_path = value;
      if (arg == "--clusters") clusters = std::atoi(value.c_str());
      if (arg == "--min-count") min_count = std::atoi(value.c_str());
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage();
    } else {
      inputs.push_back(arg);
    }
  }
  if (out_path.empty() || inputs.empty() || clusters < 2 || min_count < 1) return Usage();

  Corpus corpus;
  for (const std::string& path : inputs) {
    if (!ReadInput(path, &corpus)) {
      std::cerr << "brown_clusters: " << path << ": cannot read\n";
      return 1;
    }
    std::cerr << "brown_clusters: " << path << ": " << corpus.tokens << " tokens so far\n";
  }
  // The vocabulary: words seen at least min_count times, most frequent first
  // (ties in byte order, so the result does not depend on hash order).
  std::vector<int> order;
  for (size_t w = 0; w < corpus.words.size(); ++w) {
    if (corpus.counts[w] >= static_cast<uint64_t>(min_count)) order.push_back(static_cast<int>(w));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (corpus.counts[a] != corpus.counts[b]) return corpus.counts[a] > corpus.counts[b];
    return corpus.words[a] < corpus.words[b];
  });
  std::vector<int> rank(corpus.words.size(), -1);
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int>(r);
  std::vector<uint64_t> counts(order.size());
  for (size_t r = 0; r < order.size(); ++r) counts[r] = corpus.counts[order[r]];
  // Sorted bigram list, then adjacency lists in the vocabulary's numbering.
  std::vector<std::pair<uint64_t, uint64_t>> bigrams;
  double total = 0;
  for (const auto& [key, count] : corpus.bigrams) {
    int a = rank[key >> 32], b = rank[key & 0xffffffffu];
    if (a < 0 || b < 0) continue;
    bigrams.push_back({(uint64_t(a) << 32) | uint32_t(b), count});
    total += static_cast<double>(count);
  }
  std::sort(bigrams.begin(), bigrams.end());
  std::vector<std::vector<std::pair<int, double>>> right(order.size()), left(order.size());
  for (const auto& [key, count] : bigrams) {
    int a = static_cast<int>(key >> 32), b = static_cast<int>(key & 0xffffffffu);
    double p = static_cast<double>(count) / total;
    right[a].push_back({b, p});
    left[b].push_back({a, p});
  }
  double unigram_total = 0;
  for (uint64_t c : counts) unigram_total += static_cast<double>(c);
  std::cerr << "brown_clusters: " << order.size() << " words seen at least " << min_count
            << " times, " << bigrams.size() << " distinct bigrams\n";

  Brown brown(clusters, counts, right, left, unigram_total);
  std::vector<int> cluster_of;
  std::vector<std::string> bits;
  brown.Run(&cluster_of, &bits);

  std::vector<int> by_cluster(order.size());
  for (size_t r = 0; r < order.size(); ++r) by_cluster[r] = static_cast<int>(r);
  std::stable_sort(by_cluster.begin(), by_cluster.end(),
                   [&](int a, int b) { return bits[cluster_of[a]] < bits[cluster_of[b]]; });
  std::ofstream out(out_path);
  for (int r : by_cluster) {
    out << bits[cluster_of[r]] << '\t' << corpus.words[order[r]] << '\t' << counts[r] << '\n';
  }
  if (!out) {
    std::cerr << "brown_clusters: " << out_path << ": write error\n";
    return 1;
  }
  std::cerr << "brown_clusters: wrote " << order.size() << " words in " << bits.size()
            << " clusters to " << out_path << "\n";
  return 0;
}
