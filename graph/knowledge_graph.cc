#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "core/text.h"
#include "graph/actor_merge.h"

namespace polgraph::graph {
namespace {

// A mention's date: its own when valid, else its document's, else none. Dates
// are compared as strings, which orders YYYY-MM-DD correctly.
std::string MentionDate(const Relation& relation,
                        const std::unordered_map<std::string, std::string>& doc_dates) {
  if (IsIsoDate(relation.date)) return relation.date;
  auto it = doc_dates.find(relation.doc);
  if (it != doc_dates.end() && IsIsoDate(it->second)) return it->second;
  return {};
}

// Relation order that does not depend on the order documents were read in, so the
// same input always yields the same edge order.
std::vector<size_t> SortedRelations(const std::vector<Relation>& relations) {
  std::vector<size_t> order(relations.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Relation& x = relations[a];
    const Relation& y = relations[b];
    return std::tie(x.doc, x.sentence, x.predicate, x.subject.id, x.object.id) <
           std::tie(y.doc, y.sentence, y.predicate, y.subject.id, y.object.id);
  });
  return order;
}

}  // namespace

KnowledgeGraph::KnowledgeGraph() : graph_(std::make_unique<Graph>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(std::make_unique<Graph>(*other.graph_)),
      by_id_(other.by_id_),
      by_name_(other.by_name_),
      by_surname_(other.by_surname_) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

KnowledgeGraph KnowledgeGraph::Build(const std::vector<Entity>& entities,
                                     const std::vector<Relation>& relations,
                                     const std::vector<Document>& documents) {
  const std::vector<size_t> order = SortedRelations(relations);
  ActorTable table = CollectActors(entities, relations, order);
  const MergePlan plan = PlanMerges(table);
  std::vector<ActorVertex>& actors = table.actors;
  const size_t n = actors.size();

  // Each relation end resolved to the actor (a root) it names. A short name that
  // fits several people ("Le Pen") is read in the light of its document: when the
  // other relations there name exactly one of the candidates, it is that one.
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<std::pair<size_t, size_t>> ends(order.size(), {kNone, kNone});
  std::vector<size_t> uses(n, 0);
  std::vector<bool> had_relations(n, false);
  std::map<size_t, std::map<size_t, int>> redirected;  // ambiguous -> candidate -> ends
  for (size_t first = 0; first < order.size();) {
    size_t last = first;
    while (last < order.size() && relations[order[last]].doc == relations[order[first]].doc) {
      ++last;
    }
    std::set<size_t> named;
    for (size_t k = first; k < last; ++k) {
      const Relation& relation = relations[order[k]];
      for (size_t* end : {&ends[k].first, &ends[k].second}) {
        const EntityRef& ref = end == &ends[k].first ? relation.subject : relation.object;
        const long index = table.Find(RefId(ref));
        if (index < 0) continue;  // a ref with no name at all
        *end = plan.root[static_cast<size_t>(index)];
        named.insert(*end);
        had_relations[*end] = true;
      }
    }
    for (size_t k = first; k < last; ++k) {
      const Relation& relation = relations[order[k]];
      for (size_t* end : {&ends[k].first, &ends[k].second}) {
        if (*end == kNone) continue;
        const std::vector<size_t>& candidates = plan.candidates[*end];
        size_t chosen = kNone;
        for (size_t c : candidates) {
          if (named.count(c) == 0) continue;
          chosen = chosen == kNone ? c : kNone - 1;  // a second one: still ambiguous
        }
        if (chosen != kNone && chosen != kNone - 1) {
          ++redirected[*end][chosen];
          const EntityRef& ref = end == &ends[k].first ? relation.subject : relation.object;
          CountAlias(&actors[chosen], ref.surface, 1);
          *end = chosen;
        }
        ++uses[*end];
      }
    }
    first = last;
  }

  for (size_t i = 0; i < n; ++i) {
    if (plan.root[i] != i) Absorb(actors[i], &actors[plan.root[i]]);
  }
  KnowledgeGraph kg;
  Graph& graph = *kg.graph_;
  std::vector<Vertex> vertex_of(n, boost::graph_traits<Graph>::null_vertex());
  for (size_t i = 0; i < n; ++i) {
    // A short name resolved in every document it appears in is not an actor of
    // its own.
    if (plan.root[i] != i || (had_relations[i] && uses[i] == 0)) continue;
    FinishAliases(&actors[i]);
    vertex_of[i] = boost::add_vertex(std::move(actors[i]), graph);
  }
  for (const auto& [id, i] : table.index) {
    size_t target = plan.root[i];
    if (vertex_of[target] == boost::graph_traits<Graph>::null_vertex()) {
      const std::map<size_t, int>& to = redirected.at(target);
      target = std::max_element(to.begin(), to.end(), [](const auto& a, const auto& b) {
                 return a.second < b.second;
               })->first;
    }
    kg.by_id_.emplace(id, vertex_of[target]);
  }

  std::unordered_map<std::string, std::string> doc_dates;
  for (const Document& doc : documents) doc_dates.emplace(doc.id, doc.date);

  struct EdgeState {
    Edge edge;
    const std::string* last_doc = nullptr;
    double positive_sum = 0, all_sum = 0;  // Goldstein scores
    int positive_scores = 0, all_scores = 0;
  };
  std::vector<EdgeState> edges;
  std::map<std::tuple<Vertex, std::string, Vertex>, size_t> edge_index;
  const auto widen = [](const std::string& date, std::string* first, std::string* last) {
    if (date.empty()) return;
    if (first->empty() || date < *first) *first = date;
    if (last->empty() || date > *last) *last = date;
  };
  for (size_t k = 0; k < order.size(); ++k) {
    const Relation& relation = relations[order[k]];
    // Both ends were registered by CollectActors unless the ref had no name at all.
    if (ends[k].first == kNone || ends[k].second == kNone) continue;
    const Vertex s = vertex_of[ends[k].first];
    const Vertex o = vertex_of[ends[k].second];
    const std::string date = MentionDate(relation, doc_dates);
    ++graph[s].mention_count;
    widen(date, &graph[s].first_seen, &graph[s].last_seen);
    if (s == o) continue;  // "Putin said Vladimir Putin ..." after merging: no self-loops
    ++graph[o].mention_count;
    widen(date, &graph[o].first_seen, &graph[o].last_seen);

    auto key = std::make_tuple(s, relation.predicate, o);
    auto found = edge_index.find(key);
    if (found == edge_index.end()) {
      RelationEdge bundle;
      bundle.predicate = relation.predicate;
      bundle.kind = relation.kind;
      const Edge e = boost::add_edge(s, o, std::move(bundle), graph).first;
      found = edge_index.emplace(std::move(key), edges.size()).first;
      edges.push_back({e});
    }
    EdgeState& state = edges[found->second];
    RelationEdge& edge = graph[state.edge];
    const bool positive = !relation.negated && !relation.hypothetical;
    if (relation.negated) ++edge.negated_count;
    if (relation.hypothetical) ++edge.hypothetical_count;
    if (positive) ++edge.weight;
    widen(date, &edge.first_seen, &edge.last_seen);
    edge.confidence = std::max(edge.confidence, relation.confidence);
    if (edge.cameo.empty()) edge.cameo = relation.cameo;
    if (relation.goldstein) {
      state.all_sum += *relation.goldstein;
      ++state.all_scores;
      if (positive) {
        state.positive_sum += *relation.goldstein;
        ++state.positive_scores;
      }
    }
    // Relations come sorted by document, so one edge's documents arrive in runs.
    if (state.last_doc == nullptr || *state.last_doc != relation.doc) {
      ++edge.doc_count;
      state.last_doc = &relation.doc;
    }
    if (edge.evidence.size() < kMaxEvidence) {
      edge.evidence.push_back(
          {relation.doc, relation.sentence, relation.start, relation.end, relation.evidence});
    }
    if (relation.store_id != 0) edge.relation_ids.push_back(relation.store_id);
  }
  for (const EdgeState& state : edges) {
    RelationEdge& edge = graph[state.edge];
    if (state.positive_scores > 0) {
      edge.goldstein = state.positive_sum / state.positive_scores;
    } else if (state.all_scores > 0) {
      edge.goldstein = state.all_sum / state.all_scores;
    }
  }
  kg.IndexNames();
  return kg;
}

void KnowledgeGraph::IndexNames() {
  const Graph& graph = *graph_;
  by_name_.clear();
  by_surname_.clear();
  std::vector<std::string> keys;
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
    const ActorVertex& actor = graph[v];
    keys.clear();
    keys.push_back(NormalizeKey(actor.label));
    if (actor.type == ActorType::kPerson) {
      const std::string& label = keys.front();
      const size_t space = label.rfind(' ');
      if (space != std::string::npos) by_surname_[label.substr(space + 1)].push_back(v);
    }
    for (const std::string& alias : actor.aliases) keys.push_back(NormalizeKey(alias));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& key : keys) {
      if (!key.empty()) by_name_[key].push_back(v);
    }
  }
}

