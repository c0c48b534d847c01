#include "graph/actor_merge.h"

#include <algorithm>
#include <cassert>
#include <map>
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

// Evidence that two records are different people: both know their Wikidata id,
// or both their country, and the two differ.
bool Conflict(const ActorVertex& a, const ActorVertex& b) {
  if (!a.wikidata.empty() && !b.wikidata.empty()) return a.wikidata != b.wikidata;
  return !a.country.empty() && !b.country.empty() && a.country != b.country;
}

// An actor while its records are collected: forms in first-seen order and the two
// counts CollectActors takes the larger of.
struct Collected {
  ActorVertex actor;
  std::vector<std::string> forms;
  std::map<std::string, std::pair<int, int>> counts;  // form -> (entities, relation ends)

  void Add(const std::string& form, int from_entities, int from_relations) {
    if (form.empty()) return;
    auto [it, inserted] = counts.try_emplace(form, 0, 0);
    if (inserted) forms.push_back(form);
    it->second.first += from_entities;
    it->second.second += from_relations;
  }
};

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

long ActorTable::Find(const std::string& id) const {
  auto it = index.find(id);
  return it == index.end() ? -1 : static_cast<long>(it->second);
}

ActorTable CollectActors(const std::vector<Entity>& entities,
                         const std::vector<Relation>& relations,
                         const std::vector<size_t>& relation_order) {
  std::map<std::string, Collected> collected;
  // Sorting (stably) by id makes "first label wins" independent of the order in
  // which documents were read.
  std::vector<size_t> order(entities.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return entities[a].id < entities[b].id; });
  for (size_t i : order) {
    const Entity& entity = entities[i];
    if (entity.id.empty()) continue;
    auto [it, inserted] = collected.try_emplace(entity.id);
    Collected& c = it->second;
    if (inserted) {
      c.actor.id = entity.id;
      c.actor.label = !entity.label.empty()     ? entity.label
                      : !entity.aliases.empty() ? entity.aliases.front()
                                                : entity.id;
      c.actor.type = entity.type;
      c.Add(c.actor.label, 0, 0);
    }
    if (c.actor.country.empty()) c.actor.country = entity.country;
    if (c.actor.wikidata.empty()) c.actor.wikidata = entity.wikidata;
    const bool counted = entity.alias_counts.size() == entity.aliases.size();
    bool label_seen = false;
    for (size_t a = 0; a < entity.aliases.size(); ++a) {
      c.Add(entity.aliases[a], counted ? entity.alias_counts[a] : 1, 0);
      label_seen = label_seen || entity.aliases[a] == entity.label;
    }
    if (!label_seen) c.Add(entity.label, counted ? 0 : 1, 0);
  }
  for (size_t i : relation_order) {
    const Relation& relation = relations[i];
    for (const EntityRef* ref : {&relation.subject, &relation.object}) {
      std::string id = RefId(*ref);
      if (id.empty()) continue;
      auto [it, inserted] = collected.try_emplace(id);
      Collected& c = it->second;
      if (inserted) {
        c.actor.id = id;
        c.actor.label = !ref->label.empty() ? ref->label : ref->surface;
        c.actor.type = ref->type;
        c.Add(c.actor.label, 0, 0);
      }
      c.Add(ref->label, 0, 0);
      c.Add(ref->surface, 0, 1);
    }
  }

  ActorTable table;
  table.actors.reserve(collected.size());
  for (auto& [id, c] : collected) {
    for (const std::string& form : c.forms) {
      const auto [from_entities, from_relations] = c.counts.at(form);
      c.actor.aliases.push_back(form);
      c.actor.alias_counts.push_back(std::max({from_entities, from_relations, 1}));
    }
    table.index.emplace(id, table.actors.size());
    table.actors.push_back(std::move(c.actor));
  }
  return table;
}

