#include "cli/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <utility>

#include "cli/common.h"
#include "cli/ordered_workers.h"
#include "cli/progress.h"
#include "export/csv.h"
#include "export/gexf.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "extract/extractor.h"
#include "graph/snapshot.h"
#include "store/store.h"

namespace polgraph::cli {

namespace {

// One unit of work of RunIngest, in input order: the rejects the reader reported
// since the previous document, then (unless it is only rejects) a document, which a
// worker thread extracts. The writer thread prints the rejects and stores the
// document, in submission order.
struct IngestJob {
  std::vector<Reject> read_rejects;
  std::optional<Document> doc;
  bool stored_before = false;  // found in the store before extraction: not extracted
  Extraction extraction;
  RejectList extract_rejects;
  Status extract_status;
};

// Collects the rejects the reader reports between two documents.
class PendingRejects : public RejectSink {
 public:
  void Add(Reject reject) override { rejects_.push_back(std::move(reject)); }
  std::vector<Reject> Take() { return std::exchange(rejects_, {}); }
  bool empty() const { return rejects_.empty(); }

 private:
  std::vector<Reject> rejects_;
};

size_t WorkerThreads(int jobs) {
  if (jobs > 0) return static_cast<size_t>(jobs);
  return std::max(1u, std::thread::hardware_concurrency());
}

// Extracts the document of `job`, unless it has none or is stored already. Runs on
// any thread: the extractor is immutable and each job has its own reject list.
void ExtractJob(const extract::Extractor& extractor, IngestJob& job) {
  if (!job.doc || job.stored_before) return;
  try {
    job.extract_status = extractor.Extract(*job.doc, &job.extraction, &job.extract_rejects);
  } catch (const std::exception& e) {
    job.extract_status = Status::Internal(std::string("extraction failed: ") + e.what());
  }
}

// The consumer end of an ingest, on one thread: prints each job's rejects and
// stores its document, in the order the jobs are given, in batches of
// `batch_size` documents per transaction.
class BatchWriter {
 public:
  BatchWriter(const IngestArgs& args, store::Store& db, RunProgress& progress)
      : args_(args), db_(db), progress_(progress) {}

  // Handles one job; false when the run must stop (the store failed, or --strict
  // and something was rejected).
  bool Take(IngestJob& job) {
    for (Reject& r : job.read_rejects) rejects_.Add(std::move(r));
    if (StopStrict()) return false;
    if (job.doc) Store(job);
    return failure_.ok() && !StopStrict();
  }

  // Commits the last batch, or rolls it back when the run failed.
  Status Finish() {
    progress_.Finish();
    if (failure_.ok()) failure_ = Commit();
    if (!failure_.ok() && in_batch_ > 0) (void)db_.RollbackBatch();
    stats_.rejected = rejects_.count();
    return failure_;
  }
  void Fail(Status status) {
    if (failure_.ok()) failure_ = std::move(status);
  }
  IngestStats& stats() { return stats_; }

 private:
  bool StopStrict() const { return args_.input.strict && rejects_.count() > 0; }

  Status Commit() {
    if (in_batch_ == 0) return Status::Ok();
    in_batch_ = 0;
    return db_.CommitBatch();
  }

  void Store(IngestJob& job) {
    const Document& doc = *job.doc;
    ++stats_.read;
    stats_.bytes += doc.text.size();
    progress_.Update(stats_.read);
    if (job.stored_before) {
      ++stats_.duplicates;
      return;
    }
    for (const Reject& r : job.extract_rejects.rejects()) rejects_.Add(r);
    if (!job.extract_status.ok()) {
      // An extractor that refuses a document says why in its own reject.
      if (job.extract_rejects.empty()) {
        rejects_.Add({doc.source, doc.line, -1, "extract", RejectCode::kNoText,
                      job.extract_status.message(), ""});
      }
      return;
    }
    if (in_batch_ == 0) {
      if (Status bs = db_.BeginBatch(); !bs.ok()) {
        failure_ = bs;
        return;
      }
    }
    auto added = db_.AddDocument(doc, job.extraction);
    if (!added.ok()) {
      // The store refused this document; keep the rest of the batch.
      rejects_.Add(
          {doc.source, doc.line, -1, "store", RejectCode::kStore, added.status().message(), ""});
      return;
    }
    ++in_batch_;
    if (added.value()) {
      ++stats_.stored;
      stats_.relations += job.extraction.relations.size();
    } else {
      ++stats_.duplicates;  // same content under another id within this run
    }
    if (in_batch_ >= args_.batch_size) failure_ = Commit();
  }

