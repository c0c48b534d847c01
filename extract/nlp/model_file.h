// The on-disk format of trained models (tagger, parser): a small header with a
// magic number, the model kind, a format version and a checksum, then the payload.
//
//   bytes 0-7    "PGMODEL1"
//   uint32       header size that follows (for future fields)
//   uint32       format version of the payload, owned by the model kind
//   uint64       payload size in bytes
//   uint64       FNV-1a 64 of the payload
//   uint16 + n   model kind, e.g. "tagger", "parser"
//   payload
// All integers little-endian. ByteWriter/ByteReader serialise payloads the same way.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace polgraph::extract::nlp {

struct ModelFile {
  std::string kind;
  uint32_t version = 0;
  std::string payload;
};

// Writes atomically (temporary file, then rename). IoError names the path.
Status WriteModelFile(const std::string& path, const ModelFile& model);

// Reads and checks a model file. Errors, each naming the path: NotFound (missing),
// Corruption (not a polgraph model, truncated, checksum mismatch),
// InvalidArgument (a model of another kind than `expected_kind`, or a version
// above `max_version`).
Result<ModelFile> ReadModelFile(const std::string& path, std::string_view expected_kind,
                                uint32_t max_version);
// The same on bytes already in memory (`name` is used in messages).
Result<ModelFile> ParseModelFile(std::string_view bytes, std::string_view name,
                                 std::string_view expected_kind, uint32_t max_version);

// Appends little-endian values to a payload.
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void I32(int32_t v) { Raw(&v, sizeof v); }
  void F32(float v) { Raw(&v, sizeof v); }
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
  uint8_t U8() {
    uint8_t v = 0;
    Raw(&v, 1);
    return v;
  }
  uint32_t U32() {
    uint32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  int32_t I32() {
    int32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  float F32() {
    float v = 0;
    Raw(&v, sizeof v);
    return v;
  }
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
  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == in_.size(); }

 private:
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

}  // namespace polgraph::extract::nlp
