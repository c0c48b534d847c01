#include "core/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/paragraphs.h"
#include "ingest/reader.h"
#include "ingest_test_util.h"

namespace polgraph::ingest {
namespace {

using testing_util::Paragraphs;
using testing_util::ReadBytes;

struct ParagraphCase {
  const char* name;
  const char* text;
  std::vector<std::string> expected;
};

TEST(ParagraphsTest, Table) {
  const ParagraphCase kCases[] = {
      {"blank lines break", "One.\n\nTwo.\n", {"One.", "Two."}},
      {"hard wraps joined",
       "The finance ministers of the two countries met on Monday in the\n"
       "capital to discuss the new trade agreement, officials said after\n"
       "the meeting.\n\n"
       "A second round of talks is planned.\n",
       {"The finance ministers of the two countries met on Monday in the capital to discuss "
        "the new trade agreement, officials said after the meeting.",
        "A second round of talks is planned."}},
      {"indented paragraph starts",
       "The finance ministers of the two countries met on Monday in the\n"
       "capital to discuss the new trade agreement.\n"
       "    Officials said a second round of talks was planned for the\n"
       "spring.\n",
       {"The finance ministers of the two countries met on Monday in the capital to discuss "
        "the new trade agreement.",
        "Officials said a second round of talks was planned for the spring."}},
      {"short line ends a paragraph",
       "The finance ministers of the two countries met on Monday in the\n"
       "capital.\n"
       "Officials said a second round of talks was planned for spring.\n",
       {"The finance ministers of the two countries met on Monday in the capital.",
        "Officials said a second round of talks was planned for spring."}},
      {"unwrapped lines are paragraphs",
       "The finance ministers of the two countries met on Monday in the capital to discuss the "
       "new trade agreement, officials said after a meeting that lasted five hours.\n"
       "A second round of talks is planned.\n",
       {"The finance ministers of the two countries met on Monday in the capital to discuss the "
        "new trade agreement, officials said after a meeting that lasted five hours.",
        "A second round of talks is planned."}},
      {"short lines stay apart", "Share\nPrint\nEmail\n", {"Share", "Print", "Email"}},
      {"whitespace collapsed", "  Tabs\tand   spaces  \n\n\n", {"Tabs and spaces"}},
      {"empty", "", {}},
  };
  for (const ParagraphCase& c : kCases) {
    EXPECT_EQ(SplitParagraphs(c.text), c.expected) << c.name;
  }
}

TEST(ParagraphsTest, NormalizeNewlines) {
  EXPECT_EQ(NormalizeNewlines("a\r\nb\rc\n"), "a\nb\nc\n");
}

struct HeadlineCase {
  const char* name;
  const char* text;
  const char* title;
  const char* first_paragraph;
};

TEST(ReadTextTest, Headlines) {
  const HeadlineCase kCases[] = {
      {"short line and blank", "Leaders meet in Vienna\n\nThe two leaders met on Monday.\n",
       "Leaders meet in Vienna", "The two leaders met on Monday."},
      {"question headline", "Will the talks succeed?\n\nThe two leaders met on Monday.\n",
       "Will the talks succeed?", "The two leaders met on Monday."},
      {"leading blank lines", "\n\nLeaders meet in Vienna\n\nThe two leaders met on Monday.\n",
       "Leaders meet in Vienna", "The two leaders met on Monday."},
      {"sentence is body", "The two leaders met on Monday.\n\nTalks will resume.\n", "",
       "The two leaders met on Monday."},
      {"no blank line after", "Leaders meet in Vienna\nThe two leaders met on Monday.\n", "",
       "Leaders meet in Vienna"},
      {"lone line is body", "Leaders meet in Vienna\n\n", "", "Leaders meet in Vienna"},
      {"furniture is not a headline", "Skip to content\n\nThe two leaders met on Monday.\n", "",
       "The two leaders met on Monday."},
  };
  for (const HeadlineCase& c : kCases) {
    auto out = ReadBytes(ReadText, c.text);
    ASSERT_EQ(out.docs.size(), 1u) << c.name;
    EXPECT_EQ(out.docs[0].title, c.title) << c.name;
    EXPECT_EQ(Paragraphs(out.docs[0])[0], c.first_paragraph) << c.name;
  }
}

TEST(ReadTextTest, LongFirstLineIsBody) {
  std::string first(250, 'a');
  auto out = ReadBytes(ReadText, first + "\n\nMore text here.\n");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].title, "");
}

