#include "extract/relations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/entities.h"
#include "extract/relation_builder.h"

namespace polgraph::extract {
namespace {

using nlp::Token;
using WordSet = std::set<std::string, std::less<>>;

const WordSet kBe = {"is", "are", "was", "were", "be",   "been", "being",
                     "am", "'s",  "'re", "get",  "gets", "got",  "gotten"};
const WordSet kModal = {"will", "would", "could", "may", "might", "should", "shall",
                        "can",  "must",  "'ll",   "'d",  "wo",    "ca"};
const WordSet kAux = {"have", "has", "had", "having", "do", "does", "did", "'ve"};
const WordSet kNegation = {"not", "n't", "never", "no"};
const WordSet kAdverbs = {"also",       "already",  "reportedly", "then",       "recently",
                          "previously", "later",    "still",      "just",       "again",
                          "even",       "ever",     "jointly",    "once",       "allegedly",
                          "repeatedly", "publicly", "formally",   "officially", "finally",
                          "now",        "soon",     "first",      "briefly",    "personally",
                          "separately", "secretly", "openly",     "directly",   "subsequently"};
// Verbs that put the next verb in the future or in doubt: "plans to meet".
const WordSet kIrrealis = {
    "consider",   "considers", "considered", "considering", "plan",     "plans",    "planned",
    "planning",   "want",      "wants",      "wanted",      "hope",     "hopes",    "hoped",
    "seek",       "seeks",     "sought",     "propose",     "proposes", "proposed", "intend",
    "intends",    "intended",  "promise",    "promises",    "promised", "vow",      "vows",
    "vowed",      "pledge",    "pledges",    "pledged",     "offer",    "offers",   "offered",
    "try",        "tries",     "tried",      "expect",      "expects",  "expected", "agree",
    "agrees",     "agreed",    "decide",     "decides",     "decided",  "threaten", "threatens",
    "threatened", "aim",       "aims",       "aimed",       "set",      "ready",    "willing",
    "likely",     "unlikely",  "due",        "able",        "going",    "wish",     "wishes",
    "prepared",   "preparing", "ask",        "asked",       "urged",    "called"};
// Verbs that deny the next one: "refused to meet", "denied meeting".
const WordSet kDenial = {"refuse",   "refuses", "refused", "decline", "declines",
                         "declined", "fail",    "fails",   "failed",  "deny",
                         "denies",   "denied",  "denying", "rejected"};
const WordSet kDeterminers = {
    "the",  "a",    "an",  "both",  "other",  "its", "their",  "his", "her",    "all",  "several",
    "some", "many", "two", "three", "fellow", "top", "senior", "key", "former", "then", "new"};
const WordSet kRelativePronouns = {"who", "which", "that", "whom", "whose"};
const WordSet kSubordinators = {"if", "unless", "whether"};
const WordSet kStatePredicates = {"president_of",
                                  "candidate_of",
                                  "vice_president_of",
                                  "head_of_government_of",
                                  "deputy_head_of_government_of",
                                  "head_of_state_of",
                                  "foreign_minister_of",
                                  "minister_of",
                                  "ambassador_of",
                                  "envoy_of"};

bool In(const WordSet& set, std::string_view w) { return set.count(w) > 0; }

bool IsLowerWord(const Token& t) { return t.is_word && !t.capitalized; }

bool IsAdverb(std::string_view w) {
  return In(kAdverbs, w) || (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}

bool IsCoordinator(const Token& t) {
  return t.text == "," || t.text == "and" || t.text == "or" || t.text == "&";
}

bool NounMatches(std::string_view word, std::string_view noun) {
  std::string w = AsciiLower(word);
  if (w == noun) return true;
  if (w.size() == noun.size() + 1 && w.back() == 's' && w.compare(0, noun.size(), noun) == 0) {
    return true;  // "sanctions" for "sanction", "loans" for "loan"
  }
  if (noun.size() == w.size() + 1 && noun.back() == 's' && noun.compare(0, w.size(), w) == 0) {
    return true;  // "sanction" for "sanctions"
  }
  return false;
}

// Everything known about one sentence while relations are found in it.
class SentenceRelations {
 public:
  SentenceRelations(const Resources& res, const Document& doc, const SentenceAnalysis& s,
                    std::vector<Entity>* entities, std::map<std::string, size_t>* entity_index,
                    DocumentRelations* out)
      : res_(res),
        s_(s),
        toks_(s.tokens),
        entities_(entities),
        entity_index_(entity_index),
        builder_(res, doc, s, *entities, out) {}

  void Run() {
    for (size_t v = 0; v < toks_.size(); ++v) TryVerb(v);
    for (size_t t = 0; t < s_.titles.size(); ++t) TryTitle(t);
  }

 private:
  // Mention at token k that resolved to an entity, or -1.
  int ActorAt(size_t k) const {
    if (k >= toks_.size()) return -1;
    int m = s_.mention_at[k];
    if (m < 0) return -1;
    // Possessive pronouns only qualify a noun; the parse-based events use them.
    const MentionSpan& ms = s_.mentions[static_cast<size_t>(m)];
    return ms.entity >= 0 && !ms.possessive ? m : -1;
  }
  const MentionSpan& M(int m) const { return s_.mentions[static_cast<size_t>(m)]; }
  std::string_view W(size_t k) const { return toks_[k].text; }
  bool InTitle(size_t k) const {
    return std::any_of(s_.titles.begin(), s_.titles.end(),
                       [&](const TitleSpan& t) { return k >= t.first && k < t.last; });
  }

  // Mentions forming a coordinated noun phrase that starts at token k:
  // "Putin and Lavrov", "the EU, the US and Canada". Skips determiners, demonyms,
  // titles and possessors in front of each conjunct. Returns the token after it.
  size_t CollectForward(size_t k, std::vector<int>* found) const {
    const size_t n = toks_.size();
    size_t limit = std::min(n, k + 25);
    size_t lower_budget = 2;
    while (k < limit) {
      if (int m = ActorAt(k); m >= 0) {
        size_t after = M(m).last;
        if (after < n && (W(after) == "'s" || W(after) == "\xE2\x80\x99s")) {
          k = after + 1;  // "Russia's President Putin": Russia is a possessor
          continue;
        }
        if (QualifiesTitle(m)) {
          k = after;  // "Duma speaker Vyacheslav Volodin": the Duma qualifies the title
          continue;
        }
        // "met Volodin, and Slutsky hosted her": a conjunct followed by a verb is
        // the subject of a new clause, not another object.
        if (!found->empty() && after < n && StartsVerbGroup(after)) return k;
        found->push_back(m);
        k = after;
        // Continue only through a coordinator.
        size_t c = k;
        bool coord = false;
        while (c < n && IsCoordinator(toks_[c])) {
          coord = true;
          ++c;
        }
        if (!coord) return k;
        k = c;
        lower_budget = 2;
        continue;
      }
      const Token& t = toks_[k];
      if (In(kDeterminers, AsciiLower(t.text)) || s_.demonym_at[k] >= 0 || InTitle(k) ||
          IsAdverb(t.text)) {
        ++k;
        continue;
      }
      if (IsLowerWord(t) && lower_budget > 0 && !IsPreposition(t.text) &&
          res_.verbs.Lookup(t.text).empty() && !In(kBe, t.text) && !In(kAux, t.text) &&
          !In(kRelativePronouns, t.text) && !In(kModal, t.text)) {
        --lower_budget;  // an adjective: "neighbouring", "far-right"
        ++k;
        continue;
      }
      break;
    }
    return k;
  }

  // True when token k is an auxiliary, a modal or a verb of the lexicon.
  bool StartsVerbGroup(size_t k) const {
    std::string w = AsciiLower(W(k));
    return In(kBe, w) || In(kAux, w) || In(kModal, w) ||
           (IsLowerWord(toks_[k]) && !res_.verbs.Lookup(w).empty());
  }

  // True when mention m names the institution of a title that a person follows:
  // "Kremlin" in "Kremlin spokesman Dmitry Peskov".
  bool QualifiesTitle(int m) const {
    size_t k = M(m).last;
    if (k >= toks_.size() || !InTitle(k)) return false;
    while (k < toks_.size() && InTitle(k)) ++k;
    int p = ActorAt(k);
    return p >= 0 && M(p).type == ActorType::kPerson;
  }

  // Subject mentions to the left of token `end` (exclusive), in text order. Sets
  // *via_possessor when the only subject is the possessor of the real head noun.
  std::vector<int> CollectSubjects(size_t end, bool* via_possessor = nullptr) const {
    // "Le Pen, the leader of the National Front, is visiting": skip an apposition
    // between commas to reach the subject it describes.
    if (end >= 2 && W(end - 1) == ",") {
      for (size_t c = end - 1; c > 1 && end - c < 20; --c) {
        if (W(c - 1) != ",") continue;
        std::string first = AsciiLower(W(c));
        bool apposition = first == "the" || first == "a" || first == "an" || InTitle(c) ||
                          s_.demonym_at[c] >= 0 || In(kRelativePronouns, first);
        if (apposition && ActorAt(c - 2) >= 0) return CollectSubjects(c - 1, via_possessor);
        break;
      }
    }
    std::vector<int> found;
    size_t heads = 0;                // lower-case head words seen before any mention
    size_t committed = 0;            // mentions found up to the last coordinator crossed
    bool verbs_coordinated = false;  // "and" crossed before any mention
    bool stopped_on_verb = false;
    int possessor_head = -1;  // "Macron's campaign accused": Macron, if nothing better
    bool stopped = false;     // the scan ended on a word no subject phrase contains
    size_t k = end;
    while (k > 0 && end - k < 25) {
      --k;
      const Token& t = toks_[k];
      if (t.text == ")" && found.empty()) {
        // "Vladimir Putin (right) meets": skip the parenthesis.
        size_t open = k;
        while (open > 0 && W(open) != "(") --open;
        if (W(open) == "(") {
          k = open;
          continue;
        }
      }
      if (int m = ActorAt(k); m >= 0) {
        size_t after = M(m).last;
        bool possessor = after < toks_.size() && after < end &&
                         (W(after) == "'s" || W(after) == "\xE2\x80\x99s");
        if (possessor && found.empty() && possessor_head < 0) possessor_head = m;
        if (!possessor && !QualifiesTitle(m)) found.push_back(m);
        k = M(m).first;
        continue;
      }
      std::string lower = AsciiLower(t.text);
      if (In(kRelativePronouns, lower) && found.empty()) {
        // "Le Pen, who met Putin": the subject is the antecedent before "who".
        continue;
      }
      if (In(kRelativePronouns, lower)) break;
      if (IsCoordinator(t)) {
        if (found.empty() && t.text != ",") verbs_coordinated = true;
        committed = found.size();
        continue;
      }
      if (In(kDeterminers, lower) || t.text == "'s" || t.text == "\xE2\x80\x99s" || InTitle(k) ||
          s_.demonym_at[k] >= 0) {
        continue;
      }
      if (IsPreposition(lower)) {
        // The mention just collected was the object of this preposition.
        if (!found.empty() && M(found.back()).first == k + 1) found.pop_back();
        stopped = true;
        break;
      }
      if (found.empty() && IsLowerWord(t) && heads < 2 && res_.verbs.Lookup(t.text).empty() &&
          !In(kBe, lower) && !In(kAux, lower) && !In(kModal, lower)) {
        ++heads;  // "other countries have imposed": the head noun itself is no actor
        continue;
      }
      stopped = IsLowerWord(t);
      stopped_on_verb = stopped && (!res_.verbs.Lookup(t.text).empty() ||
                                    (!s_.parse.empty() && s_.parse[k].upos == "VERB"));
      break;
    }
    // "X visited Chile and met Y": a coordinator right before the verb and a verb
    // before the mention make the mention the first verb's object, not a subject.
    if (verbs_coordinated && stopped_on_verb) found.clear();
    // "X met with Y, and Z hosted her": what lies beyond the last coordinator
    // belongs to another clause when the scan ran into a verb or preposition.
    if (stopped && committed > 0 && committed < found.size()) found.resize(committed);
    // An actor's campaign, government or spokesman acts for the actor: with no
    // other subject, the possessor stands in (at lower confidence).
    if (found.empty() && possessor_head >= 0) {
      found.push_back(possessor_head);
      if (via_possessor) *via_possessor = true;
    }
    std::reverse(found.begin(), found.end());
    return found;
  }

  EntityRef Ref(int m) const { return builder_.Ref(m); }

  void Emit(const EntityRef& subj, const EntityRef& obj, const std::string& predicate,
            RelationKind kind, const std::string& cameo, bool negated, bool hypothetical,
            double confidence, std::string trigger) {
    RelationBuilder::Fact fact;
    fact.predicate = predicate;
    fact.kind = kind;
    fact.cameo = cameo;
    fact.negated = negated;
    fact.hypothetical = hypothetical;
    fact.confidence = confidence;
    fact.trigger = std::move(trigger);
    builder_.Emit(subj, obj, fact);
  }

  void TryVerb(size_t v) {
    const Token& vt = toks_[v];
    if (!vt.is_word || ActorAt(v) >= 0) return;
    if (vt.capitalized && v > 0) return;  // a name or title, not a verb
    // With a parse, a word the tagger reads as a noun inside a noun phrase is
    // one: "finance" in "finance spokesman", "host" in "chat-show host", "visit"
    // in "a visit to". The tagger alone is not trusted: it reads many verbs
    // after unknown names as nouns ("Putin meets Le Pen").
    if (!s_.parse.empty()) {
      const auto upos = [&](size_t k) -> std::string_view {
        return k < s_.parse.size() ? std::string_view(s_.parse[k].upos) : std::string_view();
      };
      if (upos(v) == "NOUN" || upos(v) == "ADJ") {
        const std::string_view before = v > 0 ? upos(v - 1) : "";
        if (before == "DET" || before == "ADJ" || before == "NOUN" || before == "NUM" ||
            upos(v + 1) == "NOUN") {
          return;
        }
      }
    }
    const auto& forms = res_.verbs.Lookup(vt.text);
    if (forms.empty()) return;

    // The verb group to the left: auxiliaries, negation, adverbs, "to", and verbs
    // such as "plans to" / "refused to" that change the mood.
    bool negated = false, hypothetical = false, be = false, modal = false, denial = false;
    size_t g = v;
    while (g > 0) {
      std::string w = AsciiLower(W(g - 1));
      if (In(kNegation, w)) {
        negated = true;
      } else if (In(kModal, w)) {
        hypothetical = true;
        modal = true;
      } else if (In(kBe, w)) {
        be = true;
      } else if (In(kAux, w)) {
        // "have imposed", "did not meet": tense and emphasis only
      } else if (w == "to") {
        hypothetical = true;  // infinitive: planned, proposed, demanded
      } else if (In(kDenial, w)) {
        negated = true;
        denial = true;
      } else if (In(kIrrealis, w)) {
        hypothetical = true;
      } else if (!IsAdverb(w)) {
        break;
      }
      --g;
    }
    // "refused to meet" is a meeting that did not happen, not a planned one.
    if (denial && !modal) hypothetical = false;
    // "if elected, she would ...": a condition earlier in the same clause. A
    // relative pronoun or "that" in between starts a new clause.
    for (size_t k = g; k > 0; --k) {
      std::string w = AsciiLower(W(k - 1));
      if (In(kRelativePronouns, w) || w == ";") break;
      if (In(kSubordinators, w)) {
        hypothetical = true;
        break;
      }
    }

    for (const auto& fm : forms) {
      const lexicon::VerbPattern& p = res_.verbs.pattern(fm.pattern);
      bool participle = fm.Is(lexicon::VerbForm::kPastParticiple);
      // Required noun: after the verb ("imposed sanctions on") or before it in a
      // relative clause ("the sanctions the EU imposed on").
      size_t search_from = v + 1;
      if (!p.noun.empty()) {
        bool found = false;
        for (size_t k = v + 1; k < std::min(toks_.size(), v + 8) && !found; ++k) {
          if (NounMatches(W(k), p.noun)) {
            found = true;
            search_from = k + 1;
          }
          if (W(k) == "." || W(k) == ";") break;
        }
        for (size_t k = g; k > 0 && k + 8 > g && !found; --k) {
          if (NounMatches(W(k - 1), p.noun)) found = true;
        }
        if (!found) continue;
      }
      // Passive: "was accused by X", "sanctions imposed by the EU on Russia".
      size_t after = v + 1;
      while (after < toks_.size() && IsAdverb(W(after))) ++after;
      bool by_agent = participle && after < toks_.size() && W(after) == "by";
      bool passive = participle && (be || by_agent) && (p.passive_ok || !p.noun.empty());
      if (participle && be && !p.passive_ok && p.noun.empty()) continue;

      std::vector<int> objects;
      std::string trigger(vt.text);
      if (!p.noun.empty()) trigger += " " + p.noun;
      for (const std::string& prep : p.preps) {
        if (prep.empty()) {
          if (passive) continue;  // the direct object became the subject
          size_t k = search_from;
          // "met with", "talked to": a preposition listed for the pattern
          CollectForward(k, &objects);
        } else {
          for (size_t k = search_from; k < std::min(toks_.size(), search_from + 10); ++k) {
            if (W(k) == "." || W(k) == ";" || W(k) == ":") break;
            if (AsciiLower(W(k)) == prep) {
              CollectForward(k + 1, &objects);
              if (!objects.empty()) trigger += " " + prep;
              break;
            }
          }
        }
        if (!objects.empty()) break;
      }

      std::vector<int> subjects;
      double confidence = 0.8;
      if (passive) {
        // Agent after "by"; the grammatical subject is the patient.
        size_t by = after;
        while (by < toks_.size() && by < after + 12 && W(by) != "by") ++by;
        if (by < toks_.size() && W(by) == "by") CollectForward(by + 1, &subjects);
        std::vector<int> patients = CollectSubjects(g);
        if (p.preps.size() == 1 && p.preps[0].empty()) {
          objects = patients;
        } else if (objects.empty()) {
          objects = patients;
        }
        confidence -= 0.1;
      } else {
        bool via_possessor = false;
        subjects = CollectSubjects(g, &via_possessor);
        if (via_possessor) confidence -= 0.15;
      }
      if (subjects.empty()) continue;
      if (subjects.size() > 1 || objects.size() > 1) confidence -= 0.05;
      if (!subjects.empty() && M(subjects.back()).last + 3 < g) confidence -= 0.1;

      if (objects.empty() && p.symmetric && subjects.size() >= 2) {
        // "Le Pen and Putin met": one event between the first and each other one.
        for (size_t k = 1; k < subjects.size(); ++k) {
          Emit(Ref(subjects[0]), Ref(subjects[k]), p.predicate, RelationKind::kEvent, p.cameo,
               negated, hypothetical, confidence - 0.05, trigger);
        }
        continue;
      }
      for (int sm : subjects) {
        for (int om : objects) {
          // A resolved pronoun is a guess about who is meant.
          double c = confidence - (M(sm).pronoun ? 0.15 : 0.0) - (M(om).pronoun ? 0.15 : 0.0);
          const std::string& cameo = M(sm).type == ActorType::kPerson && !p.person_cameo.empty()
                                         ? p.person_cameo
                                         : p.cameo;
          Emit(Ref(sm), Ref(om), p.predicate, RelationKind::kEvent, cameo, negated, hypothetical, c,
               trigger);
        }
      }
      if (!objects.empty()) break;  // first pattern that finds an object wins
    }
  }

  // Entity for a country named only by a demonym ("Russian" in "Russian Foreign
  // Minister"): found or created, with the demonym recorded as a mention.
  EntityRef CountryRef(const std::string& iso3, std::optional<size_t> demonym) {
    int c = res_.actors.CountryEntry(iso3);
    const std::string& label = res_.actors.entry(c).label;
    std::string id = EntityId(ActorType::kCountry, label);
    auto [it, inserted] = entity_index_->emplace(id, entities_->size());
    if (inserted) {
      Entity e;
      e.id = id;
      e.label = label;
      e.type = ActorType::kCountry;
      e.country = iso3;
      e.aliases.push_back(label);
      entities_->push_back(std::move(e));
    }
    Entity& e = (*entities_)[it->second];
    if (!demonym) return {e.id, e.label, e.type, e.label};  // from context: no mention here
    const size_t token = *demonym;
    Mention m{toks_[token].start, toks_[token].end, std::string(toks_[token].text), s_.index,
              false};
    bool seen = std::any_of(e.mentions.begin(), e.mentions.end(),
                            [&](const Mention& x) { return x.start == m.start; });
    if (!seen) {
      if (std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end()) {
        e.aliases.push_back(m.text);
      }
      e.mentions.push_back(m);
    }
    return {e.id, e.label, e.type, m.text};
  }

  // Qualifier of a title after it: "aide to Le Pen", "head of the Duma committee".
  int QualifierAfter(const TitleSpan& ts) const {
    size_t k = ts.last;
    if (k >= toks_.size()) return -1;
    std::string w = AsciiLower(W(k));
    if (w != "of" && w != "to" && w != "at" && w != "for" && w != "with") return -1;
    ++k;
    // "leader of the French National Front": determiners and demonyms before the name.
    while (k < toks_.size() && (In(kDeterminers, AsciiLower(W(k))) || s_.demonym_at[k] >= 0)) ++k;
    return ActorAt(k);
  }

  void TryTitle(size_t ti) {
    const TitleSpan& ts = s_.titles[ti];
    const lexicon::TitleEntry& te = res_.titles.entry(ts.entry);
    if (te.cls == lexicon::TitleClass::kHonorific || te.predicate.empty()) return;
    const size_t n = toks_.size();

    // The person holding the title: right after it ("spokesman Dmitry Peskov"),
    // before it with a comma ("Dmitry Peskov, the Kremlin spokesman"), or after
    // the qualified title and a comma ("An aide to Le Pen, Ludovic de Danne").
    int person = -1;
    double confidence = 0.85;
    if (int m = ActorAt(ts.last); m >= 0 && M(m).type == ActorType::kPerson) {
      person = m;
    }
    if (person < 0) {
      // Walk back over determiners and the qualifier to a comma after a person.
      size_t k = ts.first;
      if (ts.qualifier >= 0) k = std::min(k, M(ts.qualifier).first);
      while (k > 0 && (In(kDeterminers, AsciiLower(W(k - 1))) || s_.demonym_at[k - 1] >= 0 ||
                       (IsLowerWord(toks_[k - 1]) && IsAdverb(W(k - 1))))) {
        --k;
      }
      if (k >= 2 && W(k - 1) == ",") {
        if (int m = ActorAt(k - 2); m >= 0 && M(m).type == ActorType::kPerson) {
          person = m;
          confidence = 0.8;
        }
      }
    }
    int qualifier = ts.qualifier >= 0 && M(ts.qualifier).entity >= 0 ? ts.qualifier : -1;
    int after_q = QualifierAfter(ts);
    if (qualifier < 0) qualifier = after_q;
    if (person < 0 && after_q >= 0) {
      // "An aide to Le Pen, Ludovic de Danne": up to two words after the qualifier.
      size_t k = M(after_q).last;
      while (k < n && k < M(after_q).last + 2 && IsLowerWord(toks_[k])) ++k;
      if (k + 1 < n && W(k) == ",") {
        if (int m = ActorAt(k + 1); m >= 0 && M(m).type == ActorType::kPerson) {
          person = m;
          confidence = 0.75;
        }
      }
    }
    if (person < 0) return;
    EntityRef subject = Ref(person);
    if (qualifier >= 0 && qualifier != person) {
      Emit(subject, Ref(qualifier), te.predicate, RelationKind::kAffiliation, "", false, false,
           confidence, te.title);
    } else if (!ts.qualifier_country.empty() && In(kStatePredicates, te.predicate)) {
      size_t demonym_token = ts.first;
      while (demonym_token > 0 && s_.demonym_at[demonym_token] < 0) --demonym_token;
      Emit(subject, CountryRef(ts.qualifier_country, demonym_token), te.predicate,
           RelationKind::kAffiliation, "", false, false, confidence - 0.05, te.title);
    } else if (In(kStatePredicates, te.predicate)) {
      // "Chancellor Angela Merkel" after "German Chancellor Angela Merkel": the
      // country the document gave the person before.
      const std::string& iso3 = (*entities_)[static_cast<size_t>(M(person).entity)].country;
      if (!iso3.empty() && res_.actors.CountryEntry(iso3) >= 0) {
        Emit(subject, CountryRef(iso3, std::nullopt), te.predicate, RelationKind::kAffiliation, "",
             false, false, confidence - 0.15, te.title);
      }
    }
  }

  const Resources& res_;
  const SentenceAnalysis& s_;
  const std::vector<Token>& toks_;
  std::vector<Entity>* entities_;
  std::map<std::string, size_t>* entity_index_;
  RelationBuilder builder_;
};

}  // namespace

void ExtractRelations(const Resources& res, const Document& doc,
                      const std::vector<SentenceAnalysis>& sentences, std::vector<Entity>* entities,
                      DocumentRelations* out) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < entities->size(); ++i) index.emplace((*entities)[i].id, i);
  for (const SentenceAnalysis& s : sentences) {
    SentenceRelations(res, doc, s, entities, &index, out).Run();
  }
}

}  // namespace polgraph::extract
