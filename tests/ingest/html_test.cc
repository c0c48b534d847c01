#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest_test_util.h"

namespace polgraph::ingest {
namespace {

using testing_util::Contains;
using testing_util::Paragraphs;
using testing_util::ReadBytes;

const char kSentence1[] =
    "The two foreign ministers met in Vienna on Monday to discuss the treaty.";
const char kSentence2[] =
    "Officials said the talks would continue later in the week in Geneva, officials said.";
const char kSentence3[] = "Neither side commented on the details of the draft treaty text.";

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(ReadHtmlTest, FurnitureDroppedArticleKept) {
  std::string body =
      "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>"
      "<div>Accessibility links</div>"
      "<div class=\"cookie-banner\"><p>We use cookies to improve your experience on this "
      "website. By continuing you agree to our use of cookies.</p><button>Accept</button></div>"
      "<header><div class=\"logo\">Example News</div>"
      "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>"
      "</header>"
      "<div class=\"ticker\">Breaking News</div>"
      "<script>var x = \"The script text must never appear in the article.\";</script>"
      "<style>p { color: red; }</style>"
      "<main><article>"
      "<h1>Ministers meet in Vienna</h1>"
      "<div class=\"share-bar\"><a>Share</a><a>Tweet</a><a>Email</a></div>"
      "<p>" +
      std::string(kSentence1) +
      "</p>"
      "<figure><img src=\"a.jpg\"><figcaption>Delegates arrive at the palace on Monday"
      "</figcaption></figure>"
      "<p>Delegates arrive at the palace on Monday</p>"
      "<p>" +
      std::string(kSentence2) +
      "</p>"
      "<p>Delegates arrive at the palace on Monday</p>"
      "<div class=\"advert\">Advertisement</div>"
      "<p>" +
      std::string(kSentence3) +
      "</p>"
      "<aside class=\"related\"><h2>Related</h2><ul><li><a>Another story about a "
      "completely different subject, with many words in it.</a></li></ul></aside>"
      "</article></main>"
      "<section id=\"comments\"><p>This comment is from a reader and is not part of the "
      "article at all.</p></section>"
      "<footer><p>© 2031 Example News. All rights reserved.</p><a>Terms of use</a></footer>";
  auto out = ReadBytes(
      ReadHtml, Page("<title>Ministers meet in Vienna | Example News</title>", body), "page.html");
  ASSERT_EQ(out.docs.size(), 1u);
  ASSERT_TRUE(out.rejects.empty());
  const Document& doc = out.docs[0];
  EXPECT_EQ(doc.format, "html");
  EXPECT_EQ(doc.id, "page.html");
  EXPECT_EQ(doc.title, "Ministers meet in Vienna");
  std::vector<std::string> expected = {kSentence1, "Delegates arrive at the palace on Monday",
                                       kSentence2, kSentence3};
  EXPECT_EQ(Paragraphs(doc), expected);
  for (const char* gone :
       {"Skip", "Accessibility", "cookies", "Breaking", "script text", "color", "Share",
        "Advertisement", "Related", "from a reader", "rights", "Home"}) {
    EXPECT_FALSE(Contains(doc.text, gone)) << gone;
  }
}

TEST(ReadHtmlTest, Metadata) {
  std::string head =
      "<meta charset=\"utf-8\">"
      "<title>Page title | Example News</title>"
      "<meta property=\"og:title\" content=\"Ministers meet in Vienna\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"og:url\" content=\"https://news.example/vienna\">"
      "<meta property=\"article:published_time\" content=\"2031-03-24T10:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://news.example/canonical\">";
  auto out =
      ReadBytes(ReadHtml, Page(head, "<h1>Other</h1><p>" + std::string(kSentence1) + "</p>"));
  ASSERT_EQ(out.docs.size(), 1u);
  const Document& doc = out.docs[0];
  EXPECT_EQ(doc.title, "Ministers meet in Vienna");
  EXPECT_EQ(doc.publisher, "Example News");
  EXPECT_EQ(doc.url, "https://news.example/vienna");
  EXPECT_EQ(doc.date, "2031-03-24");
  EXPECT_EQ(doc.text, kSentence1);
}

struct FallbackCase {
  const char* name;
  std::string head;
  std::string body;
  const char* title;
  const char* date;
  const char* url;
};

TEST(ReadHtmlTest, TitleDateUrlFallbacks) {
  const std::string p = "<p>" + std::string(kSentence1) + "</p>";
  const FallbackCase kCases[] = {
      {"h1 over title", "<title>Tab | Site</title>", "<h1>Headline</h1>" + p, "Headline", "", ""},
      {"title element", "<title>Tab title</title>", p, "Tab title", "", ""},
      {"site name stripped",
       "<title>Tab title - Site</title><meta property=\"og:site_name\" content=\"Site\">", p,
       "Tab title", "", ""},
      {"time element", "", "<time datetime=\"2031-02-03\">3 Feb</time>" + p, "", "2031-02-03", ""},
      {"itemprop date", "<meta itemprop=\"datePublished\" content=\"2031-02-04\">", p, "",
       "2031-02-04", ""},
      {"json-ld date",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
       "\"datePublished\":\"2031-02-05T08:00:00+01:00\"}</script>",
       p, "", "2031-02-05", ""},
      {"invalid date ignored", "<meta name=\"pubdate\" content=\"2031-02-30\">", p, "", "", ""},
      {"canonical url", "<link rel=\"canonical\" href=\"https://news.example/x\">", p, "", "",
       "https://news.example/x"},
  };
  for (const FallbackCase& c : kCases) {
    auto out = ReadBytes(ReadHtml, Page(c.head, c.body));
    ASSERT_EQ(out.docs.size(), 1u) << c.name;
    EXPECT_EQ(out.docs[0].title, c.title) << c.name;
    EXPECT_EQ(out.docs[0].date, c.date) << c.name;
    EXPECT_EQ(out.docs[0].url, c.url) << c.name;
  }
}

TEST(ReadHtmlTest, EntitiesDecodedAndInlineTextJoined) {
  auto out = ReadBytes(ReadHtml, Page("",
                                      "<p>Caf&eacute; &amp; bar&nbsp;owners met the "
                                      "<b>mayor</b>&#8217;s aides, he said&hellip;</p>"
                                      "<p>Line one<br>Line two</p>"));
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(Paragraphs(out.docs[0]),
            (std::vector<std::string>{"Café & bar owners met the mayor’s aides, he said…",
                                      "Line one", "Line two"}));
}

TEST(ReadHtmlTest, DeclaredLatin1ConvertedToUtf8) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-1\"></head><body><p>Caf\xE9 owners in M\xFCnchen met on "
      "Monday.</p></body></html>";
  auto out = ReadBytes(ReadHtml, page);
  ASSERT_EQ(out.docs.size(), 1u) << (out.rejects.empty() ? ""
                                                         : out.rejects.rejects()[0].ToString());
  EXPECT_EQ(out.docs[0].text, "Café owners in München met on Monday.");
}

TEST(ReadHtmlTest, Windows1252QuotesInLatin1Page) {
  std::string page =
      "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>He said \x93yes\x94.</p>"
      "</body></html>";
  auto out = ReadBytes(ReadHtml, page);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].text, "He said \xE2\x80\x9Cyes\xE2\x80\x9D.");
}

