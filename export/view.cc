#include "export/view.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include "core/text.h"

namespace polgraph::exporter {
namespace {

// Users type "impose sanctions" or "Impose-Sanctions" as often as the stored
// lower_snake_case form; all of them mean the same predicate.
std::string CanonicalPredicate(std::string_view text) {
  std::string out;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '-') c = '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

bool ExportFilter::active() const {
  return min_weight > 0 || !since.empty() || !until.empty() || !predicates.empty() ||
         !actor.empty();
}

ExportView::ExportView(const graph::KnowledgeGraph& kg)
    : kg_(&kg), keep_(boost::num_vertices(kg.graph()), true) {
  Count();
}

bool ExportView::PassesEdgeTests(const graph::RelationEdge& rel) const {
  if (!edge_tests_) return true;
  if (rel.weight < filter_.min_weight) return false;
  if (!filter_.since.empty() || !filter_.until.empty()) {
    const std::string& first = rel.first_seen.empty() ? rel.last_seen : rel.first_seen;
    const std::string& last = rel.last_seen.empty() ? rel.first_seen : rel.last_seen;
    if (first.empty()) return false;
    // ISO dates compare as strings; the relation's span must overlap the range.
    if (!filter_.since.empty() && last < filter_.since) return false;
    if (!filter_.until.empty() && first > filter_.until) return false;
  }
  if (!filter_.predicates.empty() && std::find(filter_.predicates.begin(), filter_.predicates.end(),
                                               rel.predicate) == filter_.predicates.end()) {
    return false;
  }
  return true;
}

bool ExportView::Keeps(graph::Edge e) const {
  const graph::Graph& g = graph();
  return keep_[boost::source(e, g)] && keep_[boost::target(e, g)] && PassesEdgeTests(g[e]);
}

void ExportView::Count() {
  const graph::Graph& g = graph();
  degree_.assign(boost::num_vertices(g), 0);
  num_edges_ = 0;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (!Keeps(e)) continue;
    ++num_edges_;
    ++degree_[boost::source(e, g)];
    ++degree_[boost::target(e, g)];
  }
  num_vertices_ = static_cast<size_t>(std::count(keep_.begin(), keep_.end(), true));
}

Result<ExportView> ExportView::Select(const graph::KnowledgeGraph& kg, const ExportFilter& filter) {
  for (const std::string* date : {&filter.since, &filter.until}) {
    if (!date->empty() && !IsIsoDate(*date)) {
      return Status::InvalidArgument("date \"" + date->substr(0, 80) +
                                     "\" is not a calendar date written YYYY-MM-DD");
    }
  }
  if (filter.hops < 0) {
    return Status::InvalidArgument("--hops is " + std::to_string(filter.hops) +
                                   ", expected 0 or more");
  }
  ExportView view(kg);
  view.filter_ = filter;
  view.filter_.predicates.clear();
  for (const std::string& p : filter.predicates) {
    view.filter_.predicates.push_back(CanonicalPredicate(p));
  }
  view.edge_tests_ = filter.min_weight > 0 || !filter.since.empty() || !filter.until.empty() ||
                     !filter.predicates.empty();
  const graph::Graph& g = kg.graph();
  const size_t n = boost::num_vertices(g);

  if (!filter.actor.empty()) {
    std::vector<graph::Vertex> matches = kg.FindByName(filter.actor);
    if (matches.empty()) {
      return Status::NotFound("no actor named \"" + filter.actor.substr(0, 80) + "\" in the graph");
    }
    view.centre_ = matches.front();
    view.centre_matches_ = matches.size();
    // Breadth-first over kept relations in both directions: an ego network is
    // about who is connected, whichever way the relation points.
    std::vector<int> distance(n, -1);
    std::deque<graph::Vertex> queue = {matches.front()};
    distance[matches.front()] = 0;
    while (!queue.empty()) {
      graph::Vertex v = queue.front();
      queue.pop_front();
      if (distance[v] >= filter.hops) continue;
      const auto visit = [&](graph::Vertex u, const graph::RelationEdge& rel) {
        if (distance[u] >= 0 || !view.PassesEdgeTests(rel)) return;
        distance[u] = distance[v] + 1;
        queue.push_back(u);
      };
      for (graph::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
        visit(boost::target(e, g), g[e]);
      }
      for (graph::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
        visit(boost::source(e, g), g[e]);
      }
    }
    for (size_t v = 0; v < n; ++v) view.keep_[v] = distance[v] >= 0;
  } else if (view.edge_tests_) {
    std::vector<bool> touched(n, false);
    for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
      if (!view.PassesEdgeTests(g[e])) continue;
      touched[boost::source(e, g)] = true;
      touched[boost::target(e, g)] = true;
    }
    view.keep_ = std::move(touched);
  }
  view.Count();
  return view;
}

}  // namespace polgraph::exporter
