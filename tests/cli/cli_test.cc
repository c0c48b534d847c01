// The polgraph binary end to end: formats, bad input, the store, exports, queries.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdlib>
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

}  // namespace
}  // namespace polgraph::testing_cli
