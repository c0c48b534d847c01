// query: questions users ask of the merged graph: who is this name, who relates
// to whom, how two actors are connected, who is central. Every function reads an
// immutable KnowledgeGraph and may be called from many threads at once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::query {

// ---------------------------------------------------------------------------
// Finding actors by name

// `name` folded for matching: accents and other marks removed and non-Latin
// scripts transliterated (ICU "Any-Latin; Latin-ASCII": "Macrón" -> "macron",
// "Путин" -> "putin"), lower-cased, hyphens as spaces, periods and apostrophes
// dropped, whitespace collapsed. ASCII input costs no ICU call.
std::string FoldName(std::string_view name);

// Levenshtein distance between two byte strings.
size_t EditDistance(std::string_view a, std::string_view b);

// How a lookup found its actors.
enum class MatchKind {
  kExact,   // label, alias or id, ignoring case and punctuation; or a surname
  kFolded,  // the same once accents are folded ("Lopez" for "López")
  kFuzzy,   // nothing matched: `matches` are suggestions by edit distance
};

struct ActorMatch {
  graph::Vertex actor;
  std::string form;     // the label or alias that matched (or came closest)
  size_t distance = 0;  // edit distance between the folded forms; 0 unless kFuzzy
};

struct ActorLookup {
  MatchKind kind = MatchKind::kFuzzy;
  std::vector<ActorMatch> matches;  // best first; several when the name is ambiguous
};

// Every actor `name` may mean. Exact matches (KnowledgeGraph::FindByName, then an
// actor id) come first; failing those, accent-folded labels and aliases (and
// folded surnames of Persons); failing those, up to `max_suggestions` actors whose
// folded label, alias or trailing words of either are within an edit distance of
// max(2, length / 4), nearest first, then most mentioned. An empty `matches` with
// kFuzzy means nothing is even close.
ActorLookup FindActor(const graph::KnowledgeGraph& kg, const std::string& name,
                      size_t max_suggestions = 5);

// The best actor for `name` (FindActor's first exact or folded match). NotFound
// when there is none; the message quotes `name` and lists the suggestions:
//   no actor matches "Vladmir Putin"; closest: Vladimir Putin (Person)
Result<graph::Vertex> ResolveActor(const graph::KnowledgeGraph& kg, const std::string& name);

// ---------------------------------------------------------------------------
// Relations of one actor

// One edge seen from a given actor.
struct Neighbor {
  graph::Vertex actor;    // the other actor
  graph::Edge edge;       // the relation
  bool outgoing = false;  // true when the queried actor is the subject
};

// Which relations Neighbors keeps. The default keeps every one.
struct NeighborFilter {
  std::vector<std::string> predicates;  // keep only these predicates; empty keeps all
  std::string since;  // YYYY-MM-DD or empty: keep relations last seen on or after it
  std::string until;  // YYYY-MM-DD or empty: keep relations first seen on or before it
};

// All relations of the actor `name` resolves to (ResolveActor) that pass
// `filter`, strongest (weight) first. A relation without dates is dropped when
// --since or --until is given. NotFound when no actor matches (with suggestions);
// InvalidArgument for a date that is not YYYY-MM-DD.
Result<std::vector<Neighbor>> Neighbors(const graph::KnowledgeGraph& kg, const std::string& name,
                                        const NeighborFilter& filter = {});

// Every relation between two actors, in both directions and including those only
// denied or hypothetical (weight 0): the strongest first. Empty when the two are
// not related (or are the same actor). NotFound when either name matches nobody.
Result<std::vector<graph::Edge>> Between(const graph::KnowledgeGraph& kg, const std::string& a,
                                         const std::string& b);

// ---------------------------------------------------------------------------
// Paths

// One hop of a path, in path order: `from` is the actor reached before, whatever
// the direction of `edge`.
struct PathStep {
  graph::Vertex from, to;
  graph::Edge edge;
};

struct PathOptions {
  size_t max_hops = 0;  // longest chain accepted; 0 for no limit
};

// A shortest chain of relations between two actors, ignoring direction and
// skipping relations with weight 0 (only denied or hypothetical: they assert no
// link). Found by a bidirectional breadth-first search that always widens the
// smaller frontier, so it touches a few thousand actors rather than the whole
// graph. Empty when `from` and `to` are the same actor. NotFound when either name
// matches no actor, or no chain of at most max_hops joins them (the message says
// which).
Result<std::vector<PathStep>> ShortestPath(const graph::KnowledgeGraph& kg, const std::string& from,
                                           const std::string& to, const PathOptions& options = {});

// The actors within `hops` positive relations of the actor `name` resolves to
// (either direction), it first, then by distance: the ego network, as a graph of
// its own with every relation among those actors. NotFound for an unknown name.
Result<graph::KnowledgeGraph> EgoNetwork(const graph::KnowledgeGraph& kg, const std::string& name,
                                         size_t hops);

// ---------------------------------------------------------------------------
// Centrality

// The `limit` actors with the most distinct relations (in + out edges), most
// connected first, ties broken by label. Empty for an empty graph.
struct ActorDegree {
  graph::Vertex actor;
  size_t degree = 0;
};
std::vector<ActorDegree> TopActors(const graph::KnowledgeGraph& kg, size_t limit);

enum class Centrality { kDegree, kPageRank, kBetweenness };

struct RankOptions {
  Centrality by = Centrality::kDegree;
  std::optional<ActorType> type;  // rank only actors of this type (scores use the whole graph)
  size_t limit = 10;
  // Betweenness is O(actors x relations). Above this many actor-relation pairs
  // it is estimated from a sample of source actors (Brandes and Pich 2007).
  double exact_betweenness_work = 2e8;
  size_t betweenness_samples = 0;  // sources when sampling; 0: chosen from the work budget
};

struct ActorScore {
  graph::Vertex actor;
  double score = 0;   // degree, PageRank or betweenness
  size_t degree = 0;  // in + out edges
};

struct Ranking {
  std::vector<ActorScore> actors;  // highest score first, ties by label
  bool approximate = false;        // betweenness estimated from `samples` sources
  size_t samples = 0;
};

// Ranks actors by `options.by`, over the relations with weight > 0 (parallel
// relations between two actors count once, as one link):
// - degree: in + out edges of any weight, as TopActors;
// - PageRank: boost::page_rank (damping 0.85, 50 iterations) following the
//   direction of relations, so an actor many important actors act upon ranks high;
// - betweenness: boost::brandes_betweenness_centrality over links in either
//   direction; on large graphs a sampled estimate (see RankOptions), scaled to the
//   exact value's range.
Ranking RankActors(const graph::KnowledgeGraph& kg, const RankOptions& options);

}  // namespace polgraph::query
