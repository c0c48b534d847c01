// The dependency parser: trees for any input, reproducible training, model file
// errors, `polgraph eval-parser` scoring, and what the shipped models make of
// sentences written for these tests.
#include "extract/nlp/parser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../cli/run.h"
#include "extract/nlp/conllu.h"
#include "extract/nlp/model_file.h"
#include "extract/nlp/pipeline.h"

namespace polgraph::extract::nlp {
namespace {

using testing_cli::RunPolgraph;
using testing_cli::ScratchDir;
using testing_cli::WriteFile;

// One word of the invented treebank: form, UPOS, XPOS, head, relation.
struct Row {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
};

std::string ToConlluText(const std::vector<std::vector<Row>>& sentences) {
  std::string out;
  for (const auto& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      out += std::to_string(i + 1) + "\t" + s[i].form + "\t_\t" + s[i].upos + "\t" + s[i].xpos +
             "\t_\t" + std::to_string(s[i].head) + "\t" + s[i].deprel + "\t_\t_\n";
    }
    out += "\n";
  }
  return out;
}

// A few sentences written for this test, one of them non-projective (the
// "hearing ... on the issue" arc crosses "is scheduled").
const std::vector<std::vector<Row>> kTinyTreebank = {
    {{"The", "DET", "DT", 2, "det"},
     {"minister", "NOUN", "NN", 3, "nsubj"},
     {"signed", "VERB", "VBD", 0, "root"},
     {"the", "DET", "DT", 5, "det"},
     {"treaty", "NOUN", "NN", 3, "obj"},
     {".", "PUNCT", ".", 3, "punct"}},
    {{"Russia", "PROPN", "NNP", 2, "nsubj"},
     {"condemned", "VERB", "VBD", 0, "root"},
     {"the", "DET", "DT", 4, "det"},
     {"sanctions", "NOUN", "NNS", 2, "obj"},
     {".", "PUNCT", ".", 2, "punct"}},
    {{"The", "DET", "DT", 2, "det"},
     {"talks", "NOUN", "NNS", 4, "nsubj:pass"},
     {"were", "AUX", "VBD", 4, "aux:pass"},
     {"held", "VERB", "VBN", 0, "root"},
     {"in", "ADP", "IN", 6, "case"},
     {"Geneva", "PROPN", "NNP", 4, "obl"},
     {".", "PUNCT", ".", 4, "punct"}},
    {{"France", "PROPN", "NNP", 4, "nsubj"},
     {"and", "CCONJ", "CC", 3, "cc"},
     {"Germany", "PROPN", "NNP", 1, "conj"},
     {"criticized", "VERB", "VBD", 0, "root"},
     {"the", "DET", "DT", 6, "det"},
     {"plan", "NOUN", "NN", 4, "obj"},
     {".", "PUNCT", ".", 4, "punct"}},
    {{"Officials", "NOUN", "NNS", 2, "nsubj"},
     {"said", "VERB", "VBD", 0, "root"},
     {"the", "DET", "DT", 4, "det"},
     {"army", "NOUN", "NN", 5, "nsubj"},
     {"attacked", "VERB", "VBD", 2, "ccomp"},
     {"the", "DET", "DT", 7, "det"},
     {"city", "NOUN", "NN", 5, "obj"},
     {".", "PUNCT", ".", 2, "punct"}},
    {{"A", "DET", "DT", 2, "det"},
     {"hearing", "NOUN", "NN", 4, "nsubj:pass"},
     {"is", "AUX", "VBZ", 4, "aux:pass"},
     {"scheduled", "VERB", "VBN", 0, "root"},
     {"on", "ADP", "IN", 7, "case"},
     {"the", "DET", "DT", 7, "det"},
     {"issue", "NOUN", "NN", 2, "nmod"},
     {"today", "NOUN", "NN", 4, "obl:tmod"},
     {".", "PUNCT", ".", 4, "punct"}},
};

std::vector<ConlluSentence> TinyTreebank() {
  std::istringstream in(ToConlluText(kTinyTreebank));
  Result<std::vector<ConlluSentence>> r = ReadConllu(in, "tiny");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : std::vector<ConlluSentence>();
}

std::unique_ptr<Parser> TrainTiny(uint64_t seed) {
  ParserTrainOptions options;
  options.epochs = 10;
  options.seed = seed;
  std::vector<ConlluSentence> train = TinyTreebank();
  Result<std::unique_ptr<Parser>> p = Parser::Train(train, train, options, nullptr);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? std::move(p).value() : nullptr;
}

std::vector<ParserWord> Words(const ConlluSentence& s) {
  std::vector<ParserWord> w;
  for (const ConlluWord& x : s.words) w.push_back({x.form, "", x.upos, x.xpos});
  return w;
}

// Every word has a head in range, exactly one word hangs from the root, and
// following heads from any word reaches the root (no cycles).
void ExpectTree(const std::vector<Dependency>& deps) {
  const int n = static_cast<int>(deps.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    ASSERT_GE(deps[i].head, 0);
    ASSERT_LE(deps[i].head, n);
    ASSERT_NE(deps[i].head, i + 1) << "word " << i + 1 << " is its own head";
    EXPECT_FALSE(deps[i].deprel.empty());
    if (deps[i].head == 0) {
      ++roots;
      EXPECT_EQ(deps[i].deprel, "root");
    } else {
      EXPECT_NE(deps[i].deprel, "root");
    }
    int steps = 0;
    for (int h = i + 1; h != 0; h = deps[h - 1].head) ASSERT_LE(++steps, n) << "cycle";
  }
  EXPECT_EQ(roots, n == 0 ? 0 : 1);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

TEST(ParserTest, LearnsATinyTreebankAndAlwaysOutputsATree) {
  std::unique_ptr<Parser> parser = TrainTiny(1);
  ASSERT_NE(parser, nullptr);
  for (const ConlluSentence& s : TinyTreebank()) ExpectTree(parser->Parse(Words(s)));
  const ConlluSentence first = TinyTreebank()[0];
  std::vector<Dependency> deps = parser->Parse(Words(first));
  for (size_t i = 0; i < deps.size(); ++i) {
    EXPECT_EQ(deps[i].head, first.words[i].head) << first.words[i].form;
    EXPECT_EQ(deps[i].deprel, first.words[i].deprel) << first.words[i].form;
  }

  // Random word and tag sequences, unknown words included: still one tree.
  const char* forms[] = {"the", "minister", "xqzt", ",", "and", "signed", ".", "Geneva", "in"};
  const char* tags[][2] = {{"DET", "DT"}, {"NOUN", "NN"}, {"VERB", "VBD"}, {"PUNCT", "."},
                           {"X", "ZZZ"},  {"ADP", "IN"},  {"", ""}};
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<ParserWord> words(rng() % 60);
    for (ParserWord& w : words) {
      w.form = forms[rng() % std::size(forms)];
      const auto& t = tags[rng() % std::size(tags)];
      w.upos = t[0];
      w.xpos = t[1];
    }
    std::vector<Dependency> random_deps = parser->Parse(words);
    ASSERT_EQ(random_deps.size(), words.size());
    ExpectTree(random_deps);
  }
}

TEST(ParserTest, SameSeedSameModelAndSaveLoadRoundTrip) {
  std::string dir = ScratchDir("models");
  std::unique_ptr<Parser> a = TrainTiny(3), b = TrainTiny(3);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->Save(dir + "/a.pgm").ok());
  ASSERT_TRUE(b->Save(dir + "/b.pgm").ok());
  EXPECT_EQ(ReadBytes(dir + "/a.pgm"), ReadBytes(dir + "/b.pgm"));

