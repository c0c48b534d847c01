#include "extract/syntax_events.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "core/text.h"
#include "extract/relation_builder.h"

namespace polgraph::extract {
namespace {

using WordSet = std::set<std::string, std::less<>>;

const WordSet kModals = {"will",  "would", "could", "may", "might", "should",
                         "shall", "can",   "must",  "'ll", "'d",    "wo"};
const WordSet kNegators = {"not", "n't", "never"};
// Verbs whose infinitive or gerund complement has not happened (yet).
const WordSet kIrrealis = {"plan",    "want",    "hope",     "seek",     "propose", "intend",
                           "promise", "vow",     "pledge",   "offer",    "try",     "expect",
                           "agree",   "decide",  "threaten", "aim",      "wish",    "prepare",
                           "ask",     "urge",    "call",     "consider", "demand",  "need",
                           "suggest", "attempt", "push",     "press",    "invite",  "encourage"};
// Verbs whose complement did not happen: "refused to meet", "denied meeting".
const WordSet kDenial = {"refuse", "decline", "fail", "deny", "reject", "avoid"};
// Verbs of saying that introduce reported speech.
const WordSet kSpeech = {"say",    "tell",        "state",   "claim",   "announce", "report",
                         "insist", "add",         "confirm", "allege",  "declare",  "write",
                         "argue",  "stress",      "note",    "explain", "assert",   "reveal",
                         "admit",  "acknowledge", "testify", "suggest", "tweet",    "warn"};
// Nouns through whose possessor an actor acts: "Macron's campaign accused".
const WordSet kStandIns = {"government",  "administration", "campaign", "office",     "spokesman",
                           "spokeswoman", "spokesperson",   "ministry", "forces",     "army",
                           "troops",      "military",       "police",   "party",      "officials",
                           "team",        "lawyers",        "lawyer",   "embassy",    "delegation",
                           "leadership",  "cabinet",        "regime",   "authorities"};
// Verbs whose object is the subject of their infinitive: "urged X to visit".
const WordSet kObjectControl = {
    "urge",    "ask",      "tell",     "invite", "persuade",  "encourage", "order",     "force",
    "allow",   "call",     "press",    "push",   "warn",      "advise",    "want",      "expect",
    "require", "request",  "pressure", "lobby",  "challenge", "instruct",  "authorize", "permit",
    "help",    "convince", "implore",  "beg",    "appoint",   "elect"};
// Nouns that name a place by a name before them: "the Crimea region".
const WordSet kPlaceNouns = {"region",    "province", "peninsula", "city",    "area",
                             "territory", "republic", "state",     "enclave", "island"};
// Verbs of saying whose object is the one spoken to: "Putin told Le Pen that ...".
const WordSet kTellVerbs = {"tell", "assure", "inform", "warn", "remind", "promise"};
// Verbs that make a nominal event their object's act: "announced new sanctions on".
const WordSet kLightVerbs = {"make",     "pay",   "hold",      "have",   "conduct", "impose",
                             "announce", "slap",  "introduce", "extend", "launch",  "carry",
                             "stage",    "begin", "start",     "host",   "approve", "adopt",
                             "unveil",   "order", "mount"};
// Verbs that ask for a nominal event: "called for talks with", "pushed for sanctions on".
const WordSet kAppealVerbs = {"call", "push", "press", "appeal", "ask", "argue", "lobby", "plead"};
// Adjectives that put a nominal event in the future or in doubt.
const WordSet kIrrealisAdjectives = {"planned",     "proposed",   "possible", "potential",
                                     "future",      "threatened", "expected", "upcoming",
                                     "prospective", "further",    "new"};

const WordSet kConditional = {"if", "unless", "whether"};
const WordSet kCondition = {"if", "unless"};
const WordSet kNotSharing = {"if", "unless", "whether", "because"};
const WordSet kRelativePronouns = {"who", "which", "that"};
const WordSet kTo = {"to"};

bool In(const WordSet& set, std::string_view w) { return set.count(w) > 0; }

std::string_view BaseRel(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// "sanctions" matches "sanction", "talks" matches "talks".
bool NounMatches(std::string_view word, std::string_view noun) {
  const auto stem = [](std::string_view w) {
    return w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
  };
  return stem(word) == stem(noun);
}

struct Arg {
  int mention = -1;
  double penalty = 0.0;  // confidence lost on the way: pronoun, stand-in
};

class SentenceEvents {
 public:
  SentenceEvents(const Resources& res, const Document& doc, const SentenceAnalysis& s,
                 const std::vector<Entity>& entities, DocumentRelations* out)
      : res_(res), s_(s), builder_(res, doc, s, entities, out) {
    const int n = static_cast<int>(s.parse.size());
    children_.resize(static_cast<size_t>(n));
    lower_.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      lower_[i] = AsciiLower(s.parse[i].token.text);
      const int h = Head(i);
      if (h >= 0) children_[h].push_back(i);
    }
  }

  void Run() {
    const int n = static_cast<int>(s_.parse.size());
    for (int v = 0; v < n; ++v) {
      if (!res_.verbs.Lookup(lower_[v]).empty() && IsVerb(v)) TryVerb(v);
      if (!res_.verbs.LookupNoun(lower_[v]).empty() && W(v).upos == "NOUN") TryNoun(v);
      if (In(kSpeech, W(v).lemma) && IsVerb(v)) TryStatement(v);
    }
    // "According to X, ...": X is the source of the sentence's events, also of
    // those the surface patterns found.
    for (size_t m = 0; m < s_.mentions.size(); ++m) {
      if (builder_.Actor(static_cast<int>(m)) >= 0 &&
          AfterAccordingTo(static_cast<int>(s_.mentions[m].first))) {
        builder_.SetSourceWhereMissing(builder_.Ref(static_cast<int>(m)));
        break;
      }
    }
  }

 private:
  const nlp::AnalyzedWord& W(int i) const { return s_.parse[static_cast<size_t>(i)]; }
  int Head(int i) const { return W(i).head - 1; }
  std::string_view Rel(int i) const { return W(i).deprel; }
  bool IsVerb(int i) const { return W(i).upos == "VERB"; }

  std::vector<int> Children(int h, std::string_view rel) const {
    std::vector<int> out;
    for (int c : children_[h]) {
      if (Rel(c) == rel) out.push_back(c);
    }
    return out;
  }
  bool HasChild(int h, std::string_view rel, const WordSet& words) const {
    for (int c : children_[h]) {
      if (Rel(c) == rel && In(words, lower_[c])) return true;
    }
    return false;
  }
  // The preposition of an oblique or nominal modifier: "with" in "met with Putin".
  std::string_view CaseOf(int i) const {
    for (int c : children_[i]) {
      if (Rel(c) == "case") return lower_[c];
    }
    return {};
  }

  // The actors an argument headed by token `a` stands for, with its conjuncts.
  void ActorsOf(int a, double penalty, std::vector<Arg>* out) const {
    if (a < 0) return;
    std::vector<int> heads = {a};
    for (size_t i = 0; i < heads.size() && heads.size() < 12; ++i) {
      for (int c : children_[heads[i]]) {
        if (Rel(c) == "conj") heads.push_back(c);
      }
    }
    for (int h : heads) {
      if (AfterAccordingTo(h)) continue;  // the source, whatever the parser made of it
      if (int m = builder_.Actor(s_.mention_at[h]); m >= 0) {
        // A name qualifying a title before a person ("US" in "US Secretary of
        // State Mike Pompeo") is not the argument, whatever the parser made
        // the head; the person is.
        for (const TitleSpan& t : s_.titles) {
          if (t.qualifier != m || t.last >= s_.tokens.size()) continue;
          if (int p = builder_.Actor(s_.mention_at[t.last]);
              p >= 0 && s_.mentions[p].type == ActorType::kPerson) {
            m = p;
          }
        }
        const MentionSpan& ms = s_.mentions[m];
        out->push_back({m, penalty + (ms.pronoun ? 0.15 : 0.0)});
        continue;
      }
      // A title heading the person it names: "spokesman Dmitry Peskov".
      bool found = false;
      for (int c : children_[h]) {
        std::string_view r = Rel(c);
        if (r != "appos" && r != "flat" && r != "compound") continue;
        if (int m = builder_.Actor(s_.mention_at[c]);
            m >= 0 && s_.mentions[m].type == ActorType::kPerson) {
          out->push_back({m, penalty + 0.05});
          found = true;
          break;
        }
      }
      if (found) continue;
      // "Ukraine's Crimea region": a place noun stands for the place it names.
      if (In(kPlaceNouns, W(h).lemma)) {
        for (int c : children_[h]) {
          if (Rel(c) != "compound" && Rel(c) != "flat") continue;
          if (int m = builder_.Actor(s_.mention_at[c]); m >= 0) {
            out->push_back({m, penalty});
            found = true;
            break;
          }
        }
      }
      if (found || !In(kStandIns, W(h).lemma)) continue;
      // "Macron's campaign", "the Russian government": the actor behind it.
      for (int c : children_[h]) {
        if (Rel(c) != "nmod:poss" && Rel(c) != "compound") continue;
        if (int m = builder_.Actor(s_.mention_at[c]); m >= 0) {
          if (Rel(c) == "compound" && s_.mentions[m].type == ActorType::kPerson) continue;
          out->push_back({m, penalty + 0.15});
          break;
        }
      }
    }
  }

  // True when the mention at token k follows "according to" (over a title).
  bool AfterAccordingTo(int k) const {
    const int m = s_.mention_at[k];
    int first = m >= 0 ? static_cast<int>(s_.mentions[m].first) : k;
    while (first > 0 && InTitle(first - 1)) --first;
    return first >= 2 && lower_[first - 1] == "to" && lower_[first - 2] == "according";
  }
  bool InTitle(int k) const {
    for (const TitleSpan& t : s_.titles) {
      if (static_cast<size_t>(k) >= t.first && static_cast<size_t>(k) < t.last) return true;
    }
    return false;
  }

  bool Passive(int v) const {
    for (int c : children_[v]) {
      if (Rel(c) == "nsubj:pass" || Rel(c) == "aux:pass") return true;
    }
    return Rel(v) == "acl" && W(v).xpos == "VBN";
  }

  // The grammatical subject of clause v, with the penalty of having inherited
  // it: its own nsubj, else the shared subject of coordinated verbs, the
  // controller of an infinitive, the antecedent of a relative clause.
  int Subject(int v, double* penalty, int depth = 0) const {
    for (int c : children_[v]) {
      if (Rel(c) == "nsubj" || Rel(c) == "nsubj:pass") {
        // "the man who met Putin": the relative pronoun stands for the antecedent.
        if (In(kRelativePronouns, lower_[c]) && Rel(v) == "acl:relcl" && Head(v) >= 0) {
          return Head(v);
        }
        return c;
      }
    }
    const int h = Head(v);
    if (h < 0 || depth > 6) return -1;
    const std::string_view r = Rel(v);
    *penalty += 0.1;
    if (r == "conj" && (IsVerb(h) || W(h).upos == "AUX")) return Subject(h, penalty, depth + 1);
    if (r == "xcomp") {
      // "urged Le Pen to visit": the object controls; "agreed to visit" and "met
      // Merkel to talk about": the subject.
      if (In(kObjectControl, W(h).lemma)) {
        for (int c : children_[h]) {
          if (Rel(c) == "obj" || Rel(c) == "iobj") return c;
        }
      }
      return Subject(h, penalty, depth + 1);
    }
    if (r == "acl:relcl" || r == "acl") return h;
    // A subjectless clause hung off the name before it ("Le Pen, the party's
    // leader, is visiting Russia" parsed as parataxis of "Le Pen").
    if ((r == "parataxis" || r == "list") && h < v &&
        (W(h).upos == "PROPN" || W(h).upos == "NOUN")) {
      return h;
    }
    if (r == "advcl" && !HasChild(v, "mark", kNotSharing)) {
      return Subject(h, penalty, depth + 1);
    }
    return -1;
  }

  // The relative clause's antecedent when it is the clause's object: "the
  // sanctions (that) the EU imposed", "the rival whom Putin met".
  int ImplicitObject(int v) const {
    if (Rel(v) != "acl:relcl" || Head(v) < 0) return -1;
    for (int c : children_[v]) {
      if (Rel(c) == "obj") return -1;
      if ((Rel(c) == "nsubj" || Rel(c) == "nsubj:pass") && In(kRelativePronouns, lower_[c])) {
        return -1;
      }
    }
    return Head(v);
  }

  // Mood of clause v: negated ("did not meet", "refused to meet") and
  // hypothetical (modals, "plans to meet", "if elected").
  void Mood(int v, bool* negated, bool* hypothetical) const {
    // An infinitive has not happened yet ("met X to criticise Y", "plans to
    // visit"), unless a verb of denial says it never will ("refused to meet").
    bool infinitive = HasChild(v, "mark", kTo), denied = false;
    int c = v;
    for (int depth = 0; c >= 0 && depth < 6; ++depth) {
      if (HasChild(c, "advmod", kNegators)) *negated = true;
      if (HasChild(c, "aux", kModals)) *hypothetical = true;
      if (HasChild(c, "mark", kConditional)) *hypothetical = true;
      for (int a : children_[c]) {
        if (Rel(a) == "advcl" && HasChild(a, "mark", kCondition)) *hypothetical = true;
      }
      const int h = Head(c);
      if (h < 0) break;
      const std::string_view r = Rel(c);
      if (r == "xcomp" || (r == "ccomp" && In(kDenial, W(h).lemma))) {
        if (In(kDenial, W(h).lemma)) {
          *negated = true;
          denied = true;
        } else if (In(kIrrealis, W(h).lemma)) {
          *hypothetical = true;
        }
        c = h;  // the governing verb's own negation and mood carry over
        continue;
      }
      if (r == "advcl" && HasChild(c, "mark", kCondition)) *hypothetical = true;
      break;
    }
    if (infinitive && !denied) *hypothetical = true;
  }

  // Who reported clause v: the subject of a verb of saying whose complement it is
  // ("X said Y met Z"), which follows it ("Y met Z, X said"), or "according to X".
  std::vector<Arg> Speakers(int v) const {
    int c = v;
    for (int depth = 0; depth < 6 && Head(c) >= 0; ++depth) {
      const std::string_view r = Rel(c);
      if (r != "conj" && r != "xcomp" && r != "acl:relcl" && r != "obj" && r != "obl") break;
      c = Head(c);
    }
    std::vector<Arg> out;
    double penalty = 0.0;
    const int h = Head(c);
    if (Rel(c) == "ccomp" && h >= 0 && In(kSpeech, W(h).lemma)) {
      ActorsOf(Subject(h, &penalty), 0.0, &out);
      if (!out.empty()) return out;
    }
    for (int k : children_[c]) {
      if (Rel(k) == "parataxis" && In(kSpeech, W(k).lemma)) {
        ActorsOf(Subject(k, &penalty), 0.0, &out);
      }
      if (!out.empty()) return out;
    }
    // "according to X" anywhere in the sentence, read off the words: parsers
    // attach it in many ways.
    for (size_t m = 0; m < s_.mentions.size(); ++m) {
      if (builder_.Actor(static_cast<int>(m)) >= 0 &&
          AfterAccordingTo(static_cast<int>(s_.mentions[m].first))) {
        out.push_back({static_cast<int>(m), 0.0});
        return out;
      }
    }
    return out;
  }

  RelationBuilder::Fact MakeFact(const std::string& predicate, const std::string& cameo, int clause,
                                 std::string trigger, double confidence) const {
    RelationBuilder::Fact f;
    f.predicate = predicate;
    f.cameo = cameo;
    f.confidence = confidence;
    f.trigger = std::move(trigger);
    Mood(clause, &f.negated, &f.hypothetical);
    std::vector<Arg> speakers = Speakers(clause);
    if (!speakers.empty()) f.source = builder_.Ref(speakers.front().mention);
    return f;
  }

  void EmitAll(const std::vector<Arg>& agents, const std::vector<Arg>& patients,
               RelationBuilder::Fact fact, bool symmetric, const std::string& person_cameo) {
    const double base = fact.confidence;
    const double spread = agents.size() > 1 || patients.size() > 1 ? 0.05 : 0.0;
    if (patients.empty() && symmetric && agents.size() >= 2) {
      // "Putin and Le Pen met": one event between the first and each other one.
      for (size_t k = 1; k < agents.size(); ++k) {
        fact.confidence = base - 0.05 - agents[0].penalty - agents[k].penalty;
        builder_.Emit(builder_.Ref(agents[0].mention), builder_.Ref(agents[k].mention), fact);
      }
      return;
    }
    const std::string cameo = fact.cameo;
    for (const Arg& a : agents) {
      for (const Arg& p : patients) {
        fact.confidence = base - spread - a.penalty - p.penalty;
        fact.cameo = !person_cameo.empty() && s_.mentions[a.mention].type == ActorType::kPerson
                         ? person_cameo
                         : cameo;
        builder_.Emit(builder_.Ref(a.mention), builder_.Ref(p.mention), fact);
      }
    }
  }

  void TryVerb(int v) {
    const bool passive = Passive(v);
    double subject_penalty = 0.0;
    const int subject = Subject(v, &subject_penalty);
    for (const auto& fm : res_.verbs.Lookup(lower_[v])) {
      const lexicon::VerbPattern& p = res_.verbs.pattern(fm.pattern);
      if (passive && !p.passive_ok && p.noun.empty()) continue;
      // The required noun ("imposed sanctions on"): the object, the passive
      // subject, or the antecedent of the relative clause.
      int noun = -1;
      std::string trigger(W(v).token.text);
      if (!p.noun.empty()) {
        std::vector<int> candidates = Children(v, "obj");
        if (passive && subject >= 0) candidates.push_back(subject);
        if (int o = ImplicitObject(v); o >= 0) candidates.push_back(o);
        if (Rel(v) == "acl" && Head(v) >= 0) candidates.push_back(Head(v));
        for (int c : candidates) {
          if (NounMatches(lower_[c], p.noun)) noun = c;
        }
        if (noun < 0) continue;
        trigger += " " + p.noun;
      }
      std::vector<Arg> agents, patients;
      double penalty = 0.0;
      if (passive) {
        for (int c : children_[v]) {
          if ((Rel(c) == "obl" || Rel(c) == "obl:agent") && CaseOf(c) == "by") {
            ActorsOf(c, 0.1, &agents);
          }
        }
      } else {
        ActorsOf(subject, subject_penalty, &agents);
      }
      if (agents.empty()) continue;
      for (const std::string& prep : p.preps) {
        if (prep.empty()) {
          if (!p.noun.empty()) continue;
          if (passive) {
            ActorsOf(subject, penalty, &patients);
          } else {
            for (int o : Children(v, "obj")) ActorsOf(o, 0.0, &patients);
            ActorsOf(ImplicitObject(v), 0.05, &patients);
          }
        } else {
          for (int c : children_[v]) {
            // A fronted oblique is no object: "For the Liberals, X called it ...".
            if (BaseRel(Rel(c)) == "obl" && CaseOf(c) == prep && c > v) {
              ActorsOf(c, 0.0, &patients);
            }
          }
          if (noun >= 0) {
            for (int c : children_[noun]) {
              if (BaseRel(Rel(c)) == "nmod" && CaseOf(c) == prep) ActorsOf(c, 0.0, &patients);
            }
          }
          if (!patients.empty()) trigger += " " + prep;
        }
        if (!patients.empty()) break;
      }
      if (patients.empty() && !(p.symmetric && agents.size() >= 2)) continue;
      EmitAll(agents, patients, MakeFact(p.predicate, p.cameo, v, trigger, 0.75), p.symmetric,
              p.person_cameo);
      return;  // the first pattern that finds its actors wins
    }
  }

  // The clause a noun phrase belongs to: "came" for "at the invitation of X".
  int GoverningVerb(int nn) const {
    int c = nn;
    for (int depth = 0; depth < 4; ++depth) {
      const int h = Head(c);
      if (h < 0) return -1;
      if (IsVerb(h)) return h;
      if (BaseRel(Rel(c)) != "nmod" && Rel(c) != "conj") return -1;
      c = h;
    }
    return -1;
  }

  void TryNoun(int nn) {
    for (int pi : res_.verbs.LookupNoun(lower_[nn])) {
      const lexicon::NominalPattern& p = res_.verbs.nominal(pi);
      std::vector<Arg> agents, patients;
      for (const std::string& slot : p.agent_slots) {
        for (int c : children_[nn]) {
          const std::string_view r = Rel(c);
          if ((slot == "poss" && r == "nmod:poss") || (slot == "compound" && r == "compound") ||
              (BaseRel(r) == "nmod" && CaseOf(c) == slot)) {
            ActorsOf(c, 0.0, &agents);
          }
        }
      }
      bool between = false;
      for (const std::string& prep : p.patient_preps) {
        for (int c : children_[nn]) {
          if (BaseRel(Rel(c)) != "nmod" || CaseOf(c) != prep) continue;
          if (prep == "between") {
            between = true;
            ActorsOf(c, 0.0, &agents);
          } else {
            ActorsOf(c, 0.0, &patients);
          }
        }
      }
      const int verb = GoverningVerb(nn);
      // "announced sanctions on Russia": the patient may hang off the verb.
      if (patients.empty() && verb >= 0 && Head(nn) == verb && Rel(nn) == "obj") {
        for (const std::string& prep : p.patient_preps) {
          for (int c : children_[verb]) {
            if (BaseRel(Rel(c)) == "obl" && CaseOf(c) == prep) ActorsOf(c, 0.05, &patients);
          }
        }
      }
      double penalty = 0.0;
      if (p.clause_patient && verb >= 0) ActorsOf(Subject(verb, &penalty), penalty, &patients);
      // "announced new sanctions on Russia": the light verb's subject acts.
      double confidence = 0.7;
      bool wanted = false;
      if (agents.empty() && !between && verb >= 0 && Head(nn) == verb) {
        if (Rel(nn) == "obj" && In(kLightVerbs, W(verb).lemma)) {
          ActorsOf(Subject(verb, &penalty), penalty, &agents);
          confidence = 0.65;
        } else if (BaseRel(Rel(nn)) == "obl" && CaseOf(nn) == "for" &&
                   In(kAppealVerbs, W(verb).lemma)) {
          // "called for closer ties with Chile": wanted, not yet done.
          ActorsOf(Subject(verb, &penalty), penalty, &agents);
          confidence = 0.6;
          wanted = true;
        }
      }
      if (agents.empty()) continue;
      if (patients.empty() && !(p.symmetric && agents.size() >= 2)) continue;
      const int clause = verb >= 0 && (Head(nn) == verb) ? verb : nn;
      RelationBuilder::Fact fact =
          MakeFact(p.predicate, p.cameo, clause, std::string(W(nn).token.text), confidence);
      if (wanted) fact.hypothetical = true;
      if (HasChild(nn, "amod", kIrrealisAdjectives) && W(nn).lemma != "sanction") {
        fact.hypothetical = true;
      }
      for (int c : children_[nn]) {
        // "proposed new sanctions" but not "new sanctions": only the adjectives
        // that speak of the future mark sanctions as not yet in force.
        if (Rel(c) == "amod" && In(kIrrealisAdjectives, lower_[c]) && lower_[c] != "new" &&
            lower_[c] != "further") {
          fact.hypothetical = true;
        }
      }
      EmitAll(agents, patients, fact, p.symmetric, "");
      return;
    }
  }

  // "X said (that) Y ...": X's statement about the actors of the reported clause.
  void TryStatement(int v) {
    if (Passive(v)) return;  // "X was told that ...": X is the one told
    double penalty = 0.0;
    std::vector<Arg> speakers;
    ActorsOf(Subject(v, &penalty), penalty, &speakers);
    if (speakers.empty()) return;
    // "told Le Pen that ...": the statement is addressed to Le Pen.
    std::vector<Arg> addressees;
    if (In(kTellVerbs, W(v).lemma)) {
      for (int c : children_[v]) {
        if (Rel(c) == "obj" || Rel(c) == "iobj") ActorsOf(c, 0.0, &addressees);
      }
    }
    std::vector<int> clauses = Children(v, "ccomp");
    if (clauses.empty() && !addressees.empty()) clauses.push_back(v);  // "told X about it"
    // "Y met Z, X said": the clause is the speech verb's head.
    if (Rel(v) == "parataxis" && Head(v) >= 0) clauses.push_back(Head(v));
    for (int c : clauses) {
      std::vector<Arg> about = addressees;
      double p = 0.0;
      if (about.empty()) ActorsOf(Subject(c, &p), 0.0, &about);
      if (about.empty()) {
        for (int o : Children(c, "obj")) ActorsOf(o, 0.0, &about);
      }
      // "it" and "they" in a quote are too often the quote's own topic.
      about.erase(std::remove_if(about.begin(), about.end(),
                                 [&](const Arg& a) {
                                   const MentionSpan& m = s_.mentions[a.mention];
                                   return m.pronoun && m.type != ActorType::kPerson;
                                 }),
                  about.end());
      if (about.empty()) continue;
      RelationBuilder::Fact fact;
      fact.predicate = "make_statement";
      fact.cameo = "010";
      fact.confidence = 0.6;
      fact.trigger = std::string(W(v).token.text);
      Mood(v, &fact.negated, &fact.hypothetical);
      EmitAll(speakers, about, fact, false, "");
    }
  }

  const Resources& res_;
  const SentenceAnalysis& s_;
  RelationBuilder builder_;
  std::vector<std::vector<int>> children_;
  std::vector<std::string> lower_;
};

}  // namespace

void ExtractSyntaxEvents(const Resources& res, const Document& doc,
                         const std::vector<SentenceAnalysis>& sentences,
                         const std::vector<Entity>& entities, DocumentRelations* out) {
  for (const SentenceAnalysis& s : sentences) {
    if (s.parse.empty() || s.parse.size() != s.tokens.size()) continue;
    SentenceEvents(res, doc, s, entities, out).Run();
  }
}

}  // namespace polgraph::extract
