// The parser: arc-hybrid transitions (Kuhlmann et al. 2011) with the artificial
// root at the END of the buffer, greedy decoding, two averaged perceptrons (one
// for the transition, one for the label of the arc it makes) over Zhang & Nivre
// (2011) style features, trained with the dynamic oracle of Goldberg & Nivre
// (2013) and exploration.
//
// Why arc-hybrid with the root last: the root word can only be attached once
// every other word has found its head, and the single-root constraint is just
// "LEFT from the root only when one word is left on the stack", so every parse
// is a projective tree with exactly one root and no post-hoc repair.
// Why two perceptrons: a joint (transition x label) row would have ~100 classes
// per feature; three transition classes keep the big table small and the
// label model only scores the ~n arcs actually made (with its own arc features
// plus the transition features, which it weighs separately).
#include "extract/nlp/parser.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "extract/nlp/model_file.h"
#include "extract/nlp/parser_state.h"
#include "extract/nlp/parser_weights.h"

namespace polgraph::extract::nlp {

using parser_internal::AveragedWeights;
using parser_internal::kLeft;
using parser_internal::kMaxFeatures;
using parser_internal::kRight;
using parser_internal::kShift;
using parser_internal::RowSet;
using parser_internal::Sentence;
using parser_internal::State;
using parser_internal::Vocab;
using parser_internal::WeightTable;

namespace {

// 2: word clusters in the vocabulary; "hot" feature keys (HotFeatureKey). Files of
// other versions are refused.
constexpr uint32_t kFormatVersion = 2;
// Averaged weights below one update's worth (a feature updated once, net) are
// dropped when freezing: on EWT that is over half of the rows, costs no dev
// accuracy, makes the model file about three times smaller and parsing faster.
// On small training sets (tests) nothing is pruned.
constexpr float kPruneBelow = 1.0f;
constexpr size_t kPruneFromSentences = 2000;
// Exploration (Goldberg & Nivre 2013): from this epoch (0-based) on, the
// trainer follows the model's own prediction with this probability, so it
// learns to recover from its mistakes. Mean EWT dev UAS / LAS over seeds 1 and 2
// (cluster models): 0.5: 84.52 / 81.35; 0.75: 84.57 / 81.42; 0.9: 84.46 / 81.29;
// seed 1 alone: 0.6: 84.29 / 81.17, 1.0: 84.26 / 81.09. Seeds alone move dev
// scores by up to 0.4, so this is a small and uncertain gain.
constexpr int kExploreFromEpoch = 1;
constexpr double kExploreProbability = 0.75;

// A uniform double in [0, 1) from the generator; written out because
// std::uniform_real_distribution differs between standard libraries and the
// model must be reproducible from the seed.
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Gold annotation of one training sentence in the parser's index space.
struct GoldSentence {
  Sentence ids;
  std::vector<int> head;   // 1..n+1 (n+1 = root); [0] and [n+1] unused
  std::vector<int> label;  // label index
};

bool IsProjective(const std::vector<int>& head, int n, int* bad) {
  // An arc (h, d) is projective when h dominates every word between them.
  for (int d = 1; d <= n; ++d) {
    int h = head[d];
    int lo = std::min(h, d), hi = std::max(h, d);
    for (int k = lo + 1; k < hi; ++k) {
      int a = k;
      while (a != h && a != n + 1) a = head[a];
      if (a != h) {
        *bad = d;
        return false;
      }
    }
  }
  return true;
}

// Lifts non-projective arcs to the grandparent until the tree is projective
// (Nivre & Nilsson 2005 without label encoding): the few crossing arcs of EWT
// become slightly wrong arcs instead of costing their whole sentence.
void Projectivize(std::vector<int>* head, int n) {
  int bad = 0;
  for (int guard = 0; guard < 4 * n && !IsProjective(*head, n, &bad); ++guard) {
    if ((*head)[bad] == n + 1) break;  // cannot lift past the root
    (*head)[bad] = (*head)[(*head)[bad]];
  }
}

}  // namespace

struct Parser::Model {
  Vocab vocab;
  // Trained rows (what Save writes) and the lookup tables built from them.
  RowSet action_rows, label_rows;
  WeightTable actions, labels;
  // allowed[dir][label]: labels seen in training with the dependent left (0) or
  // right (1) of its head; scoring skips the others.
  std::vector<uint8_t> allowed[2];
  int root_label = 0;

