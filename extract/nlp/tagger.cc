#include "extract/nlp/tagger.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "extract/nlp/model_file.h"

namespace polgraph::extract::nlp {
namespace {

constexpr char kKind[] = "tagger";
// 2: word clusters. 3: a gazetteer (word classes from the lexicon). Version 2
// files are read (they have no gazetteer); others are refused.
constexpr uint32_t kVersion = 3;
constexpr uint32_t kOldestVersion = 2;

// Averaged weights smaller than this are dropped when a model is built: they do
// not change a dev tag. (Few exist: the perceptron only touches a weight on an
// error, so this saves little, but it is free.)
constexpr float kPruneBelow = 0.05f;
// A word seen at least this often with one tag at least this share of the time is
// tagged from the dictionary without scoring (the classic perceptron-tagger
// shortcut for speed; at a share of 0.97, dev UPOS dropped by 0.1).
constexpr int kDictMinCount = 20;
constexpr double kDictMinShare = 0.99;
// Word dropout: a training word seen c times reads as unknown with probability
// a / (a + c) (Kiperwasser and Goldberg 2016), so that shape and suffix features
// learn what unknown words need. a = 1 scored best on dev (0.25: -0.05 UPOS).
constexpr double kUnknownAlpha = 1.0;
// Words seen fewer times have no ambiguity class: on a word seen once the class
// would simply be its gold tag, which the tagger would learn to trust too much.
constexpr int kAmbiguityMinCount = 2;

// Feature templates. The numbers are part of the model format (they are hashed
// into the feature keys): append, never renumber.
enum Template : uint32_t {
  kBias = 1,
  kLower,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kShape,
  kFlags,
  kHasHyphen,
  kHasDigit,
  kHasUpper,
  kPrevLower,
  kPrev2Lower,
  kNextLower,
  kNext2Lower,
  kPrevSuffix3,
  kNextSuffix3,
  kPrevShape,
  kNextShape,
  kPrevLowerLower,
  kLowerNextLower,
  kNextSuffix2,
  kPrevTag,
  kPrev2Tag,
  kPrevTagPrev2Tag,
  kPrevTagLower,
  kPrevTagNextLower,
  kPrevTagSuffix3,
  kNext2Suffix3,
  kAmb,
  kNextAmb,
  kNext2Amb,
  kAmbNextAmb,
  kPrevTagAmb,
  kPrevTagNextAmb,
  kCluster4,
  kCluster6,
  kCluster,
  kPrevCluster,
  kNextCluster,
  kGazetteer,
  kPrevGazetteer,
  kNextGazetteer,
};

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// splitmix64's finaliser: spreads FNV's weak low bits so linear probing works.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Key of feature `t` with value hash `v`; never 0, which marks an empty slot.
uint64_t Key(uint32_t t, uint64_t v) {
  uint64_t k = Mix(v ^ (0x9e3779b97f4a7c15ULL * t));
  return k == 0 ? 1 : k;
}

uint64_t Pair(uint64_t a, uint64_t b) { return Mix(a * 31 + b); }

// What the features need of one word, hashed once per sentence.
struct WordInfo {
  uint64_t form = 0, lower = 0, shape = 0;
  // The word's ambiguity class: which tags it had in training (see AmbiguityOf).
  uint64_t amb = 0;
  // The word normalised as the cluster table is (digits as 0), and its Brown
  // cluster: 4- and 6-bit prefixes and the whole bit string (hashes).
  uint64_t norm = 0;
  uint64_t cluster[3] = {0, 0, 0};
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t gazetteer = 0;  // hash of the word's gazetteer classes ("FIRST+LOC")
  uint32_t flags = 0;
};

enum Flag : uint32_t {
  kFlagHyphen = 1,
  kFlagDigit = 2,
  kFlagUpper = 4,
  kFlagInitUpper = 8,
  kFlagAllUpper = 16,
  kFlagFirst = 32
};

// Padding for the positions before the first and after the last word.
WordInfo Boundary(std::string_view name) {
  WordInfo w;
  w.form = w.lower = w.shape = w.amb = w.norm = w.gazetteer = Fnv(name);
  for (uint64_t& c : w.cluster) c = w.lower;
  for (uint64_t& p : w.prefix) p = w.lower;
  for (uint64_t& s : w.suffix) s = w.lower;
  return w;
}

// Digits 1-9 as 0, as tools/brown_clusters normalises words.
std::string NormalizeDigits(std::string s) {
  for (char& c : s) {
    if (c >= '1' && c <= '9') c = '0';
  }
  return s;
}

WordInfo Describe(std::string_view word, bool first) {
  WordInfo w;
  w.form = Fnv(word);
  std::string lower(word);
  std::string shape;
  shape.reserve(word.size());
  int letters = 0, upper = 0;
  char last = 0;
  int run = 0;
  const auto add_shape = [&](char c) {
    // Runs longer than four collapse ("Xxxxx" = "Xxxxxxxx"), as in spaCy's shape.
    run = c == last ? run + 1 : 1;
    last = c;
    if (run <= 4) shape.push_back(c);
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    const unsigned char b = bytes[i];
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (c >= 'A' && c <= 'Z') {
        lower[i] = static_cast<char>(c - 'A' + 'a');
        ++letters;
        ++upper;
        if (i == 0) w.flags |= kFlagInitUpper;
        add_shape('X');
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
        add_shape('x');
      } else if (c >= '0' && c <= '9') {
        w.flags |= kFlagDigit;
        add_shape('d');
      } else {
        if (c == '-') w.flags |= kFlagHyphen;
        add_shape(c);
      }
      ++i;
      continue;
    }
    // Non-ASCII: classify the code point so that names in other scripts get a
    // capitalised shape too; the bytes of the lower-cased form stay as they are.
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) {
      add_shape('?');
    } else if (u_isupper(c) || u_istitle(c)) {
      ++letters;
      ++upper;
      if (at == 0) w.flags |= kFlagInitUpper;
      add_shape('X');
    } else if (u_isalpha(c)) {
      ++letters;
      add_shape('x');
    } else if (u_isdigit(c)) {
      w.flags |= kFlagDigit;
      add_shape('d');
    } else {
      for (int32_t k = at; k < i; ++k) add_shape(static_cast<char>(bytes[k]));
    }
  }
  if (upper > 0) w.flags |= kFlagUpper;
  if (letters > 0 && upper == letters) w.flags |= kFlagAllUpper;
  if (first) w.flags |= kFlagFirst;
  w.lower = Fnv(lower);
  w.shape = Fnv(shape);
  w.norm = w.flags & kFlagDigit ? Fnv(NormalizeDigits(lower)) : w.lower;
  const std::string_view l(lower);
  for (size_t k = 0; k < 3; ++k) w.prefix[k] = Fnv(l.substr(0, std::min(l.size(), k + 1)));
  for (size_t k = 0; k < 4; ++k) {
    const size_t len = std::min(l.size(), k + 1);
    w.suffix[k] = Fnv(l.substr(l.size() - len));
  }
  return w;
}

