// NlpPipeline pieces that need no trained models: CoNLL-U output of an analysed
// sentence and where the models are looked for.
#include "extract/nlp/pipeline.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/nlp/tokenizer.h"

namespace polgraph::extract::nlp {
namespace {

AnalyzedSentence Analysed(std::string_view text) {
  AnalyzedSentence s;
  s.start = 0;
  s.end = text.size();
  for (const Token& t : Tokenize(text)) {
    s.words.push_back(AnalyzedWord{.token = t,
                                   .upos = "X",
                                   .xpos = "FW",
                                   .lemma = std::string(t.text),
                                   .head = s.words.empty() ? 0 : 1,
                                   .deprel = s.words.empty() ? "root" : "dep",
                                   .name = "O"});
  }
  return s;
}

TEST(ToConllu, MarksTokensWithoutSpaceAfterAndKeepsTheText) {
  const std::string text = "Kim's aide said \"no\".\nThen";
  AnalyzedSentence s = Analysed(std::string_view(text).substr(0, 21));
  ConlluSentence c = ToConllu(s, text);
  ASSERT_EQ(c.words.size(), 8u);  // Kim 's aide said " no " .
  EXPECT_EQ(c.words[0].form, "Kim");
  EXPECT_EQ(c.words[0].misc, "SpaceAfter=No");  // Kim|'s
  EXPECT_EQ(c.words[1].misc, "");
  EXPECT_EQ(c.words[4].misc, "SpaceAfter=No");  // "|no
  EXPECT_EQ(c.words[6].misc, "SpaceAfter=No");  // "|.
  EXPECT_EQ(c.words[7].misc, "");               // a newline follows the last token
  EXPECT_EQ(c.words[0].head, 0);
  EXPECT_EQ(c.words[0].deprel, "root");
  bool has_text = false, has_id = false;
  for (const std::string& comment : c.comments) {
    has_text |= comment == " text = Kim's aide said \"no\".";
    has_id |= comment.rfind(" sent_id = ", 0) == 0;
  }
  EXPECT_TRUE(has_text);
  EXPECT_TRUE(has_id);
}

TEST(ToConllu, TextCommentIsOneLine) {
  const std::string text = "Two\nlines";
  ConlluSentence c = ToConllu(Analysed(text), text);
  for (const std::string& comment : c.comments) {
    EXPECT_EQ(comment.find('\n'), std::string::npos);
  }
  EXPECT_EQ(c.words.back().misc, "");  // the text ends after the last token
}

TEST(DefaultModelsDir, PrefersPolgraphModelsWhenItHasBothFiles) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "polgraph_pipeline_test_models";
  fs::create_directories(dir);
  std::ofstream(dir / "tagger.pgm") << "x";
  std::ofstream(dir / "parser.pgm") << "x";
  ASSERT_EQ(setenv("POLGRAPH_MODELS", dir.c_str(), 1), 0);
  EXPECT_EQ(DefaultModelsDir(), dir.string());
  fs::remove(dir / "parser.pgm");
  EXPECT_NE(DefaultModelsDir(), dir.string());  // only one of the two files
  unsetenv("POLGRAPH_MODELS");
  fs::remove_all(dir);
}

TEST(NlpPipeline, LoadNamesTheMissingModel) {
  Result<std::unique_ptr<NlpPipeline>> p = NlpPipeline::Load("/nonexistent/polgraph/models");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("/nonexistent/polgraph/models/tagger.pgm"), std::string::npos)
      << p.status().message();
}

}  // namespace
}  // namespace polgraph::extract::nlp
