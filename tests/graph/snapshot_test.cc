#include "graph/snapshot.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <tuple>
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
  r.start = static_cast<size_t>(sentence) * 100;
  r.end = r.start + r.evidence.size();
  r.subject = subject;
  r.object = object;
  r.predicate = predicate;
  r.confidence = 0.5 + sentence / 100.0;
  return r;
}

const EntityRef kFrance = Ref("country:france", "France", ActorType::kCountry);
const EntityRef kNato = Ref("organization:nato", "NATO", ActorType::kOrganization);

// A graph that exercises every field: merged ids ("Putin"), aliases with counts,
// country and Wikidata ids, scored and unscored edges, negated and hypothetical
// mentions, more evidence than an edge keeps, store ids, dates, affiliations.
KnowledgeGraph SampleGraph() {
  Entity putin;
  putin.id = kPutinFull.id;
  putin.label = "Vladimir Putin";
  putin.type = ActorType::kPerson;
  putin.aliases = {"Vladimir Putin", "Vladimir Vladimirovich Putin"};
  putin.alias_counts = {5, 1};
  putin.country = "RUS";
  putin.wikidata = "Q7747";
  Entity france;
  france.id = kFrance.id;
  france.label = "France";
  france.type = ActorType::kCountry;
  france.aliases = {"France", "French Republic"};
  france.country = "FRA";

  std::vector<Relation> relations;
  for (int i = 0; i < 5; ++i) {
    relations.push_back(
        Rel("d" + std::to_string(i), i, i % 2 ? kPutin : kPutinFull, "meet", kMacron));
    relations.back().goldstein = 1.0 + i;
    relations.back().store_id = 10 + i;
    relations.back().date = "2022-0" + std::to_string(i + 1) + "-02";
    relations.back().cameo = "036";
  }
  relations[3].negated = true;
  relations[4].hypothetical = true;
  relations.push_back(Rel("d1", 7, kMacron, "criticize", kPutinFull));  // no score, no date
  relations.push_back(Rel("d2", 3, kMacron, "leader_of", kFrance));
  relations.back().kind = RelationKind::kAffiliation;
  relations.back().store_id = 99;
  relations.push_back(Rel("d2", 4, kFrance, "member_of", kNato));
  relations.back().kind = RelationKind::kAffiliation;
  relations.push_back(Rel("d3", 1, kNato, "threaten", kPutinFull));
  relations.back().goldstein = -4.4;
  relations.back().negated = true;

  std::vector<Document> documents(4);
  for (int i = 0; i < 4; ++i) {
    documents[i].id = "d" + std::to_string(i);
    documents[i].date = "2021-12-1" + std::to_string(i);
  }
  return KnowledgeGraph::Build({putin, france}, relations, documents);
}

std::string Write(const KnowledgeGraph& kg, uint64_t generation, uint64_t documents = 4) {
  std::ostringstream out;
  EXPECT_TRUE(WriteSnapshot(kg, {generation, documents}, out).ok());
  return out.str();
}

auto ActorFields(const ActorVertex& a) {
  return std::tie(a.id, a.label, a.type, a.aliases, a.alias_counts, a.country, a.wikidata,
                  a.mention_count, a.first_seen, a.last_seen);
}

auto EvidenceFields(const Evidence& x) {
  return std::tie(x.doc, x.sentence, x.start, x.end, x.text);
}

void ExpectSameRelation(const RelationEdge& a, const RelationEdge& b) {
  EXPECT_EQ(std::tie(a.predicate, a.kind, a.cameo, a.goldstein, a.weight, a.negated_count,
                     a.hypothetical_count, a.doc_count, a.first_seen, a.last_seen, a.confidence,
                     a.relation_ids),
            std::tie(b.predicate, b.kind, b.cameo, b.goldstein, b.weight, b.negated_count,
                     b.hypothetical_count, b.doc_count, b.first_seen, b.last_seen, b.confidence,
                     b.relation_ids))
      << a.predicate;
  ASSERT_EQ(a.evidence.size(), b.evidence.size()) << a.predicate;
  for (size_t i = 0; i < a.evidence.size(); ++i) {
    EXPECT_EQ(EvidenceFields(a.evidence[i]), EvidenceFields(b.evidence[i])) << a.predicate;
  }
}

// (source, target, predicate) of each edge of `range`, in order.
template <typename Range>
std::vector<std::tuple<Vertex, Vertex, std::string>> Ends(const Graph& g, Range range) {
  std::vector<std::tuple<Vertex, Vertex, std::string>> out;
  for (Edge e : boost::make_iterator_range(range)) {
    out.emplace_back(boost::source(e, g), boost::target(e, g), g[e].predicate);
  }
  return out;
}

void ExpectSameGraph(const KnowledgeGraph& want, const KnowledgeGraph& got) {
  const Graph& a = want.graph();
  const Graph& b = got.graph();
  ASSERT_EQ(boost::num_vertices(a), boost::num_vertices(b));
  ASSERT_EQ(boost::num_edges(a), boost::num_edges(b));
  for (Vertex v : boost::make_iterator_range(boost::vertices(a))) {
    EXPECT_EQ(ActorFields(a[v]), ActorFields(b[v])) << a[v].id;
    // Queries walk these lists; their order decides ties.
    EXPECT_EQ(Ends(a, boost::out_edges(v, a)), Ends(b, boost::out_edges(v, b))) << a[v].id;
    EXPECT_EQ(Ends(a, boost::in_edges(v, a)), Ends(b, boost::in_edges(v, b))) << a[v].id;
    EXPECT_EQ(want.FindById(a[v].id), got.FindById(a[v].id)) << a[v].id;
    EXPECT_EQ(want.FindByName(a[v].label), got.FindByName(a[v].label)) << a[v].label;
    for (const std::string& alias : a[v].aliases) {
      EXPECT_EQ(want.FindByName(alias), got.FindByName(alias)) << alias;
    }
  }
  auto ea = boost::edges(a).first;
  auto eb = boost::edges(b).first;
  for (; ea != boost::edges(a).second; ++ea, ++eb) {
    EXPECT_EQ(boost::source(*ea, a), boost::source(*eb, b));
    EXPECT_EQ(boost::target(*ea, a), boost::target(*eb, b));
    ExpectSameRelation(a[*ea], b[*eb]);
  }
}

