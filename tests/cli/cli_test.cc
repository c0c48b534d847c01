// The polgraph binary end to end: formats, bad input, the store, exports, queries.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "run.h"
#include "store/store.h"

namespace polgraph::testing_cli {
namespace {

const char kArticleText[] =
    "Envoys meet in Vienna\n"
    "\n"
    "Chancellor Petra Lindqvist met Prime Minister Tomas Brandt in Vienna on Tuesday.\n"
    "\n"
    "Canada and Japan have imposed sanctions on Belarus.\n";

const char kArticleHtml[] =
    "<html><head><title>Talks</title><script>var x = 'Ilse Varga met Canada';</script>"
    "<style>p { color: red }</style></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Talks in Lima</h1><p>Ilse Varga visited Peru on Monday.</p>"
    "<p>Foreign Minister Karin Holm accused Chile of spying.</p></article>"
    "<footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>";

const char kArticlesJsonl[] =
    "{\"id\": \"a1\", \"title\": \"Visit\", \"date\": \"2020-02-03\", \"source\": \"Wire\", "
    "\"url\": \"https://example.org/a1\", \"text\": \"Ilse Varga met Tomas Brandt in Oslo.\", "
    "\"section\": \"world\"}\n"
    "{\"id\": \"a2\", \"date\": \"2020-02-04\", \"text\": \"Tomas Brandt criticised Ilse "
    "Varga.\"}\n";

bool HasRelation(const std::string& jsonl, const std::string& subject, const std::string& predicate,
                 const std::string& object) {
  for (const std::string& line : Lines(jsonl)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || !d.IsObject()) continue;
    if (subject == d["subject"]["label"].GetString() && predicate == d["predicate"].GetString() &&
        object == d["object"]["label"].GetString()) {
      return true;
    }
  }
  return false;
}

TEST(CliFormats, PlainTextWithHeadline) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/a.txt", kArticleText);
  RunResult r = RunPolgraph("extract '" + dir + "/a.txt'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasRelation(r.out, "Petra Lindqvist", "meet", "Tomas Brandt")) << r.out;
  EXPECT_TRUE(HasRelation(r.out, "Japan", "impose_sanctions", "Belarus")) << r.out;
  // Every line honours the contract's required fields.
  for (const std::string& line : Lines(r.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    for (const char* key :
         {"doc", "sentence", "evidence", "subject", "object", "predicate", "kind", "cameo",
          "goldstein", "negated", "hypothetical", "date", "confidence"}) {
      EXPECT_TRUE(d.HasMember(key)) << key << " missing in " << line;
    }
    EXPECT_EQ(std::string(d["doc"].GetString()), dir + "/a.txt");
  }
  EXPECT_NE(r.err.find("1 documents read"), std::string::npos) << r.err;
}

TEST(CliFormats, HtmlDropsScriptsAndNavigation) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/a.html", kArticleHtml);
  RunResult r = RunPolgraph("extract '" + dir + "/a.html'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasRelation(r.out, "Ilse Varga", "visit", "Peru")) << r.out;
  EXPECT_TRUE(HasRelation(r.out, "Karin Holm", "accuse", "Chile")) << r.out;
  EXPECT_FALSE(HasRelation(r.out, "Ilse Varga", "meet", "Canada")) << "script text leaked";
}

TEST(CliFormats, JsonlUsesRecordIdsAndDates) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/a.jsonl", kArticlesJsonl);
  RunResult r = RunPolgraph("extract '" + dir + "/a.jsonl'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(HasRelation(r.out, "Ilse Varga", "meet", "Tomas Brandt")) << r.out;
  rapidjson::Document d;
  d.Parse(Lines(r.out)[0].c_str());
  EXPECT_STREQ(d["doc"].GetString(), "a1");
  EXPECT_STREQ(d["date"].GetString(), "2020-02-03");
}

TEST(CliFormats, StdinAndDefaultDate) {
  RunResult r = RunPolgraph("extract --date 2019-07-01 -", "Ilse Varga visited Peru.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(HasRelation(r.out, "Ilse Varga", "visit", "Peru")) << r.out;
  rapidjson::Document d;
  d.Parse(Lines(r.out)[0].c_str());
  EXPECT_STREQ(d["doc"].GetString(), "-");
  EXPECT_STREQ(d["date"].GetString(), "2019-07-01");
}

TEST(CliFormats, DirectoriesAreWalked) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/x/a.txt", kArticleText);
  WriteFile(dir + "/y/b.html", kArticleHtml);
  WriteFile(dir + "/y/notes.md", "Ilse Varga met Tomas Brandt.");
  RunResult r = RunPolgraph("extract '" + dir + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(HasRelation(r.out, "Petra Lindqvist", "meet", "Tomas Brandt"));
  EXPECT_TRUE(HasRelation(r.out, "Ilse Varga", "visit", "Peru"));
  EXPECT_FALSE(HasRelation(r.out, "Ilse Varga", "meet", "Tomas Brandt")) << "read a .md file";
}

// Each bad input: one message naming the file (and line), the run goes on with the
// good file, exit code 3.
struct BadInput {
  std::string name;
  std::string bytes;
  std::string expect_in_message;  // besides the file name
};

class CliBadInput : public testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, IsReportedAndTheRunGoesOn) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/good.txt", kArticleText);
  WriteFile(dir + "/" + GetParam().name, GetParam().bytes);
  RunResult r = RunPolgraph("extract '" + dir + "/good.txt' '" + dir + "/" + GetParam().name + "'");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(GetParam().name + GetParam().expect_in_message), std::string::npos) << r.err;
  EXPECT_TRUE(HasRelation(r.out, "Petra Lindqvist", "meet", "Tomas Brandt")) << r.out;
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, CliBadInput,
    testing::Values(BadInput{"empty.txt", "", ": empty"},
                    BadInput{"blank.txt", "  \n\n \t\n", ": empty"},
                    BadInput{"binary.txt",
                             std::string("\x7f"
                                         "ELF\x02\x01\x01\0\0\0\0",
                                         12),
                             ": binary"},
                    BadInput{"latin1.txt", "Caf\xe9 talks in Paris.\n", ":1: invalid_utf8"},
                    BadInput{"cut.jsonl",
                             "{\"id\": \"ok\", \"text\": \"Ilse Varga visited Peru.\"}\n"
                             "{\"id\": \"cut\", \"text\": \"Ilse Var\n",
                             ":2: bad_json"},
                    BadInput{"empty.html", "<html><body><script>x()</script></body></html>",
                             ": no_text"}),
    [](const testing::TestParamInfo<BadInput>& param_info) {
      std::string n = param_info.param.name;
      std::replace(n.begin(), n.end(), '.', '_');
      return n;
    });