uint64_t UnknownWord() {
  static const uint64_t kUnknown = Fnv("-UNKNOWN-");
  return kUnknown;
}
constexpr uint32_t kUnknownAmbiguity = 0;

// Hashed words of a sentence with two boundary words on each side, so that
// words[i + 2] is word i.
std::vector<WordInfo> DescribeSentence(const std::vector<std::string_view>& words) {
  static const WordInfo kStart = Boundary("-START-");
  static const WordInfo kStart2 = Boundary("-START2-");
  static const WordInfo kEnd = Boundary("-END-");
  static const WordInfo kEnd2 = Boundary("-END2-");
  std::vector<WordInfo> out;
  out.reserve(words.size() + 4);
  out.push_back(kStart2);
  out.push_back(kStart);
  for (size_t i = 0; i < words.size(); ++i) out.push_back(Describe(words[i], i == 0));
  out.push_back(kEnd);
  out.push_back(kEnd2);
  return out;
}

constexpr size_t kMaxStatic = 40;
constexpr size_t kMaxDynamic = 8;

// Keys of the features of word `i` (an index into the padded vector) that do not
// depend on the tags already assigned.
size_t StaticFeatures(const std::vector<WordInfo>& s, size_t i, bool clusters, bool gazetteer,
                      uint64_t* keys) {
  const WordInfo& w = s[i];
  const WordInfo& p = s[i - 1];
  const WordInfo& p2 = s[i - 2];
  const WordInfo& nx = s[i + 1];
  const WordInfo& nx2 = s[i + 2];
  size_t n = 0;
  keys[n++] = Key(kBias, 0);
  keys[n++] = Key(kLower, w.lower);
  for (uint32_t k = 0; k < 4; ++k) keys[n++] = Key(kSuffix1 + k, w.suffix[k]);
  for (uint32_t k = 0; k < 3; ++k) keys[n++] = Key(kPrefix1 + k, w.prefix[k]);
  keys[n++] = Key(kShape, w.shape);
  keys[n++] = Key(kFlags, w.flags);
  if (w.flags & kFlagHyphen) keys[n++] = Key(kHasHyphen, 1);
  if (w.flags & kFlagDigit) keys[n++] = Key(kHasDigit, 1);
  if (w.flags & kFlagUpper) keys[n++] = Key(kHasUpper, 1);
  keys[n++] = Key(kPrevLower, p.lower);
  keys[n++] = Key(kPrev2Lower, p2.lower);
  keys[n++] = Key(kNextLower, nx.lower);
  keys[n++] = Key(kNext2Lower, nx2.lower);
  keys[n++] = Key(kPrevSuffix3, p.suffix[2]);
  keys[n++] = Key(kNextSuffix3, nx.suffix[2]);
  keys[n++] = Key(kNextSuffix2, nx.suffix[1]);
  keys[n++] = Key(kPrevShape, p.shape);
  keys[n++] = Key(kNextShape, nx.shape);
  keys[n++] = Key(kPrevLowerLower, Pair(p.lower, w.lower));
  keys[n++] = Key(kLowerNextLower, Pair(w.lower, nx.lower));
  keys[n++] = Key(kNext2Suffix3, nx2.suffix[2]);
  keys[n++] = Key(kAmb, w.amb);
  keys[n++] = Key(kNextAmb, nx.amb);
  keys[n++] = Key(kNext2Amb, nx2.amb);
  keys[n++] = Key(kAmbNextAmb, Pair(w.amb, nx.amb));
  if (clusters) {
    keys[n++] = Key(kCluster4, w.cluster[0]);
    keys[n++] = Key(kCluster6, w.cluster[1]);
    keys[n++] = Key(kCluster, w.cluster[2]);
    keys[n++] = Key(kPrevCluster, p.cluster[2]);
    keys[n++] = Key(kNextCluster, nx.cluster[2]);
  }
  if (gazetteer) {
    keys[n++] = Key(kGazetteer, w.gazetteer);
    keys[n++] = Key(kPrevGazetteer, p.gazetteer);
    keys[n++] = Key(kNextGazetteer, nx.gazetteer);
  }
  return n;
}

