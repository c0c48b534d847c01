#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "graph_test_util.h"

namespace polgraph::graph {
namespace {

using test::kMacron;
using test::kPutin;
using test::kPutinFull;
using test::Ref;

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
  ASSERT_EQ(edge.evidence.size(), kMaxEvidence);  // the first few; relation_ids keep all
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

// Cross-document merging (issue 5).

TEST(KnowledgeGraphMerge, ShortNameGoesToTheCandidateItsDocumentNamesInFull) {
  const EntityRef jean_marie = Ref("person:jean-marie le pen", "Jean-Marie Le Pen");
  // d1 names Marine in full and then "Le Pen"; d2 does the same for her father;
  // d3 says only "Le Pen" and cannot be told apart.
  std::vector<Relation> relations = {
      Rel("d1", 0, kMarine, "meet", kMacron), Rel("d1", 1, kLePen, "criticize", kMacron),
      Rel("d2", 0, jean_marie, "praise", kPutinFull), Rel("d2", 1, kLePen, "meet", kPutinFull),
      Rel("d3", 0, kLePen, "visit", kMacron)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  const Graph& g = kg.graph();
  auto marine = kg.FindById("person:marine le pen");
  auto father = kg.FindById("person:jean-marie le pen");
  auto le_pen = kg.FindById("person:le pen");
  ASSERT_TRUE(marine && father && le_pen);
  EXPECT_NE(*marine, *father);
  EXPECT_NE(*le_pen, *marine);
  EXPECT_NE(*le_pen, *father);
  std::vector<std::string> out;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    out.push_back(g[boost::source(e, g)].label + " " + g[e].predicate + " " +
                  g[boost::target(e, g)].label);
  }
  std::sort(out.begin(), out.end());
  EXPECT_EQ(out,
            (std::vector<std::string>{
                "Jean-Marie Le Pen meet Vladimir Putin", "Jean-Marie Le Pen praise Vladimir Putin",
                "Le Pen visit Emmanuel Macron", "Marine Le Pen criticize Emmanuel Macron",
                "Marine Le Pen meet Emmanuel Macron"}));
}

TEST(KnowledgeGraphMerge, ShortNameResolvedEverywhereGetsNoVertexOfItsOwn) {
  const EntityRef jean_marie = Ref("person:jean-marie le pen", "Jean-Marie Le Pen");
  std::vector<Relation> relations = {Rel("d1", 0, kMarine, "meet", kMacron),
                                     Rel("d1", 1, kLePen, "criticize", kMacron),
                                     Rel("d2", 0, jean_marie, "praise", kPutinFull)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 4u);  // Marine, Jean-Marie, Macron, Putin
  EXPECT_EQ(kg.FindById("person:le pen"), kg.FindById("person:marine le pen"));
}

TEST(KnowledgeGraphMerge, SameNameFromDifferentCountriesStaysApart) {
  // "Smith" is known to be British; the only longer Smith is American.
  std::vector<Entity> entities = {Ent("person:john smith", "John Smith"),
                                  Ent("person:smith", "Smith")};
  entities[0].country = "USA";
  entities[1].country = "GBR";
  const EntityRef john = Ref("person:john smith", "John Smith");
  const EntityRef smith = Ref("person:smith", "Smith");
  KnowledgeGraph kg = KnowledgeGraph::Build(
      entities, {Rel("d1", 0, john, "meet", kMacron), Rel("d2", 0, smith, "meet", kMacron)}, {});
  EXPECT_NE(kg.FindById("person:smith"), kg.FindById("person:john smith"));
  // Without a country on the short name, the surname rule applies.
  entities[1].country.clear();
  KnowledgeGraph merged = KnowledgeGraph::Build(
      entities, {Rel("d1", 0, john, "meet", kMacron), Rel("d2", 0, smith, "meet", kMacron)}, {});
  EXPECT_EQ(merged.FindById("person:smith"), merged.FindById("person:john smith"));
}

TEST(KnowledgeGraphMerge, CountryPicksTheOneFittingCandidate) {
  std::vector<Entity> entities = {Ent("person:john smith", "John Smith"),
                                  Ent("person:will smith", "Will Smith"),
                                  Ent("person:smith", "Smith")};
  entities[0].country = "USA";
  entities[1].country = "GBR";
  entities[2].country = "GBR";
  KnowledgeGraph kg = KnowledgeGraph::Build(
      entities, {Rel("d1", 0, Ref("person:smith", "Smith"), "meet", kMacron)}, {});
  EXPECT_EQ(kg.FindById("person:smith"), kg.FindById("person:will smith"));
}

TEST(KnowledgeGraphMerge, WikidataIdAnchorsIdentityAcrossSpellings) {
  std::vector<Entity> entities = {
      Ent("organization:nato", "NATO", ActorType::kOrganization),
      Ent("organization:north atlantic treaty organization", "North Atlantic Treaty Organization",
          ActorType::kOrganization),
      Ent("organization:otan", "OTAN", ActorType::kOrganization)};
  entities[0].wikidata = "Q7184";
  entities[1].wikidata = "Q7184";
  entities[2].wikidata = "Q1";  // a different actor, whatever its name
  const EntityRef nato = Ref("organization:nato", "NATO", ActorType::kOrganization);
  const EntityRef full = Ref("organization:north atlantic treaty organization",
                             "North Atlantic Treaty Organization", ActorType::kOrganization);
  KnowledgeGraph kg = KnowledgeGraph::Build(
      entities,
      {Rel("d1", 0, nato, "criticize", kPutinFull), Rel("d2", 0, full, "criticize", kPutinFull)},
      {});
  auto a = kg.FindById("organization:nato");
  ASSERT_TRUE(a);
  EXPECT_EQ(a, kg.FindById("organization:north atlantic treaty organization"));
  EXPECT_NE(a, kg.FindById("organization:otan"));
  const Graph& g = kg.graph();
  EXPECT_EQ(g[*a].wikidata, "Q7184");
  ASSERT_EQ(boost::out_degree(*a, g), 1u);  // both mentions on one edge
  EXPECT_EQ(g[*boost::out_edges(*a, g).first].weight, 2);
}

TEST(KnowledgeGraphMerge, WikidataConflictBlocksTheSurnameRule) {
  std::vector<Entity> entities = {Ent("person:george bush", "George Bush"),
                                  Ent("person:bush", "Bush")};
  entities[0].wikidata = "Q207";
  entities[1].wikidata = "Q23505";
  KnowledgeGraph kg = KnowledgeGraph::Build(entities, {}, {});
  EXPECT_NE(kg.FindById("person:bush"), kg.FindById("person:george bush"));
}

TEST(KnowledgeGraphMerge, AliasCountsAddUpAndLabelIsTheMostCompleteFrequentForm) {
  // Store-style records: counts per form. "Putin" is the most frequent form,
  // "Vladimir Putin" frequent enough to be the label, "Vladimir V. Putin" a slip.
  Entity full = Ent("person:vladimir putin", "Vladimir Putin");
  full.aliases = {"Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"};
  full.alias_counts = {12, 40, 1};
  Entity shortname = Ent("person:putin", "Putin");
  shortname.alias_counts = {30};
  KnowledgeGraph kg =
      KnowledgeGraph::Build({full, shortname}, {Rel("d1", 0, kPutin, "criticize", kMacron)}, {});
  auto v = kg.FindById("person:putin");
  ASSERT_TRUE(v);
  const ActorVertex& actor = kg.graph()[*v];
  EXPECT_EQ(actor.label, "Vladimir Putin");
  EXPECT_EQ(actor.aliases,
            (std::vector<std::string>{"Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"}));
  EXPECT_EQ(actor.alias_counts, (std::vector<int>{12, 70, 1}));
}

TEST(KnowledgeGraphMerge, FrequentLongerFormBecomesTheLabel) {
  Entity e = Ent("person:putin", "Putin");
  e.aliases = {"Putin", "Vladimir Putin"};
  e.alias_counts = {50, 9};  // seen at least a tenth as often as "Putin"
  KnowledgeGraph kg = KnowledgeGraph::Build({e}, {}, {});
  EXPECT_EQ(kg.graph()[*kg.FindById("person:putin")].label, "Vladimir Putin");
}

TEST(KnowledgeGraphMerge, RelationSurfacesCountWhenEntitiesGiveNoCounts) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutinFull, "meet", kMacron),
                                     Rel("d2", 0, kPutinFull, "meet", kMacron),
                                     Rel("d3", 0, kPutinFull, "meet", kMacron)};
  relations[1].subject.surface = "Putin";
  relations[2].subject.surface = "Putin";
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  const ActorVertex& actor = kg.graph()[*kg.FindById("person:vladimir putin")];
  EXPECT_EQ(actor.aliases, (std::vector<std::string>{"Vladimir Putin", "Putin"}));
  EXPECT_EQ(actor.alias_counts, (std::vector<int>{1, 2}));
}

