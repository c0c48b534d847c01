#include "export/graphml.h"

#include <cmath>
#include <string>
#include <string_view>

#include "export/text_escape.h"

namespace polgraph::exporter {
namespace {

// Key ids double as Gephi's lookup names (it matches the id first, then
// attr.name), so the node label key is literally "label" and the edge label key
// gets its own id while still being named "label". All are NMTOKENs, as the XSD
// requires.
struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"; never "all", which Gephi does not map
  const char* name;
  const char* type;
};
constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"actor_id", "node", "actor_id", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"country", "node", "country", "string"},
    {"wikidata", "node", "wikidata", "string"},
    {"mentions", "node", "mentions", "int"},
    {"degree", "node", "degree", "int"},
    // Key ids are unique across the document, so the actor dates get their own
    // ids while keeping the names the edges use.
    {"actor_first_seen", "node", "first_seen", "string"},
    {"actor_last_seen", "node", "last_seen", "string"},
    {"edge_label", "edge", "label", "string"},
    {"kind", "edge", "kind", "string"},
    {"cameo", "edge", "cameo", "string"},
    {"goldstein", "edge", "goldstein", "double"},
    {"weight", "edge", "weight", "double"},
    {"doc_count", "edge", "doc_count", "int"},
    {"negated_count", "edge", "negated_count", "int"},
    {"hypothetical_count", "edge", "hypothetical_count", "int"},
    {"first_seen", "edge", "first_seen", "string"},
    {"last_seen", "edge", "last_seen", "string"},
    {"confidence", "edge", "confidence", "double"},
};

void Data(std::ostream& out, std::string_view key, std::string_view value) {
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

// Optional text fields are left out when empty rather than written as empty
// strings, so consumers see "unknown", not a value.
void DataIfAny(std::ostream& out, std::string_view key, std::string_view value) {
  if (!value.empty()) Data(out, key, value);
}

void Data(std::ostream& out, std::string_view key, int value) {
  Data(out, key, std::to_string(value));
}

void DataIfFinite(std::ostream& out, std::string_view key, double value) {
  if (std::isfinite(value)) Data(out, key, FormatDouble(value));
}

}  // namespace

Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out) {
  return WriteGraphml(ExportView(kg), out);
}

Status WriteGraphml(const ExportView& view, std::ostream& out) {
  const graph::Graph& g = view.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name
        << "\" attr.type=\"" << key.type << "\"/>\n";
  }
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  // Vertex descriptors are 0..n-1 (vecS), so "n<index>" is unique and stable.
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (!view.Keeps(v)) continue;
    const graph::ActorVertex& actor = g[v];
    out << "    <node id=\"n" << v << "\">\n";
    Data(out, "label", actor.label);
    Data(out, "actor_id", actor.id);
    Data(out, "type", ActorTypeName(actor.type));
    DataIfAny(out, "aliases", JoinAliases(actor.aliases));
    DataIfAny(out, "country", actor.country);
    DataIfAny(out, "wikidata", actor.wikidata);
    Data(out, "mentions", actor.mention_count);
    Data(out, "degree", view.Degree(v));
    DataIfAny(out, "actor_first_seen", actor.first_seen);
    DataIfAny(out, "actor_last_seen", actor.last_seen);
    out << "    </node>\n";
  }
  size_t edge_number = 0;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (!view.Keeps(e)) continue;
    const graph::RelationEdge& rel = g[e];
    out << "    <edge id=\"e" << edge_number++ << "\" source=\"n" << boost::source(e, g)
        << "\" target=\"n" << boost::target(e, g) << "\">\n";
    Data(out, "edge_label", rel.predicate);
    Data(out, "kind", RelationKindName(rel.kind));
    DataIfAny(out, "cameo", rel.cameo);
    if (rel.goldstein) DataIfFinite(out, "goldstein", *rel.goldstein);
    DataIfFinite(out, "weight", static_cast<double>(rel.weight));
    Data(out, "doc_count", rel.doc_count);
    Data(out, "negated_count", rel.negated_count);
    Data(out, "hypothetical_count", rel.hypothetical_count);
    DataIfAny(out, "first_seen", rel.first_seen);
    DataIfAny(out, "last_seen", rel.last_seen);
    DataIfFinite(out, "confidence", rel.confidence);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  if (!out) return Status::IoError("graphml: writing the output stream failed");
  return Status::Ok();
}

}  // namespace polgraph::exporter
