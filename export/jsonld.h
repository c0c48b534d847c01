// JSON-LD export: the graph as linked data with an inline @context (no remote
// context), schema.org types for actors, each aggregated relation reified as its
// own node (Event with attendees for meetings, Action with agent/object otherwise)
// carrying its predicate, CAMEO code, weight, dates and evidence documents.
#pragma once

#include <ostream>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

Status WriteJsonld(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
