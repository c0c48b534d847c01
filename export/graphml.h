// export: writers of the merged graph for the tools analysts use.
#pragma once

#include <ostream>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// GraphML 1.0 valid against the official XSD, for Gephi, networkx and igraph.
// Node keys: label, actor_id (the entity id; node ids are "n0", "n1", ... since
// the XSD wants NMTOKENs), type, aliases (";"-joined), country, mentions (int).
// Edge keys: label (the predicate), kind, cameo, goldstein, weight (double, Gephi's
// reserved name), doc_count, negated_count, hypothetical_count (int), first_seen,
// last_seen, confidence. One <edge> per (subject, predicate, object); doubles
// written with full precision; optional values (country, cameo, goldstein, dates)
// left out when unknown; booleans as true/false. Text is XML-escaped, invalid
// UTF-8 replaced by U+FFFD and characters XML 1.0 forbids dropped.
// Returns IoError when the stream fails; the output is then incomplete.
//
// Gephi merges parallel edges (same source and target, different predicates)
// unless the import uses "Don't merge"; GraphML has no valid way to prevent it.
Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