// Mention offsets index the input as read: the file's bytes for .txt, the
// decoded "text" field for .jsonl, whatever the reader dropped or reflowed.
TEST(CliEntities, MentionSpansAreOffsetsIntoTheInput) {
  std::string dir = ScratchDir("spans");
  const std::string txt =
      "Envoys meet\r\n\r\nChancellor Petra Lindqvist met Prime Minister Tomas Brandt in "
      "Vienna on\r\nTuesday, and the two leaders agreed to talk again soon about the new "
      "trade\r\nagreement.\r\n\r\nShare this article\r\n\r\nCanada and Japan imposed "
      "sanctions on Belarus.\r\n";
  WriteFile(dir + "/a.txt", txt);
  const std::string field =
      "Advertisement\nIlse Varga met Tomas Brandt in Oslo.\n\n\nShe   visited\tChile.";
  WriteFile(dir + "/b.jsonl",
            "{\"id\": \"b1\", \"text\": \"Advertisement\\nIlse Varga met Tomas Brandt in "
            "Oslo.\\n\\n\\nShe   visited\\tChile.\"}\n");
  RunResult r = RunPolgraph("entities '" + dir + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int checked = 0;
  for (const std::string& line : Lines(r.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    const std::string& input = std::string(d["doc"].GetString()) == "b1" ? field : txt;
    for (const auto& m : d["mentions"].GetArray()) {
      const size_t start = m["start"].GetUint64(), end = m["end"].GetUint64();
      ASSERT_LE(end, input.size()) << line;
      std::string at = input.substr(start, end - start);
      for (char& c : at) {
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
      }
      EXPECT_EQ(at, m["text"].GetString()) << line;
      ++checked;
    }
  }
  EXPECT_GE(checked, 8) << r.out;
}

// A reported relation keeps its source from extraction through the store to
// `query between`.
TEST(CliQuery, BetweenNamesWhoReportedARelation) {
  std::string dir = ScratchDir("reported");
  WriteFile(dir + "/a.txt", "Oleg Petrenko said that Ilse Varga met Tomas Brandt in Oslo.\n");
  RunResult built = RunPolgraph("build '" + dir + "/a.txt' -o '" + dir + "/out'");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  RunResult text =
      RunPolgraph("query --db '" + dir + "/out/polgraph.db' between 'Ilse Varga' 'Tomas Brandt'");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("[according to Oleg Petrenko]"), std::string::npos) << text.out;
  RunResult json = RunPolgraph("query --db '" + dir +
                               "/out/polgraph.db' --json between 'Ilse Varga' 'Tomas Brandt'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << json.out;
  ASSERT_TRUE(d.IsArray() && d.Size() >= 1) << json.out;
  EXPECT_STREQ(d[0]["mentions"][0]["source"].GetString(), "Oleg Petrenko");
}

TEST(CliLexicon, UserDictionaryAddsActorsWithTheirTypeAndIds) {
  std::string dir = ScratchDir("lexicon");
  WriteFile(dir + "/a.txt", "Blue Harbour accused Chile of fraud. Harbour Watch praised Peru.\n");
  RunResult plain = RunPolgraph("entities '" + dir + "/a.txt'");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("\"Organization\",\"country\":\"NOR\""), std::string::npos) << plain.out;

  WriteFile(dir + "/mine.tsv",
            "# label\ttype\tcountry\twikidata\taliases\tnote\n"
            "Blue Harbour\tOrganization\tNOR\tQ999999\tHarbour Watch\ta test actor\n");
  RunResult mine = RunPolgraph("entities --lexicon '" + dir + "/mine.tsv' '" + dir + "/a.txt'");
  ASSERT_EQ(mine.exit_code, 0) << mine.err;
  int found = 0;
  for (const std::string& line : Lines(mine.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    if (std::string(d["label"].GetString()) != "Blue Harbour") continue;
    ++found;
    EXPECT_STREQ(d["type"].GetString(), "Organization");
    EXPECT_STREQ(d["country"].GetString(), "NOR");
    EXPECT_STREQ(d["wikidata"].GetString(), "Q999999");
    EXPECT_EQ(d["mentions"].GetArray().Size(), 2u) << line;  // the alias is the same actor
  }
  EXPECT_EQ(found, 1) << mine.out;

  // A malformed dictionary stops the run with the file and line.
  WriteFile(dir + "/bad.tsv", "Blue Harbour\tOrganization\tNOR\t\t\t\nGrey Dock\tPersn\t\t\t\t\n");
  RunResult bad = RunPolgraph("extract --lexicon '" + dir + "/bad.tsv' '" + dir + "/a.txt'");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad.tsv:2"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("Persn"), std::string::npos) << bad.err;
}

TEST(CliBadInput, MissingPathIsNamedAndTheRunGoesOn) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/good.txt", kArticleText);
  RunResult r = RunPolgraph("extract '" + dir + "/nope.txt' '" + dir + "/good.txt'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos) << r.err;
  EXPECT_TRUE(HasRelation(r.out, "Petra Lindqvist", "meet", "Tomas Brandt"));
}

TEST(CliBadInput, BadCommandLineIsExitCode2) {
  EXPECT_EQ(RunPolgraph("extract --date 31/31/2020 -").exit_code, 2);
  EXPECT_EQ(RunPolgraph("no-such-command").exit_code, 2);
  EXPECT_EQ(RunPolgraph("").exit_code, 2);
  RunResult help = RunPolgraph("extract --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--min-confidence"), std::string::npos);
}

store::StoreCounts Counts(const std::string& db) {
  auto s = store::Store::Open(db);
  EXPECT_TRUE(s.ok()) << s.status().message();
  auto c = s.value()->Counts();
  EXPECT_TRUE(c.ok());
  return c.value();
}

TEST(CliIngest, ReingestingAddsNothing) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/a.txt", kArticleText);
  WriteFile(dir + "/b.jsonl", kArticlesJsonl);
  std::string db = dir + "/graph.db";
  RunResult first = RunPolgraph("ingest '" + dir + "' --db '" + db + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  store::StoreCounts before = Counts(db);
  EXPECT_EQ(before.documents, 3);
  EXPECT_GT(before.relations, 3);
  RunResult again = RunPolgraph("ingest '" + dir + "' --db '" + db + "'");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("3 already stored"), std::string::npos) << again.err;
  // The same article copied under another name is the same content.
  WriteFile(dir + "/copy/a-copy.txt", kArticleText);
  RunPolgraph("ingest '" + dir + "/copy' --db '" + db + "'");
  store::StoreCounts after = Counts(db);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.relations, before.relations);
  EXPECT_EQ(after.entities, before.entities);
}

