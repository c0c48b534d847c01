// `polgraph query`: how actors are connected, from a database built by ingest.
// Tables for people by default, --json for programs. Every answer about a name
// that matches no actor is an error naming the closest actors, never an empty
// success.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "core/text.h"
#include "query/query.h"
#include "store/store.h"

namespace polgraph::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void StringOrNull(JsonWriter& w, const std::string& s) {
  if (s.empty()) {
    w.Null();
  } else {
    String(w, s);
  }
}

void WriteActor(JsonWriter& w, const graph::ActorVertex& a) {
  w.StartObject();
  w.Key("id");
  String(w, a.id);
  w.Key("label");
  String(w, a.label);
  w.Key("type");
  w.String(ActorTypeName(a.type));
  w.EndObject();
}

void WriteEvidence(JsonWriter& w, const std::string& doc, int sentence, size_t start, size_t end,
                   const std::string& text) {
  w.StartObject();
  w.Key("doc");
  String(w, doc);
  w.Key("sentence");
  w.Int(sentence);
  w.Key("start");
  w.Uint64(start);
  w.Key("end");
  w.Uint64(end);
  w.Key("text");
  String(w, text);
  w.EndObject();
}

// The members of one relation (inside an object the caller opened).
void WriteEdge(JsonWriter& w, const graph::RelationEdge& e) {
  w.Key("predicate");
  String(w, e.predicate);
  w.Key("kind");
  w.String(RelationKindName(e.kind));
  w.Key("cameo");
  StringOrNull(w, e.cameo);
  w.Key("goldstein");
  if (e.goldstein) {
    w.Double(*e.goldstein);
  } else {
    w.Null();
  }
  w.Key("weight");
  w.Int(e.weight);
  w.Key("negated_count");
  w.Int(e.negated_count);
  w.Key("hypothetical_count");
  w.Int(e.hypothetical_count);
  w.Key("doc_count");
  w.Int(e.doc_count);
  w.Key("confidence");
  w.Double(e.confidence);
  w.Key("first_seen");
  StringOrNull(w, e.first_seen);
  w.Key("last_seen");
  StringOrNull(w, e.last_seen);
  if (!e.evidence.empty()) {
    w.Key("example");
    String(w, e.evidence.front().text);
    w.Key("evidence");
    const graph::Evidence& x = e.evidence.front();
    WriteEvidence(w, x.doc, x.sentence, x.start, x.end, x.text);
  }
}

std::string EdgeText(const graph::Graph& g, graph::Vertex s, graph::Edge e, graph::Vertex o) {
  const graph::RelationEdge& r = g[e];
  std::string out = g[s].label + " --" + r.predicate + "--> " + g[o].label + "  (" +
                    std::to_string(r.weight) + " mention" + (r.weight == 1 ? "" : "s");
  if (r.negated_count) out += ", " + std::to_string(r.negated_count) + " negated";
  if (r.hypothetical_count) out += ", " + std::to_string(r.hypothetical_count) + " hypothetical";
  if (r.doc_count > 1) out += ", " + std::to_string(r.doc_count) + " documents";
  if (!r.first_seen.empty()) out += ", " + r.first_seen;
  if (!r.last_seen.empty() && r.last_seen != r.first_seen) out += ".." + r.last_seen;
  return out + ")";
}

// Evidence as the tail of a table line: the sentence quoted, then where it is.
std::string EvidenceText(const std::string& doc, int sentence, const std::string& text) {
  return "\"" + CollapseWhitespace(text) + "\" [" + doc + " #" + std::to_string(sentence) + "]";
}

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

struct QueryArgs {
  std::string db;
  bool json = false;
  bool timings = false;
  std::string name, from, to;
  size_t limit = 10;
  size_t max_hops = 0;
  size_t hops = 1;
  std::string by = "degree";
  std::string type;
  std::string output;
  query::NeighborFilter filter;
};

// The graph of a database, or a printed reason why not (exit code set). Refuses a
// missing file (opening would create an empty one) and a store with no documents.
struct Loaded {
  graph::KnowledgeGraph kg;
  std::chrono::steady_clock::time_point start;
  double load_seconds = 0;
  bool from_snapshot = false;  // for --timings
};

