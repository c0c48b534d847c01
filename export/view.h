// The part of the merged graph an export writes: every writer walks the graph
// through an ExportView, which says which actors and relations are kept, so a
// filtered export streams from the one graph in memory instead of building a
// filtered copy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// What `polgraph export` cuts out of a big graph. The default keeps everything.
struct ExportFilter {
  double min_weight = 0;  // keep relations whose weight (positive mentions) is >= this
  std::string since;      // YYYY-MM-DD or empty: keep relations last seen on or after it
  std::string until;      // YYYY-MM-DD or empty: keep relations first seen on or before it
  std::vector<std::string> predicates;  // keep only these predicates; empty keeps all
  std::string actor;  // when set, keep only the ego network of the actor of this name
  int hops = 1;       // radius of the ego network, in relations (either direction)

  // True when some option restricts the graph.
  bool active() const;
};

// A read-only selection of actors and relations of `kg`, which must outlive it.
// Memory is one flag and one degree per actor; relations are tested on the fly.
// Safe to read from many threads.
class ExportView {
 public:
  // The whole graph.
  explicit ExportView(const graph::KnowledgeGraph& kg);
  // A view of a temporary graph would dangle.
  explicit ExportView(const graph::KnowledgeGraph&& kg) = delete;

  // Applies `filter` to `kg`. Relations are kept when they pass the weight, date
  // and predicate tests; a relation with no date is dropped when --since or
  // --until is given, since it cannot be placed in the range. With `actor`, the
  // actors within `hops` kept relations of it (FindByName's best match) are kept,
  // with the kept relations among them. Without `actor` but with another option,
  // actors left with no kept relation are dropped; with no option at all every
  // actor stays. Returns InvalidArgument for a malformed date, a negative hops,
  // and NotFound for an actor name that matches nobody (the message names it).
  static Result<ExportView> Select(const graph::KnowledgeGraph& kg, const ExportFilter& filter);
  static Result<ExportView> Select(const graph::KnowledgeGraph&& kg,
                                   const ExportFilter& filter) = delete;

  const graph::KnowledgeGraph& kg() const { return *kg_; }
  const graph::Graph& graph() const { return kg_->graph(); }

  bool Keeps(graph::Vertex v) const { return keep_[v]; }
  bool Keeps(graph::Edge e) const;
  // Kept relations in and out of a kept actor (a self-relation counts twice).
  int Degree(graph::Vertex v) const { return degree_[v]; }
  size_t num_vertices() const { return num_vertices_; }
  size_t num_edges() const { return num_edges_; }
  // The actor --actor resolved to, when the filter named one.
  std::optional<graph::Vertex> centre() const { return centre_; }
  // How many actors matched --actor (more than one: the best match was taken).
  size_t centre_matches() const { return centre_matches_; }

 private:
  // The relation tests of the filter, without the actor restriction.
  bool PassesEdgeTests(const graph::RelationEdge& rel) const;
  void Count();

  const graph::KnowledgeGraph* kg_;
  ExportFilter filter_;
  bool edge_tests_ = false;  // false: every relation passes PassesEdgeTests
  std::vector<bool> keep_;
  std::vector<int32_t> degree_;
  size_t num_vertices_ = 0;
  size_t num_edges_ = 0;
  std::optional<graph::Vertex> centre_;
  size_t centre_matches_ = 0;
};

}  // namespace polgraph::exporter