  int PredictLabel(const Sentence& s, const State& st, int h, int d, int dir) const;
  void ParseIds(const Sentence& s, State* st) const;
};

Parser::Parser(std::unique_ptr<Model> model) : model_(std::move(model)) {}
Parser::~Parser() = default;

int Parser::Model::PredictLabel(const Sentence& s, const State& st, int h, int d, int dir) const {
  if (h == s.n + 1) return root_label;
  uint64_t keys[kMaxFeatures];
  int nf = parser_internal::LabelFeatures(s, st, h, d, dir, keys);
  const int width = labels.width();
  float scores[parser_internal::kMaxLabels] = {};
  labels.Score(keys, nf, scores);
  int best = -1;
  for (int c = 0; c < width; ++c) {
    if (!allowed[dir][c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best < 0 ? 0 : best;
}

void Parser::Model::ParseIds(const Sentence& s, State* st) const {
  uint64_t keys[kMaxFeatures];
  while (!st->Terminal()) {
    bool valid[parser_internal::kActions];
    int n_valid = st->Valid(valid);
    int action = kShift;
    if (n_valid == 1) {
      action = valid[kShift] ? kShift : valid[kLeft] ? kLeft : kRight;
    } else {
      float scores[parser_internal::kActions] = {};
      int nf = parser_internal::ActionFeatures(s, *st, keys);
      actions.Score(keys, nf, scores);
      action = -1;
      for (int a = 0; a < parser_internal::kActions; ++a) {
        if (valid[a] && (action < 0 || scores[a] > scores[action])) action = a;
      }
    }
    int label = 0;
    if (action != kShift) {
      int d = st->S(0), h = action == kLeft ? st->b : st->S(1);
      label = PredictLabel(s, *st, h, d, action == kLeft ? 0 : 1);
    }
    st->Apply(action, label);
  }
}

std::vector<Dependency> Parser::Parse(const std::vector<ParserWord>& words) const {
  std::vector<Dependency> out(words.size());
  if (words.empty()) return out;
  // Per-thread scratch: a sentence costs no allocations once the buffers have
  // grown to the longest sentence seen.
  thread_local Sentence s;
  thread_local State st(0);
  model_->vocab.Encode(words, &s);
  st.Reset(s.n);
  model_->ParseIds(s, &st);
  for (int i = 1; i <= s.n; ++i) {
    int h = st.head[i];
    out[i - 1].head = h == s.n + 1 ? 0 : h;
    out[i - 1].deprel = model_->vocab.labels[st.label[i] > 0 ? st.label[i] - 1 : 0];
  }
  return out;
}

namespace {

// Dynamic-oracle costs (Goldberg & Nivre 2013, arc-hybrid): how many gold arcs
// each transition makes unreachable. Only valid transitions are filled in.
void Costs(const GoldSentence& g, const State& st, const bool* valid, int* cost) {
  const int n = g.ids.n, b = st.b;
  const int s0 = st.S(0), s1 = st.S(1);
  if (valid[kShift]) {
    // b goes on the stack: it can no longer take a head below s0 or any
    // dependent on the stack.
    int c = 0;
    for (size_t i = 0; i < st.stack.size(); ++i) {
      int k = st.stack[i];
      if (g.head[k] == b) ++c;
      if (g.head[b] == k && k != s0) ++c;
    }
    cost[kShift] = c;
  }
  if (valid[kLeft] || valid[kRight]) {
    // Both pop s0: its dependents still in the buffer are lost.
    int deps = 0;
    for (int k = b; k <= n; ++k) deps += g.head[k] == s0;
    const int gh = g.head[s0];
    if (valid[kLeft]) cost[kLeft] = deps + (gh != b && (gh == s1 || gh > b));
    if (valid[kRight]) cost[kRight] = deps + (gh >= b);
  }
}

struct Scores {
  double heads = 0, labels = 0, words = 0;
};

// UAS/LAS (universal relation) of the model on gold-annotated sentences, for the
// training log.
Scores Evaluate(const Parser& parser, const std::vector<ConlluSentence>& gold) {
  Scores sc;
  std::vector<ParserWord> words;
  for (const ConlluSentence& s : gold) {
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back({w.form, w.lemma, w.upos, w.xpos});
    std::vector<Dependency> deps = parser.Parse(words);
    for (size_t i = 0; i < deps.size(); ++i) {
      const ConlluWord& w = s.words[i];
      sc.words += 1;
      if (deps[i].head != w.head) continue;
      sc.heads += 1;
      auto universal = [](std::string_view r) { return r.substr(0, r.find(':')); };
      if (universal(deps[i].deprel) == universal(w.deprel)) sc.labels += 1;
    }
  }
  return sc;
}

}  // namespace

Result<std::unique_ptr<Parser>> Parser::Train(const std::vector<ConlluSentence>& train,
                                              const std::vector<ConlluSentence>& dev,
                                              const ParserTrainOptions& options,
                                              std::ostream* log) {
  if (options.epochs < 1) return Status::InvalidArgument("parser training: epochs must be >= 1");
  Vocab vocab;
  for (const auto& [word, bits] : options.clusters) {
    if (word.empty() || bits.empty() || bits.find_first_not_of("01") != std::string::npos) {
      return Status::InvalidArgument("parser training: bad cluster \"" + bits.substr(0, 40) +
                                     "\" of word \"" + word.substr(0, 40) + "\"");
    }
    vocab.cluster_words.push_back(word);
    vocab.cluster_bits.push_back(bits);
  }
  std::string error = vocab.Build(train);
  if (!error.empty()) return Status::InvalidArgument("parser training: " + error);
  const int n_labels = static_cast<int>(vocab.labels.size());

  std::vector<GoldSentence> gold;
  std::vector<uint8_t> allowed[2] = {std::vector<uint8_t>(n_labels, 0),
                                     std::vector<uint8_t>(n_labels, 0)};
  size_t lifted = 0;
  std::vector<ParserWord> words;
  for (const ConlluSentence& s : train) {
    if (s.words.empty()) continue;
    GoldSentence g;
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back({w.form, w.lemma, w.upos, w.xpos});
    vocab.Encode(words, &g.ids);
    const int n = g.ids.n;
    g.head.assign(n + 2, 0);
    g.label.assign(n + 2, 0);
    bool usable = true;
    for (int i = 1; i <= n; ++i) {
      int h = s.words[i - 1].head;
      if (h < 0 || h > n || h == i) usable = false;
      g.head[i] = h == 0 ? n + 1 : h;
      g.label[i] = vocab.LabelId(s.words[i - 1].deprel);
    }
    int roots = 0;
    for (int i = 1; i <= n; ++i) roots += g.head[i] == n + 1;
    if (!usable || roots != 1) continue;  // not a single-rooted tree: nothing to learn
    std::vector<int> before = g.head;
    Projectivize(&g.head, n);
    lifted += before != g.head;
    for (int i = 1; i <= n; ++i) {
      if (g.head[i] != n + 1) allowed[i < g.head[i] ? 0 : 1][g.label[i]] = 1;
    }
    gold.push_back(std::move(g));
  }
  if (gold.empty()) return Status::InvalidArgument("parser training: no usable sentences");
  if (log) {
    *log << "parser: " << gold.size() << " training sentences (" << lifted << " projectivized), "
         << vocab.words.size() << " words, " << vocab.tags.size() << " tags, " << n_labels
         << " labels\n";
  }

  AveragedWeights actions(parser_internal::kActions), labels(n_labels);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t now = 0;
  std::unique_ptr<Parser> best;
  double best_las = -1;
  uint64_t keys[kMaxFeatures];
  const int root_label = vocab.LabelId("root");

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const bool explore = epoch >= kExploreFromEpoch;
    size_t steps = 0, correct = 0;
    for (size_t idx : order) {
      const GoldSentence& g = gold[idx];
      const Sentence& s = g.ids;
      State st(s.n);
      while (!st.Terminal()) {
        bool valid[parser_internal::kActions];
        int n_valid = st.Valid(valid);
        int cost[parser_internal::kActions] = {0, 0, 0};
        Costs(g, st, valid, cost);
        int action = kShift;
        if (n_valid == 1) {
          action = valid[kShift] ? kShift : valid[kLeft] ? kLeft : kRight;
        } else {
          float scores[parser_internal::kActions] = {};
          int nf = parser_internal::ActionFeatures(s, st, keys);
          actions.Score(keys, nf, scores);
          int pred = -1, best_gold = -1;
          for (int a = 0; a < parser_internal::kActions; ++a) {
            if (!valid[a]) continue;
            if (pred < 0 || scores[a] > scores[pred]) pred = a;
            // The best-scoring transition of least cost: zero unless an earlier
            // mistake already ruled out every zero-cost one.
            if (best_gold < 0 || cost[a] < cost[best_gold] ||
                (cost[a] == cost[best_gold] && scores[a] > scores[best_gold])) {
              best_gold = a;
            }
          }
          ++steps;
          if (cost[pred] > cost[best_gold]) {
            actions.Update(keys, nf, best_gold, 1.0f, now);
            actions.Update(keys, nf, pred, -1.0f, now);
          } else {
            ++correct;
          }
          action = explore && Uniform(rng) < kExploreProbability ? pred : best_gold;
        }
        int label = 0;
        if (action != kShift) {
          int d = st.S(0), h = action == kLeft ? st.b : st.S(1);
          if (h == s.n + 1) {
            label = root_label;
          } else if (g.head[d] == h) {
            int nf = parser_internal::LabelFeatures(s, st, h, d, action == kLeft ? 0 : 1, keys);
            float scores[parser_internal::kMaxLabels] = {};
            labels.Score(keys, nf, scores);
            int dir = action == kLeft ? 0 : 1, pred = -1;
            for (int c = 0; c < n_labels; ++c) {
              if (allowed[dir][c] && (pred < 0 || scores[c] > scores[pred])) pred = c;
            }
            if (pred != g.label[d]) {
              labels.Update(keys, nf, g.label[d], 1.0f, now);
              if (pred >= 0) labels.Update(keys, nf, pred, -1.0f, now);
            }
            label = g.label[d];
          }
        }
        st.Apply(action, label);
        ++now;
      }
    }
    auto model = std::make_unique<Model>();
    model->vocab = vocab;
    const float prune = gold.size() >= kPruneFromSentences ? kPruneBelow : 0.0f;
    model->action_rows = actions.Average(now, prune);
    model->label_rows = labels.Average(now, prune);
    model->actions = WeightTable(model->action_rows);
    model->labels = WeightTable(model->label_rows);
    model->allowed[0] = allowed[0];
    model->allowed[1] = allowed[1];
    model->root_label = root_label;
    std::unique_ptr<Parser> parser(new Parser(std::move(model)));
    Scores sc = Evaluate(*parser, dev);
    double uas = sc.words ? 100.0 * sc.heads / sc.words : 0.0;
    double las = sc.words ? 100.0 * sc.labels / sc.words : 0.0;
    if (log) {
      char line[200];
      std::snprintf(line, sizeof line,
                    "parser: epoch %d: train transitions %.2f%% right; dev UAS %.2f LAS %.2f; "
                    "%zu+%zu feature rows\n",
                    epoch + 1, steps ? 100.0 * correct / steps : 0.0, uas, las,
                    parser->model_->actions.rows(), parser->model_->labels.rows());
      *log << line << std::flush;
    }
    // The epoch with the best dev LAS is kept (all of them when there is no dev set).
    if (las >= best_las || dev.empty()) {
      best_las = las;
      best = std::move(parser);
    }
  }
  return best;
}

Status Parser::Save(const std::string& path) const {
  ByteWriter w;
  model_->vocab.Write(&w);
  for (int dir = 0; dir < 2; ++dir) {
    for (uint8_t a : model_->allowed[dir]) w.U8(a);
  }
  w.U32(static_cast<uint32_t>(model_->root_label));
  model_->action_rows.Write(&w);
  model_->label_rows.Write(&w);
  ModelFile file;
  file.kind = "parser";
  file.version = kFormatVersion;
  file.payload = std::move(w.bytes());
  return WriteModelFile(path, file);
}

Result<std::unique_ptr<Parser>> Parser::Load(const std::string& path) {
  Result<ModelFile> file = ReadModelFile(path, "parser", kFormatVersion);
  if (!file.ok()) return file.status();
  if (file->version != kFormatVersion) {
    return Status::InvalidArgument(path + ": parser model format version " +
                                   std::to_string(file->version) + ", this polgraph reads only " +
                                   std::to_string(kFormatVersion) +
                                   " (retrain it: see models/README.md)");
  }
  ByteReader r(file->payload);
  auto model = std::make_unique<Model>();
  const auto corrupt = [&](const std::string& what) {
    return Status::Corruption(path + ": parser model: " + what);
  };
  if (!model->vocab.Read(&r)) return corrupt("bad vocabulary");
  const size_t n_labels = model->vocab.labels.size();
  for (int dir = 0; dir < 2; ++dir) {
    model->allowed[dir].resize(n_labels);
    for (uint8_t& a : model->allowed[dir]) a = r.U8();
  }
  model->root_label = static_cast<int>(r.U32());
  if (!model->action_rows.Read(&r) || model->action_rows.width != parser_internal::kActions) {
    return corrupt("bad transition weights");
  }
  if (!model->label_rows.Read(&r) || model->label_rows.width != static_cast<int>(n_labels)) {
    return corrupt("bad label weights");
  }
  model->actions = WeightTable(model->action_rows);
  model->labels = WeightTable(model->label_rows);
  if (r.failed() || !r.at_end() || model->root_label < 0 ||
      static_cast<size_t>(model->root_label) >= n_labels) {
    return corrupt("inconsistent payload");
  }
  return std::unique_ptr<Parser>(new Parser(std::move(model)));
}

}  // namespace polgraph::extract::nlp
