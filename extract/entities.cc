#include "extract/entities.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace polgraph::extract {
namespace {

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : name) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// True when `shorter` is the tail of `longer`, word by word: "Le Pen" of
// "Marine Le Pen", "Putin" of "Vladimir Putin".
bool IsSurnameOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.size() >= longer.size() || shorter.empty()) return false;
  return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) out += w[0];
  }
  return out;
}

// Which actors a pronoun can stand for.
enum class Referent { kNone, kMale, kFemale, kThing, kPlural };

struct PronounUse {
  Referent referent = Referent::kNone;
  bool possessive = false;  // "his", "her rival", "its", "their"
  bool object = false;      // "him", "hosted her", "them"
};

// What the word at token k is as a pronoun. With a parse, "her" is possessive
// when the parser says so, and "it" counts only as a subject or object of a
// verb ("It is unclear" and "it was raining" refer to nothing).
PronounUse ClassifyPronoun(const SentenceAnalysis& s, size_t k) {
  const auto& toks = s.tokens;
  const std::string w = AsciiLower(toks[k].text);
  const bool parsed = s.parse.size() == toks.size();
  const std::string_view rel = parsed ? std::string_view(s.parse[k].deprel) : "";
  PronounUse u;
  if (w == "he" || w == "him" || w == "his") {
    u.referent = Referent::kMale;
  } else if (w == "she" || w == "her") {
    u.referent = Referent::kFemale;
  } else if (parsed && (w == "it" || w == "its")) {
    u.referent = Referent::kThing;
  } else if (parsed && (w == "they" || w == "them" || w == "their")) {
    u.referent = Referent::kPlural;
  } else {
    return u;
  }
  if (w == "his" || w == "its" || w == "their") {
    u.possessive = true;
  } else if (w == "her") {
    if (parsed) {
      u.possessive = rel == "nmod:poss";
    } else {
      const bool last = k + 1 >= toks.size();
      u.possessive = !(last || !toks[k + 1].is_word || IsPreposition(toks[k + 1].text) ||
                       toks[k + 1].text == "to" || toks[k + 1].text == "and");
    }
  }
  u.object = w == "him" || w == "them" || (w == "her" && !u.possessive) ||
             (w == "it" && (rel == "obj" || rel == "iobj"));
  if (w == "it") {
    const int h = s.parse[k].head - 1;
    const bool predicate = h >= 0 && (s.parse[static_cast<size_t>(h)].upos == "ADJ" ||
                                      s.parse[static_cast<size_t>(h)].lemma == "be" ||
                                      s.parse[static_cast<size_t>(h)].upos == "NOUN");
    // Weather and raising verbs take an empty "it": "it was raining", "it seems".
    static const std::set<std::string, std::less<>> kEmptyItVerbs = {
        "rain", "snow", "seem", "appear", "remain", "emerge", "matter", "happen", "take", "mean"};
    const bool empty_verb = h >= 0 && kEmptyItVerbs.count(s.parse[static_cast<size_t>(h)].lemma);
    if (rel == "expl" || (rel != "nsubj" && rel != "obj") || (rel == "nsubj" && predicate) ||
        empty_verb) {
      u.referent = Referent::kNone;
    }
  }
  return u;
}