  Result<std::unique_ptr<Parser>> loaded = Parser::Load(dir + "/a.pgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  for (const ConlluSentence& s : TinyTreebank()) {
    std::vector<Dependency> x = a->Parse(Words(s)), y = loaded.value()->Parse(Words(s));
    ASSERT_EQ(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].head, y[i].head);
      EXPECT_EQ(x[i].deprel, y[i].deprel);
    }
  }
  // Saving what was loaded gives the same bytes again.
  ASSERT_TRUE(loaded.value()->Save(dir + "/c.pgm").ok());
  EXPECT_EQ(ReadBytes(dir + "/a.pgm"), ReadBytes(dir + "/c.pgm"));
}

TEST(ParserTest, LoadErrorsNameTheFile) {
  std::string dir = ScratchDir("errors");
  Result<std::unique_ptr<Parser>> missing = Parser::Load(dir + "/none.pgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find(dir + "/none.pgm"), std::string::npos);

  std::unique_ptr<Parser> parser = TrainTiny(1);
  ASSERT_NE(parser, nullptr);
  ASSERT_TRUE(parser->Save(dir + "/good.pgm").ok());
  std::string bytes = ReadBytes(dir + "/good.pgm");
  WriteFile(dir + "/truncated.pgm", bytes.substr(0, bytes.size() / 2));
  Result<std::unique_ptr<Parser>> truncated = Parser::Load(dir + "/truncated.pgm");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);
  EXPECT_NE(truncated.status().message().find(dir + "/truncated.pgm"), std::string::npos);

  ModelFile tagger;
  tagger.kind = "tagger";
  tagger.version = 1;
  tagger.payload = "not a parser";
  ASSERT_TRUE(WriteModelFile(dir + "/tagger.pgm", tagger).ok());
  Result<std::unique_ptr<Parser>> wrong = Parser::Load(dir + "/tagger.pgm");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find(dir + "/tagger.pgm"), std::string::npos);

  // A model of the first format version (no word clusters): refused by name.
  ModelFile old_format;
  old_format.kind = "parser";
  old_format.version = 1;
  old_format.payload = std::string(40, '\0');
  ASSERT_TRUE(WriteModelFile(dir + "/v1.pgm", old_format).ok());
  Result<std::unique_ptr<Parser>> old = Parser::Load(dir + "/v1.pgm");
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(old.status().message().find("version 1"), std::string::npos) << old.status().message();

  // A parser file whose checksum is right but whose payload is not a model.
  ModelFile junk;
  junk.kind = "parser";
  junk.version = 2;
  junk.payload = std::string(40, '\x7f');
  ASSERT_TRUE(WriteModelFile(dir + "/junk.pgm", junk).ok());
  Result<std::unique_ptr<Parser>> bad = Parser::Load(dir + "/junk.pgm");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(dir + "/junk.pgm"), std::string::npos);
}