// Keys of the features that read the tags of the two previous words.
size_t DynamicFeatures(const std::vector<WordInfo>& s, size_t i, uint32_t prev, uint32_t prev2,
                       uint64_t* keys) {
  size_t n = 0;
  keys[n++] = Key(kPrevTag, prev);
  keys[n++] = Key(kPrev2Tag, prev2);
  keys[n++] = Key(kPrevTagPrev2Tag, Pair(prev, prev2));
  keys[n++] = Key(kPrevTagLower, Pair(prev, s[i].lower));
  keys[n++] = Key(kPrevTagNextLower, Pair(prev, s[i + 1].lower));
  keys[n++] = Key(kPrevTagSuffix3, Pair(prev, s[i].suffix[2]));
  keys[n++] = Key(kPrevTagAmb, Pair(prev, s[i].amb));
  keys[n++] = Key(kPrevTagNextAmb, Pair(prev, s[i + 1].amb));
  return n;
}

// Open-addressing map from a nonzero 64-bit key to two 32-bit values; linear
// probing over a power-of-two table at most half full.
class KeyTable {
 public:
  struct Slot {
    uint64_t key = 0;
    uint32_t a = 0, b = 0;
  };
  void Build(const std::vector<Slot>& items) {
    size_t cap = 16;
    while (cap < items.size() * 2) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const Slot& item : items) {
      size_t at = item.key & mask_;
      while (slots_[at].key != 0) at = (at + 1) & mask_;
      slots_[at] = item;
    }
  }
  // The slot of `key`, or null when absent.
  const Slot* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t at = key & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  // Starts loading the slot of `key` into the cache, so that many lookups can
  // wait for memory at once instead of one after the other.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

 private:
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// One class weight of an inference model.
struct ClassWeight {
  float weight = 0;
  uint32_t cls = 0;
};

// The feature rows for tagging: feature key -> its class weights, compact because
// tagging waits on cache misses in this table. A slot is a 32-bit fingerprint
// (the key's high half; the low bits chose the slot) and the row's place in the
// entries. Up to 3/4 full: smaller beats shorter probe chains here. (The weights
// stay floats: as bfloat16 they changed a few fold taggers' tags, which moved the
// jackknifed parser's dev scores by 0.4, as much as a change of seed does.)
class FeatureTable {
 public:
  struct Entry {
    float w;
    uint32_t cls;
  };
  void Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& starts,
             const std::vector<ClassWeight>& weights) {
    size_t cap = 16;
    while (cap * 3 < keys.size() * 4) cap *= 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    entries_.clear();
    entries_.reserve(weights.size());
    for (size_t r = 0; r < keys.size(); ++r) {
      size_t at = keys[r] & mask_;
      while (slots_[at].fp != 0) at = (at + 1) & mask_;
      slots_[at].fp = Fingerprint(keys[r]);
      slots_[at].row = static_cast<uint32_t>(entries_.size() << 8 | (starts[r + 1] - starts[r]));
      for (uint32_t e = starts[r]; e < starts[r + 1]; ++e) {
        entries_.push_back({weights[e].weight, weights[e].cls});
      }
    }
  }
  // The row of `key` (entries begin << 8 | count), or 0 when absent.
  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return 0;
    const uint32_t fp = Fingerprint(key);
    for (size_t at = key & mask_; slots_[at].fp != 0; at = (at + 1) & mask_) {
      if (slots_[at].fp == fp) return slots_[at].row;
    }
    return 0;
  }
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  void PrefetchRow(uint32_t row) const { __builtin_prefetch(&entries_[row >> 8]); }
  void AddRow(uint32_t row, float* scores) const {
    const Entry* e = &entries_[row >> 8];
    for (uint32_t j = 0; j < (row & 0xff); ++j) scores[e[j].cls] += e[j].w;
  }

 private:
  struct Slot {
    uint32_t fp = 0;  // 0 = empty
    uint32_t row = 0;
  };
  static uint32_t Fingerprint(uint64_t key) {
    const uint32_t fp = static_cast<uint32_t>(key >> 32);
    return fp == 0 ? 1 : fp;
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<Entry> entries_;
};

// One class weight of a feature while training, with what lazy averaging needs:
// the running sum of the weight over all steps up to `stamp`.
struct TrainWeight {
  double total = 0;
  float weight = 0;
  int32_t stamp = 0;
  uint8_t cls = 0;
};

// The trained model. Tags are classes "UPOS|XPOS" predicted jointly: EWT's UPOS is
// not a function of the XPOS (NNP is PROPN or NOUN, VB is VERB or AUX...), and one
// joint classifier scored better on dev than XPOS followed by a UPOS classifier.
struct LinearModel {
  std::vector<PosTag> classes;
  KeyTable dict;  // exact word form hash -> class (a)
  std::vector<std::pair<uint64_t, uint8_t>> dict_items;
  // Lower-cased forms seen in training; any other word reads as UnknownWord().
  KeyTable vocab;
  std::vector<std::pair<uint64_t, uint32_t>> vocab_items;  // lower form, ambiguity class
  // Word clusters: normalised word hash -> cluster_hashes[3a, 3a + 3).
  KeyTable clusters;
  std::vector<std::pair<uint64_t, std::string>> cluster_items;  // word hash, bits
  std::vector<uint64_t> cluster_hashes;
  // Gazetteer: normalised word hash -> gazetteer_hashes[a], the hash of its
  // classes (TaggerTrainOptions::gazetteer).
  KeyTable gazetteer;
  std::vector<std::pair<uint64_t, std::string>> gazetteer_items;  // word hash, classes
  std::vector<uint64_t> gazetteer_hashes;
  // Sparse rows: feature key -> its class weights weights[a, a + b).
  FeatureTable features;
  std::vector<uint64_t> row_key;
  std::vector<uint32_t> row_start{0};
  std::vector<ClassWeight> weights;
  // Trained on BIO name labels (tools/make_ner_data.py), a class "I-X" may only
  // follow "B-X" or "I-X": per class, the index of its "B-X" class when it is an
  // "I-" class, the index of its own "B-" class when it is a "B-" or "I-" class,
  // -1 otherwise. Part-of-speech classes have no such constraint.
  std::vector<int> inside_of, name_of;

