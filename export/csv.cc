#include "export/csv.h"

#include <cmath>
#include <initializer_list>
#include <string>

#include "export/text_escape.h"

namespace polgraph::exporter {
namespace {

constexpr const char* kEol = "\r\n";  // RFC 4180 line end; every reader accepts it

void Row(std::ostream& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out << ',';
    first = false;
    out << CsvField(field);
  }
  out << kEol;
}

std::string Number(double value) { return std::isfinite(value) ? FormatDouble(value) : ""; }

}  // namespace

std::string CsvField(std::string_view field) {
  std::string valid = ValidUtf8(field);
  if (valid.find_first_of(",\"\r\n") == std::string::npos) return valid;
  std::string quoted = "\"";
  for (char c : valid) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

Status WriteCsv(const ExportView& view, std::ostream& nodes, std::ostream& edges) {
  const graph::Graph& g = view.graph();
  Row(nodes, {"Id", "Label", "Type", "actor_id", "aliases", "country", "wikidata", "mentions",
              "degree", "first_seen", "last_seen"});
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (!view.Keeps(v)) continue;
    const graph::ActorVertex& actor = g[v];
    Row(nodes, {"n" + std::to_string(v), actor.label, ActorTypeName(actor.type), actor.id,
                JoinAliases(actor.aliases), actor.country, actor.wikidata,
                std::to_string(actor.mention_count), std::to_string(view.Degree(v)),
                actor.first_seen, actor.last_seen});
  }
  Row(edges, {"Source", "Target", "Type", "Kind", "Label", "Weight", "Id", "relation_kind", "cameo",
              "goldstein", "doc_count", "negated_count", "hypothetical_count", "confidence",
              "first_seen", "last_seen"});
  size_t number = 0;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (!view.Keeps(e)) continue;
    const graph::RelationEdge& rel = g[e];
    Row(edges,
        {"n" + std::to_string(boost::source(e, g)), "n" + std::to_string(boost::target(e, g)),
         "Directed", rel.predicate, rel.predicate, std::to_string(rel.weight),
         "e" + std::to_string(number++), RelationKindName(rel.kind), rel.cameo,
         rel.goldstein ? Number(*rel.goldstein) : "", std::to_string(rel.doc_count),
         std::to_string(rel.negated_count), std::to_string(rel.hypothetical_count),
         Number(rel.confidence), rel.first_seen, rel.last_seen});
  }
  if (!nodes || !edges) return Status::IoError("csv: writing the output stream failed");
  return Status::Ok();
}

}  // namespace polgraph::exporter
