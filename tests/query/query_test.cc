#include "query/query.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace polgraph::query {
namespace {

EntityRef Ref(const std::string& label, ActorType type = ActorType::kPerson) {
  return EntityRef{"person:" + label, label, type, label};
}

Relation Rel(const std::string& subject, const std::string& predicate, const std::string& object,
             int sentence = 0) {
  Relation r;
  r.doc = "d1";
  r.sentence = sentence;
  r.subject = Ref(subject);
  r.object = Ref(object);
  r.predicate = predicate;
  return r;
}

std::string Label(const graph::KnowledgeGraph& kg, graph::Vertex v) { return kg.graph()[v].label; }

// Alpha -> Bravo <- Charlie -> Delta, plus Echo -> Foxtrot apart, plus a denied
// Alpha-Echo meeting that must not count as a link.
graph::KnowledgeGraph ChainGraph() {
  std::vector<Relation> relations = {
      Rel("Alpha", "meet", "Bravo"), Rel("Charlie", "criticize", "Bravo"),
      Rel("Charlie", "visit", "Delta"), Rel("Echo", "praise", "Foxtrot"),
      Rel("Alpha", "meet", "Echo")};
  relations.back().negated = true;
  return graph::KnowledgeGraph::Build({}, relations, {});
}

TEST(Neighbors, StrongestFirstThenByLabel) {
  std::vector<Relation> relations = {
      Rel("Hub", "meet", "Zulu"),         Rel("Hub", "meet", "Zulu", 1),
      Rel("Hub", "meet", "Zulu", 2),      Rel("Mike", "criticize", "Hub"),
      Rel("Mike", "criticize", "Hub", 1), Rel("Hub", "praise", "Kilo"),
      Rel("Hub", "visit", "Bravo")};
  graph::KnowledgeGraph kg = graph::KnowledgeGraph::Build({}, relations, {});
  Result<std::vector<Neighbor>> result = Neighbors(kg, "hub");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const std::vector<Neighbor>& neighbors = result.value();
  ASSERT_EQ(neighbors.size(), 4u);
  EXPECT_EQ(Label(kg, neighbors[0].actor), "Zulu");
  EXPECT_TRUE(neighbors[0].outgoing);
  EXPECT_EQ(kg.graph()[neighbors[0].edge].weight, 3);
  EXPECT_EQ(Label(kg, neighbors[1].actor), "Mike");
  EXPECT_FALSE(neighbors[1].outgoing);
  EXPECT_EQ(Label(kg, neighbors[2].actor), "Bravo");  // weight 1 ties sort by label
  EXPECT_EQ(Label(kg, neighbors[3].actor), "Kilo");
}

TEST(Neighbors, UnknownNameIsNotFound) {
  graph::KnowledgeGraph kg = ChainGraph();
  Result<std::vector<Neighbor>> result = Neighbors(kg, "Nobody Known");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kNotFound);
  EXPECT_NE(result.status().message().find("Nobody Known"), std::string::npos);
}

TEST(Neighbors, AcceptsAnActorId) {
  graph::KnowledgeGraph kg = ChainGraph();
  Result<std::vector<Neighbor>> result = Neighbors(kg, "person:Delta");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().size(), 1u);
  EXPECT_EQ(Label(kg, result.value()[0].actor), "Charlie");
}

TEST(ShortestPath, FollowsEdgesInEitherDirectionAcrossThreeHops) {
  graph::KnowledgeGraph kg = ChainGraph();
  Result<std::vector<PathStep>> result = ShortestPath(kg, "alpha", "DELTA");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const std::vector<PathStep>& path = result.value();
  ASSERT_EQ(path.size(), 3u);
  const std::vector<std::string> expected = {"Alpha", "Bravo", "Charlie", "Delta"};
  for (size_t i = 0; i < path.size(); ++i) {
    EXPECT_EQ(Label(kg, path[i].from), expected[i]);
    EXPECT_EQ(Label(kg, path[i].to), expected[i + 1]);
  }
  // The middle step walks Bravo -> Charlie over the edge Charlie -> Bravo.
  EXPECT_EQ(kg.graph()[path[1].edge].predicate, "criticize");
  EXPECT_EQ(boost::source(path[1].edge, kg.graph()), path[1].to);
}

TEST(ShortestPath, SameActorIsAnEmptyPath) {
  graph::KnowledgeGraph kg = ChainGraph();
  Result<std::vector<PathStep>> result = ShortestPath(kg, "Alpha", "alpha");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.value().empty());
}

TEST(ShortestPath, NoChainIsNotFound) {
  graph::KnowledgeGraph kg = ChainGraph();
  // Alpha and Echo are joined only by a denied meeting.
  Result<std::vector<PathStep>> result = ShortestPath(kg, "Alpha", "Foxtrot");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kNotFound);
  EXPECT_NE(result.status().message().find("no chain"), std::string::npos);
  EXPECT_NE(result.status().message().find("Foxtrot"), std::string::npos);
}

TEST(ShortestPath, UnknownNameIsNotFoundAndNamed) {
  graph::KnowledgeGraph kg = ChainGraph();
  Result<std::vector<PathStep>> result = ShortestPath(kg, "Alpha", "Quebec");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kNotFound);
  EXPECT_NE(result.status().message().find("\"Quebec\""), std::string::npos);
  EXPECT_FALSE(ShortestPath(kg, "Quebec", "Alpha").ok());
}

TEST(TopActors, MostConnectedFirstAndLimited) {
  graph::KnowledgeGraph kg = ChainGraph();
  std::vector<ActorDegree> top = TopActors(kg, 2);
  ASSERT_EQ(top.size(), 2u);
  // Alpha: meet Bravo + denied meet Echo; Bravo and Charlie and Echo also have 2.
  EXPECT_EQ(top[0].degree, 2u);
  EXPECT_EQ(Label(kg, top[0].actor), "Alpha");
  EXPECT_EQ(Label(kg, top[1].actor), "Bravo");
  EXPECT_TRUE(TopActors(graph::KnowledgeGraph::Build({}, {}, {}), 5).empty());
}

}  // namespace
}  // namespace polgraph::query
