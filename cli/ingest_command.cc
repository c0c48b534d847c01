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
  cmd->add_option("-j,--jobs", a->jobs,
                  "Extraction threads (0 = one per core); the result does not depend on it")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-document-bytes", a->max_document_bytes,
                  "Reject a .txt/.html file or JSONL record larger than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-sentence-tokens", a->max_sentence_tokens,
                  "Skip (and report) sentences longer than this many tokens")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-entities", a->max_entities,
                  "Reject a document naming more distinct actors than this")
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
    // So that the first query after an ingest reads the graph snapshot.
    RefreshSnapshot(args->db);
    *exit_code = IngestExitCode(stats.value(), args->input.strict);
  });
}

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto db = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("graphml");
  auto out = std::make_shared<std::string>("-");
  auto filter = std::make_shared<exporter::ExportFilter>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the merged graph of a database, or the part of it the filters select");
  cmd->add_option("--db", *db, "SQLite database written by ingest")->required();
  cmd->add_option("--format", *format,
                  "graphml (Gephi, networkx, igraph), gexf (Gephi's timeline), jsonld "
                  "(schema.org linked data) or csv (Gephi's spreadsheet import: two files)")
      ->capture_default_str()
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(kExportFormats), std::end(kExportFormats))));
  cmd->add_option("-o,--output", *out,
                  "Output file, - for stdout; for csv the files PATH.nodes.csv and "
                  "PATH.edges.csv (a trailing .csv of PATH dropped)")
      ->capture_default_str();
  cmd->add_option("--min-weight", filter->min_weight,
                  "Keep relations with at least this many positive mentions")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--since", filter->since,
                  "Keep relations last seen on or after this date (YYYY-MM-DD); undated ones "
                  "are dropped");
  cmd->add_option("--until", filter->until,
                  "Keep relations first seen on or before this date (YYYY-MM-DD); undated "
                  "ones are dropped");
  cmd->add_option("--predicate", filter->predicates,
                  "Keep only relations with this predicate (meet, impose_sanctions, ...); "
                  "repeatable");
  cmd->add_option("--actor", filter->actor,
                  "Keep only the ego network of this actor (name or alias)");
  cmd->add_option("--hops", filter->hops, "Radius of the --actor ego network, in relations")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->callback([=] {
    auto kg = LoadGraph(*db);
    if (!kg.ok()) {
      std::cerr << "polgraph export: " << kg.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    auto view = exporter::ExportView::Select(kg->kg, *filter);
    if (!view.ok()) {
      std::cerr << "polgraph export: " << view.status().message() << "\n";
      *exit_code =
          view.status().code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailed;
      return;
    }
    const graph::Graph& g = kg->kg.graph();
    if (view->centre() && view->centre_matches() > 1) {
      std::cerr << "polgraph export: \"" << filter->actor << "\" matches " << view->centre_matches()
                << " actors; using " << g[*view->centre()].label << " (" << g[*view->centre()].id
                << ")\n";
    }
    if (Status st = WriteGraph(view.value(), *format, *out); !st.ok()) {
      std::cerr << "polgraph export: " << st.message() << "\n";
      *exit_code = st.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitFailed;
      return;
    }
    std::string where = *out;
    if (*format == "csv") {
      auto [nodes, edges] = CsvPaths(*out);
      where = nodes + " and " + edges;
    }
    std::cerr << "polgraph export: " << view->num_vertices() << " of " << boost::num_vertices(g)
              << " actors, " << view->num_edges() << " of " << boost::num_edges(g)
              << " relations -> " << where << "\n";
  });
}

void AddBuildCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "build",
      "The main job: ingest into DIR/polgraph.db, then write DIR/graph.graphml, "
      "DIR/graph.gexf, DIR/graph.jsonld, DIR/graph.nodes.csv and DIR/graph.edges.csv and "
      "print a summary");
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
    // Also writes the graph snapshot next to the database, for later queries.
    auto kg = LoadGraph(args->db);
    if (!kg.ok()) {
      std::cerr << "polgraph build: " << kg.status().message() << "\n";
      *exit_code = kExitFailed;
      return;
    }
    for (const char* format : kExportFormats) {
      std::string path = (std::filesystem::path(*dir) / (std::string("graph.") + format)).string();
      if (Status st = WriteGraph(kg->kg, format, path); !st.ok()) {
        std::cerr << "polgraph build: " << st.message() << "\n";
        *exit_code = kExitFailed;
        return;
      }
      if (std::string_view(format) == "csv") {
        auto [nodes, edges] = CsvPaths(path);
        path = nodes + " and " + edges;
      }
      std::cerr << "polgraph build: wrote " << path << "\n";
    }
    PrintGraphSummary(kg->kg, kg->documents);
    *exit_code = IngestExitCode(stats.value(), args->input.strict);
  });
}

}  // namespace polgraph::cli
