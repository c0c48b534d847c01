#include "export/jsonld.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "export/text_escape.h"

namespace polgraph::exporter {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::OStreamWrapper>;

// A prefix of our own, over https so that check_jsonld.py and RDF stores accept
// every minted IRI. Ids are percent-encoded into single path segments.
constexpr std::string_view kBase = "https://polgraph.example.org/";

// Predicates whose two ends play the same role: reified as an Event with both as
// attendees instead of an Action with agent and object.
const std::set<std::string, std::less<>> kSymmetricPredicates = {"meet", "talks", "hold_talks"};

void String(JsonWriter& w, std::string_view text) {
  // rapidjson copies bytes as they are; invalid UTF-8 would make the file unreadable.
  std::string valid = ValidUtf8(text);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void Key(JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

void Term(JsonWriter& w, std::string_view key, std::string_view value) {
  Key(w, key);
  String(w, value);
}

// A context term: {"@id": id} plus "@type" when the term coerces its values.
void ContextTerm(JsonWriter& w, std::string_view term, std::string_view id, std::string_view type) {
  Key(w, term);
  w.StartObject();
  if (!id.empty()) Term(w, "@id", id);
  if (!type.empty()) Term(w, "@type", type);
  w.EndObject();
}

void WriteContext(JsonWriter& w) {
  Key(w, "@context");
  w.StartObject();
  Term(w, "@vocab", "http://schema.org/");
  Term(w, "kg", kBase);
  Term(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
  Term(w, "prov", "http://www.w3.org/ns/prov#");
  for (const char* term : {"sameAs", "agent", "object", "attendee", "additionalType"}) {
    ContextTerm(w, term, "", "@id");
  }
  ContextTerm(w, "wasDerivedFrom", "prov:wasDerivedFrom", "@id");
  ContextTerm(w, "actorType", "kg:actorType", "");
  ContextTerm(w, "countryCode", "kg:countryCode", "");
  ContextTerm(w, "mentionCount", "kg:mentionCount", "xsd:integer");
  ContextTerm(w, "relationKind", "kg:relationKind", "");
  ContextTerm(w, "predicate", "kg:predicate", "");
  ContextTerm(w, "cameo", "kg:cameo", "");
  // Doubles are coerced explicitly: a whole-valued score such as 3.0 would
  // otherwise turn into an xsd:integer in some processors and not in others.
  ContextTerm(w, "goldstein", "kg:goldstein", "xsd:double");
  ContextTerm(w, "confidence", "kg:confidence", "xsd:double");
  ContextTerm(w, "weight", "kg:weight", "xsd:integer");
  ContextTerm(w, "docCount", "kg:docCount", "xsd:integer");
  ContextTerm(w, "negatedCount", "kg:negatedCount", "xsd:integer");
  ContextTerm(w, "hypotheticalCount", "kg:hypotheticalCount", "xsd:integer");
  ContextTerm(w, "firstSeen", "kg:firstSeen", "xsd:date");
  ContextTerm(w, "lastSeen", "kg:lastSeen", "xsd:date");
  w.EndObject();
}

std::string ActorIri(const graph::ActorVertex& actor) {
  return "kg:actor/" + PercentEncode(actor.id);
}
std::string DocIri(const std::string& doc) { return "kg:doc/" + PercentEncode(doc); }

// Group has no schema.org class of its own (Organization is the closest) and
// Concept is not an agent at all; actorType keeps the exact polgraph type.
const char* SchemaType(ActorType type) {
  switch (type) {
    case ActorType::kPerson:
      return "Person";
    case ActorType::kOrganization:
    case ActorType::kGroup:
      return "Organization";
    case ActorType::kCountry:
      return "Country";
    case ActorType::kLocation:
      return "Place";
    case ActorType::kConcept:
      return "Thing";
  }
  return "Thing";
}

void WriteActor(JsonWriter& w, const graph::ActorVertex& actor) {
  w.StartObject();
  Term(w, "@id", ActorIri(actor));
  Term(w, "@type", SchemaType(actor.type));
  Term(w, "actorType", ActorTypeName(actor.type));
  Term(w, "identifier", actor.id);
  Term(w, "name", actor.label);
  std::vector<const std::string*> others;
  for (const std::string& alias : actor.aliases) {
    if (alias != actor.label) others.push_back(&alias);
  }
  if (!others.empty()) {
    Key(w, "alternateName");
    w.StartArray();
    for (const std::string* alias : others) String(w, *alias);
    w.EndArray();
  }
  if (!actor.country.empty()) Term(w, "countryCode", actor.country);
  Key(w, "mentionCount");
  w.Int(actor.mention_count);
  w.EndObject();
}

void Count(JsonWriter& w, std::string_view key, int value) {
  Key(w, key);
  w.Int(value);
}

void Number(JsonWriter& w, std::string_view key, double value) {
  if (!std::isfinite(value)) return;  // JSON has no NaN or Infinity
  Key(w, key);
  w.Double(value);
}

void WriteRelation(JsonWriter& w, const graph::Graph& g, graph::Edge e,
                   std::vector<std::string>* docs_seen, std::set<std::string>* doc_set) {
  const graph::RelationEdge& rel = g[e];
  const graph::ActorVertex& subject = g[boost::source(e, g)];
  const graph::ActorVertex& object = g[boost::target(e, g)];
  std::string predicate_words = rel.predicate;
  for (char& c : predicate_words) {
    if (c == '_') c = ' ';
  }
  w.StartObject();
  // Unique because the graph holds one edge per (subject, predicate, object), and
  // stable across runs, unlike an edge number.
  Term(w, "@id",
       "kg:relation/" + PercentEncode(subject.id) + "/" + PercentEncode(rel.predicate) + "/" +
           PercentEncode(object.id));
  bool symmetric = kSymmetricPredicates.count(rel.predicate) != 0;
  Term(w, "@type", symmetric ? "Event" : "Action");
  Term(w, "additionalType", "kg:predicate/" + PercentEncode(rel.predicate));
  Term(w, "predicate", rel.predicate);
  Term(w, "name", subject.label + " " + predicate_words + " " + object.label);
  if (symmetric) {
    Key(w, "attendee");
    w.StartArray();
    String(w, ActorIri(subject));
    String(w, ActorIri(object));
    w.EndArray();
  } else {
    Term(w, "agent", ActorIri(subject));
    Term(w, "object", ActorIri(object));
  }
  Term(w, "relationKind", RelationKindName(rel.kind));
  if (!rel.cameo.empty()) Term(w, "cameo", rel.cameo);
  if (rel.goldstein) Number(w, "goldstein", *rel.goldstein);
  Count(w, "weight", rel.weight);
  Count(w, "docCount", rel.doc_count);
  Count(w, "negatedCount", rel.negated_count);
  Count(w, "hypotheticalCount", rel.hypothetical_count);
  // Typed xsd:date by the context, so only real calendar dates may go there.
  if (IsIsoDate(rel.first_seen)) Term(w, "firstSeen", rel.first_seen);
  if (IsIsoDate(rel.last_seen)) Term(w, "lastSeen", rel.last_seen);
  Number(w, "confidence", rel.confidence);
  std::vector<std::string> docs;
  for (const graph::Evidence& evidence : rel.evidence) {
    if (std::find(docs.begin(), docs.end(), evidence.doc) == docs.end()) {
      docs.push_back(evidence.doc);
    }
    if (doc_set->insert(evidence.doc).second) docs_seen->push_back(evidence.doc);
  }
  if (!docs.empty()) {
    Key(w, "wasDerivedFrom");
    w.StartArray();
    for (const std::string& doc : docs) String(w, DocIri(doc));
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

Status WriteJsonld(const graph::KnowledgeGraph& kg, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.StartObject();
  WriteContext(w);
  Key(w, "@graph");
  w.StartArray();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) WriteActor(w, g[v]);
  std::vector<std::string> docs;  // in order of first use, for a stable output
  std::set<std::string> doc_set;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    WriteRelation(w, g, e, &docs, &doc_set);
  }
  // The graph keeps only document ids, so an article node carries just that.
  for (const std::string& doc : docs) {
    w.StartObject();
    Term(w, "@id", DocIri(doc));
    Term(w, "@type", "NewsArticle");
    Term(w, "identifier", doc);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
  if (!w.IsComplete() || !out) return Status::IoError("jsonld: writing the output stream failed");
  return Status::Ok();
}

}  // namespace polgraph::exporter
