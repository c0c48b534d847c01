#include "extract/nlp/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace polgraph::extract::nlp {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

TEST(SentenceSplitter, KeepsTitlesWithTheirNames) {
  EXPECT_EQ(Sentences("Mr. Okafor met Sen. Dahl and Gen. Ruiz. They talked."),
            (std::vector<std::string>{"Mr. Okafor met Sen. Dahl and Gen. Ruiz.", "They talked."}));
}

TEST(SentenceSplitter, KeepsAcronymsInsideSentences) {
  EXPECT_EQ(
      Sentences("The U.S. President spoke. The U.N. Security Council met."),
      (std::vector<std::string>{"The U.S. President spoke.", "The U.N. Security Council met."}));
}

TEST(SentenceSplitter, EndsASentenceAfterAnAcronymWhenANewOneStarts) {
  EXPECT_EQ(Sentences("Talks moved to the U.S. The envoy left on Monday."),
            (std::vector<std::string>{"Talks moved to the U.S.", "The envoy left on Monday."}));
}

TEST(SentenceSplitter, ParagraphBreakEndsASentence) {
  EXPECT_EQ(
      Sentences("Breaking headline without a stop\n\nThe body starts here."),
      (std::vector<std::string>{"Breaking headline without a stop", "The body starts here."}));
}

TEST(SentenceSplitter, SpansPointIntoTheTextAndSkipBlankInput) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("  \n ").empty());
  std::string text = "  \xE2\x80\x9CNo,\xE2\x80\x9D she said.  Then she left. ";
  std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "Then she left.");
}

}  // namespace
}  // namespace polgraph::extract::nlp
