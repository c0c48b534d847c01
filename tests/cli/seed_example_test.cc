// The acceptance criteria of the foundation issue on the seed page in examples/:
// the relations a reader finds there, no page furniture, one node per person.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <map>

#include "run.h"

namespace polgraph::testing_cli {
namespace {

const char kSeed[] = "/examples/putin_meets_le_pen.html";

struct Triple {
  std::string subject, predicate, object;
};

std::vector<Triple> Relations(const std::string& jsonl) {
  std::vector<Triple> out;
  for (const std::string& line : Lines(jsonl)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || d["negated"].GetBool()) continue;
    out.push_back({d["subject"]["label"].GetString(), d["predicate"].GetString(),
                   d["object"]["label"].GetString()});
  }
  return out;
}

bool Has(const std::vector<Triple>& rels, const std::string& s, const std::string& p,
         const std::string& o) {
  for (const Triple& t : rels) {
    bool forward = t.subject.find(s) != std::string::npos && t.predicate == p &&
                   t.object.find(o) != std::string::npos;
    if (forward) return true;
  }
  return false;
}

TEST(SeedExample, FindsWhatAReaderFinds) {
  std::string seed = SourceDir() + kSeed;
  ASSERT_TRUE(std::filesystem::exists(seed)) << seed;
  RunResult r = RunPolgraph("extract '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<Triple> rels = Relations(r.out);
  bool met = Has(rels, "Le Pen", "meet", "Putin") || Has(rels, "Putin", "meet", "Le Pen");
  EXPECT_TRUE(met) << r.out;
  EXPECT_TRUE(Has(rels, "European Union", "impose_sanctions", "Russia")) << r.out;
  EXPECT_TRUE(Has(rels, "United States", "impose_sanctions", "Russia")) << r.out;
  EXPECT_TRUE(Has(rels, "Le Pen", "visit", "Russia")) << r.out;
  EXPECT_TRUE(Has(rels, "Macron", "accuse", "Kremlin")) << r.out;
  // The affiliations and nominal events issue 4 names.
  EXPECT_TRUE(Has(rels, "Le Pen", "leader_of", "National Front")) << r.out;
  EXPECT_TRUE(Has(rels, "Peskov", "spokesperson_of", "Kremlin")) << r.out;
  EXPECT_TRUE(Has(rels, "de Danne", "aide_to", "Le Pen")) << r.out;
  EXPECT_TRUE(Has(rels, "Merkel", "head_of_government_of", "Germany")) << r.out;
  EXPECT_TRUE(Has(rels, "Russia", "invite", "Le Pen")) << r.out;  // "at the invitation of"
}

TEST(SeedExample, NoFurnitureAndOneEntityPerPerson) {
  std::string seed = SourceDir() + kSeed;
  RunResult r = RunPolgraph("entities '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, int> entities_naming;
  for (const std::string& line : Lines(r.out)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    std::string label = d["label"].GetString();
    EXPECT_EQ(label.find("Accessibility"), std::string::npos) << label;
    EXPECT_EQ(label.find("Breaking"), std::string::npos) << label;
    EXPECT_EQ(label.find("Skip"), std::string::npos) << label;
    EXPECT_EQ(label.find("Copyright"), std::string::npos) << label;
    for (const char* name : {"Le Pen", "Putin"}) {
      if (label.find(name) != std::string::npos) ++entities_naming[name];
      for (const auto& alias : d["aliases"].GetArray()) {
        std::string a = alias.GetString();
        if (a.find(name) != std::string::npos && label.find(name) == std::string::npos) {
          ++entities_naming[name];  // an alias filed under some other entity
        }
      }
    }
  }
  EXPECT_EQ(entities_naming["Le Pen"], 1);
  EXPECT_EQ(entities_naming["Putin"], 1);
}

}  // namespace
}  // namespace polgraph::testing_cli
