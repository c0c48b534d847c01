// Tokenizer cases where UD English (EWT) splits or joins differently from a
// naive split at punctuation; see also tests/extract/tokenizer_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/nlp/tokenizer.h"

namespace polgraph::extract::nlp {
namespace {

struct Case {
  std::string input;
  std::vector<std::string> tokens;
};

class TokenizerUdTable : public testing::TestWithParam<Case> {};

TEST_P(TokenizerUdTable, SplitsLikeUdEnglish) {
  std::vector<std::string> got;
  for (const Token& t : Tokenize(GetParam().input)) got.emplace_back(t.text);
  EXPECT_EQ(got, GetParam().tokens) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TokenizerUdTable,
    testing::Values(Case{"They don't", {"They", "do", "n't"}},
                    Case{"It isn't", {"It", "is", "n't"}}, Case{"We can't", {"We", "ca", "n't"}},
                    Case{"We won\xE2\x80\x99t", {"We", "wo", "n\xE2\x80\x99t"}},
                    Case{"We cannot", {"We", "can", "not"}},
                    Case{"gonna win", {"gon", "na", "win"}},
                    Case{"Wait... what?!", {"Wait", "...", "what", "?!"}},
                    Case{"yes -- no", {"yes", "--", "no"}}, Case{"great :)", {"great", ":)"}},
                    Case{"mail kim@example.org now", {"mail", "kim@example.org", "now"}},
                    Case{"see report.pdf.", {"see", "report.pdf", "."}},
                    Case{"He left.The end", {"He", "left", ".", "The", "end"}},
                    Case{"U.S.-led talks", {"U.S.", "-", "led", "talks"}}));

TEST(TokenizerUd, SpansStayExact) {
  const std::string text = "They don't... mail kim@example.org :)";
  for (const Token& t : Tokenize(text)) EXPECT_EQ(text.substr(t.start, t.end - t.start), t.text);
}

}  // namespace
}  // namespace polgraph::extract::nlp