TEST(ParserTest, ClustersAreSavedWithTheModel) {
  ParserTrainOptions options;
  options.epochs = 10;
  options.seed = 2;
  options.clusters = {{"minister", "0110"}, {"army", "0110"},      {"envoy", "0110"},
                      {"signed", "1010"},   {"condemned", "1011"}, {"attacked", "1011"}};
  std::vector<ConlluSentence> train = TinyTreebank();
  Result<std::unique_ptr<Parser>> trained = Parser::Train(train, train, options, nullptr);
  ASSERT_TRUE(trained.ok()) << trained.status().message();
  std::string dir = ScratchDir("clusters");
  ASSERT_TRUE(trained.value()->Save(dir + "/p.pgm").ok());
  Result<std::unique_ptr<Parser>> loaded = Parser::Load(dir + "/p.pgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  // "envoy" is in no training sentence, only in the cluster table.
  std::vector<ParserWord> words = {{"The", "", "DET", "DT"},
                                   {"envoy", "", "NOUN", "NN"},
                                   {"signed", "", "VERB", "VBD"},
                                   {"the", "", "DET", "DT"},
                                   {"treaty", "", "NOUN", "NN"}};
  std::vector<Dependency> x = trained.value()->Parse(words), y = loaded.value()->Parse(words);
  ExpectTree(x);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].head, y[i].head);
    EXPECT_EQ(x[i].deprel, y[i].deprel);
  }
  ASSERT_TRUE(loaded.value()->Save(dir + "/q.pgm").ok());
  EXPECT_EQ(ReadBytes(dir + "/p.pgm"), ReadBytes(dir + "/q.pgm"));

  options.clusters = {{"minister", "01x"}};
  Result<std::unique_ptr<Parser>> bad = Parser::Train(train, train, options, nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("01x"), std::string::npos) << bad.status().message();
}