  const IngestArgs& args_;
  store::Store& db_;
  StderrRejects rejects_;
  RunProgress& progress_;
  IngestStats stats_;
  Status failure_;
  size_t in_batch_ = 0;
};

// Turns what the reader gives into jobs: each document with the rejects reported
// before it, marked when `lookup` already holds it.
class JobMaker {
 public:
  explicit JobMaker(store::Store* lookup) : lookup_(lookup) {}
  RejectSink* rejects() { return &pending_; }

  IngestJob Make(Document&& doc) {
    IngestJob job;
    job.read_rejects = pending_.Take();
    if (lookup_ != nullptr && failure_.ok()) {
      auto seen = lookup_->Contains(doc);
      if (seen.ok()) {
        job.stored_before = seen.value();
      } else {
        failure_ = seen.status();
      }
    }
    job.doc = std::move(doc);
    return job;
  }
  // A last job for rejects reported after the last document, if any.
  std::optional<IngestJob> Rest() {
    if (pending_.empty()) return std::nullopt;
    IngestJob job;
    job.read_rejects = pending_.Take();
    return job;
  }
  const Status& failure() const { return failure_; }

 private:
  store::Store* lookup_;
  PendingRejects pending_;
  Status failure_;
};

}  // namespace

Result<IngestStats> RunIngest(const IngestArgs& a) {
  auto start = std::chrono::steady_clock::now();
  extract::ExtractOptions options = ExtractOptionsOf(a.input);
  options.max_sentence_tokens = a.max_sentence_tokens;
  options.max_entities = a.max_entities;
  auto loaded_extractor = extract::LoadDefaultExtractor(options);
  if (!loaded_extractor.ok()) return loaded_extractor.status();
  const extract::Extractor& extractor = *loaded_extractor.value();
  auto opened = store::Store::Open(a.db);
  if (!opened.ok()) return opened.status();
  store::Store& db = *opened.value();
  ingest::ReadOptions read_options;
  read_options.default_date = a.input.date;
  read_options.max_document_bytes = a.max_document_bytes;
  // Sizing the input walks every directory once more: only for a visible bar.
  RunProgress progress("ingest",
                       RunProgress::Shown() ? ingest::InputBytes(a.input.paths, read_options) : 0);
  read_options.on_bytes_read = [&](uint64_t bytes) { progress.SetBytesRead(bytes); };
  BatchWriter writer(a, db, progress);
  Status read_status;
  Status lookup_status;

  const size_t threads = WorkerThreads(a.jobs);
  if (threads == 1) {
    // One thread reads, extracts and writes: the baseline -j N is measured against.
    JobMaker maker(&db);
    bool stopped = false;
    read_status = ingest::ReadPaths(
        a.input.paths, read_options,
        [&](Document&& doc) {
          if (stopped) return;
          IngestJob job = maker.Make(std::move(doc));
          ExtractJob(extractor, job);
          stopped = !writer.Take(job);
        },
        maker.rejects());
    if (std::optional<IngestJob> rest = maker.Rest(); rest && !stopped) writer.Take(*rest);
    lookup_status = maker.failure();
  } else {
    // The reader skips documents stored by an earlier run before they are
    // extracted (a resumed run then costs little), through its own connection.
    // The writer checks again inside its transaction, which also catches
    // duplicates within this run.
    std::unique_ptr<store::Store> lookup;
    if (a.db != ":memory:") {
      auto second = store::Store::Open(a.db);
      if (!second.ok()) return second.status();
      lookup = std::move(second).value();
    }
    // Enough jobs in flight to keep every thread busy behind one slow document,
    // few enough that memory does not grow with the corpus.
    const size_t window = std::max<size_t>(16, 8 * threads);
    OrderedWorkers<IngestJob> workers(threads, window,
                                      [&](IngestJob& job) { ExtractJob(extractor, job); });
    // The reader runs on its own thread and feeds the workers; this thread writes.
    std::thread reader([&] {
      JobMaker maker(lookup.get());
      // An exception must not escape a thread (std::terminate): it ends the read,
      // and the run fails with what was committed so far kept.
      try {
        read_status = ingest::ReadPaths(
            a.input.paths, read_options,
            [&](Document&& doc) { (void)workers.Submit(maker.Make(std::move(doc))); },
            maker.rejects());
        if (std::optional<IngestJob> rest = maker.Rest()) (void)workers.Submit(std::move(*rest));
      } catch (const std::exception& e) {
        read_status = Status::Internal(std::string("reading the input failed: ") + e.what());
      }
      lookup_status = maker.failure();
      workers.Close();
    });
    while (std::optional<IngestJob> job = workers.Next()) {
      if (!writer.Take(*job)) break;
    }
    // Stopping early: the reader may be waiting for room in the window.
    workers.Cancel();
    reader.join();
  }
  if (!lookup_status.ok()) writer.Fail(lookup_status);
  if (Status st = writer.Finish(); !st.ok()) return st;
  if (!read_status.ok()) return read_status;
  IngestStats stats = writer.stats();
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
