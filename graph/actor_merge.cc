#include "graph/actor_merge.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <set>
#include <string_view>

#include "core/text.h"

namespace polgraph::graph {
namespace {

std::vector<std::string> Tokens(std::string_view label) {
  std::vector<std::string> tokens;
  std::string key = NormalizeKey(label);
  size_t pos = 0;
  while (pos < key.size()) {
    size_t space = key.find(' ', pos);
    if (space == std::string::npos) space = key.size();
    if (space > pos) tokens.push_back(key.substr(pos, space - pos));
    pos = space + 1;
  }
  return tokens;
}

// True when `shorter` equals the last tokens of `longer` and `longer` has more.
bool IsTrailingPart(const std::vector<std::string>& shorter,
                    const std::vector<std::string>& longer) {
  if (shorter.empty() || shorter.size() >= longer.size()) return false;
  return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

ActorVertex FromRef(const EntityRef& ref, const std::string& id) {
  ActorVertex actor;
  actor.id = id;
  actor.label = !ref.label.empty() ? ref.label : ref.surface;
  actor.type = ref.type;
  AddAlias(&actor.aliases, actor.label);
  return actor;
}

}  // namespace

std::string RefId(const EntityRef& ref) {
  if (!ref.id.empty()) return ref.id;
  std::string key = NormalizeKey(!ref.label.empty() ? ref.label : ref.surface);
  if (key.empty()) return {};
  return AsciiLower(ActorTypeName(ref.type)) + ":" + key;
}

void AddAlias(std::vector<std::string>* aliases, const std::string& alias) {
  if (alias.empty()) return;
  if (std::find(aliases->begin(), aliases->end(), alias) != aliases->end()) return;
  aliases->push_back(alias);
}

std::map<std::string, ActorVertex> CollectActors(const std::vector<Entity>& entities,
                                                 const std::vector<Relation>& relations) {
  std::map<std::string, ActorVertex> actors;
  // Sorting (stably) by id makes "first label wins" independent of the order in
  // which documents were read.
  std::vector<size_t> order(entities.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return entities[a].id < entities[b].id; });
  for (size_t i : order) {
    const Entity& entity = entities[i];
    if (entity.id.empty()) continue;
    auto it = actors.find(entity.id);
    if (it == actors.end()) {
      ActorVertex actor;
      actor.id = entity.id;
      actor.label = !entity.label.empty()     ? entity.label
                    : !entity.aliases.empty() ? entity.aliases.front()
                                              : entity.id;
      actor.type = entity.type;
      actor.country = entity.country;
      AddAlias(&actor.aliases, actor.label);
      it = actors.emplace(entity.id, std::move(actor)).first;
    }
    ActorVertex& actor = it->second;
    AddAlias(&actor.aliases, entity.label);
    for (const std::string& alias : entity.aliases) AddAlias(&actor.aliases, alias);
    if (actor.country.empty()) actor.country = entity.country;
  }
  for (const Relation& relation : relations) {
    for (const EntityRef* ref : {&relation.subject, &relation.object}) {
      std::string id = RefId(*ref);
      if (id.empty()) continue;
      auto it = actors.find(id);
      if (it == actors.end()) it = actors.emplace(id, FromRef(*ref, id)).first;
      AddAlias(&it->second.aliases, ref->label);
      AddAlias(&it->second.aliases, ref->surface);
    }
  }
  return actors;
}

std::map<std::string, std::string> SurnameMerges(const std::map<std::string, ActorVertex>& actors) {
  struct Person {
    const std::string* id;
    std::vector<std::string> tokens;
  };
  std::vector<Person> persons;
  for (const auto& [id, actor] : actors) {
    if (actor.type != ActorType::kPerson) continue;
    std::vector<std::string> tokens = Tokens(actor.label);
    if (!tokens.empty()) persons.push_back({&id, std::move(tokens)});
  }
  // Longest names first: by the time a short name is decided, every longer
  // candidate already knows where it goes, so "Putin" sees one root even when both
  // "Vladimir Putin" and "President Vladimir Putin" exist and the first merged into
  // the second.
  std::stable_sort(persons.begin(), persons.end(), [](const Person& a, const Person& b) {
    return a.tokens.size() > b.tokens.size();
  });
  std::map<std::string, std::vector<size_t>> by_last_token;
  for (size_t i = 0; i < persons.size(); ++i) {
    by_last_token[persons[i].tokens.back()].push_back(i);
  }

  std::map<std::string, std::string> merged_into;
  auto root_of = [&](const std::string& id) {
    auto it = merged_into.find(id);
    return it == merged_into.end() ? id : it->second;
  };
  for (const Person& person : persons) {
    auto candidates = by_last_token.find(person.tokens.back());
    assert(candidates != by_last_token.end());
    std::set<std::string> roots;
    for (size_t c : candidates->second) {
      if (IsTrailingPart(person.tokens, persons[c].tokens)) roots.insert(root_of(*persons[c].id));
    }
    if (roots.size() == 1) merged_into.emplace(*person.id, *roots.begin());
  }
  return merged_into;
}

void Absorb(const ActorVertex& from, ActorVertex* into) {
  AddAlias(&into->aliases, from.label);
  for (const std::string& alias : from.aliases) AddAlias(&into->aliases, alias);
  if (into->country.empty()) into->country = from.country;
  into->mention_count += from.mention_count;
}

}  // namespace polgraph::graph
