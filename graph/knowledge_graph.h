// graph: merges relations from many documents into one Boost.Graph of actors.
//
// Vertices are actors, edges are aggregated relations: one edge per
// (subject, predicate, object), carrying how many mentions support it and when it
// was first and last seen. Exports and queries read this graph; it is rebuilt from
// the store, never edited in place.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/relation.h"

namespace polgraph::graph {

struct ActorVertex {
  std::string id;  // entity id, e.g. "person:vladimir putin"
  std::string label;
  ActorType type = ActorType::kConcept;
  std::vector<std::string> aliases;   // every surface form seen, label first
  std::vector<int> alias_counts;      // parallel to aliases: how often each form was seen
  std::string country;                // ISO 3166-1 alpha-3 or empty
  std::string wikidata;               // e.g. "Q7747" when a lexicon entry anchors the actor
  int mention_count = 0;              // relations naming this actor
  std::string first_seen, last_seen;  // dates of its first and last relation; may be empty
};

// Where an aggregated edge came from: one supporting relation mention.
struct Evidence {
  std::string doc;
  int sentence = 0;
  size_t start = 0, end = 0;  // byte span of the sentence in the document text
  std::string text;
};

struct RelationEdge {
  std::string predicate;
  RelationKind kind = RelationKind::kEvent;
  std::string cameo;
  std::optional<double> goldstein;  // mean Goldstein score over the supporting mentions
  int weight = 0;                   // supporting mentions that are neither negated nor hypothetical
  int negated_count = 0;            // mentions that deny the relation
  int hypothetical_count = 0;
  int doc_count = 0;       // distinct documents among the supporting mentions
  std::string first_seen;  // earliest date (relation date, else document date); may be empty
  std::string last_seen;
  double confidence = 0.0;            // max over mentions
  std::vector<Evidence> evidence;     // the first few supporting sentences, for display
  std::vector<int64_t> relation_ids;  // store ids of every mention (Relation::store_id)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActorVertex,
                                    RelationEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// The merged graph plus an index from actor id to vertex. Immutable after Build;
// safe to read from many threads.
class KnowledgeGraph {
 public:
  // Builds the graph. Relations whose subject or object id has no entity still get
  // vertices (from the relation's EntityRef). Document dates fill in relations
  // without a date of their own.
  //
  // Actors: one vertex per entity id, in id order. A Person whose name is the
  // trailing token(s) of exactly one longer Person's name ("Putin", "Le Pen") is
  // merged into it; its id then resolves to that vertex through FindById and its
  // label becomes an alias. With two candidates nothing is merged.
  // Edges: one per (subject, predicate, object) after merging; relations whose two
  // ends merge into one actor are dropped. Edges supported only by negated or
  // hypothetical mentions are kept with weight 0. doc_count, first_seen and
  // last_seen count every mention of the edge, negated or not; dates that are not
  // YYYY-MM-DD are ignored.
  static KnowledgeGraph Build(const std::vector<Entity>& entities,
                              const std::vector<Relation>& relations,
                              const std::vector<Document>& documents);

  const Graph& graph() const { return graph_; }
  // Vertex of an actor id, or nullopt.
  std::optional<Vertex> FindById(const std::string& id) const;
  // Vertices whose label or an alias matches `name` (case- and punctuation-
  // insensitive, via NormalizeKey), best match (exact label) first; empty if none.
  // When nothing matches, a Person whose full name ends with `name` (a surname).
  std::vector<Vertex> FindByName(const std::string& name) const;

 private:
  Graph graph_;
  std::map<std::string, Vertex> by_id_;                 // every id, merged ones too
  std::map<std::string, std::vector<Vertex>> by_name_;  // NormalizeKey of label and aliases
};

}  // namespace polgraph::graph
