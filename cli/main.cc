// polgraph <command>: news articles in, a knowledge graph of political actors out.
// See `polgraph --help` and `polgraph <command> --help`.
#include <malloc.h>

#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"

int main(int argc, char** argv) {
  // glibc gives freed memory at the top of the heap back to the kernel as soon as
  // 128 KiB are free, and takes it back for the next document: on an ingest that
  // cost more system time (brk, page faults, TLB flushes) than SQLite. Keeping up to
  // 64 MiB makes ingest ~1.6x faster for a few MB more resident memory.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
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
