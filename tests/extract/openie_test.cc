// Open triples from dependency trees. The rules are tested on trees written by
// hand for these tests (so a parser update cannot hide a rule change), one
// construction per row, and the whole pipeline on a few sentences with the
// shipped models (skipped when models/ lacks them).
#include "extract/openie.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace polgraph::extract {
namespace {

// A sentence written as "form/UPOS/XPOS/head/deprel" words separated by spaces;
// the text is the forms joined by single spaces.
struct Tree {
  std::string text;
  nlp::AnalyzedSentence sentence;
};

std::unique_ptr<Tree> MakeTree(const std::string& spec) {
  auto tree = std::make_unique<Tree>();
  std::istringstream in(spec);
  std::string item;
  std::vector<std::vector<std::string>> fields;
  while (in >> item) {
    std::vector<std::string> f;
    size_t from = 0;
    for (int k = 0; k < 4; ++k) {
      const size_t slash = item.find('/', from == 0 ? 1 : from);  // a form may be "/"
      f.push_back(item.substr(from, slash - from));
      from = slash + 1;
    }
    f.push_back(item.substr(from));
    fields.push_back(f);
    if (!tree->text.empty()) tree->text += ' ';
    tree->text += f[0];
  }
  size_t at = 0;
  for (const auto& f : fields) {
    nlp::AnalyzedWord w;
    w.token.start = at;
    w.token.end = at + f[0].size();
    w.token.text = std::string_view(tree->text).substr(at, f[0].size());
    w.upos = f[1];
    w.xpos = f[2];
    w.lemma = f[0];
    w.head = std::stoi(f[3]);
    w.deprel = f[4];
    tree->sentence.words.push_back(w);
    at = w.token.end + 1;
  }
  tree->sentence.end = tree->text.size();
  return tree;
}

std::string Show(const OpenTriple& t) {
  std::string s = t.arg1.text + " | " + t.relation;
  for (const OpenArgument& a : t.args) s += " | " + a.text;
  return s;
}

std::string ShowAll(const std::vector<OpenTriple>& triples) {
  std::string s;
  for (const OpenTriple& t : triples) s += "  [" + Show(t) + "]\n";
  return s.empty() ? "  (none)\n" : s;
}

const OpenTriple* Find(const std::vector<OpenTriple>& triples, const std::string& arg1,
                       const std::string& relation, const std::string& arg2) {
  for (const OpenTriple& t : triples) {
    if (t.arg1.text == arg1 && t.relation == relation && !t.args.empty() && t.args[0].text == arg2)
      return &t;
  }
  return nullptr;
}

struct Row {
  const char* construction;
  const char* tree;
  const char* arg1;
  const char* relation;
  const char* arg2;
};

const Row kRows[] = {
    {"subject verb object",
     "The/DET/DT/2/det party/NOUN/NN/3/nsubj took/VERB/VBD/0/root a/DET/DT/5/det "
     "loan/NOUN/NN/3/obj ./PUNCT/./3/punct",
     "The party", "took", "a loan"},
    {"passive with agent",
     "He/PRON/PRP/3/nsubj:pass was/AUX/VBD/3/aux:pass elected/VERB/VBN/0/root by/ADP/IN/5/case "
     "voters/NOUN/NNS/3/obl:agent",
     "He", "was elected by", "voters"},
    {"oblique without object folds its preposition",
     "She/PRON/PRP/2/nsubj lives/VERB/VBZ/0/root in/ADP/IN/4/case Paris/PROPN/NNP/2/obl", "She",
     "lives in", "Paris"},
    {"negation",
     "She/PRON/PRP/4/nsubj did/AUX/VBD/4/aux not/PART/RB/4/advmod sign/VERB/VB/0/root "
     "the/DET/DT/6/det treaty/NOUN/NN/4/obj",
     "She", "did not sign", "the treaty"},
    {"particle",
     "Rebels/NOUN/NNS/2/nsubj gave/VERB/VBD/0/root up/ADP/RP/2/compound:prt "
     "their/PRON/PRP$/5/nmod:poss "
     "arms/NOUN/NNS/2/obj",
     "Rebels", "gave up", "their arms"},
    {"xcomp chain",
     "The/DET/DT/2/det minister/NOUN/NN/3/nsubj wants/VERB/VBZ/0/root to/PART/TO/5/mark "
     "meet/VERB/VB/3/xcomp the/DET/DT/7/det envoy/NOUN/NN/5/obj",
     "The minister", "wants to meet", "the envoy"},
    {"adjective with an infinitive",
     "He/PRON/PRP/3/nsubj was/AUX/VBD/3/cop able/ADJ/JJ/0/root to/PART/TO/5/mark "
     "control/VERB/VB/3/xcomp the/DET/DT/7/det army/NOUN/NN/5/obj",
     "He", "was able to control", "the army"},
    {"copular infinitive ends a chain",
     "The/DET/DT/2/det effect/NOUN/NN/3/nsubj continues/VERB/VBZ/0/root to/PART/TO/6/mark "
     "be/AUX/VB/6/cop influential/ADJ/JJ/3/xcomp in/ADP/IN/8/case theories/NOUN/NNS/6/obl",
     "The effect", "continues to be influential in", "theories"},
    {"copula with a noun",
     "Smith/PROPN/NNP/4/nsubj is/AUX/VBZ/4/cop the/DET/DT/4/det leader/NOUN/NN/0/root", "Smith",
     "is", "the leader"},
    {"copula with a prepositional phrase",
     "Smith/PROPN/NNP/4/nsubj is/AUX/VBZ/4/cop in/ADP/IN/4/case London/PROPN/NNP/0/root", "Smith",
     "is in", "London"},
    {"adjective with a prepositional object",
     "The/DET/DT/2/det region/NOUN/NN/4/nsubj is/AUX/VBZ/4/cop independent/ADJ/JJ/0/root "
     "from/ADP/IN/7/case the/DET/DT/7/det state/NOUN/NN/4/obl",
     "The region", "is independent from", "the state"},
    {"complement clause",
     "He/PRON/PRP/2/nsubj said/VERB/VBD/0/root that/SCONJ/IN/6/mark the/DET/DT/5/det "
     "party/NOUN/NN/6/nsubj won/VERB/VBD/2/ccomp",
     "He", "said that", "the party won"},
    {"relative clause, pronoun as subject",
     "Voters/NOUN/NNS/2/nsubj backed/VERB/VBD/0/root the/DET/DT/4/det party/NOUN/NN/2/obj "
     "that/PRON/WDT/6/nsubj won/VERB/VBD/4/acl:relcl the/DET/DT/8/det election/NOUN/NN/6/obj",
     "the party", "won", "the election"},
    {"relative clause, pronoun as object",
     "They/PRON/PRP/2/nsubj repaid/VERB/VBD/0/root the/DET/DT/4/det loan/NOUN/NN/2/obj "
     "which/PRON/WDT/8/obj the/DET/DT/7/det party/NOUN/NN/8/nsubj took/VERB/VBD/4/acl:relcl",
     "the party", "took", "the loan"},
    {"relative clause, pronoun after a preposition",
     "the/DET/DT/2/det city/NOUN/NN/0/root in/ADP/IN/4/case which/PRON/WDT/6/obl "
     "he/PRON/PRP/6/nsubj lived/VERB/VBD/2/acl:relcl",
     "he", "lived in", "the city"},
    {"relative clause hung on the verb still speaks of the noun before it",
     "It/PRON/PRP/2/nsubj deterred/VERB/VBD/0/root the/DET/DT/4/det Belzbergs/PROPN/NNPS/2/obj "
     ",/PUNCT/,/7/punct who/PRON/WP/7/nsubj own/VERB/VBP/2/acl:relcl a/DET/DT/9/det "
     "stake/NOUN/NN/7/obj",
     "the Belzbergs", "own", "a stake"},
    {"coordinated verbs share the subject",
     "Police/NOUN/NNS/2/nsubj arrested/VERB/VBD/0/root him/PRON/PRP/2/obj and/CCONJ/CC/5/cc "
     "charged/VERB/VBD/2/conj his/PRON/PRP$/7/nmod:poss brother/NOUN/NN/5/obj",
     "Police", "charged", "his brother"},
    {"coordinated passive verbs share the auxiliaries",
     "He/PRON/PRP/3/nsubj:pass was/AUX/VBD/3/aux:pass arrested/VERB/VBN/0/root and/CCONJ/CC/5/cc "
     "charged/VERB/VBN/3/conj with/ADP/IN/7/case fraud/NOUN/NN/5/obl",
     "He", "was charged with", "fraud"},
    {"verb coordinated inside an xcomp chain",
     "Tanks/NOUN/NNS/3/nsubj:pass are/AUX/VBP/3/aux:pass equipped/VERB/VBN/0/root "
     "to/PART/TO/5/mark "
     "change/VERB/VB/3/xcomp the/DET/DT/7/det trim/NOUN/NN/5/obj and/CCONJ/CC/9/cc "
     "modify/VERB/VB/5/conj the/DET/DT/11/det stability/NOUN/NN/9/obj",
     "Tanks", "are equipped to modify", "the stability"},
    {"fronted oblique keeps its preposition",
     "After/ADP/IN/3/case the/DET/DT/3/det battle/NOUN/NN/6/obl the/DET/DT/5/det "
     "rebels/NOUN/NNS/6/nsubj:pass surrendered/VERB/VBD/0/root",
     "the rebels", "surrendered", "After the battle"},
    {"adverb as the only second argument",
     "The/DET/DT/2/det skirts/NOUN/NNS/3/nsubj became/VERB/VBD/0/root longer/ADV/RBR/3/advmod",
     "The skirts", "became", "longer"},
    {"plural-noun tag on a verb with a subject",
     "This/PRON/DT/2/nsubj results/NOUN/NNS/0/root in/ADP/IN/4/case deaths/NOUN/NNS/2/nmod", "This",
     "results in", "deaths"},
    {"conjoined verbs side by side share the object",
     "Traders/NOUN/NNS/2/nsubj buy/VERB/VBP/0/root and/CCONJ/CC/4/cc sell/VERB/VBP/2/conj "
     "shares/NOUN/NNS/4/obj",
     "Traders", "buy", "shares"},
    {"copular clause as predicate leaves the subject out",
     "The/DET/DT/2/det problem/NOUN/NN/7/nsubj is/AUX/VBZ/7/cop that/SCONJ/IN/7/mark "
     "firms/NOUN/NNS/7/nsubj can/AUX/MD/7/aux wait/VERB/VB/0/root",
     "The problem", "is that", "firms can wait"},
    {"participle after a noun is a passive",
     "They/PRON/PRP/2/nsubj signed/VERB/VBD/0/root a/DET/DT/4/det charter/NOUN/NN/2/obj "
     "issued/VERB/VBN/4/acl by/ADP/IN/8/case the/DET/DT/8/det king/NOUN/NN/5/obl:agent",
     "a charter", "was issued by", "the king"},
    {"participial adjunct of the subject",
     "They/PRON/PRP/2/nsubj left/VERB/VBD/0/root early/ADV/RB/2/advmod ,/PUNCT/,/5/punct "
     "taking/VERB/VBG/2/advcl the/DET/DT/7/det train/NOUN/NN/5/obj",
     "They", "were taking", "the train"},
    {"passive whose auxiliary was labelled a copula",
     "Troops/NOUN/NNS/3/nsubj were/AUX/VBD/3/cop mobilized/VERB/VBN/0/root in/ADP/IN/5/case "
     "1950/NUM/CD/3/obl",
     "Troops", "were mobilized in", "1950"},
    {"apposition",
     "Smith/PROPN/NNP/6/nsubj ,/PUNCT/,/4/punct the/DET/DT/4/det leader/NOUN/NN/1/appos "
     ",/PUNCT/,/4/punct resigned/VERB/VBD/0/root",
     "Smith", "is", "the leader"},
    {"possessive, present clause",
     "Smith/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case party/NOUN/NN/4/nsubj wins/VERB/VBZ/0/root "
     "seats/NOUN/NNS/4/obj",
     "Smith", "has", "party"},
    {"possessive, past clause",
     "Smith/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case party/NOUN/NN/4/nsubj won/VERB/VBD/0/root "
     "seats/NOUN/NNS/4/obj",
     "Smith", "had", "party"},
    {"possessive, plural owner",
     "Voters/NOUN/NNS/3/nmod:poss '/PART/POS/1/case hopes/NOUN/NNS/4/nsubj rise/VERB/VBP/0/root "
     "again/ADV/RB/4/advmod",
     "Voters", "have", "hopes"},
};

TEST(OpenTriples, OneConstructionPerRow) {
  for (const Row& row : kRows) {
    auto tree = MakeTree(row.tree);
    const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
    EXPECT_NE(Find(triples, row.arg1, row.relation, row.arg2), nullptr)
        << row.construction << ": expected [" << row.arg1 << " | " << row.relation << " | "
        << row.arg2 << "] in\n"
        << ShowAll(triples);
  }
}

TEST(OpenTriples, FlagsNegationAndHypotheticals) {
  auto negated = MakeTree(kRows[3].tree);
  const auto t1 = ExtractOpenTriples(negated->sentence, negated->text);
  ASSERT_EQ(t1.size(), 1u) << ShowAll(t1);
  EXPECT_TRUE(t1[0].negated);
  EXPECT_FALSE(t1[0].hypothetical);

  auto modal = MakeTree(
      "They/PRON/PRP/3/nsubj could/AUX/MD/3/aux join/VERB/VB/0/root the/DET/DT/5/det "
      "coalition/NOUN/NN/3/obj");
  const auto t2 = ExtractOpenTriples(modal->sentence, modal->text);
  ASSERT_EQ(t2.size(), 1u) << ShowAll(t2);
  EXPECT_EQ(t2[0].relation, "could join");
  EXPECT_TRUE(t2[0].hypothetical);
  EXPECT_FALSE(t2[0].negated);

  auto future = MakeTree(
      "They/PRON/PRP/3/nsubj will/AUX/MD/3/aux join/VERB/VB/0/root the/DET/DT/5/det "
      "coalition/NOUN/NN/3/obj");
  const auto t3 = ExtractOpenTriples(future->sentence, future->text);
  ASSERT_EQ(t3.size(), 1u) << ShowAll(t3);
  EXPECT_FALSE(t3[0].hypothetical);

  auto condition = MakeTree(
      "If/SCONJ/IN/3/mark they/PRON/PRP/3/nsubj join/VERB/VBP/6/advcl the/DET/DT/5/det "
      "coalition/NOUN/NN/3/obj it/PRON/PRP/7/nsubj falls/VERB/VBZ/0/root");
  const auto t4 = ExtractOpenTriples(condition->sentence, condition->text);
  const OpenTriple* join = Find(t4, "they", "join", "the coalition");
  ASSERT_NE(join, nullptr) << ShowAll(t4);
  EXPECT_TRUE(join->hypothetical);
}

TEST(OpenTriples, ObliquesFollowTheObject) {
  auto tree = MakeTree(
      "In/ADP/IN/2/case 2006/NUM/CD/4/obl Hezbollah/PROPN/NNP/4/nsubj launched/VERB/VBD/0/root "
      "attacks/NOUN/NNS/4/obj into/ADP/IN/7/case Israel/PROPN/NNP/4/obl");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  const OpenTriple* t = Find(triples, "Hezbollah", "launched", "attacks");
  ASSERT_NE(t, nullptr) << ShowAll(triples);
  ASSERT_EQ(t->args.size(), 3u) << Show(*t);
  // Obliques after the verb first, then fronted ones, each with its preposition.
  EXPECT_EQ(t->args[1].text, "into Israel");
  EXPECT_EQ(t->args[2].text, "In 2006");
}

TEST(OpenTriples, CoordinatedArgumentsRankBelowTheWhole) {
  auto tree = MakeTree(
      "The/DET/DT/2/det party/NOUN/NN/3/nsubj won/VERB/VBD/0/root seats/NOUN/NNS/3/obj "
      "and/CCONJ/CC/6/cc votes/NOUN/NNS/4/conj");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  const OpenTriple* whole = Find(triples, "The party", "won", "seats and votes");
  const OpenTriple* first = Find(triples, "The party", "won", "seats");
  const OpenTriple* second = Find(triples, "The party", "won", "votes");
  ASSERT_TRUE(whole && first && second) << ShowAll(triples);
  EXPECT_GT(whole->confidence, first->confidence);
  EXPECT_GT(whole->confidence, second->confidence);
}

TEST(OpenTriples, ByteSpansPointIntoTheText) {
  auto tree = MakeTree(kRows[0].tree);
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  ASSERT_EQ(triples.size(), 1u) << ShowAll(triples);
  const OpenTriple& t = triples[0];
  EXPECT_EQ(tree->text.substr(t.arg1.start, t.arg1.end - t.arg1.start), "The party");
  EXPECT_EQ(tree->text.substr(t.args[0].start, t.args[0].end - t.args[0].start), "a loan");
  EXPECT_GT(t.confidence, 0.0);
  EXPECT_LE(t.confidence, 1.0);
}

// Sentences that must give no triple at all.
TEST(OpenTriples, NothingWithoutSubjectOrSecondArgument) {
  const char* kNone[] = {
      // empty sentence
      "",
      // imperative: no subject
      "Sign/VERB/VB/0/root the/DET/DT/3/det treaty/NOUN/NN/1/obj",
      // intransitive, no second argument
      "He/PRON/PRP/2/nsubj resigned/VERB/VBD/0/root ./PUNCT/./2/punct",
      // a participle used as an adjective is no predicate
      "the/DET/DT/3/det elected/VERB/VBN/3/amod president/NOUN/NN/0/root",
      // a possessive pronoun owns nothing worth a triple
      "his/PRON/PRP$/2/nmod:poss party/NOUN/NN/0/root",
  };
  for (const char* spec : kNone) {
    auto tree = MakeTree(spec);
    const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
    EXPECT_TRUE(triples.empty()) << "for \"" << tree->text << "\":\n" << ShowAll(triples);
  }
}

TEST(OpenTriples, PassiveVerbBorrowsNoObject) {
  auto tree = MakeTree(
      "It/PRON/PRP/4/nsubj:pass was/AUX/VBD/4/aux:pass never/ADV/RB/4/advmod "
      "vaulted/VERB/VBN/0/root and/CCONJ/CC/6/cc retains/VERB/VBZ/4/conj a/DET/DT/8/det "
      "ceiling/NOUN/NN/6/obj");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  EXPECT_NE(Find(triples, "It", "retains", "a ceiling"), nullptr) << ShowAll(triples);
  EXPECT_EQ(Find(triples, "It", "was never vaulted", "a ceiling"), nullptr) << ShowAll(triples);
}

TEST(OpenTriples, AppositionNeedsPunctuation) {
  // "President Smith" misparsed as an apposition: no "is" triple without a comma.
  auto tree =
      MakeTree("President/PROPN/NNP/3/nsubj Smith/PROPN/NNP/1/appos resigned/VERB/VBD/0/root");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  EXPECT_TRUE(triples.empty()) << ShowAll(triples);
}

TEST(OpenTriples, SurvivesMalformedHeads) {
  // Heads out of range or pointing at the word itself are treated as roots.
  auto tree =
      MakeTree("He/PRON/PRP/9/nsubj took/VERB/VBD/2/root a/DET/DT/4/det loan/NOUN/NN/-3/obj");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  EXPECT_TRUE(triples.empty()) << ShowAll(triples);
  // A cycle (obj <-> det) must not hang the argument walk.
  auto cycle =
      MakeTree("He/PRON/PRP/2/nsubj took/VERB/VBD/0/root a/DET/DT/4/det loan/NOUN/NN/3/obj");
  cycle->sentence.words[3].head = 3;
  const auto cyclic = ExtractOpenTriples(cycle->sentence, cycle->text);
  EXPECT_LE(cyclic.size(), 1u) << ShowAll(cyclic);
}

TEST(OpenTriples, QuotesStayPaired) {
  auto tree = MakeTree(
      "They/PRON/PRP/2/nsubj lost/VERB/VBD/0/root on/ADP/IN/5/case ``/PUNCT/``/5/punct "
      "Velocity/PROPN/NNP/2/obl ''/PUNCT/''/5/punct");
  const auto triples = ExtractOpenTriples(tree->sentence, tree->text);
  EXPECT_NE(Find(triples, "They", "lost on", "`` Velocity ''"), nullptr) << ShowAll(triples);
}

// The whole pipeline: tokenizer, tagger, parser and these rules.
class OpenTriplesPipelineTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = nlp::DefaultModelsDir();
    if (dir.empty()) return;
    auto loaded = nlp::NlpPipeline::Load(dir);
    if (loaded.ok()) pipeline_ = std::move(loaded.value()).release();
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  std::vector<OpenTriple> Run(const std::string& text) {
    std::vector<OpenTriple> out;
    for (const auto& s : pipeline_->Analyze(text)) {
      auto triples = ExtractOpenTriples(s, text);
      out.insert(out.end(), triples.begin(), triples.end());
    }
    return out;
  }
  static nlp::NlpPipeline* pipeline_;
};
nlp::NlpPipeline* OpenTriplesPipelineTest::pipeline_ = nullptr;

