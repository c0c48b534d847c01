// Tagger: learns from a tiny invented treebank, tags a held-out sentence
// sensibly, is deterministic given its seed, and round-trips through its file;
// model files that are missing, cut short, of another kind or damaged are
// refused with an error naming the file.
#include "extract/nlp/tagger.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/nlp/model_file.h"

namespace polgraph::extract::nlp {
namespace {

// Sentences written for the test as word/UPOS/XPOS triples.
const char* const kCorpus[] = {
    "The/DET/DT minister/NOUN/NN met/VERB/VBD the/DET/DT envoy/NOUN/NN ./PUNCT/.",
    "Russia/PROPN/NNP imposed/VERB/VBD new/ADJ/JJ sanctions/NOUN/NNS on/ADP/IN Ukraine/PROPN/NNP "
    "./PUNCT/.",
    "The/DET/DT envoy/NOUN/NN visited/VERB/VBD Moscow/PROPN/NNP yesterday/NOUN/NN ./PUNCT/.",
    "Officials/NOUN/NNS said/VERB/VBD the/DET/DT talks/NOUN/NNS failed/VERB/VBD ./PUNCT/.",
    "She/PRON/PRP has/AUX/VBZ signed/VERB/VBN the/DET/DT treaty/NOUN/NN ./PUNCT/.",
    "The/DET/DT government/NOUN/NN will/AUX/MD sanction/VERB/VB the/DET/DT banks/NOUN/NNS "
    "./PUNCT/.",
    "France/PROPN/NNP and/CCONJ/CC Germany/PROPN/NNP criticized/VERB/VBD the/DET/DT new/ADJ/JJ "
    "law/NOUN/NN ./PUNCT/.",
    "He/PRON/PRP met/VERB/VBD the/DET/DT president/NOUN/NN in/ADP/IN Paris/PROPN/NNP ./PUNCT/.",
    "The/DET/DT talks/NOUN/NNS were/AUX/VBD long/ADJ/JJ and/CCONJ/CC difficult/ADJ/JJ ./PUNCT/.",
    "Ministers/NOUN/NNS visited/VERB/VBD Berlin/PROPN/NNP on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
    "The/DET/DT president/NOUN/NN signed/VERB/VBD a/DET/DT new/ADJ/JJ treaty/NOUN/NN ./PUNCT/.",
    "They/PRON/PRP will/AUX/MD visit/VERB/VB the/DET/DT minister/NOUN/NN ./PUNCT/.",
};

// Sentences from lines of word/UPOS/XPOS triples.
template <size_t N>
std::vector<ConlluSentence> Parse(const char* const (&lines)[N]) {
  std::vector<ConlluSentence> out;
  for (const char* line : lines) {
    ConlluSentence s;
    std::istringstream in(line);
    std::string item;
    while (in >> item) {
      const size_t a = item.find('/'), b = item.find('/', a + 1);
      ConlluWord w;
      w.form = item.substr(0, a);
      w.upos = item.substr(a + 1, b - a - 1);
      w.xpos = item.substr(b + 1);
      s.words.push_back(w);
    }
    out.push_back(s);
  }
  return out;
}

std::vector<ConlluSentence> Corpus() { return Parse(kCorpus); }

std::unique_ptr<Tagger> Train(uint64_t seed) {
  TaggerTrainOptions options;
  options.epochs = 8;
  options.seed = seed;
  Result<std::unique_ptr<Tagger>> t = Tagger::Train(Corpus(), {}, options, nullptr);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return std::move(t).value();
}

// A sentence of known words in a new order.
const std::vector<std::string_view> kHeldOut = {"The",      "president", "visited", "the",
                                                "minister", "in",        "Berlin",  "."};

std::string TempPath(const std::string& name) {
  // The pid keeps tests that ctest runs in parallel (and other checkouts) apart.
  return (std::filesystem::temp_directory_path() /
          ("polgraph_tagger_test_" + std::to_string(getpid()) + "_" + name))
      .string();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

TEST(Tagger, TagsAHeldOutSentenceSensibly) {
  std::unique_ptr<Tagger> tagger = Train(1);
  const std::vector<PosTag> tags = tagger->Tag(kHeldOut);
  ASSERT_EQ(tags.size(), kHeldOut.size());
  const std::vector<std::string> want = {"DET",  "NOUN", "VERB",  "DET",
                                         "NOUN", "ADP",  "PROPN", "PUNCT"};
  int right = 0;
  for (size_t i = 0; i < tags.size(); ++i) right += tags[i].upos == want[i];
  EXPECT_GE(right, 7) << "UPOS right for " << right << " of 8 words";
  EXPECT_EQ(tags[0].xpos, "DT");
  EXPECT_EQ(tags[1].xpos, "NN");
  EXPECT_EQ(tags[7].xpos, ".");
}

// Trained on BIO name labels (models/ner.pgm), a tag "I-X" only continues a
// name of type X: a word learned as the inside of names cannot start one.
TEST(Tagger, NameLabelsContinueOnlyANameOfTheirType) {
  const char* const kNames[] = {
      "Ilse/B-PER/B-PER Varga/I-PER/I-PER met/O/O the/O/O envoy/O/O ./O/O",
      "Tomas/B-PER/B-PER Varga/I-PER/I-PER visited/O/O Oslo/B-LOC/B-LOC ./O/O",
      "Anna/B-PER/B-PER Varga/I-PER/I-PER left/O/O Bergen/B-LOC/B-LOC ./O/O",
      "The/O/O Varga/B-ORG/B-ORG Group/I-ORG/I-ORG met/O/O Ilse/B-PER/B-PER Varga/I-PER/I-PER "
      "./O/O",
  };
  const std::vector<ConlluSentence> corpus = Parse(kNames);
  TaggerTrainOptions options;
  options.epochs = 8;
  Result<std::unique_ptr<Tagger>> t = Tagger::Train(corpus, {}, options, nullptr);
  ASSERT_TRUE(t.ok()) << t.status().message();
  for (const std::vector<std::string_view>& words :
       {std::vector<std::string_view>{"Varga", "met", "the", "envoy", "."},
        std::vector<std::string_view>{"the", "Varga", "Varga", "Group", "left", "."}}) {
    const std::vector<PosTag> tags = t.value()->Tag(words);
    std::string prev = "O";
    for (size_t i = 0; i < tags.size(); ++i) {
      const std::string& tag = tags[i].upos;
      if (tag.rfind("I-", 0) == 0) {
        EXPECT_TRUE(prev == "B-" + tag.substr(2) || prev == tag)
            << words[i] << " tagged " << tag << " after " << prev;
      }
      prev = tag;
    }
  }
}

// A gazetteer tells the tagger what an unseen word is: in training, words of
// class G1 are tagged AAA and words of class G2 BBB, in the same contexts; two
// unseen words of the same shape get the tag of their class. The table travels
// with the model file.
TEST(Tagger, GazetteerClassesTagUnseenWordsAndAreSaved) {
  const char* const kG1[] = {"zorp", "blick", "frum", "gant", "hesk", "jorl", "kwim", "lusp"};
  const char* const kG2[] = {"quib", "snarf", "plom", "rask", "tund", "vosh", "welk", "yarp"};
  std::vector<ConlluSentence> corpus;
  std::vector<std::pair<std::string, std::string>> gazetteer = {{"wuzz", "G1"}, {"yorn", "G2"}};
  for (int g = 0; g < 2; ++g) {
    for (const char* word : g == 0 ? kG1 : kG2) {
      gazetteer.emplace_back(word, g == 0 ? "G1" : "G2");
      ConlluSentence s;
      for (const char* form : {"the", word, "left", "."}) {
        ConlluWord w;
        w.form = form;
        w.upos = w.xpos = form == word ? (g == 0 ? "AAA" : "BBB") : "O";
        s.words.push_back(w);
      }
      corpus.push_back(s);
    }
  }
  TaggerTrainOptions options;
  options.epochs = 8;
  options.gazetteer = gazetteer;
  Result<std::unique_ptr<Tagger>> tagger = Tagger::Train(corpus, {}, options, nullptr);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  const std::string path = TempPath("gazetteer.pgm");
  ASSERT_TRUE(tagger.value()->Save(path).ok());
  Result<std::unique_ptr<Tagger>> loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded.value()->Tag({"the", "wuzz", "left", "."})[1].upos, "AAA");
  EXPECT_EQ(loaded.value()->Tag({"the", "yorn", "left", "."})[1].upos, "BBB");
  const std::string again = TempPath("gazetteer2.pgm");
  ASSERT_TRUE(loaded.value()->Save(again).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again));
  std::remove(path.c_str());
  std::remove(again.c_str());
}

TEST(Tagger, EmptySentenceHasNoTags) { EXPECT_TRUE(Train(1)->Tag({}).empty()); }

TEST(Tagger, SameSeedGivesTheSameModelFile) {
  const std::string a = TempPath("seed_a.pgm"), b = TempPath("seed_b.pgm");
  ASSERT_TRUE(Train(7)->Save(a).ok());
  ASSERT_TRUE(Train(7)->Save(b).ok());
  EXPECT_EQ(ReadBytes(a), ReadBytes(b));
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST(Tagger, SaveLoadRoundTripKeepsPredictions) {
  std::unique_ptr<Tagger> tagger = Train(3);
  const std::string path = TempPath("roundtrip.pgm");
  ASSERT_TRUE(tagger->Save(path).ok());
  Result<std::unique_ptr<Tagger>> loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  for (const ConlluSentence& s : Corpus()) {
    std::vector<std::string_view> words;
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    const std::vector<PosTag> want = tagger->Tag(words), got = loaded.value()->Tag(words);
    ASSERT_EQ(want.size(), got.size());
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(want[i].upos, got[i].upos);
      EXPECT_EQ(want[i].xpos, got[i].xpos);
    }
  }
  // Saving the loaded model writes the same bytes.
  const std::string again = TempPath("roundtrip2.pgm");
  ASSERT_TRUE(loaded.value()->Save(again).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again));
  std::remove(path.c_str());
  std::remove(again.c_str());
}

