#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "core/text.h"

namespace polgraph::store {
namespace {

// A fresh file path under the test temp dir; removes leftovers of earlier runs.
std::string TempDbPath(const std::string& name) {
  std::string path = testing::TempDir() + "polgraph_store_test_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::remove((path + suffix).c_str());
  }
  return path;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

Document MakeDocument(const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.source = "feed.jsonl";
  doc.line = 3;
  doc.format = "jsonl";
  doc.title = "Title of " + id;
  doc.date = "2024-03-01";
  doc.url = "https://example.org/" + id;
  doc.publisher = "Example News";
  doc.text = text;
  doc.content_hash = ContentHash(doc.title + "\n\n" + doc.text);
  return doc;
}

Mention MakeMention(const std::string& text, size_t start, int sentence, bool pronoun = false) {
  Mention mention;
  mention.start = start;
  mention.end = start + text.size();
  mention.text = text;
  mention.sentence = sentence;
  mention.pronoun = pronoun;
  return mention;
}

Entity MakeEntity(const std::string& id, const std::string& label, ActorType type,
                  std::vector<Mention> mentions) {
  Entity entity;
  entity.id = id;
  entity.label = label;
  entity.type = type;
  entity.aliases.push_back(label);
  for (const Mention& mention : mentions) {
    if (!mention.pronoun && std::find(entity.aliases.begin(), entity.aliases.end(), mention.text) ==
                                entity.aliases.end()) {
      entity.aliases.push_back(mention.text);
    }
  }
  entity.mentions = std::move(mentions);
  return entity;
}

EntityRef Ref(const Entity& entity, const std::string& surface) {
  return EntityRef{entity.id, entity.label, entity.type, surface};
}

// "Putin met Scholz in Berlin." with both actors and one "meet" relation.
Extraction MeetingExtraction(const std::string& doc_id) {
  Extraction extraction;
  Entity putin = MakeEntity("person:vladimir putin", "Putin", ActorType::kPerson,
                            {MakeMention("Putin", 0, 0)});
  Entity scholz = MakeEntity("person:olaf scholz", "Scholz", ActorType::kPerson,
                             {MakeMention("Scholz", 10, 0)});
  Relation meet;
  meet.doc = doc_id;
  meet.evidence = "Putin met Scholz in Berlin.";
  meet.end = meet.evidence.size();
  meet.subject = Ref(putin, "Putin");
  meet.object = Ref(scholz, "Scholz");
  meet.predicate = "meet";
  meet.cameo = "040";
  meet.goldstein = 1.0;
  meet.confidence = 0.9;
  meet.trigger = "met";
  meet.extractor = "pattern-1";
  extraction.entities = {putin, scholz};
  extraction.relations = {meet};
  extraction.sentence_count = 1;
  return extraction;
}

StoreCounts CountsOrDie(Store& store) {
  Result<StoreCounts> counts = store.Counts();
  EXPECT_TRUE(counts.ok()) << counts.status().ToString();
  return counts.ok() ? counts.value() : StoreCounts{};
}

bool AddOrDie(Store& store, const Document& doc, const Extraction& extraction) {
  Result<bool> added = store.AddDocument(doc, extraction);
  EXPECT_TRUE(added.ok()) << added.status().ToString();
  return added.ok() && added.value();
}

const Entity* FindEntity(const GraphInput& input, const std::string& id) {
  for (const Entity& entity : input.entities) {
    if (entity.id == id) return &entity;
  }
  return nullptr;
}

TEST(StoreTest, OpenAppliesMigrationsAndSetsUserVersion) {
  const std::string path = TempDbPath("migrate");
  ASSERT_NE(OpenOrDie(path), nullptr);
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4);  // 0001 to 0004
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  for (const char* table : {"documents", "entities", "aliases", "mentions", "relations"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
}

TEST(StoreTest, InMemoryStoreStartsEmpty) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  StoreCounts counts = CountsOrDie(*store);
  EXPECT_EQ(counts.documents, 0);
  EXPECT_EQ(counts.entities, 0);
  EXPECT_EQ(counts.mentions, 0);
  EXPECT_EQ(counts.relations, 0);
}

TEST(StoreTest, ReopenedFileKeepsData) {
  const std::string path = TempDbPath("reopen");
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(
        AddOrDie(*store, MakeDocument("a", "Putin met Scholz in Berlin."), MeetingExtraction("a")));
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  StoreCounts counts = CountsOrDie(*store);
  EXPECT_EQ(counts.documents, 1);
  EXPECT_EQ(counts.entities, 2);
  EXPECT_EQ(counts.mentions, 2);
  EXPECT_EQ(counts.relations, 1);
  Result<bool> contains = store->Contains(MakeDocument("a", "other text"));
  ASSERT_TRUE(contains.ok());
  EXPECT_TRUE(contains.value());
}

TEST(StoreTest, NewerSchemaVersionIsRefused) {
  const std::string path = TempDbPath("newer");
  ASSERT_NE(OpenOrDie(path), nullptr);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  const std::string& message = store.status().message();
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("99"), std::string::npos) << message;
  EXPECT_NE(message.find("(4)"), std::string::npos) << message;
  // Refusing must not touch the file.
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 99);
}

