// GEXF 1.3 export: the graph for Gephi's timeline, with each relation typed by
// its predicate so that Gephi keeps parallel relations apart.
#pragma once

#include <ostream>

#include "core/status.h"
#include "export/view.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// The fixed colour of each actor type in GEXF's viz:color, as 0xRRGGBB (the
// categorical palette matplotlib and Tableau use, so a Gephi picture and a
// notebook plot agree): Person 1F77B4 blue, Organization FF7F0E orange, Country
// 2CA02C green, Location 9467BD purple, Group D62728 red, Concept 7F7F7F grey.
unsigned ActorTypeColor(ActorType type);

// viz:size of an actor with `degree` kept relations: 4 + 4 * log2(1 + degree), so
// hubs stand out without dwarfing everyone else (degree 0 -> 4, 7 -> 16,
// 1023 -> 44).
double ActorSize(int degree);

struct GexfOptions {
  bool viz = true;  // write viz:size and viz:color for each actor
};

// GEXF 1.3, valid against the official RELAX NG schema (no xsi:schemaLocation,
// which that schema rejects). The graph is directed (defaultedgetype="directed"),
// mode="dynamic" with timeformat="date": each actor and relation whose first and
// last dates are known carries one <spell start end> spanning them (Gephi's
// timeline shows it then); elements with no date have no spell and are always
// visible.
// Nodes: id "n<vertex index>" (as in GraphML), label, static attributes type,
// actor_id, aliases (";"-joined), country, wikidata, mentions, degree, first_seen,
// last_seen; viz:size by degree and viz:color by type (see above).
// Edges: kind = the predicate (Gephi's edge type: relations of different
// predicates between the same actors stay separate edges instead of being
// merged), label = the predicate, weight = positive mentions, and attributes
// predicate, relation_kind (event or affiliation), cameo, goldstein (mean),
// doc_count, negated_count, hypothetical_count, confidence, first_seen, last_seen.
// Only types Gephi knows (string, integer, double; no anyURI). Labels are XML
// tokens, so runs of whitespace in them are collapsed to one space. Unknown
// values are left out. Returns IoError when the stream fails.
Status WriteGexf(const ExportView& view, std::ostream& out, const GexfOptions& options = {});
// The whole graph.
Status WriteGexf(const graph::KnowledgeGraph& kg, std::ostream& out,
                 const GexfOptions& options = {});

}  // namespace polgraph::exporter