// Pronouns become mentions to be resolved: he/she/him/her/his for persons,
// it/its for organisations and countries, they/them/their for groups.
void AddPronounMentions(SentenceAnalysis* s) {
  const auto& toks = s->tokens;
  std::vector<MentionSpan> merged;
  size_t next = 0, pronouns = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    if (s->mention_at[k] >= 0) continue;
    const PronounUse use = ClassifyPronoun(*s, k);
    if (use.referent == Referent::kNone) continue;
    while (next < s->mentions.size() && s->mentions[next].first < k) {
      merged.push_back(s->mentions[next++]);
    }
    MentionSpan m;
    m.first = k;
    m.last = k + 1;
    m.type = use.referent == Referent::kThing    ? ActorType::kOrganization
             : use.referent == Referent::kPlural ? ActorType::kGroup
                                                 : ActorType::kPerson;
    m.name = std::string(toks[k].text);
    m.pronoun = true;
    m.possessive = use.possessive;
    merged.push_back(m);
    ++pronouns;
  }
  if (pronouns == 0) return;
  while (next < s->mentions.size()) merged.push_back(s->mentions[next++]);
  // Titles point at their qualifier by mention index: renumber them.
  std::vector<int> new_index(s->mentions.size(), -1);
  for (size_t i = 0, j = 0; i < merged.size(); ++i) {
    if (!merged[i].pronoun && j < s->mentions.size()) new_index[j++] = static_cast<int>(i);
  }
  for (TitleSpan& t : s->titles) {
    if (t.qualifier >= 0) t.qualifier = new_index[static_cast<size_t>(t.qualifier)];
  }
  s->mentions = std::move(merged);
  std::fill(s->mention_at.begin(), s->mention_at.end(), -1);
  for (size_t i = 0; i < s->mentions.size(); ++i) {
    for (size_t k = s->mentions[i].first; k < s->mentions[i].last; ++k) {
      s->mention_at[k] = static_cast<int>(i);
    }
  }
}

// "MPs", "NGOs": capitals and a plural s.
bool IsPluralAcronym(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  return std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// True when a and b differ by at most one inserted, deleted or replaced byte, or
// two neighbouring bytes swapped.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    // Two neighbouring letters swapped: "Okonkow" for "Okonkwo".
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

// A lone capitalised word the parser makes the subject of a verb of saying or
// meeting ("Merkel said", "Okafor met the envoy") is a person's name even when
// the document never gives the full name; a topic ("Brexit") is not said to talk.
bool ActsAsPerson(const SentenceAnalysis& s, const MentionSpan& m) {
  static const std::set<std::string, std::less<>> kPersonVerbs = {
      "say",  "tell",  "meet", "add",   "insist", "claim", "deny",  "admit",  "warn",
      "urge", "argue", "vow",  "visit", "resign", "speak", "write", "accuse", "praise"};
  if (m.first == 0 || s.parse.size() != s.tokens.size()) return false;
  const nlp::AnalyzedWord& w = s.parse[m.first];
  if (w.upos != "PROPN" || w.deprel != "nsubj" || w.head <= 0) return false;
  const nlp::AnalyzedWord& verb = s.parse[static_cast<size_t>(w.head - 1)];
  return verb.upos == "VERB" && kPersonVerbs.count(verb.lemma) > 0;
}

// The entity of the subject of the clause that token k belongs to, or -1.
int ClauseSubjectEntity(const SentenceAnalysis& s, size_t k) {
  if (s.parse.size() != s.tokens.size() || s.parse[k].head <= 0) return -1;
  const int verb = s.parse[k].head - 1;
  for (size_t c = 0; c < s.parse.size(); ++c) {
    if (s.parse[c].head - 1 != verb || s.parse[c].deprel != "nsubj") continue;
    const int m = s.mention_at[c];
    return m >= 0 ? s.mentions[static_cast<size_t>(m)].entity : -1;
  }
  return -1;
}

// 'F' or 'M' when the first word of a person's name is a first name of one sex.
char SexOfName(const Resources& res, std::string_view label) {
  const std::string_view first = label.substr(0, label.find(' '));
  auto it = res.first_names.find(first);
  return it == res.first_names.end() || it->second == 'U' ? 0 : it->second;
}

// 'F' or 'M' from an honorific before the name: "Mrs", "Lord", "Baroness".
char SexOfTitle(const Resources& res, const TitleSpan& t) {
  static const std::map<std::string, char, std::less<>> kSexOf = {
      {"mr", 'M'},    {"mr.", 'M'},      {"sir", 'M'},     {"lord", 'M'},   {"mrs", 'F'},
      {"mrs.", 'F'},  {"ms", 'F'},       {"ms.", 'F'},     {"miss", 'F'},   {"lady", 'F'},
      {"dame", 'F'},  {"baroness", 'F'}, {"madam", 'F'},   {"madame", 'F'}, {"king", 'M'},
      {"queen", 'F'}, {"prince", 'M'},   {"princess", 'F'}};
  auto it = kSexOf.find(res.titles.entry(t.entry).title);
  return it == kSexOf.end() ? 0 : it->second;
}

}  // namespace

