// CSV export: a nodes table and an edges table in the layout of Gephi's
// spreadsheet import (Data Laboratory > Import Spreadsheet), also easy to load
// into pandas, R or a spreadsheet.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "export/view.h"
#include "graph/knowledge_graph.h"

namespace polgraph::exporter {

// Writes the kept actors to `nodes` and the kept relations to `edges`, RFC 4180:
// comma-separated, a header row, CRLF line ends, fields holding a comma, quote,
// CR or LF quoted with "" for a quote; UTF-8 without a byte-order mark (a BOM
// would become part of Gephi's "Id" header). Invalid UTF-8 becomes U+FFFD.
//
// nodes: Id,Label,Type,actor_id,aliases,country,wikidata,mentions,degree,
//        first_seen,last_seen
// edges: Source,Target,Type,Kind,Label,Weight,Id,relation_kind,cameo,goldstein,
//        doc_count,negated_count,hypothetical_count,confidence,first_seen,last_seen
// Id is "n<vertex index>" as in GraphML and GEXF; Type of an edge is always
// "Directed" (Gephi's word), Kind and Label hold the predicate (Gephi keeps edges
// of different kinds apart instead of merging them), Weight the positive
// mentions. Unknown values are empty fields. Returns IoError when a stream fails.
Status WriteCsv(const ExportView& view, std::ostream& nodes, std::ostream& edges);

// `field` as one RFC 4180 field: unchanged unless it holds , " CR or LF, else
// quoted with inner quotes doubled.
std::string CsvField(std::string_view field);

}  // namespace polgraph::exporter
