#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/nlp/tokenizer.h"

namespace polgraph::extract {
namespace {

std::string DateOf(const std::string& sentence, const std::string& doc_date) {
  return SentenceDate(nlp::Tokenize(sentence), doc_date);
}

TEST(SentenceDateTest, ExplicitDatesAreTakenAsWritten) {
  EXPECT_EQ(DateOf("They met on 12 March 2017 in Paris.", "2018-01-01"), "2017-03-12");
  EXPECT_EQ(DateOf("They met on March 12, 2017.", ""), "2017-03-12");
  EXPECT_EQ(DateOf("They met on 2016-02-29.", ""), "2016-02-29");
  EXPECT_EQ(DateOf("They met on Sept. 3, 2019.", ""), "2019-09-03");
}

TEST(SentenceDateTest, MissingYearComesFromTheDocument) {
  EXPECT_EQ(DateOf("They met on 12 March.", "2017-03-14"), "2017-03-12");
  EXPECT_EQ(DateOf("They met on March 12th.", "2017-03-14"), "2017-03-12");
  EXPECT_EQ(DateOf("They met on 12 March.", ""), "");
}

TEST(SentenceDateTest, WeekdaysCountBackFromTheDocumentDateUnlessFuture) {
  // 2017-03-16 was a Thursday.
  EXPECT_EQ(DateOf("They met on Tuesday.", "2017-03-16"), "2017-03-14");
  EXPECT_EQ(DateOf("They met on Thursday.", "2017-03-16"), "2017-03-16");
  EXPECT_EQ(DateOf("They met on Friday.", "2017-03-16"), "2017-03-10");
  EXPECT_EQ(DateOf("They will meet on Tuesday.", "2017-03-16"), "2017-03-21");
  EXPECT_EQ(DateOf("They met yesterday.", "2017-03-01"), "2017-02-28");
  EXPECT_EQ(DateOf("They met on Tuesday.", ""), "");
}

TEST(SentenceDateTest, NoDateOrTwoDifferentDatesGiveNone) {
  EXPECT_EQ(DateOf("They met in Paris.", "2017-03-16"), "");
  EXPECT_EQ(DateOf("They met on Monday and spoke on Tuesday.", "2017-03-16"), "");
  EXPECT_EQ(DateOf("They may meet in May.", "2017-03-16"), "");
  EXPECT_EQ(DateOf("They met on 31 February.", "2017-03-16"), "");
}

}  // namespace
}  // namespace polgraph::extract
