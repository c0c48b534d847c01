// `polgraph build` and `polgraph export` as a user runs them: every format, the
// filters, and the bad requests (unknown actor, malformed date, CSV to stdout).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::CommandResult;
using export_test::RunCommand;
using export_test::ShellQuote;

std::string Binary() {
  const char* env = std::getenv("POLGRAPH_BIN");
  return env != nullptr && *env != '\0' ? env : POLGRAPH_DEFAULT_BIN;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// One `polgraph build` of the bundled example for the whole suite.
class ExportCli : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((std::filesystem::temp_directory_path() /
                            ("polgraph_export_cli_" + std::to_string(getpid())))
                               .string());
    std::filesystem::remove_all(*dir_);
    build_ = new CommandResult(RunCommand(ShellQuote(Binary()) + " build " +
                                          ShellQuote(export_test::SourceDir() + "/examples") +
                                          " -o " + ShellQuote(*dir_ + "/out")));
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    std::filesystem::remove_all(*dir_, ec);
    delete dir_;
    delete build_;
  }
  void SetUp() override {
    if (!std::filesystem::exists(Binary())) GTEST_SKIP() << Binary() << " not built";
    ASSERT_EQ(build_->exit_code, 0) << build_->output;
  }
  static CommandResult Export(const std::string& args) {
    return RunCommand(ShellQuote(Binary()) + " export --db " +
                      ShellQuote(*dir_ + "/out/polgraph.db") + " " + args);
  }
  static std::string* dir_;
  static CommandResult* build_;
};
std::string* ExportCli::dir_ = nullptr;
CommandResult* ExportCli::build_ = nullptr;

TEST_F(ExportCli, BuildWritesEveryFormat) {
  for (const char* name :
       {"graph.graphml", "graph.gexf", "graph.jsonld", "graph.nodes.csv", "graph.edges.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(*dir_ + "/out/" + name)) << name;
  }
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found: schema validation skipped";
  CommandResult valid = RunCommand(ShellQuote(*shared + "/data/schemas/validate.sh") + " " +
                                   ShellQuote(*dir_ + "/out/graph.graphml") + " " +
                                   ShellQuote(*dir_ + "/out/graph.gexf"));
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
}

TEST_F(ExportCli, CsvGoesToTwoFilesNamedAfterTheOutput) {
  CommandResult r = Export("--format csv -o " + ShellQuote(*dir_ + "/pair.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(ReadFile(*dir_ + "/pair.nodes.csv").rfind("Id,Label,Type,", 0), 0u);
  EXPECT_EQ(ReadFile(*dir_ + "/pair.edges.csv").rfind("Source,Target,Type,Kind,Label,Weight", 0),
            0u);
  CommandResult to_stdout = Export("--format csv");
  EXPECT_EQ(to_stdout.exit_code, 2) << to_stdout.output;
  EXPECT_NE(to_stdout.output.find("-o"), std::string::npos) << to_stdout.output;
}

TEST_F(ExportCli, PredicateFilterKeepsOnlyThatPredicate) {
  CommandResult all = Export("--format gexf");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  ASSERT_NE(all.output.find("kind=\"meet\""), std::string::npos);
  CommandResult r = Export("--format gexf --predicate meet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  size_t edges = 0;
  for (size_t pos = r.output.find("<edge "); pos != std::string::npos;
       pos = r.output.find("<edge ", pos + 1)) {
    ++edges;
    EXPECT_EQ(r.output.compare(r.output.find("kind=", pos), 11, "kind=\"meet\""), 0);
  }
  EXPECT_GT(edges, 0u);
  EXPECT_LT(r.output.size(), all.output.size());
}

TEST_F(ExportCli, ActorFilterCutsAnEgoNetwork) {
  CommandResult r = Export("--format graphml --actor 'Angela Merkel' --hops 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Angela Merkel"), std::string::npos);
  EXPECT_NE(r.output.find("Emmanuel Macron"), std::string::npos);  // they met
  EXPECT_EQ(r.output.find("Vyacheslav Volodin"), std::string::npos);
}

TEST_F(ExportCli, UnknownActorIsAFailureNamingIt) {
  CommandResult r = Export("--format gexf --actor 'Nobody Atall'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("Nobody Atall"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("<gexf"), std::string::npos);
}

TEST_F(ExportCli, MalformedDateIsABadCommandLine) {
  CommandResult r = Export("--since 2020-13-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("2020-13-01"), std::string::npos) << r.output;
  EXPECT_EQ(Export("--format dot").exit_code, 2);
}

TEST_F(ExportCli, FutureDateRangeGivesAnEmptyButValidGraph) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found";
  const std::string file = *dir_ + "/empty.gexf";
  CommandResult r = Export("--format gexf --since 2999-01-01 -o " + ShellQuote(file));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("0 of"), std::string::npos) << r.output;
  CommandResult valid =
      RunCommand(ShellQuote(*shared + "/data/schemas/validate.sh") + " " + ShellQuote(file));
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
}

}  // namespace
}  // namespace polgraph::exporter
