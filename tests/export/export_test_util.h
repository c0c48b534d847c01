// Shared by the export tests: a small graph with awkward text, temporary files and
// running the external consumers (xmllint, python3) that read the output back.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "graph/knowledge_graph.h"

namespace polgraph::exporter::export_test {

// Names the sample graph uses; the tests check that each survives a round trip.
inline const std::string kAmpersandName = "Smith & Sons <\"Holding\">";
// check_jsonld.py finds IRIs with a regex over N-Quads, so "<...>" inside a literal
// looks like a bad IRI to it; its run uses this name instead.
inline const std::string kAmpersandNameNoAngles = "Smith & Sons \"Holding\"";
inline const std::string kCyrillicName = "Владимир Путин";
inline const std::string kChineseName = "李强";
inline constexpr double kPreciseConfidence = 0.123456789;

// Three actors (one with & < " in its name, one Cyrillic, one Chinese), two
// edges, one of them with the confidence above and a Goldstein score.
graph::KnowledgeGraph SampleGraph(const std::string& firm_name = kAmpersandName);

// ../shared as ctest passes it (POLGRAPH_SHARED_DIR), else next to the source
// tree; nullopt when the folder does not exist.
std::optional<std::string> SharedDir();
// The repository root (POLGRAPH_SOURCE_DIR, else the one this test was built from).
std::string SourceDir();
// True when /usr/bin/python3 runs and can import every module in `modules`
// (space-separated).
bool PythonHas(const std::string& modules);

// Why node-based readers cannot run (node missing, or tests/export/js/node_modules
// not installed by tools/install_deps.sh), or nullopt when they can.
std::optional<std::string> NodeReadersMissing();
// Runs `node tests/export/js/<script> <file>` and parses its JSON output into
// *doc; a failure message when the script fails or prints no JSON.
std::optional<std::string> RunJsonScript(const std::string& interpreter, const std::string& script,
                                         const std::string& args, rapidjson::Document* doc);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};
CommandResult RunCommand(const std::string& command);

// A fresh path under the system temp folder, removed when the object dies.
class TempFile {
 public:
  explicit TempFile(const std::string& suffix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Single-quoted for /bin/sh.
std::string ShellQuote(const std::string& text);

}  // namespace polgraph::exporter::export_test
