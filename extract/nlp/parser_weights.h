// Internal to the parser: the feature-weight tables of its averaged perceptrons.
//
// A feature is a 64-bit key (template id and the packed ids it conjoins, mixed);
// each key maps to a row of `width` class weights stored contiguously, so scoring
// all classes of a feature is one short vectorisable loop. AveragedWeights is the
// mutable form used while training; WeightTable the frozen, averaged and pruned
// form used for parsing and saved in the model file. Neither is thread-safe for
// writes; WeightTable::Score may be called from many threads at once.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/nlp/model_file.h"

namespace polgraph::extract::nlp::parser_internal {

// A well-mixed nonzero 64-bit feature key from a template id and up to three
// values packed without overlap (a, b < 2^24: word ids; c < 2^16: tags, labels,
// distances). The template id enters through a random-looking constant, so two
// templates collide only by a 64-bit accident.
inline uint64_t Mix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
// The top bit tells the two kinds of template apart (see WeightTable).
constexpr uint64_t kHotKeyBit = uint64_t{1} << 63;
inline uint64_t FeatureKey(uint32_t tpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t k = Mix64((a | (b << 24) | (c << 48)) ^ (0x9e3779b97f4a7c15ULL * (tpl + 1)));
  k &= ~kHotKeyBit;
  return k == 0 ? 1 : k;
}
inline uint64_t HotFeatureKey(uint32_t tpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  return FeatureKey(tpl, a, b, c) | kHotKeyBit;
}

// Open-addressing (linear probing) map from a nonzero key to a dense row number.
class KeyIndex {
 public:
  static constexpr uint32_t kNone = 0xffffffffu;
  KeyIndex() { Rehash(16); }
  uint32_t Find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.row;
      if (s.key == 0) return kNone;
    }
  }
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }
  // Row number of `key`, adding it as row size() when absent.
  uint32_t FindOrInsert(uint64_t key);
  size_t size() const { return size_; }
  void Reserve(size_t n);

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t row = 0;
  };
  void Rehash(size_t capacity);
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct RowSet;

// Perceptron weights with lazy averaging: each weight keeps the sum of its past
// values up to its last change, so an update costs O(features), not O(model).
class AveragedWeights {
 public:
  explicit AveragedWeights(int width) : width_(width) {}
  int width() const { return width_; }
  // Adds the current (not averaged) weights of the known keys to scores[0..width).
  void Score(const uint64_t* keys, int n, float* scores) const;
  // Adds `delta` to class `cls` of every key, at time step `now`.
  void Update(const uint64_t* keys, int n, int cls, float delta, uint64_t now);
  // The weights averaged over time steps [0, now); weights below `min_abs` in
  // magnitude become zero and rows left all zero are dropped.
  RowSet Average(uint64_t now, float min_abs) const;

 private:
  int width_;
  KeyIndex index_;
  std::vector<uint64_t> keys_;  // by row, for Average()
  std::vector<float> weights_, totals_;
  std::vector<uint64_t> stamps_;
};

// Trained rows as they are saved: per key, the nonzero class weights (most rows
// have two or three of them).
struct RowSet {
  int width = 1;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> ends;  // row r's entries are [ends[r-1], ends[r])
  std::vector<uint8_t> classes;
  std::vector<float> weights;
  void Write(ByteWriter* out) const;
  // False when the bytes are not a RowSet written by Write().
  bool Read(ByteReader* in);
};

// Frozen key -> class weights for parsing. Slots hold a fingerprint of the key
// (bits 32-63; the low bits chose the slot) with the row beside it: dense and
// inline for the three transitions, so a feature costs one cache line; sparse for
// labels, where a row has ~3 nonzero classes out of ~50.
//
// Parsing is bound by cache misses in these tables, hence two choices:
// - The transition slots are 8 bytes, a 16-bit fingerprint and the three weights
//   as bfloat16 (the high half of the float, rounded: 8 significant bits; dev
//   scores moved by at most 0.01). A 16-bit fingerprint lets about one absent
//   feature in 15,000 read a wrong row.
// - Keys of "hot" templates (HotFeatureKey: tags, labels, distances, valencies,
//   single clusters; small value spaces looked up all the time) live in their
//   own table, separate from the word-keyed rows: packed together they stay in
//   the core's cache instead of each sharing a cache line with cold word rows.
class WeightTable {
 public:
  WeightTable() = default;
  explicit WeightTable(const RowSet& rows);
  int width() const { return width_; }
  size_t rows() const { return rows_; }
  // Adds the rows of the known keys to scores[0..width); unknown keys add nothing.
  void Score(const uint64_t* keys, int n, float* scores) const;

  static constexpr int kInlineWidth = 3;

 private:
  static uint32_t Fingerprint(uint64_t key) {
    uint32_t fp = static_cast<uint32_t>(key >> 32);
    return fp == 0 ? 1 : fp;
  }
  static uint16_t Fingerprint16(uint64_t key) {
    uint16_t fp = static_cast<uint16_t>(key >> 32);
    return fp == 0 ? 1 : fp;
  }
  struct InlineSlot {
    uint16_t fp = 0;                       // 0 = empty
    uint16_t w[kInlineWidth] = {0, 0, 0};  // bfloat16
  };
  struct SparseSlot {
    uint32_t fp = 0;
    uint32_t row = 0;  // entries_[row >> 8, (row >> 8) + (row & 0xff))
  };
  struct Entry {
    uint16_t w;  // bfloat16
    uint16_t cls;
  };
  // One open-addressing table: [0] cold keys, [1] hot keys.
  struct Part {
    size_t mask = 0;
    std::vector<InlineSlot> inline_slots;  // when width_ == kInlineWidth
    std::vector<SparseSlot> sparse_slots;  // otherwise
  };
  static int PartOf(uint64_t key) { return static_cast<int>(key >> 63); }
  int width_ = 1;
  size_t rows_ = 0;
  Part parts_[2];
  std::vector<Entry> entries_;
};

}  // namespace polgraph::extract::nlp::parser_internal
