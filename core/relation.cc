#include "core/relation.h"

namespace polgraph {

const char* ActorTypeName(ActorType type) {
  switch (type) {
    case ActorType::kPerson:
      return "Person";
    case ActorType::kOrganization:
      return "Organization";
    case ActorType::kCountry:
      return "Country";
    case ActorType::kLocation:
      return "Location";
    case ActorType::kGroup:
      return "Group";
    case ActorType::kConcept:
      return "Concept";
  }
  return "Concept";
}

std::optional<ActorType> ParseActorType(std::string_view name) {
  for (ActorType t : {ActorType::kPerson, ActorType::kOrganization, ActorType::kCountry,
                      ActorType::kLocation, ActorType::kGroup, ActorType::kConcept}) {
    if (name == ActorTypeName(t)) return t;
  }
  return std::nullopt;
}

const char* RelationKindName(RelationKind kind) {
  return kind == RelationKind::kEvent ? "event" : "affiliation";
}

}  // namespace polgraph
