// Store: opening, migrations, batches and the public entry points. Writes live in
// store_write.cc, reads for the graph in store_read.cc.
#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <thread>

#include "core/reject.h"
#include "core/text.h"
#include "polgraph_store_data.h"
#include "store/store_impl.h"

namespace polgraph::store {
namespace {

// Schema migrations in the order they are applied; PRAGMA user_version is the
// number applied so far. Append only: a shipped migration never changes.
constexpr std::string_view kMigrations[] = {
    "schemas/migrations/0001_initial.sql",
    "schemas/migrations/0002_wikidata.sql",
    "schemas/migrations/0003_generation.sql",
    "schemas/migrations/0004_reported_by.sql",
};
constexpr int64_t kKnownVersion = std::size(kMigrations);

// PRAGMA application_id of a polgraph store ("PGRF"), set when a store is first
// opened by a build that knows it. Stores written before it was introduced carry 0
// and are recognised by their tables instead.
constexpr int64_t kApplicationId = 0x50475246;

// Tables every polgraph schema version has: a database whose user_version claims a
// polgraph schema but that lacks one of them was written by another program.
constexpr const char* kPolgraphTables[] = {"documents", "entities", "relations"};

// Long enough to ride out another polgraph process committing a batch, short
// enough that a stuck lock is reported instead of hanging a run.
constexpr int kBusyTimeoutMs = 10000;

// Migrations run as one multi-statement text; quoting all of it would bury the
// error, and SQLite's own message already names the object involved.
constexpr size_t kMaxQuotedSql = 160;

bool IsInMemory(const std::string& path) { return path == ":memory:"; }

std::string Hex(int64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "0x%08llX", static_cast<unsigned long long>(value));
  return buffer;
}

// Decides from the header fields and the schema whether `db` is a polgraph store
// this build may open and migrate: OK with its schema version, or an error that
// says what the file is instead. Only reads. Throws SQLite::Exception (NOTADB for a
// file that is not a SQLite database at all).
// A read transaction for as long as it lives, so that several reads see one
// committed state.
class CheckTransaction {
 public:
  explicit CheckTransaction(SQLite::Database& db) : db_(db) { db_.exec("BEGIN"); }
  ~CheckTransaction() { db_.tryExec("ROLLBACK"); }
  CheckTransaction(const CheckTransaction&) = delete;
  CheckTransaction& operator=(const CheckTransaction&) = delete;