TEST(KnowledgeGraphEdges, MeanGoldsteinStoreIdsAndActorDates) {
  std::vector<Relation> relations;
  for (int i = 0; i < 5; ++i) {
    relations.push_back(Rel("d" + std::to_string(i), 0, kPutinFull, "threaten", kMacron));
    relations.back().goldstein = -4.0 - i;  // -4 -5 -6 -7 -8
    relations.back().store_id = 100 + i;
    relations.back().date = "2022-0" + std::to_string(i + 1) + "-15";
  }
  relations[4].negated = true;  // its -8 does not count toward the positive edge
  relations.push_back(Rel("d9", 0, kPutinFull, "meet", kMacron));
  relations.back().negated = true;
  relations.back().goldstein = 1.0;  // no positive mention: the mean of all
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  const Graph& g = kg.graph();
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& edge = g[e];
    ASSERT_TRUE(edge.goldstein.has_value());
    if (edge.predicate == "threaten") {
      EXPECT_DOUBLE_EQ(*edge.goldstein, -5.5);
      EXPECT_EQ(edge.weight, 4);
      EXPECT_EQ(edge.negated_count, 1);
      EXPECT_EQ(edge.doc_count, 5);
      EXPECT_EQ(edge.relation_ids, (std::vector<int64_t>{100, 101, 102, 103, 104}));
      EXPECT_EQ(edge.evidence.size(), kMaxEvidence);
      EXPECT_EQ(edge.first_seen, "2022-01-15");
      EXPECT_EQ(edge.last_seen, "2022-05-15");
    } else {
      EXPECT_DOUBLE_EQ(*edge.goldstein, 1.0);
      EXPECT_EQ(edge.weight, 0);
    }
  }
  const ActorVertex& putin = g[*kg.FindById("person:vladimir putin")];
  EXPECT_EQ(putin.first_seen, "2022-01-15");
  EXPECT_EQ(putin.last_seen, "2022-05-15");
}