std::unique_ptr<Loaded> Load(const QueryArgs& a, int* exit_code) {
  const auto start = std::chrono::steady_clock::now();
  const auto fail = [&](const std::string& message) -> std::unique_ptr<Loaded> {
    std::cerr << "polgraph query: " << message << "\n";
    *exit_code = kExitFailed;
    return nullptr;
  };
  std::error_code ec;
  if (a.db != ":memory:" && !std::filesystem::is_regular_file(a.db, ec)) {
    return fail(a.db + ": no such database; build one with polgraph ingest or polgraph build");
  }
  auto kg = LoadGraph(a.db);
  if (!kg.ok()) return fail(kg.status().message());
  if (kg->documents == 0) {
    return fail(a.db + ": the database holds no documents; add some with polgraph ingest");
  }
  auto loaded =
      std::make_unique<Loaded>(Loaded{std::move(kg.value().kg), {}, 0, kg->from_snapshot});
  loaded->load_seconds = SecondsSince(start);
  loaded->start = std::chrono::steady_clock::now();
  return loaded;
}

void PrintTimings(const QueryArgs& a, const Loaded& loaded) {
  if (!a.timings) return;
  std::fprintf(stderr, "polgraph query: load %.1f ms (from %s), query %.1f ms\n",
               loaded.load_seconds * 1000, loaded.from_snapshot ? "snapshot" : "store",
               SecondsSince(loaded.start) * 1000);
}

bool Fail(const Status& status, int* exit_code) {
  std::cerr << "polgraph query: " << status.message() << "\n";
  *exit_code = kExitFailed;
  return false;
}

// The actor `name` means, with a note on stderr when it could mean several.
Result<graph::Vertex> Resolve(const graph::KnowledgeGraph& kg, const std::string& name) {
  query::ActorLookup lookup = query::FindActor(kg, name);
  if (lookup.kind == query::MatchKind::kFuzzy) return query::ResolveActor(kg, name);
  const graph::Graph& g = kg.graph();
  if (lookup.matches.size() > 1) {
    std::string others;
    for (size_t i = 1; i < lookup.matches.size() && i < 6; ++i) {
      others += (i > 1 ? ", " : "") + g[lookup.matches[i].actor].label + " (" +
                g[lookup.matches[i].actor].id + ")";
    }
    std::cerr << "polgraph query: \"" << name << "\" also matches " << others << "; showing "
              << g[lookup.matches[0].actor].label << " (" << g[lookup.matches[0].actor].id << ")\n";
  }
  return lookup.matches.front().actor;
}

void Print(rapidjson::StringBuffer& buffer) { std::cout << buffer.GetString() << "\n"; }

void RunActor(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  query::ActorLookup lookup = query::FindActor(loaded->kg, a.name);
  if (lookup.kind == query::MatchKind::kFuzzy) {
    Fail(query::ResolveActor(loaded->kg, a.name).status(), exit_code);
    return;
  }
  if (a.json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const query::ActorMatch& m : lookup.matches) {
      const graph::ActorVertex& actor = g[m.actor];
      w.StartObject();
      w.Key("id");
      String(w, actor.id);
      w.Key("label");
      String(w, actor.label);
      w.Key("type");
      w.String(ActorTypeName(actor.type));
      w.Key("country");
      StringOrNull(w, actor.country);
      w.Key("wikidata");
      StringOrNull(w, actor.wikidata);
      w.Key("matched");
      String(w, m.form);
      w.Key("aliases");
      w.StartArray();
      for (size_t i = 0; i < actor.aliases.size(); ++i) {
        w.StartObject();
        w.Key("form");
        String(w, actor.aliases[i]);
        w.Key("count");
        w.Int(i < actor.alias_counts.size() ? actor.alias_counts[i] : 1);
        w.EndObject();
      }
      w.EndArray();
      w.Key("mentions");
      w.Int(actor.mention_count);
      w.Key("degree");
      w.Uint64(boost::out_degree(m.actor, g) + boost::in_degree(m.actor, g));
      w.Key("first_seen");
      StringOrNull(w, actor.first_seen);
      w.Key("last_seen");
      StringOrNull(w, actor.last_seen);
      w.EndObject();
    }
    w.EndArray();
    Print(buffer);
  } else {
    if (lookup.matches.size() > 1) {
      std::cout << "\"" << a.name << "\" matches " << lookup.matches.size() << " actors:\n";
    }
    for (const query::ActorMatch& m : lookup.matches) {
      const graph::ActorVertex& actor = g[m.actor];
      std::cout << actor.label << "\t" << ActorTypeName(actor.type) << "\t" << actor.id << "\n";
      if (!actor.country.empty()) std::cout << "  country:   " << actor.country << "\n";
      if (!actor.wikidata.empty()) std::cout << "  wikidata:  " << actor.wikidata << "\n";
      std::cout << "  aliases:   ";
      for (size_t i = 0; i < actor.aliases.size(); ++i) {
        std::cout << (i ? ", " : "") << actor.aliases[i] << " ("
                  << (i < actor.alias_counts.size() ? actor.alias_counts[i] : 1) << ")";
      }
      std::cout << "\n  mentions:  " << actor.mention_count << " in relations, "
                << boost::out_degree(m.actor, g) + boost::in_degree(m.actor, g)
                << " distinct relations\n";
      if (!actor.first_seen.empty()) {
        std::cout << "  seen:      " << actor.first_seen << " .. " << actor.last_seen << "\n";
      }
    }
  }
  PrintTimings(a, *loaded);
}