TEST(StoreTest, FileThatIsNotADatabaseIsRefused) {
  const std::string path = TempDbPath("notadb");
  {
    std::ofstream out(path);
    for (int i = 0; i < 100; ++i) out << "Putin met Scholz in Berlin. This is a news article.\n";
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorruption);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("not a SQLite database"), std::string::npos) << message;
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A store from a newer polgraph, closed after a write so that its WAL still holds
// frames: a read-write connection would checkpoint them into the file on close.
TEST(StoreRefusal, NewerSchemaVersionLeavesTheFileByteForByteUntouched) {
  const std::string path = TempDbPath("newer_untouched");
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddDocument(MakeDocument("a", "Putin met Scholz."), {}).ok());
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  const std::string before = FileBytes(path);
  ASSERT_FALSE(before.empty());
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer than this polgraph knows"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(FileBytes(path), before);
  EXPECT_FALSE(Store::Open(path).ok());  // and again: still refused, still the same
  EXPECT_EQ(FileBytes(path), before);
}

TEST(StoreRefusal, NewerSchemaInWalModeWithPendingFramesIsLeftUntouched) {
  const std::string path = TempDbPath("newer_wal");
  ASSERT_NE(OpenOrDie(path), nullptr);
  // Keep one connection open with a write in the WAL, so the frames are not
  // checkpointed when the writer closes; then copy file and WAL as they are.
  SQLite::Database holder(path, SQLite::OPEN_READWRITE);
  holder.exec("PRAGMA wal_autocheckpoint = 0");
  holder.exec("PRAGMA user_version = 42");
  const std::string before = FileBytes(path);
  const std::string wal_before = FileBytes(path + "-wal");
  ASSERT_FALSE(wal_before.empty());
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("42"), std::string::npos) << store.status().message();
  EXPECT_EQ(FileBytes(path), before);
  EXPECT_EQ(FileBytes(path + "-wal"), wal_before);
}

TEST(StoreRefusal, SqliteDatabaseOfAnotherProgramIsRefusedAndLeftUntouched) {
  const std::string path = TempDbPath("foreign");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    db.exec("INSERT INTO notes (body) VALUES ('shopping list')");
  }
  const std::string before = FileBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("not a polgraph database"), std::string::npos) << message;
  EXPECT_NE(message.find("notes"), std::string::npos) << message;
  EXPECT_EQ(FileBytes(path), before);
}

TEST(StoreRefusal, ApplicationIdOfAnotherProgramIsRefused) {
  const std::string path = TempDbPath("foreign_appid");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA application_id = 1234");
    db.exec("PRAGMA user_version = 2");
  }
  const std::string before = FileBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("another application"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(FileBytes(path), before);
}

