// polgraph <command>: news articles in, a knowledge graph of political actors out.
// See `polgraph --help` and `polgraph <command> --help`.
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  CLI::App app{
      "polgraph: turns news articles into a knowledge graph of political actors and what they "
      "did to each other"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "polgraph 0.1.0");
  int exit_code = polgraph::cli::kExitOk;
  polgraph::cli::AddBuildCommand(app, &exit_code);
  polgraph::cli::AddExtractCommand(app, &exit_code);
  polgraph::cli::AddEntitiesCommand(app, &exit_code);
  polgraph::cli::AddIngestCommand(app, &exit_code);
  polgraph::cli::AddExportCommand(app, &exit_code);
  polgraph::cli::AddQueryCommand(app, &exit_code);
  polgraph::cli::AddNlpCommands(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : polgraph::cli::kExitUsage;
  } catch (const std::exception& e) {
    // Last resort: modules return Status, so reaching here is a bug.
    std::cerr << "polgraph: internal error: " << e.what() << "\n";
    return polgraph::cli::kExitFailed;
  }
  return exit_code;
}
