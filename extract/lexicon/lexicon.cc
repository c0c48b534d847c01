#include "extract/lexicon/lexicon.h"

#include <algorithm>

#include "core/text.h"
#include "extract/nlp/tokenizer.h"

namespace polgraph::extract::lexicon {
namespace {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s.empty() || s == "-") return out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    std::string_view piece = Trim(s.substr(b, e == std::string_view::npos ? e : e - b));
    if (!piece.empty()) out.emplace_back(piece);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool WordMatches(std::string_view phrase_word, const nlp::Token& tok, bool case_insensitive) {
  if (tok.text == phrase_word) return true;
  if (case_insensitive) return AsciiLower(tok.text) == AsciiLower(phrase_word);
  return tok.all_caps && phrase_word.size() >= 3 && Upper(phrase_word) == tok.text;
}

}  // namespace

void PhraseTable::Add(std::string_view phrase, int value) {
  std::vector<std::string> words;
  for (const nlp::Token& t : nlp::Tokenize(phrase)) words.emplace_back(t.text);
  if (words.empty()) return;
  std::string key = Upper(words[0]);
  auto& list = by_first_[key];
  list.push_back({std::move(words), value});
  // Longest first, so the first full match is the best one.
  std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
    return a.words.size() > b.words.size();
  });
}

std::optional<PhraseTable::Match> PhraseTable::Longest(const std::vector<nlp::Token>& tokens,
                                                       size_t i) const {
  if (i >= tokens.size()) return std::nullopt;
  auto it = by_first_.find(Upper(tokens[i].text));
  if (it == by_first_.end()) return std::nullopt;
  for (const Phrase& p : it->second) {
    if (i + p.words.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < p.words.size() && ok; ++k) {
      ok = WordMatches(p.words[k], tokens[i + k], case_insensitive_);
    }
    if (ok) return Match{p.words.size(), p.value};
  }
  return std::nullopt;
}

int ActorLexicon::AddEntry(ActorEntry e) {
  entries_.push_back(std::move(e));
  return static_cast<int>(entries_.size()) - 1;
}

Status ActorLexicon::AddCountries(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 6);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    int country = AddEntry({r[1], ActorType::kCountry, r[0], r[2]});
    by_iso3_.emplace(r[0], country);
    const auto add = [&](const std::string& phrase, int entry, ActorPhraseKind kind) {
      values_.emplace_back(entry, kind);
      phrases_.Add(phrase, static_cast<int>(values_.size()) - 1);
    };
    add(r[1], country, ActorPhraseKind::kName);
    for (const std::string& a : SplitOn(r[3], '|')) add(a, country, ActorPhraseKind::kName);
    for (const std::string& d : SplitOn(r[4], '|')) add(d, country, ActorPhraseKind::kDemonym);
    for (const std::string& c : SplitOn(r[5], '|')) {
      int city = AddEntry({c, ActorType::kLocation, r[0], ""});
      add(c, city, ActorPhraseKind::kCapital);
    }
  }
  return Status::Ok();
}

Status ActorLexicon::AddOrganizations(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 5);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    auto type = ParseActorType(r[1]);
    if (!type) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(r.line) +
                                     ": unknown actor type \"" + r[1] + "\" for \"" + r[0] + "\"");
    }
    int entry = AddEntry({r[0], *type, r[2], r[3]});
    values_.emplace_back(entry, ActorPhraseKind::kName);
    phrases_.Add(r[0], static_cast<int>(values_.size()) - 1);
    for (const std::string& a : SplitOn(r[4], '|')) {
      values_.emplace_back(entry, ActorPhraseKind::kName);
      phrases_.Add(a, static_cast<int>(values_.size()) - 1);
    }
  }
  return Status::Ok();
}

std::optional<ActorLexicon::Match> ActorLexicon::Longest(const std::vector<nlp::Token>& tokens,
                                                         size_t i) const {
  auto m = phrases_.Longest(tokens, i);
  if (!m) return std::nullopt;
  const auto& [entry, kind] = values_[static_cast<size_t>(m->value)];
  return Match{m->length, entry, kind};
}

int ActorLexicon::CountryEntry(std::string_view iso3) const {
  auto it = by_iso3_.find(iso3);
  return it == by_iso3_.end() ? -1 : it->second;
}

Status TitleLexicon::Add(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 3);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    TitleEntry e;
    e.title = r[0];
    e.predicate = r[1] == "-" ? "" : r[1];
    if (r[2] == "office") {
      e.cls = TitleClass::kOffice;
    } else if (r[2] == "personal") {
      e.cls = TitleClass::kPersonal;
    } else if (r[2] == "honorific") {
      e.cls = TitleClass::kHonorific;
    } else {
      return Status::InvalidArgument(std::string(name) + ": unknown title class \"" + r[2] +
                                     "\" for \"" + r[0] + "\"");
    }
    entries_.push_back(e);
    phrases_.Add(r[0], static_cast<int>(entries_.size()) - 1);
  }
  return Status::Ok();
}

