#include "query/query.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/reject.h"
#include "core/text.h"

namespace polgraph::query {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// ICU transliterators are not safe to share between threads while they run; one
// per thread, built on first use (building one parses its rules: ~1 ms).
const icu::Transliterator* Folder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return folder.get();
}

// The words of a folded name from the last `n` on, for surname suggestions:
// "tomas brandt" -> "brandt".
std::vector<std::string_view> TrailingParts(std::string_view folded) {
  std::vector<std::string_view> parts = {folded};
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == ' ') parts.push_back(folded.substr(i + 1));
  }
  return parts;
}

Status NotFoundWithSuggestions(const graph::KnowledgeGraph& kg, const std::string& name,
                               const ActorLookup& lookup) {
  std::string message = "no actor matches \"" + MakeExcerpt(name) + "\"";
  if (lookup.matches.empty()) return Status::NotFound(message + " and none is close");
  message += "; closest: ";
  for (size_t i = 0; i < lookup.matches.size(); ++i) {
    const graph::ActorVertex& actor = kg.graph()[lookup.matches[i].actor];
    if (i > 0) message += ", ";
    message += actor.label + " (" + ActorTypeName(actor.type) + ")";
  }
  return Status::NotFound(message);
}

bool PassesFilter(const graph::RelationEdge& edge, const NeighborFilter& filter) {
  if (!filter.predicates.empty() && std::find(filter.predicates.begin(), filter.predicates.end(),
                                              edge.predicate) == filter.predicates.end()) {
    return false;
  }
  if (!filter.since.empty() && (edge.last_seen.empty() || edge.last_seen < filter.since)) {
    return false;
  }
  if (!filter.until.empty() && (edge.first_seen.empty() || edge.first_seen > filter.until)) {
    return false;
  }
  return true;
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string ascii;
  if (IsAscii(name)) {
    ascii.assign(name);
  } else if (const icu::Transliterator* folder = Folder()) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    folder->transliterate(text);
    text.toUTF8String(ascii);
  } else {
    ascii.assign(name);  // no ICU data: fold case and punctuation only
  }
  for (char& c : ascii) {
    if (c == '-') c = ' ';
  }
  return NormalizeKey(ascii);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

ActorLookup FindActor(const graph::KnowledgeGraph& kg, const std::string& name,
                      size_t max_suggestions) {
  const graph::Graph& g = kg.graph();
  ActorLookup lookup;
  // An exact actor id ("person:vladimir putin") is accepted too, so output of
  // one command can be fed to the next.
  std::vector<graph::Vertex> exact = kg.FindByName(name);
  if (exact.empty()) {
    if (std::optional<graph::Vertex> v = kg.FindById(name)) exact.push_back(*v);
  }
  if (!exact.empty()) {
    lookup.kind = MatchKind::kExact;
    for (graph::Vertex v : exact) lookup.matches.push_back({v, g[v].label, 0});
    return lookup;
  }

  const std::string folded = FoldName(name);
  if (folded.empty()) return lookup;
  // Folding every form costs a pass over the graph, paid only when the exact
  // index missed; ASCII forms (nearly all) fold without ICU.
  struct Candidate {
    size_t distance;
    int mentions;
    graph::Vertex actor;
    std::string form;
  };
  std::vector<Candidate> same, near;
  const size_t budget = std::max<size_t>(2, folded.size() / 4);
  const std::string suffix = " " + folded;
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::ActorVertex& actor = g[v];
    std::optional<Candidate> best;
    for (size_t i = 0; i <= actor.aliases.size(); ++i) {
      const std::string& form = i == 0 ? actor.label : actor.aliases[i - 1];
      const std::string f = FoldName(form);
      if (f == folded || (i == 0 && actor.type == ActorType::kPerson && f.size() > suffix.size() &&
                          f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0)) {
        best = Candidate{0, actor.mention_count, v, form};
        break;
      }
      for (std::string_view part : TrailingParts(f)) {
        // A length gap beyond the budget cannot be within it: skip the O(n*m) work.
        const size_t gap =
            part.size() > folded.size() ? part.size() - folded.size() : folded.size() - part.size();
        if (gap > budget) continue;
        const size_t d = EditDistance(part, folded);
        if (d <= budget && (!best || d < best->distance)) {
          best = Candidate{d, actor.mention_count, v, form};
        }
      }
    }
    if (!best) continue;
    (best->distance == 0 ? same : near).push_back(std::move(*best));
  }
  const auto order = [&](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance, b.mentions, a.actor) < std::tie(b.distance, a.mentions, b.actor);
  };
  std::vector<Candidate>* chosen = &same;
  lookup.kind = MatchKind::kFolded;
  if (same.empty()) {
    chosen = &near;
    lookup.kind = MatchKind::kFuzzy;
  }
  std::sort(chosen->begin(), chosen->end(), order);
  if (lookup.kind == MatchKind::kFuzzy && chosen->size() > max_suggestions) {
    chosen->resize(max_suggestions);
  }
  for (Candidate& c : *chosen) lookup.matches.push_back({c.actor, std::move(c.form), c.distance});
  return lookup;
}

