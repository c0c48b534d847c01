#include "query/query.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// Issue 5: name lookup, filters, hop limits, between, centrality, ego networks.

TEST(FoldName, FoldsCaseAccentsScriptsAndPunctuation) {
  EXPECT_EQ(FoldName("Emmanuel MACRÓN"), "emmanuel macron");
  EXPECT_EQ(FoldName("Søren Ødegård"), "soren odegard");
  EXPECT_EQ(FoldName("Jean-Marie  Le Pen"), "jean marie le pen");
  EXPECT_EQ(FoldName("Путин"), "putin");
  EXPECT_EQ(FoldName("U.S."), "us");
  EXPECT_EQ(FoldName(""), "");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("putin", "putin"), 0u);
  EXPECT_EQ(EditDistance("puttin", "putin"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

graph::KnowledgeGraph NamesGraph() {
  std::vector<Relation> relations = {Rel("José Álvarez", "meet", "Marine Le Pen"),
                                     Rel("Jean-Marie Le Pen", "praise", "Vladimir Putin"),
                                     Rel("Vladimir Putin", "meet", "Marine Le Pen", 1),
                                     Rel("Vladimir Potanin", "meet", "José Álvarez", 2)};
  return graph::KnowledgeGraph::Build({}, relations, {});
}

TEST(FindActor, ExactIgnoringCase) {
  graph::KnowledgeGraph kg = NamesGraph();
  ActorLookup lookup = FindActor(kg, "vladimir PUTIN");
  EXPECT_EQ(lookup.kind, MatchKind::kExact);
  ASSERT_EQ(lookup.matches.size(), 1u);
  EXPECT_EQ(Label(kg, lookup.matches[0].actor), "Vladimir Putin");
}

TEST(FindActor, AccentsDoNotMatter) {
  graph::KnowledgeGraph kg = NamesGraph();
  ActorLookup lookup = FindActor(kg, "jose alvarez");
  EXPECT_EQ(lookup.kind, MatchKind::kFolded);
  ASSERT_EQ(lookup.matches.size(), 1u);
  EXPECT_EQ(Label(kg, lookup.matches[0].actor), "José Álvarez");
  // Folded surname, too.
  lookup = FindActor(kg, "Alvarez");
  ASSERT_EQ(lookup.matches.size(), 1u);
  EXPECT_EQ(Label(kg, lookup.matches[0].actor), "José Álvarez");
}

TEST(FindActor, AmbiguousSurnameListsEveryCandidate) {
  graph::KnowledgeGraph kg = NamesGraph();
  ActorLookup lookup = FindActor(kg, "Le Pen");
  EXPECT_EQ(lookup.kind, MatchKind::kExact);
  ASSERT_EQ(lookup.matches.size(), 2u);
  std::vector<std::string> labels = {Label(kg, lookup.matches[0].actor),
                                     Label(kg, lookup.matches[1].actor)};
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, (std::vector<std::string>{"Jean-Marie Le Pen", "Marine Le Pen"}));
}

TEST(FindActor, TyposGetSuggestionsNearestFirst) {
  graph::KnowledgeGraph kg = NamesGraph();
  ActorLookup lookup = FindActor(kg, "Vladimir Puttin");
  EXPECT_EQ(lookup.kind, MatchKind::kFuzzy);
  ASSERT_GE(lookup.matches.size(), 1u);
  EXPECT_EQ(Label(kg, lookup.matches[0].actor), "Vladimir Putin");
  EXPECT_EQ(lookup.matches[0].distance, 1u);
  // A misspelt surname alone is matched against the trailing words of names.
  lookup = FindActor(kg, "Potannin");
  ASSERT_GE(lookup.matches.size(), 1u);
  EXPECT_EQ(Label(kg, lookup.matches[0].actor), "Vladimir Potanin");
  EXPECT_TRUE(FindActor(kg, "Xqzwv Kkkkkk").matches.empty());
}

TEST(ResolveActor, UnknownNameIsNotFoundWithSuggestions) {
  graph::KnowledgeGraph kg = NamesGraph();
  Result<graph::Vertex> v = ResolveActor(kg, "Vladimir Puttin");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), Status::Code::kNotFound);
  const std::string& message = v.status().message();
  EXPECT_NE(message.find("\"Vladimir Puttin\""), std::string::npos) << message;
  EXPECT_NE(message.find("closest: Vladimir Putin (Person)"), std::string::npos) << message;
  Result<graph::Vertex> far = ResolveActor(kg, "Xqzwv Kkkkkk");
  ASSERT_FALSE(far.ok());
  EXPECT_NE(far.status().message().find("none is close"), std::string::npos);
  EXPECT_TRUE(ResolveActor(kg, "JOSÉ ÁLVAREZ").ok());
}

