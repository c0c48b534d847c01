// RelationBuilder: turns the actor mentions of one sentence into Relation records,
// shared by the pattern and the dependency extractors so that both write the same
// provenance (sentence span, evidence, date, CAMEO and Goldstein) and one fact found
// twice in a sentence is kept once.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/relation.h"
#include "extract/mentions.h"
#include "extract/resources.h"

namespace polgraph::extract {

// The relations of one document as the extractors find them, indexed by sentence:
// merging a fact found twice looks at its own sentence only, so extraction stays
// linear in the document however many sentences it has (a scan of the whole list
// made a 200,000-sentence document take minutes).
class DocumentRelations {
 public:
  const std::vector<Relation>& list() const { return list_; }
  Relation& at(size_t i) { return list_[i]; }
  // Positions in list() of the relations of sentence s, in the order added.
  const std::vector<size_t>& OfSentence(int s) const;
  void Add(Relation r);
  // Hands the relations over, in the order added; leaves this empty.
  std::vector<Relation> Release();

 private:
  std::vector<Relation> list_;
  std::unordered_map<int, std::vector<size_t>> by_sentence_;
};

class RelationBuilder {
 public:
  // `out` may already hold relations of earlier sentences or of the other extractor.
  RelationBuilder(const Resources& res, const Document& doc, const SentenceAnalysis& s,
                  const std::vector<Entity>& entities, DocumentRelations* out);

  // Mention m of the sentence when it resolved to an entity, else -1.
  int Actor(int m) const;
  // The entity of mention m, with the mention's text as the surface.
  EntityRef Ref(int m) const;

  struct Fact {
    std::string predicate;
    RelationKind kind = RelationKind::kEvent;
    std::string cameo;
    bool negated = false;
    bool hypothetical = false;
    double confidence = 0.8;
    std::string trigger;
    EntityRef source;  // who reported it, empty id for the narrator
  };
  // Adds subject -fact-> object unless both are the same entity or the sentence
  // already has it (then the higher confidence is kept). Returns true when added.
  bool Emit(const EntityRef& subject, const EntityRef& object, const Fact& fact);

  // Gives every event of this sentence that has no source yet, and is not the
  // source's own, this source ("According to X, ...": whichever way they were found).
  void SetSourceWhereMissing(const EntityRef& source);

  // The date of the sentence's events (dates.h), else the document's date.
  const std::string& date() const { return date_; }

 private:
  const Resources& res_;
  const Document& doc_;
  const SentenceAnalysis& s_;
  const std::vector<Entity>& entities_;
  DocumentRelations* out_;
  std::string date_;
};

}  // namespace polgraph::extract
