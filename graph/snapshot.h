// snapshot: the built KnowledgeGraph as a compact binary file, so that a command
// that only reads the graph (`polgraph query`) loads it in milliseconds instead of
// reading every relation from the store and merging actors again.
//
// A snapshot is a cache. It records the store generation (store::Store::
// Generation) it was made from; a reader passes the store's current generation
// and gets an error for a snapshot of any other state, then rebuilds from the
// store. Nothing here needs the store.
//
// Layout (all integers little-endian, see core/bytes.h):
//   bytes 0-7   "PGGRAPH1"
//   uint32      format version of the payload (kSnapshotVersion)
//   uint64      store generation the graph was built from
//   uint64      documents in the store at that generation
//   uint64      payload size in bytes
//   uint64      Checksum64 of the payload
//   payload     vertices in index order (every ActorVertex field), edges in
//               insertion order (source, target, every RelationEdge field),
//               every actor id and merged id with its vertex, then the name
//               indexes behind FindByName with a fingerprint of the NormalizeKey
//               that made them (a build whose NormalizeKey differs rebuilds them)
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::graph {

// Format version of the payload written by this build; bumped whenever the
// payload layout changes. Older and newer versions are refused (a cache is
// simply rebuilt).
inline constexpr uint32_t kSnapshotVersion = 1;

// Where a snapshot's graph came from.
struct SnapshotOrigin {
  uint64_t store_generation = 0;  // Store::Generation() of the state the graph was built from
  uint64_t documents = 0;         // documents in the store at that generation
};

// Writes `kg` with `origin` to `out`. IoError when the stream fails.
Status WriteSnapshot(const KnowledgeGraph& kg, const SnapshotOrigin& origin, std::ostream& out);

// The graph in `bytes`, identical to the one written: the same vertices and edges
// in the same order with every field, the same FindById and FindByName answers.
// Errors: Corruption when `bytes` is not a polgraph snapshot, is truncated or
// padded, fails its checksum or holds inconsistent data (a vertex index out of
// range, an unknown actor type); InvalidArgument when it is a snapshot of another
// format version or of a store generation other than `expected_generation`.
// When `origin` is not null it receives the header's origin on success.
Result<KnowledgeGraph> ReadSnapshot(std::string_view bytes, uint64_t expected_generation,
                                    SnapshotOrigin* origin = nullptr);

}  // namespace polgraph::graph
