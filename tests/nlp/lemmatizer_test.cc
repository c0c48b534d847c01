// Lemmatizer: WordNet's rules and exceptions by universal part of speech.
#include "extract/nlp/lemmatizer.h"

#include <gtest/gtest.h>

#include <string>

namespace polgraph::extract::nlp {
namespace {

struct Case {
  std::string word, upos, lemma;
};

class LemmatizerTable : public testing::TestWithParam<Case> {};

TEST_P(LemmatizerTable, GivesTheDictionaryForm) {
  EXPECT_EQ(Lemmatize(GetParam().word, GetParam().upos), GetParam().lemma)
      << GetParam().word << "/" << GetParam().upos;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LemmatizerTable,
    testing::Values(
        // Irregular verbs (WordNet's exception list) and regular ones (its rules).
        Case{"met", "VERB", "meet"}, Case{"took", "VERB", "take"}, Case{"was", "AUX", "be"},
        Case{"were", "AUX", "be"}, Case{"imposed", "VERB", "impose"},
        Case{"visited", "VERB", "visit"}, Case{"signing", "VERB", "sign"},
        Case{"says", "VERB", "say"}, Case{"studies", "VERB", "study"},
        Case{"stopped", "VERB", "stop"}, Case{"Imposed", "VERB", "impose"},
        // Contractions: the verb "'s" is "be"; the possessive "'s" stays.
        Case{"'s", "AUX", "be"}, Case{"\xE2\x80\x99s", "AUX", "be"}, Case{"'s", "PART", "'s"},
        Case{"n't", "PART", "not"}, Case{"'ll", "AUX", "will"},
        // Nouns.
        Case{"sanctions", "NOUN", "sanction"}, Case{"countries", "NOUN", "country"},
        Case{"women", "NOUN", "woman"}, Case{"houses", "NOUN", "house"},
        Case{"buses", "NOUN", "bus"}, Case{"churches", "NOUN", "church"},
        Case{"news", "NOUN", "news"}, Case{"Talks", "NOUN", "talk"},
        Case{"tweets", "NOUN", "tweet"},
        // Adjectives and adverbs.
        Case{"better", "ADJ", "good"}, Case{"larger", "ADJ", "large"},
        Case{"biggest", "ADJ", "big"}, Case{"better", "ADV", "well"},
        // Words not inflected by part of speech: lower-cased, or kept as they are.
        Case{"The", "DET", "the"}, Case{"An", "DET", "a"}, Case{"him", "PRON", "he"},
        Case{"Sanctions", "PROPN", "Sanctions"}, Case{"Meets", "PROPN", "Meets"},
        Case{"1,400", "NUM", "1,400"}, Case{"U.S.", "PROPN", "U.S."}, Case{"$", "SYM", "$"},
        Case{",", "PUNCT", ","}, Case{"", "NOUN", ""},
        Case{"\xD0\x9F\xD0\xB5\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB2", "NOUN",
             "\xD0\xBF\xD0\xB5\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB2"}));

TEST(Lemmatizer, SurvivesInvalidUtf8) {
  EXPECT_EQ(Lemmatize("ab\xFF", "NOUN"), "ab\xFF");
  EXPECT_EQ(Lemmatize("\xC3", "VERB"), "\xC3");
}

}  // namespace
}  // namespace polgraph::extract::nlp