TEST(StoreRefusal, UserVersionWithoutPolgraphTablesIsRefused) {
  const std::string path = TempDbPath("foreign_version");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE documents (x)");
    db.exec("PRAGMA user_version = 1");
  }
  const std::string before = FileBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("no table \"entities\""), std::string::npos)
      << store.status().message();
  EXPECT_EQ(FileBytes(path), before);
}

TEST(StoreRefusal, TextFileIsRefusedAndLeftUntouched) {
  const std::string path = TempDbPath("text");
  {
    std::ofstream out(path, std::ios::binary);
    out << "Putin met Scholz in Berlin.\n";  // shorter than a SQLite header
  }
  const std::string before = FileBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a SQLite database"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(FileBytes(path), before);
}

TEST(StoreRefusal, NewStoreIsMarkedAsPolgraphAndReopens) {
  const std::string path = TempDbPath("marked");
  ASSERT_NE(OpenOrDie(path), nullptr);
  {
    SQLite::Database db(path);
    EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt64(), 0x50475246);
  }
  EXPECT_NE(OpenOrDie(path), nullptr);
}

TEST(StoreRefusal, StoreWrittenBeforeTheMarkIsAcceptedAndMarked) {
  const std::string path = TempDbPath("unmarked");
  ASSERT_NE(OpenOrDie(path), nullptr);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA application_id = 0");
  }
  EXPECT_NE(OpenOrDie(path), nullptr);
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA application_id").getInt64(), 0x50475246);
}

TEST(StoreTest, UnopenablePathIsAnIoError) {
  const std::string path = testing::TempDir() + "no_such_dir_polgraph/store.db";
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
  EXPECT_NE(store.status().message().find(path), std::string::npos);
}

TEST(StoreTest, SameIdIsStoredOnce) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  const Document doc = MakeDocument("a", "Putin met Scholz in Berlin.");
  ASSERT_TRUE(AddOrDie(*store, doc, MeetingExtraction("a")));
  const StoreCounts before = CountsOrDie(*store);

  // Same id, different text and extraction: still a duplicate, nothing written.
  Document changed = MakeDocument("a", "Scholz met Putin in Moscow.");
  Result<bool> again = store->AddDocument(changed, MeetingExtraction("a"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again.value());
  const StoreCounts after = CountsOrDie(*store);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.entities, before.entities);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.relations, before.relations);
}

TEST(StoreTest, SameContentUnderAnotherIdIsStoredOnce) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Document doc = MakeDocument("a", "Putin met Scholz in Berlin.");
  ASSERT_TRUE(AddOrDie(*store, doc, MeetingExtraction("a")));

  Document copy = doc;
  copy.id = "mirror/a";
  Result<bool> contains = store->Contains(copy);
  ASSERT_TRUE(contains.ok());
  EXPECT_TRUE(contains.value());
  Result<bool> added = store->AddDocument(copy, MeetingExtraction("mirror/a"));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_FALSE(added.value());
  EXPECT_EQ(CountsOrDie(*store).documents, 1);
  EXPECT_EQ(CountsOrDie(*store).relations, 1);

  // An empty content_hash is computed as ingest would, so it still matches.
  copy.content_hash.clear();
  Result<bool> by_text = store->Contains(copy);
  ASSERT_TRUE(by_text.ok());
  EXPECT_TRUE(by_text.value());
}

