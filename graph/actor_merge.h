// Cross-document actor resolution for KnowledgeGraph::Build: one record per actor
// id, then the surname rule that folds "Putin" into "Vladimir Putin".
// Internal to graph/; other modules see only the built graph.
#pragma once

#include <map>
#include <string>
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

// One record per actor id, from the entities (sorted by id, first label wins) and
// from every relation end, whose label and surface form become aliases.
// mention_count is left at 0.
std::map<std::string, ActorVertex> CollectActors(const std::vector<Entity>& entities,
                                                 const std::vector<Relation>& relations);

// Persons that the surname rule merges: id -> id of the actor it merges into (never
// itself merged). A Person whose name is the trailing token(s) of exactly one longer
// Person's name merges into it; with two or more candidates it stays apart.
std::map<std::string, std::string> SurnameMerges(const std::map<std::string, ActorVertex>& actors);

// Folds `from` into *into: aliases unioned (into's label stays first), country
// filled when *into has none, mention counts added.
void Absorb(const ActorVertex& from, ActorVertex* into);

}  // namespace polgraph::graph
