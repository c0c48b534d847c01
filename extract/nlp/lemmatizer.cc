#include "extract/nlp/lemmatizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <unordered_map>

#include "polgraph_nlp_data.h"

namespace polgraph::extract::nlp {
namespace {

// WordNet's parts of speech, as bits of a base form's entry.
enum WordNetPos : uint8_t { kNoun = 1, kVerb = 2, kAdj = 4, kAdv = 8 };

struct Rule {
  std::string_view suffix, ending;
};

// morphy's detachment rules (WordNet's morph.c), in its order.
constexpr std::array<Rule, 8> kNounRules = {{{"s", ""},
                                             {"ses", "s"},
                                             {"xes", "x"},
                                             {"zes", "z"},
                                             {"ches", "ch"},
                                             {"shes", "sh"},
                                             {"men", "man"},
                                             {"ies", "y"}}};
constexpr std::array<Rule, 8> kVerbRules = {{{"s", ""},
                                             {"ies", "y"},
                                             {"es", "e"},
                                             {"es", ""},
                                             {"ed", "e"},
                                             {"ed", ""},
                                             {"ing", "e"},
                                             {"ing", ""}}};
constexpr std::array<Rule, 4> kAdjRules = {{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};

// Closed-class words whose UD English (EWT) lemma is not what WordNet gives or
// knows: contracted auxiliaries (also without their apostrophe, as in web text),
// object pronouns, "might" (WordNet: may), and plurals WordNet reduces to a Latin
// singular that EWT keeps (data -> data, not datum).
struct Override {
  std::string_view upos, form, lemma;
};
constexpr std::array<Override, 38> kOverrides = {{
    {"AUX", "'s", "be"},      {"AUX", "'re", "be"},       {"AUX", "'m", "be"},
    {"AUX", "'ve", "have"},   {"AUX", "'d", "would"},     {"AUX", "'ll", "will"},
    {"AUX", "wo", "will"},    {"AUX", "ca", "can"},       {"AUX", "sha", "shall"},
    {"AUX", "ai", "be"},      {"AUX", "s", "be"},         {"AUX", "m", "be"},
    {"AUX", "ve", "have"},    {"AUX", "ll", "will"},      {"AUX", "might", "might"},
    {"PART", "s", "'s"},      {"VERB", "'s", "be"},       {"VERB", "'re", "be"},
    {"VERB", "'m", "be"},     {"VERB", "'ve", "have"},    {"PART", "n't", "not"},
    {"PART", "nt", "not"},    {"PART", "'s", "'s"},       {"PART", "'", "'s"},
    {"PRON", "i", "I"},       {"PRON", "me", "I"},        {"PRON", "him", "he"},
    {"PRON", "her", "she"},   {"PRON", "us", "we"},       {"PRON", "them", "they"},
    {"PRON", "mine", "my"},   {"PRON", "these", "this"},  {"PRON", "those", "that"},
    {"DET", "an", "a"},       {"DET", "these", "this"},   {"DET", "those", "that"},
    {"NOUN", "data", "data"}, {"NOUN", "media", "media"},
}};

// The WordNet tables compiled into the binary (lexicon/lemma_*.tsv), indexed
// once on first use. Views point into the embedded text, which lives forever.
struct Tables {
  std::array<std::unordered_map<std::string_view, std::string_view>, 4> exceptions;
  std::unordered_map<std::string_view, uint8_t> bases;
};

// Calls f(columns) for each non-comment line of a TSV text.
template <typename F>
void ForEachRow(std::string_view text, F f) {
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    std::array<std::string_view, 3> cols;
    size_t n = 0;
    while (n < cols.size()) {
      const size_t tab = line.find('\t');
      cols[n++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    f(cols, n);
  }
}

int PosIndex(char pos) {
  switch (pos) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
      return 2;
    default:
      return 3;
  }
}

const Tables& GetTables() {
  static const Tables tables = [] {
    Tables t;
    ForEachRow(data::EmbeddedFile("lexicon/lemma_exceptions.tsv"),
               [&](const std::array<std::string_view, 3>& c, size_t n) {
                 if (n < 3 || c[0].empty()) return;
                 // The first lemma listed for a form is WordNet's preferred one.
                 t.exceptions[PosIndex(c[0][0])].emplace(c[1], c[2]);
               });
    t.bases.reserve(90000);
    ForEachRow(data::EmbeddedFile("lexicon/lemma_bases.tsv"),
               [&](const std::array<std::string_view, 3>& c, size_t n) {
                 if (n < 2) return;
                 uint8_t bits = 0;
                 for (char p : c[1]) bits |= p == 'n' ? kNoun : p == 'v' ? kVerb : kAdj;
                 t.bases.emplace(c[0], bits);
               });
    return t;
  }();
  return tables;
}

bool IsBase(const Tables& t, std::string_view word, uint8_t pos) {
  auto it = t.bases.find(word);
  return it != t.bases.end() && (it->second & pos) != 0;
}

std::string Lower(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      const char c = static_cast<char>(bytes[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) {
      out.append(word.substr(at, i - at));
      continue;
    }
    if (c == 0x2019) c = '\'';  // curly apostrophe: "’s" is the same clitic as "'s"
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, u_tolower(c), error);
    if (error) {
      out.append(word.substr(at, i - at));
    } else {
      out.append(buf, len);
    }
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Words WordNet does not know ("tweets", "googled"): the common regular endings,
// undoing a doubled final consonant (blogged -> blog).
std::string Fallback(const std::string& w, uint8_t pos) {
  const auto strip = [&](size_t n) { return w.substr(0, w.size() - n); };
  if (pos == kNoun) {
    if (EndsWith(w, "ies") && w.size() > 4) return strip(3) + "y";
    if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "xes") ||
        EndsWith(w, "zes")) {
      return strip(2);
    }
    if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is") &&
        w.size() > 3) {
      return strip(1);
    }
    return w;
  }
  if (pos == kVerb) {
    if (EndsWith(w, "ies") || EndsWith(w, "ied")) return w.size() > 4 ? strip(3) + "y" : w;
    std::string stem;
    if (EndsWith(w, "ing") && w.size() > 5) {
      stem = strip(3);
    } else if (EndsWith(w, "ed") && w.size() > 4) {
      stem = strip(2);
    } else if (EndsWith(w, "es") && (EndsWith(w, "shes") || EndsWith(w, "ches") ||
                                     EndsWith(w, "sses") || EndsWith(w, "xes"))) {
      return strip(2);
    } else if (EndsWith(w, "s") && !EndsWith(w, "ss") && w.size() > 3) {
      return strip(1);
    } else {
      return w;
    }
    const size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z') {
      stem.pop_back();
    }
    return stem;
  }
  return w;
}