TEST(GraphSnapshot, RoundTripGivesAnIdenticalGraph) {
  const KnowledgeGraph kg = SampleGraph();
  ASSERT_GE(boost::num_edges(kg.graph()), 4u);
  SnapshotOrigin origin;
  Result<KnowledgeGraph> read = ReadSnapshot(Write(kg, 42, 4), 42, &origin);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(origin.store_generation, 42u);
  EXPECT_EQ(origin.documents, 4u);
  ExpectSameGraph(kg, read.value());

  const KnowledgeGraph& got = read.value();
  // The merged id, the surname, case and punctuation, and an unknown name.
  EXPECT_EQ(got.FindById("person:putin"), kg.FindById("person:putin"));
  ASSERT_TRUE(got.FindById("person:putin").has_value());
  EXPECT_EQ(got.FindById("person:putin"), got.FindById("person:vladimir putin"));
  for (const char* name : {"Putin", "macron", "FRANCE!", "French Republic", "nato", "Nobody"}) {
    EXPECT_EQ(got.FindByName(name), kg.FindByName(name)) << name;
  }
  EXPECT_EQ(got.FindByName("Nobody").size(), 0u);
  EXPECT_EQ(got.FindByName("Putin").size(), 1u);
}

TEST(GraphSnapshot, EmptyAndBuilderGraphsRoundTrip) {
  const KnowledgeGraph empty;
  Result<KnowledgeGraph> read = ReadSnapshot(Write(empty, 0, 0), 0);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(boost::num_vertices(read->graph()), 0u);

  KnowledgeGraph::Builder builder;
  ActorVertex a;
  a.id = "person:a";
  a.label = "Alma Ruiz";
  a.type = ActorType::kPerson;
  const Vertex va = builder.AddActor(a);
  a.id = "group:b";
  a.label = "Bo";
  a.type = ActorType::kGroup;
  const Vertex vb = builder.AddActor(a);
  RelationEdge rel;
  rel.predicate = "meet";
  rel.goldstein = -0.1;  // a double that decimal text would round
  rel.confidence = 1.0 / 3.0;
  builder.AddRelation(vb, va, rel);
  builder.AddRelation(va, vb, rel);
  builder.AddIdAlias("person:alma", va);
  const KnowledgeGraph kg = builder.Finish();
  Result<KnowledgeGraph> copy = ReadSnapshot(Write(kg, 7), 7);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  ExpectSameGraph(kg, copy.value());
  EXPECT_EQ(copy->FindById("person:alma"), std::optional<Vertex>(va));
  EXPECT_EQ(copy->FindByName("Ruiz"), kg.FindByName("Ruiz"));
}

TEST(GraphSnapshot, WrongGenerationIsRefused) {
  const std::string bytes = Write(SampleGraph(), 42);
  Result<KnowledgeGraph> stale = ReadSnapshot(bytes, 43);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(stale.status().message().find("42"), std::string::npos) << stale.status().message();
}

TEST(GraphSnapshot, OtherFormatVersionIsRefused) {
  std::string bytes = Write(SampleGraph(), 42);
  bytes[8] = static_cast<char>(kSnapshotVersion + 1);  // the version follows the magic
  Result<KnowledgeGraph> read = ReadSnapshot(bytes, 42);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), Status::Code::kInvalidArgument);
}

TEST(GraphSnapshot, DamagedBytesAreRefused) {
  const std::string good = Write(SampleGraph(), 42);
  // Every single flipped byte after the header fails the checksum.
  for (size_t at = 44; at < good.size(); at += 7) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x20);
    Result<KnowledgeGraph> read = ReadSnapshot(bad, 42);
    ASSERT_FALSE(read.ok()) << "flipped byte " << at;
    EXPECT_EQ(read.status().code(), Status::Code::kCorruption) << at;
  }
  // A damaged magic number, garbage, and nothing at all.
  std::string magic = good;
  magic[0] = 'X';
  for (const std::string& bad :
       {magic, std::string("not a snapshot at all, just some text"), std::string()}) {
    Result<KnowledgeGraph> read = ReadSnapshot(bad, 42);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().code(), Status::Code::kCorruption);
  }
}

TEST(GraphSnapshot, TruncatedOrPaddedBytesAreRefused) {
  const std::string good = Write(SampleGraph(), 42);
  for (size_t size = 0; size < good.size(); size += 13) {
    Result<KnowledgeGraph> read = ReadSnapshot(std::string_view(good).substr(0, size), 42);
    ASSERT_FALSE(read.ok()) << "truncated to " << size;
    EXPECT_EQ(read.status().code(), Status::Code::kCorruption) << size;
  }
  EXPECT_FALSE(ReadSnapshot(good.substr(0, good.size() - 1), 42).ok());
  EXPECT_FALSE(ReadSnapshot(good + '\0', 42).ok());
  EXPECT_TRUE(ReadSnapshot(good, 42).ok());
}

}  // namespace
}  // namespace polgraph::graph
