// RankActors: degree, PageRank and betweenness over the merged graph. The
// algorithms run on small property-free copies of the graph (one link per pair of
// actors), built per call: Boost's algorithms then walk plain integer adjacency
// lists instead of the bundled edges.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <cstdint>
#include <random>
#include <tuple>
#include <utility>
#include <vector>

#include "query/query.h"

namespace polgraph::query {
namespace {

using Link = std::pair<graph::Vertex, graph::Vertex>;

// Distinct (subject, object) pairs joined by a relation with weight > 0; with
// `undirected`, each pair once whatever its direction.
std::vector<Link> PositiveLinks(const graph::Graph& g, bool undirected) {
  std::vector<Link> links;
  links.reserve(boost::num_edges(g));
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].weight <= 0) continue;
    graph::Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (undirected && t < s) std::swap(s, t);
    links.emplace_back(s, t);
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  return links;
}

std::vector<double> PageRank(const graph::Graph& g) {
  using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  const std::vector<Link> links = PositiveLinks(g, false);
  Directed d(links.begin(), links.end(), boost::num_vertices(g));
  std::vector<double> rank(boost::num_vertices(g), 0.0);
  if (rank.empty()) return rank;
  boost::graph::page_rank(
      d, boost::make_iterator_property_map(rank.begin(), get(boost::vertex_index, d)),
      boost::graph::n_iterations(50));
  return rank;
}

// Brandes' accumulation from a subset of sources over an undirected adjacency
// list. Each pair is reached from both of its ends, so sums are halved, as Boost
// does for undirected graphs: with every vertex as a source the result equals
// boost::brandes_betweenness_centrality.
std::vector<double> SampledBetweenness(const std::vector<std::vector<uint32_t>>& adjacency,
                                       const std::vector<uint32_t>& sources) {
  const size_t n = adjacency.size();
  std::vector<double> centrality(n, 0.0), dependency(n, 0.0), paths(n, 0.0);
  std::vector<int64_t> distance(n, -1);
  std::vector<uint32_t> stack;
  stack.reserve(n);
  for (uint32_t s : sources) {
    stack.clear();
    stack.push_back(s);
    distance[s] = 0;
    paths[s] = 1;
    // `stack` doubles as the BFS queue: vertices are appended in BFS order, and
    // popped in reverse for the accumulation.
    for (size_t head = 0; head < stack.size(); ++head) {
      const uint32_t v = stack[head];
      for (uint32_t w : adjacency[v]) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          stack.push_back(w);
        }
        if (distance[w] == distance[v] + 1) paths[w] += paths[v];
      }
    }
    for (size_t i = stack.size(); i-- > 0;) {
      const uint32_t w = stack[i];
      for (uint32_t v : adjacency[w]) {
        if (distance[v] == distance[w] - 1)
          dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
      }
      if (w != s) centrality[w] += dependency[w];
    }
    for (uint32_t v : stack) {
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }
  for (double& c : centrality) c /= 2;
  return centrality;
}

std::vector<double> Betweenness(const graph::Graph& g, const RankOptions& options,
                                Ranking* ranking) {
  const size_t n = boost::num_vertices(g);
  const std::vector<Link> links = PositiveLinks(g, true);
  const double work = static_cast<double>(n) * static_cast<double>(links.size());
  if (work <= options.exact_betweenness_work && options.betweenness_samples == 0) {
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected u(links.begin(), links.end(), n);
    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(
        u, boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, u)));
    return centrality;
  }
  std::vector<std::vector<uint32_t>> adjacency(n);
  for (const auto& [a, b] : links) {
    adjacency[a].push_back(static_cast<uint32_t>(b));
    adjacency[b].push_back(static_cast<uint32_t>(a));
  }
  size_t samples = options.betweenness_samples;
  if (samples == 0) {
    samples = static_cast<size_t>(options.exact_betweenness_work /
                                  std::max<double>(1.0, static_cast<double>(links.size())));
    samples = std::max<size_t>(samples, 32);
  }
  samples = std::min(samples, n);
  std::vector<uint32_t> sources(n);
  for (size_t i = 0; i < n; ++i) sources[i] = static_cast<uint32_t>(i);
  // A fixed seed: the same graph always gets the same estimate.
  std::mt19937_64 random(20071);
  std::shuffle(sources.begin(), sources.end(), random);
  sources.resize(samples);
  std::vector<double> centrality = SampledBetweenness(adjacency, sources);
  const double scale = samples == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(samples);
  for (double& c : centrality) c *= scale;
  ranking->approximate = samples < n;
  ranking->samples = samples;
  return centrality;
}

}  // namespace

Ranking RankActors(const graph::KnowledgeGraph& kg, const RankOptions& options) {
  const graph::Graph& g = kg.graph();
  Ranking ranking;
  std::vector<double> scores;
  switch (options.by) {
    case Centrality::kDegree:
      break;
    case Centrality::kPageRank:
      scores = PageRank(g);
      break;
    case Centrality::kBetweenness:
      scores = Betweenness(g, options, &ranking);
      break;
  }
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (options.type && g[v].type != *options.type) continue;
    const size_t degree = boost::out_degree(v, g) + boost::in_degree(v, g);
    const double score = scores.empty() ? static_cast<double>(degree) : scores[v];
    ranking.actors.push_back({v, score, degree});
  }
  const auto before = [&g](const ActorScore& a, const ActorScore& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::tie(g[a.actor].label, a.actor) < std::tie(g[b.actor].label, b.actor);
  };
  if (ranking.actors.size() > options.limit) {
    std::partial_sort(ranking.actors.begin(),
                      ranking.actors.begin() + static_cast<std::ptrdiff_t>(options.limit),
                      ranking.actors.end(), before);
    ranking.actors.resize(options.limit);
  } else {
    std::sort(ranking.actors.begin(), ranking.actors.end(), before);
  }
  return ranking;
}

}  // namespace polgraph::query