TEST_F(OpenTriplesPipelineTest, ObjectNeedNotBeAnActor) {
  if (!pipeline_) GTEST_SKIP() << "no models/ with tagger.pgm and parser.pgm";
  const std::string text = "The National Front took a $9.7 million loan from a Russian bank.";
  const auto triples = Run(text);
  const bool found = std::any_of(triples.begin(), triples.end(), [&](const OpenTriple& t) {
    return t.arg1.text == "The National Front" && t.relation.find("took") != std::string::npos &&
           !t.args.empty() && t.args[0].text.find("loan") != std::string::npos;
  });
  EXPECT_TRUE(found) << ShowAll(triples);
  for (const OpenTriple& t : triples) {
    // Spans of the original text, which here has no gaps inside an argument.
    EXPECT_EQ(text.substr(t.arg1.start, t.arg1.end - t.arg1.start), t.arg1.text);
  }
}

TEST_F(OpenTriplesPipelineTest, PassiveAndNegation) {
  if (!pipeline_) GTEST_SKIP() << "no models/ with tagger.pgm and parser.pgm";
  const auto passive = Run("The mayor was elected by the council.");
  EXPECT_NE(Find(passive, "The mayor", "was elected by", "the council"), nullptr)
      << ShowAll(passive);
  const auto negated = Run("The senator did not support the bill.");
  const OpenTriple* t = Find(negated, "The senator", "did not support", "the bill");
  ASSERT_NE(t, nullptr) << ShowAll(negated);
  EXPECT_TRUE(t->negated);
}

}  // namespace
}  // namespace polgraph::extract
