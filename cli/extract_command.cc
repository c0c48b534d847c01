// `polgraph extract` and `polgraph entities`: relations or entities of each
// document as JSON lines on stdout, nothing stored.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "extract/extractor.h"
#include "ingest/reader.h"

namespace polgraph::cli {
namespace {

struct ExtractArgs {
  InputArgs input;
  double min_confidence = 0.0;
};

void AddCommonOptions(CLI::App* cmd, ExtractArgs* a) {
  AddInputOptions(cmd, &a->input);
  cmd->add_option("--min-confidence", a->min_confidence, "Drop relations below this confidence")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
}

// Reads, extracts and hands each document's extraction to `emit`.
int RunExtraction(const ExtractArgs& a, const std::string& verb,
                  const std::function<void(const Document&, const Extraction&)>& emit) {
  extract::ExtractOptions options = ExtractOptionsOf(a.input);
  options.min_confidence = a.min_confidence;
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
  cmd->callback([args, exit_code] {
    *exit_code = RunExtraction(*args, "extract", [](const Document& doc, const Extraction& ex) {
      for (const Relation& r : ex.relations) std::cout << RelationToJson(r, doc.title) << "\n";
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
