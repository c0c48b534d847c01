// Behaviour of the default extractor on sentences written for these tests.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "default_extractor.h"

namespace polgraph::extract {
namespace {

struct Expected {
  std::string subject, predicate, object;
  bool negated = false, hypothetical = false;
};

class ExtractorTest : public testing::Test {
 protected:
  Extraction Run(const std::string& text, const std::string& date = "2021-05-04") {
    return testing_util::ExtractText(text, date);
  }

  static bool Has(const Extraction& ex, const Expected& e) {
    return std::any_of(ex.relations.begin(), ex.relations.end(), [&](const Relation& r) {
      return r.subject.label == e.subject && r.predicate == e.predicate &&
             r.object.label == e.object && r.negated == e.negated &&
             r.hypothetical == e.hypothetical;
    });
  }

  // Each entity's type, by label.
  static std::map<std::string, ActorType> TypeOf(const Extraction& ex) {
    std::map<std::string, ActorType> out;
    for (const Entity& e : ex.entities) out[e.label] = e.type;
    return out;
  }

  static void ExpectTypes(const std::map<std::string, ActorType>& type_of,
                          const std::map<std::string, ActorType>& want, const Extraction& ex) {
    for (const auto& [label, type] : want) {
      auto it = type_of.find(label);
      ASSERT_NE(it, type_of.end()) << label << " missing; " << Dump(ex);
      EXPECT_EQ(it->second, type) << label;
    }
  }

