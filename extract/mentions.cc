#include "extract/mentions.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace polgraph::extract {
namespace {

using nlp::Token;

// Capitalised words that start sentences or name times, never actors.
const std::set<std::string, std::less<>>& CapitalizedStopwords() {
  static const std::set<std::string, std::less<>> kWords = {
      "The",       "A",         "An",         "This",      "That",     "These",     "Those",
      "He",        "She",       "It",         "They",      "We",       "I",         "You",
      "His",       "Her",       "Its",        "Their",     "Our",      "My",        "Your",
      "In",        "On",        "At",         "For",       "From",     "With",      "By",
      "Of",        "To",        "As",         "But",       "And",      "Or",        "Nor",
      "If",        "When",      "While",      "After",     "Before",   "Since",     "Although",
      "Though",    "However",   "Meanwhile",  "Yet",       "So",       "Then",      "There",
      "Here",      "What",      "Who",        "Whom",      "Which",    "Where",     "Why",
      "How",       "According", "Last",       "Next",      "Earlier",  "Later",     "Both",
      "All",       "Some",      "Many",       "Most",      "Such",     "No",        "Not",
      "Now",       "One",       "Two",        "Three",     "Today",    "Yesterday", "Tomorrow",
      "Tonight",   "Monday",    "Tuesday",    "Wednesday", "Thursday", "Friday",    "Saturday",
      "Sunday",    "January",   "February",   "March",     "April",    "May",       "June",
      "July",      "August",    "September",  "October",   "November", "December",  "Jan.",
      "Feb.",      "Mar.",      "Apr.",       "Jun.",      "Jul.",     "Aug.",      "Sept.",
      "Sep.",      "Oct.",      "Nov.",       "Dec.",      "Also",     "Asked",     "Speaking",
      "Despite",   "During",    "Under",      "Over",      "Among",    "Without",   "Within",
      "Into",      "Upon",      "About",      "Against",   "Between",  "Instead",   "Because",
      "Unless",    "Until",     "Whether",    "Do",        "Does",     "Did",       "Is",
      "Are",       "Was",       "Were",       "Will",      "Would",    "Could",     "Should",
      "Can",       "May",       "Might",      "Must",      "Has",      "Have",      "Had",
      "Let",       "Every",     "Each",       "Any",       "Another",  "Other",     "More",
      "Only",      "Just",      "Even",       "Still",     "Thus",     "Therefore", "Indeed",
      "Yes",       "Well",      "Oh",         "Mr",        "Mrs",      "Ms",        "Dr",
      "Sir",       "Dame",      "Lord",       "Lady",      "Read",     "Watch",     "Photo",
      "Image",     "Video",     "Share",      "Copyright", "Updated",  "Published", "Editor",
      "Reporting", "Writing",   "Additional", "Click",     "See",      "Follow",    "Subscribe",
      "Related",   "More",      "Breaking",   "Analysis",  "Opinion",  "Comment",   "Exclusive",
      "Live",      "Update",    "Note",       "Its",       "Former",   "Ex",        "Acting",
      "Outgoing",  "Incoming",  "Interim"};
  return kWords;
}

// Acronyms of things, measures and times that a name tagger may read as an
// organisation ("VAT and GDP rose"), never actors on their own.
bool IsThingAcronym(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "VAT",  "GDP",   "GNP",   "CPI",      "CEO", "CFO", "COO", "TV",  "DNA", "HIV",  "AIDS",
      "SARS", "MERS",  "COVID", "COVID-19", "IT",  "AI",  "ID",  "IQ",  "GMT", "UTC",  "BST",
      "EST",  "EDT",   "PST",   "PDT",      "CET", "PR",  "PPE", "ICU", "MRI", "CCTV", "SUV",
      "LGBT", "LGBTQ", "IVF",   "USB",      "PC",  "FAQ", "PIN", "GPS", "OK",  "AM",   "PM"};
  return kWords.count(w) > 0;
}

