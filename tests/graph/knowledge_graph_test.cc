#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace polgraph::graph {
namespace {

EntityRef Ref(const std::string& id, const std::string& label,
              ActorType type = ActorType::kPerson) {
  return EntityRef{id, label, type, label};
}

Relation Rel(const std::string& doc, int sentence, const EntityRef& subject,
             const std::string& predicate, const EntityRef& object) {
  Relation r;
  r.doc = doc;
  r.sentence = sentence;
  r.evidence = subject.surface + " " + predicate + " " + object.surface + ".";
  r.subject = subject;
  r.object = object;
  r.predicate = predicate;
  r.confidence = 0.5;
  return r;
}

Entity Ent(const std::string& id, const std::string& label, ActorType type = ActorType::kPerson) {
  Entity e;
  e.id = id;
  e.label = label;
  e.type = type;
  e.aliases = {label};
  return e;
}

const EntityRef kPutinFull = Ref("person:vladimir putin", "Vladimir Putin");
const EntityRef kPutin = Ref("person:putin", "Putin");
const EntityRef kMacron = Ref("person:emmanuel macron", "Emmanuel Macron");
const EntityRef kMarine = Ref("person:marine le pen", "Marine Le Pen");
const EntityRef kLePen = Ref("person:le pen", "Le Pen");

TEST(KnowledgeGraphBuild, SingleTokenSurnameMergesIntoUniqueFullName) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutinFull, "meet", kMacron),
                                     Rel("d2", 3, kPutin, "criticize", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 2u);
  auto full = kg.FindById("person:vladimir putin");
  auto shortname = kg.FindById("person:putin");
  ASSERT_TRUE(full && shortname);
  EXPECT_EQ(*full, *shortname);
  const ActorVertex& actor = kg.graph()[*full];
  EXPECT_EQ(actor.label, "Vladimir Putin");
  EXPECT_EQ(actor.aliases, (std::vector<std::string>{"Vladimir Putin", "Putin"}));
  EXPECT_EQ(actor.mention_count, 2);
  EXPECT_EQ(boost::out_degree(*full, kg.graph()), 2u);
}