  static std::string Dump(const Extraction& ex) {
    std::string out;
    for (const Relation& r : ex.relations) {
      out += r.subject.label + " | " + r.predicate + " | " + r.object.label +
             (r.negated ? " [neg]" : "") + (r.hypothetical ? " [hyp]" : "") + "\n";
    }
    return out;
  }
};

struct Case {
  std::string text;
  std::vector<Expected> expected;
};

class ExtractorTable : public ExtractorTest, public testing::WithParamInterface<Case> {};

TEST_P(ExtractorTable, FindsTheRelations) {
  Extraction ex = Run(GetParam().text);
  for (const Expected& e : GetParam().expected) {
    EXPECT_TRUE(Has(ex, e)) << "missing: " << e.subject << " | " << e.predicate << " | " << e.object
                            << "\nin: " << GetParam().text << "\nfound:\n"
                            << Dump(ex);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, ExtractorTable,
    testing::Values(
        // Titles before names, a capital as a location.
        Case{"Chancellor Petra Lindqvist met Prime Minister Tomas Brandt in Oslo on Tuesday.",
             {{"Petra Lindqvist", "meet", "Tomas Brandt"}}},
        // "met with", and a demonym + office title as an affiliation.
        Case{"Swedish Foreign Minister Karin Holm met with Tomas Brandt.",
             {{"Karin Holm", "meet", "Tomas Brandt"},
              {"Karin Holm", "foreign_minister_of", "Sweden"}}},
        // Coordinated subjects, including one introduced by "the".
        Case{"Canada, Japan and the European Union have imposed sanctions on Belarus.",
             {{"Canada", "impose_sanctions", "Belarus"},
              {"Japan", "impose_sanctions", "Belarus"},
              {"European Union", "impose_sanctions", "Belarus"}}},
        // The noun of the pattern before the verb, in a relative clause.
        Case{"She opposed the sanctions that Western governments imposed on Venezuela.",
             {{"Western governments", "impose_sanctions", "Venezuela"}}},
        // Passive with an agent.
        Case{"Ilse Varga was accused by the Kremlin of lying.",
             {{"Kremlin", "accuse", "Ilse Varga"}}},
        // Negation and hypothetical mood.
        Case{"Ilse Varga did not meet Tomas Brandt.",
             {{"Ilse Varga", "meet", "Tomas Brandt", true, false}}},
        Case{"If elected, Ilse Varga would lift sanctions on Cuba.",
             {{"Ilse Varga", "lift_sanctions", "Cuba", false, true}}},
        Case{"Ilse Varga plans to visit Mexico next month.",
             {{"Ilse Varga", "visit", "Mexico", false, true}}},
        Case{"Ilse Varga refused to meet Tomas Brandt.",
             {{"Ilse Varga", "meet", "Tomas Brandt", true, false}}},
        // Symmetric verb with coordinated subjects and no object.
        Case{"Ilse Varga and Tomas Brandt met on Friday.",
             {{"Ilse Varga", "meet", "Tomas Brandt"}}},
        // Capitals used for their governments.
        Case{"Washington accused Moscow of meddling.", {{"United States", "accuse", "Russia"}}},
        // Affiliations: title before the name, apposition after it, and a
        // qualified title before the name with a comma.
        // A capital stands for its country, but not as the city of its mayor.
        Case{"The mayor of Lima, Ilse Varga, met Tomas Brandt.",
             {{"Ilse Varga", "mayor_of", "Lima"}}},
        Case{"Lima mayor Ilse Varga met Tomas Brandt.", {{"Ilse Varga", "mayor_of", "Lima"}}},
        Case{"Kremlin spokesman Oleg Petrenko said the talks went well.",
             {{"Oleg Petrenko", "spokesperson_of", "Kremlin"}}},
        Case{"Oleg Petrenko, the Kremlin spokesman, declined to comment.",
             {{"Oleg Petrenko", "spokesperson_of", "Kremlin"}}},
        Case{"An aide to Ilse Varga, Jonas Berg, said the visit was private.",
             {{"Jonas Berg", "aide_to", "Ilse Varga"}}},
        // Apposition between subject and verb.
        Case{"Ilse Varga, the leader of the opposition, is visiting Chile this week.",
             {{"Ilse Varga", "visit", "Chile"}}},
        // The possessor stands in for its campaign, government, spokesman.
        Case{"Ilse Varga's campaign has accused Chile of meddling.",
             {{"Ilse Varga", "accuse", "Chile"}}},
        // Parenthetical between subject and verb.
        Case{"Ilse Varga (left) greets Tomas Brandt. Ilse Varga (left) meets Tomas Brandt.",
             {{"Ilse Varga", "meet", "Tomas Brandt"}}}));

TEST_F(ExtractorTest, ObjectListStopsWhereANewClauseBegins) {
  Extraction ex = Run("Ilse Varga met Tomas Brandt, and Karin Holm visited Peru.");
  EXPECT_TRUE(Has(ex, {"Ilse Varga", "meet", "Tomas Brandt"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"Karin Holm", "visit", "Peru"})) << Dump(ex);
  EXPECT_FALSE(Has(ex, {"Ilse Varga", "meet", "Karin Holm"})) << Dump(ex);
}

TEST_F(ExtractorTest, SurnamesAndPronounsResolveToOnePerson) {
  Extraction ex =
      Run("Anna Kowalska arrived in Madrid on Monday. Later, Kowalska met Tomas Brandt. "
          "She also visited Portugal.");
  EXPECT_TRUE(Has(ex, {"Anna Kowalska", "meet", "Tomas Brandt"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"Anna Kowalska", "visit", "Portugal"})) << Dump(ex);
  int kowalska = 0;
  for (const Entity& e : ex.entities) {
    if (e.label.find("Kowalska") != std::string::npos) {
      ++kowalska;
      EXPECT_EQ(e.type, ActorType::kPerson);
      EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(), "Kowalska"), e.aliases.end());
      bool has_pronoun = std::any_of(e.mentions.begin(), e.mentions.end(),
                                     [](const Mention& m) { return m.pronoun; });
      EXPECT_TRUE(has_pronoun);
    }
  }
  EXPECT_EQ(kowalska, 1);
}

TEST_F(ExtractorTest, PronounsFollowSexAndKind) {
  // "She" skips the man who is the latest topic; "He" then finds him.
  Extraction ex =
      Run("Angela Varga met Boris Holm in Oslo. She later visited Chile. He criticised Peru.");
  EXPECT_TRUE(Has(ex, {"Angela Varga", "visit", "Chile"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"Boris Holm", "criticize", "Peru"})) << Dump(ex);
  EXPECT_FALSE(Has(ex, {"Boris Holm", "visit", "Chile"})) << Dump(ex);
  // "It" is the organisation that was the subject, not the place after it;
  // "its" is a possessor, marked as a pronoun mention.
  ex =
      Run("The European Union met in Brussels. It imposed sanctions on Belarus. Its visit to "
          "Chile was brief.");
  EXPECT_TRUE(Has(ex, {"European Union", "impose_sanctions", "Belarus"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"European Union", "visit", "Chile"})) << Dump(ex);
  for (const Entity& e : ex.entities) {
    if (e.label != "European Union") continue;
    EXPECT_EQ(std::count_if(e.mentions.begin(), e.mentions.end(),
                            [](const Mention& m) { return m.pronoun; }),
              2);
  }
  // An empty "it" refers to nothing.
  ex = Run("Canada met Peru. It was raining. It is unclear whether talks went well.");
  for (const Entity& e : ex.entities) {
    for (const Mention& m : e.mentions) EXPECT_FALSE(m.pronoun) << e.label << ": " << m.text;
  }
}

TEST_F(ExtractorTest, TruncatedAndMisspelledNamesJoinTheFullName) {
  Extraction ex =
      Run("President Boris Okonkwo met Ilse Varga. President Boris praised Chile. Later Okonkow "
          "visited Peru. The talks went well, Lindgren said. Fiscal policy dominated the General "
          "Election campaign; the election is in May.");
  EXPECT_TRUE(Has(ex, {"Boris Okonkwo", "praise", "Chile"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"Boris Okonkwo", "visit", "Peru"})) << Dump(ex);
  bool lindgren = false;
  for (const Entity& e : ex.entities) {
    EXPECT_NE(e.label, "Boris");
    EXPECT_NE(e.label, "Okonkow");
    EXPECT_NE(e.label, "Election");  // written in lower case elsewhere: a noun
    lindgren |= e.label == "Lindgren" && e.type == ActorType::kPerson;  // the one who said
  }
  EXPECT_TRUE(lindgren);
}

TEST_F(ExtractorTest, AcronymInParenthesesJoinsItsOrganisation) {
  Extraction ex =
      Run("The National Liberation Front (NLF) accused Chile of torture. The NLF also criticised "
          "Peru.");
  EXPECT_TRUE(Has(ex, {"National Liberation Front", "accuse", "Chile"})) << Dump(ex);
  EXPECT_TRUE(Has(ex, {"National Liberation Front", "criticize", "Peru"})) << Dump(ex);
}

TEST_F(ExtractorTest, RelationsCarryProvenanceAndCameo) {
  std::string text = "Opening line here. Canada imposed sanctions on Belarus.";
  Extraction ex = Run(text);
  ASSERT_EQ(ex.relations.size(), 1u) << Dump(ex);
  const Relation& r = ex.relations[0];
  EXPECT_EQ(r.doc, "test-doc");
  EXPECT_EQ(r.sentence, 1);
  EXPECT_EQ(text.substr(r.start, r.end - r.start), "Canada imposed sanctions on Belarus.");
  EXPECT_EQ(r.evidence, "Canada imposed sanctions on Belarus.");
  EXPECT_EQ(r.kind, RelationKind::kEvent);
  EXPECT_EQ(r.cameo, "163");
  ASSERT_TRUE(r.goldstein.has_value());
  EXPECT_DOUBLE_EQ(*r.goldstein, -8.0);
  EXPECT_EQ(r.date, "2021-05-04");
  EXPECT_GT(r.confidence, 0.0);
  EXPECT_LE(r.confidence, 1.0);
  EXPECT_EQ(r.subject.id, "country:canada");
  EXPECT_EQ(r.extractor, testing_util::DefaultExtractor().Version());
}

TEST_F(ExtractorTest, EntityMentionsAreByteSpansIntoTheText) {
  std::string text = "\xE2\x80\x9CWe disagree,\xE2\x80\x9D said Ilse Varga. Varga visited Chile.";
  Extraction ex = Run(text);
  ASSERT_FALSE(ex.entities.empty());
  for (const Entity& e : ex.entities) {
    for (const Mention& m : e.mentions) {
      ASSERT_LE(m.end, text.size());
      EXPECT_EQ(text.substr(m.start, m.end - m.start), m.text);
    }
  }
}

// The name tagger (models/ner.pgm) finds and types names no lexicon lists: an
// acronym and a lone company name were dropped by the capitalisation rules, a
// city outside the lexicon was missed; "for" continues an organisation's name;
// a treaty is a name but no actor.
TEST_F(ExtractorTest, NamesTheLexiconDoesNotKnowAreFoundAndTyped) {
  Extraction ex =
      Run("Engineers from NASA and Google met officials in Geneva on Monday. The Institute for "
          "Fiscal Studies criticised the plan, said Halvorsen. The Paris Agreement was signed "
          "by the Marlowe Foundation.");
  const std::map<std::string, ActorType> type_of = TypeOf(ex);
  const std::map<std::string, ActorType> want = {
      {"NASA", ActorType::kOrganization},
      {"Google", ActorType::kOrganization},
      {"Geneva", ActorType::kLocation},
      {"Institute for Fiscal Studies", ActorType::kOrganization},
      {"Halvorsen", ActorType::kPerson},
      {"Marlowe Foundation", ActorType::kOrganization}};
  ExpectTypes(type_of, want, ex);
  EXPECT_EQ(type_of.count("Paris Agreement"), 0u);
}

TEST_F(ExtractorTest, NamesKeepTheirOwnSpansAndTypes) {
  // Two names joined by "and" stay two; a title is not part of the name; an
  // organisation opening with a word that is also a first name ("Rich") stays an
  // organisation; a town in a list of places is a place even where the tagger
  // passes it over.
  Extraction ex =
      Run("Scientists from the University of Oslo and UC Davis studied the flies. Judge Ann "
          "Lindqvist ruled against Rich Harvest Holdings on Monday. Lindqvist said the ruling was "
          "final. Lindqvist visits Lima, Quito, Basingstoke, Shrewsbury and Caracas this week.");
  const std::map<std::string, ActorType> type_of = TypeOf(ex);
  const std::map<std::string, ActorType> want = {
      {"University of Oslo", ActorType::kOrganization},
      {"UC Davis", ActorType::kOrganization},
      {"Ann Lindqvist", ActorType::kPerson},
      {"Rich Harvest Holdings", ActorType::kOrganization},
      {"Basingstoke", ActorType::kLocation},
      {"Shrewsbury", ActorType::kLocation}};
  ExpectTypes(type_of, want, ex);
  EXPECT_EQ(type_of.count("University of Oslo and UC Davis"), 0u);
  EXPECT_EQ(type_of.count("Judge Ann Lindqvist"), 0u);
}

TEST_F(ExtractorTest, ASurnameThatIsAlsoAMonthIsThePersonNotTheDate) {
  Extraction ex =
      Run("Ingrid May met Tomas Brandt in Oslo in May. May said the talks on May 5 were useful.");
  const Entity* may = nullptr;
  for (const Entity& e : ex.entities) {
    if (e.label == "Ingrid May") may = &e;
  }
  ASSERT_NE(may, nullptr) << Dump(ex);
  std::vector<std::string> texts;
  for (const Mention& m : may->mentions) texts.push_back(m.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Ingrid May", "May"})) << Dump(ex);
}

TEST_F(ExtractorTest, NoActorsFromSentenceInitialWordsOrAcronymsAlone) {
  Extraction ex = Run("Sanctions hurt. Breaking News. Officials said VAT and GDP rose.");
  for (const Entity& e : ex.entities) {
    EXPECT_NE(e.label, "Sanctions");
    EXPECT_NE(e.label, "Breaking News");
    EXPECT_NE(e.label, "VAT");
  }
  EXPECT_TRUE(ex.relations.empty()) << Dump(ex);
  // A religion's adjective or its believers are no person, however the tagger
  // reads them; the believers are a group.
  ex = Run("Muslim leaders met in Oslo. Ali Rahimi said Muslims and Christians prayed together.");
  for (const Entity& e : ex.entities) {
    EXPECT_NE(e.label, "Muslim") << Dump(ex);
    if (e.label == "Muslims") {
      EXPECT_EQ(e.type, ActorType::kGroup);
    }
  }
}

TEST_F(ExtractorTest, EmptyAndHugeDocuments) {
  EXPECT_TRUE(Run("").relations.empty());
  std::string huge;
  for (int i = 0; i < 5000; ++i) huge += "Canada imposed sanctions on Belarus. ";
  Extraction ex = Run(huge);
  EXPECT_EQ(ex.relations.size(), 5000u);
  EXPECT_EQ(ex.sentence_count, 5000);
}

}  // namespace
}  // namespace polgraph::extract
