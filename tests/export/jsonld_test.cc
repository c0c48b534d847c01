#include "export/jsonld.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::RunCommand;
using export_test::SampleGraph;
using export_test::ShellQuote;

rapidjson::Document ParseJsonld(const graph::KnowledgeGraph& kg) {
  std::ostringstream out;
  EXPECT_TRUE(WriteJsonld(kg, out).ok());
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(out.str().c_str());
  return doc;
}

// Nodes of @graph by their @type (the first one when it is an array).
std::map<std::string, std::vector<const rapidjson::Value*>> ByType(const rapidjson::Value& graph) {
  std::map<std::string, std::vector<const rapidjson::Value*>> by_type;
  for (const rapidjson::Value& node : graph.GetArray()) {
    const rapidjson::Value& type = node["@type"];
    by_type[type.IsArray() ? type[0].GetString() : type.GetString()].push_back(&node);
  }
  return by_type;
}

TEST(WriteJsonld, OneNodePerActorRelationAndDocument) {
  const graph::KnowledgeGraph kg = SampleGraph();
  rapidjson::Document doc = ParseJsonld(kg);
  ASSERT_FALSE(doc.HasParseError());
  ASSERT_TRUE(doc["@context"].IsObject());
  const rapidjson::Value& graph = doc["@graph"];
  auto by_type = ByType(graph);
  EXPECT_EQ(by_type["Person"].size(), 2u);
  EXPECT_EQ(by_type["Organization"].size(), 1u);
  EXPECT_EQ(by_type["Event"].size(), 1u);   // meet: symmetric
  EXPECT_EQ(by_type["Action"].size(), 1u);  // impose_sanctions
  EXPECT_EQ(by_type["NewsArticle"].size(), 2u);
  EXPECT_EQ(graph.Size(), boost::num_vertices(kg.graph()) + boost::num_edges(kg.graph()) + 2);

  const rapidjson::Value& event = *by_type["Event"][0];
  ASSERT_EQ(event["attendee"].Size(), 2u);
  EXPECT_EQ(std::string(event["additionalType"].GetString()), "kg:predicate/meet");
  EXPECT_EQ(event["confidence"].GetDouble(), export_test::kPreciseConfidence);
  EXPECT_EQ(std::string(event["firstSeen"].GetString()), "2023-03-20");
  EXPECT_EQ(std::string(event["wasDerivedFrom"][0].GetString()), "kg:doc/feed.jsonl%3A12");
  EXPECT_EQ(std::string(event["name"].GetString()),
            export_test::kCyrillicName + " meet " + export_test::kChineseName);

  const rapidjson::Value& action = *by_type["Action"][0];
  EXPECT_EQ(action["weight"].GetInt(), 1);
  EXPECT_EQ(action["negatedCount"].GetInt(), 1);
  EXPECT_EQ(action["goldstein"].GetDouble(), -8.0);
  EXPECT_EQ(std::string(action["object"].GetString()),
            "kg:actor/organization%3Asmith%20%26%20sons");
}

