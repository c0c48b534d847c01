// Entities and mentions: who a document talks about, and where.
#pragma once

#include <string>
#include <vector>

#include "core/open_triple.h"
#include "core/relation.h"

namespace polgraph {

// One occurrence of an actor in Document::text, as a half-open byte span.
struct Mention {
  size_t start = 0;
  size_t end = 0;
  std::string text;      // the surface text, text.substr(start, end - start)
  int sentence = 0;      // 0-based sentence index
  bool pronoun = false;  // "he", "she", "they" resolved to this entity
};

// An actor resolved within one document: all its mentions share one id.
struct Entity {
  std::string id;     // same as EntityRef::id of the relations that name it
  std::string label;  // canonical name within the document
  ActorType type = ActorType::kConcept;
  std::vector<std::string> aliases;  // distinct surface forms, label first
  std::vector<Mention> mentions;     // in text order
  std::string country;               // ISO 3166-1 alpha-3 of the actor's country, if known
  std::string wikidata;              // e.g. "Q7747" when a lexicon entry names the actor
  // Parallel to aliases: how often each form was seen (Store::LoadGraphInput fills
  // it from the aliases table). Empty means "count each alias once".
  std::vector<int> alias_counts;
};

// Everything extraction finds in one document.
struct Extraction {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<OpenTriple> open_triples;  // only with ExtractOptions::open_triples
  int sentence_count = 0;
};

}  // namespace polgraph