TEST(CliIngest, BadInputLaterLosesNothingStored) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/first/a.txt", kArticleText);
  std::string db = dir + "/graph.db";
  ASSERT_EQ(RunPolgraph("ingest '" + dir + "/first' --db '" + db + "'").exit_code, 0);
  store::StoreCounts before = Counts(db);
  WriteFile(dir + "/second/bad.jsonl", "{\"id\": \"x\", \"text\": \n");
  WriteFile(dir + "/second/b.html", kArticleHtml);
  WriteFile(dir + "/second/empty.txt", "");
  RunResult r = RunPolgraph("ingest '" + dir + "/second' --db '" + db + "'");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  store::StoreCounts after = Counts(db);
  EXPECT_EQ(after.documents, before.documents + 1);
  EXPECT_GE(after.relations, before.relations + 2);
}

TEST(CliIngest, NotADatabaseIsAClearFailure) {
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/a.txt", kArticleText);
  WriteFile(dir + "/not.db", "this is not sqlite, just text that is long enough to be read");
  RunResult r = RunPolgraph("ingest '" + dir + "/a.txt' --db '" + dir + "/not.db'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not.db"), std::string::npos) << r.err;
}

class CliBuild : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("build");
    WriteFile(dir_ + "/in/a.txt", kArticleText);
    WriteFile(dir_ + "/in/b.html", kArticleHtml);
    WriteFile(dir_ + "/in/c.jsonl", kArticlesJsonl);
    RunResult r = RunPolgraph("build '" + dir_ + "/in' -o '" + dir_ + "/out'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summary_ = r.out;
  }
  std::string dir_, summary_;
};