void RunNeighbors(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  Result<graph::Vertex> actor = Resolve(loaded->kg, a.name);
  if (!actor.ok()) return (void)Fail(actor.status(), exit_code);
  auto result = query::Neighbors(loaded->kg, g[actor.value()].id, a.filter);
  if (!result.ok()) return (void)Fail(result.status(), exit_code);
  if (a.json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const query::Neighbor& n : result.value()) {
      w.StartObject();
      w.Key("direction");
      w.String(n.outgoing ? "out" : "in");
      w.Key("actor");
      WriteActor(w, g[n.actor]);
      WriteEdge(w, g[n.edge]);
      w.EndObject();
    }
    w.EndArray();
    Print(buffer);
  } else {
    for (const query::Neighbor& n : result.value()) {
      std::cout << EdgeText(g, boost::source(n.edge, g), n.edge, boost::target(n.edge, g)) << "\n";
    }
    if (result->empty()) std::cout << "(no relations)\n";
  }
  PrintTimings(a, *loaded);
}

void RunPath(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  Result<graph::Vertex> from = Resolve(loaded->kg, a.from);
  if (!from.ok()) return (void)Fail(from.status(), exit_code);
  Result<graph::Vertex> to = Resolve(loaded->kg, a.to);
  if (!to.ok()) return (void)Fail(to.status(), exit_code);
  query::PathOptions options;
  options.max_hops = a.max_hops;
  auto result = query::ShortestPath(loaded->kg, g[from.value()].id, g[to.value()].id, options);
  if (!result.ok()) return (void)Fail(result.status(), exit_code);
  if (a.json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const query::PathStep& s : result.value()) {
      w.StartObject();
      w.Key("from");
      WriteActor(w, g[s.from]);
      w.Key("to");
      WriteActor(w, g[s.to]);
      w.Key("subject");
      WriteActor(w, g[boost::source(s.edge, g)]);
      w.Key("object");
      WriteActor(w, g[boost::target(s.edge, g)]);
      WriteEdge(w, g[s.edge]);
      w.EndObject();
    }
    w.EndArray();
    Print(buffer);
  } else {
    // One line per hop, so `wc -l` counts hops: the relation, then one sentence
    // that supports it.
    for (const query::PathStep& s : result.value()) {
      const graph::RelationEdge& e = g[s.edge];
      std::cout << EdgeText(g, boost::source(s.edge, g), s.edge, boost::target(s.edge, g));
      if (!e.evidence.empty()) {
        const graph::Evidence& x = e.evidence.front();
        std::cout << "  " << EvidenceText(x.doc, x.sentence, x.text);
      }
      std::cout << "\n";
    }
    if (result->empty()) std::cout << "(the same actor)\n";
  }
  PrintTimings(a, *loaded);
}

