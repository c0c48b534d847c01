// The extractor's limits: a sentence over max_sentence_tokens is skipped and
// reported, a document naming more than max_entities actors is refused; neither
// takes long, whatever the input.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.h"

namespace polgraph::extract {
namespace {

Document MakeDoc(std::string text) {
  Document doc;
  doc.id = "feed.jsonl:7";
  doc.source = "feed.jsonl";
  doc.line = 7;
  doc.text = std::move(text);
  return doc;
}

std::unique_ptr<Extractor> Load(const ExtractOptions& options) {
  auto loaded = LoadDefaultExtractor(options);
  EXPECT_TRUE(loaded.ok()) << loaded.status().message();
  return loaded.ok() ? std::move(loaded).value() : nullptr;
}

TEST(ExtractLimits, LongSentenceIsSkippedAndReportedTheRestIsUsed) {
  ExtractOptions options;
  options.max_sentence_tokens = 20;
  auto extractor = Load(options);
  ASSERT_NE(extractor, nullptr);
  std::string run_on = "Ilse Varga met Tomas Brandt";
  for (int i = 0; i < 30; ++i) run_on += " and Tomas Brandt";
  Document doc = MakeDoc(run_on + ".\n\nKarin Holm accused Chile of spying.");
  Extraction out;
  RejectList rejects;
  ASSERT_TRUE(extractor->Extract(doc, &out, &rejects).ok());
  ASSERT_EQ(rejects.size(), 1u);
  const Reject& r = rejects.rejects()[0];
  EXPECT_EQ(r.code, RejectCode::kTooLarge);
  EXPECT_EQ(r.line, 7);
  EXPECT_NE(r.message.find("sentence 0"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("--max-sentence-tokens"), std::string::npos) << r.message;
  ASSERT_EQ(out.relations.size(), 1u);
  EXPECT_EQ(out.relations[0].subject.label, "Karin Holm");
}

TEST(ExtractLimits, TooManyActorsRefuseTheDocument) {
  ExtractOptions options;
  options.max_entities = 3;
  auto extractor = Load(options);
  ASSERT_NE(extractor, nullptr);
  Document doc = MakeDoc(
      "Ilse Varga met Tomas Brandt. Karin Holm met Petra Lindqvist. Canada criticised Peru.");
  Extraction out;
  RejectList rejects;
  Status st = extractor->Extract(doc, &out, &rejects);
  EXPECT_FALSE(st.ok());
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects.rejects()[0].code, RejectCode::kTooLarge);
  EXPECT_NE(rejects.rejects()[0].message.find("--max-entities"), std::string::npos);
}

// Without limits a 1 MB sentence took minutes (relation search is quadratic in
// sentence length); with the default limit it is cut and the rest is quick.
TEST(ExtractLimits, MegabyteSingleLineWithDefaultLimitsFinishes) {
  auto extractor = Load({});
  ASSERT_NE(extractor, nullptr);
  std::string line;
  while (line.size() < (1 << 20)) line += "Angela Merkel met Vladimir Putin and ";
  Extraction out;
  RejectList rejects;
  ASSERT_TRUE(extractor->Extract(MakeDoc(line), &out, &rejects).ok());
  EXPECT_GE(rejects.size(), 1u);
  for (const Reject& r : rejects.rejects()) EXPECT_EQ(r.code, RejectCode::kTooLarge);
}

}  // namespace
}  // namespace polgraph::extract