Status VerbLexicon::AddPatterns(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 6);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    std::vector<std::string> forms = SplitOn(r[0], '|');
    if (forms.size() != 5) {
      return Status::InvalidArgument(std::string(name) + ": \"" + r[0] +
                                     "\": expected base|3rd|past|participle|gerund");
    }
    VerbPattern p;
    p.lemma = forms[0];
    p.noun = r[1] == "-" ? "" : r[1];
    for (const std::string& prep : SplitOn(r[2], '|')) p.preps.push_back(prep == "-" ? "" : prep);
    if (r[2] == "-") p.preps = {""};
    p.predicate = r[3];
    p.cameo = r[4] == "-" ? "" : r[4];
    for (const std::string& flag : SplitOn(r[5], ',')) {
      if (flag == "symmetric") p.symmetric = true;
      if (flag == "passive_ok") p.passive_ok = true;
      if (flag.rfind("person_cameo=", 0) == 0) p.person_cameo = flag.substr(13);
    }
    if (!p.cameo.empty() && !cameo_.empty() && !Cameo(p.cameo)) {
      return Status::InvalidArgument(std::string(name) + ": unknown CAMEO code \"" + p.cameo +
                                     "\" for \"" + p.lemma + "\"");
    }
    patterns_.push_back(std::move(p));
    int idx = static_cast<int>(patterns_.size()) - 1;
    for (size_t f = 0; f < forms.size(); ++f) {
      // "met" is both past and participle: one entry per pattern with both bits.
      auto& list = by_form_[AsciiLower(forms[f])];
      auto it = std::find_if(list.begin(), list.end(),
                             [&](const FormMatch& x) { return x.pattern == idx; });
      if (it == list.end()) it = list.insert(list.end(), FormMatch{idx, 0});
      it->forms |= 1u << f;
    }
  }
  return Status::Ok();
}

Status VerbLexicon::AddNominals(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 6);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    std::vector<std::string> forms = SplitOn(r[0], '|');
    NominalPattern p;
    p.noun = forms.empty() ? r[0] : forms[0];
    if (r[1] != "-") p.agent_slots = SplitOn(r[1], '|');
    if (r[2] != "-") p.patient_preps = SplitOn(r[2], '|');
    p.predicate = r[3];
    p.cameo = r[4] == "-" ? "" : r[4];
    for (const std::string& flag : SplitOn(r[5], ',')) {
      if (flag == "symmetric") {
        p.symmetric = true;
      } else if (flag == "clause_patient") {
        p.clause_patient = true;
      } else if (flag != "-") {
        return Status::InvalidArgument(std::string(name) + ": unknown flag \"" + flag +
                                       "\" for \"" + p.noun + "\"");
      }
    }
    if (!p.cameo.empty() && !cameo_.empty() && !Cameo(p.cameo)) {
      return Status::InvalidArgument(std::string(name) + ": unknown CAMEO code \"" + p.cameo +
                                     "\" for \"" + p.noun + "\"");
    }
    nominals_.push_back(std::move(p));
    for (const std::string& f : forms) {
      nominal_by_form_[AsciiLower(f)].push_back(static_cast<int>(nominals_.size()) - 1);
    }
  }
  return Status::Ok();
}

const std::vector<int>& VerbLexicon::LookupNoun(std::string_view word) const {
  static const std::vector<int> kNone;
  auto it = nominal_by_form_.find(AsciiLower(word));
  return it == nominal_by_form_.end() ? kNone : it->second;
}

Status VerbLexicon::AddCameo(std::string_view tsv, std::string_view name) {
  auto rows = ParseTsv(tsv, name, 3);
  if (!rows.ok()) return rows.status();
  for (const auto& r : rows.value()) {
    if (r[0] == "code") continue;  // header row
    CameoCode c{r[0], r[1], 0.0};
    try {
      c.goldstein = std::stod(r[2]);
    } catch (...) {
      return Status::InvalidArgument(std::string(name) + ": bad Goldstein value \"" + r[2] +
                                     "\" for code " + r[0]);
    }
    cameo_[c.code] = c;
  }
  return Status::Ok();
}

const std::vector<VerbLexicon::FormMatch>& VerbLexicon::Lookup(std::string_view word) const {
  static const std::vector<FormMatch> kNone;
  auto it = by_form_.find(AsciiLower(word));
  return it == by_form_.end() ? kNone : it->second;
}

const CameoCode* VerbLexicon::Cameo(std::string_view code) const {
  auto it = cameo_.find(code);
  return it == cameo_.end() ? nullptr : &it->second;
}

}  // namespace polgraph::extract::lexicon
