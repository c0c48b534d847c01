// Store::LoadGraphInput: rebuilds the core types from the tables, for the graph.
// Runs once per command over the whole store, so its statements are not cached.
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

}  // namespace

Result<GraphInput> StoreImpl::LoadGraphInput() {
  GraphInput input;

  std::unordered_map<int64_t, size_t> entity_index;  // entities.id -> index in input.entities
  SQLite::Statement entities(db,
                             "SELECT id, entity_id, label, type, country FROM entities "
                             "ORDER BY id");
  while (Step(entities)) {
    Entity entity;
    entity.id = entities.getColumn(1).getString();
    entity.label = entities.getColumn(2).getString();
    Result<ActorType> type = ReadActorType(path, entity.id, entities.getColumn(3).getString());
    if (!type.ok()) return type.status();
    entity.type = type.value();
    entity.country = entities.getColumn(4).getString();
    entity.aliases.push_back(entity.label);  // label first, as in core::Entity
    entity_index.emplace(entities.getColumn(0).getInt64(), input.entities.size());
    input.entities.push_back(std::move(entity));
  }

  // Most frequent form first; ties in byte order so the output is deterministic.
  SQLite::Statement aliases(db,
                            "SELECT entity, alias FROM aliases "
                            "ORDER BY entity, count DESC, alias");
  while (Step(aliases)) {
    auto found = entity_index.find(aliases.getColumn(0).getInt64());
    if (found == entity_index.end()) continue;  // foreign keys make this unreachable
    Entity& entity = input.entities[found->second];
    std::string alias = aliases.getColumn(1).getString();
    if (alias != entity.label) entity.aliases.push_back(std::move(alias));
  }

  SQLite::Statement documents(db,
                              "SELECT doc_id, content_hash, source, line, format, title, "
                              "date, url, publisher, metadata_json FROM documents "
                              "ORDER BY id");
  while (Step(documents)) {
    Document doc;
    doc.id = documents.getColumn(0).getString();
    doc.content_hash = documents.getColumn(1).getString();
    doc.source = documents.getColumn(2).getString();
    doc.line = documents.getColumn(3).getInt64();
    doc.format = documents.getColumn(4).getString();
    doc.title = documents.getColumn(5).getString();
    doc.date = documents.getColumn(6).getString();
    doc.url = documents.getColumn(7).getString();
    doc.publisher = documents.getColumn(8).getString();
    if (Status status = ReadMetadata(path, documents.getColumn(9).getString(), &doc);
        !status.ok()) {
      return status;
    }
    input.documents.push_back(std::move(doc));
  }

  SQLite::Statement relations(
      db,
      "SELECT d.doc_id, r.sentence, r.evidence, r.start_byte, r.end_byte, "
      "s.entity_id, s.label, s.type, r.subject_surface, "
      "o.entity_id, o.label, o.type, r.object_surface, "
      "r.predicate, r.kind, r.cameo, r.goldstein, r.negated, r.hypothetical, r.date, "
      "r.confidence, r.trigger_text, r.extractor "
      "FROM relations r JOIN documents d ON d.id = r.document "
      "JOIN entities s ON s.id = r.subject JOIN entities o ON o.id = r.object "
      "ORDER BY r.id");
  while (Step(relations)) {
    Relation relation;
    relation.doc = relations.getColumn(0).getString();
    relation.sentence = relations.getColumn(1).getInt();
    relation.evidence = relations.getColumn(2).getString();
    relation.start = static_cast<size_t>(relations.getColumn(3).getInt64());
    relation.end = static_cast<size_t>(relations.getColumn(4).getInt64());
    int column = 5;
    for (EntityRef* ref : {&relation.subject, &relation.object}) {
      ref->id = relations.getColumn(column).getString();
      ref->label = relations.getColumn(column + 1).getString();
      Result<ActorType> type =
          ReadActorType(path, ref->id, relations.getColumn(column + 2).getString());
      if (!type.ok()) return type.status();
      ref->type = type.value();
      ref->surface = relations.getColumn(column + 3).getString();
      column += 4;
    }
    relation.predicate = relations.getColumn(13).getString();
    relation.kind = relations.getColumn(14).getString() == "affiliation"
                        ? RelationKind::kAffiliation
                        : RelationKind::kEvent;  // CHECK admits only these two
    relation.cameo = relations.getColumn(15).getString();
    if (!relations.isColumnNull(16)) relation.goldstein = relations.getColumn(16).getDouble();
    relation.negated = relations.getColumn(17).getInt() != 0;
    relation.hypothetical = relations.getColumn(18).getInt() != 0;
    relation.date = relations.getColumn(19).getString();
    relation.confidence = relations.getColumn(20).getDouble();
    relation.trigger = relations.getColumn(21).getString();
    relation.extractor = relations.getColumn(22).getString();
    input.relations.push_back(std::move(relation));
  }
  return input;
}

}  // namespace polgraph::store