TEST(KnowledgeGraphSubgraph, KeepsChosenActorsTheirEdgesAndIds) {
  std::vector<Relation> relations = {Rel("d1", 0, kPutinFull, "meet", kMacron),
                                     Rel("d1", 1, kMacron, "criticize", kMarine),
                                     Rel("d2", 0, kPutin, "praise", kMarine)};
  KnowledgeGraph kg = KnowledgeGraph::Build({}, relations, {});
  const Vertex putin = *kg.FindById("person:vladimir putin");
  const Vertex macron = *kg.FindById("person:emmanuel macron");
  KnowledgeGraph sub = kg.Subgraph({macron, putin, macron});
  const Graph& g = sub.graph();
  ASSERT_EQ(boost::num_vertices(g), 2u);
  EXPECT_EQ(g[0].label, "Emmanuel Macron");
  ASSERT_EQ(boost::num_edges(g), 1u);
  EXPECT_EQ(g[*boost::edges(g).first].predicate, "meet");
  EXPECT_EQ(sub.FindById("person:putin"), std::optional<Vertex>(1));  // merged id still resolves
  EXPECT_FALSE(sub.FindById("person:marine le pen"));
  EXPECT_EQ(sub.FindByName("Putin").size(), 1u);
}

TEST(KnowledgeGraphBuilder, AddsActorsAndRelationsDirectly) {
  KnowledgeGraph::Builder builder(2);
  ActorVertex a;
  a.id = "person:a";
  a.label = "Alma Ruiz";
  a.type = ActorType::kPerson;
  ActorVertex b = a;
  b.id = "person:b";
  b.label = "Bo Lind";
  const Vertex va = builder.AddActor(a);
  const Vertex vb = builder.AddActor(b);
  EXPECT_EQ(builder.AddActor(a), va);  // same id: same vertex
  RelationEdge rel;
  rel.predicate = "meet";
  rel.weight = 3;
  builder.AddRelation(va, vb, rel);
  builder.AddIdAlias("person:alma", va);
  KnowledgeGraph kg = builder.Finish();
  EXPECT_EQ(boost::num_vertices(kg.graph()), 2u);
  EXPECT_EQ(boost::num_edges(kg.graph()), 1u);
  EXPECT_EQ(kg.FindById("person:alma"), std::optional<Vertex>(va));
  ASSERT_EQ(kg.FindByName("ruiz").size(), 1u);  // surname index built by Finish
  KnowledgeGraph moved = std::move(kg);
  EXPECT_EQ(moved.FindByName("bo lind").size(), 1u);
}

}  // namespace
}  // namespace polgraph::graph
