#include "extract/lexicon/lexicon.h"

#include <gtest/gtest.h>

#include "extract/nlp/tokenizer.h"
#include "extract/resources.h"

namespace polgraph::extract::lexicon {
namespace {

TEST(ParseTsv, ReportsTheFileAndLineOfAShortRow) {  // core/tsv.h
  auto rows = ParseTsv("# comment\na\tb\tc\nonly-one\n", "test.tsv", 3);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("test.tsv:3"), std::string::npos);
}

TEST(ActorLexicon, MatchesLongestAliasDemonymAndCapital) {
  ActorLexicon lex;
  ASSERT_TRUE(lex.AddCountries("XYZ\tZembla\tQ1\tRepublic of Zembla|RZ\tZemblan|Zemblans\tOnhava\n",
                               "c.tsv")
                  .ok());
  ASSERT_TRUE(lex.AddOrganizations("Zemblan Assembly\tOrganization\tXYZ\t\t-\t-\n", "o.tsv").ok());
  auto toks = nlp::Tokenize("the Republic of Zembla and the Zemblan Assembly met in Onhava");
  auto m = lex.Longest(toks, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 3u);
  EXPECT_EQ(lex.entry(m->entry).label, "Zembla");
  auto assembly = lex.Longest(toks, 6);  // longest wins over the demonym "Zemblan"
  ASSERT_TRUE(assembly);
  EXPECT_EQ(lex.entry(assembly->entry).label, "Zemblan Assembly");
  auto capital = lex.Longest(toks, 10);
  ASSERT_TRUE(capital);
  EXPECT_EQ(capital->kind, ActorPhraseKind::kCapital);
  EXPECT_EQ(lex.entry(capital->entry).country, "XYZ");
}

TEST(ActorLexicon, AllCapsWireCopyStillMatches) {
  ActorLexicon lex;
  ASSERT_TRUE(lex.AddCountries("XYZ\tZembla\t\t-\t-\t-\n", "c.tsv").ok());
  auto toks = nlp::Tokenize("TROOPS LEFT ZEMBLA");
  EXPECT_TRUE(lex.Longest(toks, 2));
}

TEST(ActorLexicon, RejectsUnknownType) {
  ActorLexicon lex;
  Status st = lex.AddOrganizations("Foo\tMartian\t\t\t-\t-\n", "o.tsv");
  EXPECT_FALSE(st.ok());
}

TEST(VerbLexicon, ChecksFormsAndCameoCodes) {
  VerbLexicon verbs;
  ASSERT_TRUE(verbs.AddCameo("code\tname\tgoldstein\n040\tConsult\t1.0\n", "cameo.tsv").ok());
  EXPECT_FALSE(verbs.AddPatterns("meet|meets|met\t-\t-\tmeet\t040\t-\n", "v.tsv").ok());
  EXPECT_FALSE(verbs.AddPatterns("meet|meets|met|met|meeting\t-\t-\tmeet\t999\t-\n", "v.tsv").ok());
  ASSERT_TRUE(
      verbs.AddPatterns("meet|meets|met|met|meeting\t-\t-|with\tmeet\t040\tsymmetric\n", "v.tsv")
          .ok());
  const auto& found = verbs.Lookup("Met");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].Is(VerbForm::kPast));
  EXPECT_TRUE(found[0].Is(VerbForm::kPastParticiple));
  EXPECT_EQ(verbs.pattern(found[0].pattern).preps.size(), 2u);
  ASSERT_NE(verbs.Cameo("040"), nullptr);
  EXPECT_DOUBLE_EQ(verbs.Cameo("040")->goldstein, 1.0);
}

TEST(Resources, BuiltInLexiconsLoadAndAMissingDirectoryIsAnError) {
  auto res = LoadResources("");
  ASSERT_TRUE(res.ok()) << res.status().message();
  EXPECT_GT(res.value()->actors.size(), 200u);
  auto missing = LoadResources("/nonexistent/lexicon");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/lexicon"), std::string::npos);
}

}  // namespace
}  // namespace polgraph::extract::lexicon
