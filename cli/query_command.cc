// `polgraph query`: how actors are connected, from a database built by ingest.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "query/query.h"

namespace polgraph::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteActor(JsonWriter& w, const graph::ActorVertex& a) {
  w.StartObject();
  w.Key("id");
  w.String(a.id.c_str());
  w.Key("label");
  w.String(a.label.c_str());
  w.Key("type");
  w.String(ActorTypeName(a.type));
  w.EndObject();
}

void WriteEdge(JsonWriter& w, const graph::RelationEdge& e) {
  w.Key("predicate");
  w.String(e.predicate.c_str());
  w.Key("kind");
  w.String(RelationKindName(e.kind));
  w.Key("cameo");
  e.cameo.empty() ? w.Null() : w.String(e.cameo.c_str());
  w.Key("weight");
  w.Int(e.weight);
  w.Key("doc_count");
  w.Int(e.doc_count);
  w.Key("first_seen");
  e.first_seen.empty() ? w.Null() : w.String(e.first_seen.c_str());
  w.Key("last_seen");
  e.last_seen.empty() ? w.Null() : w.String(e.last_seen.c_str());
  if (!e.evidence.empty()) {
    w.Key("example");
    w.String(e.evidence.front().text.c_str());
  }
}

std::string EdgeText(const graph::Graph& g, graph::Vertex s, graph::Edge e, graph::Vertex o) {
  const graph::RelationEdge& r = g[e];
  std::string out = g[s].label + " --" + r.predicate + "--> " + g[o].label + "  (" +
                    std::to_string(r.weight) + " mention" + (r.weight == 1 ? "" : "s");
  if (r.negated_count) out += ", " + std::to_string(r.negated_count) + " negated";
  if (r.hypothetical_count) out += ", " + std::to_string(r.hypothetical_count) + " hypothetical";
  if (!r.first_seen.empty()) out += ", " + r.first_seen;
  if (!r.last_seen.empty() && r.last_seen != r.first_seen) out += ".." + r.last_seen;
  return out + ")";
}

struct QueryArgs {
  std::string db;
  bool json = false;
  std::string name, from, to;
  size_t limit = 10;
};

// Loads the graph or prints why not; nullptr on failure.
std::unique_ptr<LoadedGraph> Load(const QueryArgs& a, int* exit_code) {
  auto kg = LoadGraph(a.db);
  if (!kg.ok()) {
    std::cerr << "polgraph query: " << kg.status().message() << "\n";
    *exit_code = kExitFailed;
    return nullptr;
  }
  return std::make_unique<LoadedGraph>(std::move(kg.value()));
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "Ask how actors are connected");
  cmd->add_option("--db", a->db, "SQLite database written by ingest")->required();
  cmd->add_flag("--json", a->json, "Answer as JSON instead of text");
  cmd->require_subcommand(1);

  CLI::App* neighbors = cmd->add_subcommand("neighbors", "Every relation of one actor");
  neighbors->alias("neighbours");
  neighbors->add_option("name", a->name, "Actor name or alias")->required();
  neighbors->callback([a, exit_code] {
    auto loaded = Load(*a, exit_code);
    if (!loaded) return;
    const graph::Graph& g = loaded->kg.graph();
    auto result = query::Neighbors(loaded->kg, a->name);
    if (!result.ok()) {
      std::cerr << "polgraph query: " << result.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    if (a->json) {
      rapidjson::StringBuffer buf;
      JsonWriter w(buf);
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
      std::cout << buf.GetString() << "\n";
      return;
    }
    for (const query::Neighbor& n : result.value()) {
      graph::Vertex s = boost::source(n.edge, g), o = boost::target(n.edge, g);
      std::cout << EdgeText(g, s, n.edge, o) << "\n";
    }
    if (result->empty()) std::cout << "(no relations)\n";
  });

  CLI::App* path = cmd->add_subcommand("path", "A shortest chain of relations between two actors");
  path->add_option("from", a->from, "First actor")->required();
  path->add_option("to", a->to, "Second actor")->required();
  path->callback([a, exit_code] {
    auto loaded = Load(*a, exit_code);
    if (!loaded) return;
    const graph::Graph& g = loaded->kg.graph();
    auto result = query::ShortestPath(loaded->kg, a->from, a->to);
    if (!result.ok()) {
      std::cerr << "polgraph query: " << result.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    if (a->json) {
      rapidjson::StringBuffer buf;
      JsonWriter w(buf);
      w.StartArray();
      for (const query::PathStep& s : result.value()) {
        w.StartObject();
        w.Key("subject");
        WriteActor(w, g[boost::source(s.edge, g)]);
        w.Key("object");
        WriteActor(w, g[boost::target(s.edge, g)]);
        WriteEdge(w, g[s.edge]);
        w.EndObject();
      }
      w.EndArray();
      std::cout << buf.GetString() << "\n";
      return;
    }
    for (const query::PathStep& s : result.value()) {
      std::cout << EdgeText(g, boost::source(s.edge, g), s.edge, boost::target(s.edge, g)) << "\n";
    }
  });

  CLI::App* top = cmd->add_subcommand("top", "Actors with the most relations");
  top->add_option("--limit", a->limit, "How many")->capture_default_str();
  top->callback([a, exit_code] {
    auto loaded = Load(*a, exit_code);
    if (!loaded) return;
    const graph::Graph& g = loaded->kg.graph();
    std::vector<query::ActorDegree> actors = query::TopActors(loaded->kg, a->limit);
    if (a->json) {
      rapidjson::StringBuffer buf;
      JsonWriter w(buf);
      w.StartArray();
      for (const query::ActorDegree& d : actors) {
        w.StartObject();
        w.Key("actor");
        WriteActor(w, g[d.actor]);
        w.Key("degree");
        w.Uint64(d.degree);
        w.EndObject();
      }
      w.EndArray();
      std::cout << buf.GetString() << "\n";
      return;
    }
    for (const query::ActorDegree& d : actors) {
      std::cout << g[d.actor].label << "\t" << ActorTypeName(g[d.actor].type) << "\t" << d.degree
                << "\n";
    }
  });
}

}  // namespace polgraph::cli
