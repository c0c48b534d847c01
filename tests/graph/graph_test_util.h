// Actors shared by the graph tests: invented references, not extracted ones.
#pragma once

#include <string>

#include "core/relation.h"

namespace polgraph::graph::test {

inline EntityRef Ref(const std::string& id, const std::string& label,
                     ActorType type = ActorType::kPerson) {
  return EntityRef{id, label, type, label};
}

inline const EntityRef kPutinFull = Ref("person:vladimir putin", "Vladimir Putin");
inline const EntityRef kPutin = Ref("person:putin", "Putin");
inline const EntityRef kMacron = Ref("person:emmanuel macron", "Emmanuel Macron");

}  // namespace polgraph::graph::test
