#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest_test_util.h"

namespace polgraph::ingest {
namespace {

using testing_util::Paragraphs;
using testing_util::ReadBytes;

TEST(ReadJsonlTest, Fields) {
  const char* kFeed =
      "{\"id\":\"a1\",\"title\":\"Ministers meet\",\"date\":\"2031-03-24\","
      "\"source\":\"Example News\",\"url\":\"https://news.example/a1\","
      "\"text\":\"The two ministers met on Monday.\\n\\nTalks resume on Friday.\","
      "\"lang\":\"en\",\"tags\":[\"trade\",\"eu\"],\"score\":0.5}\n";
  auto out = ReadBytes(ReadJsonl, kFeed, "feed.jsonl");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_TRUE(out.rejects.empty());
  const Document& doc = out.docs[0];
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(doc.source, "feed.jsonl");
  EXPECT_EQ(doc.line, 1);
  EXPECT_EQ(doc.format, "jsonl");
  EXPECT_EQ(doc.title, "Ministers meet");
  EXPECT_EQ(doc.date, "2031-03-24");
  EXPECT_EQ(doc.publisher, "Example News");
  EXPECT_EQ(doc.url, "https://news.example/a1");
  EXPECT_EQ(Paragraphs(doc), (std::vector<std::string>{"The two ministers met on Monday.",
                                                       "Talks resume on Friday."}));
  std::map<std::string, std::string> expected = {
      {"lang", "\"en\""}, {"tags", "[\"trade\",\"eu\"]"}, {"score", "0.5"}};
  EXPECT_EQ(doc.metadata, expected);
  EXPECT_FALSE(doc.content_hash.empty());
}

TEST(ReadJsonlTest, IdsAndHeadline) {
  const char* kFeed =
      "{\"id\":42,\"headline\":\"Talks resume\",\"text\":\"Body one.\"}\n"
      "\n"
      "{\"text\":\"Body two.\"}\r\n"
      "{\"id\":\"\",\"title\":\"T\",\"headline\":\"H\",\"text\":\"Body three.\"}\n";
  auto out = ReadBytes(ReadJsonl, kFeed, "f.jsonl");
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].id, "42");
  EXPECT_EQ(out.docs[0].title, "Talks resume");
  EXPECT_TRUE(out.docs[0].metadata.empty());
  EXPECT_EQ(out.docs[1].id, "f.jsonl:3");
  EXPECT_EQ(out.docs[1].line, 3);
  EXPECT_EQ(out.docs[2].id, "f.jsonl:4");
  EXPECT_EQ(out.docs[2].title, "T");
  EXPECT_EQ(out.docs[2].metadata.at("headline"), "\"H\"");
}

TEST(ReadJsonlTest, TruncatedLineRejectedAndReadingGoesOn) {
  const char* kFeed =
      "{\"id\":\"1\",\"text\":\"First article.\"}\n"
      "{\"id\":\"2\",\"text\":\"Second arti\n"
      "{\"id\":\"3\",\"text\":\"Third article.\"}\n";
  auto out = ReadBytes(ReadJsonl, kFeed);
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].id, "1");
  EXPECT_EQ(out.docs[1].id, "3");
  EXPECT_EQ(out.docs[1].line, 3);
  ASSERT_EQ(out.rejects.size(), 1u);
  const Reject& r = out.rejects.rejects()[0];
  EXPECT_EQ(r.code, RejectCode::kBadJson);
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.stage, "ingest");
  EXPECT_FALSE(r.excerpt.empty());
}

struct RecordCase {
  const char* name;
  std::string line;
  std::vector<RejectCode> codes;
  bool kept;
};