TEST(StoreTest, EntitiesMergeAcrossDocumentsKeepingLongestLabelAndEveryAlias) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  const std::string id = "person:vladimir putin";

  Extraction first;
  first.entities = {MakeEntity(id, "Putin", ActorType::kPerson,
                               {MakeMention("Putin", 0, 0), MakeMention("Putin", 40, 1)})};
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin spoke. ... Putin left."), first));

  Extraction second;
  second.entities = {MakeEntity(id, "Vladimir Putin", ActorType::kOrganization,
                                {MakeMention("Vladimir Putin", 0, 0), MakeMention("Putin", 30, 1),
                                 MakeMention("he", 50, 2, /*pronoun=*/true)})};
  second.entities[0].country = "RUS";
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("b", "Vladimir Putin ... Putin ... he"), second));

  Extraction third;
  third.entities = {
      MakeEntity(id, "Mr Putin", ActorType::kPerson, {MakeMention("Mr Putin", 0, 0)})};
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("c", "Mr Putin said."), third));

  EXPECT_EQ(CountsOrDie(*store).entities, 1);
  EXPECT_EQ(CountsOrDie(*store).mentions, 6);
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const Entity* putin = FindEntity(input.value(), id);
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->label, "Vladimir Putin");   // the longest; "Mr Putin" did not replace it
  EXPECT_EQ(putin->type, ActorType::kPerson);  // first seen
  EXPECT_EQ(putin->country, "RUS");
  EXPECT_TRUE(putin->mentions.empty());
  // Label first, then by how often each form was seen; no pronouns.
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"Vladimir Putin", "Putin", "Mr Putin"}));
}

TEST(StoreTest, RelationActorMissingFromEntitiesIsCreatedFromItsReference) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Extraction extraction = MeetingExtraction("a");
  extraction.relations[0].object =
      EntityRef{"country:germany", "Germany", ActorType::kCountry, "Berlin"};
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Berlin's envoy."), extraction));

  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const Entity* germany = FindEntity(input.value(), "country:germany");
  ASSERT_NE(germany, nullptr);
  EXPECT_EQ(germany->label, "Germany");
  EXPECT_EQ(germany->type, ActorType::kCountry);
  EXPECT_EQ(germany->aliases, (std::vector<std::string>{"Germany", "Berlin"}));
}

TEST(StoreTest, LoadGraphInputRoundTripsEveryRelationField) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Document doc = MakeDocument("doc-7", "Intro. Putin did not meet Scholz. NATO spokesman Smith.");
  doc.metadata = {{"tags", R"(["a", "b"])"}, {"score", "3.50"}, {"author", R"("J. Doe")"}};
  Extraction extraction = MeetingExtraction("doc-7");
  Relation& event = extraction.relations[0];
  event.sentence = 1;
  event.evidence = "Putin did not meet Scholz.";
  event.start = 7;
  event.end = 33;
  event.subject.surface = "Putin";
  event.object.surface = "Scholz";
  event.goldstein = -4.5;
  event.negated = true;
  event.hypothetical = true;
  event.date = "2024-02-29";
  event.confidence = 0.625;
  event.trigger = "did not meet";
  event.source = EntityRef{"person:peskov", "Peskov", ActorType::kPerson, ""};

  Relation affiliation;  // doc left empty: the document being added is implied
  affiliation.sentence = 2;
  affiliation.evidence = "NATO spokesman Smith.";
  affiliation.start = 34;
  affiliation.end = 55;
  affiliation.subject = EntityRef{"person:smith", "Smith", ActorType::kPerson, "Smith"};
  affiliation.object = EntityRef{"organization:nato", "NATO", ActorType::kOrganization, "NATO"};
  affiliation.predicate = "spokesperson_of";
  affiliation.kind = RelationKind::kAffiliation;
  affiliation.confidence = 0.5;
  affiliation.trigger = "spokesman";
  affiliation.extractor = "pattern-1";
  extraction.relations.push_back(affiliation);
  ASSERT_TRUE(AddOrDie(*store, doc, extraction));

  Result<GraphInput> loaded = store->LoadGraphInput();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const GraphInput& input = loaded.value();
  ASSERT_EQ(input.relations.size(), 2u);
  affiliation.doc = "doc-7";
  for (size_t i = 0; i < 2; ++i) {
    const Relation& want = extraction.relations[i];
    const Relation& got = input.relations[i];
    SCOPED_TRACE(want.predicate);
    EXPECT_EQ(got.doc, "doc-7");
    EXPECT_EQ(got.sentence, want.sentence);
    EXPECT_EQ(got.evidence, want.evidence);
    EXPECT_EQ(got.start, want.start);
    EXPECT_EQ(got.end, want.end);
    for (auto [g, w] : {std::pair{&got.subject, &want.subject}, {&got.object, &want.object}}) {
      EXPECT_EQ(g->id, w->id);
      EXPECT_EQ(g->label, w->label);
      EXPECT_EQ(g->type, w->type);
      EXPECT_EQ(g->surface, w->surface);
    }
    EXPECT_EQ(got.predicate, want.predicate);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.cameo, want.cameo);
    EXPECT_EQ(got.goldstein, want.goldstein);
    EXPECT_EQ(got.negated, want.negated);
    EXPECT_EQ(got.hypothetical, want.hypothetical);
    EXPECT_EQ(got.date, want.date);
    EXPECT_EQ(got.confidence, want.confidence);
    EXPECT_EQ(got.trigger, want.trigger);
    EXPECT_EQ(got.extractor, want.extractor);
    EXPECT_EQ(got.source.id, want.source.id);
    EXPECT_EQ(got.source.label, want.source.label);
    EXPECT_EQ(got.source.type, want.source.type);
  }
  EXPECT_FALSE(input.relations[1].goldstein.has_value());

  ASSERT_EQ(input.documents.size(), 1u);
  const Document& got = input.documents[0];
  EXPECT_EQ(got.id, doc.id);
  EXPECT_EQ(got.source, doc.source);
  EXPECT_EQ(got.title, doc.title);
  EXPECT_EQ(got.date, doc.date);
  EXPECT_EQ(got.url, doc.url);
  EXPECT_EQ(got.publisher, doc.publisher);
  EXPECT_TRUE(got.text.empty());
  EXPECT_EQ(got.metadata.at("score"), "3.50");  // raw JSON kept verbatim
  EXPECT_EQ(got.metadata.at("author"), R"("J. Doe")");
  EXPECT_EQ(got.metadata.at("tags"), R"(["a","b"])");
}

