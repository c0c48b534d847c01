#include "export/gexf.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <sstream>

#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::RunCommand;
using export_test::SampleGraph;
using export_test::ShellQuote;
using export_test::TempFile;

std::string Gexf(const graph::KnowledgeGraph& kg) {
  std::ostringstream out;
  EXPECT_TRUE(WriteGexf(kg, out).ok());
  return out.str();
}

void WriteFile(const graph::KnowledgeGraph& kg, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  ASSERT_TRUE(WriteGexf(kg, out).ok());
}

// Two actors whose labels carry what xsd:token forbids (doubled spaces, a tab, a
// newline), linked by two predicates, so parallel relations must stay apart.
graph::KnowledgeGraph AwkwardGraph() {
  EntityRef a{"person:a", "Anna  Berg\tand\nco", ActorType::kPerson, "Anna"};
  EntityRef b{"organization:b", "Blue Party", ActorType::kOrganization, "Blue"};
  Relation meet;
  meet.doc = "d1";
  meet.subject = a;
  meet.object = b;
  meet.predicate = "meet";
  meet.date = "2024-05-01";
  Relation praise = meet;
  praise.predicate = "praise";
  praise.date = "2024-06-02";
  return graph::KnowledgeGraph::Build({}, {meet, praise, praise}, {});
}

std::string ValidateCommand(const std::string& shared, const std::string& file) {
  return ShellQuote(shared + "/data/schemas/validate.sh") + " " + ShellQuote(file);
}

TEST(WriteGexf, HeaderIsWhatGephiAndTheSchemaWant) {
  const std::string xml = Gexf(SampleGraph());
  EXPECT_NE(xml.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(xml.find("version=\"1.3\""), std::string::npos);
  EXPECT_NE(xml.find("defaultedgetype=\"directed\""), std::string::npos);
  EXPECT_NE(xml.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
  EXPECT_EQ(xml.find("schemaLocation"), std::string::npos);
  EXPECT_EQ(xml.find("anyURI"), std::string::npos);  // unknown to Gephi
}

TEST(WriteGexf, ValidatesAgainstTheRelaxNgSchema) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  if (RunCommand("command -v xmllint").exit_code != 0) GTEST_SKIP() << "xmllint missing";
  for (const graph::KnowledgeGraph& kg :
       {SampleGraph(), AwkwardGraph(), graph::KnowledgeGraph::Build({}, {}, {})}) {
    TempFile file(".gexf");
    WriteFile(kg, file.path());
    export_test::CommandResult result = RunCommand(ValidateCommand(*shared, file.path()));
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("validates"), std::string::npos) << result.output;
  }
}

TEST(WriteGexf, SpellsSpanFirstToLastDateAndAreLeftOutWhenUnknown) {
  const std::string xml = Gexf(AwkwardGraph());
  EXPECT_NE(xml.find("<spell start=\"2024-05-01\" end=\"2024-05-01\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<spell start=\"2024-06-02\" end=\"2024-06-02\"/>"), std::string::npos);
  EntityRef x{"person:x", "X", ActorType::kPerson, "X"};
  EntityRef y{"person:y", "Y", ActorType::kPerson, "Y"};
  Relation undated;
  undated.subject = x;
  undated.object = y;
  undated.predicate = "meet";
  EXPECT_EQ(Gexf(graph::KnowledgeGraph::Build({}, {undated}, {})).find("<spell"),
            std::string::npos);
}

TEST(WriteGexf, SizeGrowsWithDegreeAndColourFollowsType) {
  EXPECT_EQ(ActorSize(0), 4.0);
  EXPECT_EQ(ActorSize(7), 16.0);
  EXPECT_LT(ActorSize(1000), 45.0);
  EXPECT_NE(ActorTypeColor(ActorType::kPerson), ActorTypeColor(ActorType::kOrganization));
  EXPECT_NE(ActorTypeColor(ActorType::kCountry), ActorTypeColor(ActorType::kGroup));
}

