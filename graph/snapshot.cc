#include "graph/snapshot.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bytes.h"
#include "core/text.h"

namespace polgraph::graph {
namespace {

constexpr std::string_view kMagic = "PGGRAPH1";
// Magic, version, generation, documents, payload size, checksum.
constexpr size_t kHeaderSize = 8 + 4 + 8 + 8 + 8 + 8;

// The fewest bytes one serialised item can take: ByteReader::Count refuses a
// count the rest of the payload cannot hold, so a damaged count fails cleanly
// instead of reserving memory for billions of items.
constexpr size_t kMinActorBytes = 4 + 4 + 1 + 8 + 8 + 4 + 4 + 4 + 4 + 4;
constexpr size_t kMinEdgeBytes = 8 + 8 + 4 + 1 + 4 + 1 + 8 + 4 * 4 + 4 + 4 + 8 + 8 + 8;
constexpr size_t kMinEvidenceBytes = 4 + 4 + 8 + 8 + 4;
constexpr size_t kMinIdBytes = 4 + 8;
constexpr size_t kMinNameBytes = 4 + 8;

// The name indexes are stored as this build's NormalizeKey made them, which
// saves normalising every label and alias again on each load. A build whose
// NormalizeKey differs would look names up under other keys, so the payload
// carries a fingerprint of NormalizeKey's behaviour on a probe that exercises
// each of its rules; on a mismatch the reader rebuilds the indexes.
uint64_t NormalizeKeyFingerprint() {
  static const uint64_t fingerprint = Fnv1a64(NormalizeKey(
      " \t Jean-Marie  LE\u00A0Pen O'Neil d\u2019Estaing U.S. Z\u00FCrich \u00C9LYS\u00C9E "
      "\u03A3\u03A9 \u2014 1,2; (a)/b\n"));
  return fingerprint;
}

using NameIndex = std::unordered_map<std::string, std::vector<Vertex>>;

void WriteNameIndex(const NameIndex& index, ByteWriter* w) {
  w->U64(index.size());
  for (const auto& [key, vertices] : index) {
    w->Str(key);
    w->U64(vertices.size());
    for (Vertex v : vertices) w->U64(v);
  }
}

// False on a vertex index out of range (`n` vertices).
bool ReadNameIndex(ByteReader* r, uint64_t n, NameIndex* index) {
  const uint64_t keys = r->Count(kMinNameBytes);
  index->reserve(keys);
  for (uint64_t i = 0; i < keys && !r->failed(); ++i) {
    std::string key = r->Str();
    std::vector<Vertex> vertices(r->Count(8));
    for (Vertex& v : vertices) {
      v = r->U64();
      if (v >= n && !r->failed()) return false;
    }
    index->emplace(std::move(key), std::move(vertices));
  }
  return true;
}

constexpr auto kLastActorType = static_cast<uint8_t>(ActorType::kConcept);
constexpr auto kLastRelationKind = static_cast<uint8_t>(RelationKind::kAffiliation);

void WriteActor(const ActorVertex& a, ByteWriter* w) {
  w->Str(a.id);
  w->Str(a.label);
  w->U8(static_cast<uint8_t>(a.type));
  w->U64(a.aliases.size());
  for (const std::string& alias : a.aliases) w->Str(alias);
  w->U64(a.alias_counts.size());
  for (int count : a.alias_counts) w->I32(count);
  w->Str(a.country);
  w->Str(a.wikidata);
  w->I32(a.mention_count);
  w->Str(a.first_seen);
  w->Str(a.last_seen);
}

void WriteRelation(const RelationEdge& e, ByteWriter* w) {
  w->Str(e.predicate);
  w->U8(static_cast<uint8_t>(e.kind));
  w->Str(e.cameo);
  w->U8(e.goldstein ? 1 : 0);
  w->F64(e.goldstein.value_or(0.0));
  w->I32(e.weight);
  w->I32(e.negated_count);
  w->I32(e.hypothetical_count);
  w->I32(e.doc_count);
  w->Str(e.first_seen);
  w->Str(e.last_seen);
  w->F64(e.confidence);
  w->U64(e.evidence.size());
  for (const Evidence& x : e.evidence) {
    w->Str(x.doc);
    w->I32(x.sentence);
    w->U64(x.start);
    w->U64(x.end);
    w->Str(x.text);
  }
  w->U64(e.relation_ids.size());
  for (int64_t id : e.relation_ids) w->I64(id);
}

// False on an unknown actor type; the caller reports it.
bool ReadActor(ByteReader* r, ActorVertex* a) {
  a->id = r->Str();
  a->label = r->Str();
  const uint8_t type = r->U8();
  a->type = static_cast<ActorType>(type);
  a->aliases.resize(r->Count(4));
  for (std::string& alias : a->aliases) alias = r->Str();
  a->alias_counts.resize(r->Count(4));
  for (int& count : a->alias_counts) count = r->I32();
  a->country = r->Str();
  a->wikidata = r->Str();
  a->mention_count = r->I32();
  a->first_seen = r->Str();
  a->last_seen = r->Str();
  return type <= kLastActorType;
}

// False on an unknown relation kind.
bool ReadRelation(ByteReader* r, RelationEdge* e) {
  e->predicate = r->Str();
  const uint8_t kind = r->U8();
  e->kind = static_cast<RelationKind>(kind);
  e->cameo = r->Str();
  const bool has_goldstein = r->U8() != 0;
  const double goldstein = r->F64();
  if (has_goldstein) e->goldstein = goldstein;
  e->weight = r->I32();
  e->negated_count = r->I32();
  e->hypothetical_count = r->I32();
  e->doc_count = r->I32();
  e->first_seen = r->Str();
  e->last_seen = r->Str();
  e->confidence = r->F64();
  e->evidence.resize(r->Count(kMinEvidenceBytes));
  for (Evidence& x : e->evidence) {
    x.doc = r->Str();
    x.sentence = r->I32();
    x.start = r->U64();
    x.end = r->U64();
    x.text = r->Str();
  }
  e->relation_ids.resize(r->Count(8));
  for (int64_t& id : e->relation_ids) id = r->I64();
  return kind <= kLastRelationKind;
}

}  // namespace

// Reaches KnowledgeGraph's members (it is a friend) so that a snapshot restores
// the graph as built, merged ids included, without merging again.
class SnapshotCodec {
 public:
  static std::string Payload(const KnowledgeGraph& kg) {
    const Graph& g = *kg.graph_;
    ByteWriter w;
    w.U64(boost::num_vertices(g));
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) WriteActor(g[v], &w);
    // Boost lists a bidirectional graph's edges in insertion order; adding them
    // back in that order restores every vertex's out- and in-edge order, which
    // queries iterate.
    w.U64(boost::num_edges(g));
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      w.U64(boost::source(e, g));
      w.U64(boost::target(e, g));
      WriteRelation(g[e], &w);
    }
    w.U64(kg.by_id_.size());
    for (const auto& [id, v] : kg.by_id_) {
      w.Str(id);
      w.U64(v);
    }
    w.U64(NormalizeKeyFingerprint());
    WriteNameIndex(kg.by_name_, &w);
    WriteNameIndex(kg.by_surname_, &w);
    return std::move(w.bytes());
  }

  static Result<KnowledgeGraph> FromPayload(std::string_view payload) {
    ByteReader r(payload);
    const uint64_t n = r.Count(kMinActorBytes);
    KnowledgeGraph kg;
    // Every vertex at once, each then read in place: no reallocation, and no copy
    // of a property (boost::add_vertex and add_edge copy the one they are given).
    kg.graph_ = std::make_unique<Graph>(n);
    Graph& g = *kg.graph_;
    for (uint64_t i = 0; i < n && !r.failed(); ++i) {
      if (!ReadActor(&r, &g[i]) && !r.failed()) {
        return Status::Corruption("graph snapshot: actor " + std::to_string(i) +
                                  " has an unknown type");
      }
    }
    const uint64_t edges = r.Count(kMinEdgeBytes);
    for (uint64_t i = 0; i < edges && !r.failed(); ++i) {
      const uint64_t s = r.U64();
      const uint64_t t = r.U64();
      if (r.failed()) break;
      if (s >= n || t >= n) {
        return Status::Corruption("graph snapshot: relation " + std::to_string(i) +
                                  " names vertex " + std::to_string(s >= n ? s : t) + " of " +
                                  std::to_string(n));
      }
      const Edge e = boost::add_edge(s, t, g).first;
      if (!ReadRelation(&r, &g[e]) && !r.failed()) {
        return Status::Corruption("graph snapshot: relation " + std::to_string(i) +
                                  " has an unknown kind");
      }
    }
    const uint64_t ids = r.Count(kMinIdBytes);
    kg.by_id_.reserve(ids);
    for (uint64_t i = 0; i < ids && !r.failed(); ++i) {
      std::string id = r.Str();
      const uint64_t v = r.U64();
      if (r.failed()) break;
      if (v >= n) {
        return Status::Corruption("graph snapshot: actor id \"" + id.substr(0, 80) +
                                  "\" names vertex " + std::to_string(v) + " of " +
                                  std::to_string(n));
      }
      kg.by_id_.emplace(std::move(id), v);
    }
    const uint64_t fingerprint = r.U64();
    if (!ReadNameIndex(&r, n, &kg.by_name_) || !ReadNameIndex(&r, n, &kg.by_surname_)) {
      return Status::Corruption("graph snapshot: the name index names a vertex out of range");
    }
    if (r.failed() || !r.at_end()) {
      return Status::Corruption("graph snapshot: payload does not match its layout");
    }
    if (fingerprint != NormalizeKeyFingerprint()) kg.IndexNames();
    return kg;
  }
};

