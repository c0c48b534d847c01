#include "export/gexf.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "export/text_escape.h"

namespace polgraph::exporter {
namespace {

struct Attribute {
  const char* id;  // also the title: graphology uses the id as the key, Gephi the title
  const char* type;
};
constexpr Attribute kNodeAttributes[] = {
    {"type", "string"},    {"actor_id", "string"},   {"aliases", "string"},
    {"country", "string"}, {"wikidata", "string"},   {"mentions", "integer"},
    {"degree", "integer"}, {"first_seen", "string"}, {"last_seen", "string"},
};
// No attribute is titled "weight": GEXF reserves that title for a dynamic
// weight, and the edge's weight attribute already carries it.
constexpr Attribute kEdgeAttributes[] = {
    {"predicate", "string"},           {"relation_kind", "string"}, {"cameo", "string"},
    {"goldstein", "double"},           {"doc_count", "integer"},    {"negated_count", "integer"},
    {"hypothetical_count", "integer"}, {"confidence", "double"},    {"first_seen", "string"},
    {"last_seen", "string"},
};

void Declare(std::ostream& out, const char* element_class, const Attribute* begin,
             const Attribute* end) {
  out << "    <attributes class=\"" << element_class << "\" mode=\"static\">\n";
  for (const Attribute* a = begin; a != end; ++a) {
    out << "      <attribute id=\"" << a->id << "\" title=\"" << a->id << "\" type=\"" << a->type
        << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void Value(std::ostream& out, std::string_view id, std::string_view value) {
  out << "          <attvalue for=\"" << id << "\" value=\"" << XmlAttributeEscape(value)
      << "\"/>\n";
}
void ValueIfAny(std::ostream& out, std::string_view id, std::string_view value) {
  if (!value.empty()) Value(out, id, value);
}
void Value(std::ostream& out, std::string_view id, int value) {
  Value(out, id, std::to_string(value));
}
void ValueIfFinite(std::ostream& out, std::string_view id, double value) {
  if (std::isfinite(value)) Value(out, id, FormatDouble(value));
}

// label and kind are xsd:token in the schema: no leading, trailing or doubled
// spaces, no tabs or newlines.
// Characters XML cannot carry are dropped before whitespace is collapsed, so that
// "a \x01 b" becomes "a b", not "a  b".
std::string Token(std::string_view text) {
  return XmlAttributeEscape(CollapseWhitespace(XmlChars(text)));
}

// One spell from the first to the last date, when they are real dates (the
// schema types them xsd:date, and Gephi rejects impossible ones). A single known
// date is both ends: Gephi warns about open intervals.
void Spell(std::ostream& out, const std::string& first_seen, const std::string& last_seen) {
  std::string first = IsIsoDate(first_seen) ? first_seen : "";
  std::string last = IsIsoDate(last_seen) ? last_seen : "";
  if (first.empty() && last.empty()) return;
  if (first.empty()) first = last;
  if (last.empty()) last = first;
  if (last < first) std::swap(first, last);  // Gephi refuses an interval that ends first
  out << "        <spells><spell start=\"" << first << "\" end=\"" << last << "\"/></spells>\n";
}

void WriteNode(std::ostream& out, const ExportView& view, graph::Vertex v,
               const GexfOptions& options) {
  const graph::ActorVertex& actor = view.graph()[v];
  out << "      <node id=\"n" << v << "\" label=\"" << Token(actor.label) << "\">\n";
  out << "        <attvalues>\n";
  Value(out, "type", ActorTypeName(actor.type));
  Value(out, "actor_id", actor.id);
  ValueIfAny(out, "aliases", JoinAliases(actor.aliases));
  ValueIfAny(out, "country", actor.country);
  ValueIfAny(out, "wikidata", actor.wikidata);
  Value(out, "mentions", actor.mention_count);
  Value(out, "degree", view.Degree(v));
  ValueIfAny(out, "first_seen", actor.first_seen);
  ValueIfAny(out, "last_seen", actor.last_seen);
  out << "        </attvalues>\n";
  Spell(out, actor.first_seen, actor.last_seen);
  if (options.viz) {
    unsigned rgb = ActorTypeColor(actor.type);
    // Gephi reads viz:size's value only when it is the element's first attribute.
    out << "        <viz:size value=\"" << FormatDouble(ActorSize(view.Degree(v))) << "\"/>\n"
        << "        <viz:color r=\"" << (rgb >> 16) << "\" g=\"" << ((rgb >> 8) & 0xFF) << "\" b=\""
        << (rgb & 0xFF) << "\"/>\n";
  }
  out << "      </node>\n";
}

void WriteEdge(std::ostream& out, const graph::Graph& g, graph::Edge e, size_t number) {
  const graph::RelationEdge& rel = g[e];
  out << "      <edge id=\"e" << number << "\" source=\"n" << boost::source(e, g) << "\" target=\"n"
      << boost::target(e, g) << "\" kind=\"" << Token(rel.predicate) << "\" label=\""
      << Token(rel.predicate) << "\" weight=\"" << rel.weight << "\">\n";
  out << "        <attvalues>\n";
  Value(out, "predicate", rel.predicate);
  Value(out, "relation_kind", RelationKindName(rel.kind));
  ValueIfAny(out, "cameo", rel.cameo);
  if (rel.goldstein) ValueIfFinite(out, "goldstein", *rel.goldstein);
  Value(out, "doc_count", rel.doc_count);
  Value(out, "negated_count", rel.negated_count);
  Value(out, "hypothetical_count", rel.hypothetical_count);
  ValueIfFinite(out, "confidence", rel.confidence);
  ValueIfAny(out, "first_seen", rel.first_seen);
  ValueIfAny(out, "last_seen", rel.last_seen);
  out << "        </attvalues>\n";
  Spell(out, rel.first_seen, rel.last_seen);
  out << "      </edge>\n";
}

}  // namespace

unsigned ActorTypeColor(ActorType type) {
  switch (type) {
    case ActorType::kPerson:
      return 0x1F77B4;
    case ActorType::kOrganization:
      return 0xFF7F0E;
    case ActorType::kCountry:
      return 0x2CA02C;
    case ActorType::kLocation:
      return 0x9467BD;
    case ActorType::kGroup:
      return 0xD62728;
    case ActorType::kConcept:
      return 0x7F7F7F;
  }
  return 0x7F7F7F;
}

double ActorSize(int degree) { return 4.0 + 4.0 * std::log2(1.0 + std::max(degree, 0)); }

Status WriteGexf(const graph::KnowledgeGraph& kg, std::ostream& out, const GexfOptions& options) {
  return WriteGexf(ExportView(kg), out, options);
}

Status WriteGexf(const ExportView& view, std::ostream& out, const GexfOptions& options) {
  const graph::Graph& g = view.graph();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
         "version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>polgraph</creator>\n"
         "    <description>Political actors (nodes) and the relations news articles report "
         "between them (edges, kind = predicate)</description>\n"
         "  </meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  Declare(out, "node", std::begin(kNodeAttributes), std::end(kNodeAttributes));
  Declare(out, "edge", std::begin(kEdgeAttributes), std::end(kEdgeAttributes));
  out << "    <nodes count=\"" << view.num_vertices() << "\">\n";
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (view.Keeps(v)) WriteNode(out, view, v, options);
  }
  out << "    </nodes>\n    <edges count=\"" << view.num_edges() << "\">\n";
  size_t number = 0;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (view.Keeps(e)) WriteEdge(out, g, e, number++);
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  if (!out) return Status::IoError("gexf: writing the output stream failed");
  return Status::Ok();
}

}  // namespace polgraph::exporter