TEST(ParserTest, TrainingRejectsUnusableData) {
  ParserTrainOptions options;
  EXPECT_FALSE(Parser::Train({}, {}, options, nullptr).ok());
  options.epochs = 0;
  EXPECT_FALSE(Parser::Train(TinyTreebank(), {}, options, nullptr).ok());
}

// --- Shipped models -------------------------------------------------------

std::string ModelsDir() {
  const char* env = std::getenv("POLGRAPH_MODELS");
  return env && *env ? env : std::string(POLGRAPH_DEFAULT_SOURCE_DIR) + "/models";
}

class ShippedModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string dir = ModelsDir();
    if (!std::filesystem::exists(dir + "/parser.pgm") ||
        !std::filesystem::exists(dir + "/tagger.pgm")) {
      return;
    }
    Result<std::unique_ptr<NlpPipeline>> p = NlpPipeline::Load(dir);
    if (p.ok()) pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  void SetUp() override {
    if (pipeline_ == nullptr) GTEST_SKIP() << "no loadable models in " << ModelsDir();
  }

  // Parses space-separated words; checks that the result is a tree.
  std::vector<AnalyzedWord> Parse(const std::string& sentence) {
    words_.clear();
    std::istringstream in(sentence);
    for (std::string w; in >> w;) words_.push_back(w);
    std::vector<std::string_view> views(words_.begin(), words_.end());
    std::vector<AnalyzedWord> out;
    pipeline_->AnalyzeWords(views, &out);
    std::vector<Dependency> deps;
    for (const AnalyzedWord& w : out) deps.push_back({w.head, w.deprel});
    ExpectTree(deps);
    return out;
  }
  // The word `form` is attached to `head` (0 = root) with a relation starting
  // with `rel` ("obl" accepts "obl:agent").
  void ExpectArc(const std::vector<AnalyzedWord>& out, const std::string& form,
                 const std::string& head, const std::string& rel) {
    int i = Find(form), h = head.empty() ? 0 : Find(head);
    ASSERT_GE(i, 1) << form;
    const AnalyzedWord& w = out[i - 1];
    EXPECT_EQ(w.head, h) << form << " should hang from " << head << " but hangs from "
                         << (w.head > 0 ? words_[w.head - 1] : "the root");
    EXPECT_EQ(w.deprel.compare(0, rel.size(), rel), 0)
        << form << " is " << w.deprel << ", expected " << rel;
  }
  int Find(const std::string& form) const {
    for (size_t i = 0; i < words_.size(); ++i) {
      if (words_[i] == form) return static_cast<int>(i + 1);
    }
    return -1;
  }

  static NlpPipeline* pipeline_;
  std::vector<std::string> words_;
};
NlpPipeline* ShippedModelsTest::pipeline_ = nullptr;

TEST_F(ShippedModelsTest, SubjectAndObjectOfSimpleClauses) {
  auto out = Parse("The minister signed the treaty .");
  ExpectArc(out, "minister", "signed", "nsubj");
  ExpectArc(out, "treaty", "signed", "obj");
  ExpectArc(out, "signed", "", "root");
  out = Parse("Protesters stormed the embassy on Tuesday .");
  ExpectArc(out, "Protesters", "stormed", "nsubj");
  ExpectArc(out, "embassy", "stormed", "obj");
  ExpectArc(out, "Tuesday", "stormed", "obl");
}

TEST_F(ShippedModelsTest, PassiveAgent) {
  auto out = Parse("The treaty was signed by the minister .");
  ExpectArc(out, "treaty", "signed", "nsubj:pass");
  ExpectArc(out, "was", "signed", "aux:pass");
  ExpectArc(out, "minister", "signed", "obl");
  ExpectArc(out, "by", "minister", "case");
}

TEST_F(ShippedModelsTest, RelativeClauseAttachesToItsNoun) {
  auto out = Parse("Moscow rejected the sanctions that the governments imposed .");
  ExpectArc(out, "imposed", "sanctions", "acl:relcl");
  ExpectArc(out, "governments", "imposed", "nsubj");
  ExpectArc(out, "sanctions", "rejected", "obj");
}

TEST_F(ShippedModelsTest, CoordinatedSubjects) {
  auto out = Parse("France , Germany and Italy criticized the plan .");
  ExpectArc(out, "France", "criticized", "nsubj");
  ExpectArc(out, "Germany", "France", "conj");
  ExpectArc(out, "Italy", "France", "conj");
  ExpectArc(out, "and", "Italy", "cc");
}

