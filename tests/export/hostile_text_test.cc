// Hostile article text through every exporter (issue 6): markup, quotes, "]]>",
// control characters, invalid UTF-8 and CESU-8 surrogates, right-to-left marks, a
// 1 MB single line and 100,000 actors. Each file is read back by a real consumer:
// xmllint against the official schemas (validate.sh), Python's ElementTree, json
// and csv modules, and pyld + rdflib (check_jsonld.py).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "export/csv.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "export/text_escape.h"
#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::RunCommand;
using export_test::ShellQuote;
using export_test::TempFile;

// Each label starts with a marker ("H3 ") so the tests can match what comes back.
std::vector<std::string> HostileLabels(bool with_angles) {
  std::vector<std::string> labels = {
      "H0 Smith & Sons \"Holding\" 'Ltd'",
      "H1 end of CDATA ]]> and ]]&gt; here",
      "H2 controls \x01\x02\x07\x08\x0B\x0C\x1B\x1F\x7F end",
      "H3 invalid \xFF\xFE bytes \xC0\x80 overlong \xE2\x82 cut",
      "H4 CESU-8 surrogate pair \xED\xA0\xBD\xED\xB8\x80 and lone \xED\xB0\x80",
      "H5 \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAE reversed \xE2\x80\xAC "
      "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A",
      "H6 noncharacters \xEF\xBF\xBE\xEF\xBF\xBF and BOM \xEF\xBB\xBF",
      "H7 tab\there\nnewline\r\ncrlf",
      "H8 astral \xF0\x9D\x95\x8F \xF0\x9F\x98\x80, comma; semicolon",
      std::string("H9 nul \0 inside", 15),  // 15 bytes, the NUL included
  };
  if (with_angles) labels.push_back("H10 <b>bold</b> <script>alert(1)</script> &amp; &#0;");
  return labels;
}

