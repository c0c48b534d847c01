#include "extract/nlp/parser_weights.h"

#include <algorithm>
#include <cmath>

namespace polgraph::extract::nlp::parser_internal {

void KeyIndex::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot());
  mask_ = capacity - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = s.key & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void KeyIndex::Reserve(size_t n) {
  size_t capacity = 16;
  // At most half full: linear probing stays short and lookups of absent keys
  // (most features at parse time) stop at the first empty slot quickly.
  while (capacity < 2 * n) capacity *= 2;
  if (capacity > slots_.size()) Rehash(capacity);
}

uint32_t KeyIndex::FindOrInsert(uint64_t key) {
  if (2 * (size_ + 1) > slots_.size()) Rehash(slots_.size() * 2);
  size_t i = key & mask_;
  while (true) {
    Slot& s = slots_[i];
    if (s.key == key) return s.row;
    if (s.key == 0) {
      s.key = key;
      s.row = static_cast<uint32_t>(size_++);
      return s.row;
    }
    i = (i + 1) & mask_;
  }
}

void AveragedWeights::Score(const uint64_t* keys, int n, float* scores) const {
  for (int f = 0; f < n; ++f) {
    uint32_t row = index_.Find(keys[f]);
    if (row == KeyIndex::kNone) continue;
    const float* w = &weights_[static_cast<size_t>(row) * width_];
    for (int c = 0; c < width_; ++c) scores[c] += w[c];
  }
}

void AveragedWeights::Update(const uint64_t* keys, int n, int cls, float delta, uint64_t now) {
  for (int f = 0; f < n; ++f) {
    uint32_t row = index_.FindOrInsert(keys[f]);
    if (row == keys_.size()) {
      keys_.push_back(keys[f]);
      weights_.resize(weights_.size() + width_, 0.0f);
      totals_.resize(totals_.size() + width_, 0.0f);
      stamps_.resize(stamps_.size() + width_, 0);
    }
    size_t i = static_cast<size_t>(row) * width_ + cls;
    totals_[i] += static_cast<float>(now - stamps_[i]) * weights_[i];
    stamps_[i] = now;
    weights_[i] += delta;
  }
}

RowSet AveragedWeights::Average(uint64_t now, float min_abs) const {
  RowSet out;
  out.width = width_;
  const double scale = now == 0 ? 0.0 : 1.0 / static_cast<double>(now);
  for (size_t row = 0; row < keys_.size(); ++row) {
    const size_t before = out.weights.size();
    for (int c = 0; c < width_; ++c) {
      size_t i = row * width_ + c;
      double total = totals_[i] + static_cast<double>(now - stamps_[i]) * weights_[i];
      float avg = static_cast<float>(total * scale);
      if (std::fabs(avg) < min_abs) continue;
      out.classes.push_back(static_cast<uint8_t>(c));
      out.weights.push_back(avg);
    }
    if (out.weights.size() == before) continue;
    out.keys.push_back(keys_[row]);
    out.ends.push_back(static_cast<uint32_t>(out.weights.size()));
  }
  return out;
}

void RowSet::Write(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(width));
  out->U64(keys.size());
  uint32_t begin = 0;
  for (size_t r = 0; r < keys.size(); ++r) {
    out->U64(keys[r]);
    out->U8(static_cast<uint8_t>(ends[r] - begin));
    for (uint32_t e = begin; e < ends[r]; ++e) {
      out->U8(classes[e]);
      out->F32(weights[e]);
    }
    begin = ends[r];
  }
}

bool RowSet::Read(ByteReader* in) {
  width = static_cast<int>(in->U32());
  uint64_t n = in->U64();
  if (in->failed() || width <= 0 || width > 255 || n > (uint64_t{1} << 31)) return false;
  keys.clear();
  ends.clear();
  classes.clear();
  weights.clear();
  for (uint64_t r = 0; r < n && !in->failed(); ++r) {
    keys.push_back(in->U64());
    int nnz = in->U8();
    for (int i = 0; i < nnz; ++i) {
      uint8_t c = in->U8();
      if (c >= width) return false;
      classes.push_back(c);
      weights.push_back(in->F32());
    }
    ends.push_back(static_cast<uint32_t>(weights.size()));
  }
  return !in->failed();
}

WeightTable::WeightTable(const RowSet& set) : width_(set.width), rows_(set.keys.size()) {
  size_t capacity = 16;
  // Up to 3/4 full: parsing is bound by cache misses, so a smaller table beats
  // shorter probe chains (four slots share a cache line, so a probe of a few
  // slots mostly stays in the line already fetched).
  while (capacity * 3 < 4 * rows_) capacity *= 2;
  mask_ = capacity - 1;
  const bool dense = width_ == kInlineWidth;
  if (dense) {
    inline_.assign(capacity, InlineSlot());
  } else {
    sparse_.assign(capacity, SparseSlot());
    entries_.reserve(set.weights.size());
  }
  uint32_t begin = 0;
  for (size_t r = 0; r < rows_; ++r) {
    const uint64_t key = set.keys[r];
    const uint32_t fp = Fingerprint(key);
    const uint32_t end = set.ends[r];
    size_t i = key & mask_;
    if (dense) {
      while (inline_[i].fp != 0) i = (i + 1) & mask_;
      inline_[i].fp = fp;
      for (uint32_t e = begin; e < end; ++e) inline_[i].w[set.classes[e]] = set.weights[e];
    } else {
      while (sparse_[i].fp != 0) i = (i + 1) & mask_;
      sparse_[i].fp = fp;
      sparse_[i].begin = static_cast<uint32_t>(entries_.size());
      for (uint32_t e = begin; e < end; ++e) entries_.push_back({set.weights[e], set.classes[e]});
      sparse_[i].end = static_cast<uint32_t>(entries_.size());
    }
    begin = end;
  }
}

void WeightTable::Score(const uint64_t* keys, int n, float* scores) const {
  // Prefetching every feature's slot first lets their cache misses overlap
  // instead of being paid one after the other.
  if (!inline_.empty()) {
    for (int f = 0; f < n; ++f) __builtin_prefetch(&inline_[keys[f] & mask_]);
    for (int f = 0; f < n; ++f) {
      const uint32_t fp = Fingerprint(keys[f]);
      for (size_t i = keys[f] & mask_; inline_[i].fp != 0; i = (i + 1) & mask_) {
        if (inline_[i].fp != fp) continue;
        for (int c = 0; c < kInlineWidth; ++c) scores[c] += inline_[i].w[c];
        break;
      }
    }
    return;
  }
  if (sparse_.empty()) return;
  for (int f = 0; f < n; ++f) __builtin_prefetch(&sparse_[keys[f] & mask_]);
  uint32_t found[256];
  int m = 0;
  for (int f = 0; f < n && m < 256; ++f) {
    const uint32_t fp = Fingerprint(keys[f]);
    for (size_t i = keys[f] & mask_; sparse_[i].fp != 0; i = (i + 1) & mask_) {
      if (sparse_[i].fp != fp) continue;
      __builtin_prefetch(&entries_[sparse_[i].begin]);
      found[m++] = static_cast<uint32_t>(i);
      break;
    }
  }
  for (int k = 0; k < m; ++k) {
    const SparseSlot& s = sparse_[found[k]];
    for (uint32_t e = s.begin; e < s.end; ++e) scores[entries_[e].cls] += entries_[e].w;
  }
}

}  // namespace polgraph::extract::nlp::parser_internal
