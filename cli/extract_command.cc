// `polgraph extract` and `polgraph entities`: relations or entities of each
// document as JSON lines on stdout, nothing stored. `extract --open` adds the
// open triples of every sentence; `--format carb` reads one tokenized sentence
// per line and writes the CaRB benchmark's tab-separated extractions.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "extract/extractor.h"
#include "extract/nlp/pipeline.h"
#include "extract/openie.h"
#include "ingest/reader.h"

namespace polgraph::cli {
namespace {

struct ExtractArgs {
  InputArgs input;
  double min_confidence = 0.0;
  bool open = false;             // --open: also open triples of every sentence
  std::string format = "jsonl";  // --format: jsonl, or carb (open triples of tokenized lines)
};

void AddCommonOptions(CLI::App* cmd, ExtractArgs* a) {
  AddInputOptions(cmd, &a->input);
  cmd->add_option("--min-confidence", a->min_confidence,
                  "Drop relations (and open triples) below this confidence")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
}

Result<std::unique_ptr<extract::nlp::NlpPipeline>> LoadPipeline(const std::string& dir) {
  std::string models = dir.empty() ? extract::nlp::DefaultModelsDir() : dir;
  if (models.empty()) {
    return Status::NotFound(
        "no models directory with tagger.pgm and parser.pgm found; pass --models DIR");
  }
  return extract::nlp::NlpPipeline::Load(models);
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteArgument(JsonWriter& w, const OpenArgument& a) {
  w.StartObject();
  w.Key("text");
  w.String(a.text.data(), static_cast<rapidjson::SizeType>(a.text.size()));
  w.Key("start");
  w.Uint64(a.start);
  w.Key("end");
  w.Uint64(a.end);
  w.EndObject();
}

// One open triple as a JSON line (without the newline): {"type":"open", "doc",
// "sentence", "arg1", "relation", "args", "confidence", "negated", "hypothetical"}.
std::string OpenTripleToJson(const std::string& doc, size_t sentence, const OpenTriple& t) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("type");
  w.String("open");
  w.Key("doc");
  w.String(doc.data(), static_cast<rapidjson::SizeType>(doc.size()));
  w.Key("sentence");
  w.Uint64(sentence);
  w.Key("arg1");
  WriteArgument(w, t.arg1);
  w.Key("relation");
  w.String(t.relation.data(), static_cast<rapidjson::SizeType>(t.relation.size()));
  w.Key("args");
  w.StartArray();
  for (const OpenArgument& a : t.args) WriteArgument(w, a);
  w.EndArray();
  w.Key("confidence");
  w.Double(static_cast<double>(static_cast<int>(t.confidence * 1000 + 0.5)) / 1000);
  w.Key("negated");
  w.Bool(t.negated);
  w.Key("hypothetical");
  w.Bool(t.hypothetical);
  w.EndObject();
  return buf.GetString();
}

// A CaRB field: tabs and line breaks would shift the columns.
std::string CarbField(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// `--format carb`: each line of each input is one sentence already split into
// tokens by spaces. Tokens are parsed as given, and every triple is written as
// `sentence \t confidence \t relation \t arg1 \t arg2 ...`, the order of CaRB's
// tab reader, so arguments keep the benchmark's tokenization.
int RunCarb(const ExtractArgs& a) {
  auto pipeline = LoadPipeline(a.input.models_dir);
  if (!pipeline.ok()) {
    std::cerr << "polgraph extract: " << pipeline.status().message() << "\n";
    return kExitFailed;
  }
  auto start = std::chrono::steady_clock::now();
  size_t sentences = 0, tokens = 0, triples = 0;
  extract::nlp::AnalyzedSentence sentence;
  std::vector<std::string_view> words;
  char buf[16];
  auto run = [&](std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      words.clear();
      for (size_t i = 0; i < line.size();) {
        size_t j = line.find_first_of(" \t", i);
        if (j == std::string::npos) j = line.size();
        if (j > i) words.emplace_back(line.data() + i, j - i);
        i = j + 1;
      }
      if (words.empty()) continue;
      ++sentences;
      tokens += words.size();
      pipeline.value()->AnalyzeWords(words, &sentence.words);
      for (size_t k = 0; k < words.size(); ++k) {
        sentence.words[k].token.start = static_cast<size_t>(words[k].data() - line.data());
        sentence.words[k].token.end = sentence.words[k].token.start + words[k].size();
      }
      sentence.start = 0;
      sentence.end = line.size();
      const std::string sentence_field = CarbField(line);
      for (const OpenTriple& t : extract::ExtractOpenTriples(sentence, line)) {
        if (t.confidence < a.min_confidence) continue;
        ++triples;
        std::snprintf(buf, sizeof buf, "%.3f", t.confidence);
        std::cout << sentence_field << '\t' << buf << '\t' << CarbField(t.relation) << '\t'
                  << CarbField(t.arg1.text);
        for (const OpenArgument& arg : t.args) std::cout << '\t' << CarbField(arg.text);
        std::cout << '\n';
      }
    }
  };
  for (const std::string& path : a.input.paths) {
    if (path == "-") {
      run(std::cin);
      continue;
    }
    std::ifstream in(path);
    if (!in) {
      std::cerr << "polgraph extract: " << path << ": cannot open: " << std::strerror(errno)
                << "\n";
      return kExitFailed;
    }
    run(in);
  }
  std::cout.flush();
  std::cerr << "polgraph extract: " << sentences << " sentences, " << tokens << " tokens, "
            << triples << " open triples in " << SecondsSince(start) << " s\n";
  return kExitOk;
}

// Reads, extracts and hands each document's extraction to `emit`.
int RunExtraction(const ExtractArgs& a, const std::string& verb,
                  const std::function<void(const Document&, const Extraction&)>& emit) {
  extract::ExtractOptions options = ExtractOptionsOf(a.input);
  options.min_confidence = a.min_confidence;
  options.open_triples = a.open;
  auto extractor = extract::LoadDefaultExtractor(options);
  if (!extractor.ok()) {
    std::cerr << "polgraph " << verb << ": " << extractor.status().message() << "\n";
    return kExitFailed;
  }
  ingest::ReadOptions read_options;
  read_options.default_date = a.input.date;
  StderrRejects rejects;
  Progress progress(verb);
  size_t docs = 0, bytes = 0, relations = 0, entities = 0;
  bool stopped = false;
  auto start = std::chrono::steady_clock::now();
  Status st = ingest::ReadPaths(
      a.input.paths, read_options,
      [&](Document&& doc) {
        if (stopped) return;
        Extraction ex;
        Status est = extractor.value()->Extract(doc, &ex, &rejects);
        if (!est.ok()) {
          rejects.Add(
              {doc.source, doc.line, -1, "extract", RejectCode::kNoText, est.message(), ""});
          return;
        }
        ++docs;
        bytes += doc.text.size();
        relations += ex.relations.size();
        entities += ex.entities.size();
        emit(doc, ex);
        progress.Update(docs, bytes);
        if (a.input.strict && rejects.count() > 0) stopped = true;
      },
      &rejects);
  progress.Finish();
  std::cout.flush();
  if (!st.ok()) {
    std::cerr << "polgraph " << verb << ": " << st.message() << "\n";
    return kExitFailed;
  }
  std::cerr << "polgraph " << verb << ": " << docs << " documents read, " << rejects.count()
            << " rejected, " << entities << " entities, " << relations << " relations in "
            << SecondsSince(start) << " s\n";
  if (rejects.count() > 0) return a.input.strict ? kExitFailed : kExitRejects;
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Write one JSON object per extracted relation to stdout (nothing is stored)");
  AddCommonOptions(cmd, args.get());
  cmd->add_flag("--open", args->open,
                "Also write open triples (subject | relation | object, any object) of every "
                "sentence, as JSON lines with \"type\":\"open\"");
  cmd->add_option("--format", args->format,
                  "jsonl, or carb: each input line is one space-tokenized sentence, and the "
                  "open triples are written as CaRB benchmark TSV "
                  "(sentence, confidence, relation, arg1, arg2...)")
      ->capture_default_str()
      ->check(CLI::IsMember({"jsonl", "carb"}));
  cmd->callback([args, exit_code] {
    if (args->format == "carb") {
      *exit_code = RunCarb(*args);
      return;
    }
    *exit_code = RunExtraction(*args, "extract", [](const Document& doc, const Extraction& ex) {
      for (const Relation& r : ex.relations) std::cout << RelationToJson(r, doc.title) << "\n";
      for (const OpenTriple& t : ex.open_triples) {
        std::cout << OpenTripleToJson(doc.id, t.sentence, t) << "\n";
      }
    });
  });
}

void AddEntitiesCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "entities", "List every actor entity of each document with its mentions, as JSON lines");
  AddCommonOptions(cmd, args.get());
  cmd->callback([args, exit_code] {
    *exit_code = RunExtraction(*args, "entities", [](const Document& doc, const Extraction& ex) {
      for (const Entity& e : ex.entities) std::cout << EntityToJson(doc.id, e) << "\n";
    });
  });
}

}  // namespace polgraph::cli