TEST(Tagger, ClustersAreSavedWithTheModel) {
  TaggerTrainOptions options;
  options.epochs = 8;
  options.seed = 4;
  options.clusters = {{"president", "0110"},
                      {"minister", "0110"},
                      {"envoy", "0110"},
                      {"visited", "1010"},
                      {"berlin", "1110"}};
  Result<std::unique_ptr<Tagger>> tagger = Tagger::Train(Corpus(), {}, options, nullptr);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  const std::string path = TempPath("clusters.pgm");
  ASSERT_TRUE(tagger.value()->Save(path).ok());
  Result<std::unique_ptr<Tagger>> loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  // "envoy" is in no training sentence, only in the cluster table.
  const std::vector<std::string_view> words = {"The", "envoy", "visited", "Berlin", "."};
  const std::vector<PosTag> want = tagger.value()->Tag(words), got = loaded.value()->Tag(words);
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(want[i].xpos, got[i].xpos);
  const std::string again = TempPath("clusters2.pgm");
  ASSERT_TRUE(loaded.value()->Save(again).ok());
  EXPECT_EQ(ReadBytes(path), ReadBytes(again));
  std::remove(path.c_str());
  std::remove(again.c_str());

  options.clusters = {{"envoy", ""}};
  EXPECT_FALSE(Tagger::Train(Corpus(), {}, options, nullptr).ok());
}

