// Store::AddDocument: one document with its entities, mentions and relations,
// written atomically through statements prepared once and bound per row, so that
// ingesting tens of thousands of documents costs no SQL parsing per row.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <unordered_map>

#include "core/reject.h"
#include "store/store_impl.h"

namespace polgraph::store {
namespace {

// Checks what the schema cannot: every row must be attributable to this document
// and to a named entity. Returns InvalidArgument naming the document otherwise.
Status Validate(const std::string& path, const Document& doc, const Extraction& extraction) {
  const std::string where = path + ": document \"" + MakeExcerpt(doc.id) + "\"";
  if (doc.id.empty()) return Status::InvalidArgument(path + ": document has an empty id");
  for (const Entity& entity : extraction.entities) {
    if (entity.id.empty()) {
      return Status::InvalidArgument(where + ": entity \"" + MakeExcerpt(entity.label) +
                                     "\" has an empty id");
    }
  }
  for (size_t i = 0; i < extraction.relations.size(); ++i) {
    const Relation& relation = extraction.relations[i];
    const std::string which =
        where + ": relation " + std::to_string(i) + " (" + MakeExcerpt(relation.predicate) + ")";
    if (!relation.doc.empty() && relation.doc != doc.id) {
      return Status::InvalidArgument(which + " belongs to document \"" + MakeExcerpt(relation.doc) +
                                     "\"");
    }
    if (relation.subject.id.empty() || relation.object.id.empty()) {
      return Status::InvalidArgument(which + " has a subject or object with an empty id");
    }
  }
  return Status::Ok();
}

// Document::metadata holds raw JSON values copied from the input. They are
// written verbatim (no re-encoding of numbers or escapes) but parsed first, so
// one broken value cannot make the whole stored object unreadable.
Result<std::string> MetadataJson(const std::string& path, const Document& doc) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [key, raw] : doc.metadata) {
    rapidjson::Document value;
    value.Parse(raw.data(), raw.size());
    if (value.HasParseError()) {
      return Status::InvalidArgument(path + ": document \"" + MakeExcerpt(doc.id) +
                                     "\": metadata field \"" + MakeExcerpt(key) +
                                     "\" is not valid JSON: " + MakeExcerpt(raw));
    }
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    writer.RawValue(raw.data(), raw.size(), value.GetType());
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Makes AddDocument all-or-nothing: its own transaction outside a batch, a
// savepoint inside one, so a failure drops this document and keeps the batch.
class DocumentScope {
 public:
  explicit DocumentScope(StoreImpl& impl) : impl_(impl) {
    impl_.Exec(impl_.in_batch ? "SAVEPOINT add_document" : "BEGIN IMMEDIATE");
  }
  ~DocumentScope() {
    if (committed_) return;
    impl_.ResetStatements();
    if (impl_.in_batch) {
      impl_.db.tryExec("ROLLBACK TO add_document");
      impl_.db.tryExec("RELEASE add_document");
    } else {
      impl_.db.tryExec("ROLLBACK");
    }
  }
  DocumentScope(const DocumentScope&) = delete;
  DocumentScope& operator=(const DocumentScope&) = delete;

  void Commit() {
    impl_.Exec(impl_.in_batch ? "RELEASE add_document" : "COMMIT");
    committed_ = true;
  }

 private:
  StoreImpl& impl_;
  bool committed_ = false;
};

// Writes the rows of one document. Each entity is upserted once per document and
// its surface forms are counted here, then added to aliases in one pass.
class DocumentWriter {
 public:
  explicit DocumentWriter(StoreImpl& impl) : impl_(impl) {}

  int64_t InsertDocument(const Document& doc, const std::string& hash,
                         const std::string& metadata) {
    SQLite::Statement& insert = impl_.Prepared(
        impl_.insert_document,
        "INSERT INTO documents (doc_id, content_hash, source, line, format, title, date, url, "
        "publisher, metadata_json, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insert.bind(1, doc.id);
    insert.bind(2, hash);
    insert.bind(3, doc.source);
    insert.bind(4, static_cast<int64_t>(doc.line));
    insert.bind(5, doc.format);
    insert.bind(6, doc.title);
    insert.bind(7, doc.date);
    insert.bind(8, doc.url);
    insert.bind(9, doc.publisher);
    insert.bind(10, metadata);
    insert.bindNoCopy(11, doc.text);  // the largest value; it outlives the statement's run
    impl_.Run(insert);
    return impl_.db.getLastInsertRowid();
  }

  void AddEntity(int64_t document, const Entity& entity) {
    const int64_t row =
        Upsert(StorageId(entity), entity.label, entity.type, entity.country, entity.wikidata);
    // Relations of this document name the entity by its extraction id; they
    // belong to the row chosen here, even when StorageId qualified it.
    rows_.insert_or_assign(entity.id, row);
    // Counts are mentions per form; a pronoun is not a name of the actor.
    std::map<std::string, int64_t> seen;
    for (const Mention& mention : entity.mentions) {
      InsertMention(document, row, mention);
      if (!mention.pronoun && !mention.text.empty()) ++seen[mention.text];
    }
    seen.try_emplace(entity.label, 1);
    for (const std::string& alias : entity.aliases) seen.try_emplace(alias, 1);
    std::map<std::string, int64_t>& forms = forms_[row];
    for (const auto& [form, count] : seen) {
      if (!form.empty()) forms[form] += count;
    }
  }

  int64_t EntityRow(const EntityRef& ref) {
    auto found = rows_.find(ref.id);
    const int64_t row =
        found != rows_.end() ? found->second : Upsert(ref.id, ref.label, ref.type, "", "");
    // Forms already counted from the entity's mentions are not counted again.
    std::map<std::string, int64_t>& forms = forms_[row];
    if (!ref.label.empty()) forms.try_emplace(ref.label, 1);
    if (!ref.surface.empty()) forms.try_emplace(ref.surface, 1);
    return row;
  }

  void InsertRelation(int64_t document, const Relation& relation) {
    const int64_t subject = EntityRow(relation.subject);
    const int64_t object = EntityRow(relation.object);
    SQLite::Statement& insert = impl_.Prepared(
        impl_.insert_relation,
        "INSERT INTO relations (document, sentence, start_byte, end_byte, evidence, subject, "
        "object, subject_surface, object_surface, predicate, kind, cameo, goldstein, negated, "
        "hypothetical, date, confidence, trigger_text, extractor, source_id, source_label, "
        "source_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)");
    insert.bind(1, document);
    insert.bind(2, relation.sentence);
    insert.bind(3, static_cast<int64_t>(relation.start));
    insert.bind(4, static_cast<int64_t>(relation.end));
    insert.bind(5, relation.evidence);
    insert.bind(6, subject);
    insert.bind(7, object);
    insert.bind(8, relation.subject.surface);
    insert.bind(9, relation.object.surface);
    insert.bind(10, relation.predicate);
    insert.bind(11, RelationKindName(relation.kind));
    insert.bind(12, relation.cameo);
    if (relation.goldstein) {
      insert.bind(13, *relation.goldstein);
    } else {
      insert.bind(13);  // NULL: no score, which is not the same as a neutral 0.0
    }
    insert.bind(14, relation.negated ? 1 : 0);
    insert.bind(15, relation.hypothetical ? 1 : 0);
    insert.bind(16, relation.date);
    insert.bind(17, relation.confidence);
    insert.bind(18, relation.trigger);
    insert.bind(19, relation.extractor);
    if (relation.source.id.empty()) {
      for (int column : {20, 21, 22}) insert.bind(column);  // NULL: the article's own claim
    } else {
      insert.bind(20, relation.source.id);
      insert.bind(21, relation.source.label);
      insert.bind(22, ActorTypeName(relation.source.type));
    }
    impl_.Run(insert);
  }

  void WriteAliases() {
    for (const auto& [row, forms] : forms_) {
      for (const auto& [form, count] : forms) {
        SQLite::Statement& upsert = impl_.Prepared(
            impl_.upsert_alias,
            "INSERT INTO aliases (entity, alias, count) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (entity, alias) DO UPDATE SET count = aliases.count + excluded.count");
        upsert.bind(1, row);
        upsert.bind(2, form);
        upsert.bind(3, count);
        impl_.Run(upsert);
      }
    }
  }

 private:
  // The entity_id under which `entity` is stored. Names collide across documents
  // ("John Smith" the British MP, "John Smith" the US senator): when the stored
  // entity of that id and this one both carry a Wikidata id, or both a country,
  // and they differ, this one is kept apart as "<id>@<wikidata or country>".
  // Without such evidence the two are one actor, as before.
  std::string StorageId(const Entity& entity) {
    if (entity.wikidata.empty() && entity.country.empty()) return entity.id;
    SQLite::Statement& find = impl_.Prepared(
        impl_.find_entity, "SELECT country, wikidata FROM entities WHERE entity_id = ?1");
    find.bind(1, entity.id);
    bool conflict = false;
    if (impl_.Step(find)) {
      const std::string country = find.getColumn(0).getString();
      const std::string wikidata = find.getColumn(1).getString();
      if (!wikidata.empty() && !entity.wikidata.empty()) {
        conflict = wikidata != entity.wikidata;
      } else {
        conflict = !country.empty() && !entity.country.empty() && country != entity.country;
      }
    }
    find.reset();
    if (!conflict) return entity.id;
    return entity.id + "@" + (entity.wikidata.empty() ? entity.country : entity.wikidata);
  }

  // The row of entity `id`, created when new. An existing entity keeps its type
  // (the first seen) and its label unless `label` is longer in characters (SQL
  // length()), i.e. more complete: "Putin" never replaces "Vladimir Putin".
  // Country and Wikidata id are filled in when still unknown, never replaced.
  int64_t Upsert(const std::string& id, const std::string& label, ActorType type,
                 const std::string& country, const std::string& wikidata) {
    SQLite::Statement& upsert =
        impl_.Prepared(impl_.upsert_entity,
                       "INSERT INTO entities (entity_id, label, type, country, wikidata) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT (entity_id) DO UPDATE SET "
                       "label = CASE WHEN length(excluded.label) > length(entities.label) "
                       "THEN excluded.label ELSE entities.label END, "
                       "country = CASE WHEN entities.country = '' THEN excluded.country "
                       "ELSE entities.country END, "
                       "wikidata = CASE WHEN entities.wikidata = '' THEN excluded.wikidata "
                       "ELSE entities.wikidata END "
                       "RETURNING id");
    upsert.bind(1, id);
    upsert.bind(2, label);
    upsert.bind(3, ActorTypeName(type));
    upsert.bind(4, country);
    upsert.bind(5, wikidata);
    impl_.Step(upsert);
    const int64_t row = upsert.getColumn(0).getInt64();
    upsert.reset();
    rows_.insert_or_assign(id, row);
    return row;
  }

  void InsertMention(int64_t document, int64_t entity, const Mention& mention) {
    SQLite::Statement& insert = impl_.Prepared(
        impl_.insert_mention,
        "INSERT INTO mentions (document, entity, sentence, start_byte, end_byte, text, pronoun) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, document);
    insert.bind(2, entity);
    insert.bind(3, mention.sentence);
    insert.bind(4, static_cast<int64_t>(mention.start));
    insert.bind(5, static_cast<int64_t>(mention.end));
    insert.bind(6, mention.text);
    insert.bind(7, mention.pronoun ? 1 : 0);
    impl_.Run(insert);
  }

  StoreImpl& impl_;
  std::unordered_map<std::string, int64_t> rows_;            // entity_id -> entities.id
  std::map<int64_t, std::map<std::string, int64_t>> forms_;  // entities.id -> form -> count
};

}  // namespace

Result<bool> StoreImpl::AddDocument(const Document& doc, const Extraction& extraction) {
  if (Status valid = Validate(path, doc, extraction); !valid.ok()) return valid;
  Result<std::string> metadata = MetadataJson(path, doc);
  if (!metadata.ok()) return metadata.status();
  if (in_batch && Autocommit()) {
    return Status::IoError(path +
                           ": the open batch was rolled back by SQLite after an earlier error; "
                           "roll it back and begin a new one");
  }
  const std::string hash = DocumentHash(doc);

  DocumentScope scope(*this);
  // Checked inside the transaction: BEGIN IMMEDIATE holds the write lock, so no
  // other process can store the same document between the check and the insert.
  if (HasDocument(doc.id, hash)) return false;
  DocumentWriter writer(*this);
  const int64_t document = writer.InsertDocument(doc, hash, metadata.value());
  for (const Entity& entity : extraction.entities) writer.AddEntity(document, entity);
  for (const Relation& relation : extraction.relations) writer.InsertRelation(document, relation);
  writer.WriteAliases();
  // Inside the document's transaction: the new generation becomes visible with the
  // document, and a rolled-back batch takes its bumps back with it.
  BumpGeneration();
  scope.Commit();
  return true;
}

}  // namespace polgraph::store