graph::KnowledgeGraph DatedGraph() {
  std::vector<Relation> relations = {Rel("Hub", "meet", "Alpha"), Rel("Hub", "criticize", "Bravo"),
                                     Rel("Charlie", "meet", "Hub"), Rel("Hub", "visit", "Delta")};
  relations[0].date = "2020-01-10";
  relations[1].date = "2021-06-01";
  relations[2].date = "2022-03-03";
  // relations[3] has no date
  return graph::KnowledgeGraph::Build({}, relations, {});
}

std::vector<std::string> NeighborLabels(const graph::KnowledgeGraph& kg,
                                        const std::vector<Neighbor>& neighbors) {
  std::vector<std::string> out;
  for (const Neighbor& n : neighbors) out.push_back(Label(kg, n.actor));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Neighbors, FiltersByPredicateAndDates) {
  graph::KnowledgeGraph kg = DatedGraph();
  NeighborFilter meet;
  meet.predicates = {"meet"};
  auto result = Neighbors(kg, "Hub", meet);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(NeighborLabels(kg, result.value()), (std::vector<std::string>{"Alpha", "Charlie"}));

  NeighborFilter since;
  since.since = "2021-01-01";
  result = Neighbors(kg, "Hub", since);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(NeighborLabels(kg, result.value()), (std::vector<std::string>{"Bravo", "Charlie"}));

  NeighborFilter window;
  window.since = "2020-01-01";
  window.until = "2021-12-31";
  result = Neighbors(kg, "Hub", window);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(NeighborLabels(kg, result.value()), (std::vector<std::string>{"Alpha", "Bravo"}));

  NeighborFilter bad;
  bad.until = "2021-13-01";
  result = Neighbors(kg, "Hub", bad);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
}

TEST(ShortestPath, MaxHopsRefusesLongerChains) {
  graph::KnowledgeGraph kg = ChainGraph();  // Alpha - Bravo - Charlie - Delta
  PathOptions two;
  two.max_hops = 2;
  Result<std::vector<PathStep>> result = ShortestPath(kg, "Alpha", "Delta", two);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kNotFound);
  EXPECT_NE(result.status().message().find("within 2 hops"), std::string::npos);
  PathOptions three;
  three.max_hops = 3;
  result = ShortestPath(kg, "Alpha", "Delta", three);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().size(), 3u);
  EXPECT_TRUE(ShortestPath(kg, "Alpha", "Charlie", two).ok());
}

TEST(ShortestPath, PrefersTheShortcutOverTheLongWayRound) {
  // A ring of six plus one chord: A-B-C-D-E-F-A and B-E.
  std::vector<Relation> relations = {
      Rel("A", "meet", "B"), Rel("B", "meet", "C"), Rel("C", "meet", "D"), Rel("D", "meet", "E"),
      Rel("E", "meet", "F"), Rel("F", "meet", "A"), Rel("B", "visit", "E")};
  graph::KnowledgeGraph kg = graph::KnowledgeGraph::Build({}, relations, {});
  Result<std::vector<PathStep>> result = ShortestPath(kg, "C", "F");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().size(), 3u);
  EXPECT_EQ(Label(kg, result.value().front().from), "C");
  EXPECT_EQ(Label(kg, result.value().back().to), "F");
  for (size_t i = 1; i < result.value().size(); ++i) {
    EXPECT_EQ(result.value()[i].from, result.value()[i - 1].to);  // a connected chain
  }
}

TEST(Between, EveryRelationBothWaysIncludingDenied) {
  std::vector<Relation> relations = {
      Rel("Alpha", "meet", "Bravo"), Rel("Alpha", "meet", "Bravo", 1),
      Rel("Bravo", "criticize", "Alpha"), Rel("Alpha", "sign_agreement", "Bravo"),
      Rel("Alpha", "meet", "Charlie")};
  relations[3].negated = true;
  graph::KnowledgeGraph kg = graph::KnowledgeGraph::Build({}, relations, {});
  auto result = Between(kg, "bravo", "Alpha");
  ASSERT_TRUE(result.ok());
  const graph::Graph& g = kg.graph();
  ASSERT_EQ(result.value().size(), 3u);
  EXPECT_EQ(g[result.value()[0]].predicate, "meet");  // strongest first
  EXPECT_EQ(g[result.value()[0]].weight, 2);
  EXPECT_EQ(g[result.value()[1]].predicate, "criticize");
  EXPECT_EQ(g[result.value()[2]].predicate, "sign_agreement");
  auto none = Between(kg, "Bravo", "Charlie");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  EXPECT_FALSE(Between(kg, "Bravo", "Zzzz Qqqq").ok());
}

