#include "query/query.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <tuple>

namespace polgraph::query {
namespace {

// Best vertex for a user-typed name; an exact actor id ("person:vladimir putin")
// is accepted too, so output of one command can be fed to the next.
std::optional<graph::Vertex> Resolve(const graph::KnowledgeGraph& kg, const std::string& name) {
  std::vector<graph::Vertex> found = kg.FindByName(name);
  if (!found.empty()) return found.front();
  return kg.FindById(name);
}

Status NoActor(const std::string& name) {
  return Status::NotFound("no actor matches \"" + name + "\"");
}

}  // namespace

Result<std::vector<Neighbor>> Neighbors(const graph::KnowledgeGraph& kg, const std::string& name) {
  std::optional<graph::Vertex> actor = Resolve(kg, name);
  if (!actor) return NoActor(name);
  const graph::Graph& g = kg.graph();
  std::vector<Neighbor> neighbors;
  for (graph::Edge e : boost::make_iterator_range(boost::out_edges(*actor, g))) {
    neighbors.push_back({boost::target(e, g), e, true});
  }
  for (graph::Edge e : boost::make_iterator_range(boost::in_edges(*actor, g))) {
    neighbors.push_back({boost::source(e, g), e, false});
  }
  // Strongest first; the rest of the order only makes ties come out the same way
  // every time (edge descriptors have no order of their own).
  auto before = [&g](const Neighbor& a, const Neighbor& b) {
    const graph::RelationEdge& x = g[a.edge];
    const graph::RelationEdge& y = g[b.edge];
    if (x.weight != y.weight) return x.weight > y.weight;
    return std::tie(g[a.actor].label, x.predicate, b.outgoing, a.actor) <
           std::tie(g[b.actor].label, y.predicate, a.outgoing, b.actor);
  };
  std::stable_sort(neighbors.begin(), neighbors.end(), before);
  return neighbors;
}

Result<std::vector<PathStep>> ShortestPath(const graph::KnowledgeGraph& kg, const std::string& from,
                                           const std::string& to) {
  std::optional<graph::Vertex> start = Resolve(kg, from);
  if (!start) return NoActor(from);
  std::optional<graph::Vertex> goal = Resolve(kg, to);
  if (!goal) return NoActor(to);
  if (*start == *goal) return std::vector<PathStep>{};

  const graph::Graph& g = kg.graph();
  // Breadth-first over both edge directions: "A sanctions B" links B to A as
  // well. Edges with weight 0 are skipped, since only denials or hypotheticals
  // support them and they assert no relation.
  std::vector<std::optional<PathStep>> reached_by(boost::num_vertices(g));
  std::vector<bool> seen(boost::num_vertices(g), false);
  std::deque<graph::Vertex> queue = {*start};
  seen[*start] = true;
  auto visit = [&](graph::Vertex v, graph::Vertex next, graph::Edge e) {
    if (seen[next] || g[e].weight <= 0) return;
    seen[next] = true;
    reached_by[next] = PathStep{v, next, e};
    queue.push_back(next);
  };
  while (!queue.empty() && !seen[*goal]) {
    graph::Vertex v = queue.front();
    queue.pop_front();
    for (graph::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
      visit(v, boost::target(e, g), e);
    }
    for (graph::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
      visit(v, boost::source(e, g), e);
    }
  }
  if (!seen[*goal]) {
    return Status::NotFound("no chain of relations joins \"" + g[*start].label + "\" and \"" +
                            g[*goal].label + "\"");
  }
  std::vector<PathStep> path;
  for (graph::Vertex v = *goal; v != *start; v = reached_by[v]->from)
    path.push_back(*reached_by[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<ActorDegree> TopActors(const graph::KnowledgeGraph& kg, size_t limit) {
  const graph::Graph& g = kg.graph();
  std::vector<ActorDegree> out;
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    out.push_back({v, boost::out_degree(v, g) + boost::in_degree(v, g)});
  }
  std::sort(out.begin(), out.end(), [&](const ActorDegree& a, const ActorDegree& b) {
    return a.degree != b.degree ? a.degree > b.degree : g[a.actor].label < g[b.actor].label;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace polgraph::query