TEST(StoreTest, InvalidInputIsRefusedWithoutWriting) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Document doc = MakeDocument("a", "Putin met Scholz in Berlin.");
  doc.metadata = {{"broken", "{\"unterminated"}};
  Result<bool> bad_metadata = store->AddDocument(doc, MeetingExtraction("a"));
  ASSERT_FALSE(bad_metadata.ok());
  EXPECT_EQ(bad_metadata.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad_metadata.status().message().find("broken"), std::string::npos);

  doc.metadata.clear();
  Result<bool> other_doc = store->AddDocument(doc, MeetingExtraction("b"));
  ASSERT_FALSE(other_doc.ok());
  EXPECT_EQ(other_doc.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(CountsOrDie(*store).documents, 0);
}

TEST(StoreTest, RolledBackBatchLeavesPreviousState) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));

  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("b", "Putin met Scholz again."), MeetingExtraction("b")));
  EXPECT_EQ(CountsOrDie(*store).documents, 2);
  ASSERT_TRUE(store->RollbackBatch().ok());

  const StoreCounts counts = CountsOrDie(*store);
  EXPECT_EQ(counts.documents, 1);
  EXPECT_EQ(counts.relations, 1);
  Result<bool> contains = store->Contains(MakeDocument("b", "Putin met Scholz again."));
  ASSERT_TRUE(contains.ok());
  EXPECT_FALSE(contains.value());
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok());
  const Entity* putin = FindEntity(input.value(), "person:vladimir putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"Putin"}));
}

TEST(StoreTest, BatchCallsOutOfOrderAreErrors) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->CommitBatch().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store->RollbackBatch().code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_EQ(store->BeginBatch().code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(CountsOrDie(*store).documents, 1);
}

