// The export filters (--min-weight, --since/--until, --predicate, --actor/--hops)
// on a small invented graph, and the writers honouring them.
#include "export/view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "export/csv.h"
#include "export/graphml.h"
#include "export_test_util.h"

namespace polgraph::exporter {
namespace {

EntityRef Person(const std::string& name) {
  return EntityRef{"person:" + name, name, ActorType::kPerson, name};
}

// Alice -meet(x3)-> Bob -criticize-> Carol -meet(x2)-> Dan, and Eve
// -impose_sanctions-> Acme Ministry with no date anywhere.
graph::KnowledgeGraph Chain() {
  std::vector<Relation> relations;
  const auto add = [&](const EntityRef& s, const std::string& predicate, const EntityRef& o,
                       const std::string& date, int times) {
    for (int i = 0; i < times; ++i) {
      Relation r;
      r.doc = "doc" + std::to_string(relations.size());
      r.subject = s;
      r.object = o;
      r.predicate = predicate;
      r.date = date;
      r.confidence = 0.9;
      relations.push_back(r);
    }
  };
  add(Person("Alice Adams"), "meet", Person("Bob Brown"), "2020-01-10", 2);
  add(Person("Alice Adams"), "meet", Person("Bob Brown"), "2020-02-01", 1);
  add(Person("Bob Brown"), "criticize", Person("Carol Clark"), "2021-05-05", 1);
  add(Person("Carol Clark"), "meet", Person("Dan Dole"), "2022-01-01", 2);
  add(Person("Eve Evans"), "impose_sanctions",
      EntityRef{"organization:acme ministry", "Acme Ministry", ActorType::kOrganization, "Acme"},
      "", 1);
  return graph::KnowledgeGraph::Build({}, relations, {});
}

// Labels of the kept actors, and "subject predicate object" of the kept relations.
std::set<std::string> Actors(const ExportView& view) {
  std::set<std::string> out;
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(view.graph()))) {
    if (view.Keeps(v)) out.insert(view.graph()[v].label);
  }
  return out;
}
std::set<std::string> Relations(const ExportView& view) {
  const graph::Graph& g = view.graph();
  std::set<std::string> out;
  for (graph::Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (view.Keeps(e)) {
      out.insert(g[boost::source(e, g)].label + " " + g[e].predicate + " " +
                 g[boost::target(e, g)].label);
    }
  }
  return out;
}

ExportView Select(const graph::KnowledgeGraph& kg, const ExportFilter& filter) {
  auto view = ExportView::Select(kg, filter);
  EXPECT_TRUE(view.ok()) << view.status().message();
  return std::move(view).value();
}

const std::string kAliceMeetsBob = "Alice Adams meet Bob Brown";
const std::string kBobCriticizesCarol = "Bob Brown criticize Carol Clark";
const std::string kCarolMeetsDan = "Carol Clark meet Dan Dole";
const std::string kEveSanctionsAcme = "Eve Evans impose_sanctions Acme Ministry";

TEST(ExportFilter, NoOptionKeepsEverything) {
  const graph::KnowledgeGraph kg = Chain();
  ExportView view = Select(kg, {});
  EXPECT_FALSE(ExportFilter{}.active());
  EXPECT_EQ(view.num_vertices(), 6u);
  EXPECT_EQ(view.num_edges(), 4u);
  EXPECT_EQ(Relations(view), (std::set<std::string>{kAliceMeetsBob, kBobCriticizesCarol,
                                                    kCarolMeetsDan, kEveSanctionsAcme}));
}

TEST(ExportFilter, MinWeightDropsWeakRelationsAndTheirLoneActors) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.min_weight = 2;
  ExportView view = Select(kg, filter);
  EXPECT_EQ(Relations(view), (std::set<std::string>{kAliceMeetsBob, kCarolMeetsDan}));
  EXPECT_EQ(Actors(view),
            (std::set<std::string>{"Alice Adams", "Bob Brown", "Carol Clark", "Dan Dole"}));
  // Degree counts only what is exported: Bob's criticism is gone.
  EXPECT_EQ(view.Degree(*kg.FindById("person:Bob Brown")), 1);
}

TEST(ExportFilter, SinceAndUntilKeepOverlappingSpansAndDropUndated) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter since;
  since.since = "2021-01-01";
  EXPECT_EQ(Relations(Select(kg, since)),
            (std::set<std::string>{kBobCriticizesCarol, kCarolMeetsDan}));
  ExportFilter until;
  until.until = "2021-12-31";
  EXPECT_EQ(Relations(Select(kg, until)),
            (std::set<std::string>{kAliceMeetsBob, kBobCriticizesCarol}));
  // Alice and Bob met from 2020-01-10 to 2020-02-01: a range inside that span
  // still finds them.
  ExportFilter inside;
  inside.since = "2020-01-15";
  inside.until = "2020-01-20";
  EXPECT_EQ(Relations(Select(kg, inside)), (std::set<std::string>{kAliceMeetsBob}));
}