// What XML 1.0 can carry of `text`, as XmlEscape promises: invalid UTF-8 as
// U+FFFD, C0 controls other than tab/LF/CR and U+FFFE/U+FFFF dropped.
std::string XmlExpected(const std::string& text) {
  std::string valid = ValidUtf8(text), out;
  for (size_t i = 0; i < valid.size(); ++i) {
    const auto c = static_cast<unsigned char>(valid[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (valid.compare(i, 3, "\xEF\xBF\xBE") == 0 || valid.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      i += 2;
      continue;
    }
    out += valid[i];
  }
  return out;
}

// A star: actor 0 ("hub") -> each hostile actor, with a 1 MB single-line alias on
// the hub. Every label is also an alias, so the alias fields carry it too.
graph::KnowledgeGraph HostileGraph(const std::vector<std::string>& labels, bool long_alias = true) {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  Entity hub;
  hub.id = "person:hub";
  hub.label = "Hub";
  hub.type = ActorType::kPerson;
  std::string line;
  while (line.size() < (1 << 20)) line += "one very long line <&>\"]]> \xE2\x80\x8F ";
  hub.aliases = {"Hub"};
  if (long_alias) hub.aliases.push_back(line);
  entities.push_back(hub);
  for (size_t i = 0; i < labels.size(); ++i) {
    Entity e;
    e.id = "organization:h" + std::to_string(i) + " " + labels[i];  // hostile ids too
    e.label = labels[i];
    e.type = ActorType::kOrganization;
    e.aliases = {labels[i]};
    entities.push_back(e);
    Relation r;
    r.doc = "feed.jsonl:" + std::to_string(i) + " <&>";
    r.evidence = labels[i];
    r.subject = {hub.id, hub.label, hub.type, "Hub"};
    r.object = {e.id, e.label, e.type, labels[i]};
    r.predicate = "meet";
    r.cameo = "040";
    r.goldstein = 1.0;
    r.date = "2024-01-0" + std::to_string(1 + i % 9);
    r.confidence = 0.5;
    relations.push_back(r);
  }
  return graph::KnowledgeGraph::Build(entities, relations, {});
}

struct Written {
  TempFile graphml{".graphml"}, gexf{".gexf"}, jsonld{".jsonld"};
  TempFile nodes{".nodes.csv"}, edges{".edges.csv"};
};

void WriteAll(const graph::KnowledgeGraph& kg, Written* files) {
  {
    std::ofstream out(files->graphml.path(), std::ios::binary);
    ASSERT_TRUE(WriteGraphml(kg, out).ok());
  }
  {
    std::ofstream out(files->gexf.path(), std::ios::binary);
    ASSERT_TRUE(WriteGexf(kg, out).ok());
  }
  {
    std::ofstream out(files->jsonld.path(), std::ios::binary);
    ASSERT_TRUE(WriteJsonld(kg, out).ok());
  }
  std::ofstream nodes(files->nodes.path(), std::ios::binary);
  std::ofstream edges(files->edges.path(), std::ios::binary);
  ASSERT_TRUE(WriteCsv(ExportView(kg), nodes, edges).ok());
}

// Runs read_labels.py; the labels it read, keyed by their marker ("H3").
struct ReadBack {
  std::map<std::string, std::string> labels;
  std::vector<std::string> aliases;
  int edges = -1;
};
std::optional<ReadBack> ReadLabels(const std::string& format, const std::string& files) {
  rapidjson::Document doc;
  auto error =
      export_test::RunJsonScript("/usr/bin/python3", "read_labels.py", format + " " + files, &doc);
  EXPECT_FALSE(error) << format << ": " << *error;
  if (error) return std::nullopt;
  ReadBack back;
  for (const rapidjson::Value& v : doc["labels"].GetArray()) {
    std::string label(v.GetString(), v.GetStringLength());
    back.labels[label.substr(0, label.find(' '))] = label;
  }
  for (const rapidjson::Value& v : doc["aliases"].GetArray()) {
    back.aliases.emplace_back(v.GetString(), v.GetStringLength());
  }
  back.edges = doc["edges"].GetInt();
  return back;
}

std::string Marker(const std::string& label) { return label.substr(0, label.find(' ')); }

bool SchemasAvailable(std::string* validate) {
  auto shared = export_test::SharedDir();
  if (!shared) return false;
  *validate = *shared + "/data/schemas/validate.sh";
  return RunCommand("test -x " + ShellQuote(*validate) + " && command -v xmllint").exit_code == 0;
}

TEST(HostileText, GraphmlAndGexfValidateAgainstTheirSchemas) {
  std::string validate;
  if (!SchemasAvailable(&validate)) GTEST_SKIP() << "../shared validate.sh or xmllint missing";
  Written files;
  WriteAll(HostileGraph(HostileLabels(true)), &files);
  auto result = RunCommand(ShellQuote(validate) + " " + ShellQuote(files.graphml.path()) + " " +
                           ShellQuote(files.gexf.path()));
  EXPECT_EQ(result.exit_code, 0) << result.output.substr(0, 2000);
}

TEST(HostileText, XmlParsersReadBackEveryLabel) {
  if (!export_test::PythonHas("json xml.etree.ElementTree")) GTEST_SKIP() << "python3 missing";
  const std::vector<std::string> labels = HostileLabels(true);
  Written files;
  WriteAll(HostileGraph(labels), &files);
  auto graphml = ReadLabels("graphml", ShellQuote(files.graphml.path()));
  auto gexf = ReadLabels("gexf", ShellQuote(files.gexf.path()));
  ASSERT_TRUE(graphml && gexf);
  EXPECT_EQ(graphml->edges, static_cast<int>(labels.size()));
  EXPECT_EQ(gexf->edges, static_cast<int>(labels.size()));
  for (const std::string& label : labels) {
    const std::string marker = Marker(label);
    // GraphML keeps text as it was, less what XML 1.0 cannot carry.
    EXPECT_EQ(graphml->labels[marker], XmlExpected(label)) << marker;
    // GEXF labels are tokens for Gephi: whitespace collapsed, the rest the same.
    EXPECT_EQ(gexf->labels[marker], CollapseWhitespace(XmlExpected(label))) << marker;
  }
  bool long_alias = false;
  for (const std::string& a : graphml->aliases) long_alias |= a.size() > (1 << 20);
  EXPECT_TRUE(long_alias) << "the 1 MB alias did not come back";
}

TEST(HostileText, JsonAndCsvReadersGetTheTextBack) {
  if (!export_test::PythonHas("json csv")) GTEST_SKIP() << "python3 missing";
  const std::vector<std::string> labels = HostileLabels(true);
  Written files;
  WriteAll(HostileGraph(labels), &files);
  auto jsonld = ReadLabels("jsonld", ShellQuote(files.jsonld.path()));
  auto csv =
      ReadLabels("csv", ShellQuote(files.nodes.path()) + " " + ShellQuote(files.edges.path()));
  ASSERT_TRUE(jsonld && csv);
  EXPECT_EQ(jsonld->edges, static_cast<int>(labels.size()));
  EXPECT_EQ(csv->edges, static_cast<int>(labels.size()));
  for (const std::string& label : labels) {
    // JSON and CSV carry any character: only invalid UTF-8 becomes U+FFFD.
    EXPECT_EQ(jsonld->labels[Marker(label)], ValidUtf8(label)) << Marker(label);
    EXPECT_EQ(csv->labels[Marker(label)], ValidUtf8(label)) << Marker(label);
  }
}

// pyld and rdflib read the same RDF graph. check_jsonld.py finds IRIs with a regex
// that takes "<...>" in a literal for an IRI, so the labels with angle brackets
// are left out here (the XML tests above have them).
TEST(HostileText, JsonldPassesCheckJsonld) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  if (!export_test::PythonHas("pyld rdflib")) GTEST_SKIP() << "python3 with pyld, rdflib missing";
  std::vector<std::string> labels = HostileLabels(false);
  // Without the 1 MB alias, which takes pyld's normalisation a minute.
  graph::KnowledgeGraph kg = HostileGraph(labels, /*long_alias=*/false);
  TempFile file(".jsonld");
  {
    std::ofstream out(file.path(), std::ios::binary);
    ASSERT_TRUE(WriteJsonld(kg, out).ok());
  }
  auto result =
      RunCommand("/usr/bin/python3 " + ShellQuote(*shared + "/data/schemas/check_jsonld.py") + " " +
                 ShellQuote(file.path()));
  ASSERT_EQ(result.exit_code, 0) << result.output.substr(0, 2000);
  EXPECT_NE(result.output.find("isomorphic: True"), std::string::npos)
      << result.output.substr(0, 2000);
}

// 100,000 actors around one hub: every exporter finishes and every consumer
// reads all of them back.
TEST(HostileText, HundredThousandActors) {
  constexpr int kActors = 100000;
  std::vector<Relation> relations;
  relations.reserve(kActors);
  // Organisations: person names go through surname matching, which is a test of
  // the graph module, not of the exporters.
  const EntityRef hub{"organization:hub", "Hub <&>", ActorType::kOrganization, "Hub"};
  for (int i = 0; i < kActors; ++i) {
    Relation r;
    r.doc = "d" + std::to_string(i % 100);
    r.subject = hub;
    const std::string name = "Actor \"" + std::to_string(i) + "\" ]]> & <x> \xE2\x80\x8F";
    r.object = {"organization:a" + std::to_string(i), name, ActorType::kOrganization, name};
    r.predicate = "meet";
    r.confidence = 0.5;
    relations.push_back(std::move(r));
  }
  const graph::KnowledgeGraph kg = graph::KnowledgeGraph::Build({}, relations, {});
  ASSERT_EQ(boost::num_vertices(kg.graph()), static_cast<size_t>(kActors + 1));
  Written files;
  WriteAll(kg, &files);
  // Schema validation of 100,000 nodes takes xmllint a minute and checks nothing
  // the small hostile graph above does not: here libxml2 parses each file (well
  // formed, nothing truncated) and counts its nodes and edges.
  if (RunCommand("command -v xmllint").exit_code == 0) {
    for (const std::string& path : {files.graphml.path(), files.gexf.path()}) {
      for (const char* element : {"node", "edge"}) {
        auto count = RunCommand("xmllint --huge --xpath \"count(//*[local-name()='" +
                                std::string(element) + "'])\" " + ShellQuote(path));
        ASSERT_EQ(count.exit_code, 0) << path << ": " << count.output.substr(0, 2000);
        const int expected = std::string(element) == "node" ? kActors + 1 : kActors;
        EXPECT_EQ(count.output, std::to_string(expected) + "\n") << path << " " << element;
      }
    }
  }
  if (!export_test::PythonHas("json csv")) GTEST_SKIP() << "python3 missing";
  for (const auto& [format, paths] : std::vector<std::pair<std::string, std::string>>{
           {"jsonld", ShellQuote(files.jsonld.path())},
           {"csv", ShellQuote(files.nodes.path()) + " " + ShellQuote(files.edges.path())}}) {
    auto back = ReadLabels(format, paths);
    ASSERT_TRUE(back) << format;
    EXPECT_EQ(back->edges, kActors) << format;
    // Keyed by first word: "Hub" and the 100,000 "Actor ..." labels.
    EXPECT_EQ(back->labels.size(), 2u) << format;
  }
}

}  // namespace
}  // namespace polgraph::exporter
