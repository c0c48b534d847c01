// query: questions users ask of the merged graph.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::query {

// One edge seen from a given actor.
struct Neighbor {
  graph::Vertex actor;    // the other actor
  graph::Edge edge;       // the relation
  bool outgoing = false;  // true when the queried actor is the subject
};

// All relations of the actor best matching `name`, strongest (weight) first.
// NotFound when no actor matches.
Result<std::vector<Neighbor>> Neighbors(const graph::KnowledgeGraph& kg, const std::string& name);

// A shortest chain of relations between two actors, ignoring direction. Each step
// is an edge; the path is empty when `from` and `to` are the same actor. NotFound
// when either name matches no actor or no chain joins them.
struct PathStep {
  graph::Vertex from, to;
  graph::Edge edge;
};
Result<std::vector<PathStep>> ShortestPath(const graph::KnowledgeGraph& kg, const std::string& from,
                                           const std::string& to);

// The `limit` actors with the most distinct relations (in + out edges), most
// connected first, ties broken by label. Empty for an empty graph.
struct ActorDegree {
  graph::Vertex actor;
  size_t degree = 0;
};
std::vector<ActorDegree> TopActors(const graph::KnowledgeGraph& kg, size_t limit);

}  // namespace polgraph::query
