#include "extract/nlp/model_file.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace polgraph::extract::nlp {
namespace {

constexpr char kMagic[] = "PGMODEL1";

}  // namespace

Status WriteModelFile(const std::string& path, const ModelFile& model) {
  ByteWriter header;
  header.U32(static_cast<uint32_t>(4 + 8 + 8 + 2 + model.kind.size()));
  header.U32(model.version);
  header.U64(model.payload.size());
  header.U64(Fnv1a64(model.payload));
  uint16_t kind_len = static_cast<uint16_t>(model.kind.size());
  header.U8(static_cast<uint8_t>(kind_len & 0xff));
  header.U8(static_cast<uint8_t>(kind_len >> 8));
  header.bytes().append(model.kind);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp + ": cannot open for writing");
    out.write(kMagic, 8);
    out.write(header.bytes().data(), static_cast<std::streamsize>(header.bytes().size()));
    out.write(model.payload.data(), static_cast<std::streamsize>(model.payload.size()));
    if (!out) return Status::IoError(tmp + ": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": cannot replace file");
  }
  return Status::Ok();
}

Result<ModelFile> ParseModelFile(std::string_view bytes, std::string_view name,
                                 std::string_view expected_kind, uint32_t max_version) {
  const std::string where(name);
  if (bytes.size() < 8 || bytes.substr(0, 8) != std::string_view(kMagic, 8)) {
    return Status::Corruption(where + ": not a polgraph model file (bad magic number)");
  }
  ByteReader r(bytes.substr(8));
  uint32_t header_size = r.U32();
  if (r.failed() || header_size < 22 || header_size > bytes.size() - 12) {
    return Status::Corruption(where + ": truncated model header");
  }
  ModelFile m;
  m.version = r.U32();
  uint64_t payload_size = r.U64();
  uint64_t checksum = r.U64();
  uint16_t kind_len = r.U8();
  kind_len = static_cast<uint16_t>(kind_len | (r.U8() << 8));
  if (r.failed() || 22u + kind_len > header_size) {
    return Status::Corruption(where + ": truncated model header");
  }
  size_t kind_at = 8 + 4 + 4 + 8 + 8 + 2;
  m.kind = std::string(bytes.substr(kind_at, kind_len));
  size_t payload_at = 8 + 4 + header_size;
  if (payload_at > bytes.size() || bytes.size() - payload_at != payload_size) {
    return Status::Corruption(
        where + ": truncated or padded model (payload of " +
        std::to_string(bytes.size() > payload_at ? bytes.size() - payload_at : 0) +
        " bytes, header says " + std::to_string(payload_size) + ")");
  }
  if (m.kind != expected_kind) {
    return Status::InvalidArgument(where + ": a \"" + m.kind + "\" model, expected \"" +
                                   std::string(expected_kind) + "\"");
  }
  if (m.version > max_version) {
    return Status::InvalidArgument(where + ": model format version " + std::to_string(m.version) +
                                   " is newer than this polgraph reads (" +
                                   std::to_string(max_version) + ")");
  }
  m.payload = std::string(bytes.substr(payload_at));
  if (Fnv1a64(m.payload) != checksum) {
    return Status::Corruption(where + ": checksum mismatch (file damaged)");
  }
  return m;
}

Result<ModelFile> ReadModelFile(const std::string& path, std::string_view expected_kind,
                                uint32_t max_version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open model file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseModelFile(buf.str(), path, expected_kind, max_version);
}

}  // namespace polgraph::extract::nlp