// graphology-gexf is the parser of Gephi Lite: labels, kinds, weights, attribute
// types and viz must come back as written.
TEST(WriteGexf, GraphologyReadsLabelsKindsWeightsAndViz) {
  if (auto missing = export_test::NodeReadersMissing()) GTEST_SKIP() << *missing;
  const graph::KnowledgeGraph kg = SampleGraph();
  TempFile file(".gexf");
  WriteFile(kg, file.path());
  rapidjson::Document doc;
  auto error =
      export_test::RunJsonScript("node", "js/read_gexf.mjs", ShellQuote(file.path()), &doc);
  ASSERT_FALSE(error) << *error;
  EXPECT_EQ(std::string(doc["type"].GetString()), "directed");

  const graph::Graph& g = kg.graph();
  const rapidjson::Value& nodes = doc["nodes"];
  ASSERT_EQ(nodes.MemberCount(), boost::num_vertices(g));
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const std::string id = "n" + std::to_string(v);
    ASSERT_TRUE(nodes.HasMember(id.c_str())) << id;
    const rapidjson::Value& node = nodes[id.c_str()];
    EXPECT_EQ(std::string(node["label"].GetString()), g[v].label);
    EXPECT_EQ(std::string(node["type"].GetString()), ActorTypeName(g[v].type));
    EXPECT_EQ(std::string(node["actor_id"].GetString()), g[v].id);
    ASSERT_TRUE(node["mentions"].IsNumber());
    EXPECT_EQ(node["mentions"].GetDouble(), g[v].mention_count);
    int degree = static_cast<int>(boost::in_degree(v, g) + boost::out_degree(v, g));
    EXPECT_EQ(node["degree"].GetDouble(), degree);
    EXPECT_EQ(node["size"].GetDouble(), ActorSize(degree));
    unsigned rgb = ActorTypeColor(g[v].type);
    EXPECT_EQ(std::string(node["color"].GetString()), "rgb(" + std::to_string(rgb >> 16) + "," +
                                                          std::to_string((rgb >> 8) & 0xFF) + "," +
                                                          std::to_string(rgb & 0xFF) + ")");
  }

  std::map<std::string, const rapidjson::Value*> by_kind;
  for (const rapidjson::Value& edge : doc["edges"].GetArray()) {
    by_kind[edge["attrs"]["kind"].GetString()] = &edge["attrs"];
  }
  ASSERT_EQ(by_kind.size(), 2u);
  const rapidjson::Value& meet = *by_kind.at("meet");
  EXPECT_EQ(std::string(meet["label"].GetString()), "meet");
  EXPECT_EQ(meet["weight"].GetDouble(), 1.0);
  EXPECT_EQ(meet["confidence"].GetDouble(), export_test::kPreciseConfidence);
  EXPECT_EQ(std::string(meet["cameo"].GetString()), "040");
  const rapidjson::Value& sanction = *by_kind.at("impose_sanctions");
  EXPECT_EQ(sanction["weight"].GetDouble(), 1.0);
  EXPECT_EQ(sanction["negated_count"].GetDouble(), 1.0);
  EXPECT_EQ(sanction["goldstein"].GetDouble(), -8.0);
  EXPECT_EQ(std::string(sanction["relation_kind"].GetString()), "event");
}

// Two predicates between the same two actors: Gephi would merge them without
// distinct kinds; graphology must see two edges.
TEST(WriteGexf, ParallelRelationsKeepTheirKindsAndLabelsBecomeTokens) {
  if (auto missing = export_test::NodeReadersMissing()) GTEST_SKIP() << *missing;
  TempFile file(".gexf");
  WriteFile(AwkwardGraph(), file.path());
  rapidjson::Document doc;
  auto error =
      export_test::RunJsonScript("node", "js/read_gexf.mjs", ShellQuote(file.path()), &doc);
  ASSERT_FALSE(error) << *error;
  EXPECT_TRUE(doc["multi"].GetBool());
  ASSERT_EQ(doc["edges"].Size(), 2u);
  std::map<std::string, double> weight_by_kind;
  for (const rapidjson::Value& edge : doc["edges"].GetArray()) {
    weight_by_kind[edge["attrs"]["kind"].GetString()] = edge["attrs"]["weight"].GetDouble();
  }
  EXPECT_EQ(weight_by_kind, (std::map<std::string, double>{{"meet", 1.0}, {"praise", 2.0}}));
  bool found = false;
  for (const auto& node : doc["nodes"].GetObject()) {
    if (std::string(node.value["actor_id"].GetString()) == "person:a") {
      found = true;
      EXPECT_EQ(std::string(node.value["label"].GetString()), "Anna Berg and co");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace polgraph::exporter