  // Predict's mark for a word whose class no dictionary fixed.
  static constexpr uint32_t kNotFixed = ~0u;

  // May class `c` follow class `prev` (n_classes or more = sentence start)?
  bool MayFollow(uint32_t prev, uint32_t c) const {
    if (inside_of.empty() || inside_of[c] < 0) return true;
    return prev < name_of.size() && name_of[prev] == inside_of[c];
  }

  void IndexNameClasses() {
    inside_of.assign(classes.size(), -1);
    name_of.assign(classes.size(), -1);
    bool any = false;
    for (size_t c = 0; c < classes.size(); ++c) {
      const std::string& u = classes[c].upos;
      if (u.size() < 3 || u[1] != '-' || (u[0] != 'B' && u[0] != 'I')) continue;
      for (size_t b = 0; b < classes.size(); ++b) {
        if (classes[b].upos == "B-" + u.substr(2)) {
          name_of[c] = static_cast<int>(b);
          if (u[0] == 'I') inside_of[c] = static_cast<int>(b);
          any = true;
        }
      }
    }
    if (!any) inside_of.clear();
  }

  void BuildTables() {
    IndexNameClasses();
    std::vector<KeyTable::Slot> items;
    items.reserve(dict_items.size());
    for (const auto& [k, c] : dict_items) items.push_back({k, c, 0});
    dict.Build(items);
    features.Build(row_key, row_start, weights);
    items.clear();
    for (const auto& [k, amb] : vocab_items) items.push_back({k, amb, 0});
    vocab.Build(items);
    items.clear();
    cluster_hashes.clear();
    for (size_t c = 0; c < cluster_items.size(); ++c) {
      const std::string& bits = cluster_items[c].second;
      items.push_back({cluster_items[c].first, static_cast<uint32_t>(c), 0});
      cluster_hashes.push_back(Fnv("4:" + bits.substr(0, 4)));
      cluster_hashes.push_back(Fnv("6:" + bits.substr(0, 6)));
      cluster_hashes.push_back(Fnv(bits));
    }
    clusters.Build(items);
    items.clear();
    gazetteer_hashes.clear();
    for (size_t c = 0; c < gazetteer_items.size(); ++c) {
      items.push_back({gazetteer_items[c].first, static_cast<uint32_t>(c), 0});
      gazetteer_hashes.push_back(Fnv("g:" + gazetteer_items[c].second));
    }
    gazetteer.Build(items);
  }

  // Fills the cluster hashes of the words of a described sentence (words
  // without a cluster share one).
  void SetClusters(std::vector<WordInfo>* s) const {
    if (!gazetteer_items.empty()) {
      static const uint64_t kNoClass = Fnv("-NOCLASS-");
      for (size_t i = 2; i + 2 < s->size(); ++i) {
        WordInfo& w = (*s)[i];
        const KeyTable::Slot* g = gazetteer.Find(w.norm);
        w.gazetteer = g != nullptr ? gazetteer_hashes[g->a] : kNoClass;
      }
    }
    if (cluster_items.empty()) return;
    static const uint64_t kNoCluster = Fnv("-NOCLUSTER-");
    for (size_t i = 2; i + 2 < s->size(); ++i) {
      WordInfo& w = (*s)[i];
      if (const KeyTable::Slot* c = clusters.Find(w.norm)) {
        for (int k = 0; k < 3; ++k) w.cluster[k] = cluster_hashes[3 * c->a + k];
      } else {
        for (int k = 0; k < 3; ++k) w.cluster[k] = kNoCluster;
      }
    }
  }