TEST_F(CliBuild, PrintsASummaryAndWritesBothExports) {
  EXPECT_NE(summary_.find("documents: 4"), std::string::npos) << summary_;
  EXPECT_NE(summary_.find("top actors:"), std::string::npos) << summary_;
  std::string graphml = dir_ + "/out/graph.graphml";
  std::string jsonld = dir_ + "/out/graph.jsonld";
  std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not found: schema validation skipped";
  std::string validate =
      "sh '" + shared + "/data/schemas/validate.sh' '" + graphml + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(validate.c_str()), 0) << "GraphML does not validate: " << graphml;
  if (std::system("/usr/bin/python3 -c 'import pyld, rdflib' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3-pyld or python3-rdflib missing: JSON-LD check skipped";
  }
  std::string check = "/usr/bin/python3 '" + shared + "/data/schemas/check_jsonld.py' '" + jsonld +
                      "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(check.c_str()), 0) << "JSON-LD does not pass check_jsonld.py: " << jsonld;
}

TEST_F(CliBuild, ExportCommandWritesTheSameGraph) {
  RunResult r = RunPolgraph("export --db '" + dir_ + "/out/polgraph.db' --format graphml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<graphml"), std::string::npos);
  EXPECT_NE(r.out.find("Petra Lindqvist"), std::string::npos);
  RunResult bad = RunPolgraph("export --db '" + dir_ + "/out/polgraph.db' --format dot");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(CliBuild, QueriesNeighborsAndPaths) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  RunResult n = RunPolgraph("query " + db + " neighbors 'Tomas Brandt'");
  EXPECT_EQ(n.exit_code, 0) << n.err;
  EXPECT_NE(n.out.find("Petra Lindqvist"), std::string::npos) << n.out;
  EXPECT_NE(n.out.find("Ilse Varga"), std::string::npos) << n.out;
  // Surname only, and JSON.
  RunResult j = RunPolgraph("query " + db + " --json neighbors Brandt");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  rapidjson::Document d;
  d.Parse(j.out.c_str());
  ASSERT_TRUE(d.IsArray()) << j.out;
  EXPECT_GE(d.Size(), 2u);
  // Lindqvist -> Brandt -> Varga -> Peru
  RunResult p = RunPolgraph("query " + db + " path 'Petra Lindqvist' Peru");
  EXPECT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(Lines(p.out).size(), 3u) << p.out;
  RunResult none = RunPolgraph("query " + db + " neighbors 'Nobody Atall'");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("Nobody Atall"), std::string::npos) << none.err;
}