TEST(ReadTextTest, DocumentFields) {
  ReadOptions options;
  options.default_date = "2031-01-02";
  auto out =
      ReadBytes(ReadText, "\xEF\xBB\xBFTitle line\r\n\r\nBody text.\r\n", "dir/a.txt", options);
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& doc = out.docs[0];
  EXPECT_EQ(doc.id, "dir/a.txt");
  EXPECT_EQ(doc.source, "dir/a.txt");
  EXPECT_EQ(doc.format, "txt");
  EXPECT_EQ(doc.title, "Title line");
  EXPECT_EQ(Paragraphs(doc), std::vector<std::string>{"Body text."});
  EXPECT_EQ(doc.date, "2031-01-02");
  EXPECT_EQ(doc.line, 0);
  EXPECT_EQ(doc.content_hash, ContentHash(doc.title + "\n\n" + doc.text));
  EXPECT_TRUE(out.rejects.empty());
}

TEST(ReadTextTest, HardWrappedArchiveText) {
  const char* kText =
      "TRADE TALKS RESUME\n"
      "\n"
      "    The finance ministers of the two countries met on Monday in the\n"
      "capital to discuss the new trade agreement, officials said after\n"
      "the meeting ended late in the evening.\n"
      "    A second round of talks is planned for the spring, according\n"
      "to a statement released by the ministry.\n";
  auto out = ReadBytes(ReadText, kText);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].title, "TRADE TALKS RESUME");
  std::vector<std::string> paragraphs = Paragraphs(out.docs[0]);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[1],
            "A second round of talks is planned for the spring, according to a statement "
            "released by the ministry.");
}

struct RejectCase {
  const char* name;
  std::string bytes;
  RejectCode code;
  int64_t line;
};

TEST(ReadTextTest, Rejects) {
  const RejectCase kCases[] = {
      {"empty", "", RejectCode::kEmpty, 0},
      {"whitespace", " \n\t\r\n", RejectCode::kEmpty, 0},
      {"bom only", "\xEF\xBB\xBF", RejectCode::kEmpty, 0},
      {"binary", std::string("PK\x03\x04\0\0\x01", 7), RejectCode::kBinary, 0},
      {"invalid utf-8", "First line\nsecond line\nthird \xC3\x28 line\n", RejectCode::kInvalidUtf8,
       3},
      {"latin-1 bytes", "Caf\xE9 society\n", RejectCode::kInvalidUtf8, 1},
      {"only furniture", "Share\n\nPrint\n", RejectCode::kNoText, 0},
  };
  for (const RejectCase& c : kCases) {
    auto out = ReadBytes(ReadText, c.bytes, "x.txt");
    EXPECT_TRUE(out.docs.empty()) << c.name;
    ASSERT_EQ(out.rejects.size(), 1u) << c.name;
    const Reject& r = out.rejects.rejects()[0];
    EXPECT_EQ(r.code, c.code) << c.name;
    EXPECT_EQ(r.line, c.line) << c.name;
    EXPECT_EQ(r.source, "x.txt") << c.name;
    EXPECT_EQ(r.stage, "ingest") << c.name;
  }
}

TEST(ReadTextTest, InvalidUtf8RejectGivesOffset) {
  auto out = ReadBytes(ReadText, "ab\ncd\xFF");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects.rejects()[0].offset, 5);
  EXPECT_EQ(out.rejects.rejects()[0].line, 2);
}

TEST(ReadTextTest, MixedScriptsKept) {
  auto out = ReadBytes(ReadText, "Переговоры продолжатся в Вене, сказал министр. 会谈将继续。\n");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(
      Paragraphs(out.docs[0]),
      std::vector<std::string>{"Переговоры продолжатся в Вене, сказал министр. 会谈将继续。"});
}

TEST(ReadTextTest, TextKeepsTheFileByteOffsets) {
  // BOM, CRLF, a headline, a hard-wrapped paragraph, a boilerplate line.
  const std::string file =
      "\xEF\xBB\xBF"
      "Envoys meet in Vienna\r\n\r\n"
      "Chancellor Petra Lindqvist met Prime Minister Tomas Brandt in Vienna on\r\n"
      "Tuesday, and the two leaders agreed to talk again soon about the new trade\r\n"
      "agreement.\r\n\r\nShare this article\r\n\r\nCanada imposed sanctions on Belarus.\r\n";
  auto out = ReadBytes(ReadText, file, "a.txt");
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& doc = out.docs[0];
  EXPECT_EQ(doc.title, "Envoys meet in Vienna");
  ASSERT_EQ(doc.text.size(), file.size());
  for (const char* word : {"Chancellor", "Tuesday", "agreement.", "Canada", "Belarus."}) {
    EXPECT_EQ(doc.text.find(word), file.find(word)) << word;
  }
  EXPECT_EQ(doc.text.find("Share"), std::string::npos);   // boilerplate blanked
  EXPECT_EQ(doc.text.find("Envoys"), std::string::npos);  // the headline is the title
  EXPECT_EQ(Paragraphs(doc),
            (std::vector<std::string>{
                "Chancellor Petra Lindqvist met Prime Minister Tomas Brandt in Vienna on Tuesday, "
                "and the two leaders agreed to talk again soon about the new trade agreement.",
                "Canada imposed sanctions on Belarus."}));
}

}  // namespace
}  // namespace polgraph::ingest