TEST_F(ShippedModelsTest, OneRootForLongAndOddInput) {
  Parse(
      "Officials said that the talks , which began in Geneva last week , would resume "
      "after the elections unless the ceasefire collapsed again .");
  Parse(". . . , ,");
  Parse("WAR ! ! Peace ?");
  Parse("x");
}

// --- polgraph eval-parser ---------------------------------------------------

TEST(EvalParserCommand, FileErrorsNameTheFileAndLine) {
  std::string dir = ScratchDir("eval");
  auto r = RunPolgraph("eval-parser --gold '" + dir + "/missing.conllu'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir + "/missing.conllu"), std::string::npos) << r.err;

  WriteFile(dir + "/bad.conllu", "# text = x\n1\tx\t_\tX\n");
  r = RunPolgraph("eval-parser --gold '" + dir + "/bad.conllu'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir + "/bad.conllu:2"), std::string::npos) << r.err;

  r = RunPolgraph("eval-parser");
  EXPECT_EQ(r.exit_code, 2);
  r = RunPolgraph("train parser --train x.conllu -o y.pgm --epochs 0");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(ShippedModelsTest, EvalParserScoresLikeTheConllScript) {
  // Gold = what our models predict, then edited by hand, so the expected scores
  // follow from the edits alone.
  const std::vector<std::string> sentences = {"The minister signed the treaty .",
                                              "Russia condemned the new sanctions on Monday ."};
  std::vector<ConlluSentence> gold;
  for (const std::string& text : sentences) {
    std::vector<AnalyzedWord> out = Parse(text);
    ConlluSentence s;
    for (size_t i = 0; i < out.size(); ++i) {
      ConlluWord w;
      w.form = words_[i];
      w.lemma = "_";
      w.upos = out[i].upos;
      w.xpos = out[i].xpos;
      w.feats = w.deps = w.misc = "_";
      w.head = out[i].head;
      w.deprel = out[i].deprel;
      s.words.push_back(w);
    }
    gold.push_back(s);
  }
  gold[0].comments = {" newdoc id = GUM_news_test"};
  gold[1].comments = {" newdoc id = GUM_bio_test"};
  const auto write = [&](const std::string& path) {
    std::ostringstream out;
    for (const ConlluSentence& s : gold) WriteConllu(s, out);
    WriteFile(path, out.str());
  };
  std::string dir = ScratchDir("eval");
  const std::string models = " --models '" + ModelsDir() + "'";
  write(dir + "/same.conllu");
  auto r = RunPolgraph("eval-parser --gold '" + dir + "/same.conllu'" + models);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "sentences\t2\nwords\t14\nUPOS\t100.00\nXPOS\t100.00\nUAS\t100.00\nLAS\t100.00\n");

  // Second sentence: a wrong head (counts against UAS and LAS), a wrong relation
  // (LAS only), a different subtype (no effect: LAS compares "nmod" of
  // "nmod:poss"), a wrong UPOS tag.
  ConlluSentence& s = gold[1];
  s.words[0].head = s.words[0].head == 2 ? 3 : 2;
  s.words[3].deprel = s.words[3].deprel == "dep" ? "vocative" : "dep";
  s.words[4].deprel += s.words[4].deprel.find(':') == std::string::npos ? ":test" : "";
  s.words[5].upos = s.words[5].upos == "SYM" ? "X" : "SYM";
  write(dir + "/edited.conllu");
  r = RunPolgraph("eval-parser --gold '" + dir + "/edited.conllu'" + models);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "sentences\t2\nwords\t14\nUPOS\t92.86\nXPOS\t100.00\nUAS\t92.86\nLAS\t85.71\n");

  r = RunPolgraph("eval-parser --doc-prefix GUM_news --gold '" + dir + "/edited.conllu'" + models);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "sentences\t1\nwords\t6\nUPOS\t100.00\nXPOS\t100.00\nUAS\t100.00\nLAS\t100.00\n");
}

}  // namespace
}  // namespace polgraph::extract::nlp
