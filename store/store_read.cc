// Store::LoadGraphInput: rebuilds the core types from the tables, for the graph.
// Runs once per command over the whole store, so its statements are not cached.
// Store::LoadRelations: single relations by row id, to show an edge's evidence.
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <unordered_map>

#include "core/reject.h"
#include "store/store_impl.h"

namespace polgraph::store {
namespace {

// The schema's CHECK constraints admit only names this build knows, so a miss
// means the file was edited by hand or is damaged.
Result<ActorType> ReadActorType(const std::string& path, const std::string& entity_id,
                                const std::string& name) {
  std::optional<ActorType> type = ParseActorType(name);
  if (!type) {
    return Status::Corruption(path + ": entity \"" + MakeExcerpt(entity_id) +
                              "\" has unknown type \"" + MakeExcerpt(name) +
                              "\"; expected Person, Organization, Country, Location, Group or "
                              "Concept");
  }
  return *type;
}

// Splits the stored metadata object back into raw JSON text per member. A SAX
// handler rather than a DOM, so numbers come back as written ("3.50" stays "3.50",
// big integers keep every digit) instead of being re-encoded through a double.
class MetadataSplitter {
 public:
  explicit MetadataSplitter(std::map<std::string, std::string>* out) : out_(out) {}

  bool StartObject() { return depth_++ == 0 ? true : writer_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    if (--depth_ == 0) return true;
    return Done(writer_.EndObject(members));
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    if (depth_ != 1) return writer_.Key(text, length, copy);
    key_.assign(text, length);
    return true;
  }
  bool StartArray() { return depth_++ > 0 && writer_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return Done(writer_.EndArray(elements));
  }
  bool Null() { return depth_ > 0 && Done(writer_.Null()); }
  bool Bool(bool b) { return depth_ > 0 && Done(writer_.Bool(b)); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool /*copy*/) {
    // Writer::RawNumber would quote the number; RawValue copies it verbatim.
    return depth_ > 0 && Done(writer_.RawValue(text, length, rapidjson::kNumberType));
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return depth_ > 0 && Done(writer_.String(text, length, copy));
  }
  // Unused: kParseNumbersAsStringsFlag sends every number to RawNumber.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }

 private:
  // After a value: when it was a whole member value, hand it out and start afresh.
  bool Done(bool ok) {
    if (ok && depth_ == 1) {
      out_->insert_or_assign(key_, std::string(buffer_.GetString(), buffer_.GetSize()));
      buffer_.Clear();
      writer_.Reset(buffer_);
    }
    return ok;
  }

