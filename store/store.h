// store: the SQLite database that keeps documents, entities, mentions and relations
// across runs. SQLiteCpp stays inside this module; every error comes back as a
// Status that names the database file and the statement that failed.
//
// Schema: schemas/migrations/NNNN_*.sql, applied in order; PRAGMA user_version
// holds the number of the last one applied, and a database from a newer polgraph
// (user_version above what this build knows) is refused.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/entity.h"
#include "core/relation.h"
#include "core/status.h"

namespace polgraph::store {

struct StoreCounts {
  int64_t documents = 0;
  int64_t entities = 0;  // distinct actor ids across documents
  int64_t mentions = 0;
  int64_t relations = 0;  // relation mentions (one row per extracted relation)
};

// What the graph is built from: every stored entity (merged by id across
// documents, aliases unioned) and every stored relation with its provenance.
struct GraphInput {
  // Mentions left empty; aliases with all surface forms, label first then the most
  // frequent, alias_counts parallel to them; country and wikidata when known.
  std::vector<Entity> entities;
  std::vector<Relation> relations;  // in store order, each with its store_id
  std::vector<Document> documents;  // metadata only: id, title, date, url, publisher
  // Store::Generation() of the committed state these rows were read from (one read
  // transaction covers them all).
  uint64_t generation = 0;
};

// What LoadGraphInput reads. The defaults read everything; building the graph
// needs neither document details nor actors outside relations, and skipping them
// makes loading a large store several times faster.
struct GraphInputOptions {
  // Every Document field but the text; false reads only id and date.
  bool document_details = true;
  // Entities that take part in no relation as well.
  bool unrelated_entities = true;
};

// Owns one database connection. Not thread-safe: use from one thread.
class Store {
 public:
  // Opens or creates `path` (":memory:" for tests) and applies pending migrations.
  // Fails on a file that is not a SQLite database or has an unknown schema version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Batches: everything between BeginBatch and CommitBatch is one transaction, so
  // an interrupted run leaves the last committed state. RollbackBatch undoes it.
  Status BeginBatch();
  Status CommitBatch();
  Status RollbackBatch();

  // True when a document with this id or this content hash is already stored.
  Result<bool> Contains(const Document& doc);

  // Stores the document with its extraction. Returns false (and stores nothing)
  // when the document is already there by id or by content hash.
  Result<bool> AddDocument(const Document& doc, const Extraction& extraction);

  Result<StoreCounts> Counts();
  // A number that changes whenever documents are committed: AddDocument adds one
  // for every document it stores, inside the same transaction, so a rolled-back
  // batch leaves it unchanged. It never decreases and starts at a random value,
  // so files derived from the store (a graph snapshot) can check that they
  // describe the committed state they were made from. Corruption when the
  // database lost its meta row.
  Result<uint64_t> Generation();
  // Everything the graph is built from. Documents and entities in store order.
  Result<GraphInput> LoadGraphInput(const GraphInputOptions& options = {});

  // The stored relations with these row ids (Relation::store_id, as kept in
  // graph::RelationEdge::relation_ids), in the order of `ids`, each with its
  // document id, sentence, byte span and evidence text. Ids that name no row are
  // skipped, so the result may be shorter; an empty `ids` gives an empty result.
  Result<std::vector<Relation>> LoadRelations(const std::vector<int64_t>& ids);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace polgraph::store