  // Classes of the words of one sentence. Features that do not depend on the
  // tags are looked up for the whole sentence first, with prefetching: the
  // feature table is larger than the cache, and waiting for its misses one at a
  // time would take most of the time.
  void Predict(const std::vector<std::string_view>& words, std::vector<uint32_t>* out) const {
    struct Scratch {
      std::vector<WordInfo> s;
      std::vector<uint64_t> keys;
      std::vector<uint32_t> rows;
      std::vector<uint32_t> n_rows;
      std::vector<float> scores;
    };
    thread_local Scratch t;
    const size_t n = words.size();
    const uint32_t n_classes = static_cast<uint32_t>(classes.size());
    t.s = DescribeSentence(words);
    SetClusters(&t.s);
    const bool with_clusters = !cluster_items.empty();
    const bool with_gazetteer = !gazetteer_items.empty();
    t.keys.resize(n * kMaxStatic);
    t.rows.resize(n * kMaxStatic);
    t.n_rows.assign(n, 0);
    t.scores.resize(n_classes);
    out->resize(n);
    // Words never seen in training read as the unknown word, as rare words did
    // (sometimes) while training.
    for (size_t i = 2; i < n + 2; ++i) {
      if (const KeyTable::Slot* v = vocab.Find(t.s[i].lower)) {
        t.s[i].amb = v->a;
      } else {
        t.s[i].lower = UnknownWord();
        t.s[i].amb = kUnknownAmbiguity;
      }
    }
    for (size_t w = 0; w < n; ++w) {
      if (const KeyTable::Slot* d = dict.Find(t.s[w + 2].form)) {
        (*out)[w] = d->a;
        continue;
      }
      (*out)[w] = kNotFixed;
      uint64_t* keys = &t.keys[w * kMaxStatic];
      t.n_rows[w] =
          static_cast<uint32_t>(StaticFeatures(t.s, w + 2, with_clusters, with_gazetteer, keys));
      for (uint32_t k = 0; k < t.n_rows[w]; ++k) features.Prefetch(keys[k]);
    }
    for (size_t w = 0; w < n; ++w) {
      if ((*out)[w] != kNotFixed) continue;
      const uint64_t* keys = &t.keys[w * kMaxStatic];
      uint32_t* rows = &t.rows[w * kMaxStatic];
      uint32_t found = 0;
      for (uint32_t k = 0; k < t.n_rows[w]; ++k) {
        if (const uint32_t row = features.Find(keys[k])) {
          features.PrefetchRow(row);
          rows[found++] = row;
        }
      }
      t.n_rows[w] = found;
    }
    if (!inside_of.empty()) {
      DecodeNames(t.s, t.rows, t.n_rows, out);
      return;
    }
    // The two boundary "tags" before the first word.
    uint32_t prev = n_classes, prev2 = n_classes + 1;
    float* scores = t.scores.data();
    uint64_t dynamic[kMaxDynamic];
    for (size_t w = 0; w < n; ++w) {
      uint32_t best = (*out)[w];
      if (best == kNotFixed) {
        std::fill(scores, scores + n_classes, 0.0f);
        const uint32_t* rows = &t.rows[w * kMaxStatic];
        for (uint32_t k = 0; k < t.n_rows[w]; ++k) features.AddRow(rows[k], scores);
        const size_t m = DynamicFeatures(t.s, w + 2, prev, prev2, dynamic);
        for (size_t k = 0; k < m; ++k) {
          if (const uint32_t row = features.Find(dynamic[k])) features.AddRow(row, scores);
        }
        best = n_classes;
        for (uint32_t c = 0; c < n_classes; ++c) {
          if (MayFollow(prev, c) && (best == n_classes || scores[c] > scores[best])) best = c;
        }
        (*out)[w] = best;
      }
      prev2 = prev;
      prev = best;
    }
  }

  // Name labels by beam search: a greedy left-to-right choice cannot take back
  // "Cambridge/B-LOC" after "University/B-ORG of/I-ORG" once the next word shows
  // the organisation goes on. Hypotheses that share their last two labels (all
  // the features see) are merged, so a small beam covers every state worth
  // keeping. `out` holds the fixed classes of dictionary words, kNotFixed
  // elsewhere; `rows` the static feature rows of each word.
  void DecodeNames(const std::vector<WordInfo>& s, const std::vector<uint32_t>& rows,
                   const std::vector<uint32_t>& n_rows, std::vector<uint32_t>* out) const {
    constexpr size_t kBeam = 2;
    struct Hyp {
      float score;
      uint32_t prev, prev2;
      int back;  // index of the hypothesis extended, in the previous column
    };
    const size_t n = out->size();
    const uint32_t n_classes = static_cast<uint32_t>(classes.size());
    std::vector<std::vector<Hyp>> columns(n + 1);
    columns[0].push_back({0.0f, n_classes, n_classes + 1, -1});
    std::vector<float> base(n_classes), scores(n_classes);
    uint64_t dynamic[kMaxDynamic];
    std::vector<Hyp> next;
    for (size_t w = 0; w < n; ++w) {
      const std::vector<Hyp>& beam = columns[w];
      next.clear();
      const uint32_t fixed = (*out)[w];
      if (fixed == kNotFixed) {
        std::fill(base.begin(), base.end(), 0.0f);
        for (uint32_t k = 0; k < n_rows[w]; ++k) {
          features.AddRow(rows[w * kMaxStatic + k], base.data());
        }
      }
      for (size_t h = 0; h < beam.size(); ++h) {
        const Hyp& hyp = beam[h];
        if (fixed != kNotFixed) {
          next.push_back({hyp.score, fixed, hyp.prev, static_cast<int>(h)});
          continue;
        }
        scores = base;
        const size_t m = DynamicFeatures(s, w + 2, hyp.prev, hyp.prev2, dynamic);
        for (size_t k = 0; k < m; ++k) {
          if (const uint32_t row = features.Find(dynamic[k])) features.AddRow(row, scores.data());
        }
        for (uint32_t c = 0; c < n_classes; ++c) {
          if (MayFollow(hyp.prev, c)) {
            next.push_back({hyp.score + scores[c], c, hyp.prev, static_cast<int>(h)});
          }
        }
      }
      std::sort(next.begin(), next.end(),
                [](const Hyp& a, const Hyp& b) { return a.score > b.score; });
      std::vector<Hyp>& kept = columns[w + 1];
      for (const Hyp& hyp : next) {
        if (kept.size() == kBeam) break;
        const bool seen = std::any_of(kept.begin(), kept.end(), [&](const Hyp& k) {
          return k.prev == hyp.prev && k.prev2 == hyp.prev2;
        });
        if (!seen) kept.push_back(hyp);
      }
    }
    int h = 0;  // the best final hypothesis comes first
    for (size_t w = n; w > 0; --w) {
      const Hyp& hyp = columns[w][static_cast<size_t>(h)];
      (*out)[w - 1] = hyp.prev;
      h = hyp.back;
    }
  }