Result<graph::Vertex> ResolveActor(const graph::KnowledgeGraph& kg, const std::string& name) {
  ActorLookup lookup = FindActor(kg, name);
  if (lookup.kind == MatchKind::kFuzzy) return NotFoundWithSuggestions(kg, name, lookup);
  return lookup.matches.front().actor;
}

Result<std::vector<Neighbor>> Neighbors(const graph::KnowledgeGraph& kg, const std::string& name,
                                        const NeighborFilter& filter) {
  for (const std::string* date : {&filter.since, &filter.until}) {
    if (!date->empty() && !IsIsoDate(*date)) {
      return Status::InvalidArgument("date \"" + MakeExcerpt(*date) +
                                     "\" is not a date; expected YYYY-MM-DD");
    }
  }
  Result<graph::Vertex> actor = ResolveActor(kg, name);
  if (!actor.ok()) return actor.status();
  const graph::Graph& g = kg.graph();
  std::vector<Neighbor> neighbors;
  for (graph::Edge e : boost::make_iterator_range(boost::out_edges(actor.value(), g))) {
    if (PassesFilter(g[e], filter)) neighbors.push_back({boost::target(e, g), e, true});
  }
  for (graph::Edge e : boost::make_iterator_range(boost::in_edges(actor.value(), g))) {
    if (PassesFilter(g[e], filter)) neighbors.push_back({boost::source(e, g), e, false});
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

Result<std::vector<graph::Edge>> Between(const graph::KnowledgeGraph& kg, const std::string& a,
                                         const std::string& b) {
  Result<graph::Vertex> first = ResolveActor(kg, a);
  if (!first.ok()) return first.status();
  Result<graph::Vertex> second = ResolveActor(kg, b);
  if (!second.ok()) return second.status();
  const graph::Graph& g = kg.graph();
  std::vector<graph::Edge> edges;
  if (first.value() == second.value()) return edges;
  for (graph::Vertex from : {first.value(), second.value()}) {
    const graph::Vertex to = from == first.value() ? second.value() : first.value();
    for (graph::Edge e : boost::make_iterator_range(boost::out_edges(from, g))) {
      if (boost::target(e, g) == to) edges.push_back(e);
    }
  }
  std::stable_sort(edges.begin(), edges.end(), [&g](graph::Edge x, graph::Edge y) {
    return std::make_tuple(-g[x].weight, g[x].predicate, boost::source(x, g)) <
           std::make_tuple(-g[y].weight, g[y].predicate, boost::source(y, g));
  });
  return edges;
}

Result<std::vector<PathStep>> ShortestPath(const graph::KnowledgeGraph& kg, const std::string& from,
                                           const std::string& to, const PathOptions& options) {
  Result<graph::Vertex> start = ResolveActor(kg, from);
  if (!start.ok()) return start.status();
  Result<graph::Vertex> goal = ResolveActor(kg, to);
  if (!goal.ok()) return goal.status();
  if (start.value() == goal.value()) return std::vector<PathStep>{};

  const graph::Graph& g = kg.graph();
  // One search from each end; each visited actor remembers the hop that reached
  // it. Hash maps rather than per-vertex arrays: on a graph of a million actors,
  // clearing arrays would cost more than the search itself.
  struct Side {
    std::unordered_map<graph::Vertex, std::optional<PathStep>> reached;
    std::vector<graph::Vertex> frontier;
    size_t depth = 0;
  };
  Side sides[2];
  sides[0].reached.emplace(start.value(), std::nullopt);
  sides[0].frontier = {start.value()};
  sides[1].reached.emplace(goal.value(), std::nullopt);
  sides[1].frontier = {goal.value()};
  const size_t max_hops = options.max_hops == 0 ? static_cast<size_t>(-1) : options.max_hops;
  std::optional<graph::Vertex> meeting;
  while (!meeting && !sides[0].frontier.empty() && !sides[1].frontier.empty() &&
         sides[0].depth + sides[1].depth < max_hops) {
    // Widen the side with the smaller frontier: the search then grows from
    // whichever end is less connected, and hubs are entered last.
    Side& side = sides[0].frontier.size() <= sides[1].frontier.size() ? sides[0] : sides[1];
    Side& other = &side == &sides[0] ? sides[1] : sides[0];
    std::vector<graph::Vertex> next;
    const auto visit = [&](graph::Vertex v, graph::Vertex u, graph::Edge e) {
      if (g[e].weight <= 0 || side.reached.count(u) != 0) return;
      side.reached.emplace(u, PathStep{v, u, e});
      next.push_back(u);
      if (!meeting && other.reached.count(u) != 0) meeting = u;
    };
    for (graph::Vertex v : side.frontier) {
      for (graph::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
        visit(v, boost::target(e, g), e);
      }
      for (graph::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
        visit(v, boost::source(e, g), e);
      }
      if (meeting) break;
    }
    side.frontier = std::move(next);
    ++side.depth;
  }
  if (!meeting) {
    std::string message = "no chain of relations joins \"" + g[start.value()].label + "\" and \"" +
                          g[goal.value()].label + "\"";
    if (options.max_hops != 0) message += " within " + std::to_string(options.max_hops) + " hops";
    return Status::NotFound(message);
  }
  std::vector<PathStep> path;
  for (graph::Vertex v = *meeting; sides[0].reached.at(v);) {
    const PathStep& step = *sides[0].reached.at(v);
    path.push_back(step);
    v = step.from;
  }
  std::reverse(path.begin(), path.end());
  for (graph::Vertex v = *meeting; sides[1].reached.at(v);) {
    const PathStep& step = *sides[1].reached.at(v);
    path.push_back({step.to, step.from, step.edge});  // walked from the goal: turn it round
    v = step.from;
  }
  return path;
}

Result<graph::KnowledgeGraph> EgoNetwork(const graph::KnowledgeGraph& kg, const std::string& name,
                                         size_t hops) {
  Result<graph::Vertex> centre = ResolveActor(kg, name);
  if (!centre.ok()) return centre.status();
  const graph::Graph& g = kg.graph();
  std::vector<graph::Vertex> order = {centre.value()};
  std::set<graph::Vertex> seen = {centre.value()};
  size_t level_begin = 0;
  for (size_t hop = 0; hop < hops && level_begin < order.size(); ++hop) {
    const size_t level_end = order.size();
    for (size_t i = level_begin; i < level_end; ++i) {
      const graph::Vertex v = order[i];
      const auto visit = [&](graph::Vertex u, graph::Edge e) {
        if (g[e].weight > 0 && seen.insert(u).second) order.push_back(u);
      };
      for (graph::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
        visit(boost::target(e, g), e);
      }
      for (graph::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
        visit(boost::source(e, g), e);
      }
    }
    level_begin = level_end;
  }
  return kg.Subgraph(order);
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
