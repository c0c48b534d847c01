// Events between actors read off the dependency parse (extract/nlp/parser.h).
//
// What the surface patterns of relations.h cannot see, the parse gives directly:
// - the agent and patient of a verb from the verb lexicon: nsubj, obj, obl with its
//   preposition ("met with", "imposed sanctions on"), the "by" agent of passives and
//   of reduced relatives ("sanctions imposed by the EU"), the antecedent of relative
//   clauses, subjects shared by coordinated verbs and controlled by "agreed to meet",
//   and coordinated actors on either side;
// - nominal events from lexicon/nominal_events.tsv: "Putin's visit to France", "the
//   meeting between X and Y", "at the invitation of X", "sanctions on Russia" after a
//   light verb ("announced new sanctions on");
// - reported speech: "X said (that) Y met Z" records X as the source of Y's event,
//   and X's statement about Y (CAMEO 010), also for "Y met Z, X said" and
//   "according to X";
// - negation ("did not meet", "refused to meet", "denied meeting") and hypothetical
//   mood (modals, "plans to", "if", "proposed sanctions").
// Relations the pattern extractor found already are not added twice.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/relation.h"
#include "extract/mentions.h"
#include "extract/relation_builder.h"
#include "extract/resources.h"

namespace polgraph::extract {

// Appends the events of every parsed sentence to *out. Sentences without a parse
// (SentenceAnalysis::parse empty) are skipped.
void ExtractSyntaxEvents(const Resources& res, const Document& doc,
                         const std::vector<SentenceAnalysis>& sentences,
                         const std::vector<Entity>& entities, DocumentRelations* out);

}  // namespace polgraph::extract
