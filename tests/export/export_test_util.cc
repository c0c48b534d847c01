#include "export_test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

namespace polgraph::exporter::export_test {

graph::KnowledgeGraph SampleGraph(const std::string& firm_name) {
  auto ref = [](const std::string& id, const std::string& label, ActorType type) {
    return EntityRef{id, label, type, label};
  };
  EntityRef firm = ref("organization:smith & sons", firm_name, ActorType::kOrganization);
  EntityRef putin = ref("person:владимир путин", kCyrillicName, ActorType::kPerson);
  EntityRef li = ref("person:李强", kChineseName, ActorType::kPerson);

  Entity putin_entity;
  putin_entity.id = putin.id;
  putin_entity.label = kCyrillicName;
  putin_entity.type = ActorType::kPerson;
  putin_entity.aliases = {kCyrillicName, "Путин"};
  putin_entity.country = "RUS";

  Relation meet;
  meet.doc = "feed.jsonl:12";  // ':' and '/' must be percent-encoded in IRIs
  meet.sentence = 1;
  meet.evidence = "The two leaders met in a made-up city.";
  meet.subject = putin;
  meet.object = li;
  meet.predicate = "meet";
  meet.cameo = "040";
  meet.goldstein = 1.0;
  meet.date = "2023-03-20";
  meet.confidence = kPreciseConfidence;

  Relation sanction = meet;
  sanction.doc = "news/2023 spring.html";
  sanction.subject = li;
  sanction.object = firm;
  sanction.predicate = "impose_sanctions";
  sanction.cameo = "163";
  sanction.goldstein = -8.0;
  sanction.date = "";
  sanction.confidence = 0.75;
  Relation denial = sanction;
  denial.sentence = 3;
  denial.negated = true;

  Document doc;
  doc.id = "news/2023 spring.html";
  doc.date = "2023-04-02";
  return graph::KnowledgeGraph::Build({putin_entity}, {meet, sanction, denial}, {doc});
}

std::optional<std::string> SharedDir() {
  std::string dir;
  if (const char* env = std::getenv("POLGRAPH_SHARED_DIR"); env != nullptr && *env != '\0') {
    dir = env;
  } else {
    dir = SourceDir() + "/../shared";
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return dir;
}

std::string SourceDir() {
  if (const char* env = std::getenv("POLGRAPH_SOURCE_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return POLGRAPH_TEST_SOURCE_DIR;
}

bool PythonHas(const std::string& modules) {
  std::string imports;
  for (size_t pos = 0; pos < modules.size();) {
    size_t space = modules.find(' ', pos);
    if (space == std::string::npos) space = modules.size();
    if (space > pos) imports += "import " + modules.substr(pos, space - pos) + ";";
    pos = space + 1;
  }
  return RunCommand("/usr/bin/python3 -c " + ShellQuote(imports)).exit_code == 0;
}

std::optional<std::string> NodeReadersMissing() {
  if (RunCommand("node --version").exit_code != 0) return "node is not installed";
  const std::string modules = SourceDir() + "/tests/export/js/node_modules";
  for (const char* package : {"graphology", "graphology-graphml", "graphology-gexf"}) {
    if (!std::filesystem::exists(modules + "/" + package + "/package.json")) {
      return modules + "/" + package + " missing: run tools/install_deps.sh";
    }
  }
  return std::nullopt;
}

std::optional<std::string> RunJsonScript(const std::string& interpreter, const std::string& script,
                                         const std::string& args, rapidjson::Document* doc) {
  const std::string path = SourceDir() + "/tests/export/" + script;
  if (!std::filesystem::exists(path)) return path + " not found";
  // stderr apart, so that a warning cannot break the JSON on stdout.
  TempFile errors(".err");
  CommandResult result = RunCommand("( " + interpreter + " " + ShellQuote(path) + " " + args +
                                    " 2>" + ShellQuote(errors.path()) + " )");
  if (result.exit_code != 0) {
    std::ifstream err(errors.path());
    std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    return script + " failed (" + std::to_string(result.exit_code) + "): " + message;
  }
  doc->Parse<rapidjson::kParseFullPrecisionFlag>(result.output.c_str());
  if (doc->HasParseError()) return script + " printed no JSON: " + result.output.substr(0, 400);
  return std::nullopt;
}

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TempFile::TempFile(const std::string& suffix) {
  std::random_device random;
  path_ = (std::filesystem::temp_directory_path() /
           ("polgraph_export_test_" + std::to_string(getpid()) + "_" + std::to_string(random()) +
            suffix))
              .string();
}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace polgraph::exporter::export_test