TEST(StoreTest, DestroyingStoreWithOpenBatchRollsItBack) {
  const std::string path = TempDbPath("open_batch");
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(CountsOrDie(*store).documents, 0);
}

TEST(StoreTest, FailingStatementInBatchKeepsEarlierCommittedBatch) {
  const std::string path = TempDbPath("failing_batch");
  ASSERT_NE(OpenOrDie(path), nullptr);
  {
    // Stands in for any statement that fails mid-batch (disk full, constraint).
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER explode BEFORE INSERT ON relations WHEN NEW.predicate = 'explode' "
        "BEGIN SELECT RAISE(ABORT, 'relation refused by test trigger'); END");
  }
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
    ASSERT_TRUE(store->CommitBatch().ok());

    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(
        AddOrDie(*store, MakeDocument("b", "Putin met Scholz again."), MeetingExtraction("b")));
    Extraction failing = MeetingExtraction("c");
    failing.relations[0].predicate = "explode";
    Result<bool> added = store->AddDocument(MakeDocument("c", "Boom."), failing);
    ASSERT_FALSE(added.ok());
    const std::string& message = added.status().message();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("INSERT INTO relations"), std::string::npos) << message;
    EXPECT_NE(message.find("relation refused by test trigger"), std::string::npos) << message;
    // The failed document left nothing behind; the rest of the batch is intact.
    Result<bool> has_c = store->Contains(MakeDocument("c", "Boom."));
    ASSERT_TRUE(has_c.ok());
    EXPECT_FALSE(has_c.value());
    EXPECT_EQ(CountsOrDie(*store).documents, 2);
    // The run is interrupted here: the store goes away without a commit.
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const StoreCounts counts = CountsOrDie(*store);
  EXPECT_EQ(counts.documents, 1);
  EXPECT_EQ(counts.entities, 2);
  EXPECT_EQ(counts.mentions, 2);
  EXPECT_EQ(counts.relations, 1);
}

// Issue 5: schema version 2, Wikidata ids, alias counts, store ids and tracing.

std::string ReadSourceFile(const std::string& relative) {
  const char* env = std::getenv("POLGRAPH_SOURCE_DIR");
  std::ifstream in(std::string(env ? env : POLGRAPH_DEFAULT_SOURCE_DIR) + "/" + relative);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(StoreMigration, VersionOneDatabaseIsUpgradedInPlaceKeepingItsRows) {
  const std::string path = TempDbPath("v1");
  const std::string v1 = ReadSourceFile("schemas/migrations/0001_initial.sql");
  ASSERT_FALSE(v1.empty()) << "schemas/migrations/0001_initial.sql not found";
  {
    // A database exactly as a version-1 polgraph left it.
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(v1);
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO documents (id, doc_id, content_hash, source, line, format, title, date, "
        "url, publisher, text) VALUES (1, 'old', 'h1', 'a.txt', 0, 'txt', 'T', '2020-01-02', "
        "'', '', 'Ana Ruiz met Bo Lind.');"
        "INSERT INTO entities (id, entity_id, label, type) VALUES (1, 'person:ana ruiz', "
        "'Ana Ruiz', 'Person'), (2, 'person:bo lind', 'Bo Lind', 'Person');"
        "INSERT INTO aliases VALUES (1, 'Ana Ruiz', 2), (2, 'Bo Lind', 1);"
        "INSERT INTO relations (id, document, sentence, start_byte, end_byte, evidence, subject, "
        "object, subject_surface, object_surface, predicate, kind, cameo, goldstein, negated, "
        "hypothetical, date, confidence, trigger_text, extractor) VALUES (7, 1, 0, 0, 21, "
        "'Ana Ruiz met Bo Lind.', 1, 2, 'Ana Ruiz', 'Bo Lind', 'meet', 'event', '040', 1.0, 0, "
        "0, '', 0.8, 'met', 'pattern-1');");
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  ASSERT_EQ(input->relations.size(), 1u);
  EXPECT_EQ(input->relations[0].store_id, 7);
  EXPECT_EQ(input->relations[0].doc, "old");
  const Entity* ana = FindEntity(input.value(), "person:ana ruiz");
  ASSERT_NE(ana, nullptr);
  EXPECT_EQ(ana->wikidata, "");
  EXPECT_EQ(ana->alias_counts, (std::vector<int>{2}));
  // New rows carry Wikidata ids.
  Extraction extraction = MeetingExtraction("new");
  extraction.entities[0].wikidata = "Q7747";
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("new", "Putin met Scholz in Berlin."), extraction));
  store.reset();
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4);
  EXPECT_EQ(db.execAndGet("SELECT wikidata FROM entities WHERE entity_id = 'person:vladimir putin'")
                .getString(),
            "Q7747");
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM relations").getInt(), 2);
}

