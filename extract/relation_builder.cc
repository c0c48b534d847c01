#include "extract/relation_builder.h"

#include <algorithm>

#include "extract/dates.h"

namespace polgraph::extract {

const std::vector<size_t>& DocumentRelations::OfSentence(int s) const {
  static const std::vector<size_t> kNone;
  auto it = by_sentence_.find(s);
  return it == by_sentence_.end() ? kNone : it->second;
}

void DocumentRelations::Add(Relation r) {
  by_sentence_[r.sentence].push_back(list_.size());
  list_.push_back(std::move(r));
}

std::vector<Relation> DocumentRelations::Release() {
  by_sentence_.clear();
  return std::move(list_);
}

RelationBuilder::RelationBuilder(const Resources& res, const Document& doc,
                                 const SentenceAnalysis& s, const std::vector<Entity>& entities,
                                 DocumentRelations* out)
    : res_(res), doc_(doc), s_(s), entities_(entities), out_(out) {
  date_ = SentenceDate(s.tokens, doc.date);
  if (date_.empty()) date_ = doc.date;
}

int RelationBuilder::Actor(int m) const {
  if (m < 0 || static_cast<size_t>(m) >= s_.mentions.size()) return -1;
  return s_.mentions[static_cast<size_t>(m)].entity >= 0 ? m : -1;
}

EntityRef RelationBuilder::Ref(int m) const {
  const MentionSpan& ms = s_.mentions[static_cast<size_t>(m)];
  const Entity& e = entities_[static_cast<size_t>(ms.entity)];
  size_t b = s_.tokens[ms.first].start, end = s_.tokens[ms.last - 1].end;
  return {e.id, e.label, e.type, std::string(doc_.text.substr(b, end - b))};
}

void RelationBuilder::SetSourceWhereMissing(const EntityRef& source) {
  for (size_t i : out_->OfSentence(s_.index)) {
    Relation& r = out_->at(i);
    if (r.doc != doc_.id || !r.source.id.empty()) continue;
    if (r.kind != RelationKind::kEvent || r.subject.id == source.id) continue;
    r.source = source;
  }
}

bool RelationBuilder::Emit(const EntityRef& subject, const EntityRef& object, const Fact& fact) {
  if (subject.id == object.id) return false;
  const double confidence = std::clamp(fact.confidence, 0.05, 0.99);
  for (size_t i : out_->OfSentence(s_.index)) {
    Relation& r = out_->at(i);
    if (r.doc == doc_.id && r.subject.id == subject.id && r.object.id == object.id &&
        r.predicate == fact.predicate) {
      // The same fact found twice ("held talks", or by both extractors): one fact.
      r.confidence = std::max(r.confidence, confidence);
      if (r.source.id.empty()) r.source = fact.source;
      return false;
    }
  }
  Relation r;
  r.doc = doc_.id;
  r.sentence = s_.index;
  r.start = s_.start;
  r.end = s_.end;
  r.evidence = std::string(doc_.text.substr(s_.start, s_.end - s_.start));
  r.subject = subject;
  r.object = object;
  r.predicate = fact.predicate;
  r.kind = fact.kind;
  r.cameo = fact.cameo;
  if (const lexicon::CameoCode* c = res_.verbs.Cameo(fact.cameo)) r.goldstein = c->goldstein;
  r.negated = fact.negated;
  r.hypothetical = fact.hypothetical;
  r.date = date_;
  r.confidence = confidence;
  r.trigger = fact.trigger;
  r.source = fact.source;
  out_->Add(std::move(r));
  return true;
}

}  // namespace polgraph::extract