TEST(Tagger, TrainingRefusesWordsWithoutTags) {
  std::vector<ConlluSentence> corpus = Corpus();
  corpus[0].words[1].upos = "_";
  Result<std::unique_ptr<Tagger>> t = Tagger::Train(corpus, {}, {}, nullptr);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
}

class TaggerLoadErrors : public testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath("errors.pgm");
    ASSERT_TRUE(Train(1)->Save(path_).ok());
    bytes_ = ReadBytes(path_);
  }
  void TearDown() override { std::remove(path_.c_str()); }
  // Loads `bytes` from the test's file and expects an error naming it.
  Status LoadBroken(const std::string& bytes) {
    WriteBytes(path_, bytes);
    Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_);
    EXPECT_FALSE(t.ok());
    if (t.ok()) return Status::Ok();
    EXPECT_NE(t.status().message().find(path_), std::string::npos) << t.status().message();
    return t.status();
  }
  std::string path_, bytes_;
};

TEST_F(TaggerLoadErrors, MissingFile) {
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_ + ".absent");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kNotFound);
  EXPECT_NE(t.status().message().find(path_ + ".absent"), std::string::npos);
}

TEST_F(TaggerLoadErrors, TruncatedFile) {
  EXPECT_EQ(LoadBroken(bytes_.substr(0, bytes_.size() / 2)).code(), Status::Code::kCorruption);
  EXPECT_EQ(LoadBroken(bytes_.substr(0, 10)).code(), Status::Code::kCorruption);
  EXPECT_EQ(LoadBroken("").code(), Status::Code::kCorruption);
}

TEST_F(TaggerLoadErrors, NotAModelFile) {
  EXPECT_EQ(LoadBroken("The minister met the envoy.\n").code(), Status::Code::kCorruption);
}

TEST_F(TaggerLoadErrors, ModelOfAnotherKind) {
  Result<ModelFile> file = ParseModelFile(bytes_, path_, "tagger", 3);
  ASSERT_TRUE(file.ok());
  ModelFile other = file.value();
  other.kind = "parser";
  ASSERT_TRUE(WriteModelFile(path_, other).ok());
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("parser"), std::string::npos) << t.status().message();
}

TEST_F(TaggerLoadErrors, FlippedByteFailsTheChecksum) {
  std::string damaged = bytes_;
  damaged[damaged.size() - 3] = static_cast<char>(damaged[damaged.size() - 3] ^ 0x40);
  const Status s = LoadBroken(damaged);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("checksum"), std::string::npos) << s.message();
}

TEST_F(TaggerLoadErrors, InconsistentPayloadWithAValidChecksum) {
  ModelFile file;
  file.kind = "tagger";
  file.version = 2;
  file.payload = std::string("\x03\x00\x00\x00", 4);  // three classes, then nothing
  ASSERT_TRUE(WriteModelFile(path_, file).ok());
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kCorruption);
  EXPECT_NE(t.status().message().find(path_), std::string::npos);
}

TEST_F(TaggerLoadErrors, OlderFormatVersion) {
  Result<ModelFile> file = ParseModelFile(bytes_, path_, "tagger", 3);
  ASSERT_TRUE(file.ok());
  ModelFile older = file.value();
  older.version = 1;
  ASSERT_TRUE(WriteModelFile(path_, older).ok());
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("version 1"), std::string::npos) << t.status().message();
}

TEST_F(TaggerLoadErrors, NewerFormatVersion) {
  Result<ModelFile> file = ParseModelFile(bytes_, path_, "tagger", 3);
  ASSERT_TRUE(file.ok());
  ModelFile newer = file.value();
  newer.version = 4;
  ASSERT_TRUE(WriteModelFile(path_, newer).ok());
  Result<std::unique_ptr<Tagger>> t = Tagger::Load(path_);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace polgraph::extract::nlp
