// CoNLL-U reading and writing round-trips what polgraph keeps of a sentence.
#include "extract/nlp/conllu.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace polgraph::extract::nlp {
namespace {

// An invented sentence with a multiword token ("don't") and an empty node (5.1).
const char kSentence[] =
    "# sent_id = test-1\n"
    "# text = They don't meet, envoys said.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tmeet\tmeet\tVERB\tVB\t_\t7\tccomp\t7:ccomp\tSpaceAfter=No\n"
    "5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t4:punct\t_\n"
    "5.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t7:conj\t_\n"
    "6\tenvoys\tenvoy\tNOUN\tNNS\t_\t7\tnsubj\t7:nsubj\t_\n"
    "7\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t7:punct\t_\n"
    "\n";

TEST(Conllu, RoundTripKeepsMultiwordTokensAndDropsEmptyNodes) {
  std::istringstream in(kSentence);
  Result<std::vector<ConlluSentence>> read = ReadConllu(in, "test.conllu");
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 1u);
  const ConlluSentence& s = read->front();
  ASSERT_EQ(s.words.size(), 8u);
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 2);
  EXPECT_EQ(s.multiwords[0].last, 3);
  EXPECT_EQ(s.multiwords[0].form, "don't");
  EXPECT_EQ(s.words[4].form, ",");  // word 5, not the empty node 5.1
  EXPECT_EQ(s.words[6].head, 0);
  EXPECT_EQ(s.words[3].misc, "SpaceAfter=No");

  std::ostringstream out;
  WriteConllu(s, out);
  std::string expected = kSentence;
  const size_t empty = expected.find("5.1\t");
  expected.erase(empty, expected.find('\n', empty) + 1 - empty);
  EXPECT_EQ(out.str(), expected);

  // And once more: what polgraph writes reads back to the same sentence.
  std::istringstream again(out.str());
  Result<std::vector<ConlluSentence>> reread = ReadConllu(again, "again.conllu");
  ASSERT_TRUE(reread.ok());
  std::ostringstream out2;
  WriteConllu(reread->front(), out2);
  EXPECT_EQ(out2.str(), out.str());
}

TEST(Conllu, MalformedLinesNameFileAndLine) {
  std::istringstream in("# text = x\n1\tx\tx\tNOUN\n");
  Result<std::vector<ConlluSentence>> read = ReadConllu(in, "bad.conllu");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(read.status().message().find("bad.conllu:2"), std::string::npos)
      << read.status().message();
}

}  // namespace
}  // namespace polgraph::extract::nlp