TEST(StoreTest, LoadGraphInputGivesWikidataAliasCountsAndStoreIds) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Extraction first = MeetingExtraction("a");
  first.entities[0].wikidata = "Q7747";
  first.entities[0].mentions.push_back(MakeMention("Putin", 30, 1));
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("a", "Putin met Scholz in Berlin. Putin left."), first));
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("b", "Putin met Scholz again."), MeetingExtraction("b")));
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const Entity* putin = FindEntity(input.value(), "person:vladimir putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->wikidata, "Q7747");
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"Putin"}));
  EXPECT_EQ(putin->alias_counts, (std::vector<int>{3}));  // two in a, one in b
  ASSERT_EQ(input->relations.size(), 2u);
  EXPECT_GT(input->relations[0].store_id, 0);
  EXPECT_NE(input->relations[0].store_id, input->relations[1].store_id);

  // The lean read the graph uses: ids and dates of documents only, related actors only.
  Extraction lonely = MeetingExtraction("c");
  lonely.entities.push_back(
      MakeEntity("country:fra", "France", ActorType::kCountry, {MakeMention("France", 0, 0)}));
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("c", "France. Putin met Scholz."), lonely));
  Result<GraphInput> lean =
      store->LoadGraphInput({.document_details = false, .unrelated_entities = false});
  ASSERT_TRUE(lean.ok()) << lean.status().ToString();
  EXPECT_EQ(lean->documents.size(), 3u);
  EXPECT_EQ(lean->documents[0].date, "2024-03-01");
  EXPECT_TRUE(lean->documents[0].title.empty());
  EXPECT_EQ(FindEntity(lean.value(), "country:fra"), nullptr);
  EXPECT_NE(FindEntity(lean.value(), "person:vladimir putin"), nullptr);
  EXPECT_EQ(lean->relations.size(), 3u);
  EXPECT_EQ(lean->relations[2].doc, "c");
}

