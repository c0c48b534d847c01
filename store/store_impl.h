// Internals shared by the store's .cc files: the connection, the cached prepared
// statements and the translation of SQLiteCpp exceptions into Status. Only store/
// includes this header; SQLiteCpp types never appear in store.h.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/store.h"

namespace polgraph::store {

// Status for a SQLite error on database `path` while running `sql`: the code says
// what kind of failure it was (I/O, corruption, constraint...), the message names
// the file, SQLite's explanation and the statement.
Status SqliteErrorStatus(const std::string& path, std::string_view sql, const SQLite::Exception& e);

// The content hash the store deduplicates on: Document::content_hash, or the
// hash computed as ingest would when the caller left it empty.
std::string DocumentHash(const Document& doc);

// The state behind Store::Impl (which derives from it; Store::Impl itself is
// private to Store, and the helpers in store_*.cc need to name this type).
// Owns the connection and its cached statements. Not thread-safe.
struct StoreImpl {
  // Opens the connection; throws SQLite::Exception when the file cannot be opened.
  explicit StoreImpl(const std::string& db_path);
  // Rolls back an open batch: an interrupted run keeps the last committed state.
  ~StoreImpl();
  StoreImpl(const StoreImpl&) = delete;
  StoreImpl& operator=(const StoreImpl&) = delete;

  // Applies pending migrations (store.cc).
  Status Migrate();
  // True when a document with this id or content hash is stored.
  bool HasDocument(const std::string& doc_id, const std::string& content_hash);
  // The body of Store::AddDocument (store_write.cc).
  Result<bool> AddDocument(const Document& doc, const Extraction& extraction);
  // The body of Store::LoadGraphInput (store_read.cc).
  Result<GraphInput> LoadGraphInput(const GraphInputOptions& options);
  // The generation of the committed state this connection sees (meta.generation);
  // Corruption when the row is missing.
  Result<uint64_t> ReadGeneration();
  // Adds one to the generation, inside the transaction that stores a document.
  void BumpGeneration();
  // The body of Store::LoadRelations (store_read.cc).
  Result<std::vector<Relation>> LoadRelations(const std::vector<int64_t>& ids);

  // The cached statement in `slot`, prepared on first use. Statements are reset
  // (bindings kept) so callers bind every parameter and step from the start.
  SQLite::Statement& Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql);
  // Steps a statement; false when it has no (more) rows.
  bool Step(SQLite::Statement& statement);
  // Runs a statement that returns no rows.
  void Run(SQLite::Statement& statement);
  // Runs one or more statements given as text (transaction control, pragmas, migrations).
  void Exec(const std::string& sql);
  // Resets every cached statement so that none holds a read or write in progress,
  // which would make COMMIT or ROLLBACK fail.
  void ResetStatements() noexcept;
  // True when SQLite has no transaction open (sqlite3_get_autocommit).
  bool Autocommit() const;

  std::string path;
  SQLite::Database db;
  bool in_batch = false;
  // The statement last handed to SQLite, quoted in error messages because
  // SQLiteCpp's exceptions do not say which statement failed.
  std::string running_sql;

  std::unique_ptr<SQLite::Statement> find_document;
  std::unique_ptr<SQLite::Statement> insert_document;
  std::unique_ptr<SQLite::Statement> find_entity;
  std::unique_ptr<SQLite::Statement> upsert_entity;
  std::unique_ptr<SQLite::Statement> upsert_alias;
  std::unique_ptr<SQLite::Statement> insert_mention;
  std::unique_ptr<SQLite::Statement> insert_relation;
  std::unique_ptr<SQLite::Statement> counts;
  std::unique_ptr<SQLite::Statement> load_relation;
  std::unique_ptr<SQLite::Statement> bump_generation;
  std::unique_ptr<SQLite::Statement> read_generation;
};

// Runs `body` and turns any exception it throws into a Status naming the database
// and the statement, so that no exception crosses store.h.
template <typename R, typename F>
R Guarded(StoreImpl& impl, F&& body) {
  impl.running_sql.clear();
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    impl.ResetStatements();
    return SqliteErrorStatus(impl.path, impl.running_sql, e);
  } catch (const std::bad_alloc&) {
    impl.ResetStatements();
    return Status::Internal(impl.path + ": out of memory");
  } catch (const std::exception& e) {
    impl.ResetStatements();
    return Status::Internal(impl.path + ": " + e.what());
  }
}

}  // namespace polgraph::store