  std::string Serialize() const {
    ByteWriter w;
    w.U32(static_cast<uint32_t>(classes.size()));
    for (const PosTag& t : classes) {
      w.Str(t.upos);
      w.Str(t.xpos);
    }
    w.U64(dict_items.size());
    for (const auto& [k, c] : dict_items) {
      w.U64(k);
      w.U8(c);
    }
    w.U64(vocab_items.size());
    for (const auto& [k, amb] : vocab_items) {
      w.U64(k);
      w.U32(amb);
    }
    w.U64(cluster_items.size());
    for (const auto& [k, bits] : cluster_items) {
      w.U64(k);
      w.Str(bits);
    }
    w.U64(gazetteer_items.size());
    for (const auto& [k, word_classes] : gazetteer_items) {
      w.U64(k);
      w.Str(word_classes);
    }
    w.U64(row_key.size());
    for (size_t r = 0; r < row_key.size(); ++r) {
      w.U64(row_key[r]);
      w.U8(static_cast<uint8_t>(row_start[r + 1] - row_start[r]));
    }
    for (const ClassWeight& cw : weights) w.U8(static_cast<uint8_t>(cw.cls));
    for (const ClassWeight& cw : weights) w.F32(cw.weight);
    return std::move(w.bytes());
  }

  // False when the payload is truncated or inconsistent.
  bool Deserialize(std::string_view payload, uint32_t version) {
    ByteReader r(payload);
    const uint32_t n_classes = r.U32();
    if (r.failed() || n_classes == 0 || n_classes > 255) return false;
    classes.resize(n_classes);
    for (PosTag& t : classes) {
      t.upos = r.Str();
      t.xpos = r.Str();
    }
    const uint64_t n_dict = r.U64();
    if (r.failed() || n_dict > payload.size() / 9) return false;
    dict_items.resize(n_dict);
    for (auto& [k, c] : dict_items) {
      k = r.U64();
      c = r.U8();
      if (c >= n_classes) return false;
    }
    const uint64_t n_vocab = r.U64();
    if (r.failed() || n_vocab > payload.size() / 12) return false;
    vocab_items.resize(n_vocab);
    for (auto& [k, amb] : vocab_items) {
      k = r.U64();
      amb = r.U32();
    }
    const uint64_t n_clusters = r.U64();
    if (r.failed() || n_clusters > payload.size() / 12) return false;
    cluster_items.resize(n_clusters);
    for (auto& [k, bits] : cluster_items) {
      k = r.U64();
      bits = r.Str();
    }
    if (version >= 3) {
      const uint64_t n_gazetteer = r.U64();
      if (r.failed() || n_gazetteer > payload.size() / 12) return false;
      gazetteer_items.resize(n_gazetteer);
      for (auto& [k, word_classes] : gazetteer_items) {
        k = r.U64();
        word_classes = r.Str();
      }
    }
    const uint64_t n_rows = r.U64();
    if (r.failed() || n_rows > payload.size() / 9) return false;
    row_key.resize(n_rows);
    row_start.assign(n_rows + 1, 0);
    for (size_t k = 0; k < n_rows; ++k) {
      row_key[k] = r.U64();
      row_start[k + 1] = row_start[k] + r.U8();
    }
    if (r.failed() || row_start.back() > payload.size()) return false;
    weights.resize(row_start.back());
    for (ClassWeight& cw : weights) {
      cw.cls = r.U8();
      if (cw.cls >= n_classes) return false;
    }
    for (ClassWeight& cw : weights) cw.weight = r.F32();
    if (r.failed() || !r.at_end()) return false;
    BuildTables();
    return true;
  }
};

// The perceptron while it learns: sparse per-feature class weights with lazy
// averaging (each weight remembers when it last changed, so averaging costs
// nothing per step).
class Trainer {
 public:
  explicit Trainer(uint32_t n_classes) : n_classes_(n_classes) {}

  void Score(const uint64_t* keys, size_t n, float* scores) const {
    for (size_t k = 0; k < n; ++k) {
      auto it = index_.find(keys[k]);
      if (it == index_.end()) continue;
      for (const TrainWeight& tw : rows_[it->second]) scores[tw.cls] += tw.weight;
    }
  }

  // One training step: moves weight from the guessed class to the gold one.
  void Step(const uint64_t* keys, size_t n, uint32_t gold, uint32_t guess) {
    ++now_;
    if (gold == guess) return;
    for (size_t k = 0; k < n; ++k) {
      auto [it, added] = index_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
      if (added) {
        rows_.emplace_back();
        keys_.push_back(keys[k]);
      }
      std::vector<TrainWeight>& row = rows_[it->second];
      Change(&row, gold, 1.0f);
      Change(&row, guess, -1.0f);
    }
  }

  // The averaged weights as an inference model (the trainer is unchanged).
  void Average(LinearModel* m) const {
    m->row_key.clear();
    m->row_start.assign(1, 0);
    m->weights.clear();
    // Rows in key order so that the file does not depend on hash map iteration.
    std::vector<uint32_t> order(rows_.size());
    for (uint32_t r = 0; r < order.size(); ++r) order[r] = r;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
    for (uint32_t r : order) {
      std::vector<TrainWeight> row = rows_[r];
      std::sort(row.begin(), row.end(),
                [](const TrainWeight& a, const TrainWeight& b) { return a.cls < b.cls; });
      size_t kept = 0;
      for (const TrainWeight& tw : row) {
        const double total = tw.total + static_cast<double>(now_ - tw.stamp) * tw.weight;
        const float avg = static_cast<float>(total / static_cast<double>(now_));
        if (std::fabs(avg) < kPruneBelow) continue;
        m->weights.push_back(ClassWeight{avg, tw.cls});
        ++kept;
      }
      if (kept == 0) continue;
      m->row_key.push_back(keys_[r]);
      m->row_start.push_back(static_cast<uint32_t>(m->weights.size()));
    }
    m->BuildTables();
  }

