// The vocabulary that extraction produces and the graph consumes: actor types,
// entity references and relations with their provenance. `extract` and `graph`
// meet only through these structs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace polgraph {

enum class ActorType { kPerson, kOrganization, kCountry, kLocation, kGroup, kConcept };

// "Person", "Organization", ... as written in the extract contract and exports.
const char* ActorTypeName(ActorType type);
// Inverse of ActorTypeName; nullopt for an unknown name.
std::optional<ActorType> ParseActorType(std::string_view name);

// An actor as resolved within one document.
struct EntityRef {
  std::string id;     // stable id: "<type>:<normalized key>", e.g. "person:vladimir putin"
  std::string label;  // canonical name within the document, e.g. "Vladimir Putin"
  ActorType type = ActorType::kConcept;
  std::string surface;  // text of this particular mention, e.g. "Putin"
};

enum class RelationKind { kEvent, kAffiliation };
const char* RelationKindName(RelationKind kind);

// One extracted relation, with everything needed to trace it back to its evidence.
struct Relation {
  std::string doc;       // Document::id
  int sentence = 0;      // 0-based sentence index within the document
  std::string evidence;  // the sentence text
  size_t start = 0;      // half-open byte span of the sentence in Document::text
  size_t end = 0;
  EntityRef subject;
  EntityRef object;
  std::string predicate;  // lower_snake_case: "meet", "impose_sanctions", "spokesperson_of"
  RelationKind kind = RelationKind::kEvent;
  std::string cameo;                // CAMEO code for events, empty for affiliations
  std::optional<double> goldstein;  // Goldstein score of `cameo`
  bool negated = false;             // "did not meet", "denied meeting"
  bool hypothetical = false;        // conditional, planned, proposed
  std::string date;                 // YYYY-MM-DD or empty
  double confidence = 0.0;          // 0..1
  std::string trigger;              // the words that licensed the relation, e.g. "met with"
  EntityRef source;       // who reported it ("Peskov said that ..."); empty id: the article itself
  std::string extractor;  // extractor name and version, e.g. "pattern-1"
  int64_t store_id = 0;   // row id in the store; 0 when not stored
};

}  // namespace polgraph
