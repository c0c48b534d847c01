#include "cli/common.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <iostream>

#include "core/text.h"

namespace polgraph::cli {

void StderrRejects::Add(Reject reject) {
  ++count_;
  std::cerr << "polgraph: " << reject.ToString() << "\n";
}

Progress::Progress(std::string verb)
    : verb_(std::move(verb)),
      enabled_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(size_t documents, size_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double secs = SecondsSince(start_);
  std::fprintf(stderr, "\r%s: %zu documents, %.1f MB, %.1f docs/s   ", verb_.c_str(), documents,
               static_cast<double>(bytes) / 1e6,
               secs > 0 ? static_cast<double>(documents) / secs : 0.0);
}

void Progress::Finish() {
  if (enabled_) std::fprintf(stderr, "\r%*s\r", 72, "");
}

void AddInputOptions(CLI::App* cmd, InputArgs* a) {
  cmd->add_option("paths", a->paths, "Files, directories (recursive) or - for stdin")->required();
  cmd->add_option("--date", a->date, "Date (YYYY-MM-DD) for documents that have none")
      ->check([](const std::string& d) {
        return IsIsoDate(d) ? std::string() : "expected YYYY-MM-DD, got \"" + d + "\"";
      });
  cmd->add_option("--lexicon", a->user_lexicons,
                  "Your own actor dictionary (TSV, see schemas/user_lexicon.md); repeatable")
      ->check(CLI::ExistingFile);
  cmd->add_option("--lexicon-dir", a->lexicon_dir,
                  "Read all lexicon TSV files from this directory instead of the built-in ones")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--models", a->models_dir,
                  "Directory with tagger.pgm and parser.pgm (default: $POLGRAPH_MODELS, then "
                  "the shipped models/)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--strict", a->strict, "Stop at the first rejected input");
}

extract::ExtractOptions ExtractOptionsOf(const InputArgs& a) {
  extract::ExtractOptions options;
  options.lexicon_dir = a.lexicon_dir;
  options.user_lexicons = a.user_lexicons;
  options.models_dir = a.models_dir;
  return options;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(JsonWriter& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void WriteEntityRef(JsonWriter& w, const EntityRef& e) {
  w.StartObject();
  w.Key("id");
  WriteString(w, e.id);
  w.Key("label");
  WriteString(w, e.label);
  w.Key("type");
  w.String(ActorTypeName(e.type));
  w.Key("text");
  WriteString(w, e.surface);
  w.EndObject();
}

}  // namespace

std::string RelationToJson(const Relation& r, const std::string& title) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("doc");
  WriteString(w, r.doc);
  if (!title.empty()) {
    w.Key("title");
    WriteString(w, title);
  }
  w.Key("sentence");
  w.Int(r.sentence);
  w.Key("start");
  w.Uint64(r.start);
  w.Key("end");
  w.Uint64(r.end);
  w.Key("evidence");
  WriteString(w, r.evidence);
  w.Key("subject");
  WriteEntityRef(w, r.subject);
  w.Key("predicate");
  WriteString(w, r.predicate);
  w.Key("object");
  WriteEntityRef(w, r.object);
  w.Key("kind");
  w.String(RelationKindName(r.kind));
  w.Key("cameo");
  if (r.cameo.empty()) {
    w.Null();
  } else {
    WriteString(w, r.cameo);
  }
  w.Key("goldstein");
  if (r.goldstein) {
    w.Double(*r.goldstein);
  } else {
    w.Null();
  }
  w.Key("negated");
  w.Bool(r.negated);
  w.Key("hypothetical");
  w.Bool(r.hypothetical);
  w.Key("date");
  if (r.date.empty()) {
    w.Null();
  } else {
    WriteString(w, r.date);
  }
  w.Key("confidence");
  w.Double(r.confidence);
  w.Key("trigger");
  WriteString(w, r.trigger);
  w.Key("extractor");
  WriteString(w, r.extractor);
  w.Key("source");
  if (r.source.id.empty()) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("id");
    WriteString(w, r.source.id);
    w.Key("label");
    WriteString(w, r.source.label);
    w.Key("type");
    w.String(ActorTypeName(r.source.type));
    w.EndObject();
  }
  w.EndObject();
  return buf.GetString();
}

std::string EntityToJson(const std::string& doc, const Entity& e) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("doc");
  WriteString(w, doc);
  w.Key("id");
  WriteString(w, e.id);
  w.Key("label");
  WriteString(w, e.label);
  w.Key("type");
  w.String(ActorTypeName(e.type));
  if (!e.country.empty()) {
    w.Key("country");
    WriteString(w, e.country);
  }
  if (!e.wikidata.empty()) {
    w.Key("wikidata");
    WriteString(w, e.wikidata);
  }
  w.Key("aliases");
  w.StartArray();
  for (const std::string& a : e.aliases) WriteString(w, a);
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const Mention& m : e.mentions) {
    w.StartObject();
    w.Key("start");
    w.Uint64(m.start);
    w.Key("end");
    w.Uint64(m.end);
    w.Key("text");
    WriteString(w, m.text);
    w.Key("sentence");
    w.Int(m.sentence);
    if (m.pronoun) {
      w.Key("pronoun");
      w.Bool(true);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

}  // namespace polgraph::cli