// Issue 5: the query subcommands and bad requests.

TEST_F(CliBuild, QueryActorShowsAliasesAndSuggestsCloseNames) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  RunResult r = RunPolgraph("query " + db + " actor 'TOMAS brandt'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Tomas Brandt\tPerson\t", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("aliases:"), std::string::npos) << r.out;
  RunResult j = RunPolgraph("query " + db + " --json actor Brandt");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  rapidjson::Document d;
  d.Parse(j.out.c_str());
  ASSERT_TRUE(d.IsArray() && d.Size() == 1u) << j.out;
  EXPECT_STREQ(d[0]["label"].GetString(), "Tomas Brandt");
  ASSERT_TRUE(d[0]["aliases"].IsArray());
  EXPECT_GE(d[0]["aliases"][0]["count"].GetInt(), 1);
  // A typo is an error that names the actor meant, never an empty success.
  RunResult typo = RunPolgraph("query " + db + " actor 'Tomas Brant'");
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_TRUE(typo.out.empty()) << typo.out;
  EXPECT_NE(typo.err.find("\"Tomas Brant\""), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("closest: Tomas Brandt"), std::string::npos) << typo.err;
  RunResult path = RunPolgraph("query " + db + " path 'Petra Lindqvst' Peru");
  EXPECT_EQ(path.exit_code, 1);
  EXPECT_NE(path.err.find("Petra Lindqvist"), std::string::npos) << path.err;
}