Status WriteSnapshot(const KnowledgeGraph& kg, const SnapshotOrigin& origin, std::ostream& out) {
  const std::string payload = SnapshotCodec::Payload(kg);
  ByteWriter header;
  header.bytes().append(kMagic);
  header.U32(kSnapshotVersion);
  header.U64(origin.store_generation);
  header.U64(origin.documents);
  header.U64(payload.size());
  header.U64(Checksum64(payload));
  out.write(header.bytes().data(), static_cast<std::streamsize>(header.bytes().size()));
  out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
  if (!out) return Status::IoError("graph snapshot: write failed");
  return Status::Ok();
}

Result<KnowledgeGraph> ReadSnapshot(std::string_view bytes, uint64_t expected_generation,
                                    SnapshotOrigin* origin) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("not a polgraph graph snapshot (bad magic number)");
  }
  if (bytes.size() < kHeaderSize) {
    return Status::Corruption("graph snapshot: truncated header (" + std::to_string(bytes.size()) +
                              " bytes, expected at least " + std::to_string(kHeaderSize) + ")");
  }
  ByteReader r(bytes.substr(kMagic.size(), kHeaderSize - kMagic.size()));
  const uint32_t version = r.U32();
  SnapshotOrigin found;
  found.store_generation = r.U64();
  found.documents = r.U64();
  const uint64_t payload_size = r.U64();
  const uint64_t checksum = r.U64();
  // The cheap refusals first: a stale snapshot is the common case.
  if (version != kSnapshotVersion) {
    return Status::InvalidArgument("graph snapshot: format version " + std::to_string(version) +
                                   ", this polgraph reads " + std::to_string(kSnapshotVersion));
  }
  if (found.store_generation != expected_generation) {
    return Status::InvalidArgument("graph snapshot: of store generation " +
                                   std::to_string(found.store_generation) + ", expected " +
                                   std::to_string(expected_generation));
  }
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() != payload_size) {
    return Status::Corruption("graph snapshot: truncated or padded (payload of " +
                              std::to_string(payload.size()) + " bytes, header says " +
                              std::to_string(payload_size) + ")");
  }
  if (Checksum64(payload) != checksum) {
    return Status::Corruption("graph snapshot: checksum mismatch (file damaged)");
  }
  Result<KnowledgeGraph> kg = SnapshotCodec::FromPayload(payload);
  if (kg.ok() && origin != nullptr) *origin = found;
  return kg;
}

}  // namespace polgraph::graph