template <size_t N>
std::string Morphy(const Tables& t, const std::string& w, uint8_t pos,
                   const std::array<Rule, N>& rules) {
  // Like NLTK's WordNet lemmatizer: of the form itself and the rules' results
  // that WordNet knows, the shortest (glasses -> glass, houses -> house).
  std::string best;
  if (IsBase(t, w, pos)) best = w;
  for (const Rule& r : rules) {
    if (!EndsWith(w, r.suffix)) continue;
    std::string candidate = w.substr(0, w.size() - r.suffix.size());
    candidate.append(r.ending);
    if ((best.empty() || candidate.size() < best.size()) && IsBase(t, candidate, pos)) {
      best = std::move(candidate);
    }
  }
  return best.empty() ? Fallback(w, pos) : best;
}

}  // namespace

std::string Lemmatize(std::string_view word, std::string_view upos) {
  if (upos == "PROPN" || upos == "NUM" || upos == "PUNCT" || upos == "SYM" || upos == "X") {
    return std::string(word);
  }
  std::string w = Lower(word);
  for (const Override& o : kOverrides) {
    if (o.form == w && o.upos == upos) return std::string(o.lemma);
  }
  uint8_t pos = 0;
  if (upos == "NOUN") {
    pos = kNoun;
  } else if (upos == "VERB" || upos == "AUX") {
    pos = kVerb;
  } else if (upos == "ADJ") {
    pos = kAdj;
  } else if (upos == "ADV") {
    pos = kAdv;
  } else {
    return w;
  }
  const Tables& t = GetTables();
  const auto& exceptions = t.exceptions[pos == kNoun ? 0 : pos == kVerb ? 1 : pos == kAdj ? 2 : 3];
  if (auto it = exceptions.find(w); it != exceptions.end()) return std::string(it->second);
  switch (pos) {
    case kNoun:
      return Morphy(t, w, pos, kNounRules);
    case kVerb:
      return Morphy(t, w, pos, kVerbRules);
    case kAdj:
      return Morphy(t, w, pos, kAdjRules);
    default:
      return w;  // adverbs: exceptions only (better -> well)
  }
}

}  // namespace polgraph::extract::nlp