TEST(WriteJsonld, SpecialCharactersInNamesSurvive) {
  rapidjson::Document doc = ParseJsonld(SampleGraph());
  ASSERT_FALSE(doc.HasParseError());
  std::vector<std::string> names;
  for (const rapidjson::Value& node : doc["@graph"].GetArray()) {
    if (node.HasMember("name")) names.push_back(node["name"].GetString());
  }
  for (const std::string& expected :
       {export_test::kAmpersandName, export_test::kCyrillicName, export_test::kChineseName}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
}

TEST(WriteJsonld, InvalidUtf8StillGivesParseableJson) {
  EntityRef bad{"person:bad", "Bad\xFF Name\x01", ActorType::kPerson, "Bad"};
  EntityRef other{"person:other", "Other", ActorType::kPerson, "Other"};
  Relation r;
  r.doc = "d";
  r.subject = bad;
  r.object = other;
  r.predicate = "criticize";
  rapidjson::Document doc = ParseJsonld(graph::KnowledgeGraph::Build({}, {r}, {}));
  ASSERT_FALSE(doc.HasParseError());
}

void WriteFile(const graph::KnowledgeGraph& kg, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  ASSERT_TRUE(WriteJsonld(kg, out).ok());
}

// pyld and rdflib, the two processors installed here, must agree on the triples
// and every IRI must be absolute http(s) or urn.
TEST(WriteJsonld, PassesCheckJsonld) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  if (!export_test::PythonHas("pyld rdflib")) {
    GTEST_SKIP() << "/usr/bin/python3 with pyld, rdflib missing";
  }
  export_test::TempFile file(".jsonld");
  WriteFile(SampleGraph(export_test::kAmpersandNameNoAngles), file.path());
  export_test::CommandResult result =
      RunCommand("/usr/bin/python3 " + ShellQuote(*shared + "/data/schemas/check_jsonld.py") + " " +
                 ShellQuote(file.path()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("unexpanded compact IRIs: []"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("isomorphic: True"), std::string::npos) << result.output;
  // 3 actors + 2 relations + 2 articles, all top-level.
  EXPECT_NE(result.output.find("expanded nodes: 7"), std::string::npos) << result.output;
}

// The full sample, "<" and ">" in a name included: checked term by term, since
// check_jsonld.py's regex would take the literal for an IRI.
TEST(WriteJsonld, EveryIriIsAbsoluteEvenWithMarkupInNames) {
  if (!export_test::PythonHas("pyld")) GTEST_SKIP() << "/usr/bin/python3 with pyld missing";
  export_test::TempFile file(".jsonld");
  WriteFile(SampleGraph(), file.path());
  const std::string script = export_test::SourceDir() + "/tests/export/check_iris.py";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << script << " not found";
  export_test::CommandResult result =
      RunCommand("/usr/bin/python3 " + ShellQuote(script) + " " + ShellQuote(file.path()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("bad: []"), std::string::npos) << result.output;
}

TEST(WriteJsonld, InlinesTheShippedContext) {
  const std::string path = export_test::SourceDir() + "/schemas/jsonld_context.json";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " not found";
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  rapidjson::Document shipped;
  shipped.Parse(text.c_str());
  ASSERT_FALSE(shipped.HasParseError()) << path;
  rapidjson::Document doc = ParseJsonld(SampleGraph());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_TRUE(doc["@context"] == shipped["@context"]);
}

TEST(WriteJsonld, PartiesAndGovernmentBodiesGetTheirSchemaOrgTypes) {
  const auto org = [](const std::string& name) {
    return EntityRef{"organization:" + name, name, ActorType::kOrganization, name};
  };
  std::vector<Relation> relations;
  for (const char* name :
       {"Labour Party", "Ministry of Defence", "Acme Corporation", "Partyline Media"}) {
    Relation r;
    r.doc = "d";
    r.subject = EntityRef{"person:x", "X", ActorType::kPerson, "X"};
    r.object = org(name);
    r.predicate = "criticize";
    relations.push_back(r);
  }
  rapidjson::Document doc = ParseJsonld(graph::KnowledgeGraph::Build({}, relations, {}));
  ASSERT_FALSE(doc.HasParseError());
  std::map<std::string, std::string> types;  // name -> @type, arrays joined with ","
  for (const rapidjson::Value& node : doc["@graph"].GetArray()) {
    if (!node.HasMember("actorType")) continue;
    std::string type;
    if (node["@type"].IsArray()) {
      for (const rapidjson::Value& t : node["@type"].GetArray()) {
        type += (type.empty() ? "" : ",") + std::string(t.GetString());
      }
    } else {
      type = node["@type"].GetString();
    }
    types[node["name"].GetString()] = type;
  }
  EXPECT_EQ(types["Labour Party"], "PoliticalParty,Organization");
  EXPECT_EQ(types["Ministry of Defence"], "GovernmentOrganization");
  EXPECT_EQ(types["Acme Corporation"], "Organization");
  EXPECT_EQ(types["Partyline Media"], "Organization");  // a whole word, not a prefix
  EXPECT_EQ(types["X"], "Person");
}

// The point of reifying meetings as Events: a SPARQL query over the RDF, run by
// rdflib, finds who met whom, and a sanction is not a meeting.
TEST(WriteJsonld, SparqlThroughRdflibFindsWhoMetWhom) {
  if (!export_test::PythonHas("rdflib")) GTEST_SKIP() << "/usr/bin/python3 with rdflib missing";
  const std::string script = export_test::SourceDir() + "/tests/export/sparql_met.py";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << script << " not found";
  export_test::TempFile file(".jsonld");
  WriteFile(SampleGraph(), file.path());
  export_test::CommandResult result =
      RunCommand("/usr/bin/python3 " + ShellQuote(script) + " " + ShellQuote(file.path()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  // Sorted by code point: Cyrillic before CJK.
  EXPECT_EQ(result.output, export_test::kCyrillicName + "\t" + export_test::kChineseName + "\n");
}

TEST(WriteJsonld, WikidataIdBecomesSameAs) {
  Entity state;
  state.id = "country:zembla";
  state.label = "Zembla";
  state.type = ActorType::kCountry;
  state.wikidata = "Q999999";
  Entity envoy;
  envoy.id = "person:ada okafor";
  envoy.label = "Ada Okafor";
  envoy.type = ActorType::kPerson;
  Relation visit;
  visit.doc = "d1";
  visit.subject = {envoy.id, envoy.label, envoy.type, envoy.label};
  visit.object = {state.id, state.label, state.type, state.label};
  visit.predicate = "visit";
  visit.cameo = "042";
  const graph::KnowledgeGraph kg = graph::KnowledgeGraph::Build({state, envoy}, {visit}, {});
  rapidjson::Document doc = ParseJsonld(kg);
  ASSERT_FALSE(doc.HasParseError());
  int same_as = 0;
  for (const rapidjson::Value& node : doc["@graph"].GetArray()) {
    if (!node.HasMember("sameAs")) continue;
    ++same_as;
    EXPECT_STREQ(node["name"].GetString(), "Zembla");
    EXPECT_STREQ(node["sameAs"].GetString(), "wd:Q999999");
  }
  EXPECT_EQ(same_as, 1);  // only the actor with a Wikidata id
}

}  // namespace
}  // namespace polgraph::exporter
