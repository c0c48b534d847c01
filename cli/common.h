// Shared plumbing of the subcommands: exit codes, reject reporting, progress and
// the JSON form of relations. No domain logic lives here.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/entity.h"
#include "core/reject.h"
#include "core/relation.h"
#include "extract/extractor.h"

namespace polgraph::cli {

// Exit codes (STYLE.md): 0 clean, 1 failed, 2 bad command line, 3 finished with rejects.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitUsage = 2, kExitRejects = 3 };

// Prints each reject to stderr as it arrives and counts them. With `strict`, the
// caller stops at the first one.
class StderrRejects : public RejectSink {
 public:
  void Add(Reject reject) override;
  size_t count() const { return count_; }

 private:
  size_t count_ = 0;
};

// A one-line progress display on stderr, shown only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::string verb);
  void Update(size_t documents, size_t bytes);
  void Finish();  // clears the line

 private:
  std::string verb_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

// One extracted relation as the `extract` JSON line (see
// schemas/extract_record.schema.json), without a trailing newline.
std::string RelationToJson(const Relation& r, const std::string& title);

// One entity of a document as the `entities` JSON line.
std::string EntityToJson(const std::string& doc, const Entity& e);

// The options every command that reads articles takes.
struct InputArgs {
  std::vector<std::string> paths;          // files, directories, "-"
  std::string date;                        // --date for undated documents
  std::string lexicon_dir;                 // --lexicon-dir
  std::vector<std::string> user_lexicons;  // --lexicon, repeatable
  std::string models_dir;                  // --models
  bool strict = false;                     // --strict
};
void AddInputOptions(CLI::App* cmd, InputArgs* args);
// The extractor options these inputs ask for.
extract::ExtractOptions ExtractOptionsOf(const InputArgs& args);

double SecondsSince(std::chrono::steady_clock::time_point start);

}  // namespace polgraph::cli
