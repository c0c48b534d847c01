#include "core/text.h"

#include <gtest/gtest.h>

namespace polgraph {
namespace {

TEST(Utf8, AcceptsValidAndRejectsBrokenSequences) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Zelensky \xD0\x97\xD0\xB5"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);                                   // truncated
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                                 // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);                            // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80 ok"), std::string_view::npos);  // emoji
}

TEST(LooksBinary, FlagsNulAndControlHeavyData) {
  EXPECT_FALSE(LooksBinary("The minister met the envoy.\n"));
  EXPECT_TRUE(LooksBinary(std::string_view("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(LooksBinary("\x01\x02\x03\x04\x05\x06\x07\x08"));
}

TEST(IsIsoDate, ChecksTheCalendar) {
  EXPECT_TRUE(IsIsoDate("2017-03-24"));
  EXPECT_TRUE(IsIsoDate("2020-02-29"));
  EXPECT_FALSE(IsIsoDate("2019-02-29"));
  EXPECT_FALSE(IsIsoDate("31/31/2020"));
  EXPECT_FALSE(IsIsoDate("2020-13-01"));
  EXPECT_FALSE(IsIsoDate(""));
}

TEST(NormalizeKey, IgnoresCasePunctuationAndSpacing) {
  EXPECT_EQ(NormalizeKey("U.S."), "us");
  EXPECT_EQ(NormalizeKey("  Le   Pen "), "le pen");
  EXPECT_EQ(NormalizeKey("Xi Jinping"), NormalizeKey("xi  jinping"));
}

TEST(Trim, StripsUnicodeSpaces) {
  EXPECT_EQ(Trim("\xC2\xA0 Breaking News \xE2\x80\x89"), "Breaking News");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(CollapseWhitespace(" a \n\n b\t c "), "a b c");
}

TEST(ContentHash, IsStableAndSensitive) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("").size(), 16u);
}

}  // namespace
}  // namespace polgraph