TEST(ReadHtmlTest, UndeclaredCharsetIsUtf8) {
  auto out = ReadBytes(ReadHtml, "<p>Zürich — Genève</p>");
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].text, "Zürich — Genève");
}

TEST(ReadHtmlTest, PrefersArticleOverPageChrome) {
  std::string body =
      "<div class=\"teasers\"><article><p>A teaser for another story that is short.</p>"
      "</article></div>"
      "<article><p>" +
      std::string(kSentence1) + "</p><p>" + kSentence2 + "</p><p>" + kSentence3 +
      "</p></article>"
      "<div><p>Some unrelated text in a box with no useful class or id.</p></div>";
  auto out = ReadBytes(ReadHtml, Page("", body));
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(Paragraphs(out.docs[0]),
            (std::vector<std::string>{kSentence1, kSentence2, kSentence3}));
}

TEST(ReadHtmlTest, WrapperWithFurnitureClassKept) {
  std::string body = "<div class=\"page has-comments\"><article><p>" + std::string(kSentence1) +
                     "</p></article></div>";
  auto out = ReadBytes(ReadHtml, Page("", body));
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].text, kSentence1);
}

struct RejectCase {
  const char* name;
  std::string bytes;
  RejectCode code;
};

TEST(ReadHtmlTest, Rejects) {
  const RejectCase kCases[] = {
      {"no text",
       Page("<title>Only a title</title>",
            "<script>var a = 1;</script><nav>Home"
            "</nav>"),
       RejectCode::kNoText},
      {"only furniture", Page("", "<p>Share</p><p>Advertisement</p>"), RejectCode::kNoText},
      {"empty", "", RejectCode::kEmpty},
      {"invalid utf-8", Page("<meta charset=\"utf-8\">", "<p>bad \xC3\x28 byte</p>"),
       RejectCode::kInvalidUtf8},
      {"binary", std::string("<html>\0\0\0\0", 10), RejectCode::kBinary},
      {"bytes invalid in declared charset",
       Page("<meta charset=\"shift_jis\">", "<p>Text \x81\x20\xFF more text.</p>"),
       RejectCode::kInvalidUtf8},
      {"unknown charset", Page("<meta charset=\"x-no-such-charset\">", "<p>Text.</p>"),
       RejectCode::kUnsupported},
  };
  for (const RejectCase& c : kCases) {
    auto out = ReadBytes(ReadHtml, c.bytes, "p.html");
    EXPECT_TRUE(out.docs.empty()) << c.name;
    ASSERT_EQ(out.rejects.size(), 1u) << c.name;
    EXPECT_EQ(out.rejects.rejects()[0].code, c.code) << c.name;
    EXPECT_EQ(out.rejects.rejects()[0].source, "p.html") << c.name;
  }
}

TEST(ReadHtmlTest, InvalidUtf8RejectHasLine) {
  auto out = ReadBytes(ReadHtml, "<html>\n<body>\n<p>bad \xFF</p>\n</body></html>");
  ASSERT_EQ(out.rejects.size(), 1u);
  EXPECT_EQ(out.rejects.rejects()[0].code, RejectCode::kInvalidUtf8);
  EXPECT_EQ(out.rejects.rejects()[0].line, 3);
}

TEST(ReadHtmlTest, DeeplyNestedPageDoesNotCrash) {
  // libxml2 stops descending at its depth limit; what matters is one clean outcome.
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "<div>";
  page += "<p>" + std::string(kSentence1) + "</p>";
  auto out = ReadBytes(ReadHtml, page);
  EXPECT_EQ(out.docs.size() + out.rejects.size(), 1u);
}

TEST(ReadHtmlTest, ModeratelyNestedPageRead) {
  std::string page;
  for (int i = 0; i < 200; ++i) page += "<div>";
  page += "<p>" + std::string(kSentence1) + "</p>";
  auto out = ReadBytes(ReadHtml, page);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].text, kSentence1);
}

}  // namespace
}  // namespace polgraph::ingest
