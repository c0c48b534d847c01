#include "export/graphml.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "export/text_escape.h"
#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::RunCommand;
using export_test::SampleGraph;
using export_test::ShellQuote;
using export_test::TempFile;

void WriteFile(const graph::KnowledgeGraph& kg, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  ASSERT_TRUE(WriteGraphml(kg, out).ok());
}

TEST(TextEscape, XmlEscapesMarkupAndDropsForbiddenCharacters) {
  EXPECT_EQ(XmlEscape("a & b <c> \"d\""), "a &amp; b &lt;c&gt; &quot;d&quot;");
  EXPECT_EQ(XmlEscape("tab\tnl\ncr\r"), "tab\tnl\ncr&#13;");
  EXPECT_EQ(XmlEscape(std::string("nul\0bell\x07", 9)), "nulbell");
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBFok"), "ok");        // U+FFFF
  EXPECT_EQ(XmlEscape("bad\xFF"), "bad\xEF\xBF\xBD");  // invalid UTF-8
  EXPECT_EQ(XmlEscape("Путин 李强"), "Путин 李强");
}

TEST(TextEscape, PercentEncodeMakesOnePathSegment) {
  EXPECT_EQ(PercentEncode("person:vladimir putin"), "person%3Avladimir%20putin");
  EXPECT_EQ(PercentEncode("news/a.html"), "news%2Fa.html");
  EXPECT_EQ(PercentEncode("李"), "%E6%9D%8E");
  EXPECT_EQ(PercentEncode("A-z_0.9~"), "A-z_0.9~");
}

TEST(TextEscape, FormatDoubleRoundTrips) {
  EXPECT_EQ(FormatDouble(0.123456789), "0.123456789");
  EXPECT_EQ(FormatDouble(2.0), "2");
  EXPECT_EQ(FormatDouble(1406764800.5), "1406764800.5");
  EXPECT_EQ(FormatDouble(-8.0), "-8");
}

TEST(WriteGraphml, DeclaresEveryKeyForNodeOrEdge) {
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(SampleGraph(), out).ok());
  const std::string xml = out.str();
  EXPECT_NE(xml.find("edgedefault=\"directed\""), std::string::npos);
  EXPECT_NE(xml.find("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"),
            std::string::npos);
  EXPECT_EQ(xml.find("for=\"all\""), std::string::npos);
  for (const char* key : {"wikidata", "country", "degree", "goldstein", "doc_count"}) {
    EXPECT_NE(xml.find("<key id=\"" + std::string(key) + "\""), std::string::npos) << key;
  }
  EXPECT_NE(xml.find("Smith &amp; Sons &lt;&quot;Holding&quot;&gt;"), std::string::npos);
}

TEST(WriteGraphml, ValidatesAgainstTheXsd) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  const std::string validate = *shared + "/data/schemas/validate.sh";
  if (RunCommand("test -x " + ShellQuote(validate) + " && command -v xmllint").exit_code != 0) {
    GTEST_SKIP() << "validate.sh or xmllint missing";
  }
  TempFile file(".graphml");
  WriteFile(SampleGraph(), file.path());
  export_test::CommandResult result =
      RunCommand(ShellQuote(validate) + " " + ShellQuote(file.path()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("validates"), std::string::npos) << result.output;
}

