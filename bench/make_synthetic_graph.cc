// make_synthetic_graph: builds a synthetic knowledge graph in memory (by default
// 1,000,000 actors and 10,000,000 relations) through KnowledgeGraph::Builder and
// measures what an analyst would wait for on a graph that size:
//   build      generating the actors and relations, then the Builder (ms)
//   path       query::ShortestPath between random pairs (median and max of --pairs)
//   neighbors  query::Neighbors of random actors (median and max)
//   centrality query::RankActors by PageRank and sampled betweenness (--centrality)
//   export     exporter::WriteGraphml of the whole graph to /dev/null (MB/s), with
//              the resident memory before and the peak after, to show the writer
//              streams instead of holding a second copy of the graph
// Memory is the peak resident set (getrusage) and the current one (/proc/self/statm).
//
// Degrees are skewed like a news graph's: a few actors (countries, leaders) take
// part in many relations. Names are made of random syllables so that lookups and
// the name index see realistic strings.
//
//   make_synthetic_graph [--actors N] [--edges M] [--pairs K] [--seed S]
//                        [--evidence] [--centrality] [--no-export]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "export/graphml.h"
#include "graph/knowledge_graph.h"
#include "query/query.h"

namespace {

using polgraph::ActorType;
using polgraph::graph::ActorVertex;
using polgraph::graph::KnowledgeGraph;
using polgraph::graph::RelationEdge;
using polgraph::graph::Vertex;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double CurrentRssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

struct Stats {
  double median = 0, max = 0;
};
Stats Summarise(std::vector<double> ms) {
  Stats s;
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  s.median = ms[ms.size() / 2];
  s.max = ms.back();
  return s;
}

const char* const kSyllables[] = {"ka",  "lo",   "ven",  "ri", "mar", "to", "sa",
                                  "bel", "quin", "dra",  "ne", "vos", "il", "gar",
                                  "pe",  "tu",   "shan", "or", "mi",  "zel"};
const char* const kPredicates[] = {"meet",    "criticize", "praise",    "visit",
                                   "accuse",  "threaten",  "negotiate", "impose_sanctions",
                                   "support", "condemn",   "appoint",   "member_of"};
const char* const kCameo[] = {"040", "111", "051", "042", "112", "130",
                              "046", "163", "050", "122", "080", ""};
const double kGoldstein[] = {1.0, -2.0, 3.4, 1.9, -2.0, -4.4, 7.0, -8.0, 3.0, -2.0, 5.0, 0.0};

std::string Name(std::mt19937_64& random) {
  std::string name;
  for (int word = 0; word < 2; ++word) {
    if (word) name += ' ';
    const int syllables = 2 + static_cast<int>(random() % 2);
    for (int s = 0; s < syllables; ++s) name += kSyllables[random() % std::size(kSyllables)];
    name[word == 0 ? 0 : name.rfind(' ') + 1] -= 'a' - 'A';
  }
  return name;
}

std::string Date(std::mt19937_64& random) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", 2015 + static_cast<int>(random() % 10),
                1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
  return buffer;
}

}  // namespace

