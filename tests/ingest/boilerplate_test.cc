#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace polgraph::ingest {
namespace {

TEST(BoilerplateTest, ShippedListParses) {
  EXPECT_GT(BoilerplateFilter::Default().phrases().size(), 50u);
}

TEST(BoilerplateTest, ParseRejectsUnknownMode) {
  EXPECT_FALSE(BoilerplateFilter::Parse("share\tsometimes\n").ok());
  EXPECT_FALSE(BoilerplateFilter::Parse("share\texact\tbanner\n").ok());
  Result<BoilerplateFilter> ok = BoilerplateFilter::Parse("# comment\n\nShare\texact\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->phrases().size(), 1u);
  EXPECT_EQ(ok->phrases()[0].phrase, "share");
}

struct FurnitureCase {
  const char* paragraph;
  bool furniture;
};

TEST(BoilerplateTest, FurnitureLines) {
  const FurnitureCase kCases[] = {
      {"Accessibility links", true},
      {"Skip to main content", true},
      {"Breaking News", true},
      {"BREAKING NEWS:", true},
      {"Share this article", true},
      {"Share", true},
      {"• Share", true},
      {"Print", true},
      {"Advertisement", true},
      {"Read more »", true},
      {"Image caption Ministers at the summit", true},
      {"© 2031 Example Media Group", true},
      {"Copyright 2031 Example Media. All rights reserved.", true},
      {"Photo: Jane Roe/Example Agency", true},
      {"Loading...", true},
      {"Home | World | Business | Politics | Sport", true},
      {"Home • World • Business • Politics", true},
      {"NEWS SPORT WEATHER TRAVEL", true},
      {"Published 3 March 2031, 10:32 GMT", true},
      {"2031-03-03", true},
      {"Updated 2 hours ago", true},
      // Article text, even when it starts like a furniture phrase.
      {"Share prices fell sharply on Tuesday after the central bank raised rates.", false},
      {"Print media in the region has been under pressure for years, the report said.", false},
      {"The minister said he would watch the vote closely from the capital.", false},
      {"Copyright reform was debated in parliament for the third time this year.", false},
      {"Shareholders approved the merger", false},
      {"Watchdog groups criticised the decision", false},
      {"The talks resumed on March 3.", false},
      {"U.S. and EU officials met in Geneva", false},
      {"He said: \"We will not share the report with anyone before the vote.\"", false},
  };
  const BoilerplateFilter& filter = BoilerplateFilter::Default();
  for (const FurnitureCase& c : kCases) {
    EXPECT_EQ(filter.IsFurniture(c.paragraph), c.furniture) << c.paragraph;
  }
}

TEST(BoilerplateTest, RealSentences) {
  EXPECT_TRUE(IsRealSentence("The two leaders met in Vienna on Monday to discuss the treaty."));
  EXPECT_TRUE(IsRealSentence("\"We have reached an agreement on all the main points,\" he said."));
  EXPECT_TRUE(IsRealSentence("She told reporters the deal was \"the best we could get\""));
  EXPECT_FALSE(IsRealSentence("Talks resumed."));
  EXPECT_FALSE(IsRealSentence("Leaders of the two countries met in Vienna on Monday"));
  EXPECT_EQ(CountWords("© 2031 Example Media | All rights reserved"), 5);
}

TEST(BoilerplateTest, DropsRepeatsBylinesAndFooter) {
  std::vector<std::string> in = {
      "By Jane Roe and John Doe",
      "The two leaders met in Vienna on Monday to discuss the treaty.",
      "Protesters gathered outside the venue on Monday morning",
      "Officials said the talks would continue later in the week in Geneva.",
      "Protesters gathered outside the venue on Monday morning",
      "Neither side commented on the details of the draft treaty text.",
      "Both delegations are expected to report back to their parliaments.",
      "Analysts said a deal before the summer break now looked more likely.",
      "© 2031 Example Media",
      "About",
      "Careers",
      "Contact",
  };
  std::vector<std::string> out = RemoveBoilerplate(in);
  std::vector<std::string> expected = {in[1], in[2], in[3], in[5], in[6], in[7]};
  EXPECT_EQ(out, expected);
}

TEST(BoilerplateTest, FooterBlockNeverTakesRealSentences) {
  std::vector<std::string> in = {
      "The two leaders met in Vienna on Monday to discuss the treaty.",
      "Copyright holders",
      "Officials said the talks would continue later in the week in Geneva.",
  };
  std::vector<std::string> out = RemoveBoilerplate(in);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1], in[2]);
}

TEST(BoilerplateTest, BylineOnlyNearTheTop) {
  std::vector<std::string> in = {
      "The two leaders met in Vienna on Monday to discuss the treaty.",
      "Officials said the talks would continue later in the week in Geneva.",
      "Neither side commented on the details of the draft treaty text.",
      "By Tuesday evening",
  };
  EXPECT_EQ(RemoveBoilerplate(in).size(), 4u);
}

}  // namespace
}  // namespace polgraph::ingest