// Name particles that may sit between capitalised parts of a name.
bool IsNameParticle(std::string_view w) {
  static const std::set<std::string, std::less<>> kParticles = {
      "de", "da", "di",  "du",  "des", "del", "della", "van", "von", "der", "den", "ter",
      "la", "le", "bin", "ibn", "al",  "el",  "ben",   "dos", "das", "af",  "zu",  "y"};
  return kParticles.count(w) > 0;
}

// Words that make a capitalised run an organisation wherever they occur in it.
bool IsOrganizationWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "Party",         "Front",          "Committee",    "Ministry",     "Union",      "Council",
      "Bank",          "Agency",         "Commission",   "Parliament",   "Court",      "Army",
      "Forces",        "Group",          "Association",  "Institute",    "University", "Company",
      "Corporation",   "Corp",           "Corp.",        "Inc",          "Inc.",       "Ltd",
      "Ltd.",          "Organization",   "Organisation", "Movement",     "League",     "Alliance",
      "Assembly",      "Congress",       "Senate",       "Office",       "Department", "Service",
      "Services",      "News",           "Times",        "Post",         "Foundation", "Federation",
      "Authority",     "Board",          "Bureau",       "Centre",       "Center",     "Coalition",
      "Government",    "Administration", "Police",       "Guard",        "Navy",       "Cabinet",
      "Duma",          "Fund",           "Trust",        "Society",      "Club",       "Network",
      "Press",         "Television",     "TV",           "Radio",        "Airlines",   "Industries",
      "Holdings",      "Group",          "Brigade",      "Brigades",     "Battalion",  "Regiment",
      "Tribunal",      "Secretariat",    "Directorate",  "Inspectorate", "Mission",    "Embassy",
      "Consulate",     "Rally",          "Republicans",  "Democrats",    "Greens",     "Parties",
      "Convention",    "Conference",     "Motors",       "Airways",      "Force",      "Circuit",
      "Commissioners", "Caucus",         "Chamber",      "Guards",       "Police",     "School",
      "College",       "Academy",        "Hospital",     "Church",       "Chambers",   "Executive",
      "Exchange",      "Museum",         "Institution",  "Watch",        "Unit"};
  return kWords.count(w) > 0;
}

// Words that make a capitalised run a place.
bool IsLocationWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "Street",    "Square", "Avenue",    "Road",    "Province", "Region",  "Oblast",    "County",
      "District",  "City",   "Island",    "Islands", "Sea",      "River",   "Mountains", "Valley",
      "Peninsula", "Gulf",   "Strait",    "Bay",     "Airport",  "Palace",  "Hall",      "Stadium",
      "Lake",      "Mount",  "Cape",      "Hill",    "Hills",    "Harbour", "Harbor",    "Park",
      "Beach",     "Port",   "Canyon",    "Creek",   "Falls",    "Forest",  "Desert",    "Coast",
      "Heights",   "Plaza",  "Boulevard", "Canal",   "Ocean",    "Sound",   "Springs",   "Village"};
  return kWords.count(w) > 0;
}

// Words that make a capitalised run a law, a work, an event or a period, which is
// no actor: "Second Amendment", "Tax Code", "First Symphony", "Dark Ages".
bool IsNonActorWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "Amendment", "Act",      "Code",      "Bill",     "Treaty",   "Accord",     "Accords",
      "Agreement", "Charter",  "Directive", "Protocol", "Doctrine", "Symphony",   "Quartet",
      "Sonata",    "Concerto", "Ages",      "War",      "Wars",     "Revolution", "Prize",
      "Award",     "Awards",   "Cup",       "Games",    "Olympics", "Festival",   "Championship",
      "Day",       "Week",     "Summit",    "Crisis",   "Pandemic", "Referendum", "Election",
      "Elections", "Budget",   "Report",    "Index",    "Program",  "Programme",  "Plan",
      "Hurricane", "Typhoon",  "Cyclone",   "Storm"};
  return kWords.count(w) > 0;
}