int main(int argc, char** argv) {
  size_t actors = 1000000, edges = 10000000, pairs = 20;
  uint64_t seed = 42;
  bool evidence = false, centrality = false, do_export = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "make_synthetic_graph: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--actors") {
      actors = std::strtoull(next(), nullptr, 10);
    } else if (arg == "--edges") {
      edges = std::strtoull(next(), nullptr, 10);
    } else if (arg == "--pairs") {
      pairs = std::strtoull(next(), nullptr, 10);
    } else if (arg == "--seed") {
      seed = std::strtoull(next(), nullptr, 10);
    } else if (arg == "--evidence") {
      evidence = true;
    } else if (arg == "--centrality") {
      centrality = true;
    } else if (arg == "--no-export") {
      do_export = false;
    } else {
      std::fprintf(stderr,
                   "usage: make_synthetic_graph [--actors N] [--edges M] [--pairs K] [--seed S] "
                   "[--evidence] [--centrality] [--no-export]\n");
      return 2;
    }
  }
  if (actors < 2 || actors > (1u << 24)) {
    std::fprintf(stderr, "make_synthetic_graph: --actors must be 2 to 16777216\n");
    return 2;
  }
  std::printf("synthetic graph: %zu actors, %zu relations requested, seed %llu%s\n", actors, edges,
              static_cast<unsigned long long>(seed),
              evidence ? ", one evidence sentence each" : "");
  const double rss_start = CurrentRssMb();
  std::mt19937_64 random(seed);

  // Relation keys first, as sorted 64-bit integers (subject 24 bits, object 24
  // bits, predicate 8 bits): duplicates drop out in one sort, with no hash set.
  auto start = Clock::now();
  const auto skewed = [&]() -> uint64_t {
    // u^3 piles picks on low indices: the hubs of the graph.
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return std::min<uint64_t>(actors - 1, static_cast<uint64_t>(u * u * u * actors));
  };
  std::vector<uint64_t> keys;
  keys.reserve(edges);
  for (size_t i = 0; i < edges; ++i) {
    const uint64_t s = (i % 2 == 0) ? skewed() : random() % actors;
    uint64_t o = (i % 3 == 0) ? skewed() : random() % actors;
    if (o == s) o = (o + 1) % actors;
    keys.push_back(s << 32 | o << 8 | (random() % std::size(kPredicates)));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const double keys_ms = Ms(start);

  start = Clock::now();
  KnowledgeGraph::Builder builder(actors);
  for (size_t i = 0; i < actors; ++i) {
    ActorVertex actor;
    actor.label = Name(random);
    actor.id = "person:" + std::to_string(i);
    actor.type = i % 5 == 0 ? ActorType::kOrganization : ActorType::kPerson;
    actor.aliases = {actor.label};
    actor.alias_counts = {1};
    actor.mention_count = static_cast<int>(random() % 100);
    builder.AddActor(std::move(actor));
  }
  for (uint64_t key : keys) {
    const Vertex s = key >> 32, o = (key >> 8) & 0xFFFFFF;
    const size_t p = key & 0xFF;
    RelationEdge rel;
    rel.predicate = kPredicates[p];
    rel.kind = p == std::size(kPredicates) - 1 ? polgraph::RelationKind::kAffiliation
                                               : polgraph::RelationKind::kEvent;
    rel.cameo = kCameo[p];
    if (!rel.cameo.empty()) rel.goldstein = kGoldstein[p];
    rel.weight = 1 + static_cast<int>(random() % 4 == 0 ? random() % 20 : 0);
    rel.negated_count = random() % 10 == 0 ? 1 : 0;
    rel.doc_count = rel.weight;
    rel.first_seen = Date(random);
    rel.last_seen = std::max(rel.first_seen, Date(random));
    rel.confidence = 0.5 + static_cast<double>(random() % 50) / 100.0;
    if (evidence) {
      rel.evidence.push_back({"doc-" + std::to_string(random() % 30000000), 3, 120, 260,
                              "A synthetic sentence of about a hundred bytes that stands for the "
                              "evidence of one relation."});
    }
    builder.AddRelation(s, o, std::move(rel));
  }
  std::vector<uint64_t>().swap(keys);
  KnowledgeGraph kg = builder.Finish();
  const double build_ms = Ms(start);
  const auto& g = kg.graph();
  const double rss_built = CurrentRssMb();
  std::printf(
      "build: %zu actors, %zu relations; keys %.0f ms, builder %.0f ms; RSS %.0f MB "
      "(%.0f B per relation incl. actors and indexes), peak %.0f MB\n",
      boost::num_vertices(g), boost::num_edges(g), keys_ms, build_ms, rss_built,
      (rss_built - rss_start) * 1048576.0 / static_cast<double>(boost::num_edges(g)), PeakRssMb());

  std::vector<double> path_ms, path_hops;
  for (size_t i = 0; i < pairs; ++i) {
    const std::string a = g[random() % actors].id, b = g[random() % actors].id;
    start = Clock::now();
    auto path = polgraph::query::ShortestPath(kg, a, b);
    path_ms.push_back(Ms(start));
    path_hops.push_back(path.ok() ? static_cast<double>(path->size()) : -1);
  }
  const Stats path = Summarise(path_ms);
  const Stats hops = Summarise(path_hops);
  std::printf("path: %zu random pairs, median %.2f ms, max %.2f ms (median %.0f hops)\n", pairs,
              path.median, path.max, hops.median);

  std::vector<double> neighbors_ms;
  size_t neighbors_found = 0;
  for (size_t i = 0; i < pairs; ++i) {
    const std::string a = g[random() % actors].id;
    start = Clock::now();
    auto found = polgraph::query::Neighbors(kg, a);
    neighbors_ms.push_back(Ms(start));
    if (found.ok()) neighbors_found += found->size();
  }
  const Stats neighbors = Summarise(neighbors_ms);
  std::printf(
      "neighbors: %zu random actors, median %.2f ms, max %.2f ms (%.1f relations each)\n", pairs,
      neighbors.median, neighbors.max,
      static_cast<double>(neighbors_found) / static_cast<double>(std::max<size_t>(pairs, 1)));

  start = Clock::now();
  auto lookup = polgraph::query::FindActor(kg, g[actors / 2].label);
  std::printf("actor lookup (exact label): %.2f ms, %zu matches\n", Ms(start),
              lookup.matches.size());
  start = Clock::now();
  lookup = polgraph::query::FindActor(kg, "Zzquv Xxyy");
  std::printf(
      "actor lookup (unknown, fuzzy suggestions over every name): %.0f ms, %zu suggestions\n",
      Ms(start), lookup.matches.size());

  if (centrality) {
    for (auto by :
         {polgraph::query::Centrality::kPageRank, polgraph::query::Centrality::kBetweenness}) {
      polgraph::query::RankOptions options;
      options.by = by;
      start = Clock::now();
      polgraph::query::Ranking ranking = polgraph::query::RankActors(kg, options);
      std::printf("top --by %s: %.0f ms%s (%zu samples); peak RSS %.0f MB\n",
                  by == polgraph::query::Centrality::kPageRank ? "pagerank" : "betweenness",
                  Ms(start), ranking.approximate ? ", approximate" : "", ranking.samples,
                  PeakRssMb());
    }
  }

  if (do_export) {
    const double rss_before = CurrentRssMb();
    const double peak_before = PeakRssMb();
    std::ofstream devnull("/dev/null", std::ios::binary);
    // Counts bytes on their way to /dev/null.
    struct CountingBuf : std::streambuf {
      std::streambuf* sink;
      size_t bytes = 0;
      int overflow(int c) override {
        if (c != EOF) ++bytes;
        return sink->sputc(static_cast<char>(c));
      }
      std::streamsize xsputn(const char* s, std::streamsize n) override {
        bytes += static_cast<size_t>(n);
        return sink->sputn(s, n);
      }
    } counter;
    counter.sink = devnull.rdbuf();
    std::ostream out(&counter);
    start = Clock::now();
    polgraph::Status st = polgraph::exporter::WriteGraphml(kg, out);
    const double export_ms = Ms(start);
    std::printf(
        "export graphml -> /dev/null: %s, %.0f MB in %.1f s (%.0f MB/s); RSS before %.0f MB, "
        "after %.0f MB; peak before %.0f MB, after %.0f MB\n",
        st.ok() ? "ok" : st.message().c_str(), static_cast<double>(counter.bytes) / 1e6,
        export_ms / 1000, static_cast<double>(counter.bytes) / 1e3 / export_ms, rss_before,
        CurrentRssMb(), peak_before, PeakRssMb());
  }
  std::printf("peak RSS: %.0f MB\n", PeakRssMb());
  return 0;
}
