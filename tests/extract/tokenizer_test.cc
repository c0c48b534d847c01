#include "extract/nlp/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace polgraph::extract::nlp {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(t.text);
  return out;
}

struct Case {
  std::string input;
  std::vector<std::string> tokens;
};

class TokenizerTable : public testing::TestWithParam<Case> {};

TEST_P(TokenizerTable, SplitsLikePennTreebank) {
  EXPECT_EQ(Texts(GetParam().input), GetParam().tokens) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TokenizerTable,
    testing::Values(
        Case{"The U.S. envoy left.", {"The", "U.S.", "envoy", "left", "."}},
        Case{"Mr. Okafor met Sen. Dahl.", {"Mr.", "Okafor", "met", "Sen.", "Dahl", "."}},
        Case{"a $9.7 million loan", {"a", "$", "9.7", "million", "loan"}},
        Case{"1,400 troops", {"1,400", "troops"}},
        Case{"the far-right party", {"the", "far-right", "party"}},
        Case{"Varga's aide", {"Varga", "'s", "aide"}},
        Case{"Varga\xE2\x80\x99s aide", {"Varga", "\xE2\x80\x99s", "aide"}},
        Case{"They didn't meet", {"They", "did", "n't", "meet"}},
        Case{"O'Neill spoke", {"O'Neill", "spoke"}},
        Case{"\"Sanctions are stupid,\" she said",
             {"\"", "Sanctions", "are", "stupid", ",", "\"", "she", "said"}},
        Case{"\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 he said",
             {"\xE2\x80\x9C", "No", "\xE2\x80\x9D", "\xE2\x80\x94", "he", "said"}},
        Case{"Erdo\xC4\x9F"
             "an met \xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9",
             {"Erdo\xC4\x9F"
              "an",
              "met", "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9"}},
        Case{"", {}}, Case{"   \n\t ", {}}));

TEST(Tokenizer, KeepsByteOffsetsIntoTheText) {
  std::string text = "Intro. \xE2\x80\x9CKim\xE2\x80\x9D met Lee.";
  for (const Token& t : Tokenize(text)) {
    EXPECT_EQ(text.substr(t.start, t.end - t.start), t.text);
  }
  std::vector<Token> sub = Tokenize(text, 7, text.size());
  ASSERT_FALSE(sub.empty());
  EXPECT_EQ(sub.front().start, 7u);
}

TEST(Tokenizer, MarksCaseOfAnyScript) {
  std::vector<Token> toks = Tokenize("NATO \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD said");
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_TRUE(toks[0].all_caps);
  EXPECT_TRUE(toks[1].capitalized);
  EXPECT_FALSE(toks[1].all_caps);
  EXPECT_FALSE(toks[2].capitalized);
}

TEST(Tokenizer, SurvivesInvalidUtf8) {
  std::vector<Token> toks = Tokenize("ab\xFF\xFE cd");
  ASSERT_FALSE(toks.empty());
  EXPECT_EQ(toks.back().text, "cd");
}

}  // namespace
}  // namespace polgraph::extract::nlp