TEST_F(CliBuild, QueryNeighborsFilters) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  RunResult meet = RunPolgraph("query " + db + " neighbors Brandt --predicate meet");
  ASSERT_EQ(meet.exit_code, 0) << meet.err;
  EXPECT_NE(meet.out.find("Petra Lindqvist"), std::string::npos) << meet.out;
  EXPECT_EQ(meet.out.find("criticize"), std::string::npos) << meet.out;
  RunResult since = RunPolgraph("query " + db + " neighbors Brandt --since 2020-02-04");
  ASSERT_EQ(since.exit_code, 0) << since.err;
  EXPECT_NE(since.out.find("criticize"), std::string::npos) << since.out;
  EXPECT_EQ(since.out.find("Lindqvist"), std::string::npos) << since.out;
  RunResult until = RunPolgraph("query " + db + " neighbors Brandt --until 2019-12-31");
  ASSERT_EQ(until.exit_code, 0) << until.err;
  EXPECT_NE(until.out.find("(no relations)"), std::string::npos) << until.out;
  EXPECT_EQ(RunPolgraph("query " + db + " neighbors Brandt --since 2020-13-01").exit_code, 2);
}

TEST_F(CliBuild, QueryPathWithMaxHopsAndEvidence) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  RunResult p = RunPolgraph("query " + db + " path 'Petra Lindqvist' Peru --max-hops 3");
  ASSERT_EQ(p.exit_code, 0) << p.err;
  ASSERT_EQ(Lines(p.out).size(), 3u) << p.out;
  // Each hop quotes a sentence that supports it.
  EXPECT_NE(Lines(p.out)[0].find("\"Chancellor Petra Lindqvist met"), std::string::npos) << p.out;
  RunResult short_path = RunPolgraph("query " + db + " path 'Petra Lindqvist' Peru --max-hops 2");
  EXPECT_EQ(short_path.exit_code, 1);
  EXPECT_NE(short_path.err.find("within 2 hops"), std::string::npos) << short_path.err;
  RunResult none = RunPolgraph("query " + db + " path 'Petra Lindqvist' Canada");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no chain"), std::string::npos) << none.err;
  RunResult j = RunPolgraph("query " + db + " --json path Lindqvist Varga");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  rapidjson::Document d;
  d.Parse(j.out.c_str());
  ASSERT_TRUE(d.IsArray() && d.Size() == 2u) << j.out;
  EXPECT_STREQ(d[0]["from"]["label"].GetString(), "Petra Lindqvist");
  EXPECT_STREQ(d[1]["to"]["label"].GetString(), "Ilse Varga");
  EXPECT_TRUE(d[0]["evidence"]["text"].IsString());
}

TEST_F(CliBuild, QueryBetweenShowsEveryRelationWithItsSentences) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  RunResult r = RunPolgraph("query " + db + " between Varga Brandt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Ilse Varga --meet--> Tomas Brandt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Tomas Brandt --criticize--> Ilse Varga"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"Ilse Varga met Tomas Brandt in Oslo.\" [a1 #0]"), std::string::npos)
      << r.out;
  RunResult j = RunPolgraph("query " + db + " --json between Varga Brandt");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  rapidjson::Document d;
  d.Parse(j.out.c_str());
  ASSERT_TRUE(d.IsArray() && d.Size() == 2u) << j.out;
  for (const auto& edge : d.GetArray()) {
    ASSERT_TRUE(edge["mentions"].IsArray() && edge["mentions"].Size() >= 1u);
    const auto& evidence = edge["mentions"][0]["evidence"];
    EXPECT_TRUE(evidence["doc"].IsString());
    EXPECT_LT(evidence["start"].GetUint64(), evidence["end"].GetUint64());
  }
  RunResult unrelated = RunPolgraph("query " + db + " between Varga Canada");
  EXPECT_EQ(unrelated.exit_code, 0) << unrelated.err;
  EXPECT_NE(unrelated.out.find("no relations between"), std::string::npos) << unrelated.out;
}

