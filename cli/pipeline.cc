#include "cli/pipeline.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/common.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "extract/extractor.h"
#include "store/store.h"

namespace polgraph::cli {

Result<IngestStats> RunIngest(const IngestArgs& a) {
  auto start = std::chrono::steady_clock::now();
  extract::ExtractOptions options;
  options.lexicon_dir = a.input.lexicon_dir;
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

Result<LoadedGraph> LoadGraph(const std::string& db_path) {
  auto opened = store::Store::Open(db_path);
  if (!opened.ok()) return opened.status();
  auto input = opened.value()->LoadGraphInput();
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
  size_t documents = input->documents.size();
  return LoadedGraph{graph::KnowledgeGraph::Build(entities, input->relations, input->documents),
                     documents};
}

Status WriteGraph(const graph::KnowledgeGraph& kg, const std::string& format,
                  const std::string& path) {
  const auto write = [&](std::ostream& out) {
    return format == "graphml" ? exporter::WriteGraphml(kg, out) : exporter::WriteJsonld(kg, out);
  };
  if (format != "graphml" && format != "jsonld") {
    return Status::InvalidArgument("unknown format \"" + format + "\", expected graphml or jsonld");
  }
  if (path == "-") return write(std::cout);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError(tmp + ": cannot open for writing");
    if (Status st = write(out); !st.ok()) {
      std::remove(tmp.c_str());
      return st;
    }
    out.flush();
    if (!out) {
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

}  // namespace polgraph::cli
