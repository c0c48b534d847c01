// export: writers of the merged graph for the tools analysts use.
#pragma once

#include <ostream>

#include "core/status.h"
#include "export/view.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// GraphML 1.0 valid against the official XSD, for Gephi, networkx and igraph.
// Node keys: label, actor_id (the entity id; node ids are "n<vertex index>", the
// same in every export of one graph, since the XSD wants NMTOKENs), type, aliases
// (";"-joined), country (ISO 3166-1 alpha-3), wikidata ("Q7747"), mentions (int),
// degree (int: kept relations in + out), first_seen, last_seen.
// Edge keys: label (the predicate), kind, cameo, goldstein (double, the mean over
// the mentions), weight (double, Gephi's reserved name: positive mentions),
// doc_count, negated_count, hypothetical_count (int), first_seen, last_seen,
// confidence (double, the max). One <edge> per (subject, predicate, object);
// doubles written with full precision; optional values (country, wikidata, cameo,
// goldstein, dates) left out when unknown. Text is XML-escaped, invalid UTF-8
// replaced by U+FFFD and characters XML 1.0 forbids dropped. Written element by
// element as the graph is walked: nothing is buffered beyond one value.
// Returns IoError when the stream fails; the output is then incomplete.
//
// Gephi merges parallel edges (same source and target, different predicates)
// unless the import uses "Don't merge"; GraphML has no valid way to prevent it
// (GEXF has: see gexf.h).
Status WriteGraphml(const ExportView& view, std::ostream& out);
// The whole graph.
Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out);

}  // namespace polgraph::exporter
