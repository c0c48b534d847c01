#include "run.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace polgraph::testing_cli {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// An environment variable, else the default compiled in by tests/CMakeLists.txt.
std::string Env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

}  // namespace

RunResult RunPolgraph(const std::string& args, const std::string& stdin_text) {
  std::string dir = ScratchDir("run");
  WriteFile(dir + "/stdin", stdin_text);
  std::string bin = Env("POLGRAPH_BIN", POLGRAPH_DEFAULT_BIN);
  EXPECT_FALSE(bin.empty()) << "no polgraph binary";
  std::string cmd =
      "'" + bin + "' " + args + " <'" + dir + "/stdin' >'" + dir + "/out' 2>'" + dir + "/err'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadAll(dir + "/out");
  r.err = ReadAll(dir + "/err");
  return r;
}

std::string ScratchDir(const std::string& name) {
  static int counter = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "none";
  for (char& c : test) {
    if (c == '/') c = '_';
  }
  std::filesystem::path p = std::filesystem::path(::testing::TempDir()) / "polgraph_cli" /
                            (test + "." + name + "." + std::to_string(counter++));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string SharedDir() {
  std::string dir = Env("POLGRAPH_SHARED_DIR", POLGRAPH_DEFAULT_SHARED_DIR);
  if (dir.empty()) dir = SourceDir() + "/../shared";
  return std::filesystem::exists(dir + "/data") ? dir : "";
}

std::string SourceDir() { return Env("POLGRAPH_SOURCE_DIR", POLGRAPH_DEFAULT_SOURCE_DIR); }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace polgraph::testing_cli
