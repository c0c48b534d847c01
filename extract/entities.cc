#include "extract/entities.h"

#include <algorithm>
#include <map>

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

// Personal pronouns become mentions to be resolved to a person: "he"/"she"
// always, "him"/"her" when "her" is not a possessive determiner ("her rival").
void AddPronounMentions(SentenceAnalysis* s) {
  const auto& toks = s->tokens;
  std::vector<MentionSpan> merged;
  size_t next = 0, pronouns = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    if (s->mention_at[k] >= 0) continue;
    std::string w = AsciiLower(toks[k].text);
    bool pronoun = w == "he" || w == "she" || w == "him";
    if (w == "her") {
      const bool last = k + 1 >= toks.size();
      pronoun = last || !toks[k + 1].is_word || IsPreposition(toks[k + 1].text) ||
                toks[k + 1].text == "to" || toks[k + 1].text == "and";
    }
    if (!pronoun) continue;
    while (next < s->mentions.size() && s->mentions[next].first < k) {
      merged.push_back(s->mentions[next++]);
    }
    MentionSpan m;
    m.first = k;
    m.last = k + 1;
    m.type = ActorType::kPerson;
    m.name = std::string(toks[k].text);
    m.pronoun = true;
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

}  // namespace

std::string EntityId(ActorType type, std::string_view label) {
  return AsciiLower(ActorTypeName(type)) + ":" + NormalizeKey(label);
}

std::vector<Entity> ResolveEntities(const Resources& res, std::string_view text,
                                    std::vector<SentenceAnalysis>* sentences) {
  (void)res;
  // Pass 1: person names seen in full (two words or more), and how often.
  std::map<std::string, int> full_names;  // name -> count
  for (const SentenceAnalysis& s : *sentences) {
    for (const MentionSpan& m : s.mentions) {
      if (m.type == ActorType::kPerson && Words(m.name).size() >= 2) ++full_names[m.name];
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
    canonical.emplace(name, best);
    return best;
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

  std::vector<Entity> entities;
  std::map<std::string, size_t> by_id;
  // The most recent person named, for pronouns: news keeps its protagonist as
  // "he"/"she". Object pronouns ("hosted her") skip persons of their own
  // sentence, who are usually the subject doing the hosting.
  // Subject pronouns take the topic of the latest sentence naming a person: its
  // first person, who is usually the grammatical subject.
  int last_person = -1, last_person_before_sentence = -1, topic = -1;
  for (SentenceAnalysis& s : *sentences) {
    AddPronounMentions(&s);
    last_person_before_sentence = last_person;
    int sentence_topic = -1;
    const auto remember_topic = [&] {
      if (sentence_topic >= 0) topic = sentence_topic;
    };
    for (MentionSpan& m : s.mentions) {
      if (m.pronoun) {
        std::string w = AsciiLower(m.name);
        int antecedent = (w == "he" || w == "she") ? (sentence_topic >= 0 ? sentence_topic : topic)
                                                   : last_person_before_sentence;
        if (antecedent < 0) continue;
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
        } else {
          continue;  // "ID", "VAT", "GDP": capitals alone do not make an actor
        }
      }
      if (type == ActorType::kPerson && m.lexicon_entry < 0) {
        label = canonical_person(m.name);
        // A lone capitalised word is kept only when it is the surname of a person
        // named in full, or follows a title: sentence-initial nouns ("Sanctions")
        // and topics ("Brexit") are capitalised too.
        if (m.weak && label == m.name) continue;
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
      }
      Entity& e = entities[it->second];
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