void RunBetween(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  Result<graph::Vertex> first = Resolve(loaded->kg, a.from);
  if (!first.ok()) return (void)Fail(first.status(), exit_code);
  Result<graph::Vertex> second = Resolve(loaded->kg, a.to);
  if (!second.ok()) return (void)Fail(second.status(), exit_code);
  auto edges = query::Between(loaded->kg, g[first.value()].id, g[second.value()].id);
  if (!edges.ok()) return (void)Fail(edges.status(), exit_code);
  // Every supporting sentence, read back from the store by the ids the edges keep.
  auto store = store::Store::Open(a.db);
  if (!store.ok()) return (void)Fail(store.status(), exit_code);
  std::vector<std::vector<Relation>> evidence;
  for (graph::Edge e : edges.value()) {
    auto relations = store.value()->LoadRelations(g[e].relation_ids);
    if (!relations.ok()) return (void)Fail(relations.status(), exit_code);
    evidence.push_back(std::move(relations).value());
  }
  if (a.json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (size_t i = 0; i < edges->size(); ++i) {
      const graph::Edge e = edges.value()[i];
      w.StartObject();
      w.Key("subject");
      WriteActor(w, g[boost::source(e, g)]);
      w.Key("object");
      WriteActor(w, g[boost::target(e, g)]);
      WriteEdge(w, g[e]);
      w.Key("mentions");
      w.StartArray();
      for (const Relation& r : evidence[i]) {
        w.StartObject();
        w.Key("relation_id");
        w.Int64(r.store_id);
        w.Key("negated");
        w.Bool(r.negated);
        w.Key("hypothetical");
        w.Bool(r.hypothetical);
        w.Key("date");
        StringOrNull(w, r.date);
        w.Key("confidence");
        w.Double(r.confidence);
        w.Key("trigger");
        String(w, r.trigger);
        w.Key("source");  // who reported it; null when the article states it
        StringOrNull(w, r.source.label);
        w.Key("evidence");
        WriteEvidence(w, r.doc, r.sentence, r.start, r.end, r.evidence);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    Print(buffer);
  } else {
    for (size_t i = 0; i < edges->size(); ++i) {
      const graph::Edge e = edges.value()[i];
      std::cout << EdgeText(g, boost::source(e, g), e, boost::target(e, g)) << "\n";
      for (const Relation& r : evidence[i]) {
        std::cout << "    " << (r.negated ? "[negated] " : "")
                  << (r.hypothetical ? "[hypothetical] " : "")
                  << (r.source.id.empty() ? "" : "[according to " + r.source.label + "] ")
                  << EvidenceText(r.doc, r.sentence, r.evidence) << " bytes " << r.start << "-"
                  << r.end << "\n";
      }
    }
    if (edges->empty()) {
      std::cout << "(no relations between " << g[first.value()].label << " and "
                << g[second.value()].label << ")\n";
    }
  }
  PrintTimings(a, *loaded);
}

void RunTop(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  query::RankOptions options;
  options.by = a.by == "pagerank"      ? query::Centrality::kPageRank
               : a.by == "betweenness" ? query::Centrality::kBetweenness
                                       : query::Centrality::kDegree;
  options.limit = a.limit;
  if (!a.type.empty()) {
    for (ActorType t : {ActorType::kPerson, ActorType::kOrganization, ActorType::kCountry,
                        ActorType::kLocation, ActorType::kGroup, ActorType::kConcept}) {
      if (AsciiLower(ActorTypeName(t)) == AsciiLower(a.type)) options.type = t;
    }
  }
  query::Ranking ranking = query::RankActors(loaded->kg, options);
  if (ranking.approximate) {
    std::cerr << "polgraph query: betweenness estimated from " << ranking.samples << " of "
              << boost::num_vertices(g) << " actors as sources (the graph is too big for the "
              << "exact O(actors x relations) computation)\n";
  }
  if (a.json) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const query::ActorScore& s : ranking.actors) {
      w.StartObject();
      w.Key("actor");
      WriteActor(w, g[s.actor]);
      w.Key("degree");
      w.Uint64(s.degree);
      w.Key("score");
      w.Double(s.score);
      w.Key("approximate");
      w.Bool(ranking.approximate);
      w.EndObject();
    }
    w.EndArray();
    Print(buffer);
  } else {
    // The label stays the first tab-separated field (the Makefile's demo cuts it).
    for (const query::ActorScore& s : ranking.actors) {
      std::cout << g[s.actor].label << "\t" << ActorTypeName(g[s.actor].type) << "\t";
      if (options.by == query::Centrality::kDegree) {
        std::cout << s.degree << "\n";
      } else {
        std::cout << Format(s.score) << "\t" << s.degree << "\n";
      }
    }
  }
  PrintTimings(a, *loaded);
}

