// Relations that need the parse: relative clauses, coordinated clauses, nominal
// events, reported speech, control verbs, dates. Sentences written for the tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "default_extractor.h"
#include "extract/extractor.h"

namespace polgraph::extract {
namespace {

struct Expected {
  std::string subject, predicate, object;
  bool negated = false, hypothetical = false;
};

struct Case {
  std::string text;
  std::vector<Expected> present;
  std::vector<Expected> absent;  // matched on subject, predicate and object only
};

class SyntaxEventsTest : public testing::TestWithParam<Case> {
 protected:
  // 2021-05-06 is a Thursday.
  static Extraction Run(const std::string& text, const std::string& date = "2021-05-06") {
    return testing_util::ExtractText(text, date, "syntax-doc");
  }

  static const Relation* Find(const Extraction& ex, const Expected& e) {
    for (const Relation& r : ex.relations) {
      if (r.subject.label == e.subject && r.predicate == e.predicate &&
          r.object.label == e.object) {
        return &r;
      }
    }
    return nullptr;
  }

  static std::string Dump(const Extraction& ex) {
    std::string out;
    for (const Relation& r : ex.relations) {
      out += r.subject.label + " | " + r.predicate + " | " + r.object.label +
             (r.negated ? " [neg]" : "") + (r.hypothetical ? " [hyp]" : "") +
             (r.source.id.empty() ? "" : " [source " + r.source.label + "]") + "\n";
    }
    return out;
  }
};

TEST_P(SyntaxEventsTest, FindsWhatTheSentenceSaysAndNothingElse) {
  const Case& c = GetParam();
  Extraction ex = Run(c.text);
  for (const Expected& e : c.present) {
    const Relation* r = Find(ex, e);
    ASSERT_NE(r, nullptr) << "missing: " << e.subject << " | " << e.predicate << " | " << e.object
                          << "\nin: " << c.text << "\nfound:\n"
                          << Dump(ex);
    EXPECT_EQ(r->negated, e.negated) << c.text;
    EXPECT_EQ(r->hypothetical, e.hypothetical) << c.text;
  }
  for (const Expected& e : c.absent) {
    EXPECT_EQ(Find(ex, e), nullptr) << "unexpected: " << e.subject << " | " << e.predicate << " | "
                                    << e.object << "\nin: " << c.text << "\nfound:\n"
                                    << Dump(ex);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Constructions, SyntaxEventsTest,
    testing::Values(
        // Relative clause on the subject.
        Case{"Ilse Varga, who leads the Liberal Party, met Tomas Brandt in Oslo.",
             {{"Ilse Varga", "meet", "Tomas Brandt"}},
             {}},
        // Passive with a "by" agent.
        Case{"Tomas Brandt was criticised by Ilse Varga.",
             {{"Ilse Varga", "criticize", "Tomas Brandt"}},
             {{"Tomas Brandt", "criticize", "Ilse Varga"}}},
        // Reduced relative clause: the noun of the pattern before a participle.
        Case{"The sanctions imposed by Canada on Belarus took effect.",
             {{"Canada", "impose_sanctions", "Belarus"}},
             {}},
        // Coordination on both sides.
        Case{"Canada and Norway accused Belarus and Cuba of fraud.",
             {{"Canada", "accuse", "Belarus"},
              {"Canada", "accuse", "Cuba"},
              {"Norway", "accuse", "Belarus"},
              {"Norway", "accuse", "Cuba"}},
             {{"Canada", "accuse", "Norway"}}},
        // Coordinated verbs share their subject.
        Case{"Ilse Varga visited Chile and met Tomas Brandt.",
             {{"Ilse Varga", "visit", "Chile"}, {"Ilse Varga", "meet", "Tomas Brandt"}},
             {{"Chile", "meet", "Tomas Brandt"}}},
        // Nominal events: possessor agent, "between", "at the invitation of".
        Case{"Ilse Varga's visit to Chile surprised observers.",
             {{"Ilse Varga", "visit", "Chile"}},
             {}},
        Case{"The meeting between Ilse Varga and Tomas Brandt lasted two hours.",
             {{"Ilse Varga", "meet", "Tomas Brandt"}},
             {}},
        Case{"Ilse Varga arrived at the invitation of Tomas Brandt.",
             {{"Tomas Brandt", "invite", "Ilse Varga"}},
             {}},
        // "called for closer ties with": a wanted nominal event.
        Case{"Ilse Varga called for closer ties with Chile.",
             {{"Ilse Varga", "cooperate", "Chile", false, true}},
             {}},
        // An acronym in parentheses and "party" between an organisation and a title.
        Case{"The Civic Renewal Party (CRP) party leader Ilse Varga visited Chile.",
             {{"Ilse Varga", "leader_of", "Civic Renewal Party"}},
             {}},
        // A nominal event after a light verb takes the verb's subject.
        Case{"Canada announced new sanctions against Belarus.",
             {{"Canada", "impose_sanctions", "Belarus"}},
             {}},
        // Control: the object of "urged" is the one to visit.
        Case{"Ilse Varga urged Tomas Brandt to visit Peru.",
             {{"Tomas Brandt", "visit", "Peru", false, true}},
             {{"Ilse Varga", "visit", "Peru"}}},
        // ... but the subject of "met X to criticise" is the one who met.
        Case{"Ilse Varga met Tomas Brandt in Oslo to criticise Chile.",
             {{"Ilse Varga", "criticize", "Chile", false, true}},
             {{"Tomas Brandt", "criticize", "Chile"}}},
        // A fronted oblique is not the verb's object.
        Case{"For the Liberal Party, Ilse Varga called the target unambitious.",
             {},
             {{"Ilse Varga", "appeal", "Liberal Party"}}},
        // Negation by a verb of denial, hypothetical by a verb of intent.
        Case{"Ilse Varga denied meeting Tomas Brandt.",
             {{"Ilse Varga", "meet", "Tomas Brandt", true, false}},
             {}},
        Case{"Ilse Varga agreed to meet Tomas Brandt next week.",
             {{"Ilse Varga", "meet", "Tomas Brandt", false, true}},
             {}},
        // Actors that merely co-occur are not related.
        Case{"Ilse Varga and Tomas Brandt both live in Oslo.",
             {},
             {{"Ilse Varga", "meet", "Tomas Brandt"}, {"Tomas Brandt", "meet", "Ilse Varga"}}},
        Case{"Ilse Varga spoke about the weather while Tomas Brandt was in Chile.",
             {},
             {{"Ilse Varga", "meet", "Tomas Brandt"}, {"Ilse Varga", "visit", "Chile"}}},
        // A possessive "its" is the nearest organisation or country before it.
        Case{"Canada imposed sanctions on Belarus over its annexation of the Narva region.",
             {{"Canada", "impose_sanctions", "Belarus"}},
             {{"Canada", "annex", "Narva"}}},
        // "she met X, and Y hosted her": her is whom she stood for, not X.
        Case{"Ngozi Adeyemi arrived in Oslo. Later she met Dusan Kovac, and Karin Holm hosted "
             "her.",
             {{"Karin Holm", "host", "Ngozi Adeyemi"}},
             {{"Karin Holm", "host", "Dusan Kovac"}}},
        // A second "its" in the sentence means what the first meant.
        Case{"Canada imposed sanctions on Belarus over its attack on Norway's navy and its "
             "support for separatists.",
             {{"Belarus", "support", "separatists"}},
             {{"Norway", "support", "separatists"}}},
        // An apposition with a title and "of": an affiliation.
        Case{"Ilse Varga, the leader of the Liberal Party, visited Chile.",
             {{"Ilse Varga", "leader_of", "Liberal Party"}, {"Ilse Varga", "visit", "Chile"}},
             {}},
        // "told X": a statement addressed to X.
        Case{"Ilse Varga told Tomas Brandt that the vote was fair.",
             {{"Ilse Varga", "make_statement", "Tomas Brandt"}},
             {}},
        // A country qualifying a title is not the argument; the person is.
        Case{"Ilse Varga spoke with US Secretary of State Tomas Brandt about the case.",
             {{"Ilse Varga", "meet", "Tomas Brandt"}},
             {{"Ilse Varga", "meet", "United States"}}},
        // An unnamed agent gives no relation.
        Case{"Oleg Petrenko said the proposed sanctions on Belarus were unfair.",
             {},
             {{"Oleg Petrenko", "impose_sanctions", "Belarus"}}}));

TEST_F(SyntaxEventsTest, ReportedSpeechRecordsItsSourceAndTheStatement) {
  Extraction ex = Run("Oleg Petrenko said that Ilse Varga had met Tomas Brandt.");
  const Relation* met = Find(ex, {"Ilse Varga", "meet", "Tomas Brandt"});
  ASSERT_NE(met, nullptr) << Dump(ex);
  EXPECT_EQ(met->source.label, "Oleg Petrenko");
  EXPECT_EQ(met->source.type, ActorType::kPerson);
  const Relation* said = Find(ex, {"Oleg Petrenko", "make_statement", "Ilse Varga"});
  ASSERT_NE(said, nullptr) << Dump(ex);
  EXPECT_EQ(said->cameo, "010");

  ex = Run("According to Oleg Petrenko, Ilse Varga met Tomas Brandt.");
  met = Find(ex, {"Ilse Varga", "meet", "Tomas Brandt"});
  ASSERT_NE(met, nullptr) << Dump(ex);
  EXPECT_EQ(met->source.label, "Oleg Petrenko");
}

TEST_F(SyntaxEventsTest, ATitleWithoutItsCountryTakesTheOneGivenBefore) {
  Extraction ex =
      Run("Swedish Prime Minister Karin Holm met Ilse Varga. Later, Prime Minister Karin Holm "
          "visited Chile.");
  int sentences = 0;
  for (const Relation& r : ex.relations) {
    if (r.subject.label == "Karin Holm" && r.predicate == "head_of_government_of") {
      EXPECT_EQ(r.object.label, "Sweden");
      sentences |= 1 << r.sentence;
    }
  }
  EXPECT_EQ(sentences, 3) << Dump(ex);  // both sentences
}

TEST_F(SyntaxEventsTest, TheArticleItselfIsNoSource) {
  Extraction ex = Run("Ilse Varga met Tomas Brandt in Oslo.");
  const Relation* met = Find(ex, {"Ilse Varga", "meet", "Tomas Brandt"});
  ASSERT_NE(met, nullptr) << Dump(ex);
  EXPECT_TRUE(met->source.id.empty());
}

TEST_F(SyntaxEventsTest, WeekdaysResolveAgainstTheDocumentDate) {
  // 2021-05-06 is a Thursday: "on Tuesday" is two days before it.
  Extraction ex = Run("Ilse Varga met Tomas Brandt on Tuesday.");
  const Relation* met = Find(ex, {"Ilse Varga", "meet", "Tomas Brandt"});
  ASSERT_NE(met, nullptr) << Dump(ex);
  EXPECT_EQ(met->date, "2021-05-04");
  ex = Run("Ilse Varga will visit Chile on Tuesday.");
  const Relation* visit = Find(ex, {"Ilse Varga", "visit", "Chile"});
  ASSERT_NE(visit, nullptr) << Dump(ex);
  EXPECT_EQ(visit->date, "2021-05-11");
  EXPECT_TRUE(visit->hypothetical);
}

TEST_F(SyntaxEventsTest, AFactIsKeptOncePerSentenceThatStatesIt) {
  // Found by both extractors, or twice in one sentence ("met ..., and met with"):
  // one relation for that sentence; the same fact in another sentence is its own
  // piece of evidence.
  Extraction ex =
      Run("Ilse Varga met Tomas Brandt in Lima. Varga met Brandt in Quito, and Varga met with "
          "Brandt there. Varga met Brandt in Bogota.");
  std::vector<int> sentences;
  for (const Relation& r : ex.relations) {
    if (r.subject.label == "Ilse Varga" && r.predicate == "meet" &&
        r.object.label == "Tomas Brandt")
      sentences.push_back(r.sentence);
  }
  EXPECT_EQ(sentences, (std::vector<int>{0, 1, 2})) << Dump(ex);
}

}  // namespace
}  // namespace polgraph::extract
