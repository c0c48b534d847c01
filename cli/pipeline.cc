#include "cli/pipeline.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <random>
#include <set>

#include "cli/common.h"
#include "export/csv.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "extract/extractor.h"
#include "graph/snapshot.h"
#include "store/store.h"

namespace polgraph::cli {

Result<IngestStats> RunIngest(const IngestArgs& a) {
  auto start = std::chrono::steady_clock::now();
  extract::ExtractOptions options = ExtractOptionsOf(a.input);
  auto extractor = extract::LoadDefaultExtractor(options);
  if (!extractor.ok()) return extractor.status();
  auto opened = store::Store::Open(a.db);
  if (!opened.ok()) return opened.status();
  store::Store& db = *opened.value();

  ingest::ReadOptions read_options;
  read_options.default_date = a.input.date;
  StderrRejects rejects;
  Progress progress("ingest");
  IngestStats stats;
  Status failure;
  size_t in_batch = 0;
  const auto commit = [&]() -> Status {
    if (in_batch == 0) return Status::Ok();
    in_batch = 0;
    return db.CommitBatch();
  };
  Status st = ingest::ReadPaths(
      a.input.paths, read_options,
      [&](Document&& doc) {
        if (!failure.ok() || (a.input.strict && rejects.count() > 0)) return;
        ++stats.read;
        stats.bytes += doc.text.size();
        progress.Update(stats.read, stats.bytes);
        auto seen = db.Contains(doc);
        if (!seen.ok()) {
          failure = seen.status();
          return;
        }
        if (seen.value()) {
          ++stats.duplicates;
          return;
        }
        Extraction ex;
        if (Status est = extractor.value()->Extract(doc, &ex, &rejects); !est.ok()) {
          rejects.Add(
              {doc.source, doc.line, -1, "extract", RejectCode::kNoText, est.message(), ""});
          return;
        }
        if (in_batch == 0) {
          if (Status bs = db.BeginBatch(); !bs.ok()) {
            failure = bs;
            return;
          }
        }
        auto added = db.AddDocument(doc, ex);
        if (!added.ok()) {
          // The store refused this document; keep the rest of the batch.
          rejects.Add({doc.source, doc.line, -1, "store", RejectCode::kStore,
                       added.status().message(), ""});
          return;
        }
        ++in_batch;
        if (added.value()) {
          ++stats.stored;
          stats.relations += ex.relations.size();
        } else {
          ++stats.duplicates;  // same content under another id within this run
        }
        if (in_batch >= a.batch_size) failure = commit();
      },
      &rejects);
  progress.Finish();
  if (failure.ok()) failure = commit();
  if (!failure.ok()) {
    if (in_batch > 0) (void)db.RollbackBatch();
    return failure;
  }
  if (!st.ok()) return st;
  stats.rejected = rejects.count();
  stats.seconds = SecondsSince(start);
  return stats;
}

namespace {

// Writes through `tmp` (path + ".tmp" by default), then renames it to `path`, so
// readers never see a half-written file.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write,
                           std::string tmp = "") {
  if (tmp.empty()) tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp + ": cannot open for writing");
    if (Status st = write(out); !st.ok()) {
      out.close();
      std::remove(tmp.c_str());
      return st;
    }
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      return Status::IoError(tmp + ": write failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IoError(path + ": cannot replace file");
  }
  return Status::Ok();
}

// The snapshot at `path` if it is one of store generation `generation`; nullopt
// for anything else (no file, stale, damaged, another format), which the caller
// answers by rebuilding.
std::optional<LoadedGraph> ReadSnapshotFile(const std::string& path, uint64_t generation) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size <= 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  graph::SnapshotOrigin origin;
  auto kg = graph::ReadSnapshot(bytes, generation, &origin);
  if (!kg.ok()) return std::nullopt;
  return LoadedGraph{std::move(kg).value(), static_cast<size_t>(origin.documents), true};
}

// Best effort: the snapshot only saves the next command time. Several processes
// may rebuild at once, so each writes its own temporary file; the last rename wins
// and every candidate is complete.
void WriteSnapshotFile(const std::string& path, const LoadedGraph& loaded, uint64_t generation) {
  const graph::SnapshotOrigin origin{generation, loaded.documents};
  const std::string tmp = path + ".tmp" + std::to_string(std::random_device()());
  (void)WriteFileAtomically(
      path, [&](std::ostream& out) { return graph::WriteSnapshot(loaded.kg, origin, out); }, tmp);
}

}  // namespace