TEST(WriteGraphml, EmptyGraphValidates) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  if (RunCommand("command -v xmllint").exit_code != 0) GTEST_SKIP() << "xmllint missing";
  TempFile file(".graphml");
  WriteFile(graph::KnowledgeGraph::Build({}, {}, {}), file.path());
  export_test::CommandResult result =
      RunCommand(ShellQuote(*shared + "/data/schemas/validate.sh") + " " + ShellQuote(file.path()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

// Reads the file back with networkx, the consumer most analysts script against.
TEST(WriteGraphml, NetworkxReadsLabelsTypesAndWeightsExactly) {
  if (!export_test::PythonHas("networkx json"))
    GTEST_SKIP() << "/usr/bin/python3 with networkx missing";
  TempFile file(".graphml");
  const graph::KnowledgeGraph kg = SampleGraph();
  WriteFile(kg, file.path());
  const std::string script = export_test::SourceDir() + "/tests/export/read_graphml.py";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << script << " not found";
  export_test::CommandResult result =
      RunCommand("/usr/bin/python3 " + ShellQuote(script) + " " + ShellQuote(file.path()));
  ASSERT_EQ(result.exit_code, 0) << result.output;

  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(result.output.c_str());
  ASSERT_FALSE(doc.HasParseError()) << result.output;
  EXPECT_TRUE(doc["directed"].GetBool());

  const graph::Graph& g = kg.graph();
  const rapidjson::Value& nodes = doc["nodes"];
  ASSERT_EQ(nodes.MemberCount(), boost::num_vertices(g));
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const std::string id = "n" + std::to_string(v);
    ASSERT_TRUE(nodes.HasMember(id.c_str())) << id;
    const rapidjson::Value& node = nodes[id.c_str()];
    EXPECT_EQ(std::string(node["label"].GetString()), g[v].label);
    EXPECT_EQ(std::string(node["actor_id"].GetString()), g[v].id);
    EXPECT_EQ(std::string(node["type"].GetString()), ActorTypeName(g[v].type));
    ASSERT_TRUE(node["mentions"].IsInt());
    EXPECT_EQ(node["mentions"].GetInt(), g[v].mention_count);
    ASSERT_TRUE(node["degree"].IsInt());
    EXPECT_EQ(node["degree"].GetInt(),
              static_cast<int>(boost::in_degree(v, g) + boost::out_degree(v, g)));
  }
  auto putin = kg.FindByName(export_test::kCyrillicName);
  ASSERT_EQ(putin.size(), 1u);
  const rapidjson::Value& putin_node = nodes[("n" + std::to_string(putin[0])).c_str()];
  EXPECT_EQ(std::string(putin_node["aliases"].GetString()), export_test::kCyrillicName + ";Путин");
  EXPECT_EQ(std::string(putin_node["country"].GetString()), "RUS");
  ASSERT_EQ(kg.FindByName(export_test::kAmpersandName).size(), 1u);
  ASSERT_EQ(kg.FindByName(export_test::kChineseName).size(), 1u);

  const rapidjson::Value& edges = doc["edges"];
  ASSERT_EQ(edges.Size(), boost::num_edges(g));
  int seen = 0;
  for (const rapidjson::Value& edge : edges.GetArray()) {
    const rapidjson::Value& attrs = edge["attrs"];
    const std::string label = attrs["label"].GetString();
    ASSERT_TRUE(attrs["weight"].IsDouble());
    ASSERT_TRUE(attrs["confidence"].IsDouble());
    ASSERT_TRUE(attrs["doc_count"].IsInt());
    if (label == "meet") {
      ++seen;
      EXPECT_EQ(attrs["weight"].GetDouble(), 1.0);
      // Exact comparison on purpose: the writer must keep every digit.
      EXPECT_EQ(attrs["confidence"].GetDouble(), export_test::kPreciseConfidence);
      EXPECT_EQ(attrs["goldstein"].GetDouble(), 1.0);
      EXPECT_EQ(std::string(attrs["first_seen"].GetString()), "2023-03-20");
      EXPECT_EQ(std::string(attrs["kind"].GetString()), "event");
    } else if (label == "impose_sanctions") {
      ++seen;
      EXPECT_EQ(attrs["weight"].GetDouble(), 1.0);
      EXPECT_EQ(attrs["negated_count"].GetInt(), 1);
      EXPECT_EQ(attrs["hypothetical_count"].GetInt(), 0);
      EXPECT_EQ(attrs["doc_count"].GetInt(), 1);
      EXPECT_EQ(attrs["goldstein"].GetDouble(), -8.0);
      EXPECT_EQ(std::string(attrs["cameo"].GetString()), "163");
      EXPECT_EQ(std::string(attrs["last_seen"].GetString()), "2023-04-02");
      const rapidjson::Value& target = nodes[edge["target"].GetString()];
      EXPECT_EQ(std::string(target["label"].GetString()), export_test::kAmpersandName);
    }
  }
  EXPECT_EQ(seen, 2);
}

// What igraph and graphology must both give back: for each GraphML node id its
// label and type, and for each relation (by predicate) its weight.
void ExpectLabelsTypesAndWeights(const graph::KnowledgeGraph& kg,
                                 const std::map<std::string, std::string>& label_by_id,
                                 const std::map<std::string, std::string>& type_by_id,
                                 const std::map<std::string, double>& weight_by_predicate) {
  const graph::Graph& g = kg.graph();
  ASSERT_EQ(label_by_id.size(), boost::num_vertices(g));
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const std::string id = "n" + std::to_string(v);
    EXPECT_EQ(label_by_id.at(id), g[v].label);
    EXPECT_EQ(type_by_id.at(id), ActorTypeName(g[v].type));
  }
  EXPECT_EQ(weight_by_predicate,
            (std::map<std::string, double>{{"meet", 1.0}, {"impose_sanctions", 1.0}}));
}