TEST(ReadJsonlTest, RecordRejects) {
  const RecordCase kCases[] = {
      {"not an object", "[1,2,3]", {RejectCode::kBadJson}, false},
      {"trailing garbage", "{\"text\":\"A.\"} x", {RejectCode::kBadJson}, false},
      {"missing text", "{\"id\":\"1\"}", {RejectCode::kMissingField}, false},
      {"null text", "{\"text\":null}", {RejectCode::kMissingField}, false},
      {"empty text", "{\"text\":\"\"}", {RejectCode::kMissingField}, false},
      {"whitespace text", "{\"text\":\" \\n \"}", {RejectCode::kEmpty}, false},
      {"text is a number", "{\"text\":5}", {RejectCode::kBadField}, false},
      {"only furniture", "{\"text\":\"Share\\n\\nAdvertisement\"}", {RejectCode::kNoText}, false},
      {"invalid utf-8", "{\"text\":\"bad \xC3\x28 byte\"}", {RejectCode::kInvalidUtf8}, false},
      {"bad date kept", "{\"text\":\"A.\",\"date\":\"31/31/2020\"}", {RejectCode::kBadField}, true},
      {"date wrong type kept",
       "{\"text\":\"A.\",\"date\":20200101}",
       {RejectCode::kBadField},
       true},
      {"title wrong type kept",
       "{\"text\":\"A.\",\"title\":[\"x\"]}",
       {RejectCode::kBadField},
       true},
      {"id wrong type kept", "{\"text\":\"A.\",\"id\":true}", {RejectCode::kBadField}, true},
      {"timestamp date", "{\"text\":\"A.\",\"date\":\"2017-03-24T10:00:00Z\"}", {}, true},
      {"impossible date",
       "{\"text\":\"A.\",\"date\":\"2017-02-30\"}",
       {RejectCode::kBadField},
       true},
  };
  for (const RecordCase& c : kCases) {
    auto out = ReadBytes(ReadJsonl, c.line + "\n", "f.jsonl");
    EXPECT_EQ(out.codes(), c.codes) << c.name;
    EXPECT_EQ(out.docs.size(), c.kept ? 1u : 0u) << c.name;
    for (const Reject& r : out.rejects.rejects()) EXPECT_EQ(r.line, 1) << c.name;
  }
}

TEST(ReadJsonlTest, DateHandling) {
  ReadOptions options;
  options.default_date = "2031-01-01";
  auto out = ReadBytes(ReadJsonl,
                       "{\"text\":\"A.\",\"date\":\"2017-03-24T10:00:00Z\"}\n"
                       "{\"text\":\"B.\",\"date\":\"31/31/2020\"}\n"
                       "{\"text\":\"C.\"}\n",
                       "f.jsonl", options);
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].date, "2017-03-24");
  EXPECT_EQ(out.docs[1].date, "2031-01-01");
  EXPECT_EQ(out.docs[2].date, "2031-01-01");
  EXPECT_EQ(out.codes(), std::vector<RejectCode>{RejectCode::kBadField});
}

TEST(ReadJsonlTest, InvalidUtf8RejectsOnlyThatLine) {
  auto out = ReadBytes(ReadJsonl, "{\"text\":\"\xFF\"}\n{\"text\":\"Fine.\"}\n");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].line, 2);
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects.rejects()[0].code, RejectCode::kInvalidUtf8);
  EXPECT_EQ(out.rejects.rejects()[0].line, 1);
}

TEST(ReadJsonlTest, TextNormalisedAndBoilerplateRemoved) {
  auto out =
      ReadBytes(ReadJsonl,
                "{\"text\":\"Advertisement\\r\\nThe two ministers met on Monday in Vienna to "
                "discuss the treaty.\\r\\n\\r\\n\\r\\nTalks   resume\\ton Friday.\\n\"}\n");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(
      Paragraphs(out.docs[0]),
      (std::vector<std::string>{"The two ministers met on Monday in Vienna to discuss the treaty.",
                                "Talks resume on Friday."}));
}

TEST(ReadJsonlTest, WholeFileRejects) {
  EXPECT_EQ(ReadBytes(ReadJsonl, "").codes(), std::vector<RejectCode>{RejectCode::kEmpty});
  EXPECT_EQ(ReadBytes(ReadJsonl, "\n\n  \n").codes(), std::vector<RejectCode>{RejectCode::kEmpty});
  EXPECT_EQ(ReadBytes(ReadJsonl, std::string("{\0\0\0}", 5)).codes(),
            std::vector<RejectCode>{RejectCode::kBinary});
}

TEST(ReadJsonlTest, ManyLinesStreamOneAtATime) {
  std::string feed;
  for (int i = 0; i < 2000; ++i) {
    feed += "{\"id\":" + std::to_string(i) + ",\"text\":\"Article number " + std::to_string(i) +
            ".\"}\n";
  }
  int count = 0;
  RejectList rejects;
  ReadJsonl(
      feed, "big.jsonl", {},
      [&](Document&& doc) {
        EXPECT_EQ(doc.id, std::to_string(count));
        ++count;
      },
      &rejects);
  EXPECT_EQ(count, 2000);
  EXPECT_TRUE(rejects.empty());
}

}  // namespace
}  // namespace polgraph::ingest