 private:
  void Change(std::vector<TrainWeight>* row, uint32_t cls, float delta) {
    TrainWeight* tw = nullptr;
    for (TrainWeight& x : *row) {
      if (x.cls == cls) tw = &x;
    }
    if (tw == nullptr) {
      row->push_back(TrainWeight{0, 0, now_, static_cast<uint8_t>(cls)});
      tw = &row->back();
    }
    tw->total += static_cast<double>(now_ - tw->stamp) * tw->weight;
    tw->stamp = now_;
    tw->weight += delta;
  }

  uint32_t n_classes_;
  int32_t now_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<TrainWeight>> rows_;
  std::vector<uint64_t> keys_;
};

struct Accuracy {
  size_t words = 0, upos = 0, xpos = 0;
  double Upos() const { return words ? 100.0 * upos / words : 0; }
  double Xpos() const { return words ? 100.0 * xpos / words : 0; }
};

std::vector<std::string_view> Forms(const ConlluSentence& s) {
  std::vector<std::string_view> out;
  out.reserve(s.words.size());
  for (const ConlluWord& w : s.words) out.push_back(w.form);
  return out;
}

Accuracy Evaluate(const LinearModel& m, const std::vector<ConlluSentence>& gold) {
  Accuracy a;
  std::vector<uint32_t> cls;
  for (const ConlluSentence& s : gold) {
    m.Predict(Forms(s), &cls);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ++a.words;
      a.upos += m.classes[cls[i]].upos == s.words[i].upos;
      a.xpos += m.classes[cls[i]].xpos == s.words[i].xpos;
    }
  }
  return a;
}