TEST(WriteGraphml, IgraphReadsLabelsTypesAndWeights) {
  if (!export_test::PythonHas("igraph json")) {
    GTEST_SKIP() << "/usr/bin/python3 with igraph (python3-igraph) missing";
  }
  TempFile file(".graphml");
  const graph::KnowledgeGraph kg = SampleGraph();
  WriteFile(kg, file.path());
  rapidjson::Document doc;
  auto error = export_test::RunJsonScript("/usr/bin/python3", "read_igraph.py",
                                          ShellQuote(file.path()), &doc);
  ASSERT_FALSE(error) << *error;
  EXPECT_TRUE(doc["directed"].GetBool());
  std::map<std::string, std::string> labels, types;
  for (const rapidjson::Value& node : doc["nodes"].GetArray()) {
    labels[node["id"].GetString()] = node["label"].GetString();
    types[node["id"].GetString()] = node["type"].GetString();
  }
  std::map<std::string, double> weights;
  for (const rapidjson::Value& edge : doc["edges"].GetArray()) {
    weights[edge["attrs"]["label"].GetString()] = edge["attrs"]["weight"].GetDouble();
    if (std::string(edge["attrs"]["label"].GetString()) == "meet") {
      // igraph reads every number as a double; the digits must all be there.
      EXPECT_EQ(edge["attrs"]["confidence"].GetDouble(), export_test::kPreciseConfidence);
    }
  }
  ExpectLabelsTypesAndWeights(kg, labels, types, weights);
}

// graphology-graphml is the GraphML parser of Gephi Lite.
TEST(WriteGraphml, GraphologyReadsLabelsTypesAndWeights) {
  if (auto missing = export_test::NodeReadersMissing()) GTEST_SKIP() << *missing;
  TempFile file(".graphml");
  const graph::KnowledgeGraph kg = SampleGraph();
  WriteFile(kg, file.path());
  rapidjson::Document doc;
  auto error =
      export_test::RunJsonScript("node", "js/read_graphml.mjs", ShellQuote(file.path()), &doc);
  ASSERT_FALSE(error) << *error;
  EXPECT_EQ(std::string(doc["type"].GetString()), "directed");
  std::map<std::string, std::string> labels, types;
  for (const auto& node : doc["nodes"].GetObject()) {
    labels[node.name.GetString()] = node.value["label"].GetString();
    types[node.name.GetString()] = node.value["type"].GetString();
  }
  std::map<std::string, double> weights;
  for (const rapidjson::Value& edge : doc["edges"].GetArray()) {
    weights[edge["attrs"]["label"].GetString()] = edge["attrs"]["weight"].GetDouble();
  }
  ExpectLabelsTypesAndWeights(kg, labels, types, weights);
}

}  // namespace
}  // namespace polgraph::exporter