std::optional<Vertex> KnowledgeGraph::FindById(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> KnowledgeGraph::FindByName(const std::string& name) const {
  const Graph& graph = *graph_;
  const std::string key = NormalizeKey(name);
  if (key.empty()) return {};
  auto it = by_name_.find(key);
  std::vector<Vertex> found;
  if (it != by_name_.end()) {
    found = it->second;
  } else {
    // Users ask by surname ("Brandt", "Le Pen") for people the corpus always
    // names in full: match the trailing words of Person labels.
    const size_t space = key.rfind(' ');
    auto candidates = by_surname_.find(space == std::string::npos ? key : key.substr(space + 1));
    if (candidates != by_surname_.end()) {
      const std::string suffix = " " + key;
      for (Vertex v : candidates->second) {
        const std::string label = NormalizeKey(graph[v].label);
        if (label.size() > suffix.size() &&
            label.compare(label.size() - suffix.size(), suffix.size(), suffix) == 0) {
          found.push_back(v);
        }
      }
    }
  }
  auto rank = [&](Vertex v) {
    const ActorVertex& actor = graph[v];
    // Exact label before alias, then the actor the corpus talks about most;
    // the vertex index only breaks ties, for a stable answer.
    return std::make_tuple(NormalizeKey(actor.label) == key ? 0 : 1, -actor.mention_count, v);
  };
  std::sort(found.begin(), found.end(), [&](Vertex a, Vertex b) { return rank(a) < rank(b); });
  return found;
}

KnowledgeGraph KnowledgeGraph::Subgraph(const std::vector<Vertex>& vertices) const {
  const Graph& graph = *graph_;
  KnowledgeGraph sub;
  const Vertex kAbsent = boost::graph_traits<Graph>::null_vertex();
  std::vector<Vertex> mapped(boost::num_vertices(graph), kAbsent);
  std::vector<Vertex> kept;
  for (Vertex v : vertices) {
    if (v >= mapped.size() || mapped[v] != kAbsent) continue;
    mapped[v] = boost::add_vertex(graph[v], *sub.graph_);
    kept.push_back(v);
  }
  for (Vertex v : kept) {
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, graph))) {
      const Vertex t = boost::target(e, graph);
      if (mapped[t] != kAbsent) boost::add_edge(mapped[v], mapped[t], graph[e], *sub.graph_);
    }
  }
  for (const auto& [id, v] : by_id_) {
    if (mapped[v] != kAbsent) sub.by_id_.emplace(id, mapped[v]);
  }
  sub.IndexNames();
  return sub;
}

