#include "export/csv.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <sstream>

#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

using export_test::ShellQuote;
using export_test::TempFile;

const std::string kAwkwardLabel = "Smith, \"Junior\"\nand Sons";

TEST(CsvField, QuotesOnlyWhatRfc4180Requires) {
  struct Case {
    std::string field, expected;
  };
  const Case cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"Путин 李强", "Путин 李强"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
      {"bad\xFF", "bad\xEF\xBF\xBD"},  // invalid UTF-8 becomes U+FFFD
  };
  for (const Case& c : cases) EXPECT_EQ(CsvField(c.field), c.expected) << c.field;
}

TEST(WriteCsv, HeadersAreGephisSpreadsheetColumns) {
  const graph::KnowledgeGraph kg = export_test::SampleGraph();
  std::ostringstream nodes, edges;
  ASSERT_TRUE(WriteCsv(ExportView(kg), nodes, edges).ok());
  EXPECT_EQ(nodes.str().substr(0, nodes.str().find("\r\n")),
            "Id,Label,Type,actor_id,aliases,country,wikidata,mentions,degree,first_seen,"
            "last_seen");
  EXPECT_EQ(edges.str().substr(0, edges.str().find("\r\n")),
            "Source,Target,Type,Kind,Label,Weight,Id,relation_kind,cameo,goldstein,doc_count,"
            "negated_count,hypothetical_count,confidence,first_seen,last_seen");
  EXPECT_NE(edges.str().find(",Directed,meet,meet,1,"), std::string::npos) << edges.str();
}

// Python's csv module, what pandas and most scripts use, must read back the exact
// labels (comma, quote, newline, Cyrillic, Chinese) and numbers.
TEST(WriteCsv, PythonCsvReadsAwkwardLabelsBack) {
  if (!export_test::PythonHas("csv json")) GTEST_SKIP() << "/usr/bin/python3 missing";
  const graph::KnowledgeGraph kg = export_test::SampleGraph(kAwkwardLabel);
  TempFile nodes_file(".nodes.csv"), edges_file(".edges.csv");
  {
    std::ofstream nodes(nodes_file.path(), std::ios::binary);
    std::ofstream edges(edges_file.path(), std::ios::binary);
    ASSERT_TRUE(WriteCsv(ExportView(kg), nodes, edges).ok());
  }
  rapidjson::Document doc;
  auto error = export_test::RunJsonScript(
      "/usr/bin/python3", "read_csv.py",
      ShellQuote(nodes_file.path()) + " " + ShellQuote(edges_file.path()), &doc);
  ASSERT_FALSE(error) << *error;

  const graph::Graph& g = kg.graph();
  ASSERT_EQ(doc["nodes"].Size(), boost::num_vertices(g));
  std::map<std::string, std::string> label_by_id;
  for (const rapidjson::Value& row : doc["nodes"].GetArray()) {
    label_by_id[row["Id"].GetString()] = row["Label"].GetString();
  }
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    EXPECT_EQ(label_by_id["n" + std::to_string(v)], g[v].label);
  }
  bool awkward_seen = false;
  for (const auto& [id, label] : label_by_id) awkward_seen |= label == kAwkwardLabel;
  EXPECT_TRUE(awkward_seen);

  ASSERT_EQ(doc["edges"].Size(), boost::num_edges(g));
  for (const rapidjson::Value& row : doc["edges"].GetArray()) {
    EXPECT_EQ(std::string(row["Type"].GetString()), "Directed");
    EXPECT_EQ(std::string(row["Weight"].GetString()), "1");
    const std::string kind = row["Kind"].GetString();
    if (kind == "meet") {
      EXPECT_EQ(std::stod(row["confidence"].GetString()), export_test::kPreciseConfidence);
      EXPECT_EQ(std::string(row["first_seen"].GetString()), "2023-03-20");
    } else {
      EXPECT_EQ(kind, "impose_sanctions");
      EXPECT_EQ(label_by_id[row["Target"].GetString()], kAwkwardLabel);
      EXPECT_EQ(std::string(row["negated_count"].GetString()), "1");
    }
  }
}

}  // namespace
}  // namespace polgraph::exporter
