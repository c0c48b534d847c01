// Loaders and matchers for the dictionaries polgraph ships in lexicon/ (or a user's
// own): actors (countries with their demonyms and capitals, organisations), titles,
// verb patterns, and the CAMEO codebook with Goldstein scores.
//
// All lexicons are immutable after Load() and safe to share between threads.
// Matching works on token sequences from nlp::Tokenize, so an alias matches exactly
// the way text is tokenized.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/relation.h"
#include "core/status.h"
#include "core/tsv.h"
#include "extract/nlp/token.h"

namespace polgraph::extract::lexicon {

// A phrase of one or more tokens, matched case-sensitively, except that an
// ALL-CAPS token (wire copy, MUC archives) also matches a capitalised phrase token
// of three letters or more.
class PhraseTable {
 public:
  void Add(std::string_view phrase, int value);
  struct Match {
    size_t length = 0;  // in tokens
    int value = -1;
  };
  // Longest phrase starting at tokens[i]; nullopt when none.
  std::optional<Match> Longest(const std::vector<nlp::Token>& tokens, size_t i) const;
  // Case-insensitive variant, used for titles ("President"/"president").
  void set_case_insensitive(bool on) { case_insensitive_ = on; }

 private:
  struct Phrase {
    std::vector<std::string> words;
    int value;
  };
  std::unordered_map<std::string, std::vector<Phrase>> by_first_;  // key: upper-cased first word
  bool case_insensitive_ = false;
};

struct ActorEntry {
  std::string label;
  ActorType type = ActorType::kConcept;
  std::string country;   // ISO 3166-1 alpha-3, empty when international
  std::string wikidata;  // e.g. "Q159", may be empty
};

enum class ActorPhraseKind { kName, kDemonym, kCapital };

class ActorLexicon {
 public:
  // `countries`: iso3, label, wikidata, aliases, demonyms, capitals.
  // `organizations`: label, type, country, wikidata, aliases, note.
  Status AddCountries(std::string_view tsv, std::string_view name);
  Status AddOrganizations(std::string_view tsv, std::string_view name);

  struct Match {
    size_t length = 0;
    int entry = -1;  // index into entries(); for capitals, the capital's own entry
    ActorPhraseKind kind = ActorPhraseKind::kName;
  };
  std::optional<Match> Longest(const std::vector<nlp::Token>& tokens, size_t i) const;
  const ActorEntry& entry(int i) const { return entries_[static_cast<size_t>(i)]; }
  // Entry of a country by ISO3 code, or -1.
  int CountryEntry(std::string_view iso3) const;
  size_t size() const { return entries_.size(); }

 private:
  int AddEntry(ActorEntry e);
  std::vector<ActorEntry> entries_;
  std::map<std::string, int, std::less<>> by_iso3_;
  PhraseTable phrases_;
  std::vector<std::pair<int, ActorPhraseKind>> values_;  // phrase value -> (entry, kind)
};

enum class TitleClass { kOffice, kPersonal, kHonorific };

struct TitleEntry {
  std::string title;      // as written in the lexicon, lower case
  std::string predicate;  // empty for honorifics
  TitleClass cls = TitleClass::kOffice;
};

class TitleLexicon {
 public:
  Status Add(std::string_view tsv, std::string_view name);
  std::optional<PhraseTable::Match> Longest(const std::vector<nlp::Token>& tokens, size_t i) const {
    return phrases_.Longest(tokens, i);
  }
  const TitleEntry& entry(int i) const { return entries_[static_cast<size_t>(i)]; }

 private:
  std::vector<TitleEntry> entries_;
  PhraseTable phrases_ = [] {
    PhraseTable t;
    t.set_case_insensitive(true);
    return t;
  }();
};

enum class VerbForm { kBase, kThirdPerson, kPast, kPastParticiple, kGerund };

struct VerbPattern {
  std::string lemma;
  std::string noun;                // required noun, empty for none
  std::vector<std::string> preps;  // "" stands for a direct object
  std::string predicate;
  std::string cameo;  // empty when the relation has no CAMEO code
  bool symmetric = false;
  bool passive_ok = false;
  std::string person_cameo;  // CAMEO code when the subject is a person, if different
};

// A noun naming an event between actors: "a visit to", "the sanctions on".
struct NominalPattern {
  std::string noun;                        // the first form, for triggers
  std::vector<std::string> agent_slots;    // "poss", "compound" or a preposition
  std::vector<std::string> patient_preps;  // "" for none (clause_patient)
  std::string predicate;
  std::string cameo;
  bool symmetric = false;
  bool clause_patient = false;
};

struct CameoCode {
  std::string code;
  std::string name;
  double goldstein = 0.0;
};

class VerbLexicon {
 public:
  Status AddPatterns(std::string_view tsv, std::string_view name);
  Status AddCameo(std::string_view tsv, std::string_view name);
  Status AddNominals(std::string_view tsv, std::string_view name);

  struct FormMatch {
    int pattern = -1;
    unsigned forms = 0;  // bit (1 << VerbForm) for every form the word is
    bool Is(VerbForm f) const { return forms & (1u << static_cast<unsigned>(f)); }
  };
  // Patterns whose verb has `word` (lower-cased) as one of its forms; empty if none.
  const std::vector<FormMatch>& Lookup(std::string_view word) const;
  const VerbPattern& pattern(int i) const { return patterns_[static_cast<size_t>(i)]; }
  // Nominal event patterns of a noun form (lower-cased); empty if none.
  const std::vector<int>& LookupNoun(std::string_view word) const;
  const NominalPattern& nominal(int i) const { return nominals_[static_cast<size_t>(i)]; }
  // CAMEO code record, or nullptr for an unknown code.
  const CameoCode* Cameo(std::string_view code) const;

 private:
  std::vector<VerbPattern> patterns_;
  std::unordered_map<std::string, std::vector<FormMatch>> by_form_;
  std::map<std::string, CameoCode, std::less<>> cameo_;
  std::vector<NominalPattern> nominals_;
  std::unordered_map<std::string, std::vector<int>> nominal_by_form_;
};

}  // namespace polgraph::extract::lexicon
