// Entity resolution within one document: every mention of the same actor gets the
// same entity. "Vladimir Putin", "Putin" and "Mr Putin" are one Person; "National
// Front (FN)" makes "FN" an alias; weak single words that never turn out to be
// names are dropped.
#pragma once

#include <vector>

#include "core/entity.h"
#include "extract/mentions.h"
#include "extract/resources.h"

namespace polgraph::extract {

// Assigns MentionSpan::entity in every sentence and returns the entities, with
// their mentions in text order. Mentions that resolve to nothing keep entity -1.
std::vector<Entity> ResolveEntities(const Resources& res, std::string_view text,
                                    std::vector<SentenceAnalysis>* sentences);

// The id polgraph gives an actor: "<type>:<normalized label>", e.g.
// "person:vladimir putin", "country:russia".
std::string EntityId(ActorType type, std::string_view label);

}  // namespace polgraph::extract