void RunEgo(const QueryArgs& a, int* exit_code) {
  auto loaded = Load(a, exit_code);
  if (!loaded) return;
  const graph::Graph& g = loaded->kg.graph();
  Result<graph::Vertex> centre = Resolve(loaded->kg, a.name);
  if (!centre.ok()) return (void)Fail(centre.status(), exit_code);
  auto ego = query::EgoNetwork(loaded->kg, g[centre.value()].id, a.hops);
  if (!ego.ok()) return (void)Fail(ego.status(), exit_code);
  if (Status st = WriteGraph(ego.value(), "graphml", a.output); !st.ok()) {
    return (void)Fail(st, exit_code);
  }
  std::cerr << "polgraph query: ego network of " << g[centre.value()].label << " within " << a.hops
            << " hop" << (a.hops == 1 ? "" : "s") << ": " << boost::num_vertices(ego->graph())
            << " actors, " << boost::num_edges(ego->graph()) << " relations -> " << a.output
            << "\n";
  PrintTimings(a, *loaded);
}

CLI::Validator IsoDate() {
  return CLI::Validator(
      [](const std::string& d) {
        return IsIsoDate(d) ? std::string() : "expected YYYY-MM-DD, got \"" + d + "\"";
      },
      "DATE");
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "Ask how actors are connected");
  cmd->add_option("--db", a->db, "SQLite database written by ingest or build")->required();
  cmd->add_flag("--json", a->json, "Answer as JSON instead of a table");
  cmd->add_flag("--timings", a->timings,
                "Print load and query times (ms) to stderr, and whether the graph came from "
                "its snapshot (DB.graph) or was rebuilt from the store");
  cmd->require_subcommand(1);

  CLI::App* actor = cmd->add_subcommand(
      "actor", "Who a name is: label, type, aliases with counts; close names when unknown");
  actor->add_option("name", a->name, "Name or alias; case and accents do not matter")->required();
  actor->callback([a, exit_code] { RunActor(*a, exit_code); });

  CLI::App* neighbors = cmd->add_subcommand("neighbors", "Every relation of one actor");
  neighbors->alias("neighbours");
  neighbors->add_option("name", a->name, "Actor name or alias")->required();
  neighbors->add_option("--predicate", a->filter.predicates,
                        "Only relations with this predicate (repeatable)");
  neighbors->add_option("--since", a->filter.since, "Only relations seen on or after this date")
      ->check(IsoDate());
  neighbors->add_option("--until", a->filter.until, "Only relations seen on or before this date")
      ->check(IsoDate());
  neighbors->callback([a, exit_code] { RunNeighbors(*a, exit_code); });

  CLI::App* path = cmd->add_subcommand(
      "path", "A shortest chain of relations between two actors, each hop with a sentence");
  path->add_option("from", a->from, "First actor")->required();
  path->add_option("to", a->to, "Second actor")->required();
  path->add_option("--max-hops", a->max_hops, "Longest chain to accept; 0 for no limit")
      ->capture_default_str();
  path->callback([a, exit_code] { RunPath(*a, exit_code); });

  CLI::App* between = cmd->add_subcommand(
      "between", "Every relation between two actors, both directions, with every sentence");
  between->add_option("a", a->from, "First actor")->required();
  between->add_option("b", a->to, "Second actor")->required();
  between->callback([a, exit_code] { RunBetween(*a, exit_code); });

  CLI::App* top = cmd->add_subcommand("top", "The most central actors");
  top->add_option("--by", a->by, "degree, pagerank or betweenness")
      ->capture_default_str()
      ->check(CLI::IsMember({"degree", "pagerank", "betweenness"}));
  top->add_option("--type", a->type, "Only actors of this type (Person, Organization, ...)")
      ->check(CLI::IsMember({"Person", "Organization", "Country", "Location", "Group", "Concept"},
                            CLI::ignore_case));
  top->add_option("--limit", a->limit, "How many")->capture_default_str();
  top->callback([a, exit_code] { RunTop(*a, exit_code); });

  CLI::App* ego =
      cmd->add_subcommand("ego", "Write the network around one actor as GraphML (for Gephi)");
  ego->add_option("name", a->name, "Actor name or alias")->required();
  ego->add_option("--hops", a->hops, "Radius in relations")->capture_default_str();
  ego->add_option("-o,--output", a->output, "GraphML file to write, - for stdout")->required();
  ego->callback([a, exit_code] { RunEgo(*a, exit_code); });
}

}  // namespace polgraph::cli
