// Relations between the actors of one sentence, from verb patterns (events) and
// title constructions (affiliations).
//
// Events: a verb from the verb lexicon, its subject found to the left (with
// coordination, relative pronouns and auxiliaries skipped), its object to the right
// (direct, or after the pattern's preposition), passives turned around through the
// "by" agent, with negation ("did not meet", "refused to") and hypothetical mood
// ("would", "plans to", "if") recorded.
// Affiliations: "Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman",
// "An aide to Le Pen, Ludovic de Danne", "Russian Foreign Minister Sergei Lavrov".
#pragma once

#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/relation.h"
#include "extract/mentions.h"
#include "extract/relation_builder.h"
#include "extract/resources.h"

namespace polgraph::extract {

// Appends the relations of every sentence to *out. May add Country entities to
// *entities for demonyms that qualify a title ("Russian Foreign Minister").
void ExtractRelations(const Resources& res, const Document& doc,
                      const std::vector<SentenceAnalysis>& sentences, std::vector<Entity>* entities,
                      DocumentRelations* out);

}  // namespace polgraph::extract