TEST(KnowledgeGraphBuild, MultiWordSurnameMergesWhenUnique) {
  std::vector<Entity> entities = {Ent("person:marine le pen", "Marine Le Pen"),
                                  Ent("person:le pen", "Le Pen")};
  entities[1].aliases = {"Le Pen", "Mme Le Pen"};
  std::vector<Relation> relations = {Rel("d1", 0, kLePen, "criticize", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build(entities, relations, {});
  auto marine = kg.FindById("person:marine le pen");
  ASSERT_TRUE(marine);
  EXPECT_EQ(kg.FindById("person:le pen"), marine);
  EXPECT_EQ(kg.graph()[*marine].aliases,
            (std::vector<std::string>{"Marine Le Pen", "Le Pen", "Mme Le Pen"}));
}

TEST(KnowledgeGraphBuild, AmbiguousSurnameIsNotMerged) {
  const EntityRef jean_marie = Ref("person:jean-marie le pen", "Jean-Marie Le Pen");
  std::vector<Relation> relations = {Rel("d1", 0, kMarine, "criticize", kMacron),
                                     Rel("d2", 0, jean_marie, "criticize", kMacron),
                                     Rel("d3", 0, kLePen, "criticize", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 4u);
  auto le_pen = kg.FindById("person:le pen");
  ASSERT_TRUE(le_pen);
  EXPECT_NE(le_pen, kg.FindById("person:marine le pen"));
  EXPECT_NE(le_pen, kg.FindById("person:jean-marie le pen"));
}

TEST(KnowledgeGraphBuild, SurnameRuleOnlyMergesPersons) {
  const EntityRef union_org = Ref("organization:union", "Union", ActorType::kOrganization);
  const EntityRef eu =
      Ref("organization:european union", "European Union", ActorType::kOrganization);
  std::vector<Relation> relations = {Rel("d1", 0, union_org, "criticize", kMacron),
                                     Rel("d1", 1, eu, "criticize", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 3u);
}

TEST(KnowledgeGraphBuild, AggregatesMentionsIntoOneEdge) {
  std::vector<Document> documents(3);
  documents[0].id = "d1";
  documents[0].date = "2021-06-01";
  documents[1].id = "d2";
  documents[1].date = "2021-02-10";
  documents[2].id = "d3";  // no date at all

  std::vector<Relation> relations;
  relations.push_back(Rel("d1", 0, kPutinFull, "meet", kMacron));
  relations.back().date = "2021-05-30";  // own date beats the document's
  relations.back().cameo = "040";
  relations.back().goldstein = 1.0;
  relations.push_back(Rel("d1", 4, kPutinFull, "meet", kMacron));
  relations.back().negated = true;
  relations.push_back(Rel("d2", 1, kPutinFull, "meet", kMacron));  // date from d2
  relations.back().confidence = 0.9;
  relations.push_back(Rel("d3", 2, kPutinFull, "meet", kMacron));
  relations.back().hypothetical = true;
  relations.push_back(Rel("d3", 5, kPutinFull, "meet", kMacron));
  relations.back().date = "not a date";  // ignored, and d3 has none either

  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, documents);
  ASSERT_EQ(boost::num_edges(kg.graph()), 1u);
  const RelationEdge& edge = kg.graph()[*boost::edges(kg.graph()).first];
  EXPECT_EQ(edge.predicate, "meet");
  EXPECT_EQ(edge.weight, 3);  // d1 s0, d2 s1, d3 s5
  EXPECT_EQ(edge.negated_count, 1);
  EXPECT_EQ(edge.hypothetical_count, 1);
  EXPECT_EQ(edge.doc_count, 3);
  EXPECT_EQ(edge.first_seen, "2021-02-10");
  EXPECT_EQ(edge.last_seen, "2021-06-01");  // d1 s4 falls back to d1's date
  EXPECT_DOUBLE_EQ(edge.confidence, 0.9);
  EXPECT_EQ(edge.cameo, "040");
  ASSERT_TRUE(edge.goldstein.has_value());
  EXPECT_DOUBLE_EQ(*edge.goldstein, 1.0);
  ASSERT_EQ(edge.evidence.size(), 5u);
  EXPECT_EQ(edge.evidence[0].doc, "d1");
  EXPECT_EQ(edge.evidence[0].text, "Vladimir Putin meet Emmanuel Macron.");
}

TEST(KnowledgeGraphBuild, DifferentPredicatesAndDirectionsAreSeparateEdges) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutinFull, "meet", kMacron),
                                     Rel("d1", 1, kMacron, "meet", kPutinFull),
                                     Rel("d1", 2, kPutinFull, "criticize", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_edges(kg.graph()), 3u);
}

TEST(KnowledgeGraphBuild, KeepsEdgesSupportedOnlyByDenials) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutinFull, "meet", kMacron),
                                     Rel("d2", 0, kPutinFull, "sign_agreement", kMacron)};
  relations[1].negated = true;
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  ASSERT_EQ(boost::num_edges(kg.graph()), 2u);
  for (Edge e : boost::make_iterator_range(boost::edges(kg.graph()))) {
    const RelationEdge& edge = kg.graph()[e];
    if (edge.predicate != "sign_agreement") continue;
    EXPECT_EQ(edge.weight, 0);
    EXPECT_EQ(edge.negated_count, 1);
    EXPECT_EQ(edge.doc_count, 1);
  }
}

TEST(KnowledgeGraphBuild, DropsSelfLoopCreatedByMerging) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutin, "praise", kPutinFull),
                                     Rel("d1", 1, kPutinFull, "praise", kPutinFull)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 1u);
  EXPECT_EQ(boost::num_edges(kg.graph()), 0u);
}

TEST(KnowledgeGraphBuild, EntitiesWithoutRelationsStillGetVertices) {
  std::vector<Entity> entities = {Ent("country:fra", "France", ActorType::kCountry)};
  entities[0].country = "FRA";
  KnowledgeGraph kg = KnowledgeGraph::Build(entities, {}, {});
  auto france = kg.FindById("country:fra");
  ASSERT_TRUE(france);
  EXPECT_EQ(kg.graph()[*france].country, "FRA");
  EXPECT_EQ(kg.graph()[*france].mention_count, 0);
  EXPECT_FALSE(kg.FindById("country:deu"));
}

