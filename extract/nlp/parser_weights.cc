#include "extract/nlp/parser_weights.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace polgraph::extract::nlp::parser_internal {
namespace {

// float <-> bfloat16, rounding to nearest even (weights are finite).
uint16_t ToBfloat16(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  bits += 0x7fff + ((bits >> 16) & 1);
  return static_cast<uint16_t>(bits >> 16);
}
float FromBfloat16(uint16_t h) {
  uint32_t bits = uint32_t{h} << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

}  // namespace

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
  const bool dense = width_ == kInlineWidth;
  size_t part_rows[2] = {0, 0};
  for (uint64_t key : set.keys) ++part_rows[PartOf(key)];
  for (int p = 0; p < 2; ++p) {
    size_t capacity = 16;
    // Up to 3/4 full: a smaller table beats shorter probe chains (eight
    // transition slots share a cache line, so a probe of a few slots mostly
    // stays in the line already fetched).
    while (capacity * 3 < 4 * part_rows[p]) capacity *= 2;
    parts_[p].mask = capacity - 1;
    if (dense) {
      parts_[p].inline_slots.assign(capacity, InlineSlot());
    } else {
      parts_[p].sparse_slots.assign(capacity, SparseSlot());
    }
  }
  if (!dense) entries_.reserve(set.weights.size());
  assert(set.weights.size() < (size_t{1} << 24));
  uint32_t begin = 0;
  for (size_t r = 0; r < rows_; ++r) {
    const uint64_t key = set.keys[r];
    const uint32_t end = set.ends[r];
    Part& part = parts_[PartOf(key)];
    size_t i = key & part.mask;
    if (dense) {
      while (part.inline_slots[i].fp != 0) i = (i + 1) & part.mask;
      InlineSlot& slot = part.inline_slots[i];
      slot.fp = Fingerprint16(key);
      for (uint32_t e = begin; e < end; ++e) slot.w[set.classes[e]] = ToBfloat16(set.weights[e]);
    } else {
      while (part.sparse_slots[i].fp != 0) i = (i + 1) & part.mask;
      SparseSlot& slot = part.sparse_slots[i];
      slot.fp = Fingerprint(key);
      slot.row = static_cast<uint32_t>(entries_.size() << 8 | (end - begin));
      for (uint32_t e = begin; e < end; ++e) {
        entries_.push_back({ToBfloat16(set.weights[e]), set.classes[e]});
      }
    }
    begin = end;
  }
}

void WeightTable::Score(const uint64_t* keys, int n, float* scores) const {
  // Prefetching every feature's slot first lets their cache misses overlap
  // instead of being paid one after the other.
  if (width_ == kInlineWidth) {
    for (int f = 0; f < n; ++f) {
      const Part& part = parts_[PartOf(keys[f])];
      __builtin_prefetch(&part.inline_slots[keys[f] & part.mask]);
    }
    float sum[kInlineWidth] = {0, 0, 0};
    for (int f = 0; f < n; ++f) {
      const Part& part = parts_[PartOf(keys[f])];
      const InlineSlot* slots = part.inline_slots.data();
      const uint16_t fp = Fingerprint16(keys[f]);
      for (size_t i = keys[f] & part.mask; slots[i].fp != 0; i = (i + 1) & part.mask) {
        if (slots[i].fp != fp) continue;
        for (int c = 0; c < kInlineWidth; ++c) sum[c] += FromBfloat16(slots[i].w[c]);
        break;
      }
    }
    for (int c = 0; c < kInlineWidth; ++c) scores[c] += sum[c];
    return;
  }
  for (int f = 0; f < n; ++f) {
    const Part& part = parts_[PartOf(keys[f])];
    __builtin_prefetch(&part.sparse_slots[keys[f] & part.mask]);
  }
  uint32_t found[256];
  int m = 0;
  for (int f = 0; f < n && m < 256; ++f) {
    const Part& part = parts_[PartOf(keys[f])];
    const SparseSlot* slots = part.sparse_slots.data();
    const uint32_t fp = Fingerprint(keys[f]);
    for (size_t i = keys[f] & part.mask; slots[i].fp != 0; i = (i + 1) & part.mask) {
      if (slots[i].fp != fp) continue;
      __builtin_prefetch(&entries_[slots[i].row >> 8]);
      found[m++] = slots[i].row;
      break;
    }
  }
  for (int k = 0; k < m; ++k) {
    const Entry* e = &entries_[found[k] >> 8];
    for (uint32_t j = 0; j < (found[k] & 0xff); ++j) scores[e[j].cls] += FromBfloat16(e[j].w);
  }
}

}  // namespace polgraph::extract::nlp::parser_internal