  std::map<std::string, std::string>* out_;
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_{buffer_};
  int depth_ = 0;
  std::string key_;
};

// Inverse of MetadataJson in store_write.cc.
Status ReadMetadata(const std::string& path, const std::string& json, Document* doc) {
  MetadataSplitter splitter(&doc->metadata);
  rapidjson::Reader reader;
  rapidjson::StringStream stream(json.c_str());
  if (json.empty() || json[0] != '{' ||
      reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, splitter).IsError()) {
    return Status::Corruption(
        path + ": document \"" + MakeExcerpt(doc->id) +
        "\" has metadata_json that is not a JSON object: " + MakeExcerpt(json));
  }
  return Status::Ok();
}

// The columns ReadRelation reads, joined so that each row names both actors;
// callers append WHERE / ORDER BY. kRelationSelect names the document by its id;
// kRelationSelectByRow gives the documents row instead, for callers that map rows
// to ids themselves and so spare a lookup into the documents table (whose pages
// hold the article texts) per relation.
#define POLGRAPH_RELATION_COLUMNS(document)                                        \
  "SELECT r.id, " document                                                         \
  ", r.sentence, r.evidence, r.start_byte, r.end_byte, "                           \
  "s.entity_id, s.label, s.type, r.subject_surface, "                              \
  "o.entity_id, o.label, o.type, r.object_surface, "                               \
  "r.predicate, r.kind, r.cameo, r.goldstein, r.negated, r.hypothetical, r.date, " \
  "r.confidence, r.trigger_text, r.extractor, "                                    \
  "r.source_id, r.source_label, r.source_type FROM relations r "                   \
  "JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object"
constexpr const char* kRelationSelect =
    POLGRAPH_RELATION_COLUMNS("(SELECT doc_id FROM documents WHERE id = r.document)");
constexpr const char* kRelationSelectByRow = POLGRAPH_RELATION_COLUMNS("r.document");
#undef POLGRAPH_RELATION_COLUMNS

// The relation on the current row of a statement that starts with kRelationSelect.
Result<Relation> ReadRelation(const std::string& path, SQLite::Statement& row) {
  Relation relation;
  relation.store_id = row.getColumn(0).getInt64();
  relation.doc = row.getColumn(1).getString();
  relation.sentence = row.getColumn(2).getInt();
  relation.evidence = row.getColumn(3).getString();
  relation.start = static_cast<size_t>(row.getColumn(4).getInt64());
  relation.end = static_cast<size_t>(row.getColumn(5).getInt64());
  int column = 6;
  for (EntityRef* ref : {&relation.subject, &relation.object}) {
    ref->id = row.getColumn(column).getString();
    ref->label = row.getColumn(column + 1).getString();
    Result<ActorType> type = ReadActorType(path, ref->id, row.getColumn(column + 2).getString());
    if (!type.ok()) return type.status();
    ref->type = type.value();
    ref->surface = row.getColumn(column + 3).getString();
    column += 4;
  }
  relation.predicate = row.getColumn(14).getString();
  relation.kind = row.getColumn(15).getString() == "affiliation"
                      ? RelationKind::kAffiliation
                      : RelationKind::kEvent;  // CHECK admits only these two
  relation.cameo = row.getColumn(16).getString();
  if (!row.isColumnNull(17)) relation.goldstein = row.getColumn(17).getDouble();
  relation.negated = row.getColumn(18).getInt() != 0;
  relation.hypothetical = row.getColumn(19).getInt() != 0;
  relation.date = row.getColumn(20).getString();
  relation.confidence = row.getColumn(21).getDouble();
  relation.trigger = row.getColumn(22).getString();
  relation.extractor = row.getColumn(23).getString();
  if (!row.isColumnNull(24)) {
    relation.source.id = row.getColumn(24).getString();
    relation.source.label = row.getColumn(25).getString();
    Result<ActorType> type = ReadActorType(path, relation.source.id, row.getColumn(26).getString());
    if (!type.ok()) return type.status();
    relation.source.type = type.value();
  }
  return relation;
}

// One read transaction around several SELECTs, so that they and the generation
// read first describe one committed state even while another process commits
// batches (WAL readers see the database as of their first read). Inside an open
// batch the batch's own transaction already does this.
class ReadTransaction {
 public:
  explicit ReadTransaction(StoreImpl& impl) : impl_(impl), owned_(impl.Autocommit()) {
    if (owned_) impl_.Exec("BEGIN");
  }
  // Nothing was written, so ending it cannot lose anything; a failure is moot.
  ~ReadTransaction() {
    if (owned_ && !impl_.Autocommit()) impl_.db.tryExec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  StoreImpl& impl_;
  bool owned_;
};

}  // namespace

Result<GraphInput> StoreImpl::LoadGraphInput(const GraphInputOptions& options) {
  // Declared before the statements, so they are finalised before it ends.
  ReadTransaction transaction(*this);
  GraphInput input;
  Result<uint64_t> generation = ReadGeneration();
  if (!generation.ok()) return generation.status();
  input.generation = generation.value();
  // Preparing throws before Step could record the statement for the error message.
  const auto prepare = [this](const std::string& sql) {
    running_sql = sql;
    return SQLite::Statement(db, sql);
  };

  std::unordered_map<int64_t, size_t> entity_index;  // entities.id -> index in input.entities
  SQLite::Statement entities =
      prepare(options.unrelated_entities
                  ? "SELECT id, entity_id, label, type, country, wikidata FROM entities ORDER BY id"
                  : "SELECT id, entity_id, label, type, country, wikidata FROM entities "
                    "WHERE id IN (SELECT subject FROM relations) "
                    "OR id IN (SELECT object FROM relations) ORDER BY id");
  while (Step(entities)) {
    Entity entity;
    entity.id = entities.getColumn(1).getString();
    entity.label = entities.getColumn(2).getString();
    Result<ActorType> type = ReadActorType(path, entity.id, entities.getColumn(3).getString());
    if (!type.ok()) return type.status();
    entity.type = type.value();
    entity.country = entities.getColumn(4).getString();
    entity.wikidata = entities.getColumn(5).getString();
    entity.aliases.push_back(entity.label);  // label first, as in core::Entity
    entity.alias_counts.push_back(0);        // set when the aliases table has the label
    entity_index.emplace(entities.getColumn(0).getInt64(), input.entities.size());
    input.entities.push_back(std::move(entity));
  }

  // Most frequent form first; ties in byte order so the output is deterministic.
  SQLite::Statement aliases = prepare(
      options.unrelated_entities
          ? "SELECT entity, alias, count FROM aliases ORDER BY entity, count DESC, alias"
          : "SELECT entity, alias, count FROM aliases "
            "WHERE entity IN (SELECT subject FROM relations) "
            "OR entity IN (SELECT object FROM relations) ORDER BY entity, count DESC, alias");
  while (Step(aliases)) {
    auto found = entity_index.find(aliases.getColumn(0).getInt64());
    if (found == entity_index.end()) continue;  // an entity not asked for
    Entity& entity = input.entities[found->second];
    std::string alias = aliases.getColumn(1).getString();
    const int count = aliases.getColumn(2).getInt();
    if (alias == entity.label) {
      entity.alias_counts.front() = count;
    } else {
      entity.aliases.push_back(std::move(alias));
      entity.alias_counts.push_back(count);
    }
  }

  std::unordered_map<int64_t, size_t> document_index;  // documents.id -> index
  if (options.document_details) {
    SQLite::Statement documents = prepare(
        "SELECT id, doc_id, content_hash, source, line, format, title, "
        "date, url, publisher, metadata_json FROM documents "
        "ORDER BY id");
    while (Step(documents)) {
      Document doc;
      doc.id = documents.getColumn(1).getString();
      doc.content_hash = documents.getColumn(2).getString();
      doc.source = documents.getColumn(3).getString();
      doc.line = documents.getColumn(4).getInt64();
      doc.format = documents.getColumn(5).getString();
      doc.title = documents.getColumn(6).getString();
      doc.date = documents.getColumn(7).getString();
      doc.url = documents.getColumn(8).getString();
      doc.publisher = documents.getColumn(9).getString();
      if (Status status = ReadMetadata(path, documents.getColumn(10).getString(), &doc);
          !status.ok()) {
        return status;
      }
      document_index.emplace(documents.getColumn(0).getInt64(), input.documents.size());
      input.documents.push_back(std::move(doc));
    }
  } else {
    // Answered from the index documents_by_doc_id_date (0002) alone: a scan of the
    // table would read every article text.
    SQLite::Statement documents =
        prepare("SELECT id, doc_id, date FROM documents INDEXED BY documents_by_doc_id_date");
    while (Step(documents)) {
      Document doc;
      doc.id = documents.getColumn(1).getString();
      doc.date = documents.getColumn(2).getString();
      document_index.emplace(documents.getColumn(0).getInt64(), input.documents.size());
      input.documents.push_back(std::move(doc));
    }
  }

  SQLite::Statement relations = prepare(std::string(kRelationSelectByRow) + " ORDER BY r.id");
  while (Step(relations)) {
    Result<Relation> relation = ReadRelation(path, relations);
    if (!relation.ok()) return relation.status();
    auto document = document_index.find(relations.getColumn(1).getInt64());
    if (document == document_index.end()) {  // foreign keys make this unreachable
      return Status::Corruption(path + ": relation " + std::to_string(relation->store_id) +
                                " names a document that is not stored");
    }
    relation.value().doc = input.documents[document->second].id;
    input.relations.push_back(std::move(relation).value());
  }
  return input;
}

Result<std::vector<Relation>> StoreImpl::LoadRelations(const std::vector<int64_t>& ids) {
  std::vector<Relation> out;
  out.reserve(ids.size());
  static const std::string kSql = std::string(kRelationSelect) + " WHERE r.id = ?1";
  for (int64_t id : ids) {
    SQLite::Statement& select = Prepared(load_relation, kSql.c_str());
    select.bind(1, id);
    if (Step(select)) {
      Result<Relation> relation = ReadRelation(path, select);
      if (!relation.ok()) {
        select.reset();
        return relation.status();
      }
      out.push_back(std::move(relation).value());
    }
    select.reset();
  }
  return out;
}

}  // namespace polgraph::store
