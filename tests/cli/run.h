// Runs the polgraph binary (path from $POLGRAPH_BIN) the way a user would, and
// helpers to find ../shared and to write scratch files.
#pragma once

#include <string>
#include <vector>

namespace polgraph::testing_cli {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `polgraph <args>` through /bin/sh; `args` is pasted as written, so quote
// paths. `stdin_text` is fed to standard input.
RunResult RunPolgraph(const std::string& args, const std::string& stdin_text = "");

// A fresh empty directory for one test.
std::string ScratchDir(const std::string& name);
void WriteFile(const std::string& path, const std::string& bytes);

// ../shared, or "" when it is not there (tests then skip).
std::string SharedDir();
// The repository root (for examples/).
std::string SourceDir();

// Lines of `text`, without the newline.
std::vector<std::string> Lines(const std::string& text);

}  // namespace polgraph::testing_cli
