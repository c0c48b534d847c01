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

#include "core/bytes.h"
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

// The payload serialisers, shared with graph snapshots (core/bytes.h); declared
// here too so model code keeps naming them as extract::nlp::ByteWriter/ByteReader.
using polgraph::ByteReader;
using polgraph::ByteWriter;

}  // namespace polgraph::extract::nlp