TEST(KnowledgeGraphBuild, SameInputInAnyOrderGivesSameGraph) {
  std::vector<Relation> relations = {Rel("d2", 0, kMacron, "criticize", kMarine),
                                     Rel("d1", 1, kPutinFull, "meet", kMacron),
                                     Rel("d1", 0, kMarine, "meet", kPutinFull)};
  auto describe = [](const KnowledgeGraph& kg) {
    std::vector<std::string> out;
    const Graph& g = kg.graph();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) out.push_back(g[v].id);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
      out.push_back(g[boost::source(e, g)].id + " " + g[e].predicate + " " +
                    g[boost::target(e, g)].id);
    }
    return out;
  };
  std::vector<std::string> first = describe(KnowledgeGraph::Build({}, relations, {}));
  std::reverse(relations.begin(), relations.end());
  EXPECT_EQ(describe(KnowledgeGraph::Build({}, relations, {})), first);
}

TEST(KnowledgeGraphFindByName, IgnoresCaseAndPunctuation) {
  const EntityRef us = Ref("country:usa", "U.S.", ActorType::kCountry);
  KnowledgeGraph kg = KnowledgeGraph::Build({}, {Rel("d1", 0, us, "criticize", kMacron)}, {});
  std::vector<Vertex> found = kg.FindByName("us");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(kg.graph()[found[0]].id, "country:usa");
  EXPECT_EQ(kg.FindByName("emmanuel  MACRON").size(), 1u);
  EXPECT_TRUE(kg.FindByName("Angela Merkel").empty());
  EXPECT_TRUE(kg.FindByName("").empty());
}

TEST(KnowledgeGraphFindByName, ExactLabelFirstThenAliasByMentions) {
  // "Georgia" is the country's label, and an alias of two other actors, one of
  // which is mentioned more often.
  std::vector<Entity> entities = {
      Ent("country:geo", "Georgia", ActorType::kCountry),
      Ent("location:georgia state", "Georgia State", ActorType::kLocation),
      Ent("organization:georgia fc", "Georgia FC", ActorType::kOrganization)};
  entities[1].aliases.push_back("Georgia");
  entities[2].aliases.push_back("georgia");
  const EntityRef state = Ref("location:georgia state", "Georgia State", ActorType::kLocation);
  const EntityRef club = Ref("organization:georgia fc", "Georgia FC", ActorType::kOrganization);
  std::vector<Relation> relations = {Rel("d1", 0, kMacron, "visit", state),
                                     Rel("d1", 1, kMarine, "visit", state),
                                     Rel("d1", 2, kMacron, "praise", club)};
  KnowledgeGraph kg = KnowledgeGraph::Build(entities, relations, {});
  std::vector<Vertex> found = kg.FindByName("GEORGIA");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(kg.graph()[found[0]].id, "country:geo");
  EXPECT_EQ(kg.graph()[found[1]].id, "location:georgia state");
  EXPECT_EQ(kg.graph()[found[2]].id, "organization:georgia fc");
}

TEST(KnowledgeGraphFindByName, FindsMergedSurnameThroughAlias) {
  KnowledgeGraph kg = KnowledgeGraph::Build(
      {}, {Rel("d1", 0, kPutin, "criticize", kMacron), Rel("d2", 0, kPutinFull, "meet", kMacron)},
      {});
  std::vector<Vertex> found = kg.FindByName("putin");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(kg.graph()[found[0]].label, "Vladimir Putin");
}

TEST(KnowledgeGraphFindByName, SurnameFindsAPersonOnlyEverNamedInFull) {
  KnowledgeGraph kg = KnowledgeGraph::Build({}, {Rel("d1", 0, kPutinFull, "meet", kMacron)}, {});
  std::vector<Vertex> found = kg.FindByName("Macron");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(kg.graph()[found[0]].label, "Emmanuel Macron");
  EXPECT_TRUE(kg.FindByName("manuel Macron").empty());  // whole words only
}

}  // namespace
}  // namespace polgraph::graph