MergePlan PlanMerges(const ActorTable& table) {
  const std::vector<ActorVertex>& actors = table.actors;
  MergePlan plan;
  plan.root.resize(actors.size());
  std::iota(plan.root.begin(), plan.root.end(), size_t{0});
  plan.candidates.resize(actors.size());

  // A Wikidata id names one real-world actor whatever the spelling.
  std::unordered_map<std::string, size_t> by_wikidata;
  for (size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].wikidata.empty()) continue;
    plan.root[i] = by_wikidata.try_emplace(actors[i].wikidata, i).first->second;
  }

  struct Person {
    size_t index;
    std::vector<std::string> tokens;
  };
  std::vector<Person> persons;
  for (size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].type != ActorType::kPerson || plan.root[i] != i) continue;
    std::vector<std::string> tokens = Tokens(actors[i].label);
    if (!tokens.empty()) persons.push_back({i, std::move(tokens)});
  }
  // Longest names first: by the time a short name is decided, every longer
  // candidate already knows where it goes, so "Putin" sees one root even when both
  // "Vladimir Putin" and "President Vladimir Putin" exist and the first merged into
  // the second.
  std::stable_sort(persons.begin(), persons.end(), [](const Person& a, const Person& b) {
    return a.tokens.size() > b.tokens.size();
  });
  std::unordered_map<std::string, std::vector<size_t>> by_last_token;
  for (size_t p = 0; p < persons.size(); ++p) {
    by_last_token[persons[p].tokens.back()].push_back(p);
  }
  for (const Person& person : persons) {
    const auto& same_last = by_last_token.at(person.tokens.back());
    std::set<size_t> roots;
    for (size_t c : same_last) {
      const Person& longer = persons[c];
      if (!IsTrailingPart(person.tokens, longer.tokens)) continue;
      const size_t root = plan.root[longer.index];
      if (Conflict(actors[person.index], actors[root])) continue;
      roots.insert(root);
    }
    if (roots.size() == 1) {
      plan.root[person.index] = *roots.begin();
    } else if (roots.size() > 1) {
      plan.candidates[person.index].assign(roots.begin(), roots.end());
    }
  }
  // Records that joined a person through Wikidata follow it.
  for (size_t i = 0; i < actors.size(); ++i) {
    while (plan.root[plan.root[i]] != plan.root[i]) plan.root[i] = plan.root[plan.root[i]];
  }
  return plan;
}

void CountAlias(ActorVertex* actor, const std::string& form, int count) {
  if (form.empty()) return;
  auto it = std::find(actor->aliases.begin(), actor->aliases.end(), form);
  if (it == actor->aliases.end()) {
    actor->aliases.push_back(form);
    actor->alias_counts.push_back(std::max(count, 1));  // a form seen is seen at least once
    return;
  }
  actor->alias_counts[static_cast<size_t>(it - actor->aliases.begin())] += count;
}

void Absorb(const ActorVertex& from, ActorVertex* into) {
  for (size_t i = 0; i < from.aliases.size(); ++i) {
    CountAlias(into, from.aliases[i], i < from.alias_counts.size() ? from.alias_counts[i] : 1);
  }
  CountAlias(into, from.label, 0);
  if (into->country.empty()) into->country = from.country;
  if (into->wikidata.empty()) into->wikidata = from.wikidata;
  into->mention_count += from.mention_count;
}

void FinishAliases(ActorVertex* actor) {
  actor->alias_counts.resize(actor->aliases.size(), 1);
  CountAlias(actor, actor->label, 0);
  const int most = *std::max_element(actor->alias_counts.begin(), actor->alias_counts.end());
  if (actor->type == ActorType::kPerson) {
    // "Putin" is the frequent form and "Vladimir Putin" the complete one; a form
    // seen a tenth as often as the most frequent is common enough to be the
    // name, rarer ones may be one-off slips ("Vladimir V. Putin"). The label is
    // only replaced by a form with more words, never by a shorter one.
    size_t best_words = Tokens(actor->label).size();
    for (size_t i = 0; i < actor->aliases.size(); ++i) {
      if (actor->alias_counts[i] * 10 < most) continue;
      const size_t words = Tokens(actor->aliases[i]).size();
      if (words > best_words) {
        best_words = words;
        actor->label = actor->aliases[i];
      }
    }
  }
  std::vector<size_t> order(actor->aliases.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const bool a_label = actor->aliases[a] == actor->label;
    const bool b_label = actor->aliases[b] == actor->label;
    if (a_label != b_label) return a_label;
    return actor->alias_counts[a] > actor->alias_counts[b];
  });
  std::vector<std::string> aliases;
  std::vector<int> counts;
  aliases.reserve(order.size());
  counts.reserve(order.size());
  for (size_t i : order) {
    aliases.push_back(std::move(actor->aliases[i]));
    counts.push_back(actor->alias_counts[i]);
  }
  actor->aliases = std::move(aliases);
  actor->alias_counts = std::move(counts);
}

}  // namespace polgraph::graph
