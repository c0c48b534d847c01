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
      "Elections", "Budget",   "Report",    "Index",    "Program",  "Programme",  "Plan"};
  return kWords.count(w) > 0;
}

bool IsCapWord(const Token& t) {
  return t.is_word && t.capitalized && !std::isdigit(static_cast<unsigned char>(t.text[0]));
}

bool IsPossessive(const Token& t) {
  return t.text == "'s" || t.text == "\xE2\x80\x99s" || t.text == "'" || t.text == "\xE2\x80\x99";
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

void FindMentions(const Resources& res, SentenceAnalysis* s) {
  const std::vector<Token>& toks = s->tokens;
  const size_t n = toks.size();
  s->mention_at.assign(n, -1);
  s->demonym_at.assign(n, -1);

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
    if (auto m = res.actors.Longest(toks, i)) {
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
        int c = res.actors.CountryEntry(entry.country);
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
    if (auto m = res.titles.Longest(toks, i)) {
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
    // A capitalised word the tagger reads as a verb or function word starts no
    // name: "Born Robert Burns in ...", a headline's "Meets".
    if (IsCapWord(t) && s->parse.size() == n) {
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
        // "Jean-Marie Le Pen", "Ludovic de Danne", "Bank of England"
        if (w.is_word && !w.capitalized && j + 1 < n && IsCapWord(toks[j + 1]) &&
            (IsNameParticle(w.text) || (w.text == "of" && IsOrganizationWord(toks[j - 1].text)))) {
          j += 2;
          continue;
        }
        break;
      }
      MentionSpan ms{i, j, ActorType::kPerson, JoinTokens(toks, i, j), -1, ""};
      bool org = false, loc = false, non_actor = false;
      for (size_t k = i; k < j; ++k) {
        org |= IsOrganizationWord(toks[k].text);
        loc |= IsLocationWord(toks[k].text);
        non_actor |= IsNonActorWord(toks[k].text);
      }
      if (non_actor && !org) {  // "the Second Amendment": no actor, no mention
        i = j;
        continue;
      }
      bool titled = !s->titles.empty() && s->titles.back().last == i;
      if (org) {
        ms.type = ActorType::kOrganization;
      } else if (loc) {
        ms.type = ActorType::kLocation;
      } else if (j - i == 1 && t.all_caps && t.text.size() <= 6) {
        ms.type = ActorType::kOrganization;
        ms.acronym = true;
      } else if (j - i == 1 && !titled) {
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
}

}  // namespace polgraph::extract