// A star around Hub whose leaves also form a chain through Bridge to a second star.
graph::KnowledgeGraph TwoStars() {
  std::vector<Relation> relations;
  for (const char* leaf : {"L1", "L2", "L3", "L4"}) relations.push_back(Rel(leaf, "praise", "Hub"));
  relations.push_back(Rel("Bridge", "meet", "Hub"));
  relations.push_back(Rel("Bridge", "meet", "Other"));
  for (const char* leaf : {"M1", "M2"}) relations.push_back(Rel("Other", "visit", leaf));
  relations.push_back(Rel("Org", "criticize", "Hub"));
  relations.back().subject.type = ActorType::kOrganization;
  relations.back().subject.id = "organization:org";
  return graph::KnowledgeGraph::Build({}, relations, {});
}

TEST(RankActors, PageRankFavoursWhomManyActUpon) {
  graph::KnowledgeGraph kg = TwoStars();
  RankOptions options;
  options.by = Centrality::kPageRank;
  options.limit = 3;
  Ranking ranking = RankActors(kg, options);
  ASSERT_EQ(ranking.actors.size(), 3u);
  EXPECT_EQ(Label(kg, ranking.actors[0].actor), "Hub");
  EXPECT_GE(ranking.actors[0].score, ranking.actors[1].score);
  EXPECT_FALSE(ranking.approximate);
}

TEST(RankActors, BetweennessFindsTheBridgeAndSamplingAgreesWhenItSeesEverySource) {
  graph::KnowledgeGraph kg = TwoStars();
  RankOptions options;
  options.by = Centrality::kBetweenness;
  options.limit = 100;
  Ranking exact = RankActors(kg, options);
  ASSERT_FALSE(exact.actors.empty());
  EXPECT_EQ(Label(kg, exact.actors[0].actor), "Hub");
  EXPECT_EQ(Label(kg, exact.actors[1].actor), "Bridge");
  EXPECT_FALSE(exact.approximate);
  // The sampling code path with every actor as a source gives Boost's exact values.
  options.betweenness_samples = boost::num_vertices(kg.graph());
  Ranking sampled = RankActors(kg, options);
  EXPECT_FALSE(sampled.approximate);
  ASSERT_EQ(sampled.actors.size(), exact.actors.size());
  for (size_t i = 0; i < exact.actors.size(); ++i) {
    EXPECT_EQ(sampled.actors[i].actor, exact.actors[i].actor);
    EXPECT_NEAR(sampled.actors[i].score, exact.actors[i].score, 1e-9);
  }
  // A tiny budget forces an estimate, which says so.
  options.betweenness_samples = 0;
  options.exact_betweenness_work = 1;
  Ranking estimate = RankActors(kg, options);
  EXPECT_EQ(estimate.samples, boost::num_vertices(kg.graph()));  // at least 32, capped
  options.betweenness_samples = 3;
  estimate = RankActors(kg, options);
  EXPECT_TRUE(estimate.approximate);
  EXPECT_EQ(estimate.samples, 3u);
}

TEST(RankActors, TypeFilterAndDegree) {
  graph::KnowledgeGraph kg = TwoStars();
  RankOptions options;
  options.type = ActorType::kOrganization;
  Ranking ranking = RankActors(kg, options);
  ASSERT_EQ(ranking.actors.size(), 1u);
  EXPECT_EQ(Label(kg, ranking.actors[0].actor), "Org");
  options.type.reset();
  options.limit = 1;
  ranking = RankActors(kg, options);
  ASSERT_EQ(ranking.actors.size(), 1u);
  EXPECT_EQ(Label(kg, ranking.actors[0].actor), "Hub");
  EXPECT_EQ(ranking.actors[0].degree, 6u);
  EXPECT_DOUBLE_EQ(ranking.actors[0].score, 6.0);
}

TEST(EgoNetwork, ActorsWithinHopsAndTheirRelations) {
  graph::KnowledgeGraph kg = ChainGraph();  // Alpha - Bravo - Charlie - Delta; Echo - Foxtrot
  auto one = EgoNetwork(kg, "Bravo", 1);
  ASSERT_TRUE(one.ok());
  const graph::Graph& g = one->graph();
  ASSERT_EQ(boost::num_vertices(g), 3u);
  EXPECT_EQ(g[0].label, "Bravo");  // the centre first
  EXPECT_EQ(boost::num_edges(g), 2u);
  EXPECT_FALSE(one->FindById("person:Delta"));
  auto two = EgoNetwork(kg, "Bravo", 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(boost::num_vertices(two->graph()), 4u);
  EXPECT_EQ(boost::num_edges(two->graph()), 3u);
  auto zero = EgoNetwork(kg, "Alpha", 0);
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(boost::num_vertices(zero->graph()), 1u);  // the denied Alpha-Echo link is no hop
  EXPECT_FALSE(EgoNetwork(kg, "Zzzz Qqqq", 1).ok());
}

}  // namespace
}  // namespace polgraph::query
