#include "export/jsonld.h"

#include <rapidjson/document.h>
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
#include "polgraph_export_data.h"

namespace polgraph::exporter {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::OStreamWrapper>;

// Meetings: both ends play the same role, so the relation is reified as an Event
// with both as attendees instead of an Action with agent and object. By predicate,
// and by the CAMEO codes of consulting, meeting at a third place and negotiating.
const std::set<std::string, std::less<>> kMeetingPredicates = {"meet", "talks", "hold_talks",
                                                               "negotiate"};
const std::set<std::string, std::less<>> kMeetingCameo = {"040", "044", "046"};

bool IsMeeting(const graph::RelationEdge& rel) {
  return kMeetingPredicates.count(rel.predicate) != 0 || kMeetingCameo.count(rel.cameo) != 0;
}

// Whole-word occurrence of `phrase` in `label`: neighbours are not ASCII letters.
bool HasPhrase(std::string_view label, std::string_view phrase) {
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (size_t pos = label.find(phrase); pos != std::string_view::npos;
       pos = label.find(phrase, pos + 1)) {
    size_t end = pos + phrase.size();
    if ((pos == 0 || !letter(label[pos - 1])) && (end == label.size() || !letter(label[end]))) {
      return true;
    }
  }
  return false;
}

// The graph does not say which organisations are parties or state bodies (the
// lexicon's note column does not reach it), so the label decides: these words
// name a party in the languages of the lexicon...
constexpr std::string_view kPartyWords[] = {"Party",   "Partei", "Parti",  "Partido",
                                            "Partito", "Partij", "Partia", "Partiya"};
// ...and these a government body (ministries, parliaments, seats of government
// used for the government, armed forces, central banks, courts).
constexpr std::string_view kGovernmentPhrases[] = {"Ministry",
                                                   "Ministries",
                                                   "Department",
                                                   "Government",
                                                   "Cabinet",
                                                   "Parliament",
                                                   "Senate",
                                                   "Bundestag",
                                                   "Bundesrat",
                                                   "Bundeswehr",
                                                   "Duma",
                                                   "Knesset",
                                                   "Kremlin",
                                                   "Pentagon",
                                                   "White House",
                                                   "Downing Street",
                                                   "Élysée",
                                                   "Foreign Office",
                                                   "Home Office",
                                                   "House of Commons",
                                                   "House of Lords",
                                                   "House of Representatives",
                                                   "National Assembly",
                                                   "Federation Council",
                                                   "Sabha",
                                                   "Armed Forces",
                                                   "Defense Forces",
                                                   "Defence Forces",
                                                   "Central Bank",
                                                   "Federal Reserve",
                                                   "Supreme Court",
                                                   "Constitutional Court",
                                                   "Police",
                                                   "Navy",
                                                   "Air Force"};

bool LabelHasAny(const graph::ActorVertex& actor, const std::string_view* begin,
                 const std::string_view* end) {
  for (const std::string_view* phrase = begin; phrase != end; ++phrase) {
    if (HasPhrase(actor.label, *phrase)) return true;
  }
  return false;
}

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

// The @context is schemas/jsonld_context.json, compiled in; written as parsed so
// that the inlined copy is exactly the shipped one.
Status WriteContext(JsonWriter& w) {
  static const rapidjson::Document* const context = [] {
    auto* doc = new rapidjson::Document;  // parsed once, kept for the process
    std::string_view text = data::EmbeddedFile("schemas/jsonld_context.json");
    doc->Parse(text.data(), text.size());
    return doc;
  }();
  if (context->HasParseError() || !context->IsObject() || !context->HasMember("@context")) {
    return Status::Internal("jsonld: the embedded schemas/jsonld_context.json is not a context");
  }
  Key(w, "@context");
  (*context)["@context"].Accept(w);
  return Status::Ok();
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

// PoliticalParty is recent in schema.org, so parties are also Organization.
void WriteSchemaType(JsonWriter& w, const graph::ActorVertex& actor) {
  Key(w, "@type");
  if (actor.type == ActorType::kOrganization &&
      LabelHasAny(actor, std::begin(kPartyWords), std::end(kPartyWords))) {
    w.StartArray();
    String(w, "PoliticalParty");
    String(w, "Organization");
    w.EndArray();
    return;
  }
  if (actor.type == ActorType::kOrganization &&
      LabelHasAny(actor, std::begin(kGovernmentPhrases), std::end(kGovernmentPhrases))) {
    String(w, "GovernmentOrganization");
    return;
  }
  String(w, SchemaType(actor.type));
}

// "Q" and digits: anything else would make the wd: IRI invalid.
bool IsWikidataId(std::string_view id) {
  if (id.size() < 2 || id[0] != 'Q') return false;
  return std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void WriteActor(JsonWriter& w, const graph::ActorVertex& actor) {
  w.StartObject();
  Term(w, "@id", ActorIri(actor));
  WriteSchemaType(w, actor);
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
  if (IsWikidataId(actor.wikidata)) Term(w, "sameAs", "wd:" + actor.wikidata);
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
  bool symmetric = IsMeeting(rel);
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
  if (IsIsoDate(rel.first_seen)) {
    Term(w, "firstSeen", rel.first_seen);
    Term(w, symmetric ? "startDate" : "startTime", rel.first_seen);
  }
  if (IsIsoDate(rel.last_seen)) {
    Term(w, "lastSeen", rel.last_seen);
    Term(w, symmetric ? "endDate" : "endTime", rel.last_seen);
  }
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
  return WriteJsonld(ExportView(kg), out);
}

Status WriteJsonld(const ExportView& view, std::ostream& out) {
  const graph::Graph& g = view.graph();
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.StartObject();
  if (Status st = WriteContext(w); !st.ok()) return st;
  Key(w, "@graph");
  w.StartArray();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (view.Keeps(v)) WriteActor(w, g[v]);
  }
  std::vector<std::string> docs;  // in order of first use, for a stable output
  std::set<std::string> doc_set;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (view.Keeps(e)) WriteRelation(w, g, e, &docs, &doc_set);
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
