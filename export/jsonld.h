// JSON-LD export: the graph as linked data with an inline @context (no remote
// context), schema.org types for actors, each aggregated relation reified as its
// own node (Event with attendees for meetings, Action with agent/object otherwise)
// carrying its predicate, CAMEO code, weight, dates and evidence documents.
#pragma once

#include <ostream>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// Actors are schema.org Person, Organization (also for Group), Country, Place
// (Location) or Thing (Concept), with the exact polgraph type in kg:actorType.
// IRIs are minted under https://polgraph.example.org/ (prefix "kg:") from
// percent-encoded ids: kg:actor/<id>, kg:relation/<subject>/<predicate>/<object>,
// kg:predicate/<predicate>, kg:doc/<document id>. Each document a relation was
// derived from (prov:wasDerivedFrom) is emitted as a NewsArticle node carrying its
// id. Returns IoError when the stream fails.
Status WriteJsonld(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
