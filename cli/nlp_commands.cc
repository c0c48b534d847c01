// `polgraph train`, `polgraph parse`, `polgraph eval-parser`: filled in with the
// tagger and parser (issue 3).
#include "cli/commands.h"

namespace polgraph::cli {

void AddNlpCommands(CLI::App& /*app*/, int* /*exit_code*/) {}

}  // namespace polgraph::cli
