// Limits that protect the machine, and hostile bytes the readers must survive.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/reader.h"
#include "ingest_test_util.h"

namespace polgraph::ingest {
namespace {

using testing_util::ReadBytes;

TEST(ReadLimits, OversizedJsonlRecordIsRejectedAndTheNextOneRead) {
  ReadOptions options;
  options.max_document_bytes = 200;
  const std::string big = "{\"id\": \"big\", \"text\": \"" + std::string(300, 'x') + "\"}\n";
  const std::string small = "{\"id\": \"small\", \"text\": \"Ilse Varga met Tomas Brandt.\"}\n";
  auto out = ReadBytes(ReadJsonl, big + small, "feed.jsonl", options);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "small");
  ASSERT_EQ(out.codes(), std::vector<RejectCode>{RejectCode::kTooLarge});
  const Reject& r = out.rejects.rejects()[0];
  EXPECT_EQ(r.line, 1);
  EXPECT_NE(r.message.find("--max-document-bytes"), std::string::npos) << r.message;
  EXPECT_NE(r.ToString().find("feed.jsonl:1:"), std::string::npos) << r.ToString();
}

TEST(ReadLimits, OversizedFileIsRejectedWithoutReadingIt) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("polgraph_limits_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string big = (dir / "big.txt").string();
  const std::string small = (dir / "small.txt").string();
  std::ofstream(big) << std::string(5000, 'a') << "\n";
  std::ofstream(small) << "Ilse Varga met Tomas Brandt.\n";
  ReadOptions options;
  options.max_document_bytes = 1000;
  std::vector<Document> docs;
  RejectList rejects;
  ASSERT_TRUE(
      ReadPaths(
          {big, small}, options, [&](Document&& d) { docs.push_back(std::move(d)); }, &rejects)
          .ok());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, small);
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects.rejects()[0].code, RejectCode::kTooLarge);
  EXPECT_EQ(rejects.rejects()[0].source, big);
  EXPECT_NE(rejects.rejects()[0].message.find("5001 bytes"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// JSONL files are streamed block by block (1 MiB): the same documents, rejects,
// line numbers and offsets as reading the whole file at once, with records and a
// too-large line that straddle blocks, a BOM, CRLF, blank lines and no final newline.
TEST(ReadJsonlStream, SameResultAsTheWholeFile) {
  std::string feed = "\xEF\xBB\xBF";
  for (int i = 0; i < 40000; ++i) {
    if (i == 5000) feed += "{\"id\": \"cut\", \"text\": \"Ilse\r\n";
    if (i == 12000) feed += "{\"id\": \"big\", \"text\": \"" + std::string(3 << 20, 'y') + "\"}\n";
    if (i == 20000) feed += "\r\n   \n";
    feed += "{\"id\": \"r" + std::to_string(i) +
            "\", \"date\": \"2021-01-02\", \"text\": \"Record " + std::to_string(i) +
            ": Ilse Varga met Tomas Brandt.\"}" + (i % 3 ? "\n" : "\r\n");
  }
  feed.pop_back();  // no final newline
  ReadOptions options;
  options.max_document_bytes = 2 << 20;
  auto whole = ReadBytes(ReadJsonl, feed, "feed.jsonl", options);

  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("polgraph_stream_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "feed.jsonl").string();
  std::ofstream(path, std::ios::binary) << feed;
  std::vector<Document> docs;
  RejectList rejects;
  uint64_t last_progress = 0;
  options.on_bytes_read = [&](uint64_t bytes) {
    EXPECT_GE(bytes, last_progress);
    last_progress = bytes;
  };
  ASSERT_TRUE(ReadPaths(
                  {path}, options, [&](Document&& d) { docs.push_back(std::move(d)); }, &rejects)
                  .ok());
  EXPECT_EQ(last_progress, feed.size());
  ASSERT_EQ(docs.size(), whole.docs.size());
  EXPECT_EQ(docs.size(), 40000u);
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSERT_EQ(docs[i].id, whole.docs[i].id);
    ASSERT_EQ(docs[i].line, whole.docs[i].line) << docs[i].id;
    ASSERT_EQ(docs[i].text, whole.docs[i].text) << docs[i].id;
  }
  ASSERT_EQ(rejects.size(), whole.rejects.size());
  for (size_t i = 0; i < rejects.size(); ++i) {
    const Reject& a = rejects.rejects()[i];
    const Reject& b = whole.rejects.rejects()[i];
    EXPECT_EQ(a.code, b.code) << a.ToString();
    EXPECT_EQ(a.line, b.line) << a.ToString();
    EXPECT_EQ(a.offset, b.offset) << a.ToString();
  }
  std::filesystem::remove_all(dir);
}

TEST(ReadJsonlStream, EmptyAndBinaryFilesAreReportedAsBefore) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("polgraph_stream_e_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string blank = (dir / "blank.jsonl").string();
  const std::string binary = (dir / "binary.jsonl").string();
  std::ofstream(blank, std::ios::binary) << "\n  \n\t\n";
  std::ofstream(binary, std::ios::binary) << std::string("{\"id\": 1}\n\0\0\0\x01\x02", 15);
  RejectList rejects;
  ASSERT_TRUE(ReadPaths(
                  {blank, binary}, {}, [](Document&&) {}, &rejects)
                  .ok());
  ASSERT_EQ(rejects.size(), 2u);
  EXPECT_EQ(rejects.rejects()[0].code, RejectCode::kEmpty);
  EXPECT_EQ(rejects.rejects()[1].code, RejectCode::kBinary);
  std::filesystem::remove_all(dir);
}

// Python's json.dumps writes text cut inside a surrogate pair as a lone "\udXXX";
// the record is kept with U+FFFD in place of the broken character.
TEST(ReadLoneSurrogates, BecomeReplacementCharactersAndTheRecordIsKept) {
  const std::string feed =
      "{\"id\": \"a\", \"title\": \"cut \\ud83d\", \"text\": \"Ilse Varga \\udc00met "
      "Tomas Brandt \\ud83d\\ude00 in Oslo.\"}\n"
      "{\"id\": \"b\", \"text\": \"A backslash then u: \\\\ud800 stays text.\"}\n";
  auto out = ReadBytes(ReadJsonl, feed, "feed.jsonl");
  EXPECT_TRUE(out.rejects.empty()) << out.rejects.rejects()[0].ToString();
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].title, "cut \xEF\xBF\xBD");
  EXPECT_EQ(out.docs[0].text, "Ilse Varga \xEF\xBF\xBDmet Tomas Brandt \xF0\x9F\x98\x80 in Oslo.");
  EXPECT_EQ(out.docs[1].text, "A backslash then u: \\ud800 stays text.");
}

TEST(ReadHostileBytes, ControlCharactersAndMarkupInTextAreKeptOrRejectedNeverCrash) {
  const std::string feed =
      "{\"id\": \"rtl\", \"text\": \"\xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D <b>&amp; "
      "]]> \\\"q\\\" \\u0007 Ilse Varga met Tomas Brandt.\"}\n";
  auto out = ReadBytes(ReadJsonl, feed, "feed.jsonl");
  // One bell among plenty of text is not binary: the record is kept as written.
  ASSERT_EQ(out.docs.size(), 1u) << (out.rejects.empty() ? ""
                                                         : out.rejects.rejects()[0].ToString());
  EXPECT_NE(out.docs[0].text.find("]]>"), std::string::npos);
  EXPECT_NE(out.docs[0].text.find("\xE2\x80\x8F"), std::string::npos);
}

}  // namespace
}  // namespace polgraph::ingest
