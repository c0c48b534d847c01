// The steps `ingest`, `export` and `build` share: read + extract + store, and
// load the graph from a store. Thin glue over the modules; no domain logic.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/common.h"
#include "core/status.h"
#include "export/view.h"
#include "extract/extractor.h"
#include "graph/knowledge_graph.h"
#include "ingest/reader.h"

namespace polgraph::cli {

struct IngestArgs {
  InputArgs input;
  std::string db;
  size_t batch_size = 200;  // documents per SQLite transaction
  int jobs = 0;             // extraction threads; 0 = one per core
  // Limits that protect the machine (see ingest::ReadOptions, extract::ExtractOptions).
  size_t max_document_bytes = ingest::kDefaultMaxDocumentBytes;
  size_t max_sentence_tokens = extract::ExtractOptions().max_sentence_tokens;
  size_t max_entities = extract::ExtractOptions().max_entities;
};

struct IngestStats {
  size_t read = 0;        // documents read successfully
  size_t stored = 0;      // new documents stored
  size_t duplicates = 0;  // already in the store (same id or content)
  size_t rejected = 0;    // inputs rejected (printed to stderr)
  size_t relations = 0;   // relations stored
  size_t bytes = 0;       // text bytes of the documents read
  double seconds = 0;
};

// Reads, extracts and stores. Documents are extracted on `jobs` threads and stored
// by one writer in input order, in batches of `batch_size` (one transaction each),
// so the store ends up the same whatever the number of threads; memory is bounded
// by a window of documents in flight, not by the corpus. Returns an error when the
// store cannot be opened or written; rejects are printed in input order and
// counted, and the run goes on.
Result<IngestStats> RunIngest(const IngestArgs& args);

struct LoadedGraph {
  graph::KnowledgeGraph kg;
  size_t documents = 0;        // documents in the store
  bool from_snapshot = false;  // read from SnapshotPath(db), not built from the store
};

// Where LoadGraph keeps the graph snapshot of the database `db`: db + ".graph".
std::string SnapshotPath(const std::string& db);

// The merged graph of the store at `db` (only actors that take part in at least
// one relation become vertices). Read from SnapshotPath(db) when that snapshot
// was made from the store's current generation; otherwise built from the store,
// and then the snapshot is (re)written for the next call, atomically and on a
// best-effort basis: a missing, stale, damaged or foreign snapshot, or one that
// cannot be written, is never an error and prints nothing. ":memory:" has no
// snapshot. Errors are the store's (cannot open, unknown schema version, ...).
Result<LoadedGraph> LoadGraph(const std::string& db);

// Makes SnapshotPath(db) current after the store changed (ingest): LoadGraph
// without the graph. Best effort; prints nothing and reports nothing.
void RefreshSnapshot(const std::string& db);

// The export formats WriteGraph knows, for --help and validation.
inline constexpr const char* kExportFormats[] = {"graphml", "gexf", "jsonld", "csv"};

// Writes the part of the graph `view` selects in `format` ("graphml", "gexf",
// "jsonld" or "csv") to `path` ("-" for stdout), through temporary files renamed
// into place so a failed export never leaves a half-written file behind. CSV is
// two tables: PATH.nodes.csv and PATH.edges.csv, a trailing ".csv" of PATH
// dropped first (so -o graph.csv and -o graph both give graph.nodes.csv); it
// cannot go to stdout. Returns InvalidArgument for an unknown format or CSV to "-",
// IoError when a file cannot be written.
Status WriteGraph(const exporter::ExportView& view, const std::string& format,
                  const std::string& path);
// The whole graph.
Status WriteGraph(const graph::KnowledgeGraph& kg, const std::string& format,
                  const std::string& path);
// The two files WriteGraph writes for "csv" and `path`: nodes, then edges.
std::pair<std::string, std::string> CsvPaths(const std::string& path);

}  // namespace polgraph::cli
