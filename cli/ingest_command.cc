// `polgraph ingest`, `polgraph export` and `polgraph build`.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/pipeline.h"
#include "query/query.h"

namespace polgraph::cli {
namespace {

void AddIngestOptions(CLI::App* cmd, IngestArgs* a) {
  AddInputOptions(cmd, &a->input);
  cmd->add_option("--batch-size", a->batch_size, "Documents per database transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void PrintIngestSummary(const char* verb, const IngestStats& s) {
  std::cerr << "polgraph " << verb << ": " << s.read << " documents read, " << s.stored
            << " stored, " << s.duplicates << " already stored, " << s.rejected << " rejected, "
            << s.relations << " relations, " << s.seconds << " s ("
            << (s.seconds > 0 ? static_cast<double>(s.read) / s.seconds : 0.0) << " docs/s)\n";
}

int IngestExitCode(const IngestStats& s, bool strict) {
  if (s.rejected == 0) return kExitOk;
  return strict ? kExitFailed : kExitRejects;
}

void PrintGraphSummary(const graph::KnowledgeGraph& kg, size_t documents) {
  const graph::Graph& g = kg.graph();
  std::cout << "documents: " << documents << "\n"
            << "actors:    " << boost::num_vertices(g) << "\n"
            << "relations: " << boost::num_edges(g) << " distinct (subject, predicate, object)\n";
  std::vector<query::ActorDegree> top = query::TopActors(kg, 5);
  if (top.empty()) return;
  std::cout << "top actors:\n";
  for (const query::ActorDegree& a : top) {
    std::cout << "  " << g[a.actor].label << " (" << ActorTypeName(g[a.actor].type) << "), "
              << a.degree << " relations\n";
  }
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Extract and store documents, entities and relations in a SQLite database");
  AddIngestOptions(cmd, args.get());
  cmd->add_option("--db", args->db, "SQLite database file (created if missing)")->required();
  cmd->callback([args, exit_code] {
    auto stats = RunIngest(*args);
    if (!stats.ok()) {
      std::cerr << "polgraph ingest: " << stats.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    PrintIngestSummary("ingest", stats.value());
    *exit_code = IngestExitCode(stats.value(), args->input.strict);
  });
}

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto db = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("graphml");
  auto out = std::make_shared<std::string>("-");
  CLI::App* cmd = app.add_subcommand("export", "Write the merged graph of a database");
  cmd->add_option("--db", *db, "SQLite database written by ingest")->required();
  cmd->add_option("--format", *format, "graphml or jsonld")
      ->capture_default_str()
      ->check(CLI::IsMember({"graphml", "jsonld"}));
  cmd->add_option("-o,--output", *out, "Output file, - for stdout")->capture_default_str();
  cmd->callback([=] {
    auto kg = LoadGraph(*db);
    if (!kg.ok()) {
      std::cerr << "polgraph export: " << kg.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    if (Status st = WriteGraph(kg->kg, *format, *out); !st.ok()) {
      std::cerr << "polgraph export: " << st.message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    std::cerr << "polgraph export: " << boost::num_vertices(kg->kg.graph()) << " actors, "
              << boost::num_edges(kg->kg.graph()) << " relations -> " << *out << "\n";
  });
}

void AddBuildCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "build",
      "The main job: ingest into DIR/polgraph.db, then write DIR/graph.graphml and "
      "DIR/graph.jsonld and print a summary");
  AddIngestOptions(cmd, args.get());
  cmd->add_option("-o,--output", *dir, "Output directory (created if missing)")->required();
  cmd->callback([args, dir, exit_code] {
    std::error_code ec;
    std::filesystem::create_directories(*dir, ec);
    if (ec) {
      std::cerr << "polgraph build: " << *dir << ": " << ec.message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    args->db = (std::filesystem::path(*dir) / "polgraph.db").string();
    auto stats = RunIngest(*args);
    if (!stats.ok()) {
      std::cerr << "polgraph build: " << stats.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    PrintIngestSummary("build", stats.value());
    auto kg = LoadGraph(args->db);
    if (!kg.ok()) {
      std::cerr << "polgraph build: " << kg.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    for (const char* format : {"graphml", "jsonld"}) {
      std::string path = (std::filesystem::path(*dir) / (std::string("graph.") + format)).string();
      if (Status st = WriteGraph(kg->kg, format, path); !st.ok()) {
        std::cerr << "polgraph build: " << st.message() << "\n";
        *exit_code = kExitFailed;
        return;
      }
      std::cerr << "polgraph build: wrote " << path << "\n";
    }
    PrintGraphSummary(kg->kg, kg->documents);
    *exit_code = IngestExitCode(stats.value(), args->input.strict);
  });
}

}  // namespace polgraph::cli