// Portable Fisher-Yates (std::shuffle's algorithm differs between standard
// libraries, and a model must not depend on which one built it).
void Shuffle(std::vector<size_t>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    const size_t j = static_cast<size_t>((*rng)() % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace

struct Tagger::Model : LinearModel {};

Tagger::Tagger(std::unique_ptr<Model> model) : model_(std::move(model)) {}
Tagger::~Tagger() = default;

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  Result<ModelFile> file = ReadModelFile(path, kKind, kVersion);
  if (!file.ok()) return file.status();
  if (file->version < kOldestVersion || file->version > kVersion) {
    return Status::InvalidArgument(
        path + ": tagger model format version " + std::to_string(file->version) +
        ", this polgraph reads " + std::to_string(kOldestVersion) + " to " +
        std::to_string(kVersion) + " (retrain it: see models/README.md)");
  }
  auto model = std::make_unique<Model>();
  if (!model->Deserialize(file->payload, file->version)) {
    return Status::Corruption(path + ": malformed tagger model (inconsistent payload)");
  }
  return std::unique_ptr<Tagger>(new Tagger(std::move(model)));
}

Status Tagger::Save(const std::string& path) const {
  ModelFile file;
  file.kind = kKind;
  file.version = kVersion;
  file.payload = model_->Serialize();
  return WriteModelFile(path, file);
}

std::vector<PosTag> Tagger::Tag(const std::vector<std::string_view>& words) const {
  std::vector<uint32_t> cls;
  model_->Predict(words, &cls);
  std::vector<PosTag> out;
  out.reserve(cls.size());
  for (uint32_t c : cls) out.push_back(model_->classes[c]);
  return out;
}

Result<std::unique_ptr<Tagger>> Tagger::Train(const std::vector<ConlluSentence>& train,
                                              const std::vector<ConlluSentence>& dev,
                                              const TaggerTrainOptions& options,
                                              std::ostream* log) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  auto model = std::make_unique<Model>();
  // Classes in sorted order, so ids do not depend on the order of the data.
  std::map<std::pair<std::string, std::string>, uint32_t> class_ids;
  std::unordered_map<std::string, std::map<uint32_t, int>> form_counts;
  size_t n_words = 0;
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) {
      if (w.upos.empty() || w.upos == "_") {
        return Status::InvalidArgument("tagger training data: a word without UPOS (\"" + w.form +
                                       "\")");
      }
      class_ids.emplace(std::make_pair(w.upos, w.xpos), 0);
    }
  }
  if (class_ids.empty()) return Status::InvalidArgument("tagger training data: no words");
  if (class_ids.size() > 255) {
    return Status::InvalidArgument("tagger training data: more than 255 UPOS|XPOS classes");
  }
  for (auto& [tag, id] : class_ids) {
    id = static_cast<uint32_t>(model->classes.size());
    model->classes.push_back(PosTag{tag.first, tag.second});
  }
  // Gold classes per sentence.
  std::vector<std::vector<uint32_t>> gold(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    for (const ConlluWord& w : train[k].words) {
      const uint32_t c = class_ids.at({w.upos, w.xpos});
      gold[k].push_back(c);
      ++form_counts[w.form][c];
      ++n_words;
    }
  }
  // Tag dictionary.
  std::vector<std::pair<uint64_t, uint8_t>> dict;
  for (const auto& [form, counts] : form_counts) {
    int total = 0, top = 0;
    uint32_t top_class = 0;
    for (const auto& [c, count] : counts) {
      total += count;
      if (count > top) {
        top = count;
        top_class = c;
      }
    }
    if (total >= kDictMinCount && top >= kDictMinShare * total) {
      dict.emplace_back(Fnv(form), static_cast<uint8_t>(top_class));
    }
  }
  std::sort(dict.begin(), dict.end());
  model->dict_items = dict;
  std::unordered_map<uint64_t, int> lower_counts;
  std::unordered_map<uint64_t, std::map<uint32_t, int>> lower_classes;
  for (size_t k = 0; k < train.size(); ++k) {
    for (size_t i = 0; i < train[k].words.size(); ++i) {
      const uint64_t lower = Describe(train[k].words[i].form, false).lower;
      ++lower_counts[lower];
      ++lower_classes[lower][gold[k][i]];
    }
  }
  // Ambiguity classes: the set of tags that make at least a tenth of a word's
  // occurrences, for words seen often enough that the set means something. They
  // let the tagger look at the likely tags of the words to its right.
  std::unordered_map<uint64_t, uint32_t> ambiguity;
  for (const auto& [lower, counts] : lower_classes) {
    const int total = lower_counts[lower];
    uint64_t h = 1;
    if (total >= kAmbiguityMinCount) {
      for (const auto& [c, count] : counts) {
        if (count * 10 >= total) h = Pair(h, c + 1);
      }
    }
    uint32_t amb = static_cast<uint32_t>(h) | 1;  // never kUnknownAmbiguity
    ambiguity[lower] = amb;
    model->vocab_items.emplace_back(lower, amb);
  }
  std::sort(model->vocab_items.begin(), model->vocab_items.end());
  for (const auto& [word, bits] : options.clusters) {
    if (word.empty() || bits.empty() || bits.find_first_not_of("01") != std::string::npos) {
      return Status::InvalidArgument("tagger training: bad cluster \"" + bits.substr(0, 40) +
                                     "\" of word \"" + word.substr(0, 40) + "\"");
    }
    model->cluster_items.emplace_back(Fnv(word), bits);
  }
  for (const auto& [word, classes] : options.gazetteer) {
    if (word.empty() || classes.empty()) {
      return Status::InvalidArgument("tagger training: empty gazetteer word or class");
    }
    model->gazetteer_items.emplace_back(Fnv(word), classes);
  }
  model->BuildTables();
  const bool with_clusters = !model->cluster_items.empty();
  const bool with_gazetteer = !model->gazetteer_items.empty();

  const uint32_t n_classes = static_cast<uint32_t>(model->classes.size());
  Trainer trainer(n_classes);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<float> scores(n_classes);
  uint64_t keys[kMaxStatic + kMaxDynamic];
  std::unique_ptr<Model> best;
  double best_dev = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= std::max(1, options.epochs); ++epoch) {
    Shuffle(&order, &rng);
    size_t correct = 0;
    for (size_t k : order) {
      std::vector<WordInfo> s = DescribeSentence(Forms(train[k]));
      model->SetClusters(&s);
      for (size_t i = 2; i + 2 < s.size(); ++i) {
        const double count = lower_counts[s[i].lower];
        if (static_cast<double>(rng() >> 11) * 0x1.0p-53 <
            kUnknownAlpha / (kUnknownAlpha + count)) {
          s[i].lower = UnknownWord();
          s[i].amb = kUnknownAmbiguity;
        } else {
          s[i].amb = ambiguity[s[i].lower];
        }
      }
      // Learn from the tagger's own previous guesses, as it will see at run time.
      uint32_t prev = n_classes, prev2 = n_classes + 1;
      for (size_t w = 0; w < gold[k].size(); ++w) {
        const size_t i = w + 2;
        uint32_t guess = 0;
        if (const KeyTable::Slot* d = model->dict.Find(s[i].form)) {
          guess = d->a;
        } else {
          size_t n = StaticFeatures(s, i, with_clusters, with_gazetteer, keys);
          n += DynamicFeatures(s, i, prev, prev2, keys + n);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.Score(keys, n, scores.data());
          for (uint32_t c = 1; c < n_classes; ++c) {
            if (scores[c] > scores[guess]) guess = c;
          }
          trainer.Step(keys, n, gold[k][w], guess);
        }
        correct += guess == gold[k][w];
        prev2 = prev;
        prev = guess;
      }
    }
    auto averaged = std::make_unique<Model>();
    averaged->classes = model->classes;
    averaged->dict_items = model->dict_items;
    averaged->vocab_items = model->vocab_items;
    averaged->cluster_items = model->cluster_items;
    averaged->gazetteer_items = model->gazetteer_items;
    trainer.Average(averaged.get());
    const Accuracy a = Evaluate(*averaged, dev);
    if (log != nullptr) {
      const double secs = std::chrono::duration<double>(Clock::now() - started).count();
      *log << "tagger epoch " << epoch << ": train "
           << (100.0 * correct / std::max<size_t>(1, n_words)) << "%, dev UPOS " << a.Upos()
           << "% XPOS " << a.Xpos() << "% (" << averaged->row_key.size() << " features, "
           << averaged->weights.size() << " weights, " << secs << " s)\n";
    }
    // Select on dev UPOS, ties broken by XPOS; with no dev set, the last epoch.
    const double score = a.Upos() * 1000 + a.Xpos();
    if (dev.empty() || score > best_dev) {
      best_dev = score;
      best_epoch = epoch;
      best = std::move(averaged);
    }
  }
  if (log != nullptr && !dev.empty()) *log << "tagger: keeping epoch " << best_epoch << "\n";
  return std::unique_ptr<Tagger>(new Tagger(std::move(best)));
}

}  // namespace polgraph::extract::nlp