TEST(StoreTest, LoadRelationsTracesEdgesToTheirSentences) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  Extraction a = MeetingExtraction("a");
  a.relations[0].sentence = 2;
  a.relations[0].start = 40;
  a.relations[0].end = 67;
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Intro..."), a));
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("b", "Putin met Scholz in Berlin."), MeetingExtraction("b")));
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok());
  std::vector<int64_t> ids = {input->relations[1].store_id, 999999, input->relations[0].store_id};
  Result<std::vector<Relation>> traced = store->LoadRelations(ids);
  ASSERT_TRUE(traced.ok()) << traced.status().ToString();
  ASSERT_EQ(traced->size(), 2u);  // the unknown id is skipped, the order kept
  EXPECT_EQ(traced.value()[0].doc, "b");
  EXPECT_EQ(traced.value()[1].doc, "a");
  EXPECT_EQ(traced.value()[1].sentence, 2);
  EXPECT_EQ(traced.value()[1].start, 40u);
  EXPECT_EQ(traced.value()[1].end, 67u);
  EXPECT_EQ(traced.value()[1].evidence, "Putin met Scholz in Berlin.");
  EXPECT_EQ(traced.value()[1].subject.id, "person:vladimir putin");
  EXPECT_EQ(traced.value()[1].store_id, ids[2]);
  Result<std::vector<Relation>> none = store->LoadRelations({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(StoreTest, SameIdWithConflictingCountriesIsKeptApart) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  const auto extraction = [](const std::string& doc, const std::string& country) {
    Extraction x = MeetingExtraction(doc);
    x.entities[1].id = "person:john smith";
    x.entities[1].label = "John Smith";
    x.entities[1].country = country;
    x.relations[0].object = Ref(x.entities[1], "Smith");
    return x;
  };
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("us", "Putin met US senator Smith."), extraction("us", "USA")));
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("uk", "Putin met British MP Smith."), extraction("uk", "GBR")));
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("us2", "Putin met senator Smith again."),
                       extraction("us2", "USA")));
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("any", "Putin met Smith."), extraction("any", "")));
  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok());
  const Entity* us = FindEntity(input.value(), "person:john smith");
  const Entity* uk = FindEntity(input.value(), "person:john smith@GBR");
  ASSERT_NE(us, nullptr);
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(us->country, "USA");
  EXPECT_EQ(uk->country, "GBR");
  ASSERT_EQ(input->relations.size(), 4u);
  std::map<std::string, std::string> object_of;
  for (const Relation& r : input->relations) object_of[r.doc] = r.object.id;
  EXPECT_EQ(object_of["us"], "person:john smith");
  EXPECT_EQ(object_of["uk"], "person:john smith@GBR");
  EXPECT_EQ(object_of["us2"], "person:john smith");
  EXPECT_EQ(object_of["any"], "person:john smith");  // no evidence: the first one
}

// Graph snapshots next to the database trust the generation to say whether the
// committed documents changed since they were written.
uint64_t GenerationOrDie(Store& store) {
  Result<uint64_t> generation = store.Generation();
  EXPECT_TRUE(generation.ok()) << generation.status().ToString();
  return generation.ok() ? generation.value() : 0;
}

TEST(StoreGeneration, IncreasesAfterACommittedBatchNotAfterARollback) {
  std::unique_ptr<Store> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  const uint64_t fresh = GenerationOrDie(*store);

  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
  ASSERT_TRUE(store->CommitBatch().ok());
  const uint64_t committed = GenerationOrDie(*store);
  EXPECT_GT(committed, fresh);

  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("b", "Putin met Scholz again."), MeetingExtraction("b")));
  ASSERT_TRUE(store->RollbackBatch().ok());
  EXPECT_EQ(GenerationOrDie(*store), committed);

  // A duplicate stores nothing and changes nothing.
  EXPECT_FALSE(
      store->AddDocument(MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")).value());
  EXPECT_EQ(GenerationOrDie(*store), committed);

  // Outside a batch, a stored document is its own commit.
  ASSERT_TRUE(
      AddOrDie(*store, MakeDocument("c", "Putin met Scholz in Rome."), MeetingExtraction("c")));
  const uint64_t single = GenerationOrDie(*store);
  EXPECT_GT(single, committed);

  Result<GraphInput> input = store->LoadGraphInput();
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  EXPECT_EQ(input->generation, single);
}

TEST(StoreGeneration, SurvivesReopeningAndDiffersBetweenNewDatabases) {
  const std::string path = TempDbPath("generation");
  uint64_t written = 0;
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(AddOrDie(*store, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
    written = GenerationOrDie(*store);
  }
  std::unique_ptr<Store> reopened = OpenOrDie(path);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(GenerationOrDie(*reopened), written);

  // A database rebuilt in the same place does not repeat the old numbers (the
  // start is random; two equal draws below 2^48 would be a 1 in 10^14 event).
  std::unique_ptr<Store> other = OpenOrDie(":memory:");
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(AddOrDie(*other, MakeDocument("a", "Putin met Scholz."), MeetingExtraction("a")));
  EXPECT_NE(GenerationOrDie(*other), written);
}

}  // namespace
}  // namespace polgraph::store
