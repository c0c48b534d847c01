// graph: merges relations from many documents into one Boost.Graph of actors.
//
// Vertices are actors, edges are aggregated relations: one edge per
// (subject, predicate, object), carrying how many mentions support it and when it
// was first and last seen. Exports and queries read this graph; it is rebuilt from
// the store, never edited in place.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
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

// How many example sentences an edge keeps in memory; RelationEdge::relation_ids
// reaches every one of them through Store::LoadRelations.
inline constexpr size_t kMaxEvidence = 3;

struct RelationEdge {
  std::string predicate;
  RelationKind kind = RelationKind::kEvent;
  std::string cameo;
  std::optional<double> goldstein;  // mean Goldstein score (see KnowledgeGraph::Build)
  int weight = 0;                   // supporting mentions that are neither negated nor hypothetical
  int negated_count = 0;            // mentions that deny the relation
  int hypothetical_count = 0;
  int doc_count = 0;       // distinct documents among the supporting mentions
  std::string first_seen;  // earliest date (relation date, else document date); may be empty
  std::string last_seen;
  double confidence = 0.0;            // max over mentions
  std::vector<Evidence> evidence;     // the first kMaxEvidence mentions' sentences, for display
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
  KnowledgeGraph();
  // boost::adjacency_list has no move constructor (its "move" copies every vertex
  // and edge, holding the graph twice for a while), so the graph lives behind a
  // pointer and moves are cheap. A moved-from KnowledgeGraph may only be assigned
  // to or destroyed.
  KnowledgeGraph(KnowledgeGraph&& other) noexcept = default;
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept = default;
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  ~KnowledgeGraph();

  // Builds the graph. Relations whose subject or object id has no entity still get
  // vertices (from the relation's EntityRef). Document dates fill in relations
  // without a date of their own.
  //
  // Actors: one vertex per actor after merging, in id order. Merging, in order:
  // - entities with the same Wikidata id are one actor (the lexicon anchors them);
  // - a Person whose name is the trailing token(s) of exactly one longer Person's
  //   name ("Putin", "Le Pen") is merged into it; a candidate whose country or
  //   Wikidata id is known and differs from the short name's is no candidate;
  // - a short name with two or more candidates ("Le Pen" when both "Marine Le Pen"
  //   and "Jean-Marie Le Pen" exist) stays its own actor, except in a document
  //   whose other relations name exactly one of the candidates: there it is that
  //   candidate. A short name whose every mention is so resolved gets no vertex.
  // Merged ids resolve to their vertex through FindById. Every surface form is an
  // alias, with how often it was seen (Entity::alias_counts when given, else one
  // per entity record, and at least the number of relation ends written so);
  // aliases are ordered label first, then most frequent. A Person's label is the
  // most complete frequent form: among forms seen at least a tenth as often as the
  // most frequent one, the one with the most words (then the most frequent); other
  // actors keep their entity label (the lexicon's name).
  // Edges: one per (subject, predicate, object) after merging; relations whose two
  // ends merge into one actor are dropped. Edges supported only by negated or
  // hypothetical mentions are kept with weight 0. doc_count, first_seen, last_seen,
  // confidence (max), relation_ids (every non-zero Relation::store_id) and
  // evidence (the first kMaxEvidence) count every mention of the edge, negated or
  // not; goldstein is the mean over the positive mentions that have a score, or
  // over all scored mentions when no positive one has; cameo is the first
  // non-empty code. Dates that are not YYYY-MM-DD are ignored. An actor's
  // first_seen/last_seen span the dates of every relation naming it.
  static KnowledgeGraph Build(const std::vector<Entity>& entities,
                              const std::vector<Relation>& relations,
                              const std::vector<Document>& documents);

  // Adds actors and aggregated relations directly, without Relation structs or
  // merging: for synthetic graphs, benchmarks and snapshots. The caller supplies
  // distinct actor ids and at most one edge per (subject, predicate, object).
  // Not thread-safe; Finish() leaves the builder empty.
  class Builder {
   public:
    explicit Builder(size_t expected_actors = 0);
    // The vertex of `actor.id`: a new one, or the existing vertex when the id was
    // added before (the new record is then dropped).
    Vertex AddActor(ActorVertex actor);
    // Adds the edge subject -> object. Both must be vertices of this builder.
    Edge AddRelation(Vertex subject, Vertex object, RelationEdge relation);
    // Also resolves `id` to `target` (an alias id, as for merged actors).
    void AddIdAlias(const std::string& id, Vertex target);
    KnowledgeGraph Finish();

   private:
    std::unique_ptr<KnowledgeGraph> kg_;
  };

  const Graph& graph() const { return *graph_; }
  // Vertex of an actor id, or nullopt.
  std::optional<Vertex> FindById(const std::string& id) const;
  // Vertices whose label or an alias matches `name` (case- and punctuation-
  // insensitive, via NormalizeKey), best match (exact label) first; empty if none.
  // When nothing matches, a Person whose full name ends with `name` (a surname).
  std::vector<Vertex> FindByName(const std::string& name) const;

  // The graph induced by `vertices` (duplicates ignored): those actors, in that
  // order, and every edge between two of them, with all their properties. Ids
  // merged into a kept actor still resolve to it. The result is independent of
  // *this (a copy), so it can be exported on its own.
  KnowledgeGraph Subgraph(const std::vector<Vertex>& vertices) const;

 private:
  // graph/snapshot.cc: writes the graph and its id index as they are and reads
  // them back without merging again.
  friend class SnapshotCodec;

  // Fills by_name_ and by_surname_ from the vertices.
  void IndexNames();

  std::unique_ptr<Graph> graph_;                   // never null but in a moved-from graph
  std::unordered_map<std::string, Vertex> by_id_;  // every id, merged ones too
  std::unordered_map<std::string, std::vector<Vertex>> by_name_;  // NormalizeKey of label, aliases
  // Last word of each Person's normalised label, for surname lookups.
  std::unordered_map<std::string, std::vector<Vertex>> by_surname_;
};

}  // namespace polgraph::graph
