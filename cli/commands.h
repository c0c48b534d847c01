// The subcommands of `polgraph`. Each Add*Command registers its options on `app`
// and sets *exit_code when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace polgraph::cli {

void AddExtractCommand(CLI::App& app, int* exit_code);
void AddEntitiesCommand(CLI::App& app, int* exit_code);
void AddIngestCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddQueryCommand(CLI::App& app, int* exit_code);
void AddBuildCommand(CLI::App& app, int* exit_code);
// train tagger|parser, parse, eval-parser (cli/nlp_commands.cc).
void AddNlpCommands(CLI::App& app, int* exit_code);

}  // namespace polgraph::cli