std::string EntityId(ActorType type, std::string_view label) {
  return AsciiLower(ActorTypeName(type)) + ":" + NormalizeKey(label);
}

std::vector<Entity> ResolveEntities(const Resources& res, std::string_view text,
                                    std::vector<SentenceAnalysis>* sentences) {
  // Pass 1: person names seen in full (two words or more), and how often.
  std::map<std::string, int> full_names;  // name -> count
  for (const SentenceAnalysis& s : *sentences) {
    for (const MentionSpan& m : s.mentions) {
      if (m.type == ActorType::kPerson && Words(m.name).size() >= 2) ++full_names[m.name];
    }
  }
  // One name, one type within a document: the name tagger reads each sentence
  // alone and may call "Le Pen" a place once among many person readings. A
  // tagged name takes its most frequent tagged type; a tagged name that is the
  // surname of a person named in full is that person.
  std::map<std::string, std::map<ActorType, int>> tagged_types;
  std::map<std::string, int> uses;  // mentions of each name, tagged or not
  for (const SentenceAnalysis& s : *sentences) {
    for (const MentionSpan& m : s.mentions) {
      if (m.tagged) ++tagged_types[m.name][m.type];
      ++uses[m.name];
    }
  }
  // A one-word name the tagger reads as a person more often than not.
  const auto IsPersonName = [&](const std::string& word) {
    auto it = tagged_types.find(word);
    if (it == tagged_types.end()) return false;
    int person = 0, other = 0;
    for (const auto& [type, count] : it->second) {
      (type == ActorType::kPerson ? person : other) += count;
    }
    return person > other;
  };
  for (SentenceAnalysis& s : *sentences) {
    for (MentionSpan& m : s.mentions) {
      const auto found = tagged_types.find(m.name);
      if (found == tagged_types.end()) continue;
      if (!m.tagged) {
        // A name the tagger missed here but read elsewhere in the document (an
        // interview's "((Christian Keysers)) Um, ...") is what it read there.
        // A single word only when the tagger read it as a name in most of its
        // uses: one tagging of "DRM" must not make every "DRM" a name.
        if (m.lexicon_entry >= 0 || m.pronoun) continue;
        if (m.last - m.first == 1) {
          int tagged = 0;
          for (const auto& [type, count] : found->second) tagged += count;
          if (tagged * 2 < uses[m.name]) continue;
        }
        m.tagged = true;
        m.weak = false;
      }
      const auto& votes = found->second;
      int best = votes.count(m.type) > 0 ? votes.at(m.type) : -1;
      for (const auto& [type, count] : votes) {
        if (count > best) {
          best = count;
          m.type = type;
        }
      }
      if (m.type == ActorType::kPerson) continue;
      const std::vector<std::string> w = Words(m.name);
      for (const auto& [full, count] : full_names) {
        if (IsSurnameOf(w, Words(full))) m.type = ActorType::kPerson;
      }
      // "Christian Keysers" read as an organisation, "Keysers" alone as a
      // person: a first name and a person's surname make a person.
      if (w.size() >= 2 && res.first_names.count(w.front()) > 0 && IsPersonName(w.back())) {
        m.type = ActorType::kPerson;
      }
    }
  }
  // The full name a shorter person name refers to: unique by surname match, else
  // the most frequent candidate; itself when none.
  std::map<std::string, std::string> canonical;
  const auto canonical_person = [&](const std::string& name) -> std::string {
    auto it = canonical.find(name);
    if (it != canonical.end()) return it->second;
    std::vector<std::string> w = Words(name);
    std::string best = name;
    int best_count = -1;
    for (const auto& [full, count] : full_names) {
      if (IsSurnameOf(w, Words(full)) && count > best_count) {
        best = full;
        best_count = count;
      }
    }
    // A truncated name ("Russian President Vladimir" for Vladimir Putin) or a
    // typo in the surname ("Vladimir Putn"), when exactly one full name fits.
    if (best_count < 0) {
      int fits = 0;
      std::string only;
      for (const auto& [full, count] : full_names) {
        std::vector<std::string> f = Words(full);
        if (f == w) continue;
        const bool first_name = w.size() == 1 && f.front() == w.front();
        // Surnames of four letters or more: "Putn" for Putin, not "Bush" for "Rush".
        const bool typo = w.back().size() >= 4 && f.back().size() >= 5 &&
                          (w.size() == 1 || (w.size() == f.size() &&
                                             std::equal(w.begin(), w.end() - 1, f.begin()))) &&
                          WithinOneEdit(w.back(), f.back());
        if (first_name || typo) {
          ++fits;
          only = full;
        }
      }
      if (fits == 1) best = only;
    }
    canonical.emplace(name, best);
    return best;
  };

  // An untagged word is the surname of a person named in full ("Kurtzer" after
  // "Gregory Kurtzer") when that name opens with a first name or the document
  // names the person in full more than once: a one-off tagging of "CentOS Stream"
  // or "Atheist Muslim" as a person must not make every "CentOS" one.
  const auto SurnameOfKnownPerson = [&](const std::string& name, const std::string& full) {
    if (full == name || !IsSurnameOf(Words(name), Words(full))) return false;
    auto it = full_names.find(full);
    const std::string_view first = std::string_view(full).substr(0, full.find(' '));
    return (it != full_names.end() && it->second >= 2) || res.first_names.count(first) > 0;
  };

  // Pass 2: acronyms introduced in parentheses right after a name:
  // "National Front (FN)" makes FN an alias of the National Front.
  std::map<std::string, std::pair<ActorType, std::string>> acronym_of;  // acronym -> (type,label)
  for (const SentenceAnalysis& s : *sentences) {
    for (size_t k = 0; k + 1 < s.mentions.size(); ++k) {
      const MentionSpan& a = s.mentions[k];
      const MentionSpan& b = s.mentions[k + 1];
      if (!b.acronym || b.first != a.last + 1 || b.last >= s.tokens.size()) continue;
      if (s.tokens[a.last].text != "(" || s.tokens[b.last].text != ")") continue;
      acronym_of[b.name] = {a.type, a.name};
    }
  }
  // An acronym that spells a multi-word organisation of the same document.
  std::map<std::string, std::string> org_by_initials;
  for (const SentenceAnalysis& s : *sentences) {
    for (const MentionSpan& m : s.mentions) {
      if (m.type == ActorType::kOrganization && !m.acronym) {
        std::vector<std::string> w = Words(m.name);
        if (w.size() >= 2) org_by_initials.emplace(Initials(w), m.name);
      }
    }
  }

  std::set<std::string, std::less<>> lower_words;  // words the document writes in lower case
  for (const SentenceAnalysis& s : *sentences) {
    for (const nlp::Token& t : s.tokens) {
      if (t.is_word && !t.capitalized) lower_words.emplace(t.text);
    }
  }

  std::vector<Entity> entities;
  std::map<std::string, size_t> by_id;
  // Pronouns: news keeps its protagonist as "he"/"she". Subject pronouns take
  // the topic of the latest sentence naming a person (its first person, usually
  // the grammatical subject); object pronouns ("hosted her") the latest person
  // named before their sentence, as the subject of their own sentence is
  // usually the one doing the hosting. Either way a person whose first name or
  // honorific says the other sex is skipped for the next most recent one.
  // "it" is the latest organisation or country, "they" the latest group, named
  // in the same or the previous sentence.
  std::vector<char> sex;            // per entity: 'F', 'M' or 0
  std::vector<int> recent_persons;  // most recent first
  struct Recent {
    int entity = -1;
    int sentence = 0;
    bool subject = false;  // named as a grammatical subject: the likelier "it"
  };
  std::vector<Recent> recent_things, recent_groups;  // most recent first
  const auto touch = [](std::vector<int>* list, int e) {
    list->erase(std::remove(list->begin(), list->end(), e), list->end());
    list->insert(list->begin(), e);
  };
  const auto touch_at = [](std::vector<Recent>* list, int e, const SentenceAnalysis& s,
                           const MentionSpan& m) {
    list->erase(
        std::remove_if(list->begin(), list->end(), [&](const Recent& r) { return r.entity == e; }),
        list->end());
    bool subject = false;
    for (size_t k = m.first; k < m.last && k < s.parse.size(); ++k) {
      subject |= s.parse[k].deprel == "nsubj" || s.parse[k].deprel == "nsubj:pass";
    }
    list->insert(list->begin(), {e, s.index, subject});
  };
  const auto fits = [&](int e, Referent r) {
    const char x = sex[static_cast<size_t>(e)];
    return x == 0 || (r == Referent::kMale && x == 'M') || (r == Referent::kFemale && x == 'F');
  };
  int last_person = -1, last_person_before_sentence = -1, topic = -1;
  for (SentenceAnalysis& s : *sentences) {
    AddPronounMentions(&s);
    last_person_before_sentence = last_person;
    int sentence_topic = -1;
    int thing_pronoun_in_sentence = -1, group_pronoun_in_sentence = -1;
    int male_pronoun_in_sentence = -1, female_pronoun_in_sentence = -1;
    const auto remember_topic = [&] {
      if (sentence_topic >= 0) topic = sentence_topic;
    };
    for (MentionSpan& m : s.mentions) {
      if (m.pronoun) {
        const PronounUse use = ClassifyPronoun(s, m.first);
        int antecedent = -1;
        if (use.referent == Referent::kMale || use.referent == Referent::kFemale) {
          int first = use.object ? last_person_before_sentence
                                 : (sentence_topic >= 0 ? sentence_topic : topic);
          // An object pronoun never is the subject of its own clause ("Garcia
          // invited him"). "She met X, and Y hosted her": the same sex's pronoun
          // earlier in the sentence, else the latest person before the sentence,
          // else the latest other person.
          const int own_subject = ClauseSubjectEntity(s, m.first);
          const int same_sex_earlier = use.referent == Referent::kMale ? male_pronoun_in_sentence
                                                                       : female_pronoun_in_sentence;
          if (use.object && same_sex_earlier >= 0 && same_sex_earlier != own_subject) {
            first = same_sex_earlier;
          } else if (use.object && own_subject >= 0 &&
                     (first < 0 || first == own_subject || !fits(first, use.referent))) {
            first = -1;
            for (int e : recent_persons) {
              if (e != own_subject && fits(e, use.referent)) {
                first = e;
                break;
              }
            }
          }
          if (first >= 0 && first != own_subject && fits(first, use.referent)) {
            antecedent = first;
          } else {
            for (int e : recent_persons) {
              if (e != first && fits(e, use.referent) && sex[static_cast<size_t>(e)] != 0) {
                antecedent = e;
                break;
              }
            }
          }
        } else {
          auto& list = use.referent == Referent::kThing ? recent_things : recent_groups;
          int& earlier = use.referent == Referent::kThing ? thing_pronoun_in_sentence
                                                          : group_pronoun_in_sentence;
          // A second "its" in a sentence means what the first meant: "over its
          // annexation of Ukraine's Crimea and its support for separatists".
          if (earlier >= 0) antecedent = earlier;
          for (const Recent& r : list) {
            if (earlier >= 0) break;
            if (s.index - r.sentence > 1) break;  // "it" reaches back one sentence
            if (antecedent < 0) antecedent = r.entity;
            // Within its own sentence "its" is the nearest one before it
            // ("sanctions on Russia over its annexation"); across sentences the
            // one that was a subject.
            if (r.subject || r.sentence == s.index) {
              antecedent = r.entity;
              break;
            }
          }
          if (antecedent >= 0) touch_at(&list, antecedent, s, m);
          earlier = antecedent;
        }
        if (antecedent < 0) continue;
        if (use.referent == Referent::kMale) male_pronoun_in_sentence = antecedent;
        if (use.referent == Referent::kFemale) female_pronoun_in_sentence = antecedent;
        m.entity = antecedent;
        Mention mention;
        mention.start = s.tokens[m.first].start;
        mention.end = s.tokens[m.last - 1].end;
        mention.text = m.name;
        mention.sentence = s.index;
        mention.pronoun = true;
        entities[static_cast<size_t>(antecedent)].mentions.push_back(std::move(mention));
        continue;
      }
      ActorType type = m.type;
      std::string label = m.name;
      if (m.acronym) {
        if (auto it = acronym_of.find(m.name); it != acronym_of.end()) {
          type = it->second.first;
          label = it->second.second;
        } else if (auto ot = org_by_initials.find(m.name); ot != org_by_initials.end()) {
          label = ot->second;
        } else if (!m.tagged) {
          continue;  // "ID", "VAT", "GDP": capitals alone do not make an actor
        }
      }
      if (type == ActorType::kPerson && m.lexicon_entry < 0) {
        label = canonical_person(m.name);
        // A lone capitalised word is kept only when it is the surname of a person
        // named in full, or follows a title: sentence-initial nouns ("Sanctions")
        // and topics ("Brexit") are capitalised too.
        if (m.weak && !SurnameOfKnownPerson(m.name, label) && !ActsAsPerson(s, m)) continue;
        // One word after a title that the document also writes in lower case is
        // a noun ("General Election", "Health Secretary"); "MPs" is a plural.
        if (label == m.name && m.last - m.first == 1 && !m.tagged &&
            (lower_words.count(AsciiLower(m.name)) > 0 || IsPluralAcronym(m.name))) {
          continue;
        }
      }
      std::string id = EntityId(type, label);
      auto [it, inserted] = by_id.emplace(id, entities.size());
      if (inserted) {
        Entity e;
        e.id = id;
        e.label = label;
        e.type = type;
        e.aliases.push_back(label);
        entities.push_back(std::move(e));
        sex.push_back(type == ActorType::kPerson ? SexOfName(res, label) : 0);
      }
      Entity& e = entities[it->second];
      if (type == ActorType::kPerson && m.title >= 0) {
        if (char x = SexOfTitle(res, s.titles[static_cast<size_t>(m.title)]); x != 0) {
          sex[it->second] = x;
        }
      }
      const int entity_index = static_cast<int>(it->second);
      if (type == ActorType::kPerson) touch(&recent_persons, entity_index);
      if (type == ActorType::kOrganization || type == ActorType::kCountry) {
        touch_at(&recent_things, entity_index, s, m);
      }
      if (type == ActorType::kGroup) touch_at(&recent_groups, entity_index, s, m);
      if (e.country.empty()) e.country = m.country;
      if (e.wikidata.empty() && m.lexicon_entry >= 0) {
        e.wikidata = res.actors.entry(m.lexicon_entry).wikidata;
      }
      m.entity = static_cast<int>(it->second);
      if (type == ActorType::kPerson) {
        last_person = m.entity;
        if (sentence_topic < 0) sentence_topic = m.entity;
      }
      Mention mention;
      mention.start = s.tokens[m.first].start;
      mention.end = s.tokens[m.last - 1].end;
      mention.text = std::string(text.substr(mention.start, mention.end - mention.start));
      mention.sentence = s.index;
      if (std::find(e.aliases.begin(), e.aliases.end(), mention.text) == e.aliases.end()) {
        e.aliases.push_back(mention.text);
      }
      e.mentions.push_back(std::move(mention));
    }
    remember_topic();
  }
  return entities;
}

}  // namespace polgraph::extract