bool IsCapWord(const Token& t) {
  return t.is_word && t.capitalized && !std::isdigit(static_cast<unsigned char>(t.text[0]));
}

bool IsPossessive(const Token& t) {
  return t.text == "'s" || t.text == "\xE2\x80\x99s" || t.text == "'" || t.text == "\xE2\x80\x99";
}

// The actor type the name tagger gives token k (models/ner.pgm: "B-PER",
// "I-LOC", ...), or kConcept when it reads no name there or did not run.
ActorType NameTypeAt(const SentenceAnalysis& s, size_t k) {
  if (s.parse.size() != s.tokens.size()) return ActorType::kConcept;
  const std::string& label = s.parse[k].name;
  if (label.size() < 5 || label[1] != '-') return ActorType::kConcept;
  switch (label[2]) {
    case 'P':
      return ActorType::kPerson;
    case 'O':
      return ActorType::kOrganization;
    case 'L':
      return ActorType::kLocation;
    default:
      return ActorType::kConcept;
  }
}

// The names the tagger finds in tokens [first, last): maximal runs of one type,
// a "B-" label starting a new one. A run of capitalised words the tagger splits
// ("Space Museum Steven F. Udvar-Hazy") gives several names.
struct TaggedName {
  size_t first, last;
  ActorType type;
};
std::vector<TaggedName> TaggedNames(const SentenceAnalysis& s, size_t first, size_t last) {
  std::vector<TaggedName> out;
  for (size_t k = first; k < last; ++k) {
    const ActorType t = NameTypeAt(s, k);
    if (t == ActorType::kConcept) continue;
    const bool begins = s.parse[k].name[0] == 'B';
    if (!out.empty() && out.back().last == k && out.back().type == t && !begins) {
      out.back().last = k + 1;
    } else {
      out.push_back({k, k + 1, t});
    }
  }
  // "Tony Blair of", "Alan Milburn -": names start and end with a capital.
  std::vector<TaggedName> trimmed;
  for (TaggedName tn : out) {
    while (tn.first < tn.last && !IsCapWord(s.tokens[tn.first])) ++tn.first;
    while (tn.last > tn.first && !IsCapWord(s.tokens[tn.last - 1])) --tn.last;
    if (tn.first < tn.last) trimmed.push_back(tn);
  }
  return trimmed;
}

// A name the tagger carries over a connector ("University/B-ORG of/I-ORG") and
// then restarts ("Cambridge/B-LOC") is one name: no name ends in "of". The
// greedy tagger makes this error where a gazetteer place follows ("Port
// Authority of New York", "University of Cambridge"); the next name's words
// join the first.
void JoinNamesOverConnectors(SentenceAnalysis* s) {
  static const std::set<std::string, std::less<>> kConnectors = {"of", "for", "on",  "and", "&",
                                                                 "de", "del", "der", "du",  "at"};
  std::vector<nlp::AnalyzedWord>& words = s->parse;
  if (words.size() != s->tokens.size()) return;
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    const std::string& here = words[k].name;
    if (here.size() < 5 || here[0] != 'I' || !kConnectors.count(s->tokens[k].text)) continue;
    if (words[k + 1].name.size() < 5 || words[k + 1].name[0] != 'B') continue;
    if (!IsCapWord(s->tokens[k + 1])) continue;
    const std::string inside = here;  // "I-ORG"
    words[k + 1].name = inside;
    for (size_t e = k + 2; e < words.size() && words[e].name.size() >= 5 && words[e].name[0] == 'I';
         ++e) {
      words[e].name = inside;
    }
  }
}

// The end of the tagger's name that starts at token k, or k when none starts
// there: a "B-" label, or an "I-" label after a word of another type.
size_t TaggedNameEnd(const SentenceAnalysis& s, size_t k) {
  const ActorType t = NameTypeAt(s, k);
  if (t == ActorType::kConcept) return k;
  if (s.parse[k].name[0] != 'B' && k > 0 && NameTypeAt(s, k - 1) == t) return k;
  size_t e = k + 1;
  while (e < s.tokens.size() && NameTypeAt(s, e) == t && s.parse[e].name[0] == 'I') ++e;
  return e;
}

