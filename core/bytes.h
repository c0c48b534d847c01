// bytes: little-endian serialisation of the binary files polgraph writes (trained
// models, graph snapshots), and the checksum their headers carry.
//
// ByteWriter appends values to a string; ByteReader reads them back in the same
// order. A read past the end sets ByteReader::failed() and yields zeros, so a
// loader reads everything and checks once at the end. Neither is thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace polgraph {

// FNV-1a, 64 bits: detects damaged files, not tampering.
inline uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// A checksum for large payloads, about eight times faster than Fnv1a64: one
// multiply and one xor-shift per 8-byte word (the last 0-7 bytes padded with
// zeros, the length mixed in first). Every step is a bijection of the state, so
// any single damaged word changes the result. Detects damage, not tampering.
inline uint64_t Checksum64(std::string_view bytes) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;  // odd: multiplying is invertible
  const auto step = [](uint64_t h, uint64_t word) {
    h = (h ^ word) * kMultiplier;
    return h ^ (h >> 32);
  };
  uint64_t h = step(1469598103934665603ULL, bytes.size());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);  // little-endian machines, as below
    h = step(h, word);
  }
  uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  return step(h, tail);
}

// Appends little-endian values to a payload.
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void I64(int64_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
  void F64(double v) { Raw(&v, sizeof v); }
  // A uint32 byte count, then the bytes.
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void F32s(const std::vector<float>& v) {
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(float));
  }
  std::string& bytes() { return out_; }

 private:
  // polgraph targets little-endian machines (x86-64, arm64); a big-endian port
  // would byte-swap here.
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

// Reads what ByteWriter wrote. Any read past the end sets failed() and returns zeros,
// so a loader checks once at the end.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}
  uint8_t U8() { return Get<uint8_t>(); }
  uint32_t U32() { return Get<uint32_t>(); }
  uint64_t U64() { return Get<uint64_t>(); }
  int32_t I32() { return Get<int32_t>(); }
  int64_t I64() { return Get<int64_t>(); }
  float F32() { return Get<float>(); }
  double F64() { return Get<double>(); }
  std::string Str() {
    uint32_t n = U32();
    if (n > in_.size() - pos_) {
      failed_ = true;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<float> F32s() {
    uint64_t n = U64();
    if (n > (in_.size() - pos_) / sizeof(float)) {
      failed_ = true;
      return {};
    }
    std::vector<float> v(n);
    Raw(v.data(), n * sizeof(float));
    return v;
  }
  // A count of items about to be read, each at least `min_item_bytes` long: a
  // count the remaining bytes cannot hold sets failed() and gives 0, so a damaged
  // count never makes a loader reserve gigabytes.
  uint64_t Count(size_t min_item_bytes) {
    const uint64_t n = U64();
    if (failed_ || n > remaining() / (min_item_bytes == 0 ? 1 : min_item_bytes)) {
      failed_ = true;
      return 0;
    }
    return n;
  }
  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == in_.size(); }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  template <typename T>
  T Get() {
    T v{};
    Raw(&v, sizeof v);
    return v;
  }
  void Raw(void* p, size_t n) {
    if (failed_ || n > in_.size() - pos_) {
      failed_ = true;
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace polgraph
