// Cross-document actor resolution for KnowledgeGraph::Build: one record per actor
// id with its surface forms counted, then the rules that decide which ids are one
// actor (shared Wikidata id, the surname rule that folds "Putin" into "Vladimir
// Putin"). Internal to graph/; other modules see only the built graph.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/entity.h"
#include "core/relation.h"
#include "graph/knowledge_graph.h"

namespace polgraph::graph {

// The id a relation's EntityRef names. Extraction always sets one; when it is empty
// the id is derived the way extraction mints them ("<type>:<normalized label>") so
// the relation is not lost. Empty when the ref has neither id nor any name.
std::string RefId(const EntityRef& ref);

// Appends `alias` to *aliases unless it is empty or already there (exact bytes).
void AddAlias(std::vector<std::string>* aliases, const std::string& alias);

// Every actor id of the input, sorted by id, and the index of each id.
struct ActorTable {
  std::vector<ActorVertex> actors;  // aliases with alias_counts; mention_count 0
  std::unordered_map<std::string, size_t> index;

  // Index of `id`, or -1.
  long Find(const std::string& id) const;
};

// One record per actor id, from the entities (first label in id order wins) and
// from every relation end, whose label and surface form become aliases. A form's
// count is the larger of what the entities say (Entity::alias_counts, or 1 per
// entity record without counts) and the number of relation ends written so; every
// form counts at least 1. `relation_order` is the order relations are read in.
ActorTable CollectActors(const std::vector<Entity>& entities,
                         const std::vector<Relation>& relations,
                         const std::vector<size_t>& relation_order);

// The outcome of merging: root[i] is the actor that actor i is part of (itself
// when it stays), always a root; candidates[i] lists, for a Person that the
// surname rule could not place (two or more fitting longer names), the roots it
// might be, in index order; empty for everyone else.
struct MergePlan {
  std::vector<size_t> root;
  std::vector<std::vector<size_t>> candidates;
};

// Applies the Wikidata rule (same id: one actor, rooted at the smallest index)
// and then the surname rule (see KnowledgeGraph::Build) to `table`.
MergePlan PlanMerges(const ActorTable& table);

// Folds `from` into *into: aliases unioned with counts added (into's label stays
// first), country and wikidata filled when *into has none, mention counts added.
void Absorb(const ActorVertex& from, ActorVertex* into);

// Adds `count` sightings of `form` to the actor's aliases.
void CountAlias(ActorVertex* actor, const std::string& form, int count);

// Puts the actor's aliases in their final order (label first, then by count,
// ties in first-seen order) after choosing a Person's label (see Build).
void FinishAliases(ActorVertex* actor);

}  // namespace polgraph::graph