// Words that open place names ("North Oakland", "New Haven", "Port Said") and
// are first names in the lists as well.
bool IsPlacePrefix(std::string_view w) {
  static const std::set<std::string, std::less<>> kWords = {
      "North", "South", "East",  "West",  "Northern", "Southern", "Eastern", "Western",
      "New",   "Old",   "Upper", "Lower", "Great",    "Little",   "Central", "Saint",
      "St",    "St.",   "San",   "Santa", "Port",     "Fort",     "Mount",   "Lake"};
  return kWords.count(w) > 0;
}

// A first name of one sex (lexicon/first_names.tsv) that is no place prefix.
bool IsFirstName(const Resources& res, const Token& t) {
  const auto it = res.first_names.find(t.text);
  return it != res.first_names.end() && it->second != 'U' && !IsPlacePrefix(t.text);
}

// Which word lists the words of tokens [first, last) of a name belong to.
struct NameWords {
  bool org = false, loc = false, non_actor = false;
};
NameWords NameWordsOf(const std::vector<Token>& toks, size_t first, size_t last) {
  NameWords w;
  for (size_t k = first; k < last; ++k) {
    w.org |= IsOrganizationWord(toks[k].text);
    w.loc |= IsLocationWord(toks[k].text);
    w.non_actor |= IsNonActorWord(toks[k].text);
  }
  return w;
}

// The tagger's type of a name, unless stronger evidence says otherwise: a
// person's title before it or a known first name opening it ("Marine Le Pen")
// make a person, and a word like "Party" or "Street" in it an organisation or a
// place. The tagger learned from little data; these cues are rarely wrong.
ActorType RuleType(const Resources& res, const SentenceAnalysis& s, const TaggedName& tn,
                   const NameWords& words, bool titled) {
  const bool org = words.org, loc = words.loc;
  if (org && tn.type != ActorType::kOrganization && tn.type != ActorType::kLocation) {
    return ActorType::kOrganization;
  }
  const bool opens_with_first_name =
      tn.last - tn.first >= 2 && IsFirstName(res, s.tokens[tn.first]);
  // "Simon Hall", "Damian Green": place words are surnames too.
  if (loc && tn.type == ActorType::kPerson && !opens_with_first_name) return ActorType::kLocation;
  if (org || loc) return tn.type;
  if (titled) return ActorType::kPerson;
  if (opens_with_first_name && tn.type == ActorType::kLocation) return ActorType::kPerson;
  return tn.type;
}

std::string JoinTokens(const std::vector<Token>& toks, size_t b, size_t e) {
  std::string out;
  for (size_t k = b; k < e; ++k) {
    if (k > b && toks[k].start > toks[k - 1].end) out += ' ';
    out.append(toks[k].text);
  }
  return out;
}

}  // namespace

bool IsCapitalizedStopword(std::string_view word) { return CapitalizedStopwords().count(word) > 0; }

bool IsPreposition(std::string_view w) {
  static const std::set<std::string, std::less<>> kPreps = {
      "of",      "in",      "on",     "at",      "for",    "from",    "with",    "by",
      "about",   "against", "into",   "over",    "under",  "during",  "between", "among",
      "through", "without", "within", "towards", "toward", "across",  "after",   "before",
      "since",   "until",   "via",    "per",     "amid",   "despite", "upon",    "onto",
      "near",    "beyond",  "behind", "outside", "inside", "like"};
  return kPreps.count(w) > 0;
}

