// `polgraph extract --open` and `--format carb` end to end: what a user (or the
// CaRB scorer) reads. Needs the shipped models; skips when they are missing.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run.h"

namespace polgraph::testing_cli {
namespace {

bool HaveModels() {
  const char* env = std::getenv("POLGRAPH_MODELS");
  const std::string dir = env ? env : SourceDir() + "/models";
  return std::filesystem::exists(dir + "/tagger.pgm") &&
         std::filesystem::exists(dir + "/parser.pgm");
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  return out;
}

TEST(CliOpenTriples, CarbFormatKeepsTheLineAndItsTokens) {
  if (!HaveModels()) GTEST_SKIP() << "no models/ with tagger.pgm and parser.pgm";
  // Tokenized the benchmark's way: "n't" and the final period are tokens of their own.
  const std::string first = "The mayor did n't sign the budget , and the council was angry .";
  const std::string second = "Voters elected a new council .";
  std::string dir = ScratchDir("in");
  WriteFile(dir + "/sentences.txt", first + "\n\n" + second + "\n");
  RunResult r = RunPolgraph("extract --open --format carb '" + dir + "/sentences.txt'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 sentences"), std::string::npos) << r.err;
  bool negated_sign = false, elected = false;
  for (const std::string& line : Lines(r.out)) {
    const std::vector<std::string> f = Split(line, '\t');
    // sentence, confidence, relation, arg1, arg2, ...
    ASSERT_GE(f.size(), 5u) << line;
    EXPECT_TRUE(f[0] == first || f[0] == second) << line;
    const double confidence = std::strtod(f[1].c_str(), nullptr);
    EXPECT_GT(confidence, 0.0) << line;
    EXPECT_LE(confidence, 1.0) << line;
    for (size_t i = 2; i < f.size(); ++i) {
      EXPECT_FALSE(f[i].empty()) << line;
      // Every argument word is one of the line's tokens, spaced as given.
      for (const std::string& word : Split(f[i], ' ')) {
        EXPECT_NE((" " + f[0] + " ").find(" " + word + " "), std::string::npos)
            << word << " in " << line;
      }
    }
    if (f[2] == "did n't sign" && f[3] == "The mayor" && f[4] == "the budget") negated_sign = true;
    if (f[2] == "elected" && f[3] == "Voters" && f[4] == "a new council") elected = true;
  }
  EXPECT_TRUE(negated_sign) << r.out;
  EXPECT_TRUE(elected) << r.out;
}

TEST(CliOpenTriples, OpenAddsTripleLinesToTheRelations) {
  if (!HaveModels()) GTEST_SKIP() << "no models/ with tagger.pgm and parser.pgm";
  std::string dir = ScratchDir("in");
  // JSONL, so that the document text (what the spans count in) is known exactly.
  const std::string text = "The National Front took a $9.7 million loan from a bank.";
  WriteFile(dir + "/a.jsonl",
            "{\"id\": \"a1\", \"date\": \"2020-02-03\", \"text\": \"" + text + "\"}\n");
  RunResult r = RunPolgraph("extract --open '" + dir + "/a.jsonl'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool found = false;
  for (const std::string& line : Lines(r.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    if (!d.HasMember("type") || std::string(d["type"].GetString()) != "open") continue;
    EXPECT_EQ(std::string(d["doc"].GetString()), "a1");
    for (const char* key :
         {"doc", "sentence", "arg1", "relation", "args", "confidence", "negated", "hypothetical"}) {
      ASSERT_TRUE(d.HasMember(key)) << key << " missing in " << line;
    }
    const auto& arg1 = d["arg1"];
    const std::string arg1_text = arg1["text"].GetString();
    // The span points at the argument in the document text.
    EXPECT_EQ(
        text.substr(arg1["start"].GetUint64(), arg1["end"].GetUint64() - arg1["start"].GetUint64()),
        arg1_text)
        << line;
    if (arg1_text == "The National Front" &&
        std::string(d["relation"].GetString()).find("took") != std::string::npos &&
        std::string(d["args"][0]["text"].GetString()).find("loan") != std::string::npos)
      found = true;
  }
  EXPECT_TRUE(found) << r.out;
}

TEST(CliOpenTriples, UnknownFormatIsExitCode2) {
  RunResult r = RunPolgraph("extract --format xml -", "");
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace polgraph::testing_cli
