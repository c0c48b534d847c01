#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace polgraph::ingest {
namespace {

namespace fs = std::filesystem;

class ReadPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ("polgraph_ingest_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "locked.txt", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }

  std::string Write(const std::string& relative, const std::string& bytes) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  void Read(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
    Status status = ReadPaths(
        paths, options, [&](Document&& doc) { docs_.push_back(std::move(doc)); }, &rejects_);
    EXPECT_TRUE(status.ok());
  }

  std::vector<std::string> Sources() const {
    std::vector<std::string> out;
    for (const Document& doc : docs_) out.push_back(doc.source);
    return out;
  }

  fs::path root_;
  std::vector<Document> docs_;
  RejectList rejects_;
};

TEST_F(ReadPathsTest, DirectoryWalkIsSortedAndSkipsUnknownFiles) {
  Write("b.txt", "Second file.\n");
  Write("a.HTML", "<p>First file.</p>");
  Write("c/z.jsonl", "{\"text\":\"Nested one.\"}\n{\"text\":\"Nested two.\"}\n");
  Write("c/a.htm", "<p>Nested page.</p>");
  Write("notes.md", "Not an article.\n");
  Write("image.png", "\x89PNG");
  Write(".hidden.txt", "Hidden file.\n");
  Write(".git/config.txt", "Hidden directory.\n");
  Read({root_.string()});
  const std::string r = root_.string();
  std::vector<std::string> expected = {r + "/a.HTML", r + "/b.txt", r + "/c/a.htm",
                                       r + "/c/z.jsonl", r + "/c/z.jsonl"};
  EXPECT_EQ(Sources(), expected);
  EXPECT_TRUE(rejects_.empty());
  ASSERT_EQ(docs_.size(), 5u);
  EXPECT_EQ(docs_[0].format, "html");
  EXPECT_EQ(docs_[1].format, "txt");
  EXPECT_EQ(docs_[4].line, 2);
}

TEST_F(ReadPathsTest, MissingPathRejectedAndReadGoesOn) {
  std::string good = Write("good.txt", "An article.\n");
  Read({(root_ / "missing.txt").string(), good});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].source, good);
  EXPECT_EQ(docs_[0].id, good);
  ASSERT_EQ(rejects_.size(), 1u);
  EXPECT_EQ(rejects_.rejects()[0].code, RejectCode::kUnreadable);
  EXPECT_EQ(rejects_.rejects()[0].source, (root_ / "missing.txt").string());
}

TEST_F(ReadPathsTest, PathThroughAFileRejected) {
  std::string good = Write("good.txt", "An article.\n");
  Read({good + "/inner.txt", good});
  EXPECT_EQ(docs_.size(), 1u);
  ASSERT_EQ(rejects_.size(), 1u);
  EXPECT_EQ(rejects_.rejects()[0].code, RejectCode::kUnreadable);
}

struct StdinCase {
  const char* name;
  const char* bytes;
  const char* format;
};

TEST_F(ReadPathsTest, StdinFormatSniffed) {
  const StdinCase kCases[] = {
      {"jsonl", "\n  {\"text\":\"From a feed.\"}\n", "jsonl"},
      {"html", "\xEF\xBB\xBF<!DOCTYPE html><p>From a page.</p>", "html"},
      {"text", "Plain words on standard input.\n", "txt"},
  };
  for (const StdinCase& c : kCases) {
    docs_.clear();
    std::istringstream in(c.bytes);
    std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
    Read({"-"});
    std::cin.rdbuf(saved);
    ASSERT_EQ(docs_.size(), 1u) << c.name;
    EXPECT_EQ(docs_[0].format, c.format) << c.name;
    EXPECT_EQ(docs_[0].source, "-") << c.name;
  }
  EXPECT_TRUE(rejects_.empty());
}

TEST_F(ReadPathsTest, UnreadableFileRejectedAndReadGoesOn) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read files without read permission";
  std::string locked = Write("locked.txt", "Secret.\n");
  std::string good = Write("good.txt", "An article.\n");
  fs::permissions(locked, fs::perms::none);
  Read({locked, good});
  EXPECT_EQ(docs_.size(), 1u);
  ASSERT_EQ(rejects_.size(), 1u);
  EXPECT_EQ(rejects_.rejects()[0].code, RejectCode::kUnreadable);
}

TEST_F(ReadPathsTest, NamedFileWithUnknownExtensionIsUnsupported) {
  std::string md = Write("notes.md", "Some notes.\n");
  std::string json = Write("feed.json", "{\"text\":\"A.\"}\n");
  Read({md, json});
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(rejects_.size(), 2u);
  EXPECT_EQ(rejects_.rejects()[0].code, RejectCode::kUnsupported);
  EXPECT_EQ(rejects_.rejects()[1].code, RejectCode::kUnsupported);
}

TEST_F(ReadPathsTest, PerFileRejectsInAWalk) {
  Write("a.txt", "");
  Write("b.txt", std::string("\0\x01\x02", 3));
  Write("c.txt", "line one\nline \xFF two\n");
  Write("d.txt", "A good article.\n");
  Read({root_.string()});
  ASSERT_EQ(docs_.size(), 1u);
  std::vector<RejectCode> codes;
  for (const Reject& r : rejects_.rejects()) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<RejectCode>{RejectCode::kEmpty, RejectCode::kBinary,
                                            RejectCode::kInvalidUtf8}));
  EXPECT_EQ(rejects_.rejects()[2].line, 2);
}

TEST_F(ReadPathsTest, SymlinkedDirectoriesFollowedOnlyWhenAsked) {
  Write("real/a.txt", "An article.\n");
  fs::create_directories(root_ / "walk");
  fs::create_directory_symlink(root_ / "real", root_ / "walk" / "link");
  fs::create_directory_symlink(root_ / "walk", root_ / "walk" / "loop");
  Read({(root_ / "walk").string()});
  EXPECT_TRUE(docs_.empty());
  ReadOptions follow;
  follow.follow_symlinks = true;
  Read({(root_ / "walk").string()}, follow);
  EXPECT_EQ(docs_.size(), 1u);
  EXPECT_TRUE(rejects_.empty());
}

TEST_F(ReadPathsTest, DefaultDateApplied) {
  std::string path = Write("a.txt", "An article.\n");
  ReadOptions options;
  options.default_date = "2031-05-06";
  Read({path}, options);
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].date, "2031-05-06");
}

}  // namespace
}  // namespace polgraph::ingest
