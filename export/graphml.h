// export: writers of the merged graph for the tools analysts use.
#pragma once

#include <ostream>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// GraphML 1.0 valid against the official XSD, for Gephi, networkx and igraph.
// Node keys: label, type, aliases (";"-joined), country. Edge keys: label (the
// predicate), kind, cameo, goldstein, weight, doc_count, first_seen, last_seen,
// confidence. One <edge> per (subject, predicate, object); doubles written with
// full precision; booleans as true/false.
Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