 private:
  SQLite::Database& db_;
};

Result<int64_t> CheckPolgraphStore(const std::string& path, SQLite::Database& db,
                                   std::string* running_sql) {
  // The version and the tables are read in one transaction: read apart, another
  // process committing a migration in between showed a new store's tables with
  // its old version 0, which looks like another program's database.
  CheckTransaction transaction(db);
  // The first read of the file: this is where SQLite notices a non-database.
  *running_sql = "PRAGMA user_version";
  const int64_t version = db.execAndGet(*running_sql).getInt64();
  *running_sql = "PRAGMA application_id";
  const int64_t application_id = db.execAndGet(*running_sql).getInt64();
  if (application_id != 0 && application_id != kApplicationId) {
    return Status::InvalidArgument(path +
                                   ": not a polgraph database (a SQLite database of "
                                   "another application, application_id " +
                                   Hex(application_id) +
                                   "); expected a polgraph store or a new file. Left untouched");
  }
  if (version > kKnownVersion) {
    if (application_id == 0) {
      return Status::InvalidArgument(
          path + ": not a polgraph database (a SQLite database with user_version " +
          std::to_string(version) +
          " and no polgraph application id); expected a polgraph store or a new file. Left "
          "untouched");
    }
    return Status::InvalidArgument(path + ": schema version " + std::to_string(version) +
                                   " is newer than this polgraph knows (" +
                                   std::to_string(kKnownVersion) +
                                   "); use a newer polgraph or another database file. Left "
                                   "untouched");
  }
  if (version < 0) {
    return Status::Corruption(path + ": schema version " + std::to_string(version) +
                              " is negative; expected 0 to " + std::to_string(kKnownVersion));
  }
  *running_sql = "SELECT name FROM sqlite_master WHERE type = 'table'";
  SQLite::Statement tables(db, *running_sql);
  std::vector<std::string> names;
  while (tables.executeStep()) names.push_back(tables.getColumn(0).getString());
  if (version == 0 && !names.empty()) {
    std::string listed;
    for (size_t i = 0; i < names.size() && i < 3; ++i) {
      listed += (i ? ", " : "") + MakeExcerpt(names[i], 40);
    }
    if (names.size() > 3) listed += ", ...";
    return Status::InvalidArgument(path +
                                   ": not a polgraph database (a SQLite database with "
                                   "tables " +
                                   listed +
                                   " but no polgraph schema version); expected a polgraph store "
                                   "or a new file. Left untouched");
  }
  if (version > 0) {
    for (const char* table : kPolgraphTables) {
      if (std::find(names.begin(), names.end(), table) == names.end()) {
        return Status::InvalidArgument(path + ": not a polgraph database (user_version " +
                                       std::to_string(version) + " but no table \"" + table +
                                       "\"); expected a polgraph store or a new file. Left "
                                       "untouched");
      }
    }
  }
  return version;
}

// Runs `body`, again while it fails with SQLITE_BUSY, for up to kBusyTimeoutMs.
// The busy handler covers most waits, but SQLite answers BUSY at once in a few
// cases that two processes opening one store meet: while the other connection
// switches the journal mode to WAL or recovers the WAL. `body` must be safe to
// repeat (opening and migrating are: every step checks the state first).
template <typename F>
auto RetryWhileBusy(F&& body) -> decltype(body()) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      return body();
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
        throw;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// Inspects an existing, non-empty file through a read-only connection before the
// read-write one opens it: a read-write connection to a WAL database checkpoints it
// when it closes, which would rewrite a file we are about to refuse.
Status InspectExistingFile(const std::string& path) {
  std::error_code ec;
  if (IsInMemory(path) || std::filesystem::file_size(path, ec) == 0 || ec) return Status::Ok();
  std::string running_sql;
  try {
    return RetryWhileBusy([&] {
      SQLite::Database db(path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
      Result<int64_t> version = CheckPolgraphStore(path, db, &running_sql);
      return version.ok() ? Status::Ok() : version.status();
    });
  } catch (const SQLite::Exception& e) {
    return SqliteErrorStatus(path, running_sql, e);
  }
}

}  // namespace

struct Store::Impl : StoreImpl {
  using StoreImpl::StoreImpl;
};

Status SqliteErrorStatus(const std::string& path, std::string_view sql,
                         const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xff;  // primary code; extended codes add detail only
  if (code == SQLITE_NOTADB) {
    return Status::Corruption(path + ": not a SQLite database (" + e.what() +
                              "); expected a polgraph store or a new file");
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status::IoError(path +
                           ": the store is busy: another process (a second polgraph "
                           "ingest?) has held its write lock for " +
                           std::to_string(kBusyTimeoutMs / 1000) +
                           " s; run again when it has finished (" + e.what() + ")");
  }
  std::string message = path + ": " + e.what();
  if (!sql.empty()) {
    std::string quoted = CollapseWhitespace(sql);
    if (quoted.size() > kMaxQuotedSql) quoted = MakeExcerpt(quoted, kMaxQuotedSql) + "...";
    message += " (in \"" + quoted + "\")";
  }
  switch (code) {
    case SQLITE_CORRUPT:
      return Status::Corruption(std::move(message));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Status::IoError(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

std::string DocumentHash(const Document& doc) {
  if (!doc.content_hash.empty()) return doc.content_hash;
  return ContentHash(doc.title + "\n\n" + doc.text);
}

StoreImpl::StoreImpl(const std::string& db_path)
    : path(db_path), db(db_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs) {}

StoreImpl::~StoreImpl() {
  ResetStatements();
  if (in_batch && !Autocommit()) db.tryExec("ROLLBACK");
}

Status StoreImpl::Migrate() {
  // Per connection and a no-op inside a transaction, so it comes first.
  Exec("PRAGMA foreign_keys = ON");
  // Checked again on this connection: the file may have changed since it was
  // inspected, or been created empty.
  Result<int64_t> checked = CheckPolgraphStore(path, db, &running_sql);
  if (!checked.ok()) return checked.status();
  const int64_t version = checked.value();
  // Only after the checks: switching to WAL rewrites the file header, and a
  // database from a newer polgraph or another program must be left exactly as it was.
  if (!IsInMemory(path)) Exec("PRAGMA journal_mode = WAL");
  // With WAL, NORMAL is durable against application crashes and much faster than FULL.
  Exec("PRAGMA synchronous = NORMAL");
  // Marks the file as ours once it is known to be a polgraph store (new, or
  // written before the mark existed).
  running_sql = "PRAGMA application_id";
  if (db.execAndGet(running_sql).getInt64() == 0) {
    Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  }

  for (int64_t next = version; next < kKnownVersion;) {
    // A migration and its version bump commit together, so a crash leaves either
    // the old schema or the new one, never half of it. The version is read again
    // under the write lock: two processes opening a new file at once (an ingest and
    // a query) must not both apply the same migration.
    Exec("BEGIN IMMEDIATE");
    try {
      running_sql = "PRAGMA user_version";
      next = db.execAndGet(running_sql).getInt64();
      if (next < kKnownVersion) {
        const std::string_view file = kMigrations[next];
        const std::string_view sql = data::EmbeddedFile(file);
        if (sql.empty()) {
          db.tryExec("ROLLBACK");
          return Status::Internal(path + ": migration " + std::string(file) +
                                  " is not compiled into this build");
        }
        Exec(std::string(sql));
        Exec("PRAGMA user_version = " + std::to_string(next + 1));
        ++next;
      }
      Exec("COMMIT");
    } catch (const SQLite::Exception& e) {
      db.tryExec("ROLLBACK");
      if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) throw;  // for RetryWhileBusy
      // The quoted SQL starts with the migration's header comment, which names it.
      return SqliteErrorStatus(path, running_sql, e);
    }
  }
  return Status::Ok();
}

bool StoreImpl::HasDocument(const std::string& doc_id, const std::string& content_hash) {
  SQLite::Statement& find = Prepared(
      find_document, "SELECT 1 FROM documents WHERE doc_id = ?1 OR content_hash = ?2 LIMIT 1");
  find.bind(1, doc_id);
  find.bind(2, content_hash);
  const bool found = Step(find);
  find.reset();
  return found;
}

SQLite::Statement& StoreImpl::Prepared(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
  running_sql = sql;
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db, sql);
  } else {
    slot->reset();
  }
  return *slot;
}

bool StoreImpl::Step(SQLite::Statement& statement) {
  running_sql = statement.getQuery();
  return statement.executeStep();
}

void StoreImpl::Run(SQLite::Statement& statement) {
  running_sql = statement.getQuery();
  statement.exec();
}

void StoreImpl::Exec(const std::string& sql) {
  running_sql = sql;
  db.exec(sql);
}

void StoreImpl::ResetStatements() noexcept {
  for (auto* slot : {&find_document, &insert_document, &find_entity, &upsert_entity, &upsert_alias,
                     &insert_mention, &insert_relation, &counts, &load_relation, &bump_generation,
                     &read_generation}) {
    if (*slot) (*slot)->tryReset();
  }
}

Result<uint64_t> StoreImpl::ReadGeneration() {
  SQLite::Statement& query = Prepared(read_generation, "SELECT generation FROM meta WHERE id = 1");
  if (!Step(query)) {
    return Status::Corruption(path +
                              ": the table meta has no generation row; the database was edited "
                              "by another program");
  }
  const uint64_t generation = static_cast<uint64_t>(query.getColumn(0).getInt64());
  query.reset();
  return generation;
}

void StoreImpl::BumpGeneration() {
  // An upsert, so a row deleted by hand comes back (from a random start, as in
  // 0003_generation.sql) instead of the generation silently standing still.
  Run(Prepared(bump_generation,
               "INSERT INTO meta (id, generation) VALUES (1, random() & 281474976710655) "
               "ON CONFLICT (id) DO UPDATE SET generation = generation + 1"));
}

bool StoreImpl::Autocommit() const { return sqlite3_get_autocommit(db.getHandle()) != 0; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  if (path.empty()) {
    return Status::InvalidArgument(
        "store: empty database path; give a file name, or \":memory:\" for a temporary store");
  }
  if (Status inspected = InspectExistingFile(path); !inspected.ok()) return inspected;
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(path);
  } catch (const SQLite::Exception& e) {
    return SqliteErrorStatus(path, "", e);
  }
  Status status =
      Guarded<Status>(*impl, [&] { return RetryWhileBusy([&] { return impl->Migrate(); }); });
  if (!status.ok()) return status;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() = default;

Status Store::BeginBatch() {
  return Guarded<Status>(*impl_, [&] {
    if (impl_->in_batch) {
      return Status::InvalidArgument(
          impl_->path + ": BeginBatch while a batch is open; commit or roll back first");
    }
    // IMMEDIATE takes the write lock now, so a second writer waits here rather
    // than failing with SQLITE_BUSY halfway through the batch.
    impl_->Exec("BEGIN IMMEDIATE");
    impl_->in_batch = true;
    return Status::Ok();
  });
}

Status Store::CommitBatch() {
  return Guarded<Status>(*impl_, [&] {
    if (!impl_->in_batch) {
      return Status::InvalidArgument(impl_->path + ": CommitBatch without BeginBatch");
    }
    if (impl_->Autocommit()) {
      // SQLite rolls a transaction back by itself after some errors (disk full, I/O).
      impl_->in_batch = false;
      return Status::IoError(impl_->path +
                             ": the batch was rolled back by SQLite after an earlier error; "
                             "nothing in it was stored");
    }
    impl_->ResetStatements();
    try {
      impl_->Exec("COMMIT");
    } catch (const SQLite::Exception&) {
      // A failed COMMIT (e.g. SQLITE_BUSY) may leave the transaction open; the
      // caller can retry CommitBatch or roll back.
      impl_->in_batch = !impl_->Autocommit();
      throw;
    }
    impl_->in_batch = false;
    return Status::Ok();
  });
}

Status Store::RollbackBatch() {
  return Guarded<Status>(*impl_, [&] {
    if (!impl_->in_batch) {
      return Status::InvalidArgument(impl_->path + ": RollbackBatch without BeginBatch");
    }
    impl_->in_batch = false;
    impl_->ResetStatements();
    // Already rolled back by SQLite after an error: the state asked for is there.
    if (!impl_->Autocommit()) impl_->Exec("ROLLBACK");
    return Status::Ok();
  });
}

Result<bool> Store::Contains(const Document& doc) {
  return Guarded<Result<bool>>(
      *impl_, [&] { return Result<bool>(impl_->HasDocument(doc.id, DocumentHash(doc))); });
}

Result<bool> Store::AddDocument(const Document& doc, const Extraction& extraction) {
  return Guarded<Result<bool>>(*impl_, [&] { return impl_->AddDocument(doc, extraction); });
}

Result<StoreCounts> Store::Counts() {
  return Guarded<Result<StoreCounts>>(*impl_, [&] {
    SQLite::Statement& query =
        impl_->Prepared(impl_->counts,
                        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), "
                        "(SELECT count(*) FROM mentions), (SELECT count(*) FROM relations)");
    impl_->Step(query);
    StoreCounts counts;
    counts.documents = query.getColumn(0).getInt64();
    counts.entities = query.getColumn(1).getInt64();
    counts.mentions = query.getColumn(2).getInt64();
    counts.relations = query.getColumn(3).getInt64();
    query.reset();
    return Result<StoreCounts>(counts);
  });
}

Result<uint64_t> Store::Generation() {
  return Guarded<Result<uint64_t>>(*impl_, [&] { return impl_->ReadGeneration(); });
}

Result<GraphInput> Store::LoadGraphInput(const GraphInputOptions& options) {
  return Guarded<Result<GraphInput>>(*impl_, [&] { return impl_->LoadGraphInput(options); });
}

Result<std::vector<Relation>> Store::LoadRelations(const std::vector<int64_t>& ids) {
  return Guarded<Result<std::vector<Relation>>>(*impl_, [&] { return impl_->LoadRelations(ids); });
}

}  // namespace polgraph::store
