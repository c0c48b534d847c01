#include "graph/knowledge_graph.h"

#include <algorithm>
#include <cassert>
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
                        const std::map<std::string, std::string>& doc_dates) {
  if (IsIsoDate(relation.date)) return relation.date;
  auto it = doc_dates.find(relation.doc);
  if (it != doc_dates.end() && IsIsoDate(it->second)) return it->second;
  return {};
}

void AddMention(const Relation& relation, const std::string& date, RelationEdge* edge) {
  if (relation.negated) ++edge->negated_count;
  if (relation.hypothetical) ++edge->hypothetical_count;
  if (!relation.negated && !relation.hypothetical) ++edge->weight;
  if (!date.empty()) {
    if (edge->first_seen.empty() || date < edge->first_seen) edge->first_seen = date;
    if (edge->last_seen.empty() || date > edge->last_seen) edge->last_seen = date;
  }
  edge->confidence = std::max(edge->confidence, relation.confidence);
  if (edge->cameo.empty()) edge->cameo = relation.cameo;
  if (!edge->goldstein) edge->goldstein = relation.goldstein;
  edge->evidence.push_back(
      {relation.doc, relation.sentence, relation.start, relation.end, relation.evidence});
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

KnowledgeGraph KnowledgeGraph::Build(const std::vector<Entity>& entities,
                                     const std::vector<Relation>& relations,
                                     const std::vector<Document>& documents) {
  KnowledgeGraph kg;
  std::map<std::string, ActorVertex> actors = CollectActors(entities, relations);
  std::map<std::string, std::string> merged_into = SurnameMerges(actors);
  for (const auto& [from, into] : merged_into) {
    auto source = actors.find(from);
    auto target = actors.find(into);
    assert(source != actors.end() && target != actors.end());
    Absorb(source->second, &target->second);
  }
  // Vertices only for actors that stay; merged ids then point at their target.
  for (auto& [id, actor] : actors) {
    if (merged_into.count(id) != 0) continue;
    kg.by_id_.emplace(id, boost::add_vertex(std::move(actor), kg.graph_));
  }
  for (const auto& [from, into] : merged_into) {
    auto target = kg.by_id_.find(into);
    assert(target != kg.by_id_.end());
    kg.by_id_.emplace(from, target->second);
  }

  std::map<std::string, std::string> doc_dates;
  for (const Document& doc : documents) doc_dates.emplace(doc.id, doc.date);

  struct EdgeState {
    Edge edge;
    std::set<std::string> docs;
  };
  std::vector<EdgeState> edges;
  std::map<std::tuple<Vertex, std::string, Vertex>, size_t> edge_index;
  for (size_t i : SortedRelations(relations)) {
    const Relation& relation = relations[i];
    auto subject = kg.by_id_.find(RefId(relation.subject));
    auto object = kg.by_id_.find(RefId(relation.object));
    // Both ends were registered by CollectActors unless the ref had no name at all.
    if (subject == kg.by_id_.end() || object == kg.by_id_.end()) continue;
    Vertex s = subject->second;
    Vertex o = object->second;
    ++kg.graph_[s].mention_count;
    if (s == o) continue;  // "Putin said Vladimir Putin ..." after merging: no self-loops
    ++kg.graph_[o].mention_count;

    auto key = std::make_tuple(s, relation.predicate, o);
    auto found = edge_index.find(key);
    if (found == edge_index.end()) {
      RelationEdge bundle;
      bundle.predicate = relation.predicate;
      bundle.kind = relation.kind;
      Edge e = boost::add_edge(s, o, std::move(bundle), kg.graph_).first;
      found = edge_index.emplace(std::move(key), edges.size()).first;
      edges.push_back({e, {}});
    }
    EdgeState& state = edges[found->second];
    AddMention(relation, MentionDate(relation, doc_dates), &kg.graph_[state.edge]);
    state.docs.insert(relation.doc);
  }
  for (const EdgeState& state : edges) {
    kg.graph_[state.edge].doc_count = static_cast<int>(state.docs.size());
  }

  for (Vertex v : boost::make_iterator_range(boost::vertices(kg.graph_))) {
    const ActorVertex& actor = kg.graph_[v];
    std::set<std::string> keys = {NormalizeKey(actor.label)};
    for (const std::string& alias : actor.aliases) keys.insert(NormalizeKey(alias));
    for (const std::string& key : keys) {
      if (!key.empty()) kg.by_name_[key].push_back(v);
    }
  }
  return kg;
}

std::optional<Vertex> KnowledgeGraph::FindById(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> KnowledgeGraph::FindByName(const std::string& name) const {
  const std::string key = NormalizeKey(name);
  if (key.empty()) return {};
  auto it = by_name_.find(key);
  std::vector<Vertex> found;
  if (it != by_name_.end()) {
    found = it->second;
  } else {
    // Users ask by surname ("Brandt") for people the corpus always names in
    // full: match the trailing words of Person labels.
    const std::string suffix = " " + key;
    for (Vertex v : boost::make_iterator_range(boost::vertices(graph_))) {
      const std::string label = NormalizeKey(graph_[v].label);
      if (graph_[v].type == ActorType::kPerson && label.size() > suffix.size() &&
          label.compare(label.size() - suffix.size(), suffix.size(), suffix) == 0) {
        found.push_back(v);
      }
    }
  }
  auto rank = [&](Vertex v) {
    const ActorVertex& actor = graph_[v];
    // Exact label before alias, then the actor the corpus talks about most;
    // the vertex index only breaks ties, for a stable answer.
    return std::make_tuple(NormalizeKey(actor.label) == key ? 0 : 1, -actor.mention_count, v);
  };
  std::sort(found.begin(), found.end(), [&](Vertex a, Vertex b) { return rank(a) < rank(b); });
  return found;
}

}  // namespace polgraph::graph