TEST_F(CliBuild, QueryTopByCentralityAndType) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  for (const char* by : {"degree", "pagerank", "betweenness"}) {
    RunResult r = RunPolgraph("query " + db + " top --by " + by + " --limit 3");
    ASSERT_EQ(r.exit_code, 0) << by << ": " << r.err;
    ASSERT_EQ(Lines(r.out).size(), 3u) << r.out;
    EXPECT_NE(Lines(r.out)[0].find('\t'), std::string::npos);
  }
  RunResult between = RunPolgraph("query " + db + " top --by betweenness --type person --limit 1");
  ASSERT_EQ(between.exit_code, 0) << between.err;
  // Lindqvist - Brandt - Varga - Peru: Brandt and Varga each lie on two shortest
  // paths; ties go by label.
  EXPECT_EQ(between.out.rfind("Ilse Varga\tPerson\t2\t", 0), 0u) << between.out;
  RunResult persons = RunPolgraph("query " + db + " --json top --type Person --limit 50");
  ASSERT_EQ(persons.exit_code, 0) << persons.err;
  rapidjson::Document d;
  d.Parse(persons.out.c_str());
  ASSERT_TRUE(d.IsArray() && d.Size() >= 3u) << persons.out;
  for (const auto& row : d.GetArray()) EXPECT_STREQ(row["actor"]["type"].GetString(), "Person");
  EXPECT_EQ(RunPolgraph("query " + db + " top --by fame").exit_code, 2);
}

TEST_F(CliBuild, QueryEgoWritesTheNetworkAroundAnActor) {
  std::string db = "--db '" + dir_ + "/out/polgraph.db'";
  std::string out = dir_ + "/ego.graphml";
  RunResult r = RunPolgraph("query " + db + " ego Brandt --hops 1 -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult cat = RunPolgraph("query " + db + " ego Brandt --hops 1 -o -");
  ASSERT_EQ(cat.exit_code, 0) << cat.err;
  EXPECT_NE(cat.out.find("<graphml"), std::string::npos);
  EXPECT_NE(cat.out.find("Tomas Brandt"), std::string::npos);
  EXPECT_NE(cat.out.find("Petra Lindqvist"), std::string::npos);
  EXPECT_EQ(cat.out.find("Peru"), std::string::npos);  // two hops away
  RunResult wider = RunPolgraph("query " + db + " ego Brandt --hops 2 -o -");
  ASSERT_EQ(wider.exit_code, 0) << wider.err;
  EXPECT_NE(wider.out.find("Peru"), std::string::npos);
  std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not found: schema validation skipped";
  std::string validate =
      "sh '" + shared + "/data/schemas/validate.sh' '" + out + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(validate.c_str()), 0) << "ego GraphML does not validate: " << out;
}

TEST(CliQueryBadRequests, MissingEmptyAndNewerDatabases) {
  std::string dir = ScratchDir("badq");
  RunResult missing = RunPolgraph("query --db '" + dir + "/nope.db' top");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("no such database"), std::string::npos) << missing.err;

  std::string empty = dir + "/empty.db";
  ASSERT_TRUE(store::Store::Open(empty).ok());
  RunResult r = RunPolgraph("query --db '" + empty + "' neighbors Anyone");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no documents"), std::string::npos) << r.err;

  // PRAGMA user_version is the big-endian 32-bit integer at byte 60 of the file.
  std::string newer = dir + "/newer.db";
  ASSERT_TRUE(store::Store::Open(newer).ok());
  {
    std::fstream file(newer, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(60);
    const char version[4] = {0, 0, 0, 99};
    file.write(version, 4);
  }
  RunResult n = RunPolgraph("query --db '" + newer + "' top");
  EXPECT_EQ(n.exit_code, 1);
  EXPECT_NE(n.err.find("schema version 99 is newer"), std::string::npos) << n.err;
  EXPECT_EQ(RunPolgraph("query --db '" + newer + "' top --limit x").exit_code, 2);
  EXPECT_EQ(RunPolgraph("query --db '" + newer + "'").exit_code, 2);
}

// Graph snapshots: DB.graph next to the database, read by queries instead of
// rebuilding the graph from the store, and never trusted once the store changed.

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool LoadedFrom(const RunResult& r, const std::string& where) {
  return r.err.find("(from " + where + ")") != std::string::npos;
}