// "visits Manchester, Leicester, Basingstoke and Torbay": a lone capitalised word
// the tagger passed over, coordinated with at least two tagged names all of one
// type, is a name of that type.
void TypeUntaggedConjuncts(SentenceAnalysis* s) {
  const size_t n = s->tokens.size();
  if (s->parse.size() != n) return;
  const auto head_of = [&](size_t k) { return s->parse[k].head - 1; };
  for (MentionSpan& m : s->mentions) {
    if (!m.weak || m.tagged || m.last - m.first != 1) continue;
    const size_t k = m.first;
    // The coordination: the first conjunct and the words attached to it as conj.
    int root = static_cast<int>(k);
    if (s->parse[k].deprel == "conj" && head_of(k) >= 0) root = head_of(k);
    std::map<ActorType, int> types;
    for (size_t c = 0; c < n; ++c) {
      if (c == k) continue;
      const bool member =
          static_cast<int>(c) == root || (s->parse[c].deprel == "conj" && head_of(c) == root);
      const int at = s->mention_at[c];
      if (!member || at < 0) continue;
      const MentionSpan& other = s->mentions[static_cast<size_t>(at)];
      // A capital stands for its country; a town we do not know is a place.
      const ActorType t = other.type == ActorType::kCountry ? ActorType::kLocation : other.type;
      if (other.tagged || other.lexicon_entry >= 0) ++types[t];
    }
    if (types.size() == 1 && types.begin()->second >= 2) {
      m.type = types.begin()->first;
      m.weak = false;
      m.tagged = true;
    }
  }
}