KnowledgeGraph::Builder::Builder(size_t expected_actors) : kg_(std::make_unique<KnowledgeGraph>()) {
  kg_->by_id_.reserve(expected_actors);
}

Vertex KnowledgeGraph::Builder::AddActor(ActorVertex actor) {
  auto found = kg_->by_id_.find(actor.id);
  if (found != kg_->by_id_.end()) return found->second;
  std::string id = actor.id;
  const Vertex v = boost::add_vertex(std::move(actor), *kg_->graph_);
  kg_->by_id_.emplace(std::move(id), v);
  return v;
}

Edge KnowledgeGraph::Builder::AddRelation(Vertex subject, Vertex object, RelationEdge relation) {
  assert(subject < boost::num_vertices(*kg_->graph_) && object < boost::num_vertices(*kg_->graph_));
  return boost::add_edge(subject, object, std::move(relation), *kg_->graph_).first;
}

void KnowledgeGraph::Builder::AddIdAlias(const std::string& id, Vertex target) {
  kg_->by_id_.emplace(id, target);
}

KnowledgeGraph KnowledgeGraph::Builder::Finish() {
  kg_->IndexNames();
  KnowledgeGraph kg = std::move(*kg_);
  kg_ = std::make_unique<KnowledgeGraph>();
  return kg;
}

}  // namespace polgraph::graph