TEST(ExportFilter, PredicateIsRepeatableAndForgivingAboutSpelling) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.predicates = {"meet"};
  EXPECT_EQ(Relations(Select(kg, filter)), (std::set<std::string>{kAliceMeetsBob, kCarolMeetsDan}));
  filter.predicates = {"criticize", "Impose Sanctions"};
  EXPECT_EQ(Relations(Select(kg, filter)),
            (std::set<std::string>{kBobCriticizesCarol, kEveSanctionsAcme}));
}

TEST(ExportFilter, ActorAndHopsCutAnEgoNetworkInBothDirections) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.actor = "bob brown";  // case-insensitive, through FindByName
  filter.hops = 1;
  ExportView one = Select(kg, filter);
  EXPECT_EQ(Actors(one), (std::set<std::string>{"Alice Adams", "Bob Brown", "Carol Clark"}));
  EXPECT_EQ(Relations(one), (std::set<std::string>{kAliceMeetsBob, kBobCriticizesCarol}));
  ASSERT_TRUE(one.centre().has_value());
  EXPECT_EQ(kg.graph()[*one.centre()].label, "Bob Brown");

  filter.hops = 2;
  EXPECT_EQ(Actors(Select(kg, filter)),
            (std::set<std::string>{"Alice Adams", "Bob Brown", "Carol Clark", "Dan Dole"}));
  filter.hops = 0;
  ExportView alone = Select(kg, filter);
  EXPECT_EQ(Actors(alone), (std::set<std::string>{"Bob Brown"}));
  EXPECT_EQ(alone.num_edges(), 0u);
}

TEST(ExportFilter, EgoNetworkWalksOnlyRelationsThatPassTheOtherFilters) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.actor = "Bob Brown";
  filter.hops = 3;
  filter.predicates = {"meet"};
  // Carol is reachable only through the criticism, which --predicate meet drops.
  EXPECT_EQ(Actors(Select(kg, filter)), (std::set<std::string>{"Alice Adams", "Bob Brown"}));
}

TEST(ExportFilter, UnknownActorIsAnErrorNamingIt) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.actor = "Zed Zilch";
  auto view = ExportView::Select(kg, filter);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().code(), Status::Code::kNotFound);
  EXPECT_NE(view.status().message().find("Zed Zilch"), std::string::npos)
      << view.status().message();
}

TEST(ExportFilter, MalformedDateAndNegativeHopsAreRejected) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter bad_date;
  bad_date.since = "31/12/2020";
  auto view = ExportView::Select(kg, bad_date);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(view.status().message().find("31/12/2020"), std::string::npos);
  ExportFilter impossible;
  impossible.until = "2021-02-30";
  EXPECT_FALSE(ExportView::Select(kg, impossible).ok());
  ExportFilter hops;
  hops.actor = "Bob Brown";
  hops.hops = -1;
  EXPECT_FALSE(ExportView::Select(kg, hops).ok());
}

TEST(ExportFilter, WritersHonourTheView) {
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.predicates = {"meet"};
  ExportView view = Select(kg, filter);
  std::ostringstream graphml;
  ASSERT_TRUE(WriteGraphml(view, graphml).ok());
  EXPECT_NE(graphml.str().find("Dan Dole"), std::string::npos);
  EXPECT_EQ(graphml.str().find("Eve Evans"), std::string::npos);
  EXPECT_EQ(graphml.str().find("criticize"), std::string::npos);
  std::ostringstream nodes, edges;
  ASSERT_TRUE(WriteCsv(view, nodes, edges).ok());
  const auto lines = [](const std::string& text) {
    return std::count(text.begin(), text.end(), '\n');
  };
  EXPECT_EQ(lines(nodes.str()), 1 + 4);  // header + Alice, Bob, Carol, Dan
  EXPECT_EQ(lines(edges.str()), 1 + 2);
}

TEST(ExportFilter, FilteredGraphmlStillValidates) {
  auto shared = export_test::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared not found (set POLGRAPH_SHARED_DIR)";
  if (export_test::RunCommand("command -v xmllint").exit_code != 0) {
    GTEST_SKIP() << "xmllint missing";
  }
  const graph::KnowledgeGraph kg = Chain();
  ExportFilter filter;
  filter.actor = "Carol Clark";
  export_test::TempFile file(".graphml");
  {
    std::ofstream out(file.path(), std::ios::binary);
    ASSERT_TRUE(WriteGraphml(Select(kg, filter), out).ok());
  }
  // Every edge must point at a node that was written (the XSD's keyrefs).
  export_test::CommandResult result =
      export_test::RunCommand(export_test::ShellQuote(*shared + "/data/schemas/validate.sh") + " " +
                              export_test::ShellQuote(file.path()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace polgraph::exporter