void FindMentions(const Resources& res, SentenceAnalysis* s) {
  const std::vector<Token>& toks = s->tokens;
  const size_t n = toks.size();
  s->mention_at.assign(n, -1);
  s->demonym_at.assign(n, -1);
  JoinNamesOverConnectors(s);

  // Wire copy in capitals gives no case signal; rely on the lexicon alone there.
  size_t words = 0, caps = 0;
  for (const Token& t : toks) {
    if (t.is_word && std::isalpha(static_cast<unsigned char>(t.text[0]))) {
      ++words;
      caps += t.all_caps ? 1 : 0;
    }
  }
  const bool shouting = words >= 4 && caps * 10 > words * 6;
  // Lower-cased text (some archives) gives none either; runs need capitals anyway.

  const auto add = [&](MentionSpan m) {
    for (size_t k = m.first; k < m.last; ++k) {
      s->mention_at[k] = static_cast<int>(s->mentions.size());
    }
    s->mentions.push_back(std::move(m));
  };

  size_t i = 0;
  while (i < n) {
    const Token& t = toks[i];
    if (!t.is_word) {
      ++i;
      continue;
    }
    // Lexicon actors, demonyms and capitals. A capital right after a capitalised
    // word is part of a person's name ("George Washington"), not the city.
    // A longer name the tagger reads here wins over a lexicon phrase inside it:
    // "University of California", "United States Court of Appeals".
    const size_t tagged_end = shouting ? i : TaggedNameEnd(*s, i);
    auto lexicon_match = res.actors.Longest(toks, i);
    if (lexicon_match && tagged_end > i + lexicon_match->length) lexicon_match.reset();
    if (auto m = lexicon_match) {
      const auto& entry = res.actors.entry(m->entry);
      bool after_name = i > 0 && IsCapWord(toks[i - 1]) &&
                        !IsCapitalizedStopword(toks[i - 1].text) && s->mention_at[i - 1] < 0;
      if (m->kind == lexicon::ActorPhraseKind::kDemonym) {
        size_t next = i + m->length;
        std::string noun = next < n ? std::string(toks[next].text) : "";
        if (res.groups.country_nouns.count(noun)) {
          int c = res.actors.CountryEntry(entry.country);
          MentionSpan ms{i, next + 1,     ActorType::kCountry, res.actors.entry(c).label,
                         c, entry.country};
          add(ms);
          i = next + 1;
          continue;
        }
        if (res.groups.group_nouns.count(noun)) {
          MentionSpan ms{i,  next + 1,     ActorType::kGroup, JoinTokens(toks, i, next + 1),
                         -1, entry.country};
          add(ms);
          i = next + 1;
          continue;
        }
        // "the Russians", "Americans": a plural demonym as a noun is the country.
        bool plural_noun = toks[i + m->length - 1].text.back() == 's' &&
                           (next >= n || !toks[next].is_word || !IsCapWord(toks[next]));
        if (plural_noun) {
          int c = res.actors.CountryEntry(entry.country);
          add({i, next, ActorType::kCountry, res.actors.entry(c).label, c, entry.country});
          i = next;
          continue;
        }
        for (size_t k = i; k < next; ++k) s->demonym_at[k] = m->entry;
        i = next;
        continue;
      }
      // A capital before a capitalised word starts an organisation's name
      // ("London Assembly", "Moscow City Court"), not a reference to the state.
      const size_t after = i + m->length;
      const bool before_name = after < n && IsCapWord(toks[after]) &&
                               !IsCapitalizedStopword(toks[after].text) &&
                               !res.actors.Longest(toks, after);
      if (m->kind == lexicon::ActorPhraseKind::kCapital && (after_name || before_name)) {
        // fall through to the capitalised-run rule below
      } else if (m->kind == lexicon::ActorPhraseKind::kCapital) {
        // Metonymy: a capital named as an actor stands for its country
        // ("sanctions against Moscow"). Recorded with the city as the surface.
        // Not the city of its mayor: "the mayor of London", "London's mayor".
        const auto lower_at = [&](size_t k) {
          return k < n ? AsciiLower(toks[k].text) : std::string();
        };
        const bool mayor =
            (i >= 2 && lower_at(i - 1) == "of" && lower_at(i - 2) == "mayor") ||
            lower_at(after) == "mayor" ||
            (after < n && IsPossessive(toks[after]) && lower_at(after + 1) == "mayor");
        int c = mayor ? -1 : res.actors.CountryEntry(entry.country);
        if (c >= 0) {
          add({i, i + m->length, ActorType::kCountry, res.actors.entry(c).label, c, entry.country});
        } else {
          add({i, i + m->length, ActorType::kLocation, entry.label, m->entry, entry.country});
        }
        i += m->length;
        continue;
      } else if (entry.type == ActorType::kLocation && (after_name || before_name)) {
        // A place name inside a longer name: "Kent State University", "Jack
        // Kentucky": the capitalised-run rule below takes the whole name.
      } else {
        add({i, i + m->length, entry.type, entry.label, m->entry, entry.country});
        i += m->length;
        continue;
      }
    }
    // Group phrases: "Western governments", "separatists".
    if (res.groups.adjectives.count(t.text) && i + 1 < n &&
        (res.groups.group_nouns.count(toks[i + 1].text) ||
         res.groups.country_nouns.count(toks[i + 1].text))) {
      add({i, i + 2, ActorType::kGroup, JoinTokens(toks, i, i + 2), -1, ""});
      i += 2;
      continue;
    }
    if (res.groups.standalone.count(t.text)) {
      add({i, i + 1, ActorType::kGroup, std::string(t.text), -1, ""});
      ++i;
      continue;
    }
    // Titles: remember them; the name that follows becomes a Person.
    // "General Motors", "Judge Rotary Club": a title word opening the name of an
    // organisation or place is part of that name.
    const ActorType tagged_type = tagged_end > i ? NameTypeAt(*s, i) : ActorType::kConcept;
    // "Foreign Secretary Jack Straw": a title at least as long as the tagged
    // name stays a title.
    auto title_match = res.titles.Longest(toks, i);
    const bool title_in_name =
        title_match &&
        (tagged_type == ActorType::kOrganization || tagged_type == ActorType::kLocation) &&
        tagged_end > i + title_match->length;
    if (auto m = title_in_name ? std::nullopt : title_match) {
      // A lower-case title only counts as one when it is followed by a name or
      // qualified ("Kremlin spokesman"); otherwise it is an ordinary noun.
      TitleSpan ts{i, i + m->length, m->value, -1, "", false};
      // Qualifier right before the title: a mention, possibly possessive, or a
      // demonym with up to two adjectives between ("French far-right leader").
      size_t q = i;
      // "National Front (FN) party leader": an acronym in parentheses and the
      // word "party" stand between the institution and its title.
      if (q > 0 && AsciiLower(toks[q - 1].text) == "party") --q;
      if (q >= 3 && toks[q - 1].text == ")" && toks[q - 3].text == "(") q -= 3;
      if (q > 0 && IsPossessive(toks[q - 1]) && q >= 2 && s->mention_at[q - 2] >= 0) {
        ts.qualifier = s->mention_at[q - 2];
        ts.qualifier_possessive = true;
      } else if (q > 0 && s->mention_at[q - 1] >= 0) {
        ts.qualifier = s->mention_at[q - 1];
      } else {
        for (size_t back = 1; back <= 3 && back <= q; ++back) {
          if (s->demonym_at[q - back] >= 0) {
            ts.qualifier_country = res.actors.entry(s->demonym_at[q - back]).country;
            break;
          }
          const Token& w = toks[q - back];
          if (!w.is_word || w.capitalized) break;  // only lower-case adjectives between
        }
      }
      s->titles.push_back(ts);
      i += m->length;
      continue;
    }
    // "May said": a month or modal that is also a name may be a person's
    // surname. Kept as a weak mention, which the document must confirm (the
    // surname of "Theresa May", or a subject that speaks: entities.cc); never
    // where it reads as a date ("in May", "May 5", "early May").
    if (!shouting && IsCapWord(t) && IsCapitalizedStopword(t.text) && IsFirstName(res, t) &&
        !(i > 0 && toks[i - 1].is_word && !toks[i - 1].capitalized) &&
        !(i + 1 < n && std::isdigit(static_cast<unsigned char>(toks[i + 1].text[0])))) {
      MentionSpan ms{i, i + 1, ActorType::kPerson, std::string(t.text), -1, ""};
      ms.weak = true;
      add(ms);
      ++i;
      continue;
    }
    // A capitalised word the tagger reads as a verb or function word starts no
    // name: "Born Robert Burns in ...", a headline's "Meets".
    if (IsCapWord(t) && s->parse.size() == n && NameTypeAt(*s, i) == ActorType::kConcept) {
      static const std::set<std::string, std::less<>> kNotNameStart = {
          "VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "PART"};
      if (kNotNameStart.count(s->parse[i].upos) > 0) {
        ++i;
        continue;
      }
    }
    // Runs of capitalised words.
    if (!shouting && IsCapWord(t) && !IsCapitalizedStopword(t.text)) {
      size_t j = i + 1;
      bool org_complement = false;  // the run has passed "Ministry of", "Institute for"
      while (j < n) {
        const Token& w = toks[j];
        if (IsCapWord(w) && !IsCapitalizedStopword(w.text)) {
          if (auto lm = res.actors.Longest(toks, j);
              lm && lm->kind != lexicon::ActorPhraseKind::kCapital) {
            break;  // "Macron France" never forms one name
          }
          if (res.titles.Longest(toks, j)) break;
          ++j;
          continue;
        }
        // "Jean-Marie Le Pen", "Ludovic de Danne", "Bank of England", "Institute
        // for Fiscal Studies", and after those "Department for Culture, Media and
        // Sport", "Ministry of Housing and Urban Development".
        if (w.is_word && !w.capitalized && j + 1 < n && IsCapWord(toks[j + 1]) &&
            (IsNameParticle(w.text) ||
             ((w.text == "of" || w.text == "for") && IsOrganizationWord(toks[j - 1].text)) ||
             ((w.text == "and" || w.text == "&") && org_complement))) {
          org_complement |= w.text == "of" || w.text == "for";
          j += 2;
          continue;
        }
        break;
      }
      // The tagged name may run on over words the rules stop at ("University of
      // California"), but a person's name not over a title ("Midlands MEP
      // Robert Kilroy-Silk"), and no name ends in a lower-case word or a dash.
      size_t end = tagged_end;
      if (tagged_type == ActorType::kPerson) {
        for (size_t k = j; k < end; ++k) {
          if (res.titles.Longest(toks, k)) end = k;
        }
      }
      while (end > j && !IsCapWord(toks[end - 1])) --end;
      j = std::max(j, end);
      bool titled = !s->titles.empty() && s->titles.back().last == i;
      // With the name tagger, its names decide the types and spans within the
      // run: "Smithsonian Space Museum Steven F. Udvar-Hazy" is two names,
      // "University of Bristol and UC Davis" too. Adjacent pieces of one type are
      // one name and the last name runs to the end of the run, as the greedy
      // tagger may leave a word out ("Petra/B-PER Lindqvist/O"); words before its
      // first name stay out ("Judge/O Ann/B-PER Lee/I-PER"). The word lists below
      // only judge runs where it found no name.
      if (std::vector<TaggedName> names = TaggedNames(*s, i, j); !names.empty()) {
        std::vector<TaggedName> joined;
        for (const TaggedName& tn : names) {
          if (!joined.empty() && joined.back().type == tn.type && joined.back().last == tn.first) {
            joined.back().last = tn.last;
          } else {
            joined.push_back(tn);
          }
        }
        joined.back().last = j;
        names = std::move(joined);
        for (const TaggedName& tn : names) {
          // "Paris Agreement", "Nobel Peace Prize": names, but of no actor.
          const NameWords lists = NameWordsOf(toks, tn.first, tn.last);
          if (lists.non_actor && !lists.org) continue;
          // "VAT", and "Muslim" or "Kurdish" alone: no actor's name.
          if (tn.last - tn.first == 1 && (IsThingAcronym(toks[tn.first].text) ||
                                          res.groups.adjectives.count(toks[tn.first].text))) {
            continue;
          }
          MentionSpan ms{tn.first,
                         tn.last,
                         RuleType(res, *s, tn, lists, titled && tn.first == i),
                         JoinTokens(toks, tn.first, tn.last),
                         -1,
                         ""};
          ms.tagged = true;
          ms.acronym = tn.last - tn.first == 1 && toks[tn.first].all_caps;
          if (titled && tn.first == i) {
            ms.title = static_cast<int>(s->titles.size()) - 1;
            if (!s->titles.back().qualifier_country.empty()) {
              ms.country = s->titles.back().qualifier_country;
            }
          }
          add(ms);
        }
        i = j;
        continue;
      }
      MentionSpan ms{i, j, ActorType::kPerson, JoinTokens(toks, i, j), -1, ""};
      const NameWords lists = NameWordsOf(toks, i, j);
      const bool org = lists.org, loc = lists.loc;
      if ((lists.non_actor && !org) ||  // "the Second Amendment": no actor, no mention
          (j - i == 1 && res.groups.adjectives.count(t.text))) {
        i = j;
        continue;
      }
      if (org) {
        ms.type = ActorType::kOrganization;
      } else if (loc) {
        ms.type = ActorType::kLocation;
      } else if (j - i == 1 && t.all_caps && t.text.size() <= 6) {
        ms.type = ActorType::kOrganization;
        ms.acronym = true;
      } else if (j - i == 1 && !titled) {
        ms.weak = true;
      } else if (!titled && s->parse.size() == n && !s->parse[i].name.empty() &&
                 !IsFirstName(res, t)) {
        // The name tagger ran and read no name here, and no first name opens it:
        // no name unless the document confirms it (the surname of a full name, a
        // subject that speaks).
        ms.weak = true;
      }
      if (titled) {
        ms.title = static_cast<int>(s->titles.size()) - 1;
        if (!org && !loc) ms.type = ActorType::kPerson;
        if (!s->titles.back().qualifier_country.empty()) {
          ms.country = s->titles.back().qualifier_country;
        }
      }
      add(ms);
      i = j;
      continue;
    }
    ++i;
  }
  TypeUntaggedConjuncts(s);
}

}  // namespace polgraph::extract
