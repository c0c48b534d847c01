#include "extract/openie.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace polgraph::extract {
namespace {

using nlp::AnalyzedWord;

// True when `deprel` is `base` or one of its subtypes ("nsubj" matches "nsubj:pass").
bool Is(std::string_view deprel, std::string_view base) {
  if (deprel.size() < base.size() || deprel.compare(0, base.size(), base) != 0) return false;
  return deprel.size() == base.size() || deprel[base.size()] == ':';
}

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& lowers) {
  for (std::string_view l : lowers) {
    if (EqualsLower(word, l)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 3> kNegations = {"not", "n't", "never"};
// Modals that make a statement hypothetical; "will" and "shall" only date it.
constexpr std::array<std::string_view, 6> kHypotheticalModals = {"would", "could",  "might",
                                                                 "may",   "should", "ca"};
constexpr std::array<std::string_view, 3> kConditions = {"if", "unless", "whether"};
constexpr std::array<std::string_view, 6> kRelativeWords = {"that", "which", "who",
                                                            "whom", "whose", "where"};
// Marks of a complement clause that read as part of the relation ("said that").
constexpr std::array<std::string_view, 3> kFoldedMarks = {"that", "whether", "if"};

bool IsNominal(const AnalyzedWord& w) {
  return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON" || w.upos == "NUM" ||
         w.upos == "X" || w.upos == "SYM";
}

// Dependency relations under which a verb heads a clause of its own; a verb under
// any other (amod, compound, obl, ...) is a participle or a tagging slip.
bool IsClausalDeprel(std::string_view d) {
  return d == "root" || Is(d, "conj") || Is(d, "ccomp") || Is(d, "advcl") || Is(d, "acl") ||
         Is(d, "xcomp") || Is(d, "parataxis") || Is(d, "csubj") || d == "dep" || d == "list";
}

// Triple kinds, with the confidence they start from: how often the rule is right
// when the parse is, ordered so that the benchmark's confidence sweep can cut off
// the weaker rules first.
constexpr double kVerbConfidence = 0.90;
constexpr double kCopulaConfidence = 0.85;
constexpr double kApposConfidence = 0.60;
constexpr double kPossessiveConfidence = 0.3;
constexpr size_t kMaxAppositionWords = 12;
constexpr size_t kMaxConjuncts = 4;  // conjuncts split out of one argument
// Triples with one conjunct of a coordinated argument ("attacks and raids" ->
// "attacks", "raids") rank below the triple with the whole coordination: the
// parse of a coordination's extent is the less reliable part.
constexpr double kConjunctPenalty = 0.4;

// One argument slot of a predicate before it becomes text.
struct Slot {
  int head = -1;         // word heading the argument
  int fold = -1;         // its preposition or complementizer, may move into the relation
  int replace = -1;      // when `head` is a relative pronoun: the noun it stands for
  bool core = false;     // object, complement clause or predicative (not an oblique)
  bool clausal = false;  // a clause: kept whole, its conjuncts not split
};

class SentenceReader {
 public:
  SentenceReader(const nlp::AnalyzedSentence& sentence, std::string_view text)
      : w_(sentence.words), text_(text), n_(static_cast<int>(sentence.words.size())) {
    head_.resize(n_);
    child_begin_.assign(n_ + 1, 0);
    for (int i = 0; i < n_; ++i) {
      int h = w_[i].head - 1;
      if (h < -1 || h >= n_ || h == i) h = -1;
      head_[i] = h;
      if (h >= 0) ++child_begin_[h + 1];
    }
    for (int i = 0; i < n_; ++i) child_begin_[i + 1] += child_begin_[i];
    child_list_.resize(child_begin_[n_]);
    std::vector<int> fill(child_begin_.begin(), child_begin_.end() - 1);
    for (int i = 0; i < n_; ++i) {
      if (head_[i] >= 0) child_list_[fill[head_[i]]++] = i;
    }
    merged_.assign(n_, 0);
  }

  std::vector<OpenTriple> Run() {
    for (int i = 0; i < n_; ++i) {
      if (merged_[i]) continue;
      if (HasChild(i, "cop") && (w_[i].upos != "VERB" || IsClausePredicate(i))) {
        Copular(i);
      } else if (IsVerbal(i)) {
        Verbal(i);
      }
    }
    for (int i = 0; i < n_; ++i) {
      const std::string& d = w_[i].deprel;
      if (d == "appos") Apposition(i);
      if (d == "nmod:poss") Possessive(i);
    }
    return std::move(out_);
  }

 private:
  struct Children {
    const int* b;
    const int* e;
    const int* begin() const { return b; }
    const int* end() const { return e; }
  };
  Children ChildrenOf(int i) const {
    return {child_list_.data() + child_begin_[i], child_list_.data() + child_begin_[i + 1]};
  }
  const std::string& Rel(int i) const { return w_[i].deprel; }
  std::string_view Word(int i) const { return w_[i].token.text; }

  bool HasChild(int i, std::string_view base) const {
    for (int c : ChildrenOf(i)) {
      if (Is(Rel(c), base)) return true;
    }
    return false;
  }
  int FirstChild(int i, std::string_view base) const {
    for (int c : ChildrenOf(i)) {
      if (Is(Rel(c), base)) return c;
    }
    return -1;
  }

  bool IsVerbal(int i) const {
    const AnalyzedWord& w = w_[i];
    if (w.upos == "NOUN" && w.xpos == "NNS") {
      // A tagging slip: "this results in deaths" read with "results" as a
      // plural noun. A nominal with a subject but no copula can only be a verb.
      return IsClausalDeprel(w.deprel) && HasChild(i, "nsubj") && !HasChild(i, "cop");
    }
    if (w.upos != "VERB" && w.upos != "AUX") return false;
    if (Is(w.deprel, "aux") || Is(w.deprel, "cop")) return false;
    return IsClausalDeprel(w.deprel);
  }
  // "The problem is that firms wait": a verb under a copula that heads a clause
  // of its own, with a complementizer or a second subject after the copula.
  // (A verb with a copula and neither is a passive the parser labelled oddly:
  // "were mobilized".)
  bool IsClausePredicate(int i) const {
    const int cop = FirstChild(i, "cop");
    for (int c : ChildrenOf(i)) {
      if (c > cop && c < i && (Is(Rel(c), "mark") || Is(Rel(c), "nsubj"))) return true;
    }
    return false;
  }
  bool IsPredicate(int i) const { return IsVerbal(i) || HasChild(i, "cop"); }
  bool IsRelative(int i) const {
    const std::string& x = w_[i].xpos;
    if (x == "WDT" || x == "WP" || x == "WP$" || x == "WRB") return true;
    return OneOf(Word(i), kRelativeWords) && (w_[i].upos == "PRON" || w_[i].upos == "DET");
  }
  bool IsNegation(int i) const {
    return (Is(Rel(i), "advmod") || Rel(i) == "neg") && OneOf(Word(i), kNegations);
  }

  // The word standing as the subject of predicate `p`, following conjunctions,
  // control and relative clauses; -1 when there is none. A relative pronoun is
  // replaced by the noun its clause modifies.
  int FindSubject(int p, bool* inherited, int depth = 0) const {
    int subject = -1;
    for (int c : ChildrenOf(p)) {
      if (Is(Rel(c), "nsubj") || Is(Rel(c), "csubj")) {
        subject = c;
        break;
      }
    }
    const std::string& d = Rel(p);
    if (subject >= 0) {
      if (!IsRelative(subject)) return subject;
      // "the Belzbergs, who own ...": the noun the relative clause modifies, even
      // when the parser attached the clause some other way. A clause hung on a
      // verb ("began a feud, which led to ...") most often speaks of its object.
      if (head_[p] >= 0 && IsNominal(w_[head_[p]])) return head_[p];
      // Misattached: a relative pronoun follows its noun ("the Belzbergs, who").
      int before = subject - 1;
      while (before >= 0 && w_[before].upos == "PUNCT") --before;
      if (before >= 0 && IsNominal(w_[before]) && w_[before].upos != "PRON") return before;
      const int object = head_[p] >= 0 && IsVerbal(head_[p]) ? FirstChild(head_[p], "obj") : -1;
      return object >= 0 ? object : subject;
    }
    if (depth > 4 || head_[p] < 0) return -1;
    const int g = head_[p];
    *inherited = true;
    if (Is(d, "conj") && IsPredicate(g)) return FindSubject(g, inherited, depth + 1);
    if (Is(d, "acl") && !IsNominal(w_[g])) return -1;
    if (d == "acl:relcl") return g;
    if (Is(d, "acl")) {
      // Participles ("a man named John", "troops stationed abroad"), not
      // infinitives ("the decision to leave").
      return (w_[p].xpos == "VBN" || w_[p].xpos == "VBG") ? g : -1;
    }
    if (Is(d, "xcomp")) {
      const int object = FirstChild(g, "obj");
      if (object >= 0) return object;
      return IsPredicate(g) ? FindSubject(g, inherited, depth + 1) : -1;
    }
    if (Is(d, "advcl") && IsPredicate(g)) return FindSubject(g, inherited, depth + 1);
    return -1;
  }

  // How much less sure a triple of predicate `p` is than one of a main clause:
  // a subject taken from elsewhere is a guess, and the content of a reported
  // clause ("said that X did Y") is an attributed claim, not a stated fact.
  double ClausePenalty(int p, bool inherited) const {
    double penalty = inherited ? 0.1 : 0.0;
    if (Is(Rel(p), "ccomp") || Is(Rel(p), "parataxis")) penalty += 0.05;
    return penalty;
  }

  // Adds the auxiliaries, negation, particles and inner adverbs of `p` to *rel.
  void AddVerbGroup(int p, std::vector<int>* rel, OpenTriple* t) const {
    int first_aux = p;
    for (int c : ChildrenOf(p)) {
      const std::string& d = Rel(c);
      if (w_[c].upos == "PUNCT") continue;  // a mislabelled quote is no particle
      if (Is(d, "aux") || Is(d, "cop")) {
        rel->push_back(c);
        first_aux = std::min(first_aux, c);
        if (w_[c].xpos == "MD" && OneOf(Word(c), kHypotheticalModals)) t->hypothetical = true;
      } else if (IsNegation(c)) {
        rel->push_back(c);
        t->negated = true;
      } else if (d == "compound:prt") {
        rel->push_back(c);
      } else if (d == "mark" && OneOf(Word(c), kConditions)) {
        t->hypothetical = true;
      }
    }
    // "has also been", "is first mentioned": adverbs inside the verb group.
    // "strictly maintain", "ultimately traced": an adverb right before the verb.
    for (int c : ChildrenOf(p)) {
      if (!Is(Rel(c), "advmod") || IsNegation(c) || IsRelative(c)) continue;
      if ((c > first_aux && c < p) || c == p - 1) rel->push_back(c);
    }
    // "was arrested and charged": the second verb shares the first one's auxiliaries.
    // Only between like forms: "has filed and alleging" shares nothing.
    if (first_aux == p && Is(Rel(p), "conj") && head_[p] >= 0 && IsVerbal(head_[p]) &&
        (w_[p].xpos == "VBN" || w_[p].xpos == "VBG") && w_[p].xpos == w_[head_[p]].xpos) {
      for (int c : ChildrenOf(head_[p])) {
        if (Is(Rel(c), "aux") && c < head_[p]) rel->push_back(c);
      }
    }
  }

  // The argument slots `p` governs directly. `relative_noun` is the noun a
  // relative clause headed by `p` modifies, or -1.
  void AddSlots(int p, int relative_noun, std::vector<Slot>* slots) const {
    for (int c : ChildrenOf(p)) {
      const std::string& d = Rel(c);
      Slot s;
      s.head = c;
      if (Is(d, "obj") || Is(d, "iobj")) {
        s.core = true;
      } else if (Is(d, "ccomp")) {
        s.core = s.clausal = true;
        const int mark = FirstChild(c, "mark");
        if (mark >= 0 && mark < c && OneOf(Word(mark), kFoldedMarks)) s.fold = mark;
      } else if (Is(d, "xcomp")) {
        if (IsVerbal(c)) continue;  // its own triple, or merged into the relation
        // "continues to be influential": the relation runs on (FollowCopularXcomp).
        if (HasChild(c, "cop") && !HasChild(c, "nsubj") && !HasChild(p, "obj")) continue;
        s.core = true;
        const int kase = FirstChild(c, "case");
        if (kase >= 0 && kase < c) s.fold = kase;
      } else if (Is(d, "obl") || (Is(d, "nmod") && w_[p].upos == "NOUN")) {
        const int kase = FirstChild(c, "case");
        if (kase >= 0 && kase < c) s.fold = kase;
      } else if (Is(d, "advcl")) {
        // "taught there until he switched to Merck": when, why and how. A clause
        // with its own subject but no subordinator is a sentence of its own
        // ("X were the fathers; they believed ...") that the parser attached here.
        if (HasChild(c, "nsubj") && !HasChild(c, "mark") && !HasChild(c, "advmod")) continue;
        s.clausal = true;
      } else {
        continue;
      }
      if (relative_noun >= 0 && IsRelative(c)) s.replace = relative_noun;
      slots->push_back(s);
    }
  }

  // xcomp chains: "wants to meet", "tried to persuade", "was able to control":
  // the relation runs on through each infinitive while no object intervenes.
  // Returns the last verb of the chain (`p` when there is none).
  int FollowXcomps(int p, std::vector<int>* rel, std::vector<Slot>* slots, OpenTriple* t) {
    int last = p;
    for (int depth = 0; depth < 6; ++depth) {
      if (HasChild(last, "obj") || HasChild(last, "iobj")) break;
      int x = -1;
      for (int c : ChildrenOf(last)) {
        if (Is(Rel(c), "xcomp") && IsVerbal(c) && !HasChild(c, "nsubj")) x = c;
      }
      if (x < 0) {
        FollowCopularXcomp(last, rel, slots, t);
        break;
      }
      merged_[x] = 1;
      rel->push_back(x);
      for (int c : ChildrenOf(x)) {
        if (Is(Rel(c), "mark") && c < x) rel->push_back(c);
      }
      AddVerbGroup(x, rel, t);
      AddSlots(x, -1, slots);
      last = x;
    }
    return last;
  }

  // "continues to be influential in X", "seems to be a leader": an xcomp with a
  // copula ends a chain; an adjective joins the relation with its preposition,
  // a noun is the second argument.
  void FollowCopularXcomp(int last, std::vector<int>* rel, std::vector<Slot>* slots,
                          OpenTriple* t) {
    int x = -1;
    for (int c : ChildrenOf(last)) {
      if (Is(Rel(c), "xcomp") && HasChild(c, "cop") && !HasChild(c, "nsubj")) x = c;
    }
    if (x < 0) return;
    merged_[x] = 1;
    for (int c : ChildrenOf(x)) {
      if (Is(Rel(c), "mark") && c < x) rel->push_back(c);
    }
    AddVerbGroup(x, rel, t);
    if (w_[x].upos == "ADJ") {
      rel->push_back(x);
      AddSlots(x, -1, slots);
      return;
    }
    Slot s;
    s.head = x;
    s.core = true;
    const int kase = FirstChild(x, "case");
    if (kase >= 0 && kase < x) s.fold = kase;
    slots->push_back(s);
    for (int c : ChildrenOf(x)) {
      if (!Is(Rel(c), "obl")) continue;
      Slot o;
      o.head = c;
      const int k = FirstChild(c, "case");
      if (k >= 0 && k < c) o.fold = k;
      slots->push_back(o);
    }
  }

  // "are equipped to change X and modify Y": a verb coordinated with an
  // infinitive of an xcomp chain continues the same chain ("are equipped to
  // modify").
  void AddChainPrefix(int p, std::vector<int>* rel, OpenTriple* t) const {
    if (!Is(Rel(p), "conj") || head_[p] < 0 || !merged_[head_[p]]) return;
    int x = head_[p];
    for (int c : ChildrenOf(x)) {
      if (Is(Rel(c), "mark") && c < x && !HasChild(p, "mark")) rel->push_back(c);
    }
    for (int depth = 0; depth < 6 && Is(Rel(x), "xcomp") && head_[x] >= 0; ++depth) {
      const int y = head_[x];
      rel->push_back(y);
      AddVerbGroup(y, rel, t);
      if (y >= 0 && merged_[y]) {
        for (int c : ChildrenOf(y)) {
          if (Is(Rel(c), "mark") && c < y) rel->push_back(c);
        }
      }
      x = y;
    }
  }

  // "buy and sell shares": the first of two conjoined verbs takes the object
  // of the second when it has none of its own.
  void BorrowObject(int p, std::vector<Slot>* slots) const {
    if (std::any_of(slots->begin(), slots->end(), [](const Slot& s) { return s.core; })) return;
    for (int c : ChildrenOf(p)) {
      if (!Is(Rel(c), "conj") || !IsVerbal(c) || HasChild(c, "nsubj")) continue;
      // Only verbs side by side ("buy and sell"), where nothing else can be p's.
      // Same form, so "was never vaulted and retains a ceiling" lends nothing.
      if (c != p + 2 || Rel(p + 1) != "cc" || w_[c].xpos != w_[p].xpos) continue;
      const int object = FirstChild(c, "obj");
      if (object < 0) continue;
      Slot s;
      s.head = object;
      s.core = true;
      slots->push_back(s);
      return;
    }
  }

  void Verbal(int p) {
    bool inherited = false;
    const int subject = FindSubject(p, &inherited);
    if (subject < 0) return;
    OpenTriple t;
    std::vector<int> rel;
    std::vector<Slot> slots;
    const int relative_noun = Rel(p) == "acl:relcl" ? head_[p] : -1;
    rel.push_back(p);
    AddVerbGroup(p, &rel, &t);
    AddChainPrefix(p, &rel, &t);
    AddSlots(p, relative_noun, &slots);
    FollowXcomps(p, &rel, &slots, &t);
    BorrowObject(p, &slots);
    // A participle after a noun ("a charter issued by the king", "baskets
    // surrounding them") or set off as an adjunct of the subject ("..., placing
    // it twelfth") has an implied auxiliary: "was issued by", "are surrounding",
    // "was placing". Its tense is the clause's, its number the subject's.
    const bool adjunct =
        inherited && Is(Rel(p), "advcl") && !HasChild(p, "aux") && !HasChild(p, "mark");
    if ((Rel(p) == "acl" || adjunct) && (w_[p].xpos == "VBN" || w_[p].xpos == "VBG")) {
      const bool plural = IsPlural(subject);
      t.relation = IsPast(subject) ? (plural ? "were" : "was") : (plural ? "are" : "is");
    }
    double confidence = kVerbConfidence - ClausePenalty(p, inherited);
    Emit(subject, p, /*keep_first=*/false, &rel, &slots, confidence, &t);
  }

  void Copular(int h) {
    bool inherited = false;
    const int subject = FindSubject(h, &inherited);
    if (subject < 0) return;
    OpenTriple t;
    std::vector<int> rel;
    if (w_[h].upos == "VERB") {
      // "The problem is that firms can wait": a clause is the predicate. The
      // copula (with what stands before it) is the relation, the clause with its
      // own subject and auxiliaries the argument.
      const int cop = FirstChild(h, "cop");
      for (int c : ChildrenOf(h)) {
        if (c == cop || (c < cop && (Is(Rel(c), "aux") || IsNegation(c)))) rel.push_back(c);
        if (c < cop && IsNegation(c)) t.negated = true;
      }
      std::vector<Slot> slots(1);
      slots[0].head = h;
      slots[0].core = slots[0].clausal = true;
      const int mark = FirstChild(h, "mark");
      if (mark > cop && mark < h && OneOf(Word(mark), kFoldedMarks)) slots[0].fold = mark;
      Emit(subject, h, /*keep_first=*/true, &rel, &slots,
           kCopulaConfidence - ClausePenalty(h, inherited), &t);
      return;
    }
    AddVerbGroup(h, &rel, &t);
    std::vector<Slot> slots;
    Slot predicate;
    predicate.head = h;
    predicate.core = true;
    const int kase = FirstChild(h, "case");
    if (kase >= 0 && kase < h && IsNominal(w_[h])) predicate.fold = kase;
    // "is independent from X": an adjective with a prepositional object reads as
    // part of the relation, its object as the argument.
    int adjective_object = -1;
    if (w_[h].upos == "ADJ") {
      for (int c : ChildrenOf(h)) {
        if (Is(Rel(c), "obl") && c > h && FirstChild(c, "case") >= 0) {
          adjective_object = c;
          break;
        }
      }
    }
    // "is able to control X", "is likely to win X": an infinitive continues
    // the relation.
    bool chained = false;
    if (w_[h].upos == "ADJ" && adjective_object < 0) {
      rel.push_back(h);
      chained = FollowXcomps(h, &rel, &slots, &t) != h;
      if (!chained) rel.pop_back();
    }
    if (chained || adjective_object >= 0) {
      if (!chained) rel.push_back(h);
      for (int c : ChildrenOf(h)) {
        if (Is(Rel(c), "advmod") && c < h && !IsNegation(c)) rel.push_back(c);
      }
    } else {
      slots.push_back(predicate);
    }
    const int relative_noun = Rel(h) == "acl:relcl" ? head_[h] : -1;
    for (int c : ChildrenOf(h)) {
      if (!Is(Rel(c), "obl")) continue;
      Slot s;
      s.head = c;
      const int k = FirstChild(c, "case");
      if (k >= 0 && k < c) s.fold = k;
      if (relative_noun >= 0 && IsRelative(c)) s.replace = relative_noun;
      if (c == adjective_object) {
        slots.insert(slots.begin(), s);
      } else {
        slots.push_back(s);
      }
    }
    double confidence = kCopulaConfidence - ClausePenalty(h, inherited);
    Emit(subject, h, /*keep_first=*/true, &rel, &slots, confidence, &t);
  }

  // Orders the slots, picks the second argument (folding its preposition into
  // the relation when it is an oblique), splits coordinated arguments and adds
  // the triples.
  void Emit(int subject, int p, bool keep_first, std::vector<int>* rel, std::vector<Slot>* slots,
            double confidence, OpenTriple* t) {
    if (slots->empty()) {
      // "the skirts became longer", "they met again": with nothing else to say,
      // an adverb after the verb is the second argument.
      for (int c : ChildrenOf(p)) {
        if (c > p && Is(Rel(c), "advmod") && !IsNegation(c) && !IsRelative(c)) {
          Slot s;
          s.head = c;
          slots->push_back(s);
          confidence -= 0.1;
          break;
        }
      }
    }
    if (slots->empty()) return;
    // Arguments after the predicate first, in sentence order; fronted ones last.
    // A copula's slots keep their chosen first element.
    std::stable_sort(slots->begin() + (keep_first ? 1 : 0), slots->end(),
                     [&](const Slot& a, const Slot& b) {
                       const bool a_after = a.head > p, b_after = b.head > p;
                       if (a_after != b_after) return a_after;
                       return a.head < b.head;
                     });
    if (!keep_first) {
      auto core = std::find_if(slots->begin(), slots->end(), [](const Slot& s) { return s.core; });
      if (core != slots->end()) std::rotate(slots->begin(), core, core + 1);
    }
    const Slot first = slots->front();
    // "X would be | if Y": an adverbial clause alone says little about X.
    if (first.clausal && !first.core) confidence -= 0.15;
    std::vector<int> skip_first;
    std::sort(rel->begin(), rel->end());
    rel->erase(std::unique(rel->begin(), rel->end()), rel->end());
    // The moved preposition ends the relation even when it stood before the verb
    // ("in which he lived" -> "lived in"); a fronted phrase ("After the battle,
    // ...") keeps its own.
    if (first.fold >= 0 && (first.replace >= 0 || first.head >= p)) {
      rel->push_back(first.fold);
      skip_first.push_back(first.fold);
      if (!first.core) confidence -= 0.03;
    }
    // A relation may start with an implied auxiliary set by the caller.
    t->relation = t->relation.empty() ? JoinWords(*rel) : t->relation + ' ' + JoinWords(*rel);
    // Words never part of an argument: the relation's words and the predicate's
    // subject or relative noun (their subtrees hold the predicate).
    std::vector<int> blocked = *rel;
    blocked.push_back(p);
    // A copular clause ("the problem is that X"): the subject hangs under the
    // clause that is also the second argument.
    blocked.push_back(subject);

    std::vector<std::vector<int>> subjects =
        Variants(subject, /*split=*/true, blocked, {}, /*subject=*/true);
    std::vector<std::vector<int>> seconds;
    if (first.replace >= 0) {
      // "the city in which he lived" -> "he | lived in | the city".
      seconds = Variants(first.replace, true, blocked, skip_first, /*subject=*/true);
    } else {
      seconds = Variants(first.head, !first.clausal, blocked, skip_first, false, first.clausal);
    }
    // Later arguments stay whole, except that the first coordinated one is split
    // too ("recorded with producer A and arranger B").
    std::vector<OpenArgument> rest;
    size_t split_at = 0;
    std::vector<OpenArgument> split_variants;
    for (size_t i = 1; i < slots->size(); ++i) {
      const Slot& s = (*slots)[i];
      std::vector<std::vector<int>> variants;
      if (s.replace >= 0) {
        variants = Variants(s.replace, false, blocked, {}, /*subject=*/true);
        if (s.fold >= 0) variants.front().insert(variants.front().begin(), s.fold);
      } else {
        variants =
            Variants(s.head, split_variants.empty() && !s.clausal, blocked, {}, false, s.clausal);
      }
      if (variants.front().empty()) continue;
      if (variants.size() > 1) {
        split_at = rest.size();
        for (auto& v : variants) {
          if (s.fold >= 0 && !std::binary_search(v.begin(), v.end(), s.fold))
            v.insert(v.begin(), s.fold);
          if (!v.empty()) split_variants.push_back(MakeArgument(v));
        }
        rest.push_back(split_variants.front());
      } else {
        rest.push_back(MakeArgument(variants.front()));
      }
    }
    if (split_variants.empty()) split_variants.push_back(OpenArgument());
    confidence -= 0.01 * static_cast<double>(std::min<size_t>(rest.size(), 4));
    for (size_t si = 0; si < subjects.size(); ++si) {
      if (subjects[si].empty()) continue;
      for (size_t oi = 0; oi < seconds.size(); ++oi) {
        if (seconds[oi].empty()) continue;
        for (size_t vi = 0; vi < split_variants.size(); ++vi) {
          // One coordination split at a time keeps the count linear.
          if ((si > 0) + (oi > 0) + (vi > 0) > 1) continue;
          OpenTriple triple = *t;
          triple.arg1 = MakeArgument(subjects[si]);
          triple.args.push_back(MakeArgument(seconds[oi]));
          triple.args.insert(triple.args.end(), rest.begin(), rest.end());
          if (split_variants.size() > 1) triple.args[1 + split_at] = split_variants[vi];
          triple.confidence = confidence - (si + oi + vi > 0 ? kConjunctPenalty : 0.0);
          out_.push_back(std::move(triple));
        }
      }
    }
  }

  // "X, the Y" -> "X | is | Y".
  void Apposition(int a) {
    const int h = head_[a];
    if (h < 0 || !IsNominal(w_[h]) || !IsNominal(w_[a])) return;
    if (w_[a].upos == "NUM" || w_[h].upos == "NUM" || w_[h].upos == "PRON") return;
    std::vector<int> blocked = {a};
    auto x = Variants(h, false, blocked, {}, /*subject=*/true).front();
    auto y = Variants(a, false, {}, {}, /*subject=*/true).front();
    // An apposition is set off by a comma, a bracket or a dash; without one it
    // is more often a misparsed compound or object.
    if (x.empty() || y.empty() || y.front() == 0 || w_[y.front() - 1].upos != "PUNCT") return;
    // "X, the Y" describes X with a noun phrase; a long stretch is a misparse.
    if (y.size() > kMaxAppositionWords) return;
    OpenTriple t;
    t.arg1 = MakeArgument(x);
    t.relation = "is";
    t.args.push_back(MakeArgument(y));
    t.confidence = kApposConfidence;
    out_.push_back(std::move(t));
  }

  bool IsPlural(int i) const {
    static constexpr std::array<std::string_view, 3> kPluralPronouns = {"they", "we", "you"};
    return w_[i].xpos == "NNS" || w_[i].xpos == "NNPS" || OneOf(Word(i), kPluralPronouns) ||
           HasChild(i, "conj");
  }

  // Whether the clause that word `i` belongs to is in the past tense: its verb
  // (or copula, or an auxiliary) is a past form.
  bool IsPast(int i) const {
    for (int depth = 0; depth < 8 && i >= 0; ++depth, i = head_[i]) {
      if (!IsPredicate(i)) continue;
      if (w_[i].xpos == "VBD") return true;
      for (int c : ChildrenOf(i)) {
        if ((Is(Rel(c), "aux") || Is(Rel(c), "cop")) && w_[c].xpos == "VBD") return true;
      }
      return false;
    }
    return false;
  }

  // "X's Y" -> "X | has | Y".
  void Possessive(int q) {
    const int h = head_[q];
    if (h < 0 || w_[q].upos == "PRON" || IsRelative(q) || !IsNominal(w_[h])) return;
    std::vector<int> skip;
    for (int c : ChildrenOf(q)) {
      if (Rel(c) == "case") skip.push_back(c);
    }
    auto owner = Variants(q, false, {}, skip).front();
    std::vector<int> blocked = {q};
    for (int c : ChildrenOf(h)) {
      if (Is(Rel(c), "det") && c < h) blocked.push_back(c);
    }
    auto owned = Variants(h, false, blocked, {}, /*subject=*/true).front();
    // What is owned follows the owner ("X 's long career"); anything before
    // it came in through a misparse.
    owned.erase(owned.begin(),
                std::upper_bound(owned.begin(), owned.end(), owner.empty() ? q : owner.back()));
    if (owner.empty() || owned.empty()) return;
    OpenTriple t;
    t.arg1 = MakeArgument(owner);
    t.relation = IsPast(h) ? "had" : IsPlural(q) ? "have" : "has";
    t.args.push_back(MakeArgument(owned));
    t.confidence = kPossessiveConfidence;
    out_.push_back(std::move(t));
  }

  // Children of an argument's head that are not part of its text: clauses of
  // their own (relative clauses, appositions, asides) and, when splitting,
  // the other conjuncts.
  static bool DropAtHead(std::string_view d, bool split, bool copular) {
    // A copular predicate's obliques are arguments of their own.
    if (copular && Is(d, "obl")) return true;
    if (d == "acl:relcl" || d == "appos" || Is(d, "parataxis") || d == "dep" || d == "list")
      return true;
    if (Is(d, "nsubj") || Is(d, "csubj") || Is(d, "cop") || Is(d, "aux") || Is(d, "advcl") ||
        Is(d, "mark"))
      return true;
    return split && (Is(d, "conj") || d == "cc" || d == "cc:preconj");
  }

  // Word lists of the argument headed by `h`: the whole argument first, then,
  // when `split` and `h` has nominal conjuncts, one list per conjunct. Subtrees of `blocked` words
  // are left out, as are the `skip` words themselves. Lists are sorted, with punctuation trimmed
  // from both ends.
  std::vector<std::vector<int>> Variants(int h, bool split, const std::vector<int>& blocked,
                                         const std::vector<int>& skip, bool subject = false,
                                         bool whole = false) const {
    std::vector<int> conjuncts;
    if (split && !IsVerbal(h)) {
      for (int c : ChildrenOf(h)) {
        if (Is(Rel(c), "conj") && !IsVerbal(c) && !HasChild(c, "cop") && !HasChild(c, "nsubj"))
          conjuncts.push_back(c);
      }
      if (conjuncts.size() + 1 > kMaxConjuncts) conjuncts.clear();
    }
    std::vector<std::vector<int>> out(1);
    Collect(h, false, subject, whole, blocked, skip, &out[0]);
    if (conjuncts.empty()) return out;
    out.emplace_back();
    Collect(h, true, subject, whole, blocked, skip, &out.back());
    for (int c : conjuncts) {
      out.emplace_back();
      Collect(c, true, subject, whole, blocked, skip, &out.back());
    }
    return out;
  }

  void Collect(int h, bool split, bool subject, bool whole, const std::vector<int>& blocked,
               const std::vector<int>& skip, std::vector<int>* words) const {
    auto contains = [](const std::vector<int>& v, int x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    // The head's own copula or subject never belongs to the argument, but a
    // clause argument keeps its inner structure.
    const bool clause = whole || IsVerbal(h);
    const bool copular = !clause && HasChild(h, "cop");
    // What stands before a copula is not part of its predicate.
    const int cop = copular ? FirstChild(h, "cop") : -1;
    stack_.clear();
    stack_.push_back(h);
    // The size check stops a walk round a cycle, should a parse not be a tree.
    while (!stack_.empty() && words->size() <= static_cast<size_t>(n_)) {
      const int i = stack_.back();
      stack_.pop_back();
      if (!contains(skip, i)) words->push_back(i);
      for (int c : ChildrenOf(i)) {
        if (contains(blocked, c)) continue;
        if (i == h && !clause && DropAtHead(Rel(c), split, copular)) continue;
        if (i == h && c < cop) continue;
        // "a tough market, and the U.S. is behind": a conjoined clause with a
        // subject of its own is a triple of its own.
        if (i == h && !clause && Is(Rel(c), "conj") && HasChild(c, "nsubj")) continue;
        // A noun standing in as a subject ("men" of "about two young men who
        // stumble") leaves its own preposition behind.
        if (i == h && subject && (Rel(c) == "case" || Rel(c) == "mark")) continue;
        if (i == h && clause && (Is(Rel(c), "conj") || Rel(c) == "cc") && split) continue;
        stack_.push_back(c);
      }
    }
    std::sort(words->begin(), words->end());
    while (!words->empty() && IsEdgeJunk(*words, true)) words->erase(words->begin());
    while (!words->empty() && IsEdgeJunk(*words, false)) words->pop_back();
  }

  // Punctuation never starts or ends an argument, except a quote or bracket
  // whose partner is inside (`` Velocity ''); nor does a conjunction start one.
  bool IsEdgeJunk(const std::vector<int>& words, bool front) const {
    const int i = front ? words.front() : words.back();
    if (w_[i].upos != "PUNCT") return front && (Rel(i) == "cc" || Rel(i) == "cc:preconj");
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPairs = {
        {{"``", "''"}, {"\"", "\""}, {"(", ")"}, {"-LRB-", "-RRB-"}, {"[", "]"}}};
    for (const auto& [open, close] : kPairs) {
      if (Word(i) != (front ? open : close)) continue;
      const std::string_view partner = front ? close : open;
      for (size_t k = 1; k < words.size(); ++k) {
        if (Word(words[front ? k : words.size() - 1 - k]) == partner) return false;
      }
    }
    return true;
  }

  std::string JoinWords(const std::vector<int>& words) const {
    std::string s;
    for (size_t k = 0; k < words.size(); ++k) {
      const nlp::Token& tok = w_[words[k]].token;
      if (k > 0) {
        const nlp::Token& prev = w_[words[k - 1]].token;
        const bool touching =
            words[k] == words[k - 1] + 1 && prev.end == tok.start && tok.start != 0;
        if (!touching) s += ' ';
      }
      // The word as it stands in the text when the span points there, else the
      // token's own view (words given without a text have empty spans).
      if (tok.end > tok.start && tok.end <= text_.size()) {
        s.append(text_.substr(tok.start, tok.end - tok.start));
      } else {
        s.append(tok.text.data(), tok.text.size());
      }
    }
    return s;
  }

  OpenArgument MakeArgument(const std::vector<int>& words) const {
    OpenArgument a;
    a.text = JoinWords(words);
    a.start = w_[words.front()].token.start;
    a.end = w_[words.back()].token.end;
    return a;
  }

  const std::vector<AnalyzedWord>& w_;
  std::string_view text_;
  int n_;
  std::vector<int> head_;  // 0-based, -1 for the root
  std::vector<int> child_begin_, child_list_;
  std::vector<char> merged_;  // verbs folded into an xcomp chain's relation
  mutable std::vector<int> stack_;
  std::vector<OpenTriple> out_;
};

}  // namespace

std::vector<OpenTriple> ExtractOpenTriples(const nlp::AnalyzedSentence& sentence,
                                           std::string_view text) {
  if (sentence.words.empty()) return {};
  return SentenceReader(sentence, text).Run();
}

}  // namespace polgraph::extract