std::string SnapshotPath(const std::string& db) { return db + ".graph"; }

Result<LoadedGraph> LoadGraph(const std::string& db_path) {
  auto opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  const bool cached = db_path != ":memory:";
  if (cached) {
    // A store that cannot say its generation is simply read in full below, which
    // reports what is wrong with it.
    auto generation = opened.value()->Generation();
    if (generation.ok()) {
      auto loaded = ReadSnapshotFile(SnapshotPath(db_path), generation.value());
      if (loaded) return std::move(*loaded);
    }
  }
  // Only what the graph needs: document ids and dates (not the rows holding the
  // article texts) and actors that take part in relations.
  auto input =
      opened.value()->LoadGraphInput({.document_details = false, .unrelated_entities = false});
  if (!input.ok()) return input.status();
  // Only actors in relations become vertices: an isolated name is no use in a
  // graph, and it keeps stray capitalised words out of Gephi.
  std::set<std::string> used;
  for (const Relation& r : input->relations) {
    used.insert(r.subject.id);
    used.insert(r.object.id);
  }
  std::vector<Entity> entities;
  for (Entity& e : input->entities) {
    if (used.count(e.id)) entities.push_back(std::move(e));
  }
  LoadedGraph loaded{graph::KnowledgeGraph::Build(entities, input->relations, input->documents),
                     input->documents.size(), false};
  // Labelled with the generation the rows were read at (one read transaction), so
  // documents committed meanwhile by another process make it stale, never wrong.
  if (cached) WriteSnapshotFile(SnapshotPath(db_path), loaded, input->generation);
  return loaded;
}

void RefreshSnapshot(const std::string& db) {
  if (db != ":memory:") (void)LoadGraph(db);
}

std::pair<std::string, std::string> CsvPaths(const std::string& path) {
  std::string stem = path;
  if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".csv") == 0) {
    stem.resize(stem.size() - 4);
  }
  return {stem + ".nodes.csv", stem + ".edges.csv"};
}

Status WriteGraph(const graph::KnowledgeGraph& kg, const std::string& format,
                  const std::string& path) {
  return WriteGraph(exporter::ExportView(kg), format, path);
}

Status WriteGraph(const exporter::ExportView& view, const std::string& format,
                  const std::string& path) {
  if (format == "csv") {
    if (path == "-") {
      return Status::InvalidArgument("csv writes two files (nodes and edges): give -o PATH");
    }
    auto [nodes_path, edges_path] = CsvPaths(path);
    // Both tables are streamed at once, each to its own temporary file; the
    // edges file is renamed only after the nodes file made it into place.
    std::string edges_tmp = edges_path + ".tmp";
    std::ofstream edges(edges_tmp, std::ios::binary | std::ios::trunc);
    if (!edges) return Status::IoError(edges_tmp + ": cannot open for writing");
    Status st = WriteFileAtomically(
        nodes_path, [&](std::ostream& nodes) { return exporter::WriteCsv(view, nodes, edges); });
    edges.flush();
    if (st.ok() && !edges) st = Status::IoError(edges_tmp + ": write failed (disk full?)");
    edges.close();
    if (st.ok() && std::rename(edges_tmp.c_str(), edges_path.c_str()) != 0) {
      st = Status::IoError(edges_path + ": cannot replace file");
    }
    if (!st.ok()) std::remove(edges_tmp.c_str());
    return st;
  }
  std::function<Status(std::ostream&)> write;
  if (format == "graphml") {
    write = [&](std::ostream& out) { return exporter::WriteGraphml(view, out); };
  } else if (format == "gexf") {
    write = [&](std::ostream& out) { return exporter::WriteGexf(view, out); };
  } else if (format == "jsonld") {
    write = [&](std::ostream& out) { return exporter::WriteJsonld(view, out); };
  } else {
    return Status::InvalidArgument("unknown format \"" + format +
                                   "\", expected graphml, gexf, jsonld or csv");
  }
  if (path == "-") return write(std::cout);
  return WriteFileAtomically(path, write);
}

}  // namespace polgraph::cli