TEST_F(CliBuild, QueryAfterBuildReadsTheGraphSnapshot) {
  const std::string db = dir_ + "/out/polgraph.db";
  EXPECT_FALSE(ReadBytes(db + ".graph").empty()) << "build wrote no snapshot";
  RunResult r = RunPolgraph("query --db '" + db + "' --timings neighbors 'Tomas Brandt'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(LoadedFrom(r, "snapshot")) << r.err;
  EXPECT_NE(r.err.find("load "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("query "), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Petra Lindqvist"), std::string::npos) << r.out;
  // The same answers as a graph rebuilt from the store.
  std::remove((db + ".graph").c_str());
  RunResult rebuilt = RunPolgraph("query --db '" + db + "' --timings neighbors 'Tomas Brandt'");
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(LoadedFrom(rebuilt, "store")) << rebuilt.err;
  EXPECT_EQ(rebuilt.out, r.out);
}

TEST(CliSnapshot, NewDocumentsMakeTheSnapshotStale) {
  std::string dir = ScratchDir("snap");
  WriteFile(dir + "/first/a.txt", kArticleText);
  WriteFile(dir + "/second/b.jsonl", kArticlesJsonl);
  const std::string db = dir + "/graph.db";
  const std::string query = "query --db '" + db + "' --timings neighbors 'Tomas Brandt'";
  ASSERT_EQ(RunPolgraph("ingest '" + dir + "/first' --db '" + db + "'").exit_code, 0);
  RunResult before = RunPolgraph(query);
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_TRUE(LoadedFrom(before, "snapshot")) << before.err;  // ingest wrote it
  EXPECT_EQ(before.out.find("Ilse Varga"), std::string::npos) << before.out;
  const std::string old_snapshot = ReadBytes(db + ".graph");
  ASSERT_FALSE(old_snapshot.empty());

  ASSERT_EQ(RunPolgraph("ingest '" + dir + "/second' --db '" + db + "'").exit_code, 0);
  RunResult after = RunPolgraph(query);
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("Ilse Varga"), std::string::npos) << after.out;

  // The snapshot of before the second ingest (left by a polgraph that could not
  // rewrite it, say) is recognised as stale: rebuilt from the store, then rewritten.
  WriteFile(db + ".graph", old_snapshot);
  RunResult stale = RunPolgraph(query);
  ASSERT_EQ(stale.exit_code, 0) << stale.err;
  EXPECT_TRUE(LoadedFrom(stale, "store")) << stale.err;
  EXPECT_NE(stale.out.find("Ilse Varga"), std::string::npos) << stale.out;
  EXPECT_EQ(stale.out, after.out);
  RunResult again = RunPolgraph(query);
  EXPECT_TRUE(LoadedFrom(again, "snapshot")) << again.err;
  EXPECT_EQ(again.out, after.out);
}

TEST(CliSnapshot, GarbageSnapshotDoesNotBreakQueries) {
  std::string dir = ScratchDir("snapbad");
  WriteFile(dir + "/a.txt", kArticleText);
  const std::string db = dir + "/graph.db";
  ASSERT_EQ(RunPolgraph("ingest '" + dir + "/a.txt' --db '" + db + "'").exit_code, 0);
  const std::string good = ReadBytes(db + ".graph");
  ASSERT_FALSE(good.empty());
  std::string damaged = good;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 1);
  for (const std::string& bad : {std::string("garbage, not a graph"), damaged,
                                 good.substr(0, good.size() / 2), std::string()}) {
    WriteFile(db + ".graph", bad);
    RunResult r = RunPolgraph("query --db '" + db + "' --timings neighbors 'Tomas Brandt'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(LoadedFrom(r, "store")) << r.err;
    EXPECT_NE(r.out.find("Petra Lindqvist"), std::string::npos) << r.out;
    // Nothing but the timings line on stderr: a bad snapshot is silently replaced.
    EXPECT_EQ(Lines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(ReadBytes(db + ".graph"), good);
  }
}

}  // namespace
}  // namespace polgraph::testing_cli
